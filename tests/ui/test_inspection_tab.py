"""The 五查自查 tab driven as an office head would: a campaign from the built-in template for three
people, answers in the grid, two problems, one through 整改 and 销号 by another person, the other red
past its deadline (injected clock), and the completion rate at 50.0%."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from tests.helpers import type_text
from xiaoneng_desktop.core import people
from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.models import Answer, Campaign, Problem, Template
from xiaoneng_desktop.ui.inspection.answer_grid import ANSWER, DESCRIPTION, STATEMENT
from xiaoneng_desktop.ui.inspection.campaign_dialog import CampaignDialog
from xiaoneng_desktop.ui.inspection.problem_dialog import ProblemDialog
from xiaoneng_desktop.ui.inspection.problem_table import STATUS_COLUMN
from xiaoneng_desktop.ui.inspection.tab import LEDGER, OVERVIEW, TEMPLATES, InspectionTab
from xiaoneng_desktop.ui.inspection.template_dialog import TemplateDialog
from xiaoneng_desktop.ui.inspection.verify_dialog import VerifyDialog
from xiaoneng_desktop.ui.widgets.inputs import RED
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog

PEOPLE = ("张三", "李四", "王五")


@pytest.fixture
def tab(qtbot, database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    department = people.save_department(None, "秘书科")
    for number, name in enumerate((*PEOPLE, "赵主任"), start=1):
        people.save_person(None, name=name, department_id=department.id, mobile=f"1381234567{number}")
    widget = InspectionTab()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def visible(tab, kind):
    dialogs = [d for d in tab.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def save(qtbot, dialog):
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def start_campaign(qtbot, tab) -> Campaign:
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = visible(tab, CampaignDialog)
    assert dialog.ui.template.currentText() == "五查（机关作风整顿自查）"
    type_text(qtbot, dialog.ui.name, "2026年下半年作风整顿自查")
    dialog.ui.starts_on.setDate(QDate(2026, 10, 1))
    dialog.ui.ends_on.setDate(QDate(2026, 10, 31))
    for name in PEOPLE:  # ticked with the space bar, as from the keyboard
        dialog.ui.people.setCurrentItem(dialog.ui.people.findItems(name, Qt.MatchFlag.MatchExactly)[0])
        qtbot.keyClick(dialog.ui.people, Qt.Key.Key_Space)
    save(qtbot, dialog)
    return Campaign.get()


def press_ctrl_s(qtbot, tab):
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    qtbot.keyClick(tab.campaigns.grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def type_in_cell(qtbot, grid, row, column, text):
    grid.setCurrentCell(row, column)
    grid.editItem(grid.item(row, column))
    [editor] = [w for w in grid.viewport().findChildren(QLineEdit) if w.isVisible()]
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.item(row, column).text() == text)  # Qt commits on the next event loop turn


def test_campaign_answers_problems_rectification_and_rate(qtbot, tab, clock, monkeypatch):
    campaign = start_campaign(qtbot, tab)
    assert [p.name for p in service.participants(campaign.id)] == list(PEOPLE)
    assert tab.campaigns.campaign_picker.currentData() == campaign.id
    grid = tab.campaigns.grid
    assert grid.rowCount() == 3 * 15
    assert "未完成：张三（0/15）、李四（0/15）、王五（0/15）" in tab.campaigns.progress_label.text()

    # 张三 answers every point from the keyboard: 2 = 有问题 on the first, 1 = 无问题 on the rest
    grid.setFocus()
    grid.setCurrentCell(0, ANSWER)
    qtbot.keyClick(grid, Qt.Key.Key_2)
    for _ in range(14):
        qtbot.keyClick(grid, Qt.Key.Key_Down)
        qtbot.keyClick(grid, Qt.Key.Key_1)
    type_in_cell(qtbot, grid, 0, DESCRIPTION, "与其他科室协调配合不够主动")
    type_in_cell(qtbot, grid, 0, STATEMENT, "今后主动沟通")
    # 李四: a problem on 迟到早退 (the 8th point), the rest with one button
    grid.setCurrentCell(15 + 7, ANSWER)
    qtbot.keyClick(grid, Qt.Key.Key_2)
    type_in_cell(qtbot, grid, 15 + 7, DESCRIPTION, "偶有迟到早退")
    grid.setCurrentCell(15, ANSWER)
    qtbot.mouseClick(tab.campaigns.all_clear_button, Qt.MouseButton.LeftButton)
    press_ctrl_s(qtbot, tab)
    assert not tab.campaigns.grid_error.isVisible()
    assert Answer.select().count() == 30 and Answer.select().where(Answer.has_problem == True).count() == 2  # noqa: E712
    assert "2/3 已完成；未完成：王五（0/15）" in tab.campaigns.progress_label.text()
    assert grid.item(0, ANSWER).foreground().color() == RED

    # Raise 张三's answer as a problem: the form comes filled from the grid
    grid.setCurrentCell(0, DESCRIPTION)
    qtbot.mouseClick(tab.campaigns.raise_button, Qt.MouseButton.LeftButton)
    dialog = visible(tab, ProblemDialog)
    ui = dialog.ui
    assert (ui.item.currentText(), ui.responsible_name.currentText()) == ("查思想认识", "张三")
    assert ui.description.toPlainText() == "与其他科室协调配合不够主动"
    type_text(qtbot, ui.cause, "大局意识不强")
    ui.deadline.setDate(QDate(2026, 10, 20))
    save(qtbot, dialog)

    # The second from 李四's answer, deadline 10-15, with no measure yet
    grid.setCurrentCell(15 + 7, DESCRIPTION)
    qtbot.mouseClick(tab.campaigns.raise_button, Qt.MouseButton.LeftButton)
    dialog = visible(tab, ProblemDialog)
    assert dialog.ui.item.currentText() == "查工作纪律"
    dialog.ui.deadline.setDate(QDate(2026, 9, 30))  # before the campaign started
    dialog.save()
    assert dialog.isVisible() and "不能早于活动开始日期（2026-10-01）" in dialog.ui.deadline_error.text()
    dialog.ui.deadline.setDate(QDate(2026, 10, 15))
    save(qtbot, dialog)
    first, second = Problem.select().order_by(Problem.id)
    assert second.deadline == dt.datetime(2026, 10, 15, 23, 59, 59) and second.participant_id is not None

    # 整改 of the first: a progress note, complete — refused with no measure — then measure, complete
    tab.pages.setCurrentIndex(LEDGER)
    tab.view.select_id(first.id)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    qtbot.mouseClick(tab.note_button, Qt.MouseButton.LeftButton)
    note = visible(tab, ReasonDialog)
    type_text(qtbot, note.ui.reason, "已召开科室会议研究整改")
    with qtbot.waitSignal(note.accepted):
        qtbot.keyClick(note.ui.reason, Qt.Key.Key_Return)
    assert service.get_problem(first.id).status == "整改中"
    qtbot.mouseClick(tab.complete_button, Qt.MouseButton.LeftButton)
    done = visible(tab, ReasonDialog)
    qtbot.keyClick(done.ui.reason, Qt.Key.Key_Return)
    assert done.isVisible() and done.errors.shown() == {"reason": "请先填写整改措施，再标记整改完成"}
    done.discard()
    editor = tab.edit_problem(first.id)
    type_text(qtbot, editor.ui.measure, "建立周例会协调制度")
    save(qtbot, editor)
    tab.view.select_id(first.id)
    qtbot.mouseClick(tab.complete_button, Qt.MouseButton.LeftButton)
    done = visible(tab, ReasonDialog)
    with qtbot.waitSignal(done.accepted):
        qtbot.keyClick(done.ui.reason, Qt.Key.Key_Return)
    assert service.get_problem(first.id).status == "已完成"

    # 销号: not by 张三 himself, then by 赵主任
    clock.advance(days=1)
    tab.view.select_id(first.id)
    qtbot.mouseClick(tab.verify_button, Qt.MouseButton.LeftButton)
    verify = visible(tab, VerifyDialog)
    verify.ui.verified_by.setCurrentText("张三")
    type_text(qtbot, verify.ui.verification, "查阅了周例会记录")
    verify.save()
    assert verify.isVisible()
    assert verify.ui.verified_by_error.text() == "验收人不能是责任人本人（张三），请由其他人员验收销号"
    names = [verify.ui.verified_by.itemText(i) for i in range(verify.ui.verified_by.count())]
    assert "张三" not in names  # the responsible person is not offered
    verify.ui.verified_by.setCurrentIndex(names.index("赵主任"))  # picked from the drop-down
    save(qtbot, verify)
    first = service.get_problem(first.id)
    assert (first.status, first.verified_by) == ("已销号", "赵主任")

    # The other turns red past its deadline
    row = tab.model.row_of_id(second.id)
    status = tab.model.index(row, STATUS_COLUMN)
    assert tab.model.data(status, Qt.ItemDataRole.ForegroundRole) != RED
    clock.set(dt.datetime(2026, 10, 16, 9, 0))
    tab.tick()
    row = tab.model.row_of_id(second.id)
    status = tab.model.index(row, STATUS_COLUMN)
    assert tab.model.data(status, Qt.ItemDataRole.ForegroundRole) == RED
    assert tab.model.data(status) == "未开始，超期 1 天"
    assert "超期未整改 1 个" in tab.ledger_summary.text()

    # The overview: 2 problems, 1 verified — 50.0%
    tab.pages.setCurrentIndex(OVERVIEW)
    table = tab.overview.campaign_table
    assert table.item(0, 0).text() == "2026年下半年作风整顿自查"
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert table.item(0, headers.index("问题数")).text() == "2"
    assert table.item(0, headers.index("已销号")).text() == "1"
    assert table.item(0, headers.index("整改完成率")).text() == "50.0%"
    assert table.item(0, headers.index("其中超期未整改")).foreground().color() == RED
    checks = {tab.overview.check_table.item(r, 0).text(): r for r in range(tab.overview.check_table.rowCount())}
    assert tab.overview.check_table.item(checks["查思想认识"], 6).text() == "100.0%"
    assert tab.overview.check_table.item(checks["查工作效率"], 6).text() == "—"
    assert "整改完成率 50.0%" in tab.overview.month_label.text()


def test_a_missing_description_keeps_the_grid_unsaved(qtbot, tab):
    start_campaign(qtbot, tab)
    grid = tab.campaigns.grid
    grid.setFocus()
    grid.setCurrentCell(0, ANSWER)
    qtbot.keyClick(grid, Qt.Key.Key_2)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.keyClick(grid, Qt.Key.Key_1)
    press_ctrl_s(qtbot, tab)
    assert tab.campaigns.grid_error.isVisible() and "有问题时请填写问题描述" in tab.campaigns.grid_error.text()
    assert Answer.select().count() == 0 and grid.is_dirty()
    assert grid.currentRow() == 0


def test_number_keys_answer_and_stay_on_the_row_tab_goes_to_the_description(qtbot, tab):
    start_campaign(qtbot, tab)
    grid = tab.campaigns.grid
    grid.setFocus()
    grid.setCurrentCell(3, ANSWER)
    qtbot.keyClick(grid, Qt.Key.Key_1)
    assert grid.item(3, ANSWER).text() == "无问题" and (grid.currentRow(), grid.currentColumn()) == (3, ANSWER)
    qtbot.keyClick(grid, Qt.Key.Key_2)  # changes its mind: still the same row
    assert grid.item(3, ANSWER).text() == "有问题" and (grid.currentRow(), grid.currentColumn()) == (3, ANSWER)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert (grid.currentRow(), grid.currentColumn()) == (3, DESCRIPTION)
    [editor] = [w for w in grid.viewport().findChildren(QLineEdit) if w.isVisible()]
    type_text(qtbot, editor, "会议记录不全")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.item(3, DESCRIPTION).text() == "会议记录不全")
    assert grid.item(4, DESCRIPTION).text() == "" and grid.item(4, ANSWER).text() == ""
    grid.setCurrentCell(3, ANSWER)
    qtbot.keyClick(grid, Qt.Key.Key_Return)  # Enter: the next row's 有无问题
    assert (grid.currentRow(), grid.currentColumn()) == (4, ANSWER)
    qtbot.keyClick(grid, Qt.Key.Key_0)
    assert grid.item(4, ANSWER).text() == "" and grid.currentRow() == 4
    press_ctrl_s(qtbot, tab)
    assert not tab.campaigns.grid_error.isVisible()
    [answer] = Answer.select()
    assert answer.has_problem and answer.description == "会议记录不全"


def test_templates_edit_version_and_refuse_delete(qtbot, tab, monkeypatch):
    start_campaign(qtbot, tab)
    tab.pages.setCurrentIndex(TEMPLATES)
    assert "使用中：2026年下半年作风整顿自查" in tab.templates.template_table.item(0, 4).text()
    qtbot.mouseClick(tab.templates.delete_template_button, Qt.MouseButton.LeftButton)
    refuse = visible(tab, ReasonDialog)
    type_text(qtbot, refuse.ui.reason, "不用了")
    qtbot.keyClick(refuse.ui.reason, Qt.Key.Key_Return)
    assert refuse.isVisible() and "已被自查活动“2026年下半年作风整顿自查”使用，不能删除" in refuse.errors.shown()["reason"]
    refuse.discard()

    qtbot.mouseClick(tab.templates.edit_template_button, Qt.MouseButton.LeftButton)
    editor = visible(tab, TemplateDialog)
    assert "保存后生成第2版" in editor.ui.note.text()
    editor.table.setCurrentCell(14, 1)
    row = editor.add_row()
    assert editor.table.item(row, 0).text() == "查廉政建设"
    editor.table.setCurrentCell(row, 0)
    editor.add_row()  # an empty check point
    editor.save()
    assert editor.isVisible() and "检查点不能为空" in editor.ui.rows_error.text()
    assert Template.select().count() == 1
    editor.table.removeRow(editor.table.currentRow())
    editor.table.item(row, 1).setText("有无违规使用公车现象")
    with qtbot.waitSignal(editor.accepted):
        qtbot.mouseClick(editor.ui.button_box.button(editor.ui.button_box.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert [tab.templates.template_table.item(0, c).text() for c in (1, 3, 4)] == ["第2版", "16", "未使用"]
    campaign = Campaign.get()
    assert len(service.campaign_points(campaign.id)) == 15  # the campaign keeps its points
