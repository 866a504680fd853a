"""登录: the sign-in at start, the first administrator of a new data file, and the idle lock.

``sign_in_at_start`` is called by app.run_gui once the data file is open, over the main window, which
shows nothing of it until the user has signed in (never by MainWindow itself, so tests that build a
window meet no dialog). A wrong password
shows its message under the field, with everything typed kept. The idle lock covers every window
after a while without keyboard or mouse input and asks for the same user's password (or 切换用户);
open dialogs are neither closed nor emptied.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop import APP_NAME
from xiaoneng_desktop.core import accounts, session, settings
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.widgets.form_errors import FieldErrors

STRENGTH_HINT = f"密码至少 {accounts.MIN_LENGTH} 个字符，包含字母、数字、符号中的至少两种，且不能与登录名相同。"


class _Form(QDialog):
    """A small form whose fields each have a red message label under them (``<field>_error``)."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.form_error = QLabel()
        self.form_error.setStyleSheet("color: #c00000;")
        self.form_error.setWordWrap(True)
        self.layout_.addWidget(self.form_error)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.layout_.addLayout(self.buttons)
        self.inputs: dict[str, QLineEdit] = {}

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add_field(self, field: str, label: str, password: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"{field}_edit")
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        error = QLabel()
        error.setObjectName(f"{field}_error")
        error.setStyleSheet("color: #c00000;")
        error.setWordWrap(True)
        column = QWidget()
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(edit)
        box.addWidget(error)
        self.form.addRow(label, column)
        setattr(self, f"{field}_edit", edit)
        setattr(self, f"{field}_error", error)
        self.inputs[field] = edit
        return edit

    def add_button(self, text: str, slot: Callable[[], object], default: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(default)
        button.setDefault(default)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def finish_form(self) -> None:
        self.errors = FieldErrors(self, self.inputs, self.form_error)


class LoginDialog(_Form):
    """登录名 and 密码; 登录 signs in (accounts.sign_in) and accepts, 退出 rejects."""

    def __init__(self, parent: QWidget | None = None, login: str = "", title: str = "", detail: str = ""):
        super().__init__(title or f"登录 — {APP_NAME}", parent)
        self.detail = detail
        self.actor: session.Actor | None = None
        self.add_field("login", "登录名")
        self.add_field("password", "密码", password=True)
        self.login_button = self.add_button("登录", self.submit, default=True)
        self.quit_button = self.add_button("退出", self.reject)
        self.finish_form()
        self.login_edit.setText(login)
        (self.password_edit if login else self.login_edit).setFocus()

    def submit(self) -> session.Actor | None:
        actor = self.errors.attempt(
            lambda: accounts.sign_in(self.login_edit.text(), self.password_edit.text(), self.detail))
        if actor is not None:
            self.actor = actor
            self.accept()
        else:
            self.password_edit.selectAll()  # kept, and typing again replaces it
        return actor


class CreateAdminDialog(_Form):
    """First run: the data file has no account yet; create the first 管理员 and sign in as it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(f"创建管理员 — {APP_NAME}", parent)
        self.actor: session.Actor | None = None
        self.set_intro("这个数据文件还没有用户。请先创建管理员账户，以后用它登录、新建其他用户。")
        self.add_field("login", "登录名")
        self.add_field("password", "密码", password=True)
        self.add_field("password2", "再输入一次", password=True)
        hint = QLabel(STRENGTH_HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666666;")
        self.form.addRow("", hint)
        self.create_button = self.add_button("创建并登录", self.submit, default=True)
        self.quit_button = self.add_button("退出", self.reject)
        self.finish_form()
        self.login_edit.setFocus()

    def _create(self) -> session.Actor:
        login, password = self.login_edit.text(), self.password_edit.text()
        if password and self.password2_edit.text() != password:
            raise ValidationError("password2", "两次输入的密码不一致")
        accounts.create_account(login, session.ADMIN, password)
        return accounts.sign_in(login, password)

    def submit(self) -> session.Actor | None:
        actor = self.errors.attempt(self._create)
        if actor is not None:
            self.actor = actor
            self.accept()
        return actor


def sign_in_at_start(parent: QWidget | None = None) -> bool:
    """At the start: the first administrator or the login, when ``login.required``.
    False when the user chose 退出 (the program ends); True when signed in or login is off."""
    if not settings.get(accounts.LOGIN_REQUIRED.key):
        return True
    dialog = CreateAdminDialog(parent) if not accounts.has_accounts() else LoginDialog(parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


# ---------------------------------------------------------------------------------- idle lock


class _Cover(QWidget):
    """An opaque sheet over one window while the program is locked: nothing behind it is readable."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCover { background: #2b3a4a; } QLabel { color: white; font-size: 18px; }")
        label = QLabel("已锁定", self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False


class LockDialog(_Form):
    """已锁定: the same user's password unlocks; 切换用户 signs another one in. It cannot be closed."""

    def __init__(self, actor: session.Actor, parent: QWidget | None = None):
        super().__init__("已锁定", parent)
        self.actor = actor
        self.set_intro(f"长时间没有操作，窗口已锁定。\n当前用户：{actor.name}（{actor.role}）。请输入密码解锁。")
        self.add_field("password", "密码", password=True)
        self.unlock_button = self.add_button("解锁", self.submit, default=True)
        self.switch_button = self.add_button("切换用户…", self.switch_user)
        self.finish_form()
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.password_edit.setFocus()

    def submit(self) -> session.Actor | None:
        actor = self.errors.attempt(lambda: accounts.sign_in(self.actor.name, self.password_edit.text(), "解除锁定"))
        if actor is not None:
            self.accept()
        else:
            self.password_edit.selectAll()
        return actor

    def switch_user(self) -> LoginDialog:
        dialog = LoginDialog(self, title="切换用户", detail="锁定后切换用户")
        dialog.quit_button.setText("取消")
        dialog.accepted.connect(self.accept)
        dialog.finished.connect(dialog.deleteLater)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.show()
        return dialog

    def reject(self) -> None:  # Esc does not unlock
        pass

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        event.ignore()


class IdleLock(QObject):
    """Locks the program after ``login.idle_lock_minutes`` without keyboard or mouse input.

    An application event filter notes the moment of the last input; ``check`` (every ``check_ms``)
    locks when the setting's minutes have passed. ``now`` (monotonic seconds) is injectable for tests.
    """

    INPUT_EVENTS = frozenset({
        QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
        QEvent.Type.TouchBegin, QEvent.Type.MouseButtonDblClick,
    })

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, *, now: Callable[[], float] = time.monotonic, check_ms: int = 5000):
        super().__init__(window)
        self.window = window
        self.now = now
        self.last_input = now()
        self.dialog: LockDialog | None = None
        self.covers: list[_Cover] = []
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.last_input = self.now()
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in self.INPUT_EVENTS and self.dialog is None:
            self.last_input = self.now()
        return False

    def idle_minutes(self) -> int:
        try:
            return int(settings.get(accounts.IDLE_LOCK_MINUTES.key))
        except Exception:  # noqa: BLE001 - a data file being switched: try again at the next check
            return 0

    def check(self) -> bool:
        """Lock if the idle time has passed; True when locked now."""
        minutes = self.idle_minutes()
        if self.dialog is not None or minutes <= 0 or not session.current().signed_in:
            return False
        if self.now() - self.last_input < minutes * 60:
            return False
        self.lock()
        return True

    def lock(self) -> LockDialog:
        """Cover every window and ask for the password (nothing open is closed)."""
        if self.dialog is not None:
            return self.dialog
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and not isinstance(widget, _Cover):
                self.covers.append(_Cover(widget))
        dialog = self.dialog = LockDialog(session.current(), self.window)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.accepted.connect(self._unlocked)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.locked.emit()
        return dialog

    def _unlocked(self) -> None:
        for cover in self.covers:
            cover.deleteLater()
        self.covers = []
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.last_input = self.now()
        self.unlocked.emit()
