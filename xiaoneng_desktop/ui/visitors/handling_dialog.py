"""办理来访事项: 受理 or 不予受理 (with the reason), 转办 with a deadline, the answer to the visitor,
the result, satisfaction and 回访 — one form, saved in one step."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.ui.forms.ui_handling_dialog import Ui_HandlingDialog
from xiaoneng_desktop.ui.widgets.accountability import add_correct_reason, add_late_reason
from xiaoneng_desktop.ui.widgets.inputs import (
    fill_names,
    from_qdate,
    from_qdatetime,
    tab_leaves,
    to_qdate,
    to_qdatetime,
)
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import SATISFACTIONS, Visit
from xiaoneng_desktop.visitors.service import HandlingInput

PENDING = "待定"


class HandlingDialog(RecordDialog):
    form_class = Ui_HandlingDialog
    conflict_labels = service.LABELS
    fields = ("decision", "decided_at", "decision_reason", "referred_to", "referral_due", "deadline", "reply",
              "result", "replied_at", "satisfaction", "followed_up_at", "follow_up_note")

    def __init__(self, visit: Visit, actor: str = "", parent: QWidget | None = None, correcting: bool = False):
        super().__init__(parent)
        ui = self.ui
        self.visit = visit
        self.visit_id = visit.id
        self.expected_version = visit.version
        self.actor = actor
        self.correcting = correcting
        self.setWindowTitle(f"办理来访事项 — {visit.name}")
        add_late_reason(self)
        if correcting:
            add_correct_reason(self, f"更正来访办理 — {visit.name}")
        # the 办理时限 is computed (from 受理) and moves only by 延期: never typed here
        ui.deadline_typed.setEnabled(False)
        ui.deadline_typed.setToolTip("办理时限按规定计算，只能通过“延期”变更")
        ui.decision.addItems([PENDING, "受理", "不予受理"])
        ui.satisfaction.addItems(SATISFACTIONS)
        targets = [d.name for d in people.list_departments()] + people.person_names()
        fill_names(ui.referred_to, list(dict.fromkeys(targets)))
        when = f"{visit.visited_at:%Y-%m-%d %H:%M}"
        group = f"，集体访 {visit.persons} 人" if service.is_group(visit) else ""
        e = html.escape  # name and 事由 are typed by users: shown as typed, never as markup
        ui.summary.setTextFormat(Qt.TextFormat.RichText)
        ui.summary.setText(f"<b>{when}　{e(visit.name)}{group}　{e(visit.category)}</b><br>"
                           f"<span style='white-space:pre-wrap'>{e(visit.matter)}</span>")
        ui.acceptance_hint.setText(f"应于 {visit.acceptance_due:%Y-%m-%d} 前告知")
        self.fill(visit)
        # 转办时限 follows the 办理时限 until the receptionist sets it herself
        self._referral_typed = visit.referral_due is not None
        ui.referral_due.dateChanged.connect(self._referral_due_typed)
        ui.replied.toggled.connect(self._replied_toggled)
        # what is enabled, and the deadlines shown, follow every input they depend on
        for changed in (ui.decision.currentTextChanged, ui.decided_at.dateTimeChanged, ui.deadline_typed.toggled,
                        ui.followed.toggled, ui.referred_to.currentTextChanged):
            changed.connect(self._update)
        self._update()
        tab_leaves(self, ui.decided_at, ui.replied_at, ui.followed_up_at)
        ui.decision.setFocus()

    def fill(self, visit: Visit) -> None:
        ui = self.ui
        data = HandlingInput.from_visit(visit)
        now = clock.now()
        ui.decision.setCurrentText(data.decision or PENDING)
        ui.decided_at.setDateTime(to_qdatetime(data.decided_at or now))
        ui.decision_reason.setPlainText(data.decision_reason)
        ui.referred_to.setCurrentText(data.referred_to)
        ui.referral_due.setDate(to_qdate(data.referral_due or visit.deadline.date()))
        ui.deadline_typed.setChecked(data.deadline is not None)
        ui.deadline.setDate(to_qdate(visit.deadline.date()))
        ui.reply.setPlainText(data.reply)
        ui.result.setPlainText(data.result)
        ui.replied.setChecked(data.replied_at is not None)
        ui.replied_at.setDateTime(to_qdatetime(data.replied_at or now))
        ui.satisfaction.setCurrentText(data.satisfaction)
        ui.followed.setChecked(data.followed_up_at is not None)
        ui.followed_up_at.setDateTime(to_qdatetime(data.followed_up_at or now))
        ui.follow_up_note.setText(data.follow_up_note)

    def _referral_due_typed(self, *_args) -> None:
        self._referral_typed = True

    def _replied_toggled(self, checked: bool) -> None:
        ui = self.ui
        if checked and ui.decision.currentText() == PENDING:
            ui.decision.setCurrentText("受理")  # answering the visitor presupposes accepting the case
        if checked and self.visit.closed_at is None:
            ui.replied_at.setDateTime(to_qdatetime(clock.now()))
        self._update()

    def _update(self, *_args) -> None:
        ui = self.ui
        decision = ui.decision.currentText()
        decided = decision != PENDING
        ui.decided_at.setEnabled(decided)
        refused = decision == "不予受理"
        for widget in (ui.referred_to, ui.referral_due, ui.replied, ui.replied_at):
            widget.setEnabled(not refused)
        ui.referral_due.setEnabled(not refused and bool(ui.referred_to.currentText().strip()))
        ui.replied_at.setEnabled(not refused and ui.replied.isChecked())
        ui.followed_up_at.setEnabled(ui.followed.isChecked())
        ui.deadline.setEnabled(False)
        decided_at = from_qdatetime(ui.decided_at.dateTime()) if decision == "受理" else None
        unchanged = (decision if decided else "", decided_at if decided else None) == (
            self.visit.decision, self.visit.decided_at if self.visit.decision else None)
        if self.visit.deadline_typed or unchanged:
            ui.deadline.setDate(to_qdate(self.visit.deadline.date()))
        else:
            deadline = service.deadline_for(self.visit.visited_at, decided_at, self.visit.extended_days)
            ui.deadline.setDate(to_qdate(deadline.date()))
        if not self._referral_typed:
            ui.referral_due.blockSignals(True)
            ui.referral_due.setDate(ui.deadline.date())
            ui.referral_due.blockSignals(False)
        base = "受理之日" if decision == "受理" else "来访之日"
        extended = f"，已延期 {self.visit.extended_days} 天" if self.visit.extended_days else ""
        ui.deadline_hint.setText(f"自{base}起 {service.handle_days()} 天{extended}")

    def data(self) -> HandlingInput:
        ui = self.ui
        decision = ui.decision.currentText()
        decision = "" if decision == PENDING else decision
        referred = ui.referred_to.currentText().strip()
        return HandlingInput(
            decision=decision,
            decided_at=from_qdatetime(ui.decided_at.dateTime()) if decision else None,
            decision_reason=ui.decision_reason.toPlainText(),
            referred_to=referred if decision != "不予受理" or referred else "",
            referral_due=from_qdate(ui.referral_due.date()) if referred else None,
            reply=ui.reply.toPlainText(), result=ui.result.toPlainText(),
            replied_at=from_qdatetime(ui.replied_at.dateTime()) if ui.replied.isChecked() else None,
            satisfaction=ui.satisfaction.currentText(),
            followed_up_at=from_qdatetime(ui.followed_up_at.dateTime()) if ui.followed.isChecked() else None,
            follow_up_note=ui.follow_up_note.text(),
            late_reason=ui.late_reason.text(),
        )

    def submit(self) -> Visit:
        if self.correcting:
            return service.correct_handling(self.visit_id, self.data(), self.ui.correct_reason.text(),
                                            expected_version=self.expected_version)
        return service.save_handling(self.visit_id, self.data(), actor=self.actor,
                                     expected_version=self.expected_version)
