"""文件 → 打开数据文件… → 数据库服务器: the connection dialog, its messages at the field, the switch."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit

from xiaoneng_desktop import APP_NAME
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core import server, targets
from xiaoneng_desktop.ui import connect_dialog
from xiaoneng_desktop.ui.connect_dialog import ConnectDialog
from xiaoneng_desktop.ui.duty.tab import DutyTab
from xiaoneng_desktop.ui.main_window import MainWindow

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def refused(text: str) -> db_module.DatabaseOpenError:
    """What the window's open of a server gives back when the driver said ``text``."""
    try:
        raise psycopg.OperationalError(text)
    except psycopg.Error as exc:
        try:
            raise db_module.DatabaseOpenError(server._explain("postgresql://u@192.168.1.10:5432/xiaoneng", exc)) \
                from exc
        except db_module.DatabaseOpenError as opened:
            return opened


def fill(qtbot, dialog: ConnectDialog, host="192.168.1.10", port=5432, dbname="xiaoneng", user="xiaoneng",
         password="") -> None:
    for edit, text in ((dialog.host, host), (dialog.dbname, dbname), (dialog.user, user),
                       (dialog.password, password)):
        edit.clear()
        if text.isascii() and text:  # QTest types ASCII only (and aborts on an empty text)
            qtbot.keyClicks(edit, text)
        else:
            edit.insert(text)  # what an input method commits
    dialog.port.setValue(port)


def test_wrong_password_is_told_at_the_password_and_the_input_stays(qtbot, settings):
    tried = []

    def connect(url):
        tried.append(url)
        return refused('FATAL:  password authentication failed for user "xiaoneng"')

    dialog = ConnectDialog(None, settings, connect)
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.port.value() == 5432
    assert "PGPASSWORD" in dialog.hint.text() and "pgpass" in dialog.hint.text()
    fill(qtbot, dialog, password="秘密")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert tried == ["postgresql://xiaoneng:%E7%A7%98%E5%AF%86@192.168.1.10:5432/xiaoneng"]
    assert "拒绝登录" in dialog.message("password")
    assert dialog.message("host") == ""
    assert dialog.isVisible() is False and dialog.result() == 0  # not accepted
    assert (dialog.host.text(), dialog.dbname.text(), dialog.password.text()) == ("192.168.1.10", "xiaoneng", "秘密")
    assert not settings.contains("Connect/host")  # nothing remembered of a failed connection
    qtbot.keyClicks(dialog.password, "1")
    assert dialog.message("password") == ""  # typing clears the message


@pytest.mark.parametrize(("text", "field", "words"), [
    ('connection to server at "192.168.1.10", port 5432 failed: Connection refused', "host", "无法连接"),
    ('FATAL:  database "xiaoneng" does not exist', "dbname", "不存在"),
    ('FATAL:  role "xiaoneng" does not exist', "user", "拒绝登录"),
])
def test_each_cause_at_its_field(qtbot, settings, text, field, words):
    dialog = ConnectDialog(None, settings, lambda url: refused(text))
    qtbot.addWidget(dialog)
    fill(qtbot, dialog)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert words in dialog.message(field)
    assert all(dialog.message(other) == "" for other in ("host", "dbname", "user", "password") if other != field)


def test_missing_fields_are_asked_for(qtbot, settings):
    tried = []
    dialog = ConnectDialog(None, settings, tried.append)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.message("host") == "请填写服务器地址（IP 地址或电脑名）。"
    assert dialog.message("dbname") == "请填写数据库名。"
    assert tried == []


def test_connected_server_is_remembered_without_password(qtbot, settings):
    dialog = ConnectDialog(None, settings, lambda url: None)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, host="效能服务器", port=5433, password="secret")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
    settings.sync()
    assert "secret" not in Path(settings.fileName()).read_text(encoding="utf-8")
    again = ConnectDialog(None, settings, lambda url: None)
    qtbot.addWidget(again)
    assert (again.host.text(), again.port.value(), again.dbname.text(), again.user.text(), again.password.text()) \
        == ("效能服务器", 5433, "xiaoneng", "xiaoneng", "")
    assert again.password.hasFocus() or not again.isVisible()


def test_look_of_the_dialog(qtbot, settings, tmp_path):
    dialog = ConnectDialog(None, settings, lambda url: refused('FATAL:  database "xiaoneng" does not exist'))
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.error_labels["dbname"].isVisible()
    dialog.grab().save(str(tmp_path / "connect.png"))
    assert (tmp_path / "connect.png").stat().st_size > 0


# ---------------------------------------------------------------------- the window on a server


def other_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


@pytest.mark.server_only
def test_window_switches_to_a_server_and_shows_no_password(qtbot, database, db_path, settings, clock,
                                                           server_databases, monkeypatch):
    window = MainWindow(db_path, settings)
    qtbot.addWidget(window)
    target = server_databases.create()
    try:
        parts = urlsplit(target)
        with_password = urlunsplit(parts._replace(netloc=f"{parts.username}:绝密@{parts.hostname}:{parts.port}"))
        dialog = ConnectDialog(window, settings, window._connect_to)
        qtbot.addWidget(dialog)
        # a database that does not exist: told at 数据库名, the window stays on its database
        fill(qtbot, dialog, host=parts.hostname, port=parts.port, dbname="h_connect_no_such_db",
             user=parts.username)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert "“h_connect_no_such_db”不存在" in dialog.message("dbname")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert "“h_connect_no_such_db”不存在" in dialog.message("dbname")
        assert db_module.database.obj is database
        # the right one (trust auth takes any password): the window works on it, without a restart
        fill(qtbot, dialog, host=parts.hostname, port=parts.port, dbname=parts.path.lstrip("/"),
             user=parts.username, password="绝密")
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        assert dialog.message("").startswith("连接成功")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == ConnectDialog.DialogCode.Accepted
        assert window.db_path == connect_dialog.server_url(parts.hostname, parts.port, parts.path.lstrip("/"),
                                                           parts.username, "绝密")
        assert db_module.on_server() and db_module.database.obj is not database
        assert isinstance(window.register_tab(1), DutyTab)
        shown = targets.describe_target(target)
        assert window.windowTitle() == f"{APP_NAME} — {shown}"
        assert window.path_label.text() == shown
        for text in (window.windowTitle(), window.path_label.text(), window.path_label.toolTip(),
                     window.about_text()):
            assert "绝密" not in text and "%E7%BB%9D" not in text
        assert with_password  # the address typed held one
        assert not settings.value("Connect/password")
    finally:
        db_module.close_database()
        server_databases.drop(target)


def test_open_data_file_offers_file_or_server(qtbot, database, db_path, settings, clock, monkeypatch):
    window = MainWindow(db_path, settings)
    qtbot.addWidget(window)
    went = []
    monkeypatch.setattr(window, "choose_file", lambda: went.append("file"))
    monkeypatch.setattr(window, "choose_server", lambda: went.append("server"))
    for answer in ("file", "server", None):
        monkeypatch.setattr(window, "ask_source", lambda answer=answer: answer)
        window.choose_data_file()
    assert went == ["file", "server"]

    def choose(box):
        assert [button.text() for button in box.buttons()][:2] == ["数据文件…", "数据库服务器…"]
        box.buttons()[1].click()
        return 0

    monkeypatch.undo()
    monkeypatch.setattr(connect_dialog_box(), "exec", choose)
    assert window.ask_source() == "server"


def connect_dialog_box():
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox
