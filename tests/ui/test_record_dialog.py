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
from xiaoneng_desktop.core import db, people
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.documents.models import KINDS
from xiaoneng_desktop.documents.service import IncomingInput
from xiaoneng_desktop.duty.service import CallInput, ShiftInput
from xiaoneng_desktop.inspection.service import CampaignInput, ProblemInput
from xiaoneng_desktop.ui.admin.people_dialog import DepartmentDialog, PersonDialog
from xiaoneng_desktop.ui.documents.dialogs import (
    ExtensionDialog,
    IncomingDialog,
    OutgoingDialog,
    StepDialog,
    UrgeDialog,
)
from xiaoneng_desktop.ui.duty.call_dialog import CallDialog
from xiaoneng_desktop.ui.duty.handover_dialog import HandoverDialog
from xiaoneng_desktop.ui.duty.roster_page import GenerateDialog as RosterDialog
from xiaoneng_desktop.ui.duty.roster_page import ShiftDialog, UnavailableDialog
from xiaoneng_desktop.ui.forms.ui_urge_dialog import Ui_UrgeDialog
from xiaoneng_desktop.ui.inspection.campaign_dialog import CampaignDialog
from xiaoneng_desktop.ui.inspection.problem_dialog import ProblemDialog
from xiaoneng_desktop.ui.inspection.template_dialog import TemplateDialog
from xiaoneng_desktop.ui.inspection.verify_dialog import VerifyDialog
from xiaoneng_desktop.ui.visitors.handling_dialog import HandlingDialog
from xiaoneng_desktop.ui.visitors.reception_day_dialog import ReceptionDayDialog
from xiaoneng_desktop.ui.visitors.reception_page import GenerateDialog as ReceptionDaysDialog
from xiaoneng_desktop.ui.visitors.tab import ExtendDialog
from xiaoneng_desktop.ui.visitors.visit_dialog import VisitDialog
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog, input_value
from xiaoneng_desktop.visitors.service import HandlingInput, VisitInput


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
    "person": (lambda r: PersonDialog(r["person"]), "post_edit"),
    "department": (lambda r: DepartmentDialog(r["department"]), "name_edit"),
    "shift": (lambda r: ShiftDialog(r["shift"].day, r["shift"].name), "officer_phone"),
    "unavailable": (lambda r: UnavailableDialog(), "reason"),
    "reception days": (lambda r: ReceptionDaysDialog(dt.date(2026, 10, 1), dt.date(2026, 10, 31)), "place"),
    "extend": (lambda r: ExtendDialog(r["visit"].id, "李文书"), "reason"),
    "reason": (lambda r: ReasonDialog("作废", "请填写作废原因：", lambda text: None), "reason"),
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
    subject = "数据库" if db.on_server() else "数据文件"
    assert dialog.form_error.isVisible() and f"{subject}正被其他程序写入，请稍后重试" in dialog.form_error.text()
    assert dialog.form_error.objectName() == "form_error"


def test_an_unusual_doc_number_is_hinted_and_saved_as_printed(qtbot, records):
    """A 来文's 文号 is written by another office: 山组字[2008]43号 is kept as printed; the standard form
    is offered as it is typed, never forced."""
    dialog = IncomingDialog("李文书")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.ui.unit, "县水利局")
    type_text(qtbot, dialog.ui.title, "关于汛期值班的通知")
    dialog.ui.next_holder.setCurrentText("赵主任")
    type_text(qtbot, dialog.ui.doc_number, "山组字[2008]43号")
    assert dialog.ui.doc_number_fix.isVisible() and dialog.ui.doc_number_fix.text() == "改为 山组字〔2008〕43号"
    dialog.save()
    assert not dialog.isVisible() and dialog.saved.doc_number == "山组字[2008]43号"


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



def _accepted(visit):
    visitors.service.save_handling(visit.id, HandlingInput(decision="受理", decided_at=visit.visited_at))
    return visit.id


def _tick(widget, *names):
    """Tick exactly ``names`` in a list of people (the dialog opens with last months' ones ticked)."""
    for i in range(widget.count()):
        ticked = widget.item(i).data(Qt.ItemDataRole.UserRole) in names
        widget.item(i).setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)


def _person_typed(qtbot, ui):
    type_text(qtbot, ui.post_edit, "司机")
    type_text(qtbot, ui.mobile_edit, "138abc")


def _person_fixed(qtbot, ui):
    type_text(qtbot, ui.name_edit, "钱师傅")
    ui.mobile_edit.clear()
    type_text(qtbot, ui.mobile_edit, "13712345678")


