"""Typed work is not thrown away without a question: Esc, 取消 and the close button of a filled entry
dialog, switching campaign over unsaved 五查 answers, and quitting or opening another data file ask
"是否保存修改？" (保存 / 不保存 / 取消). Driven by real key presses; the box is answered as a person would."""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.helpers import type_text
from xiaoneng_desktop.core import db as db_module
from xiaoneng_desktop.core import people, targets
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.inspection import service as inspection
from xiaoneng_desktop.inspection.models import Answer
from xiaoneng_desktop.inspection.service import CampaignInput
from xiaoneng_desktop.ui.duty.call_dialog import CallDialog
from xiaoneng_desktop.ui.duty.tab import DutyTab
from xiaoneng_desktop.ui.inspection.answer_grid import ANSWER
from xiaoneng_desktop.ui.inspection.tab import InspectionTab
from xiaoneng_desktop.ui.main_window import TAB_NAMES, MainWindow
from xiaoneng_desktop.ui.visitors.tab import VisitorsTab
from xiaoneng_desktop.ui.visitors.visit_dialog import VisitDialog
from xiaoneng_desktop.visitors.models import Visit

QUESTION = {"title": "未保存的修改", "text": "是否保存修改？", "buttons": {"保存", "不保存", "取消"}, "default": "保存"}


@pytest.fixture
def office(database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    department = people.save_department(None, "综合科")
    for number, name in enumerate(("王值班", "张三", "李四"), start=1):
        people.save_person(None, name=name, department_id=department.id, mobile=f"1381234567{number}")
    duty.save_shift(ShiftInput(day=dt.date(2026, 10, 9), name="白班", officer_name="王值班"))


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


@pytest.fixture
def duty_tab(qtbot, office):
    return shown(qtbot, DutyTab())


@pytest.fixture
def visitors_tab(qtbot, office):
    tab = shown(qtbot, VisitorsTab())
    tab.responder.setCurrentText("王值班")
    return tab


# --- the two forms of the issue: what to type, and what it saves ---------------------------------------


def fill_call(qtbot, dialog, summary="县应急局来电：今晚有强降雨"):
    type_text(qtbot, dialog.ui.caller, "刘科长")
    type_text(qtbot, dialog.ui.summary, summary)


def fill_visit(qtbot, dialog, matter="反映小区下水道堵塞"):
    type_text(qtbot, dialog.ui.name, "李大爷")
    type_text(qtbot, dialog.ui.matter, matter)


FORMS = {
    "新建来电": ("duty_tab", CallDialog, fill_call, lambda: [c.summary for c in Call.select()], "县应急局来电：今晚有强降雨"),
    "来访登记": ("visitors_tab", VisitDialog, fill_visit, lambda: [v.matter for v in Visit.select()], "反映小区下水道堵塞"),
}


def open_new(qtbot, tab, kind):
    """Ctrl+N on the tab, as the user opens the form."""
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in tab.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press_esc(qtbot, dialog):
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)


@pytest.mark.parametrize("form", FORMS)
def test_esc_on_an_untouched_form_closes_without_asking(qtbot, request, form):
    tab_name, kind, _fill, _stored, _typed = FORMS[form]
    dialog = open_new(qtbot, request.getfixturevalue(tab_name), kind)
    assert not dialog.is_dirty()
    press_esc(qtbot, dialog)  # a question here would fail the test (tests/ui/conftest.py)
    assert not dialog.isVisible()


@pytest.mark.parametrize("form", FORMS)
def test_esc_on_a_filled_form_asks_cancel_keeps_discard_drops_save_saves(qtbot, request, answer_save_question,
                                                                         form):
    tab_name, kind, fill, stored, typed = FORMS[form]
    tab = request.getfixturevalue(tab_name)
    dialog = open_new(qtbot, tab, kind)
    fill(qtbot, dialog)

    # 取消: the form stays with what was typed
    asked = answer_save_question("取消")
    press_esc(qtbot, dialog)
    assert len(asked) == 1 and {**asked[0], "buttons": set(asked[0]["buttons"])} == {**QUESTION, "informative": ""}
    assert dialog.isVisible() and dialog.is_dirty() and stored() == []
    # Esc on the question is 取消 too
    asked = answer_save_question("Esc")
    press_esc(qtbot, dialog)
    assert len(asked) == 1 and dialog.isVisible() and dialog.is_dirty()

    # 不保存: closed, nothing saved
    asked = answer_save_question("不保存")
    press_esc(qtbot, dialog)
    assert len(asked) == 1 and not dialog.isVisible() and stored() == []

    # 保存: saved as if Ctrl+Enter was pressed, and the list shows it
    dialog = open_new(qtbot, tab, kind)
    fill(qtbot, dialog)
    asked = answer_save_question("保存")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_esc(qtbot, dialog)
    assert len(asked) == 1 and not dialog.isVisible()
    assert stored() == [typed] and tab.model.rowCount() == 1


@pytest.mark.parametrize("form", FORMS)
def test_the_window_close_button_asks_too(qtbot, request, answer_save_question, form):
    tab_name, kind, fill, stored, _typed = FORMS[form]
    dialog = open_new(qtbot, request.getfixturevalue(tab_name), kind)
    fill(qtbot, dialog)
    asked = answer_save_question("取消")
    assert not dialog.close()  # what the title bar's ✕ does
    assert len(asked) == 1 and dialog.isVisible() and dialog.is_dirty()
    asked = answer_save_question("不保存")
    assert dialog.close()
    assert len(asked) == 1 and not dialog.isVisible() and stored() == []


def test_a_save_refused_from_the_question_keeps_the_form_with_the_message(qtbot, duty_tab, answer_save_question):
    dialog = open_new(qtbot, duty_tab, CallDialog)
    type_text(qtbot, dialog.ui.caller, "刘科长")  # no summary: the save is refused
    asked = answer_save_question("保存")
    press_esc(qtbot, dialog)
    assert len(asked) == 1 and dialog.isVisible()
    assert dialog.errors.shown()["summary"] == "请填写内容摘要" and dialog.ui.summary_error.isVisible()
    assert dialog.ui.caller.text() == "刘科长" and Call.select().count() == 0
    dialog.discard()


def test_a_read_only_record_closes_without_asking(qtbot, duty_tab, clock):
    call = duty.create_call(CallInput(received_at=clock(), category="一般事项", summary="重复登记的来电",
                                      officer_name="王值班", caller="王某"))
    duty.void_call(call.id, "重复登记", "王值班")
    duty_tab.refresh()
    dialog = duty_tab.activate(call.id)
    assert dialog.is_read_only() and dialog.windowTitle().startswith("来电记录（已作废")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(qtbot, dialog.ui.caller, "又改")  # the inputs take typing, but nothing can be saved
    press_esc(qtbot, dialog)  # a question would fail the test
    assert not dialog.isVisible()


def test_garbage_collected_while_the_form_and_question_are_open(qtbot, duty_tab, answer_save_question):
    """Only Qt holds the form (the tab's child) and the box: collecting Python's garbage must lose neither."""
    fill_call(qtbot, open_new(qtbot, duty_tab, CallDialog))
    gc.collect()
    dialog = next(d for d in duty_tab.findChildren(CallDialog) if d.isVisible())
    asked = answer_save_question("保存")  # collects again while the box is open
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_esc(qtbot, dialog)
    gc.collect()
    assert len(asked) == 1 and Call.select().count() == 1


# --- 五查 answers ----------------------------------------------------------------------------------------


def make_campaign(name: str):
    template = inspection.builtin_template()
    return inspection.create_campaign(CampaignInput(name, dt.date(2026, 10, 1), dt.date(2026, 10, 31),
                                                    template.id, ["张三", "李四"]))


def answer_first_rows(qtbot, page, count=2):
    """Key 1 (无问题) on the first rows of the answer grid, as the user answers (Enter: the next row)."""
    grid = page.grid
    grid.setFocus()
    grid.setCurrentCell(0, ANSWER)
    for _ in range(count):
        qtbot.keyClick(grid, Qt.Key.Key_1)
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert grid.is_dirty()


def test_switching_campaign_over_unsaved_answers_asks(qtbot, office, answer_save_question):
    first, second = make_campaign("第一次自查"), make_campaign("第二次自查")
    tab = shown(qtbot, InspectionTab())
    page = tab.campaigns
    page.load_campaigns(select=first.id)
    answer_first_rows(qtbot, page)
    picker = page.campaign_picker

    asked = answer_save_question("取消")
    picker.setCurrentIndex(picker.findData(second.id))
    assert len(asked) == 1 and "第一次自查" in asked[0]["informative"]
    assert page.current_campaign_id() == first.id and page.grid.campaign_id == first.id and page.grid.is_dirty()

    asked = answer_save_question("不保存")
    picker.setCurrentIndex(picker.findData(second.id))
    assert len(asked) == 1 and page.grid.campaign_id == second.id and not page.grid.is_dirty()
    assert Answer.select().count() == 0

    answer_first_rows(qtbot, page, count=3)
    asked = answer_save_question("保存")
    picker.setCurrentIndex(picker.findData(first.id))
    assert len(asked) == 1 and page.grid.campaign_id == first.id
    assert len(inspection.answers(second.id)) == 3 and not inspection.answers(first.id)


def test_answers_being_typed_survive_a_problem_saved_and_new_campaign_asks(qtbot, office, answer_save_question):
    first = make_campaign("第一次自查")
    tab = shown(qtbot, InspectionTab())
    page = tab.campaigns
    page.load_campaigns(select=first.id)
    answer_first_rows(qtbot, page)
    tab.record_changed(None)  # a problem saved from the 整改台账 reads the campaign's figures again
    assert page.grid.is_dirty() and page.grid.campaign_id == first.id

    asked = answer_save_question("取消")
    assert page.new_campaign() is None  # 新建活动 would show the new campaign in the grid
    assert len(asked) == 1 and page.grid.is_dirty()

    asked = answer_save_question("保存")
    dialog = page.new_campaign()
    assert len(asked) == 1 and dialog is not None and not page.grid.is_dirty()
    assert inspection.answers(first.id)
    dialog.discard()


@pytest.fixture
def window(qtbot, office, db_path, tmp_path):
    win = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    return shown(qtbot, win)


def ctrl_q(qtbot, win):
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_quitting_with_unsaved_answers_asks_and_save_writes_them(qtbot, window, answer_save_question):
    campaign = make_campaign("作风整顿自查")
    window.tabs.setCurrentIndex(TAB_NAMES.index("五查自查"))
    tab = window.register_tab(TAB_NAMES.index("五查自查"))
    tab.campaigns.load_campaigns(select=campaign.id)
    answer_first_rows(qtbot, tab.campaigns)
    assert tab.unsaved_work() == ["自查活动“作风整顿自查（进行中）”的填写情况"]

    asked = answer_save_question("取消")
    ctrl_q(qtbot, window)
    assert len(asked) == 1 and "作风整顿自查" in asked[0]["informative"]
    assert window.isVisible() and tab.campaigns.grid.is_dirty() and not inspection.answers(campaign.id)

    asked = answer_save_question("保存")
    ctrl_q(qtbot, window)
    assert len(asked) == 1 and not window.isVisible()
    assert [a.has_problem for a in inspection.answers(campaign.id).values()] == [False, False]


def test_quitting_with_a_filled_form_open_asks(qtbot, window, answer_save_question):
    window.tabs.setCurrentIndex(TAB_NAMES.index("值班记录"))
    tab = window.register_tab(TAB_NAMES.index("值班记录"))
    dialog = open_new(qtbot, tab, CallDialog)
    fill_call(qtbot, dialog)

    asked = answer_save_question("取消")
    assert not window.close()  # the window's ✕ (Ctrl+Q cannot reach a window under a modal form)
    assert len(asked) == 1 and asked[0]["informative"] == "未保存：新建来电记录"
    assert window.isVisible() and dialog.isVisible()

    asked = answer_save_question("不保存")
    assert window.close()
    assert len(asked) == 1 and not dialog.isVisible() and Call.select().count() == 0


def test_quitting_saves_the_open_form(qtbot, window, answer_save_question):
    tab = window.register_tab(TAB_NAMES.index("值班记录"))
    window.tabs.setCurrentIndex(TAB_NAMES.index("值班记录"))
    dialog = open_new(qtbot, tab, CallDialog)
    fill_call(qtbot, dialog)
    asked = answer_save_question("保存")
    assert window.close()
    assert len(asked) == 1 and [c.summary for c in Call.select()] == ["县应急局来电：今晚有强降雨"]


def test_quitting_stays_when_the_form_refuses_to_save(qtbot, window, answer_save_question):
    tab = window.register_tab(TAB_NAMES.index("值班记录"))
    window.tabs.setCurrentIndex(TAB_NAMES.index("值班记录"))
    dialog = open_new(qtbot, tab, CallDialog)
    type_text(qtbot, dialog.ui.caller, "刘科长")  # no summary
    asked = answer_save_question("保存")
    assert not window.close()
    assert len(asked) == 1 and window.isVisible() and dialog.isVisible()
    assert dialog.errors.shown()["summary"] == "请填写内容摘要"
    dialog.discard()


def test_nothing_unsaved_quits_without_asking(qtbot, window):
    tab = window.register_tab(TAB_NAMES.index("值班记录"))
    window.tabs.setCurrentIndex(TAB_NAMES.index("值班记录"))
    open_new(qtbot, tab, CallDialog)  # open but untouched
    assert window.close()


def test_opening_another_data_file_over_unsaved_answers_asks(qtbot, window, answer_save_question, db_path,
                                                            tmp_path, monkeypatch):
    campaign = make_campaign("作风整顿自查")
    window.tabs.setCurrentIndex(TAB_NAMES.index("五查自查"))
    tab = window.register_tab(TAB_NAMES.index("五查自查"))
    tab.campaigns.load_campaigns(select=campaign.id)
    answer_first_rows(qtbot, tab.campaigns)
    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    monkeypatch.setattr(window, "ask_source", lambda: "file")  # 数据文件 rather than 数据库服务器

    asked = answer_save_question("取消")
    window.choose_data_file()
    assert len(asked) == 1 and window.db_path == db_path and tab.campaigns.grid.is_dirty()

    asked = answer_save_question("保存")
    window.choose_data_file()
    assert len(asked) == 1 and window.db_path == other
    # read back through a connection of its own, whichever engine the first source is on
    if targets.is_server(db_path):
        import psycopg

        with psycopg.connect(str(db_path)) as old:
            assert old.execute("SELECT count(*) FROM answer").fetchone() == (2,)
    else:
        with closing(sqlite3.connect(db_path)) as old:
            assert old.execute("SELECT count(*) FROM answer").fetchone() == (2,)
    db_module.close_database()  # the fixture closes the first file only
