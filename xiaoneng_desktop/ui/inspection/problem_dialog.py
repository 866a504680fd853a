"""登记问题 / 修改问题: a problem found, its cause, the measure, who is responsible, the kind of
rectification (seed 004 四3) and the deadline. Errors appear under the field; Ctrl+Enter saves."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget

from xiaoneng_desktop.core import clock, people
from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.models import KINDS, Problem
from xiaoneng_desktop.inspection.service import ProblemInput
from xiaoneng_desktop.ui.forms.ui_problem_dialog import Ui_ProblemDialog
from xiaoneng_desktop.ui.widgets.accountability import add_correct_reason
from xiaoneng_desktop.ui.widgets.inputs import fill_names, literal
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog

#: seed 004 四3, said beside the kind.
KIND_HINTS = {
    "立即整改": "能解决的问题，立即进行整改",
    "限期整改": "一时不能解决的问题，拿出整改计划，逐步予以落实",
    "需协调": "需要协调解决的问题，积极协调，提出整改建议",
    "短期内不能解决": "及时向群众解释清楚，说明原因",
}


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


class ProblemDialog(RecordDialog):
    """New problem (``problem=None``; ``prefill`` may name campaign_id, item_id, point_id, participant_id,
    description, responsible_name) or edit one. ``saved_id`` holds the record after Save."""

    form_class = Ui_ProblemDialog
    conflict_labels = service.LABELS
    fields = ("campaign", "item", "description", "cause", "measure", "responsible_name", "found_on", "kind",
              "deadline", "explanation")

    def __init__(self, problem: Problem | None = None, prefill: dict | None = None,
                 parent: QWidget | None = None, correcting: bool = False):
        super().__init__(parent)
        ui = self.ui
        self.problem_id = problem.id if problem else None
        self.expected_version = problem.version if problem else None
        self.correcting = correcting
        self.participant_id = problem.participant_id if problem else (prefill or {}).get("participant_id")
        self.setWindowTitle("修改问题" if problem else "登记问题")
        self.resize(self.width(), self.minimumSizeHint().height())  # no empty bands between rows
        fill_names(ui.responsible_name, people.person_names())
        ui.kind.addItems(KINDS)
        for campaign in service.list_campaigns():
            ui.campaign.addItem(campaign.name, campaign.id)
        ui.campaign.currentIndexChanged.connect(self._fill_items)
        ui.item.currentIndexChanged.connect(self._fill_points)
        ui.kind.currentTextChanged.connect(self._kind_changed)
        ui.has_deadline.toggled.connect(ui.deadline.setEnabled)
        ui.found_on.dateChanged.connect(self._suggest_deadline)
        self._deadline_touched = False
        ui.found_on.setDate(to_qdate(clock.today()))
        self._deadline_touched = False
        ui.deadline.dateChanged.connect(self._touched)

        if problem is not None:
            self._load(problem)
            if correcting:
                add_correct_reason(self, "更正问题（已整改完成）")
        else:
            prefill = prefill or {}
            self._select(ui.campaign, prefill.get("campaign_id"))
            self._fill_items()
            self._select(ui.item, prefill.get("item_id"))
            self._fill_points()
            self._select(ui.point, prefill.get("point_id"))
            ui.description.setPlainText(prefill.get("description", ""))
            ui.responsible_name.setCurrentText(prefill.get("responsible_name", ""))
            ui.kind.setCurrentText("限期整改")
            self._kind_changed("限期整改")
            ui.description.setFocus()

    # --- filling the choices ----------------------------------------------------------------------

    @staticmethod
    def _select(combo, value) -> None:
        if value is None:
            return
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _fill_items(self, *_args) -> None:
        ui = self.ui
        ui.item.blockSignals(True)
        ui.item.clear()
        campaign_id = ui.campaign.currentData()
        if campaign_id is not None:
            self._points = {}
            for item, points in service.template_items(service.get_campaign(campaign_id).template_id):
                ui.item.addItem(item.name, item.id)
                self._points[item.id] = points
        ui.item.blockSignals(False)
        self._fill_points()

    def _fill_points(self, *_args) -> None:
        ui = self.ui
        ui.point.clear()
        ui.point.addItem("（不指定）", None)
        for point in getattr(self, "_points", {}).get(ui.item.currentData(), []):
            ui.point.addItem(point.text, point.id)
            ui.point.setItemData(ui.point.count() - 1, literal(point.text), Qt.ItemDataRole.ToolTipRole)
        ui.point.setMinimumContentsLength(12)

    def _touched(self, *_args) -> None:
        self._deadline_touched = True

    def _kind_changed(self, kind: str) -> None:
        ui = self.ui
        ui.kind_hint.setText(KIND_HINTS.get(kind, ""))
        cannot = kind == "短期内不能解决"
        ui.explanation.setEnabled(cannot or bool(ui.explanation.toPlainText()))
        if self.problem_id is None:
            ui.has_deadline.setChecked(not cannot)
            self._deadline_touched = False
            self._suggest_deadline()

    def _suggest_deadline(self, *_args) -> None:
        """A new problem's deadline follows the kind's default until the user sets one."""
        ui = self.ui
        if self.problem_id is not None or self._deadline_touched:
            return
        suggested = service.default_deadline(ui.kind.currentText(), ui.found_on.date().toPython())
        if suggested is not None:
            ui.deadline.blockSignals(True)
            ui.deadline.setDate(to_qdate(suggested))
            ui.deadline.blockSignals(False)
            ui.deadline_hint.setText(f"默认为发现之日起 {(suggested - ui.found_on.date().toPython()).days} 天")
        else:
            ui.deadline_hint.setText("")

    def _load(self, problem: Problem) -> None:
        ui = self.ui
        self._select(ui.campaign, problem.campaign_id)
        ui.campaign.setEnabled(False)
        self._fill_items()
        self._select(ui.item, problem.item_id)
        self._fill_points()
        self._select(ui.point, problem.point_id)
        ui.description.setPlainText(problem.description)
        ui.cause.setPlainText(problem.cause)
        ui.measure.setPlainText(problem.measure)
        ui.responsible_name.setCurrentText(problem.responsible_name)
        ui.found_on.setDate(to_qdate(problem.found_on))
        ui.kind.setCurrentText(problem.kind)
        ui.has_deadline.setChecked(problem.deadline is not None)
        if problem.deadline is not None:
            ui.deadline.setDate(to_qdate(problem.deadline.date()))
        # 整改时限 is fixed at registration: it moves only by 延期 (申请延期 on the ledger)
        fixed = problem.deadline is not None
        ui.has_deadline.setEnabled(not fixed)
        ui.deadline.setEnabled(False if fixed else ui.has_deadline.isChecked())
        if fixed:
            ui.deadline.setToolTip("整改时限登记后不能修改，如需延长请申请延期")
        ui.explanation.setPlainText(problem.explanation)
        ui.explanation.setEnabled(problem.kind == "短期内不能解决" or bool(problem.explanation))
        ui.kind_hint.setText(KIND_HINTS.get(problem.kind, ""))

    # --- saving ---------------------------------------------------------------------------------

    def data(self) -> ProblemInput:
        ui = self.ui
        return ProblemInput(
            campaign_id=ui.campaign.currentData(),
            item_id=ui.item.currentData(),
            point_id=ui.point.currentData(),
            participant_id=self.participant_id,
            description=ui.description.toPlainText(),
            cause=ui.cause.toPlainText(),
            measure=ui.measure.toPlainText(),
            responsible_name=ui.responsible_name.currentText(),
            found_on=ui.found_on.date().toPython(),
            kind=ui.kind.currentText(),
            deadline=ui.deadline.date().toPython() if ui.has_deadline.isChecked() else None,
            explanation=ui.explanation.toPlainText(),
        )

    def submit(self) -> Problem:
        if self.problem_id is None:
            return service.create_problem(self.data())
        if self.correcting:
            return service.correct_problem(self.problem_id, self.data(), self.ui.correct_reason.text(),
                                           expected_version=self.expected_version)
        return service.update_problem(self.problem_id, self.data(), expected_version=self.expected_version)
