"""RecordDialog, the base of every entry dialog: each dialog opens clean (also on an existing record),
becomes dirty when the user types, and shares Ctrl+Enter, the field messages and the saved id."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

from tests.helpers import type_text
from xiaoneng_desktop import documents, duty, inspection, visitors
from xiaoneng_desktop.core import people
from xiaoneng_desktop.documents.models import KINDS
from xiaoneng_desktop.documents.service import IncomingInput
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.inspection.service import CampaignInput, ProblemInput
from xiaoneng_desktop.ui.documents.dialogs import (
    ExtensionDialog,
    IncomingDialog,
    OutgoingDialog,
    StepDialog,
    UrgeDialog,
)
from xiaoneng_desktop.ui.duty.call_dialog import CallDialog
from xiaoneng_desktop.ui.duty.handover_dialog import HandoverDialog
from xiaoneng_desktop.ui.forms.ui_urge_dialog import Ui_UrgeDialog
from xiaoneng_desktop.ui.inspection.campaign_dialog import CampaignDialog
from xiaoneng_desktop.ui.inspection.problem_dialog import ProblemDialog
from xiaoneng_desktop.ui.inspection.template_dialog import TemplateDialog
from xiaoneng_desktop.ui.inspection.verify_dialog import VerifyDialog
from xiaoneng_desktop.ui.visitors.handling_dialog import HandlingDialog
from xiaoneng_desktop.ui.visitors.reception_day_dialog import ReceptionDayDialog
from xiaoneng_desktop.ui.visitors.visit_dialog import VisitDialog
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog
from xiaoneng_desktop.visitors.service import VisitInput


@pytest.fixture
def records(database, clock):
    """One saved record of every kind an entry dialog opens."""
    department = people.save_department(None, "秘书科")
    person = people.save_person(None, name="李文书", department_id=department.id, mobile="13800001111")
    for name in ("赵主任", "张三", "李四"):
        people.save_person(None, name=name, department_id=department.id)
    now = clock()
    shift = duty.service.save_shift(ShiftInput(day=now.date(), name="白班", officer_name="李文书"))
    call = duty.service.create_call(CallInput(received_at=now, category="一般事项", summary="县应急局来电",
                                              officer_name="李文书", caller="王某"))
    doc = documents.service.register_incoming(IncomingInput(
        start_date=now.date(), unit="县政府办", title="关于防汛工作的通知", kind=KINDS[0], registrar="李文书",
        next_holder="赵主任"))
    visit = visitors.service.create_visit(VisitInput(visited_at=now, name="赵某", matter="反映道路破损",
                                                     first_responder="李文书", phone="13900002222"))
    day = visitors.service.save_reception_day(None, now.date(), "赵主任", "接待室")
    template = inspection.service.builtin_template()
    campaign = inspection.service.create_campaign(CampaignInput(
        "作风整顿自查", dt.date(2026, 10, 1), dt.date(2026, 10, 31), template.id, ["张三", "李四"]))
    item = inspection.service.template_items(template.id)[0][0]
    problem = inspection.service.create_problem(ProblemInput(
        campaign_id=campaign.id, item_id=item.id, description="协调配合不主动", responsible_name="张三",
        deadline=dt.date(2026, 10, 20)))
    return dict(department=department, person=person, shift=shift, call=call, doc=doc, visit=visit, day=day,
                campaign=campaign, problem=problem, template=template)


#: Every entry dialog: how to open it on the records above, and an input the user types into.
DIALOGS = {
    "new call": (lambda r: CallDialog(officer="李文书"), "caller"),
    "call": (lambda r: CallDialog(r["call"]), "summary"),
    "handover": (lambda r: HandoverDialog(r["shift"]), "handover_note"),
    "incoming": (lambda r: IncomingDialog("李文书"), "unit"),
    "outgoing": (lambda r: OutgoingDialog("李文书"), "title"),
    "step": (lambda r: StepDialog(r["doc"]), "opinion"),
    "urge": (lambda r: UrgeDialog(r["doc"]), "answer"),
    "extension": (lambda r: ExtensionDialog(r["doc"]), "reason"),
    "new visit": (lambda r: VisitDialog(responder="李文书"), "address"),
    "visit": (lambda r: VisitDialog(r["visit"]), "matter"),
    "handling": (lambda r: HandlingDialog(r["visit"]), "reply"),
    "new reception day": (lambda r: ReceptionDayDialog(None), "note"),
    "reception day": (lambda r: ReceptionDayDialog(r["day"]), "place"),
    "new campaign": (lambda r: CampaignDialog(), "name"),
    "campaign": (lambda r: CampaignDialog(r["campaign"]), "note"),
    "new problem": (lambda r: ProblemDialog(prefill={"campaign_id": r["campaign"].id}), "description"),
    "problem": (lambda r: ProblemDialog(r["problem"]), "cause"),
    "verify": (lambda r: VerifyDialog(r["problem"]), "verification"),
    "template": (lambda r: TemplateDialog(r["template"]), "name"),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_typing_makes_the_dialog_dirty(qtbot, records, name):
    make, field = DIALOGS[name]
    dialog = make(records)
    qtbot.addWidget(dialog)
    dialog.show()
    assert isinstance(dialog, RecordDialog)
    assert not dialog.is_dirty(), "opened (and filled from its record) but not touched: nothing to lose"
    widget = getattr(dialog.ui, field)
    opened_with = widget.toPlainText() if hasattr(widget, "toPlainText") else widget.text()
    type_text(qtbot, widget, "补充说明")
    assert dialog.is_dirty()
    (widget.setPlainText if hasattr(widget, "setPlainText") else widget.setText)(opened_with)
    assert not dialog.is_dirty(), "changed back to what it opened with: nothing to lose"


def test_each_kind_of_input_counts(qtbot, records):
    call = CallDialog(records["call"])
    qtbot.addWidget(call)
    for change, undo in (
            (lambda: call.ui.closed.setChecked(True), lambda: call.ui.closed.setChecked(False)),
            (lambda: call.ui.category.setCurrentIndex(call.ui.category.currentIndex() + 1),
             lambda: call.ui.category.setCurrentText("一般事项")),
            (lambda: call.ui.received_at.setDateTime(call.ui.received_at.dateTime().addSecs(-600)),
             lambda: call.ui.received_at.setDateTime(call.ui.received_at.dateTime().addSecs(600)))):
        change()
        assert call.is_dirty()
        undo()
        assert not call.is_dirty()
    incoming = IncomingDialog("李文书")
    qtbot.addWidget(incoming)
    incoming.ui.copies.setValue(3)
    assert incoming.is_dirty()
    incoming.ui.copies.setValue(1)
    incoming.ui.start_date.setDate(QDate(2026, 10, 8))
    assert incoming.is_dirty()


def test_an_opened_record_is_clean_even_after_the_form_settles(qtbot, records):
    """Hints and derived values the form computes while filling are part of what it opened with."""
    dialog = HandlingDialog(records["visit"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(10)
    assert not dialog.is_dirty()
    dialog.mark_clean()
    type_text(qtbot, dialog.ui.result, "已修复")
    assert dialog.is_dirty()
    dialog.mark_clean()
    assert not dialog.is_dirty()


def test_ctrl_enter_saves_and_keeps_the_saved_id(qtbot, records):
    dialog = UrgeDialog(records["doc"], "李文书")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.ui.answer, "今日办结")
    dialog.activateWindow()  # a shortcut reaches the active window only
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.ui.answer, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    urging = documents.models.Urging.get_by_id(dialog.saved_id)
    assert urging.answer == "今日办结" and dialog.saved == urging


def test_refused_input_stays_with_its_message_at_the_field(qtbot, records):
    dialog = CallDialog(officer="李文书")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved_id is None
    assert "summary" in dialog.errors.shown() and dialog.ui.summary_error.isVisible()
    assert dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def _count(model):
    return lambda _records: model.select().count()


#: 五查自查 dialogs refused for an empty required field: open, type into one field, leave `empty` empty;
#: the message expected at `empty`, and what must stay unchanged in the database.
REFUSALS = {
    "campaign": (lambda r: CampaignDialog(), "note", "name", "请填写活动名称", _count(inspection.models.Campaign)),
    "problem": (lambda r: ProblemDialog(prefill={"campaign_id": r["campaign"].id}), "cause", "description",
                "请填写问题描述", _count(inspection.models.Problem)),
    "edited problem": (lambda r: ProblemDialog(r["problem"]), "cause", "description", "请填写问题描述",
                       lambda r: inspection.service.get_problem(r["problem"].id).cause),
    "verify": (lambda r: VerifyDialog(r["problem"]), "verified_by", "verification", "请填写验收情况",
               lambda r: inspection.service.get_problem(r["problem"].id).verified_by),
    "template": (lambda r: TemplateDialog(r["template"]), None, "name", "请填写模板名称",
                 _count(inspection.models.Template)),
}


@pytest.mark.parametrize("name", REFUSALS)
def test_inspection_dialogs_refuse_an_empty_required_field(qtbot, records, name):
    make, typed_field, empty, message, stored = REFUSALS[name]
    before = stored(records)
    dialog = make(records)
    qtbot.addWidget(dialog)
    dialog.show()
    assert isinstance(dialog, RecordDialog) and not dialog.is_dirty()
    empty_widget = getattr(dialog.ui, empty)
    (empty_widget.setPlainText if hasattr(empty_widget, "setPlainText") else empty_widget.setText)("")
    if typed_field is not None:
        type_text(qtbot, getattr(dialog.ui, typed_field), "赵主任")
    else:  # the template: a check point edited in its table
        dialog.table.item(0, 1).setText("有无推诿扯皮现象")
    assert dialog.is_dirty()
    dialog.save()
    assert dialog.isVisible() and dialog.saved_id is None and dialog.result() == 0
    error = getattr(dialog.ui, f"{empty}_error")
    assert error.isVisible() and error.text() == message
    assert dialog.errors.shown()[empty] == message
    if typed_field is not None:
        widget = getattr(dialog.ui, typed_field)
        typed = widget.currentText() if isinstance(widget, QComboBox) else widget.toPlainText()
        assert typed.endswith("赵主任"), "what was typed stays in the form"
    else:
        assert dialog.table.item(0, 1).text() == "有无推诿扯皮现象"
    assert dialog.is_dirty()
    assert stored(records) == before, "nothing saved"


def test_a_failed_write_is_said_on_the_form(qtbot, records, monkeypatch):
    def locked(*_args, **_kwargs):
        raise pw.OperationalError("database is locked")

    monkeypatch.setattr(documents.service, "urge", locked)
    dialog = UrgeDialog(records["doc"], "李文书")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.form_error.isVisible() and "正被其他程序使用" in dialog.form_error.text()
    assert dialog.form_error.objectName() == "form_error"


def test_a_mistyped_doc_number_offers_its_correction(qtbot, records):
    dialog = IncomingDialog("李文书")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.ui.unit, "县水利局")
    type_text(qtbot, dialog.ui.title, "关于汛期值班的通知")
    dialog.ui.next_holder.setCurrentText("赵主任")
    type_text(qtbot, dialog.ui.doc_number, "县水发(2026)5号")
    dialog.save()
    assert dialog.isVisible() and "doc_number" in dialog.errors.shown()
    assert dialog.ui.doc_number_fix.isVisible() and dialog.ui.doc_number_fix.text() == "改为 县水发〔2026〕5号"


def test_a_dialog_without_its_service_call_is_refused(qtbot):
    class Unfinished(RecordDialog):
        form_class = Ui_UrgeDialog
        fields = ("urged_by", "way", "answer")

    with pytest.raises(TypeError, match="submit"):
        Unfinished()


def test_the_inner_editors_of_combos_and_dates_are_not_counted_twice(qtbot, records):
    dialog = CallDialog(records["call"])
    qtbot.addWidget(dialog)
    widgets = [w for w, _value in dialog._input_values()]
    assert not any(isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox) for w in widgets)
    assert dialog.ui.officer_name in widgets and dialog.ui.received_at in widgets
    assert len(widgets) == len(set(widgets))
