"""The 公文流转 tab driven as the secretary would: register, move through every step, urge, watch the
deadline turn amber then red across the National Day holiday, close; number three outgoing documents."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.helpers import type_text
from xiaoneng_desktop.core import people
from xiaoneng_desktop.documents import service
from xiaoneng_desktop.documents.models import Document
from xiaoneng_desktop.ui.documents.dialogs import (
    IncomingDialog,
    OutgoingDialog,
    StepDialog,
    UrgeDialog,
)
from xiaoneng_desktop.ui.documents.document_table import STATUS_COLUMN
from xiaoneng_desktop.ui.documents.tab import DocumentsTab
from xiaoneng_desktop.ui.widgets.inputs import AMBER, RED


@pytest.fixture
def tab(qtbot, database, clock, monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))
    dept = people.save_department(None, "秘书科")
    for name in ("李文书", "赵主任", "王县长", "陈秘书", "周科长"):
        people.save_person(None, name=name, department_id=dept.id)
    clock.set(dt.datetime(2026, 9, 29, 9, 0))  # Tuesday before the National Day holiday
    widget = DocumentsTab()
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def type_name(qtbot, combo, text):
    """Type a name into a person picker; the completer's list closes as when the person picks from it."""
    type_text(qtbot, combo, text)
    popup = combo.completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert combo.currentText() == text


def visible(tab, cls):
    dialogs = [d for d in tab.findChildren(cls) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def save(qtbot, dialog, widget=None, accepted=True):
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    target = widget or dialog.focusWidget()
    if accepted:
        with qtbot.waitSignal(dialog.accepted, timeout=2000):
            qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def answer_box_by_key(qtbot, key=Qt.Key.Key_Return, meanwhile=None) -> list[str]:
    """Press ``key`` on the next modal message box (Enter: its default button); returns its texts.
    ``meanwhile()`` runs while the box is open (another PC at work)."""
    shown: list[str] = []
    tries = [0]

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            if tries[0] < 300:
                QTimer.singleShot(10, press)
            return
        shown.extend([box.text(), box.informativeText(), box.defaultButton().text()])
        if meanwhile:
            meanwhile()
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, press)
    return shown


def tab_to(qtbot, dialog, widget, limit=12):
    for _ in range(limit):
        if dialog.focusWidget() is widget:
            return
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is widget


def status_of(tab, row=0):
    index = tab.model.index(row, STATUS_COLUMN)
    return tab.model.data(index), tab.model.data(index, Qt.ItemDataRole.ForegroundRole)


def do_step(qtbot, tab, opinion="", next_holder="", lead="", circulate=""):
    qtbot.keyClick(tab.view.table, Qt.Key.Key_Return)  # Enter on the selected row opens 办理
    dialog = visible(tab, StepDialog)
    ui = dialog.ui
    if opinion:
        type_text(qtbot, ui.opinion, opinion)
    if lead:
        ui.lead.setCurrentText("")
        type_name(qtbot, ui.lead, lead)
    if circulate:
        type_text(qtbot, ui.circulate_to, circulate)
    if next_holder:
        ui.next_holder.setCurrentText("")
        type_name(qtbot, ui.next_holder, next_holder)
    save(qtbot, dialog, ui.opinion)
    return Document.get()


