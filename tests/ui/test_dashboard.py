"""概览: what a leader sees first — today's roster, what is open and late everywhere, this month."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.ui.dashboard.tab import DashboardTab
from xiaoneng_desktop.ui.widgets.inputs import AMBER, RED


@pytest.fixture
def calls(database, clock):
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班", leader_name="张主任"))
    late = duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 30), category="一般事项",
                                      summary="县应急局来电：防汛检查", officer_name="王值班", assignee_name="李科员"))
    soon = duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 55), category="一般事项",
                                      summary="会议通知", officer_name="王值班"))
    done = duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 0), category="一般事项",
                                      summary="已办事项", officer_name="王值班"))
    duty.close_call(done.id, "已办", closed_at=dt.datetime(2026, 10, 9, 8, 5), late_reason="补记")
    return late, soon


def test_dashboard_shows_roster_open_items_and_figures(qtbot, calls):
    late, soon = calls
    tab = DashboardTab()
    qtbot.addWidget(tab)
    assert "白班" in tab.roster_label.text() and "王值班" in tab.roster_label.text()
    assert tab.open_box.title() == "待办事项 2 件，其中超时 1 件：值班 1（双击打开）"
    first = [tab.open_table.item(0, c).text() for c in range(5)]
    assert first[:3] == ["值班记录", "一般事项：县应急局来电：防汛检查", "李科员"] and first[4].startswith("超时")
    assert tab.open_table.item(0, 4).foreground().color() == RED
    assert tab.open_table.item(1, 4).foreground().color() == AMBER  # due within a day: 临近提醒
    assert tab.due_box.title() == "一个工作日内到期 1 件"
    duty_row = [tab.figures_table.item(0, c).text() for c in range(6)]
    assert duty_row == ["值班记录", "3", "1", "1", "1", "50.0%"]
    assert tab.month_notes.text() == "来访受理告知超时 0 批次"
    assert [line.register for line in tab.chart.rows] == ["值班记录", "公文流转", "来访接待", "五查自查"]


def test_double_click_opens_the_record_in_its_tab(qtbot, calls, tmp_path, monkeypatch):
    from xiaoneng_desktop.ui.main_window import MainWindow

    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    window = MainWindow(tmp_path / "x.sqlite3", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    dashboard = window.dashboard
    assert window.tabs.currentIndex() == 0
    opened = []
    duty_tab = window.register_tab(1)
    monkeypatch.setattr(duty_tab, "open_record", lambda record_id: opened.append(record_id), raising=False)
    with qtbot.waitSignal(dashboard.open_record):
        rect = dashboard.open_table.visualRect(dashboard.open_table.model().index(0, 1))
        qtbot.mouseClick(dashboard.open_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dashboard.open_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentIndex() == 1 and opened == [calls[0].id]


def test_dashboard_refreshes_when_a_register_changes(qtbot, calls, tmp_path):
    from xiaoneng_desktop.ui.main_window import MainWindow

    window = MainWindow(tmp_path / "x.sqlite3", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    dashboard = window.dashboard
    duty.close_call(calls[0].id, "已回复")
    window.register_tab(1).data_changed.emit()
    assert dashboard.open_box.title() == "待办事项 1 件，其中超时 0 件（双击打开）"


def test_warns_in_amber_while_next_year_is_provisional(qtbot, database, clock):
    from xiaoneng_desktop.core import workdays

    tab = DashboardTab()
    qtbot.addWidget(tab)
    assert tab.holiday_warning.isHidden()  # 9 October: year end is more than 60 days away
    clock.set(dt.datetime(2026, 11, 20, 9, 0))
    tab.refresh()
    assert not tab.holiday_warning.isHidden()
    assert tab.holiday_warning.text() == (
        "2027年的节假日安排尚未确认，请在“工具 → 节假日与调休”中按国务院办公厅通知核对。"
    )
    assert AMBER.name() in tab.holiday_warning.styleSheet()
    workdays.confirm_year(2027)
    tab.refresh()
    assert tab.holiday_warning.isHidden()


def test_refreshes_every_minute_only_while_shown(qtbot, database, clock):
    tab = DashboardTab()
    qtbot.addWidget(tab)
    assert not tab.timer.isActive()
    tab.show()
    assert tab.timer.isActive() and tab.timer.interval() == 60_000
    tab.hide()
    assert not tab.timer.isActive()
