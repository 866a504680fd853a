"""概览 at night and against the tabs: the shift on duty now first, the overdue counts the tabs show,
rates labelled 本月 or 累计 as they are."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtWidgets import QMessageBox

from xiaoneng_desktop import demo
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import ShiftInput
from xiaoneng_desktop.reports import dashboard
from xiaoneng_desktop.ui.dashboard.tab import DashboardTab

NIGHT = dt.datetime(2026, 10, 9, 0, 28)


def test_after_midnight_last_nights_shift_is_on_duty(qtbot, database, clock):
    clock.set(NIGHT)
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 8), name="夜班", officer_name="李夜班"))
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王白班"))
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="夜班", officer_name="赵夜班"))
    current, others = dashboard.duty_now()
    assert (current.day, current.name, current.officer_name) == (dt.date(2026, 10, 8), "夜班", "李夜班")
    assert [s.officer_name for s in others] == ["王白班", "赵夜班"]

    tab = DashboardTab()
    qtbot.addWidget(tab)
    lines = tab.roster_label.text().split("<br/>")
    assert len(lines) == 3
    assert "10月08日 夜班（17:30-08:30）" in lines[0] and "李夜班" in lines[0] and lines[0].endswith("（当前）</b>")
    assert "王白班" in lines[1] and "赵夜班" in lines[2]
    assert "当前" not in lines[1] + lines[2]

    clock.set(dt.datetime(2026, 10, 9, 9, 0))  # in the morning, today's 白班 is current; last night is gone
    tab.refresh()
    lines = tab.roster_label.text().split("<br/>")
    assert len(lines) == 2 and "王白班" in lines[0] and lines[0].endswith("（当前）</b>") and "李夜班" not in lines[0]


def test_a_gap_in_the_roster_is_said(qtbot, database, clock):
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="夜班", officer_name="赵夜班"))
    tab = DashboardTab()
    qtbot.addWidget(tab)
    lines = tab.roster_label.text().split("<br/>")
    assert "当前时段没有排班" in lines[0] and "赵夜班" in lines[1] and "（当前）" not in lines[1]


def test_rates_say_what_they_cover(database, clock):
    scopes = {line.register: line.scope for line in dashboard.month_lines(2026, 10)}
    assert scopes == {"值班记录": "本月", "公文流转": "本月", "来访接待": "本月", "五查自查": "累计"}


def _number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    return int(found.group(1)) if found else 0


def test_overdue_counts_equal_the_tabs(qtbot, database, clock, monkeypatch):
    from xiaoneng_desktop.ui.documents.tab import DocumentsTab
    from xiaoneng_desktop.ui.duty.tab import DutyTab
    from xiaoneng_desktop.ui.inspection.tab import InspectionTab
    from xiaoneng_desktop.ui.visitors.tab import VisitorsTab

    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    clock.set(NIGHT)
    demo.fill(2)
    board = DashboardTab()
    qtbot.addWidget(board)
    tabs = {}
    for kind in (DutyTab, DocumentsTab, VisitorsTab, InspectionTab):
        tabs[kind] = kind()
        qtbot.addWidget(tabs[kind])
    shown = {
        "值班记录": _number(r"其中超时 (\d+) 件", tabs[DutyTab].open_box.title()),
        "公文流转": _number(r"超时 (\d+) 件", tabs[DocumentsTab].summary_label.text()),
        "来访接待": _number(r"其中超期 (\d+) 件", tabs[VisitorsTab].open_box.title()),
        "五查自查": _number(r"超期未整改 (\d+) 个", tabs[InspectionTab].ledger_summary.text()),
    }
    assert board.overdue_counts == shown
    assert sum(shown.values()) > 0 and shown["来访接待"] > 0  # demo data has late items to compare
    assert f"其中超时 {sum(shown.values())} 件" in board.open_box.title()
    assert f"来访 {shown['来访接待']}" in board.open_box.title()
