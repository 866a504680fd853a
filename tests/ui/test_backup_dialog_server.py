"""备份与恢复 when the data source is a server database: a backup is a data file of every table in this
PC's backup folder; restoring one replaces the server's rows and the window shows them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import backups
from xiaoneng_desktop.core.models import Department
from xiaoneng_desktop.ui.admin.backup_dialog import BackupDialog
from xiaoneng_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.server_only
# The window switches to (and reopens) a server database through open_data_file as the connection
# dialog's branch makes it do; until that is merged, this test has nothing to run on.
pytest.importorskip("xiaoneng_desktop.ui.connect_dialog", reason="打开服务器数据库的窗口（连接对话框）尚未合入")


@pytest.fixture
def window(qtbot, database, db_path, tmp_path, clock, monkeypatch):
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "用户数据"))
    win = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    return win


def test_backup_now_and_restore_on_a_server(qtbot, window, db_path, tmp_path, clock, monkeypatch):
    seen = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, _k=kind, **k: seen.append((_k, text)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.auto_backup() is None  # a worker cannot copy a server: 立即备份 only
    Department.create(name="办公室")
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=10000)
    folder = tmp_path / "用户数据" / "备份"
    assert dialog.folder == folder
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and dialog.task is None, timeout=10000)
    backup = next(folder.glob("*.sqlite3"))
    assert backups.inspect(backup, schema.FILE_KIND).ok
    Department.create(name="误建的部门")
    clock.advance(minutes=2)
    dialog.table.selectRow(0)
    assert dialog.restore_selected(), seen
    assert [d.name for d in Department.select()] == ["办公室"]
    assert any("恢复前" in text for _kind, text in seen)
    assert len(list(folder.glob("*恢复前*.sqlite3"))) == 1
