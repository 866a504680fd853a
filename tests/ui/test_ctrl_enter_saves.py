"""Ctrl+Enter saves in 新增人员 and in 作废 (the reason dialog), as in every entry dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers import type_text
from xiaoneng_desktop.core import people
from xiaoneng_desktop.core.models import Person
from xiaoneng_desktop.ui.admin.people_dialog import PersonDialog
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog


def press_ctrl_enter(qtbot, dialog, widget):
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_enter_adds_a_person(qtbot, database):
    people.save_department(None, "秘书科")
    dialog = PersonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.ui.name_edit, "钱秘书")
    type_text(qtbot, dialog.ui.mobile_edit, "13812345678")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_ctrl_enter(qtbot, dialog, dialog.ui.mobile_edit)
    assert Person.get().name == "钱秘书"


def test_ctrl_enter_voids_with_the_reason(qtbot, database):
    given = []
    dialog = ReasonDialog("作废", "请填写作废原因：", given.append)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.ui.reason, "重复登记")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        press_ctrl_enter(qtbot, dialog, dialog.ui.reason)
    assert given == ["重复登记"]
