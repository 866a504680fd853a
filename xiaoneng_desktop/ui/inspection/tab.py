"""五查自查 tab: four pages — 自查活动 (every participant's answers on every check point), the 整改台账 of
the problems found (the register: overdue red, due soon amber), 统计概况, and the 检查模板.

The 整改台账 is this tab's register (``RegisterTab``); the other pages are their own classes and say
``changed`` when they wrote something.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.inspection import service, stats
from xiaoneng_desktop.inspection.models import Problem
from xiaoneng_desktop.ui.inspection.campaigns_page import CampaignsPage
from xiaoneng_desktop.ui.inspection.overview_page import OverviewPage
from xiaoneng_desktop.ui.inspection.problem_dialog import ProblemDialog
from xiaoneng_desktop.ui.inspection.problem_table import COLUMNS
from xiaoneng_desktop.ui.inspection.templates_page import TemplatesPage
from xiaoneng_desktop.ui.inspection.verify_dialog import VerifyDialog
from xiaoneng_desktop.ui.widgets.accountability import AskExtensionDialog, decide_pending
from xiaoneng_desktop.ui.widgets.inputs import push_button
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog
from xiaoneng_desktop.ui.widgets.register_tab import RecordForm, RegisterSpec, RegisterTab, voided_title

CAMPAIGNS, LEDGER, OVERVIEW, TEMPLATES = range(4)


SPEC = RegisterSpec(
    title="整改台账", thing="问题", measure="个",
    # an overdue row is red in every column
    columns=COLUMNS, statuses=service.STATUSES, tick_columns=tuple(range(len(COLUMNS))),
    query=service.problems_query, get=service.get_problem, void=service.void_problem,
    day=lambda problem: problem.found_on,
    form=RecordForm("整改通知/销号单", "rectification_notice",
                    lambda problem: f"{problem.found_on:%Y-%m-%d} {problem.responsible_name}"),
    export_name="整改台账", ledger_kinds=("rectification",), permission="inspection.write",
)


class InspectionTab(RegisterTab):
    spec = SPEC

    def make_extra_filters(self) -> None:
        self.campaign_filter = QComboBox(self)
        self.campaign_filter.setObjectName("campaign_filter")
        self.campaign_filter.setToolTip("只看一次自查活动发现的问题")
        self._fill_campaign_filter()
        self.campaign_filter.currentIndexChanged.connect(lambda *_: self.apply_filters())

    def __init__(self, parent: QWidget | None = None):
        service.ensure_builtin()
        super().__init__(parent)
        self.campaigns = CampaignsPage(self)
        self.campaigns.changed.connect(self._campaign_changed)
        self.campaigns.problem_wanted.connect(
            lambda prefill: self.open_dialog(ProblemDialog(prefill=prefill, parent=self)))
        self.overview = OverviewPage(self)
        self.templates = TemplatesPage(self)
        self.templates.changed.connect(self.data_changed)

        self.set_pages(self._build_ledger(), (self.campaigns, "自查活动"), (self.overview, "统计概况"),
                       (self.templates, "检查模板"), register_name="整改台账", register_index=LEDGER)
        self.pages.currentChanged.connect(self._page_changed)
        self.update_summary()

    def _build_ledger(self) -> QWidget:
        page = QWidget(self)
        self.new_problem_button = push_button(page, "登记问题(&N)", self.new_problem, tip="登记自查发现的问题（Ctrl+N）")
        self.edit_problem_button = push_button(page, "修改", lambda: self.edit_problem(self.selected_id()))
        self.note_button = push_button(page, "整改进展…", self.add_note)
        self.complete_button = push_button(page, "整改完成", self.complete_selected)
        self.verify_button = push_button(page, "销号…", self.verify_selected)
        self.approve_button = push_button(page, "审批延期…", self.decide_selected, tip="批准或不同意所选问题的整改时限延期")
        self.approve_button.setProperty("permission", "extension.approve")  # a leader's act
        buttons = self.buttons(self.new_problem_button, self.edit_problem_button, self.note_button,
                               self.complete_button, self.verify_button, self.approve_button)
        self.ledger_summary = QLabel(page)
        self.ledger_summary.setObjectName("ledger_summary")
        self.ledger_summary.setTextFormat(Qt.TextFormat.RichText)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.ledger_summary, 1)
        summary_row.addWidget(QLabel("活动：", page))
        summary_row.addWidget(self.campaign_filter)
        self.notes_label = QLabel(page)
        self.notes_label.setObjectName("notes_label")
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)  # notes are typed by users
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #37474f;")
        self.view.table.selectionModel().currentRowChanged.connect(self._show_notes)
        self.model.modelReset.connect(self._show_notes)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addLayout(summary_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes_label)
        return page

    # --- the register's hooks --------------------------------------------------------------------

    def extra_filters(self) -> dict:
        return {"campaign_id": self.campaign_filter.currentData()}

    def reset_extra_filters(self) -> None:
        self.campaign_filter.setCurrentIndex(0)  # 全部活动

    def menu_actions(self):
        return [("修改…", lambda: self.edit_problem(self.selected_id())), ("整改进展…", self.add_note),
                ("整改完成…", self.complete_selected), ("销号…", self.verify_selected),
                ("申请延期…", self.extend_selected), ("审批延期…", self.decide_selected, "extension.approve")]

    def new_record(self):
        """Ctrl+N: a new problem on the ledger, a new campaign elsewhere."""
        if self.pages.currentIndex() == LEDGER:
            return self.new_problem()
        self.pages.setCurrentIndex(CAMPAIGNS)
        return self.campaigns.new_campaign()

    def activate(self, problem_id: int | None) -> ProblemDialog | None:
        return self.edit_problem(problem_id)

    def show_found(self, record: Problem) -> ProblemDialog | None:
        self._show_notes()
        return self.edit_problem(record.id)

    def unsaved_work(self) -> list[str]:
        return [self.campaigns.unsaved_work()] if self.campaigns.grid.is_dirty() else []

    def save_work(self) -> bool:
        if not self.campaigns.grid.is_dirty() or self.campaigns.save_answers():
            return True
        self.pages.setCurrentWidget(self.campaigns)  # where the message says why
        return False

    def update_summary(self) -> None:
        overdue = service.overdue_count()
        figures = [f for _, f in stats.by_campaign()]
        total = stats.Figures(found=sum(f.found for f in figures), verified=sum(f.verified for f in figures))
        text = f"问题共 {total.found} 个，已销号 {total.verified} 个，整改完成率 {total.rate_text}"
        if overdue:  # figures only, no typed text: safe as rich text
            text += f'，<span style="color:#c62828">超期未整改 {overdue} 个</span>'
        self.ledger_summary.setText(text)

    def refresh_pages(self) -> None:
        self._fill_campaign_filter()
        self.campaigns.refresh()
        self.overview.refresh()
        self.templates.refresh()

    def record_changed(self, record_id: int | None = None) -> None:
        super().record_changed(record_id)
        self._show_notes()
        self.overview.refresh()
        self.campaigns.show_campaign()  # its count of problems found and verified

    # --- pages -------------------------------------------------------------------------------------

    def _page_changed(self, index: int) -> None:
        if index == OVERVIEW:
            self.overview.refresh()
        elif index == TEMPLATES:
            self.templates.refresh()
        elif index == LEDGER:
            self.reload()

    def _campaign_changed(self) -> None:
        self._fill_campaign_filter()
        self.reload()
        self.overview.refresh()
        self.templates.refresh()  # 使用情况
        self.data_changed.emit()

    def _fill_campaign_filter(self) -> None:
        keep = self.campaign_filter.currentData()
        self.campaign_filter.blockSignals(True)
        self.campaign_filter.clear()
        self.campaign_filter.addItem("全部活动", None)
        for campaign in service.list_campaigns():
            self.campaign_filter.addItem(campaign.name, campaign.id)
        self.campaign_filter.setCurrentIndex(max(0, self.campaign_filter.findData(keep)))
        self.campaign_filter.blockSignals(False)

    # --- problems ----------------------------------------------------------------------------------

    def _show_notes(self, *_args) -> None:
        problem_id = self.view.current_id()
        problem = self.find(problem_id) if problem_id is not None else None
        if problem is None:
            self.notes_label.clear()
            return
        lines = [f"{n.on:%m-%d} {n.text}" + (f"（{n.by}）" if n.by else "") for n in service.notes(problem_id)]
        if problem.verified_at is not None:
            lines.append(f"{problem.verified_at:%m-%d} 销号：{problem.verified_by} — {problem.verification}")
        self.notes_label.setText("整改进展：" + ("；".join(lines) if lines else "（暂无）"))

    def new_problem(self) -> ProblemDialog | None:
        if not service.list_campaigns():
            QMessageBox.information(self, "整改台账", "请先新建自查活动，再登记发现的问题。")
            return None
        campaign = self.campaign_filter.currentData() or self.campaigns.current_campaign_id()
        return self.open_dialog(ProblemDialog(prefill={"campaign_id": campaign}, parent=self))

    def edit_problem(self, problem_id: int | None) -> ProblemDialog | None:
        problem = self.record(problem_id)
        if problem is None:
            return None
        read_only = voided_title("问题", problem)
        correcting = not read_only and problem.completed_at is not None  # completed or 销号: only 更正
        return self.open_dialog(ProblemDialog(problem, parent=self, correcting=correcting), read_only=read_only)

    def extend_selected(self) -> AskExtensionDialog | None:
        """申请延期 of the selected problem's 整改时限 (approved by someone else)."""
        problem = self.selected_record()
        if problem is None:
            return None
        if problem.deadline is None or problem.completed_at is not None or problem.voided_at is not None:
            QMessageBox.information(self, "整改台账", "只有未完成整改、有整改时限的问题可以申请延期。")
            return None
        return self.open_dialog(AskExtensionDialog(problem.id, problem.deadline, service.ask_extension,
                                                   problem.description[:40], self), select=problem.id)

    def decide_selected(self):
        """审批延期: the selected problem's pending request."""
        return decide_pending(self, "problem", self.selected_id(), lambda problem: problem.description[:40])

    def _reason_step(self, title: str, prompt: str, step) -> ReasonDialog | None:
        """整改进展 / 整改完成: one line of text, saved by ``step(problem, text)``."""
        problem = self.selected_record()
        if problem is None:
            return None
        return self.open_dialog(ReasonDialog(title, prompt(problem), lambda text: step(problem, text), self),
                                select=problem.id)

    def add_note(self) -> ReasonDialog | None:
        return self._reason_step(
            "整改进展", lambda problem: f"“{problem.description[:30]}”今天的整改进展：",
            lambda problem, text: service.add_progress(problem.id, text, actor=problem.responsible_name))

    def complete_selected(self) -> ReasonDialog | None:
        return self._reason_step(
            "整改完成", lambda _problem: "整改完成情况（可不填）：",
            lambda problem, text: service.complete_problem(problem.id, text, actor=problem.responsible_name))

    def verify_selected(self) -> VerifyDialog | None:
        problem = self.selected_record()
        if problem is None:
            return None
        return self.open_dialog(VerifyDialog(problem, parent=self), select=problem.id)
