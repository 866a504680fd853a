"""Every list goes out to Excel as shown: the open items, the roster, the reception schedule."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.ui.duty.tab import DutyTab
from xiaoneng_desktop.ui.widgets.export import export_model


@pytest.fixture
def tab(qtbot, database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班"))
    for minute in range(3):
        duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, minute), category="一般事项",
                                   summary=f"事项{minute}", officer_name="王值班"))
    widget = DutyTab()
    qtbot.addWidget(widget)
    return widget


def test_open_items_export_as_shown(qtbot, tab, tmp_path):
    target = tmp_path / "未办结.xlsx"
    done = []
    export_model(tab, tab.open_model, tab.open_table.accessibleName(), str(target), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "未办结来电" and rows[0][0].endswith("未办结来电") and rows[1][0] == "来电时间"
    assert len(rows) == 5
    assert done == [f"已导出 3 条到 {target}"]


def test_roster_exports_the_month_as_shown(tab, tmp_path):
    tab.roster.month.setDate(tab.roster.month.date().fromString("2026-10-01", "yyyy-MM-dd"))
    assert tab.roster.export_excel(str(tmp_path / "值班表")) == 62
    sheet = openpyxl.load_workbook(tmp_path / "值班表.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "2026年10月值班表" and rows[1][:3] == ("日期", "星期", "班次")
    assert rows[18][:3] == ("10-09", "五", "白班") and rows[18][4] == "王值班"
