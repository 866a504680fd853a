"""来电来报登记: the form a duty officer fills in seconds, from the keyboard alone.

A new call opens with the time set to now and the officer on shift; Tab walks the fields in the
order a call is taken down; Ctrl+Enter saves. Bad input: the message appears under the field and
the form keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import CATEGORIES, CHANNEL_LIST, Call
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.ui.forms.ui_call_dialog import Ui_CallDialog
from xiaoneng_desktop.ui.widgets.accountability import add_correct_reason, add_late_reason, add_reason_row
from xiaoneng_desktop.ui.widgets.inputs import fill_names, from_qdatetime, tab_leaves, to_qdatetime
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog


class CallDialog(RecordDialog):
    """New call (``call=None``) or edit an existing one; a closed one (``correcting``) is a 更正 with a
    reason. The deadline is set at registration and shown read-only afterwards. ``saved_id`` holds the
    record after Save."""

    form_class = Ui_CallDialog
    conflict_labels = service.LABELS
    fields = ("received_at", "channel", "category", "caller_unit", "caller", "phone", "summary", "officer_name",
              "assignee_name", "instruction", "instruction_by", "feedback", "deadline", "closed_at")

    def __init__(self, call: Call | None = None, officer: str = "", parent: QWidget | None = None,
                 correcting: bool = False):
        super().__init__(parent)
        ui = self.ui
        self.call_id = call.id if call else None
        self.expected_version = call.version if call else None
        self.correcting = correcting
        self.stored = (call.category, call.deadline, call.deadline_typed) if call else None
        add_late_reason(self)
        if call is not None:
            add_reason_row(self, "category_reason", "修改类别原因", "办理时限已过后修改事项类别时填写")
        if correcting:
            add_correct_reason(self, "更正来电记录")
        if not correcting:
            self.setWindowTitle("编辑来电记录" if call else "新建来电记录")
        ui.channel.addItems(CHANNEL_LIST.values())  # the office's own list (工具→单位设置)
        ui.category.addItems(CATEGORIES)
        names = people.person_names()
        for combo in (ui.officer_name, ui.assignee_name, ui.instruction_by):
            fill_names(combo, names)
        ui.deadline_typed.toggled.connect(self._update_deadline)
        ui.category.currentTextChanged.connect(self._update_deadline)
        ui.received_at.dateTimeChanged.connect(self._update_deadline)
        ui.closed.toggled.connect(ui.closed_at.setEnabled)
        ui.closed.toggled.connect(self._closing_toggled)

        now = clock.now()
        if call is None:
            ui.received_at.setDateTime(to_qdatetime(now))
            ui.officer_name.setCurrentText(officer)
            ui.closed_at.setDateTime(to_qdatetime(now))
            ui.deadline.setDateTime(to_qdatetime(service.deadline_for(CATEGORIES[0], now)))
        else:
            self.fill(call)
        ui.closed_at.setEnabled(ui.closed.isChecked())
        self._update_deadline()
        if call is not None:  # fixed at registration: it moves only with the category
            ui.deadline_typed.setEnabled(False)
            ui.deadline.setEnabled(False)
        tab_leaves(self, ui.received_at, ui.deadline, ui.closed_at)
        ui.received_at.setFocus()

    def fill(self, call: Call) -> None:
        ui = self.ui
        ui.received_at.setDateTime(to_qdatetime(call.received_at))
        if ui.channel.findText(call.channel) < 0:  # a value since taken off the list: the record keeps it
            ui.channel.addItem(call.channel)
        ui.channel.setCurrentText(call.channel)
        ui.category.setCurrentText(call.category)
        ui.caller_unit.setText(call.caller_unit)
        ui.caller.setText(call.caller)
        ui.phone.setText(call.phone)
        ui.summary.setPlainText(call.summary)
        ui.officer_name.setCurrentText(call.officer_name)
        ui.assignee_name.setCurrentText(call.assignee_name)
        ui.instruction.setPlainText(call.instruction)
        ui.instruction_by.setCurrentText(call.instruction_by)
        ui.feedback.setPlainText(call.feedback)
        ui.deadline_typed.setChecked(call.deadline_typed)
        ui.deadline.setDateTime(to_qdatetime(call.deadline))
        ui.closed.setChecked(call.closed_at is not None)
        ui.closed_at.setDateTime(to_qdatetime(call.closed_at or clock.now()))

    def _closing_toggled(self, checked: bool) -> None:
        if checked and self.call_id is None:
            self.ui.closed_at.setDateTime(to_qdatetime(clock.now()))

    def _update_deadline(self, *_args) -> None:
        ui = self.ui
        typed = ui.deadline_typed.isChecked()
        ui.deadline.setEnabled(typed and self.call_id is None)
        category = ui.category.currentText()
        if category not in CATEGORIES:
            ui.deadline_hint.clear()
            return
        limit = service.limit_minutes(category)
        if self.stored is not None and (self.stored[2] or category == self.stored[0]):
            ui.deadline.setDateTime(to_qdatetime(self.stored[1]))  # as registered
        elif not typed:
            received = from_qdatetime(ui.received_at.dateTime())
            ui.deadline.setDateTime(to_qdatetime(service.deadline_for(category, received)))
        ui.deadline_hint.setText(f"{category}时限 {_minutes_text(limit)}")

    def data(self) -> CallInput:
        ui = self.ui
        return CallInput(
            received_at=from_qdatetime(ui.received_at.dateTime()),
            channel=ui.channel.currentText(),
            category=ui.category.currentText(),
            caller_unit=ui.caller_unit.text(),
            caller=ui.caller.text(),
            phone=ui.phone.text(),
            summary=ui.summary.toPlainText(),
            officer_name=ui.officer_name.currentText(),
            assignee_name=ui.assignee_name.currentText(),
            instruction=ui.instruction.toPlainText(),
            instruction_by=ui.instruction_by.currentText(),
            feedback=ui.feedback.toPlainText(),
            deadline=from_qdatetime(ui.deadline.dateTime()) if ui.deadline_typed.isChecked() else None,
            closed_at=from_qdatetime(ui.closed_at.dateTime()) if ui.closed.isChecked() else None,
            category_reason=ui.category_reason.text() if self.call_id is not None else "",
            late_reason=ui.late_reason.text(),
        )

    def submit(self) -> Call:
        if self.call_id is None:
            return service.create_call(self.data())
        if self.correcting:
            return service.correct_call(self.call_id, self.data(), self.ui.correct_reason.text(),
                                       expected_version=self.expected_version)
        return service.update_call(self.call_id, self.data(), expected_version=self.expected_version)


def _minutes_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours}小时{rest}分钟"
    return f"{hours}小时" if hours else f"{minutes}分钟"
