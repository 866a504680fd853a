"""The whole-file check runs once the window is painted, and a damaged file is still refused in Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from xiaoneng_desktop import app, schema
from xiaoneng_desktop.core import db
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.service import CallInput


def damage(path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 40), 4096):  # scribble over b-tree pages
        data[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def fill(path, clock) -> None:
    database = schema.open_database(path)
    for _ in range(300):
        service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8), category="一般事项",
                                      summary="记录" * 200, officer_name="王值班"))
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()


@pytest.mark.sqlite_only(reason="损坏的数据文件")
def test_integrity_problem_of_a_sound_and_a_damaged_file(db_path, clock):
    fill(db_path, clock)
    assert db.integrity_problem(db_path) is None
    damage(db_path)
    assert "损坏" in db.integrity_problem(db_path)


@pytest.mark.sqlite_only(reason="损坏的数据文件")
def test_damaged_file_is_reported_after_the_window_shows(qtbot, db_path, clock, monkeypatch):
    fill(db_path, clock)
    damage(db_path)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    task = app.check_integrity_later(window, db_path)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    task.wait()
    assert shown[0][0] == "数据文件已损坏" and "请从备份恢复" in shown[0][1]
    assert not window.isVisible()