#: The dialogs built in code (LabelledFields or a form of their own) and those whose Designer form had
#: its own OK wiring: how to open one, input the service refuses (field, Chinese message, the widget
#: whose typing must survive), the correction, and what the data file holds — unchanged until saved.
REFUSED = {
    "person": (lambda r: PersonDialog(), _person_typed, "name", "请填写姓名", ("mobile_edit", "138abc"),
               _person_fixed, lambda r: people.Person.select().count()),
    "department": (lambda r: DepartmentDialog(), lambda q, ui: type_text(q, ui.name_edit, "秘书科"),
                   "name", "已有同名部门“秘书科”", ("name_edit", "秘书科"),
                   lambda q, ui: type_text(q, ui.name_edit, "二"), lambda r: people.Department.select().count()),
    "shift": (lambda r: ShiftDialog(r["shift"].day, r["shift"].name),
              lambda q, ui: (ui.officer_phone.clear(), type_text(q, ui.officer_phone, "12ab")),
              "officer_phone", "值班员电话只能包含数字和“-”，例如 13812345678 或 0731-12345678",
              ("officer_phone", "12ab"),
              lambda q, ui: (ui.officer_phone.clear(), type_text(q, ui.officer_phone, "0731-12345678")),
              lambda r: duty.models.DutyShift.get_by_id(r["shift"].id).officer_phone),
    "roster": (lambda r: RosterDialog(2026, 11), lambda q, ui: (_tick(ui.officers), _tick(ui.leaders, "赵主任")),
               "officers", "请至少选择一名值班员", ("leaders", None),
               lambda q, ui: _tick(ui.officers, "李文书"), lambda r: duty.models.DutyShift.select().count()),
    "unavailable": (lambda r: UnavailableDialog(),
                    lambda q, ui: (ui.last_day.setDate(ui.first_day.date().addDays(-1)),
                                   type_text(q, ui.reason, "出差")),
                    "last_day", "结束日期不能早于开始日期", ("reason", "出差"),
                    lambda q, ui: ui.last_day.setDate(ui.first_day.date().addDays(2)),
                    lambda r: duty.models.Unavailability.select().count()),
    "reception days": (lambda r: ReceptionDaysDialog(dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
                       lambda q, ui: (ui.leaders.clear(), ui.place.clear(), type_text(q, ui.place, "二楼接待室")),
                       "leaders", "请至少填写一名轮流接待的领导", ("place", "二楼接待室"),
                       lambda q, ui: type_text(q, ui.leaders, "赵主任、张三"),
                       lambda r: visitors.models.ReceptionDay.select().count()),
    "extend": (lambda r: ExtendDialog(_accepted(r["visit"]), "李文书"),
               lambda q, ui: ui.days.setValue(3), "reason", "请填写延期理由", ("days", 3),
               lambda q, ui: type_text(q, ui.reason, "需现场勘查"),
               lambda r: len(visitors.service.extensions(r["visit"].id))),  # asked, waiting for approval
}


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_save_keeps_the_typing_and_ctrl_enter_saves(qtbot, records, name):
    make, typed, field, message, (widget_name, kept), fix, stored = REFUSED[name]
    dialog = make(records)
    qtbot.addWidget(dialog)
    dialog.show()
    before = stored(records)
    typed(qtbot, dialog.ui)
    widget = getattr(dialog.ui, widget_name)
    typed_value = input_value(widget)
    save_button = next(b for b in dialog.ui.button_box.buttons()
                       if dialog.ui.button_box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.errors.shown()[field] == message
    assert getattr(dialog.ui, f"{field}_error").isVisible()
    assert input_value(widget) == typed_value and (kept is None or typed_value == kept)
    assert stored(records) == before, "a refused save writes nothing"

    fix(qtbot, dialog.ui)
    dialog.activateWindow()  # a shortcut reaches the active window only
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(records) != before and dialog.saved is not None


def test_a_reason_refused_for_any_field_is_said_under_the_reason(qtbot):
    done = []

    def complete(text):
        if text != "已整改":
            raise ValidationError("measure", "请先填写整改措施，再标记整改完成")
        done.append(text)  # returns nothing: still a success

    dialog = ReasonDialog("整改完成", "请填写完成情况：", complete)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.note.text() == "请填写完成情况：" and dialog.windowTitle() == "整改完成"
    type_text(qtbot, dialog.ui.reason, "好了")
    qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.errors.shown() == {"reason": "请先填写整改措施，再标记整改完成"}
    assert dialog.ui.reason.text() == "好了" and done == []
    dialog.ui.reason.clear()
    type_text(qtbot, dialog.ui.reason, "已整改")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.ui.reason, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert done == ["已整改"]
