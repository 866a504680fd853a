"""修改登记 from the 公文流转 tab: the registration form of the selected document, filled in; a typo in the
标题 fixed with Ctrl+Enter shows in the document's history as 标题：旧 → 新. A closed document opens in 更正
mode (a reason needed), a voided one read-only."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from tests.helpers import type_text
from xiaoneng_desktop.core import audit, session
from xiaoneng_desktop.documents import service
from xiaoneng_desktop.documents.service import IncomingInput, StepInput
from xiaoneng_desktop.ui.documents.dialogs import IncomingDialog
from xiaoneng_desktop.ui.documents.tab import DocumentsTab

OLD = "关于做好秋冬季森林防火工作的通之"
NEW = "关于做好秋冬季森林防火工作的通知"


@pytest.fixture
def tab(qtbot, database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    clock.set(dt.datetime(2026, 10, 9, 9, 0))
    widget = DocumentsTab()
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    return widget


def register(title: str = OLD):
    return service.register_incoming(IncomingInput(
        start_date=dt.date(2026, 10, 9), unit="市人民政府办公室", title=title, kind="通知", registrar="李文书",
        next_holder="赵主任", doc_number="宜府办文〔2026〕58号"))


def select(qtbot, tab, doc_id):
    tab.record_changed(doc_id)
    table = tab.view.table
    rect = table.visualRect(tab.model.index(tab.model.row_of_id(doc_id), 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.view.current_id() == doc_id
    return rect


def open_from_menu(qtbot, tab, doc_id) -> IncomingDialog:
    rect = select(qtbot, tab, doc_id)
    tab.view.table.customContextMenuRequested.emit(rect.center())
    menu = next(m for m in tab.findChildren(QMenu) if m.isVisible())
    action = next(a for a in menu.actions() if a.text() == "修改登记…")
    assert action.isEnabled()
    action.trigger()
    menu.close()
    dialogs = [d for d in tab.findChildren(IncomingDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def retype_title(qtbot, dialog, text):
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    title = dialog.ui.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClick(title, Qt.Key.Key_Delete)
    type_text(qtbot, title, text)


def ctrl_enter(qtbot, dialog, accepted=True):
    if accepted:
        with qtbot.waitSignal(dialog.accepted, timeout=2000):
            qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_retyped_title_of_an_open_incoming_is_in_its_history(qtbot, tab):
    doc = register()
    dialog = open_from_menu(qtbot, tab, doc.id)
    assert dialog.windowTitle() == "修改收文登记 — 收〔2026〕1号"
    assert dialog.ui.number.text() == "收〔2026〕1号"
    assert (dialog.ui.unit.text(), dialog.ui.title.text(), dialog.ui.doc_number.text()) == (
        "市人民政府办公室", OLD, "宜府办文〔2026〕58号")
    assert not dialog.ui.start_date.isEnabled() and not dialog.ui.deadline.isEnabled()
    assert not hasattr(dialog.ui, "correct_reason")
    retype_title(qtbot, dialog, NEW)
    ctrl_enter(qtbot, dialog)
    line = audit.history("document", doc.id)[-1]
    assert line.action == "修改" and audit.described(line) == f"标题：{OLD} → {NEW}"
    saved = service.get_document(doc.id)
    assert (saved.title, saved.number, saved.deadline) == (NEW, doc.number, doc.deadline)
    assert tab.view.current_id() == doc.id and NEW in tab.history.toPlainText()


def test_a_closed_incoming_opens_in_correction_mode_and_a_voided_one_read_only(qtbot, tab):
    doc = register()
    for step in (StepInput("拟办", "赵主任", next_holder="王县长"), StepInput("批办", "王县长", lead="县林业局"),
                 StepInput("承办", "县林业局"), StepInput("办结", "县林业局", "已办结")):
        doc = service.advance(doc.id, step)
    with session.acting_as(session.Actor("李秘书", session.SECRETARY)):
        select(qtbot, tab, doc.id)
        assert "更正登记…" in tab.history.toHtml()
        dialog = tab.edit_registration(doc.id)
        assert dialog.windowTitle() == "更正收文登记 — 收〔2026〕1号"
        retype_title(qtbot, dialog, NEW)
        ctrl_enter(qtbot, dialog, accepted=False)  # no reason: refused under the field
        assert dialog.isVisible() and "更正原因" in dialog.ui.correct_reason_error.text()
        type_text(qtbot, dialog.ui.correct_reason, "标题错字")
        ctrl_enter(qtbot, dialog)
    line = audit.history("document", doc.id)[-1]
    assert (line.action, line.actor, audit.described(line)) == ("更正", "李秘书", f"标题错字；标题：{OLD} → {NEW}")
    voided = register("重复登记的来文")
    service.void_document(voided.id, "重复登记")
    dialog = tab.edit_registration(voided.id)
    assert dialog.windowTitle() == "收文登记 收〔2026〕2号（已作废：重复登记）"
    assert not dialog.ui.button_box.isEnabled()
    dialog.reject()