def test_incoming_from_registration_to_archive(qtbot, tab, clock):
    qtbot.keyClick(tab, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = visible(tab, IncomingDialog)
    ui = dialog.ui
    assert dialog.focusWidget() is ui.unit
    type_text(qtbot, ui.unit, "市人民政府办公室")
    qtbot.keyClick(ui.unit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is ui.doc_number
    type_text(qtbot, ui.doc_number, "宜府办文[2026]第58号")
    tab_to(qtbot, dialog, ui.title)
    type_text(qtbot, ui.title, "关于做好秋冬季森林防火工作的通知")
    ui.urgency.setCurrentText("加急")
    assert ui.deadline_hint.text() == "3 个工作日"
    assert ui.deadline.date() == QDate(2026, 10, 9)  # 9-30, then 10-08 and 10-09 after the holiday
    ui.secrecy.setCurrentText("秘密")
    type_name(qtbot, ui.registrar, "李文书")
    type_name(qtbot, ui.next_holder, "赵主任")
    save(qtbot, dialog, ui.title, accepted=False)
    # a 密级 without 保密期限: the message at the field, nothing saved; the unusual 文号 only gets a hint
    shown = dialog.errors.shown()
    assert "doc_number" not in shown and "保密期限" in shown["secrecy_term"]
    assert Document.select().count() == 0
    assert ui.doc_number.text() == "宜府办文[2026]第58号"  # never changed silently
    assert ui.doc_number_fix.isVisible() and ui.doc_number_fix.text() == "改为 宜府办文〔2026〕58号"
    assert "照录" in ui.doc_number.toolTip()
    qtbot.mouseClick(ui.doc_number_fix, Qt.MouseButton.LeftButton)
    assert ui.doc_number.text() == "宜府办文〔2026〕58号"
    type_text(qtbot, ui.secrecy_term, "1年")
    save(qtbot, dialog, ui.title)

    doc = Document.get()
    assert (doc.number, doc.doc_number, doc.step, doc.holder) == ("收〔2026〕1号", "宜府办文〔2026〕58号", "拟办", "赵主任")
    assert tab.view.current_id() == doc.id
    assert "签收登记" in tab.history.toPlainText()
    text, colour = status_of(tab)
    assert text.startswith("剩余") and colour is None  # 拟办 due 10-08, eight days away

    doc = do_step(qtbot, tab, "拟请王县长阅示", next_holder="王县长")
    assert (doc.step, doc.holder) == ("批办", "王县长")

    # 待办: the leader's desk holds one item
    index = tab.holder.findData("王县长")
    assert tab.holder.itemText(index) == "王县长（1）"
    tab.holder.setCurrentIndex(index)
    assert tab.model.rowCount() == 1
    tab.holder.setCurrentIndex(0)

    # the clock passes the holiday: 批办 is due 9-30 + 2 working days = 10-09 (the item's deadline)
    clock.set(dt.datetime(2026, 10, 8, 9, 0))
    tab.tick()
    text, colour = status_of(tab)
    assert colour == AMBER, text  # due within one working day: 临近提醒
    assert "临近时限 1 件" in tab.summary_label.text()

    # 催办 by phone; the count shows in the list
    tab.view.select_id(doc.id)
    qtbot.mouseClick(tab.urge_button, Qt.MouseButton.LeftButton)
    urge = visible(tab, UrgeDialog)
    urge.ui.way.setCurrentText("电话")
    type_text(qtbot, urge.ui.answer, "王县长今天上午批示")
    save(qtbot, urge, urge.ui.answer)
    assert tab.model.data(tab.model.index(0, 11)) == "1次"
    assert "电话催办王县长" in tab.history.toPlainText()

    clock.set(dt.datetime(2026, 10, 10, 8, 0))  # the make-up Saturday: overdue
    tab.tick()
    text, colour = status_of(tab)
    assert colour == RED and text.startswith("超时")
    tab.overdue.setChecked(True)
    assert tab.model.rowCount() == 1
    tab.overdue.setChecked(False)

    tab.view.select_id(doc.id)
    doc = do_step(qtbot, tab, "请县林业局牵头办理", lead="县林业局")
    assert (doc.step, doc.holder, doc.lead) == ("承办", "县林业局", "县林业局")
    doc = do_step(qtbot, tab, "已部署各乡镇")
    assert doc.step == "办结"
    doc = do_step(qtbot, tab, "已办结")
    assert doc.closed_at == dt.datetime(2026, 10, 10, 8, 0) and doc.step == "归档"
    text, colour = status_of(tab)
    assert text == "已办结，待归档（超时）" and colour is None
    doc = do_step(qtbot, tab)
    assert doc.status == "已归档" and doc.holder == ""
    steps = [s.step for s in service.steps(doc.id)]
    assert steps == ["签收登记", "拟办", "批办", "承办", "办结", "归档"]
    assert "文件处理单" not in tab.history.toPlainText() and "归档" in tab.history.toPlainText()


def test_new_documents_start_as_通知_a_setting(qtbot, tab):
    from xiaoneng_desktop.core import settings

    for button, cls in ((tab.incoming_button, IncomingDialog), (tab.outgoing_button, OutgoingDialog)):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = visible(tab, cls)
        assert dialog.ui.kind.currentText() == "通知"
        dialog.discard()
    with pytest.raises(service.ValidationError, match="不在公文文种中"):
        settings.put("documents.default_kind", "便条")
    settings.put("documents.default_kind", "请示")
    qtbot.mouseClick(tab.incoming_button, Qt.MouseButton.LeftButton)
    dialog = visible(tab, IncomingDialog)
    assert dialog.ui.kind.currentText() == "请示"
    dialog.discard()


def test_three_outgoing_documents_numbered_in_order(qtbot, tab, clock):
    clock.set(dt.datetime(2026, 10, 9, 9, 0))
    for n in range(3):
        qtbot.mouseClick(tab.outgoing_button, Qt.MouseButton.LeftButton)
        dialog = visible(tab, OutgoingDialog)
        ui = dialog.ui
        assert ui.code.currentText() == "县政办发"
        type_text(qtbot, ui.title, f"关于开展第{n + 1}批作风建设专项整治的通知")
        type_text(qtbot, ui.unit, "秘书科")
        type_name(qtbot, ui.drafter, "陈秘书")
        save(qtbot, dialog, ui.title)
    numbers = []
    for doc in Document.select().order_by(Document.id):
        tab.view.select_id(doc.id)
        for step, holder in (("拟稿", "周科长"), ("核稿", "王县长"), ("签发", "李文书")):
            assert Document.get_by_id(doc.id).step == step
            qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
            dialog = visible(tab, StepDialog)
            dialog.ui.next_holder.setCurrentText("")
            type_name(qtbot, dialog.ui.next_holder, holder)
            save(qtbot, dialog, dialog.ui.opinion)
        qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
        dialog = visible(tab, StepDialog)
        assert dialog.ui.code.isVisible() and dialog.windowTitle() == "办理：编号"
        expected = f"县政办发〔2026〕{len(numbers) + 1}号"
        assert expected in dialog.ui.number_preview.text()
        shown = answer_box_by_key(qtbot)
        save(qtbot, dialog, dialog.ui.opinion)
        assert shown[0] == f"将编发文字号：{expected}" and shown[2] == "编号"
        numbers.append(Document.get_by_id(doc.id).number)
    assert numbers == ["县政办发〔2026〕1号", "县政办发〔2026〕2号", "县政办发〔2026〕3号"]
    # find it by its 字号
    type_text(qtbot, tab.view.filter_bar.search, "县政办发〔2026〕2号")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert tab.model.data(tab.model.index(0, 2)) == "县政办发〔2026〕2号"


def test_numbering_shows_the_number_asks_and_tells_when_another_pc_took_it(qtbot, tab, clock, monkeypatch):
    clock.set(dt.datetime(2026, 10, 9, 9, 0))
    docs = []
    for n in range(2):
        doc = service.start_outgoing(service.OutgoingInput(
            start_date=dt.date(2026, 10, 9), unit="秘书科", title=f"关于第{n + 1}项工作的通知", kind="通知",
            registrar="李文书", code="县政办发", drafter="陈秘书"))
        for step, holder in (("拟稿", "周科长"), ("核稿", "王县长"), ("签发", "李文书")):
            service.advance(doc.id, service.StepInput(step, Document.get_by_id(doc.id).holder, next_holder=holder))
        docs.append(doc)
    tab.refresh()
    tab.view.select_id(docs[0].id)
    qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
    dialog = visible(tab, StepDialog)
    assert "将编为 县政办发〔2026〕1号" in dialog.ui.number_preview.text()
    # Esc on the question: nothing is numbered, the dialog stays open
    shown = answer_box_by_key(qtbot, Qt.Key.Key_Escape)
    save(qtbot, dialog, dialog.ui.opinion, accepted=False)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0] == "将编发文字号：县政办发〔2026〕1号" and "不能更改" in shown[1]
    assert dialog.isVisible() and Document.get_by_id(docs[0].id).number == ""
    # while the question is open, another PC numbers the second document and takes 1号
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    shown = answer_box_by_key(qtbot, meanwhile=lambda: service.advance(docs[1].id, service.StepInput("编号", "李文书")))
    save(qtbot, dialog, dialog.ui.opinion)
    assert shown[0] == "将编发文字号：县政办发〔2026〕1号"
    assert Document.get_by_id(docs[0].id).number == "县政办发〔2026〕2号"
    assert told == ["县政办发〔2026〕1号 已被其他电脑先行取用，本文编为 县政办发〔2026〕2号。"]


def test_step_done_meanwhile_in_another_window(qtbot, tab, clock):
    doc = service.register_incoming(service.IncomingInput(
        start_date=dt.date(2026, 9, 29), unit="县应急管理局", title="来文", kind="函", registrar="李文书",
        next_holder="赵主任"))
    tab.refresh()
    tab.view.select_id(doc.id)
    qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
    dialog = visible(tab, StepDialog)
    type_name(qtbot, dialog.ui.next_holder, "王县长")
    service.advance(doc.id, service.StepInput("拟办", "钱副主任", next_holder="王县长"))  # the other window
    save(qtbot, dialog, dialog.ui.opinion, accepted=False)
    assert "已由钱副主任" in dialog.errors.shown()["step"]
    assert dialog.isVisible()
    dialog.discard()  # what was typed is dropped without the question (asked only of a person)


def test_extension_asked_then_approved_by_a_leader_in_the_window(qtbot, tab, clock):
    from xiaoneng_desktop.core import session

    doc = service.register_incoming(service.IncomingInput(
        start_date=dt.date(2026, 9, 29), unit="县应急管理局", title="来文", kind="函", registrar="李文书",
        next_holder="赵主任"))
    tab.refresh()
    tab.view.select_id(doc.id)
    with session.acting_as(session.Actor("李文书", session.SECRETARY)):
        ask = tab.extend_selected()
        ask.ui.new_date.setDate(dt.date(2026, 10, 20))
        type_text(qtbot, ask.ui.reason, "需征求县林业局意见")
        with qtbot.waitSignal(ask.accepted, timeout=2000):
            ask.save()
    assert service.get_document(doc.id).deadline < dt.datetime(2026, 10, 20)
    with session.acting_as(session.Actor("王县长", session.LEADER)):
        decide = tab.decide_selected()
        assert "需征求县林业局意见" in decide.ui.note.text() and "李文书" in decide.ui.note.text()
        with qtbot.waitSignal(decide.accepted, timeout=2000):
            decide.save()
    assert service.get_document(doc.id).deadline == dt.datetime(2026, 10, 20, 23, 59, 59)
    assert [e.decided_by for e in service.extensions(doc.id)] == ["王县长"]


def test_a_leader_writes_his_批办_but_nothing_else(qtbot, tab, clock):
    """领导: reads the register, writes his own 批办 and decides 延期; 收文登记 and 催办 stay closed to him,
    in the window and in the service."""
    from xiaoneng_desktop.core import session

    doc = service.register_incoming(service.IncomingInput(
        start_date=dt.date(2026, 9, 29), unit="县应急管理局", title="关于防汛的通知", kind="通知",
        registrar="李文书", next_holder="赵主任"))
    service.advance(doc.id, service.StepInput(step="拟办", who="赵主任", opinion="请王县长阅示", next_holder="王县长"))
    session.sign_in(session.Actor("王县长", session.LEADER, 7))
    tab.apply_permission()
    tab.refresh()
    assert tab.view.select_id(doc.id)
    assert not tab.incoming_button.isEnabled() and not tab.urge_button.isEnabled()
    assert tab.step_button.isEnabled() and tab.approve_button.isEnabled()
    qtbot.mouseClick(tab.step_button, Qt.MouseButton.LeftButton)
    dialog = visible(tab, StepDialog)
    assert dialog.ui.button_box.isEnabled()
    dialog.ui.who.setCurrentText("王县长")
    type_text(qtbot, dialog.ui.opinion, "请应急局牵头办理")
    dialog.ui.lead.setCurrentText("周科长")
    dialog.ui.next_holder.setCurrentText("周科长")
    save(qtbot, dialog, dialog.ui.opinion)
    assert service.get_document(doc.id).step == "承办"
    with pytest.raises(session.PermissionDenied):
        service.advance(doc.id, service.StepInput(step="承办", who="周科长", next_holder="周科长"))
