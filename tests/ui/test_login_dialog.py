"""登录 at start, the first administrator, the idle lock, 用户管理 and the status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from xiaoneng_desktop.core import accounts, session, settings
from xiaoneng_desktop.core.models import Account, AuditLog
from xiaoneng_desktop.ui.admin import login_dialog
from xiaoneng_desktop.ui.admin.accounts_dialog import AccountsDialog
from xiaoneng_desktop.ui.admin.login_dialog import CreateAdminDialog, IdleLock, LockDialog, LoginDialog

PASSWORD = "Admin-2026"


@pytest.fixture(autouse=True)
def signed_out():
    session.sign_in(None)
    yield
    session.sign_in(None)


@pytest.fixture
def admin(database, clock):
    return accounts.create_account("admin", "管理员", PASSWORD)


def type_in(qtbot, edit, text):
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def test_login_with_enter(qtbot, admin):
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_in(qtbot, dialog.login_edit, "admin")
    type_in(qtbot, dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert session.current() == session.Actor("admin", "管理员", admin.id)
    assert dialog.actor.name == "admin"


def test_wrong_password_shows_the_message_at_the_field(qtbot, admin):
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_in(qtbot, dialog.login_edit, "admin")
    type_in(qtbot, dialog.password_edit, "wrong-pass1")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "不正确" in dialog.errors.shown()["password"]
    assert dialog.password_error.isVisible()
    assert dialog.login_edit.text() == "admin" and dialog.password_edit.text() == "wrong-pass1"
    assert not session.current().signed_in
    assert Account.get_by_id(admin.id).failed_logins == 1
    # retyping the password over the selected one signs in
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and session.current().signed_in


def test_first_run_creates_the_administrator(qtbot, database, clock):
    dialog = CreateAdminDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_in(qtbot, dialog.login_edit, "boss")
    type_in(qtbot, dialog.password_edit, "short")
    type_in(qtbot, dialog.password2_edit, "short")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "至少要 8 个字符" in dialog.errors.shown()["password"]
    dialog.password_edit.setText(PASSWORD)
    dialog.password2_edit.setText(PASSWORD + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "不一致" in dialog.errors.shown()["password2"]
    assert not accounts.has_accounts()
    dialog.password2_edit.setText(PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert session.current().name == "boss" and session.current().role == "管理员"
    assert [line.action for line in AuditLog.select().order_by(AuditLog.id)] == ["新建", "登录"]


def test_sign_in_at_start_chooses_the_dialog(qtbot, database, clock, monkeypatch):
    shown = []

    def exec_(self):
        shown.append(type(self).__name__)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", exec_)
    assert login_dialog.sign_in_at_start() is False and shown == ["CreateAdminDialog"]
    accounts.create_account("admin", "管理员", PASSWORD)
    assert login_dialog.sign_in_at_start() is False and shown[-1] == "LoginDialog"
    settings.put("login.required", False)
    assert login_dialog.sign_in_at_start() is True and len(shown) == 2


def test_status_bar_and_menu_follow_the_user(qtbot, admin, db_path, tmp_path):
    from xiaoneng_desktop.ui.main_window import MainWindow

    clerk = accounts.create_account("clerk", "秘书", PASSWORD)
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.user_label.text().startswith("未启用登录（单机模式），操作人记为系统用户")
    assert window.accounts_action.isEnabled()  # no role: unrestricted
    accounts.sign_in("clerk", PASSWORD)
    window.show_user()
    assert window.user_label.text() == "当前用户：clerk（秘书）"
    assert not window.accounts_action.isEnabled() and window.sign_out_action.isEnabled()
    assert clerk.id
    accounts.sign_out()
    accounts.sign_in("admin", PASSWORD)
    accounts.create_account("<b>x</b>", "秘书", PASSWORD)
    accounts.sign_in("<b>x</b>", PASSWORD)
    window.show_user()  # a login is text, never markup
    assert window.user_label.textFormat() == Qt.TextFormat.PlainText
    assert window.user_label.text() == "当前用户：<b>x</b>（秘书）"


def test_run_gui_signs_in_over_a_window_that_shows_nothing_yet(qapp, tmp_path, monkeypatch):
    """The window is painted first; the login comes over it before anything is read, and 退出 ends
    the program with nothing read."""
    from xiaoneng_desktop import app, schema
    from xiaoneng_desktop.core import db as db_module
    from xiaoneng_desktop.ui import main_window as main_window_module

    monkeypatch.setattr(app, "prepare_application", lambda application: None)
    path = tmp_path / "x.sqlite3"
    schema.open_database(path)
    accounts.create_account("admin", "管理员", PASSWORD)
    db_module.close_database()
    windows, at_login = [], []

    class Window(main_window_module.MainWindow):
        def __init__(self, path, **options):
            super().__init__(path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), **options)
            windows.append(self)

        def finish_start(self):
            super().finish_start()
            QTimer.singleShot(50, self.close)

    monkeypatch.setattr(main_window_module, "MainWindow", Window)

    def exec_(dialog, answer):
        window = windows[-1]
        at_login.append((type(dialog).__name__, dialog.parent() is window, window.isVisible(), window.started,
                         window.dashboard_place.widget, window.registers(), window.user_label.text()))
        if answer:
            dialog.login_edit.setText("admin")
            dialog.password_edit.setText(PASSWORD)
            dialog.submit()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", lambda self: exec_(self, False))
    assert app.run_gui(path) == 0  # 退出 at the login
    assert at_login == [("LoginDialog", True, True, False, None, [], "请先登录")]
    assert not windows[-1].isVisible() and not windows[-1].started and db_module.database.obj.is_closed()
    monkeypatch.setattr(LoginDialog, "exec", lambda self: exec_(self, True))
    assert app.run_gui(path) == 0
    assert len(at_login) == 2 and windows[-1].started
    assert windows[-1].user_label.text() == "当前用户：admin（管理员）"


def test_idle_lock_covers_and_unlocks_without_closing_dialogs(qtbot, admin):
    accounts.sign_in("admin", PASSWORD)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    open_dialog = LoginDialog(window, title="某个没保存的对话框")
    open_dialog.show()
    open_dialog.login_edit.setText("typed but not saved")
    moment = [1000.0]
    lock = IdleLock(window, now=lambda: moment[0], check_ms=60_000)
    lock.start()
    try:
        moment[0] += 14 * 60
        assert lock.check() is False
        qtbot.mouseMove(window)  # input restarts the count
        QApplication.sendEvent(window, _key_event())
        moment[0] += 2 * 60
        assert lock.check() is False
        moment[0] += 14 * 60
        assert lock.check() is True
        dialog = lock.dialog
        assert isinstance(dialog, LockDialog) and dialog.isVisible()
        assert len(lock.covers) >= 2 and all(cover.isVisible() for cover in lock.covers)
        dialog.reject()  # Esc does not unlock
        assert dialog.isVisible()
        dialog.password_edit.setText("wrong-pass1")
        dialog.submit()
        assert "不正确" in dialog.errors.shown()["password"] and lock.dialog is dialog
        dialog.password_edit.setText(PASSWORD)
        with qtbot.waitSignal(lock.unlocked, timeout=2000):
            dialog.submit()
        assert lock.dialog is None and lock.covers == []
        assert open_dialog.isVisible() and open_dialog.login_edit.text() == "typed but not saved"
        assert AuditLog.select().where(AuditLog.action == "登录").count() == 2
    finally:
        lock.stop()
        open_dialog.deleteLater()


def test_idle_lock_off_when_zero(qtbot, admin):
    accounts.sign_in("admin", PASSWORD)
    settings.put("login.idle_lock_minutes", 0)
    window = QWidget()
    qtbot.addWidget(window)
    moment = [0.0]
    lock = IdleLock(window, now=lambda: moment[0])
    moment[0] += 10 * 3600
    assert lock.check() is False


def test_switch_user_from_the_lock(qtbot, admin):
    accounts.create_account("clerk", "秘书", PASSWORD)
    accounts.sign_in("admin", PASSWORD)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window)
    dialog = lock.lock()
    login = dialog.switch_user()
    login.login_edit.setText("clerk")
    login.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(lock.unlocked, timeout=2000):
        login.submit()
    assert session.current().name == "clerk"


def test_accounts_dialog(qtbot, admin, monkeypatch):
    accounts.sign_in("admin", PASSWORD)
    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "正常"
    editor = dialog.new_account()
    editor.login_edit.setText("wang")
    editor.role_combo.setCurrentText("值班员")
    editor.password_edit.setText("secret-99")
    editor.password2_edit.setText("secret-99")
    editor.submit()
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(1, c).text() for c in (0, 1, 3, 4)] == ["wang", "值班员", "正常", "—"]
    assert dialog.selected().login == "wang"
    dialog.toggle_active()
    assert dialog.table.item(1, 3).text() == "已停用" and dialog.active_button.text() == "启用"
    dialog.toggle_active()
    dialog.toggle_lock()
    assert dialog.table.item(1, 3).text() == "已锁定" and dialog.lock_button.text() == "解锁"
    dialog.toggle_lock()
    assert dialog.table.item(1, 3).text() == "正常"
    reset = dialog.reset_password()
    reset.password_edit.setText("new-secret-1")
    reset.password2_edit.setText("new-secret-1")
    reset.submit()
    assert accounts.sign_in("wang", "new-secret-1").role == "值班员"
    accounts.sign_in("admin", PASSWORD)
    warnings = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *args: warnings.append(args[2]))
    dialog.table.selectRow(0)
    assert dialog.toggle_active() is False and "唯一可用的管理员" in warnings[0]


def _key_event():
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)


def test_another_data_file_asks_for_its_own_login(qtbot, admin, tmp_path, monkeypatch):
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.ui.main_window import MainWindow

    other = tmp_path / "other.sqlite3"
    accounts.sign_in("admin", PASSWORD)
    window = MainWindow(admin._meta.database.obj.database,
                        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    asked = []
    monkeypatch.setattr(QDialog, "exec", lambda self: asked.append(type(self).__name__) or 0)
    schema.open_database(other).close()
    assert window.open_data_file(other)
    assert asked == ["CreateAdminDialog"] and not session.current().signed_in
    assert window.user_label.text().startswith("未启用登录")
