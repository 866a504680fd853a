"""文件 → 打开数据文件… → 数据库服务器: the address of the office's PostgreSQL server database.

测试连接 looks without opening anything; 连接 hands the address to the main window, which switches to
it the way it switches to another data file. A failure is shown at the field it concerns (the server
cannot be reached → 服务器地址, the login was refused → 密码, no such database → 数据库名) and the
dialog keeps everything typed. The password goes into the address in memory only: 记住 stores the
server, port, database and user in QSettings, never the password.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core import errors, targets

DEFAULT_PORT = 5432
SETTINGS_GROUP = "Connect"
FIELDS = ("host", "port", "dbname", "user", "password")

HINT = (
    "密码也可以不在这里填写：程序会像 PostgreSQL 自带的工具一样读取环境变量 PGPASSWORD，"
    "或密码文件 ~/.pgpass（Windows 上是 %APPDATA%\\postgresql\\pgpass.conf）。"
    "这里填写的密码只在本次运行中使用，不会保存。"
)


def server_url(host: str, port: int, dbname: str, user: str, password: str = "") -> str:
    """postgresql://user:password@host:port/dbname, every part quoted (an IPv6 address in brackets)."""
    login = quote(user, safe="")
    if password:
        login += ":" + quote(password, safe="")
    where = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"postgresql://{login + '@' if login else ''}{where}:{port}/{quote(dbname, safe='')}"


def url_parts(url: str) -> dict[str, str | int]:
    """The fields of a server address (without its password)."""
    try:
        parts = urlsplit(targets.shown_target(url))
        port = parts.port or DEFAULT_PORT
    except ValueError:
        return {}
    return {"host": parts.hostname or "", "port": port, "dbname": unquote(parts.path.lstrip("/")),
            "user": unquote(parts.username or "")}


def field_of(exc: BaseException) -> str:
    """Which field a failed connection's message belongs at ("" = the dialog's own line)."""
    cause = exc.__cause__
    if cause is None:
        text = str(exc)
        return "host" if "服务器版本过旧" in text else "dbname"  # another program's or a newer database
    kind = errors.kind_of(cause)
    if kind == errors.REFUSED_LOGIN and 'role "' in str(errors.driver_error(cause) or cause):
        return "user"  # the server knows no such user
    return {errors.UNREACHABLE: "host", errors.REFUSED_LOGIN: "password", errors.NO_DATABASE: "dbname"}.get(kind, "")


class ConnectDialog(QDialog):
    """``connect(url)`` switches the program to ``url`` and returns None, or why not: the open's
    DatabaseOpenError (its cause tells the field), or a Chinese sentence."""

    def __init__(self, parent: QWidget | None, settings: QSettings,
                 connect: Callable[[str], BaseException | str | None], current: str | None = None):
        super().__init__(parent)
        self.settings = settings
        self._connect = connect
        self.setWindowTitle("连接数据库服务器")
        self.setMinimumWidth(460)

        self.host = QLineEdit(self)
        self.host.setPlaceholderText("例如 192.168.1.10 或 服务器电脑名")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.dbname = QLineEdit(self)
        self.dbname.setPlaceholderText("例如 xiaoneng")
        self.user = QLineEdit(self)
        self.user.setPlaceholderText("例如 xiaoneng")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("可不填（见下方说明）")
        self.remember = QCheckBox("记住（不含密码）", self)
        self.remember.setChecked(True)

        form = QFormLayout()
        self.error_labels: dict[str, QLabel] = {}
        for name, label, widget in (("host", "服务器地址", self.host), ("port", "端口", self.port),
                                    ("dbname", "数据库名", self.dbname), ("user", "用户名", self.user),
                                    ("password", "密码", self.password)):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            error = QLabel(self)
            error.setObjectName(f"{name}_error")
            error.setWordWrap(True)
            error.setStyleSheet("color: #c0392b;")
            error.hide()
            column.addWidget(error)
            self.error_labels[name] = error
            form.addRow(label + "：", column)
            signal = getattr(widget, "textChanged", None) or widget.valueChanged
            signal.connect(lambda *_: self.clear_messages())
        form.addRow("", self.remember)

        self.hint = QLabel(HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.status = QLabel(self)  # the dialog's own line: a success, or a message of no one field
        self.status.setObjectName("form_error")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()

        self.buttons = QDialogButtonBox(self)
        self.test_button = QPushButton("测试连接", self)
        self.connect_button = QPushButton("连接", self)
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.test_button.clicked.connect(self.test_connection)
        self.connect_button.clicked.connect(self.connect_server)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._prefill(current)

    # ------------------------------------------------------------------ fields

    def _prefill(self, current: str | None) -> None:
        """The server in use, else the one remembered last."""
        values: dict[str, str | int] = url_parts(current) if current and targets.is_server(current) else {}
        if not values:
            self.settings.beginGroup(SETTINGS_GROUP)
            for name in ("host", "dbname", "user"):
                if self.settings.contains(name):
                    values[name] = str(self.settings.value(name))
            if self.settings.contains("port"):
                with contextlib.suppress(TypeError, ValueError):
                    values["port"] = int(self.settings.value("port"))
            self.settings.endGroup()
        self.host.setText(str(values.get("host", "")))
        self.port.setValue(int(values.get("port", DEFAULT_PORT)))
        self.dbname.setText(str(values.get("dbname", "")))
        self.user.setText(str(values.get("user", "")))
        for widget in (self.host, self.dbname, self.user, self.password):
            if not widget.text():
                widget.setFocus()
                break
        self.clear_messages()

    def url(self) -> str:
        """The address typed, with the password (only ever kept in memory)."""
        return server_url(self.host.text().strip(), self.port.value(), self.dbname.text().strip(),
                          self.user.text().strip(), self.password.text())

    def _missing(self) -> bool:
        missing = {name: message for name, widget, message in (
            ("host", self.host, "请填写服务器地址（IP 地址或电脑名）。"),
            ("dbname", self.dbname, "请填写数据库名。"),
            ("user", self.user, "请填写数据库用户名。"),
        ) if not widget.text().strip()}
        for name, message in missing.items():
            self.show_message(name, message)
        return bool(missing)

    # ------------------------------------------------------------------ messages

    def clear_messages(self) -> None:
        for label in self.error_labels.values():
            label.hide()
        self.status.hide()

    def show_message(self, field: str, text: str, ok: bool = False) -> None:
        label = self.error_labels.get(field, self.status)
        label.setStyleSheet("color: #1e7e34;" if ok else "color: #c0392b;")
        label.setText(text)
        label.show()
        widget = getattr(self, field, None) if field in FIELDS else None
        if widget is not None and not ok:
            widget.setFocus()

    def message(self, field: str) -> str:
        """The text shown at ``field`` ("" for the dialog's own line), or "" if none is shown."""
        label = self.error_labels.get(field, self.status)
        return label.text() if label.isVisibleTo(self) else ""

    # ------------------------------------------------------------------ buttons

    def _busy(self, work: Callable[[], object]) -> object:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.test_button.setEnabled(False)
        self.connect_button.setEnabled(False)
        try:
            return work()
        finally:
            self.test_button.setEnabled(True)
            self.connect_button.setEnabled(True)
            QApplication.restoreOverrideCursor()

    def test_connection(self) -> bool:
        self.clear_messages()
        if self._missing():
            return False
        try:
            found = self._busy(lambda: db_module.probe_server(self.url(), schema.SCHEMA_VERSION))
        except db_module.DatabaseOpenError as exc:
            self.show_message(field_of(exc), str(exc))
            return False
        self.show_message("", str(found), ok=True)
        return True

    def connect_server(self) -> bool:
        self.clear_messages()
        if self._missing():
            return False
        url = self.url()
        problem = self._busy(lambda: self._connect(url))
        if problem:
            # the open's error carries its cause, and so the field it concerns
            self.show_message(field_of(problem) if isinstance(problem, BaseException) else "", str(problem))
            return False
        self._remember()
        self.accept()
        return True

    def _remember(self) -> None:
        self.settings.beginGroup(SETTINGS_GROUP)
        if self.remember.isChecked():
            self.settings.setValue("host", self.host.text().strip())
            self.settings.setValue("port", self.port.value())
            self.settings.setValue("dbname", self.dbname.text().strip())
            self.settings.setValue("user", self.user.text().strip())
        else:
            self.settings.remove("")
        self.settings.endGroup()
