"""修改冲突 in a real edit dialog: the record is changed through the service (another PC) while the form is
open; saving shows both versions and each of the three choices does what it says."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer

from tests.duty.test_service import a_call
from xiaoneng_desktop.core import audit, session
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.ui.duty.call_dialog import CallDialog
from xiaoneng_desktop.ui.widgets import conflict_dialog
from xiaoneng_desktop.ui.widgets.conflict_dialog import BACK, MINE, THEIRS


@pytest.fixture
def edited(qtbot, database, clock):
    """A call open in its edit dialog, the summary retyped there; meanwhile 张三 changes it on his PC."""
    call = service.create_call(a_call())
    dialog = CallDialog(Call.get_by_id(call.id))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.summary.setPlainText("我填写的摘要")
    clock.set(dt.datetime(2026, 12, 2, 14, 5))
    with session.acting_as(session.Actor("张三")):
        service.update_call(call.id, a_call(summary="张三保存的摘要", phone="0731-88880000"))
    return dialog, call.id


def save_choosing(dialog, choice: str, seen: list) -> bool:
    """Press 保存; when the conflict dialog shows, note what it shows and pick ``choice``."""

    def answer():
        shown = dialog.conflict_dialog
        if shown is None:  # not open yet
            QTimer.singleShot(20, answer)
            return
        table = shown.table
        seen.append((shown.message.text(), [tuple(table.item(r, c).text() for c in range(3))
                                            for r in range(table.rowCount())],
                     {c: b.text() for c, b in shown.buttons.items()}))
        shown.buttons[choice].click()

    QTimer.singleShot(0, answer)
    return dialog.save()


def test_the_conflict_dialog_shows_who_and_both_versions(edited):
    dialog, call_id = edited
    seen = []
    assert not save_choosing(dialog, BACK, seen)
    message, rows, buttons = seen[0]
    assert message.startswith("这条记录已被 张三 于 12月2日 14:05 修改（在您打开之后）") and "本次没有保存" in message
    assert ("内容摘要", "我填写的摘要", "张三保存的摘要") in rows
    assert ("联系电话", "0731-84561234", "0731-88880000") in rows
    assert all(mine != theirs for _label, mine, theirs in rows)  # only what differs
    assert buttons == {THEIRS: "用对方的版本（放弃我的修改）", MINE: "用我的修改覆盖", BACK: "返回继续编辑"}
    assert conflict_dialog.ConflictDialog  # the dialog class is the one in widgets


def test_back_keeps_the_typing_and_saves_nothing(edited):
    dialog, call_id = edited
    assert not save_choosing(dialog, BACK, [])
    assert dialog.isVisible() and dialog.ui.summary.toPlainText() == "我填写的摘要"
    assert "张三" in dialog.errors.shown()[""]
    assert Call.get_by_id(call_id).summary == "张三保存的摘要" and Call.get_by_id(call_id).version == 2


def test_theirs_drops_the_typing(edited):
    dialog, call_id = edited
    assert not save_choosing(dialog, THEIRS, [])
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.saved.summary == "张三保存的摘要"
    assert Call.get_by_id(call_id).summary == "张三保存的摘要" and Call.get_by_id(call_id).version == 2


def test_mine_overwrites_on_purpose_and_is_audited(edited):
    dialog, call_id = edited
    assert save_choosing(dialog, MINE, [])
    assert not dialog.isVisible()
    stored = Call.get_by_id(call_id)
    assert stored.summary == "我填写的摘要" and stored.version == 3
    last = audit.history("call", call_id)[-1]
    assert last.action == "修改" and ["内容摘要", "张三保存的摘要", "我填写的摘要"] in [list(c) for c in
                                                                           audit.changes_of(last)]
