"""人员与部门, driven offscreen as a person would: type, click, then look in the data file."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from xiaoneng_desktop.core import people
from xiaoneng_desktop.core.models import Department, Person
from xiaoneng_desktop.ui.admin.people_dialog import PeopleDialog
from xiaoneng_desktop.ui.widgets import record_dialog

# The offscreen platform says this for every window shown; it is not our concern.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """A modal box would hang an offscreen test; none is expected, so any is a failure."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected QMessageBox: {args[1:3]}")
    for name in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def office(database, clock):
    main = people.save_department(None, "办公室", sort_order=1)
    general = people.save_department(None, "综合股", sort_order=2)
    people.save_person(None, name="王主任", department_id=main.id, post="主任", mobile="13812345678")
    people.save_person(None, name="李科员", department_id=general.id, post="科员")
    return main, general


@pytest.fixture
def dialog(qtbot, office):
    dialog = PeopleDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot, widget, text: str) -> None:
    """Type as a person does: ASCII key by key, Chinese as an input method commits it
    (QTest.keyClicks handles ASCII only)."""
    widget.setFocus()
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def _ok(editor):
    return editor.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)


def _names(dialog) -> list[str]:
    table = dialog.people_table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def _choose_department(dialog, name: str) -> None:
    items = dialog.department_list.findItems(name, Qt.MatchFlag.MatchExactly)
    assert items, name
    dialog.department_list.setCurrentItem(items[0])


def _select_person(qtbot, dialog, name: str) -> None:
    row = _names(dialog).index(name)
    rect = dialog.people_table.visualItemRect(dialog.people_table.item(row, 0))
    qtbot.mouseClick(dialog.people_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_lists_everyone_then_one_department(dialog):
    assert dialog.windowTitle() == "人员与部门"
    assert dialog.department_list.item(0).text() == "全部"
    assert _names(dialog) == ["王主任", "李科员"]
    _choose_department(dialog, "综合股")
    assert _names(dialog) == ["李科员"]


def test_add_a_person_by_typing(qtbot, dialog, office):
    _, general = office
    _choose_department(dialog, "综合股")
    qtbot.mouseClick(dialog.new_person_button, Qt.MouseButton.LeftButton)
    editor = dialog.person_editor
    assert editor is not None and editor.isVisible()
    assert editor.ui.department_combo.currentText() == "综合股"  # the chosen department is the default
    type_into(qtbot, editor.ui.name_edit, "赵六")
    type_into(qtbot, editor.ui.post_edit, "副股长")
    type_into(qtbot, editor.ui.mobile_edit, "139-1234-5678")
    type_into(qtbot, editor.ui.office_phone_edit, "0731-12345678")
    type_into(qtbot, editor.ui.note_edit, "新调入")
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)

    person = Person.get(Person.name == "赵六")
    assert (person.department_id, person.post, person.mobile, person.office_phone, person.note) == (
        general.id, "副股长", "139-1234-5678", "0731-12345678", "新调入")
    assert person.active is True
    qtbot.waitUntil(lambda: dialog.person_editor is None)
    assert _names(dialog) == ["李科员", "赵六"]
    assert dialog.current_person_id() == person.id


def test_empty_name_and_letters_in_a_phone_are_shown_at_the_fields_and_nothing_is_saved(qtbot, dialog):
    qtbot.mouseClick(dialog.new_person_button, Qt.MouseButton.LeftButton)
    editor = dialog.person_editor
    type_into(qtbot, editor.ui.post_edit, "司机")
    type_into(qtbot, editor.ui.mobile_edit, "138abc")
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)

    assert editor.isVisible()
    assert editor.ui.name_error.isVisible()
    assert editor.ui.name_error.text() == "请填写姓名"
    assert editor.ui.mobile_error.isVisible()
    assert "只能包含数字" in editor.ui.mobile_error.text()
    assert not editor.ui.office_phone_error.isVisible()
    assert editor.ui.post_edit.text() == "司机"
    assert editor.ui.mobile_edit.text() == "138abc"
    assert Person.select().count() == 2

    # Correct the fields; the same dialog then saves.
    type_into(qtbot, editor.ui.name_edit, "钱师傅")
    assert not editor.ui.name_error.isVisible()  # the message goes once the field is edited
    editor.ui.mobile_edit.clear()
    type_into(qtbot, editor.ui.mobile_edit, "13712345678")
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
    assert Person.get(Person.name == "钱师傅").mobile == "13712345678"
    qtbot.waitUntil(lambda: dialog.person_editor is None)


def test_a_duplicate_active_name_is_refused_at_the_name(qtbot, dialog):
    qtbot.mouseClick(dialog.new_person_button, Qt.MouseButton.LeftButton)
    editor = dialog.person_editor
    type_into(qtbot, editor.ui.name_edit, "王主任")
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.ui.name_error.text().startswith("已有同名在岗人员“王主任”")
    assert Person.select().where(Person.name == "王主任").count() == 1


