"""The buttons act on the row the user chose, in whichever list: the 未办结 pane or the whole register."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from xiaoneng_desktop.core import people
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.ui.duty.call_dialog import CallDialog
from xiaoneng_desktop.ui.duty.tab import DutyTab
from xiaoneng_desktop.ui.visitors.handling_dialog import HandlingDialog
from xiaoneng_desktop.ui.visitors.tab import VisitorsTab
from xiaoneng_desktop.visitors import service as visitors
from xiaoneng_desktop.visitors.service import VisitInput


@pytest.fixture
def no_boxes(monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))


def click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))  # column 0 is never hidden
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def visible(tab, kind):
    return [d for d in tab.findChildren(kind) if d.isVisible()]


def test_close_button_acts_on_the_open_pane(qtbot, database, clock, no_boxes):
    dept = people.save_department(None, "综合科")
    people.save_person(None, name="王值班", department_id=dept.id, mobile="13812345678")
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班"))
    first = duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 10), category="一般事项",
                                       summary="县应急局来电：强降雨", officer_name="王值班"))
    second = duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 40), category="一般事项",
                                        summary="镇政府来电：停电", officer_name="王值班"))
    tab = DutyTab()
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    # the register has the other call selected
    tab.view.select_id(first.id)
    row = tab.open_model.row_of_id(second.id)
    click_row(qtbot, tab.open_table, row)
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)  # the button takes the focus
    [dialog] = visible(tab, CallDialog)
    assert dialog.call_id == second.id and dialog.windowTitle() == "办结来电事项"
    dialog.discard()

    # back in the register: its own selection counts again
    click_row(qtbot, tab.view.table, tab.model.row_of_id(first.id))
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialogs = visible(tab, CallDialog)
    assert [d.call_id for d in dialogs] == [first.id]


def test_handle_button_acts_on_the_open_visits(qtbot, database, clock, no_boxes):
    dept = people.save_department(None, "政务服务科")
    people.save_person(None, name="王接待", department_id=dept.id, mobile="13812340000")
    older = visitors.create_visit(VisitInput(visited_at=clock() - dt.timedelta(days=3), name="赵某",
                                             phone="0736-7212345", matter="土地纠纷", first_responder="王接待"))
    newer = visitors.create_visit(VisitInput(visited_at=clock() - dt.timedelta(hours=1), name="钱某",
                                             phone="13812345678", matter="低保申请", first_responder="王接待"))
    tab = VisitorsTab()
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.view.select_id(newer.id)
    click_row(qtbot, tab.open_table, tab.open_model.row_of_id(older.id))
    qtbot.mouseClick(tab.handle_button, Qt.MouseButton.LeftButton)
    [dialog] = visible(tab, HandlingDialog)
    assert dialog.visit_id == older.id


def test_nothing_found_says_so_and_clears(qtbot, database, clock, no_boxes):
    duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 10), category="一般事项",
                               summary="石门桥村养殖场有异味", officer_name="王值班"))
    tab = DutyTab()
    qtbot.addWidget(tab)
    tab.show()
    view = tab.view
    view.filter_bar.search.setText("石门桥 停电")
    view.filter_bar.apply()
    qtbot.waitUntil(lambda: "没有找到" in view.count_label.text())
    assert "“石门桥 停电”" in view.count_label.text() and "清除筛选" in view.count_label.text()
    view.count_label.linkActivated.emit("clear")
    qtbot.waitUntil(lambda: view.count_label.text() == "共 1 条")
    assert view.filter_bar.search.text() == ""
    view.filter_bar.search.setText("石门桥 养殖")
    view.filter_bar.apply()
    qtbot.waitUntil(lambda: view.count_label.text() == "共 1 条" and tab.model.rowCount() == 1)
