"""A roster shift with no 带班领导 is a gap in the 24-hour coverage: marked in the roster, counted
("缺带班领导 N 班"), and said in the 值班记录 header when the current shift has none."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from xiaoneng_desktop.core import people
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.service import ShiftInput
from xiaoneng_desktop.ui.duty.roster_page import LEADER_COLUMN, NO_LEADER, NO_LEADER_COLOUR
from xiaoneng_desktop.ui.duty.tab import DutyTab


@pytest.fixture
def staff(database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    dept = people.save_department(None, "综合科")
    people.save_person(None, name="王值班", department_id=dept.id, mobile="13812345678")
    people.save_person(None, name="张科长", department_id=dept.id, mobile="13987654321")


def make_tab(qtbot) -> DutyTab:
    widget = DutyTab()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def test_leaderless_shifts_are_listed_in_time_order(staff):
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="夜班", officer_name="王值班"))
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班", leader_name="张科长"))
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 3), name="白班", officer_name="王值班"))
    service.save_shift(ShiftInput(day=dt.date(2026, 11, 3), name="白班", officer_name="王值班"))
    found = service.leaderless_shifts(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert [(s.day, s.name) for s in found] == [(dt.date(2026, 10, 3), "白班"), (dt.date(2026, 10, 9), "夜班")]


def test_roster_marks_and_counts_shifts_without_a_leader(qtbot, staff):
    service.generate_roster(2026, 10, ["王值班"], ["张科长"])
    tab = make_tab(qtbot)
    page = tab.roster
    tab.pages.setCurrentIndex(1)
    assert "缺带班领导" not in page.gaps_label.text()
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="夜班", officer_name="王值班"))
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 12), name="白班", officer_name="王值班"))
    page.refresh()
    assert "缺带班领导 2 班" in page.gaps_label.text()
    marked = [page.rows[r] for r in range(page.table.rowCount())
              if page.table.item(r, LEADER_COLUMN).text() == NO_LEADER]
    assert marked == [(dt.date(2026, 10, 9), "夜班"), (dt.date(2026, 10, 12), "白班")]
    row = page.rows.index((dt.date(2026, 10, 9), "夜班"))
    assert page.table.item(row, LEADER_COLUMN).foreground().color() == NO_LEADER_COLOUR


def test_duty_header_says_the_current_shift_has_no_leader(qtbot, staff, clock):
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班"))
    tab = make_tab(qtbot)
    tab.update_summary()
    assert "王值班" in tab.shift_label.text() and "本班缺带班领导" in tab.shift_label.text()
    service.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班", leader_name="张科长"))
    tab.update_summary()
    assert "带班领导 张科长" in tab.shift_label.text() and "缺带班领导" not in tab.shift_label.text()