def test_double_click_edits_and_cancel_changes_nothing(qtbot, dialog, monkeypatch):
    row = _names(dialog).index("王主任")
    rect = dialog.people_table.visualItemRect(dialog.people_table.item(row, 0))
    # QTest's double click lacks the first press that item views expect; a real one has it.
    qtbot.mouseClick(dialog.people_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.people_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = dialog.person_editor
    assert editor is not None
    assert editor.ui.name_edit.text() == "王主任"
    assert editor.ui.mobile_edit.text() == "13812345678"
    editor.ui.post_edit.clear()
    type_into(qtbot, editor.ui.post_edit, "副主任")
    asked = []  # 取消 over typing asks first; the answer: 不保存
    monkeypatch.setattr(record_dialog, "ask_to_save", lambda parent, unsaved=(): asked.append(parent) or "discard")
    qtbot.mouseClick(editor.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert asked == [editor]
    qtbot.waitUntil(lambda: dialog.person_editor is None)
    assert Person.get(Person.name == "王主任").post == "主任"

    _select_person(qtbot, dialog, "王主任")
    qtbot.mouseClick(dialog.edit_person_button, Qt.MouseButton.LeftButton)
    editor = dialog.person_editor
    editor.ui.post_edit.clear()
    type_into(qtbot, editor.ui.post_edit, "副主任")
    editor.ui.department_combo.setCurrentIndex(editor.ui.department_combo.findText("综合股"))
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
    person = Person.get(Person.name == "王主任")
    assert (person.post, person.department.name) == ("副主任", "综合股")


def test_stop_and_restart_a_person(qtbot, dialog):
    _select_person(qtbot, dialog, "李科员")
    assert dialog.toggle_person_button.text() == "停用"
    qtbot.mouseClick(dialog.toggle_person_button, Qt.MouseButton.LeftButton)
    assert Person.get(Person.name == "李科员").active is False
    assert _names(dialog) == ["王主任"]

    qtbot.mouseClick(dialog.show_inactive_check, Qt.MouseButton.LeftButton)
    assert _names(dialog) == ["王主任", "李科员"]
    _select_person(qtbot, dialog, "李科员")
    assert dialog.toggle_person_button.text() == "启用"
    qtbot.mouseClick(dialog.toggle_person_button, Qt.MouseButton.LeftButton)
    assert Person.get(Person.name == "李科员").active is True
    assert Person.select().count() == 2  # never deleted


def test_restarting_someone_whose_name_was_taken_meanwhile_is_explained(qtbot, dialog, office):
    main, _ = office
    old = Person.get(Person.name == "李科员")
    people.set_active(old.id, False)
    people.save_person(None, name="李科员", department_id=main.id)
    qtbot.mouseClick(dialog.show_inactive_check, Qt.MouseButton.LeftButton)
    row = next(r for r in range(dialog.people_table.rowCount())
               if dialog.people_table.item(r, 0).data(Qt.ItemDataRole.UserRole) == old.id)
    dialog.people_table.selectRow(row)
    qtbot.mouseClick(dialog.toggle_person_button, Qt.MouseButton.LeftButton)
    assert dialog.message_label.isVisible()
    assert "已有同名在岗人员" in dialog.message_label.text()
    assert Person.get_by_id(old.id).active is False


def test_add_rename_and_stop_a_department(qtbot, dialog):
    qtbot.mouseClick(dialog.add_department_button, Qt.MouseButton.LeftButton)
    editor = dialog.department_editor
    type_into(qtbot, editor.ui.name_edit, "财务股")
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
    department = Department.get(Department.name == "财务股")
    assert department.sort_order == 3  # after the last one
    qtbot.waitUntil(lambda: dialog.department_editor is None)
    assert dialog.department_list.currentItem().text() == "财务股"

    qtbot.mouseClick(dialog.rename_department_button, Qt.MouseButton.LeftButton)
    editor = dialog.department_editor
    assert editor.ui.name_edit.text() == "财务股"
    editor.ui.name_edit.clear()
    type_into(qtbot, editor.ui.name_edit, "办公室")
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.ui.name_error.text() == "已有同名部门“办公室”"
    assert editor.ui.name_edit.text() == "办公室"
    editor.ui.name_edit.clear()
    type_into(qtbot, editor.ui.name_edit, "计划财务股")
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
    assert Department.get_by_id(department.id).name == "计划财务股"
    qtbot.waitUntil(lambda: dialog.department_editor is None)

    assert dialog.toggle_department_button.text() == "停用"
    qtbot.mouseClick(dialog.toggle_department_button, Qt.MouseButton.LeftButton)
    assert Department.get_by_id(department.id).active is False
    assert not dialog.department_list.findItems("计划财务股", Qt.MatchFlag.MatchStartsWith)
    assert dialog.department_list.currentItem().text() == "全部"


def test_empty_department_name_is_shown_at_the_field(qtbot, dialog):
    qtbot.mouseClick(dialog.add_department_button, Qt.MouseButton.LeftButton)
    editor = dialog.department_editor
    type_into(qtbot, editor.ui.name_edit, "   ")
    qtbot.mouseClick(_ok(editor), Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.ui.name_error.text() == "请填写部门名称"
    assert Department.select().count() == 2


def test_a_stopped_department_is_not_offered_to_new_people(qtbot, dialog, office):
    _, general = office
    people.set_department_active(general.id, False)
    qtbot.mouseClick(dialog.new_person_button, Qt.MouseButton.LeftButton)
    combo = dialog.person_editor.ui.department_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["（未分部门）", "办公室"]


def test_ctrl_enter_saves_a_person_and_a_department(qtbot, dialog):
    qtbot.mouseClick(dialog.new_person_button, Qt.MouseButton.LeftButton)
    editor = dialog.person_editor
    type_into(qtbot, editor.ui.name_edit, "孙七")
    editor.activateWindow()  # a shortcut reaches the active window only
    qtbot.waitUntil(editor.isActiveWindow)
    with qtbot.waitSignal(editor.accepted, timeout=2000):
        qtbot.keyClick(editor.ui.name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert editor.saved_id == Person.get(Person.name == "孙七").id
    qtbot.waitUntil(lambda: dialog.person_editor is None)

    qtbot.mouseClick(dialog.add_department_button, Qt.MouseButton.LeftButton)
    editor = dialog.department_editor
    type_into(qtbot, editor.ui.name_edit, "财务股")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    with qtbot.waitSignal(editor.accepted, timeout=2000):
        qtbot.keyClick(editor.ui.name_edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert Department.get(Department.name == "财务股").id == editor.saved_id
