"""工具 → 备份与恢复, and the window's automatic backups."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import backups
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core.models import Department
from xiaoneng_desktop.ui import main_window as main_window_module
from xiaoneng_desktop.ui.admin.backup_dialog import BackupDialog
from xiaoneng_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.sqlite_only(reason="backups of the data file beside it (a server's: test_backup_dialog_server)")


@pytest.fixture
def window(qtbot, database, db_path, tmp_path, clock):
    win = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()  # automatic backups are for a window on the screen
    return win


@pytest.fixture
def messages(monkeypatch):
    seen = []

    def record(kind, answer=QMessageBox.StandardButton.Ok):
        def show(parent, title, text, *args, **kwargs):
            seen.append((kind, title, text))
            return answer

        return show

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    return seen


def idle(dialog):
    return dialog.task is None


def test_dialog_lists_backups_and_backup_now_adds_one(qtbot, window, db_path, clock):
    Department.create(name="办公室")
    folder = db_path.parent / "备份"
    backups.make_backup(db_path, folder, schema.FILE_KIND)
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: idle(dialog), timeout=10000)
    assert dialog.folder == folder
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[0] == "2026-10-09 09:00:00" and row[-2] == "完好" and row[2:6] == ["0", "0", "0", "0"]
    clock.advance(minutes=1)
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2 and idle(dialog), timeout=10000)
    assert dialog.table.item(0, 0).text() == "2026-10-09 09:01:00"
    assert "已备份" in dialog.status_label.text() or "共 2 份" in dialog.status_label.text()
    assert len(list(folder.glob("*.sqlite3"))) == 2


def test_restore_selected_backs_up_first_and_reopens(qtbot, window, db_path, clock, messages):
    Department.create(name="办公室")
    folder = db_path.parent / "备份"
    good = backups.make_backup(db_path, folder, schema.FILE_KIND)
    Department.delete().execute()
    Department.create(name="误建的部门")
    old_tab = window.dashboard
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: idle(dialog), timeout=10000)
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    clock.advance(minutes=2)
    assert dialog.restore_selected()
    assert messages[0][0] == "question" and messages[-1][0] == "information"
    assert [d.name for d in Department.select()] == ["办公室"]  # the window reopened the restored file
    assert window.dashboard is not old_tab and db_module.database.obj is not None
    saved = folder / "test-备份-20261009-090200-恢复前.sqlite3"
    assert saved.exists() and str(saved) in messages[-1][2]
    assert backups.health_check(saved, schema.FILE_KIND).ok and good.path.exists()
    qtbot.waitUntil(lambda: idle(dialog), timeout=10000)
    assert dialog.table.rowCount() == 2


def test_automatic_backup_goes_to_the_status_bar(qtbot, window, db_path):
    task = window.auto_backup(only_if_changed=True)
    assert task is not None
    qtbot.waitUntil(lambda: window._auto_backup_task is None, timeout=10000)
    assert "已自动备份" in window.statusBar().currentMessage()
    assert len(list((db_path.parent / "备份").glob("*.sqlite3"))) == 1
    # nothing changed since: no second copy
    task = window.auto_backup(only_if_changed=True)
    qtbot.waitUntil(lambda: window._auto_backup_task is None, timeout=10000)
    assert len(list((db_path.parent / "备份").glob("*.sqlite3"))) == 1


def test_automatic_backup_failure_is_shown_not_a_modal_box(qtbot, window, db_path, messages, log_path):
    (db_path.parent / "备份").write_text("a file where the folder should be")
    window.auto_backup(only_if_changed=False)
    qtbot.waitUntil(lambda: window._auto_backup_task is None, timeout=10000)
    assert window.statusBar().currentMessage().startswith("自动备份失败：")
    assert messages == [] and "自动备份失败" in log_path.read_text(encoding="utf-8")


def test_exit_backup_and_timer(qtbot, window, db_path):
    hidden = MainWindow(db_path, window.settings)
    qtbot.addWidget(hidden)
    assert hidden.auto_backup() is None  # never shown: no backups
    hidden.close()
    assert not (db_path.parent / "备份").exists()
    assert window.auto_backup_timer.isActive() and window.auto_backup_timer.interval() == 4 * 3600 * 1000
    Department.create(name="办公室")
    window.close()
    assert not window.auto_backup_timer.isActive()
    copies = list((db_path.parent / "备份").glob("*.sqlite3"))
    assert len(copies) == 1 and backups.health_check(copies[0], schema.FILE_KIND).ok


def test_backup_dialog_is_in_the_tools_menu():
    assert ("备份与恢复…", "xiaoneng_desktop.ui.admin.backup_dialog", "BackupDialog") in main_window_module.ADMIN_DIALOGS


def test_the_start_backup_comes_after_the_first_screen(qtbot, window, db_path, monkeypatch):
    assert window.start_backup_timer.isActive()
    assert window.start_backup_timer.remainingTime() > 1000  # the window is painted first
    window.start_backup_timer.setInterval(0)
    window.start_backup_timer.start()
    qtbot.waitUntil(lambda: len(list((db_path.parent / "备份").glob("*.sqlite3"))) == 1, timeout=10000)
    qtbot.waitUntil(lambda: window._auto_backup_task is None, timeout=10000)
