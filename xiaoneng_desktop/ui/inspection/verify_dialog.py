"""销号: someone other than the responsible person checks the rectification and says what they saw."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from xiaoneng_desktop.core import accounts, clock, people
from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.models import Problem
from xiaoneng_desktop.ui.forms.ui_verify_dialog import Ui_VerifyDialog
from xiaoneng_desktop.ui.widgets.inputs import fill_names, from_qdatetime, tab_leaves, to_qdatetime
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog


class VerifyDialog(RecordDialog):
    form_class = Ui_VerifyDialog
    fields = ("verified_by", "verified_at", "verification")

    def __init__(self, problem: Problem, parent: QWidget | None = None):
        super().__init__(parent)
        ui = self.ui
        self.problem_id = problem.id
        self.setWindowTitle("销号（验收整改结果）")
        ui.problem_text.setTextFormat(Qt.TextFormat.PlainText)  # typed text, shown as typed
        ui.problem_text.setText(f"{problem.description}\n整改措施：{problem.measure or '（未填写）'}\n"
                                f"责任人：{problem.responsible_name}（验收人须为责任人以外的人员）")
        barred = (problem.responsible_name, problem.responsible_at_completion, problem.completed_by)
        same = accounts.Identities().same  # the directory read once for the whole list
        names = [n for n in people.person_names() if not any(same(n, who) for who in barred)]
        fill_names(ui.verified_by, names)
        self._opened_at = to_qdatetime(clock.now())
        ui.verified_at.setDateTime(self._opened_at)
        tab_leaves(self, ui.verified_at)
        self.resize(self.width(), self.minimumSizeHint().height())  # no empty bands between rows
        ui.verified_by.setFocus()

    def submit(self) -> Problem:
        ui = self.ui
        typed = ui.verified_at.dateTime()
        # Left as opened: "now" to the second, so it is never before a completion a minute ago.
        at = None if typed == self._opened_at else from_qdatetime(typed)
        return service.verify_problem(self.problem_id, ui.verified_by.currentText(),
                                      ui.verification.toPlainText(), at)
