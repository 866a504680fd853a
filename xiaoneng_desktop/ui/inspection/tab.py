"""五查自查 tab: campaigns with every participant's answers on every check point, the 整改台账 of the
problems found (overdue red), the overview of figures, and the check-point templates."""

from __future__ import annotations

from pathlib import Path

import peewee as pw
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.inspection import service, stats
from xiaoneng_desktop.inspection.models import Problem
from xiaoneng_desktop.ui.inspection.answer_grid import DESCRIPTION, PERSON, POINT, AnswerGrid
from xiaoneng_desktop.ui.inspection.campaign_dialog import CampaignDialog
from xiaoneng_desktop.ui.inspection.problem_dialog import ProblemDialog
from xiaoneng_desktop.ui.inspection.problem_table import COLUMNS, STATUS_COLUMN
from xiaoneng_desktop.ui.inspection.template_dialog import TemplateDialog
from xiaoneng_desktop.ui.inspection.verify_dialog import VerifyDialog
from xiaoneng_desktop.ui.widgets.filter_bar import Filters
from xiaoneng_desktop.ui.widgets.form_errors import database_message
from xiaoneng_desktop.ui.widgets.inputs import AMBER, RED
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog
from xiaoneng_desktop.ui.widgets.record_forms import found, print_form, reveal, row_menu, save_form
from xiaoneng_desktop.ui.widgets.register_view import RegisterView
from xiaoneng_desktop.ui.widgets.sql_table import SqlTableModel

TICK_MS = 30_000
CAMPAIGNS, LEDGER, OVERVIEW, TEMPLATES = range(4)
FIGURE_COLUMNS = ("问题数", "已整改", "已销号", "超期", "其中超期未整改", "整改完成率")


def _read_only(text: str, color=None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if color is not None:
        item.setForeground(QBrush(color))
    return item


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class InspectionTab(QWidget):
    data_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        service.ensure_builtin()
        self.filters = Filters(status=service.STATUSES[0])
        self.pages = QTabWidget(self)
        self.pages.addTab(self._build_campaigns(), "自查活动")
        self.pages.addTab(self._build_ledger(), "整改台账")
        self.pages.addTab(self._build_overview(), "统计概况")
        self.pages.addTab(self._build_templates(), "检查模板")
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        QShortcut(QKeySequence("Ctrl+N"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
                  ).activated.connect(self.new_record)
        QShortcut(QKeySequence("Ctrl+S"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
                  ).activated.connect(self.save_answers)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        self.load_campaigns()

    # ============================================================================ 自查活动

    def _build_campaigns(self) -> QWidget:
        page = QWidget(self)
        self.campaign_picker = QComboBox(page)
        self.campaign_picker.setObjectName("campaign_picker")
        self.campaign_picker.setMinimumContentsLength(14)
        self.campaign_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign_picker.currentIndexChanged.connect(self.show_campaign)
        self.new_campaign_button = QPushButton("新建活动(&N)", page)
        self.new_campaign_button.setToolTip("新建自查活动（Ctrl+N）")
        self.new_campaign_button.clicked.connect(self.new_campaign)
        self.edit_campaign_button = QPushButton("修改活动", page)
        self.edit_campaign_button.clicked.connect(self.edit_campaign)
        self.finish_button = QPushButton("标记完成", page)
        self.finish_button.clicked.connect(self.toggle_finished)
        self.void_campaign_button = QPushButton("作废活动", page)
        self.void_campaign_button.clicked.connect(self.void_campaign)
        top = QHBoxLayout()
        top.addWidget(QLabel("自查活动：", page))
        top.addWidget(self.campaign_picker, 1)
        for button in (self.new_campaign_button, self.edit_campaign_button, self.finish_button,
                       self.void_campaign_button):
            top.addWidget(button)
        self.campaign_info = QLabel(page)
        self.campaign_info.setObjectName("campaign_info")
        self.campaign_info.setWordWrap(True)
        self.progress_label = QLabel(page)
        self.progress_label.setObjectName("progress_label")
        self.progress_label.setWordWrap(True)

        self.participant_list = QListWidget(page)
        self.participant_list.setObjectName("participant_list")
        self.participant_list.currentRowChanged.connect(self._jump_to_participant)
        self.grid = AnswerGrid(page)
        self.grid.dirty_changed.connect(lambda dirty: self.save_button.setEnabled(dirty))
        self.save_button = QPushButton("保存自查情况", page)
        self.save_button.setToolTip("保存表中所有改动（Ctrl+S）")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_answers)
        self.all_clear_button = QPushButton("其余各项无问题", page)
        self.all_clear_button.setToolTip("所选参加人员尚未填写的检查点全部填为“无问题”")
        self.all_clear_button.clicked.connect(self.all_clear)
        self.raise_button = QPushButton("登记为整改问题…", page)
        self.raise_button.clicked.connect(self.raise_from_grid)
        hint = QLabel("“有无问题”一栏：按 1 = 无问题，2 = 有问题，0 = 未填；双击可选择。", page)
        hint.setStyleSheet("color: #607d8b;")
        hint.setWordWrap(True)
        self.grid_error = QLabel(page)
        self.grid_error.setObjectName("grid_error")
        self.grid_error.setStyleSheet("color: #c62828;")
        self.grid_error.setWordWrap(True)
        self.grid_error.hide()
        grid_buttons = QHBoxLayout()
        for button in (self.save_button, self.all_clear_button, self.raise_button):
            grid_buttons.addWidget(button)
        grid_buttons.addWidget(hint, 1)
        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.grid, 1)
        right_layout.addWidget(self.grid_error)
        right_layout.addLayout(grid_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        left_box = QGroupBox("参加人员（已填/检查点）", page)
        QVBoxLayout(left_box).addWidget(self.participant_list)
        splitter.addWidget(left_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 900])
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.campaign_info)
        layout.addWidget(self.progress_label)
        layout.addWidget(splitter, 1)
        return page

    def current_campaign_id(self) -> int | None:
        return self.campaign_picker.currentData()

    def load_campaigns(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_campaign_id()
        self.campaign_picker.blockSignals(True)
        self.campaign_picker.clear()
        for campaign in service.list_campaigns():
            self.campaign_picker.addItem(f"{campaign.name}（{campaign.status}）", campaign.id)
        index = self.campaign_picker.findData(keep) if keep is not None else -1
        self.campaign_picker.setCurrentIndex(max(index, 0) if self.campaign_picker.count() else -1)
        self.campaign_picker.blockSignals(False)
        self._fill_campaign_filter()
        self.show_campaign()

    def show_campaign(self, *_args) -> None:
        campaign_id = self.current_campaign_id()
        has = campaign_id is not None
        for button in (self.edit_campaign_button, self.finish_button, self.void_campaign_button,
                       self.all_clear_button, self.raise_button):
            button.setEnabled(has)
        self.grid_error.hide()
        if not has:
            self.campaign_info.setText("还没有自查活动。点“新建活动”，选择检查模板和参加人员，开始五查自查。")
            self.progress_label.clear()
            self.participant_list.clear()
            self.grid.load(None)
            return
        campaign = service.get_campaign(campaign_id)
        figures = stats.campaign_figures(campaign_id)
        self.campaign_info.setText(
            f"时间：{campaign.starts_on:%Y-%m-%d} 至 {campaign.ends_on:%Y-%m-%d}　检查模板：{campaign.template.title}"
            f"　状态：{campaign.status}　发现问题 {figures.found} 个，已销号 {figures.verified} 个，"
            f"整改完成率 {figures.rate_text}")
        self.finish_button.setText("恢复进行中" if campaign.status == "已完成" else "标记完成")
        self.grid.setEnabled(campaign.status == "进行中")
        self.grid.load(campaign_id)
        self.refresh_progress()

    def refresh_progress(self) -> None:
        campaign_id = self.current_campaign_id()
        if campaign_id is None:
            return
        progress = service.progress(campaign_id)
        row = self.participant_list.currentRow()
        self.participant_list.blockSignals(True)
        self.participant_list.clear()
        for p in progress:
            mark = "✓" if p.finished else ""
            item = QListWidgetItem(f"{p.name}　{p.answered}/{p.total}{mark}", self.participant_list)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            if not p.finished:
                item.setForeground(QBrush(AMBER))
        self.participant_list.setCurrentRow(min(row, self.participant_list.count() - 1))
        self.participant_list.blockSignals(False)
        waiting = [f"{p.name}（{p.answered}/{p.total}）" for p in progress if not p.finished]
        done = len(progress) - len(waiting)
        text = f"填写进度：{done}/{len(progress)} 已完成"
        self.progress_label.setText(text + ("；未完成：" + "、".join(waiting) if waiting else "；全部填写完毕"))

    def _jump_to_participant(self, row: int) -> None:
        item = self.participant_list.item(row)
        if item is None:
            return
        first = self.grid.first_row.get(item.data(Qt.ItemDataRole.UserRole))
        if first is not None:
            self.grid.setCurrentCell(first, 3)
            self.grid.scrollToItem(self.grid.item(first, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def save_answers(self) -> bool:
        if self.pages.currentIndex() != CAMPAIGNS:
            return False
        self.grid_error.hide()
        try:
            self.grid.save()
        except ValidationError as exc:
            self.grid_error.setText("未保存：" + "；".join(exc.errors.values()))
            self.grid_error.show()
            row = self.grid.row_of(exc.field)
            if row is not None:
                self.grid.setCurrentCell(row, DESCRIPTION)
            return False
        except pw.DatabaseError as exc:
            self.grid_error.setText(database_message(exc))
            self.grid_error.show()
            return False
        self.refresh_progress()
        self.data_changed.emit()
        return True

    def _selected_participant(self) -> int | None:
        row = self.grid.currentRow()
        if row >= 0:
            return self.grid.cells[row][0]
        item = self.participant_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def all_clear(self) -> None:
        participant = self._selected_participant()
        if participant is not None:
            self.grid.all_clear(participant)

    def raise_from_grid(self) -> ProblemDialog | None:
        """登记为整改问题: the current row's check, point, person and description, carried into the form."""
        row = self.grid.currentRow()
        if row < 0:
            QMessageBox.information(self, "五查自查", "请先在表中选择一个检查点。")
            return None
        if self.grid.is_dirty() and not self.save_answers():
            return None
        participant_id, point_id = self.grid.cells[row]
        item_id = next(item.id for item, point in service.campaign_points(self.current_campaign_id())
                       if point.id == point_id)
        participant = next(p for p in service.participants(self.current_campaign_id()) if p.id == participant_id)
        prefill = {"campaign_id": self.current_campaign_id(), "item_id": item_id, "point_id": point_id,
                   "participant_id": participant_id, "description": self.grid.item(row, DESCRIPTION).text(),
                   "responsible_name": participant.name if participant.kind == "人员" else ""}
        return self._open_problem_dialog(ProblemDialog(prefill=prefill, parent=self))

    def new_campaign(self) -> CampaignDialog:
        dialog = CampaignDialog(parent=self)
        dialog.accepted.connect(lambda: self._campaign_changed(dialog.saved_id))
        dialog.open()
        return dialog

    def edit_campaign(self) -> CampaignDialog | None:
        if self.current_campaign_id() is None:
            return None
        dialog = CampaignDialog(service.get_campaign(self.current_campaign_id()), parent=self)
        dialog.accepted.connect(lambda: self._campaign_changed(dialog.saved_id))
        dialog.open()
        return dialog

    def toggle_finished(self) -> None:
        campaign_id = self.current_campaign_id()
        if campaign_id is None:
            return
        campaign = service.get_campaign(campaign_id)
        if campaign.status == "进行中" and self.grid.is_dirty() and not self.save_answers():
            return
        target = "进行中" if campaign.status == "已完成" else "已完成"
        if target == "已完成":
            waiting = service.unfinished(campaign_id)
            if waiting and QMessageBox.question(
                    self, "标记完成", f"还有 {len(waiting)} 个参加人员或部门未填写完毕（{'、'.join(waiting[:5])}），"
                    "仍要标记为已完成吗？") != QMessageBox.StandardButton.Yes:
                return
        service.set_campaign_status(campaign_id, target)
        self._campaign_changed(campaign_id)

    def void_campaign(self) -> ReasonDialog | None:
        campaign_id = self.current_campaign_id()
        if campaign_id is None:
            return None
        dialog = ReasonDialog("作废自查活动", "作废后活动及其问题仍保留，并记入操作日志。请填写作废原因：",
                              lambda reason: service.void_campaign(campaign_id, reason), self)
        dialog.accepted.connect(lambda: self._campaign_changed(None))
        dialog.open()
        return dialog

    def _campaign_changed(self, campaign_id: int | None) -> None:
        self.load_campaigns(select=campaign_id)
        self.refresh_ledger()
        self.refresh_overview()
        self.refresh_templates()
        self.data_changed.emit()

    # ============================================================================ 整改台账

    def _build_ledger(self) -> QWidget:
        page = QWidget(self)
        self.model = SqlTableModel(COLUMNS, self._query, default_sort=(0, Qt.SortOrder.DescendingOrder), parent=page)
        self.view = RegisterView(self.model, list(service.STATUSES), page)
        self.view.export_name = "整改台账"  # the sheet and the suggested file name
        self.view.filters_changed.connect(self.apply_filters)
        self.view.activated.connect(self.edit_problem)
        self.campaign_filter = QComboBox(page)
        self.campaign_filter.setObjectName("campaign_filter")
        self.campaign_filter.currentIndexChanged.connect(lambda *_: self.model.set_query(self._query))
        self.new_problem_button = QPushButton("登记问题(&N)", page)
        self.new_problem_button.clicked.connect(self.new_problem)
        self.edit_problem_button = QPushButton("修改", page)
        self.edit_problem_button.clicked.connect(lambda: self.edit_problem(self.view.current_id()))
        self.note_button = QPushButton("整改进展…", page)
        self.note_button.clicked.connect(self.add_note)
        self.complete_button = QPushButton("整改完成", page)
        self.complete_button.clicked.connect(self.complete_selected)
        self.verify_button = QPushButton("销号…", page)
        self.verify_button.clicked.connect(self.verify_selected)
        self.void_problem_button = QPushButton("作废", page)
        self.void_problem_button.clicked.connect(self.void_selected)
        self.print_button = QPushButton("打印(&P)…", page)
        self.print_button.setToolTip("打印所选问题的整改通知/销号单")
        self.print_button.clicked.connect(self.print_record_form)
        self.pdf_button = QPushButton("存为PDF…", page)
        self.pdf_button.setToolTip("把所选问题的整改通知/销号单存为 PDF 文件")
        self.pdf_button.clicked.connect(lambda: self.save_record_form())
        row_menu(self.view.table, self._fill_menu, self)
        buttons = QHBoxLayout()
        for button in (self.new_problem_button, self.edit_problem_button, self.note_button, self.complete_button,
                       self.verify_button, self.void_problem_button, self.print_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.ledger_summary = QLabel(page)
        self.ledger_summary.setObjectName("ledger_summary")
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.ledger_summary, 1)
        summary_row.addWidget(QLabel("活动：", page))
        summary_row.addWidget(self.campaign_filter)
        self.notes_label = QLabel(page)
        self.notes_label.setObjectName("notes_label")
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #37474f;")
        self.view.table.selectionModel().currentRowChanged.connect(self._show_notes)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addLayout(summary_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes_label)
        return page

    def _fill_campaign_filter(self) -> None:
        keep = self.campaign_filter.currentData()
        self.campaign_filter.blockSignals(True)
        self.campaign_filter.clear()
        self.campaign_filter.addItem("全部活动", None)
        for campaign in service.list_campaigns():
            self.campaign_filter.addItem(campaign.name, campaign.id)
        self.campaign_filter.setCurrentIndex(max(0, self.campaign_filter.findData(keep)))
        self.campaign_filter.blockSignals(False)

    def _query(self) -> pw.ModelSelect:
        f = self.filters
        campaign = self.campaign_filter.currentData() if hasattr(self, "campaign_filter") else None
        return service.problems_query(f.text, f.date_from, f.date_to, f.status or service.STATUSES[0], campaign)

    def apply_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.model.set_query(self._query)

    def refresh_ledger(self) -> None:
        self.model.refresh()
        overdue = service.problems_query(status="已超期").count()
        figures = [f for _, f in stats.by_campaign()]
        found = sum(f.found for f in figures)
        verified = sum(f.verified for f in figures)
        rate = stats.Figures(found=found, verified=verified).rate_text
        text = f"问题共 {found} 个，已销号 {verified} 个，整改完成率 {rate}"
        if overdue:
            text += f'，<span style="color:#c62828">超期未整改 {overdue} 个</span>'
        self.ledger_summary.setText(text)

    def _show_notes(self, *_args) -> None:
        problem_id = self.view.current_id()
        if problem_id is None:
            self.notes_label.clear()
            return
        problem = found(service.get_problem, problem_id)
        lines = [f"{n.on:%m-%d} {n.text}" + (f"（{n.by}）" if n.by else "") for n in service.notes(problem_id)]
        if problem is not None and problem.verified_at is not None:
            lines.append(f"{problem.verified_at:%m-%d} 销号：{problem.verified_by} — {problem.verification}")
        self.notes_label.setText("整改进展：" + ("；".join(lines) if lines else "（暂无）"))

    def _selected_problem(self) -> Problem | None:
        problem_id = self.view.current_id()
        if problem_id is None:
            QMessageBox.information(self, "整改台账", "请先在整改台账中选择一个问题。")
            return None
        return found(service.get_problem, problem_id)

    def _open_problem_dialog(self, dialog: ProblemDialog) -> ProblemDialog:
        dialog.accepted.connect(lambda: self._problem_changed(dialog.saved_id))
        dialog.open()
        return dialog

    def new_problem(self) -> ProblemDialog | None:
        if not service.list_campaigns():
            QMessageBox.information(self, "整改台账", "请先新建自查活动，再登记发现的问题。")
            return None
        campaign = self.campaign_filter.currentData() or self.current_campaign_id()
        return self._open_problem_dialog(ProblemDialog(prefill={"campaign_id": campaign}, parent=self))

    def edit_problem(self, problem_id) -> ProblemDialog | None:
        problem = found(service.get_problem, problem_id)
        if problem is None:
            return None
        dialog = ProblemDialog(problem, parent=self)
        if problem.voided_at is not None or problem.verified_at is not None:
            dialog.setWindowTitle("问题（已作废）" if problem.voided_at else "问题（已销号）")
            dialog.ui.button_box.setEnabled(False)
        return self._open_problem_dialog(dialog)

    def add_note(self) -> ReasonDialog | None:
        problem = self._selected_problem()
        if problem is None:
            return None
        dialog = ReasonDialog("整改进展", f"“{problem.description[:30]}”今天的整改进展：",
                              lambda text: service.add_progress(problem.id, text, by=problem.responsible_name), self)
        dialog.accepted.connect(lambda: self._problem_changed(problem.id))
        dialog.open()
        return dialog

    def complete_selected(self) -> ReasonDialog | None:
        problem = self._selected_problem()
        if problem is None:
            return None
        dialog = ReasonDialog("整改完成", "整改完成情况（可不填）：",
                              lambda text: service.complete_problem(problem.id, text, by=problem.responsible_name),
                              self)
        dialog.accepted.connect(lambda: self._problem_changed(problem.id))
        dialog.open()
        return dialog

    def verify_selected(self) -> VerifyDialog | None:
        problem = self._selected_problem()
        if problem is None:
            return None
        dialog = VerifyDialog(problem, parent=self)
        dialog.accepted.connect(lambda: self._problem_changed(problem.id))
        dialog.open()
        return dialog

    def void_selected(self) -> ReasonDialog | None:
        problem = self._selected_problem()
        if problem is None:
            return None
        dialog = ReasonDialog("作废问题", "作废后记录仍保留，并记入操作日志。请填写作废原因：",
                              lambda reason: service.void_problem(problem.id, reason), self)
        dialog.accepted.connect(lambda: self._problem_changed(problem.id))
        dialog.open()
        return dialog

    def _fill_menu(self, menu: QMenu) -> None:
        menu.addAction("修改…", lambda: self.edit_problem(self.view.current_id()))
        menu.addAction("整改进展…", self.add_note)
        menu.addAction("整改完成…", self.complete_selected)
        menu.addAction("销号…", self.verify_selected)
        menu.addAction("作废…", self.void_selected)
        menu.addSeparator()
        menu.addAction("打印整改通知/销号单…", self.print_record_form)
        menu.addAction("整改通知/销号单存为PDF…", lambda: self.save_record_form())

    def print_record_form(self):
        """Qt's print preview of the 整改通知/销号单 — the same PDF that 存为PDF writes."""
        problem = self._selected_problem()
        if problem is None:
            return None
        from xiaoneng_desktop.reports.forms import rectification_notice  # reportlab only when asked for

        return print_form(self, lambda: rectification_notice(problem), f"整改通知销号单 {problem.id}")

    def save_record_form(self, path: str | None = None) -> Path | None:
        problem = self._selected_problem()
        if problem is None:
            return None
        from xiaoneng_desktop.reports.forms import rectification_notice

        return save_form(self, lambda: rectification_notice(problem), "整改通知/销号单",
                         f"整改通知销号单-{problem.found_on:%Y%m%d}-{problem.id}", path)

    def _reset_campaign_filter(self) -> None:
        self.campaign_filter.setCurrentIndex(0)  # 全部活动; re-queries by itself

    def open_record(self, record_id: int) -> ProblemDialog | None:
        """Show the problem on the 整改台账 (filters cleared if they hide it), select it and open it — for
        the dashboard's double-click."""
        problem = found(service.get_problem, record_id)
        if problem is None:
            return None
        self.pages.setCurrentIndex(LEDGER)
        reveal(self.view, problem.id, lambda: self.model.contains(problem.id),
               reset=self._reset_campaign_filter, day=problem.found_on)
        self.view.table.setFocus()
        self._show_notes()
        return self.edit_problem(problem.id)

    def _problem_changed(self, problem_id: int | None) -> None:
        self.refresh_ledger()
        if problem_id is not None:
            self.view.select_id(problem_id)
            self._show_notes()
        self.refresh_overview()
        self.show_campaign()
        self.data_changed.emit()

    # ============================================================================ 统计概况

    def _build_overview(self) -> QWidget:
        page = QWidget(self)
        self.month_label = QLabel(page)
        self.month_label.setObjectName("month_label")
        self.campaign_table = _table(page, ["自查活动", "状态", *FIGURE_COLUMNS], "campaign_table")
        self.campaign_table.horizontalHeader().resizeSection(0, 260)
        self.campaign_table.itemSelectionChanged.connect(self._show_checks)
        self.check_table = _table(page, ["检查项", *FIGURE_COLUMNS], "check_table")
        self.check_title = QLabel("各检查项", page)
        layout = QVBoxLayout(page)
        layout.addWidget(self.month_label)
        layout.addWidget(QLabel("各自查活动", page))
        layout.addWidget(self.campaign_table, 1)
        layout.addWidget(self.check_title)
        layout.addWidget(self.check_table, 1)
        return page

    @staticmethod
    def _figure_items(figures: stats.Figures) -> list[QTableWidgetItem]:
        items = [_read_only(str(figures.found)), _read_only(str(figures.fixed)), _read_only(str(figures.verified)),
                 _read_only(str(figures.overdue), RED if figures.overdue else None),
                 _read_only(str(figures.overdue_open), RED if figures.overdue_open else None),
                 _read_only(figures.rate_text)]
        for item in items:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return items

    def refresh_overview(self) -> None:
        today = clock.today()
        month = stats.month_figures(today.year, today.month)
        self.month_label.setText(
            f"截至今天（{today:%Y-%m-%d}）：发现问题 {month.found} 个（本月新发现 {month.new} 个），已整改 {month.fixed} 个，"
            f"已销号 {month.verified} 个，超期未整改 {month.overdue_open} 个，整改完成率 {month.rate_text}")
        keep = self._overview_campaign()
        rows = stats.by_campaign()
        self.campaign_table.setRowCount(len(rows))
        for r, (campaign, figures) in enumerate(rows):
            name = _read_only(campaign.name)
            name.setData(Qt.ItemDataRole.UserRole, campaign.id)
            self.campaign_table.setItem(r, 0, name)
            self.campaign_table.setItem(r, 1, _read_only(campaign.status))
            for c, item in enumerate(self._figure_items(figures), start=2):
                self.campaign_table.setItem(r, c, item)
        ids = [c.id for c, _ in rows]
        if rows:
            self.campaign_table.selectRow(ids.index(keep) if keep in ids else 0)
        self._show_checks()

    def _overview_campaign(self) -> int | None:
        row = self.campaign_table.currentRow()
        item = self.campaign_table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_checks(self) -> None:
        campaign_id = self._overview_campaign()
        if campaign_id is None:
            self.check_table.setRowCount(0)
            return
        self.check_title.setText(f"各检查项：{self.campaign_table.item(self.campaign_table.currentRow(), 0).text()}")
        checks = stats.by_check(campaign_id)
        self.check_table.setRowCount(len(checks))
        for r, (name, figures) in enumerate(checks.items()):
            self.check_table.setItem(r, 0, _read_only(name))
            for c, item in enumerate(self._figure_items(figures), start=1):
                self.check_table.setItem(r, c, item)

    # ============================================================================ 检查模板

    def _build_templates(self) -> QWidget:
        page = QWidget(self)
        self.template_table = _table(page, ["模板名称", "版本", "检查项", "检查点", "使用情况"], "template_table")
        self.template_table.horizontalHeader().resizeSection(0, 260)
        self.template_table.doubleClicked.connect(lambda *_: self.edit_template())
        self.edit_template_button = QPushButton("编辑…", page)
        self.edit_template_button.clicked.connect(self.edit_template)
        self.copy_template_button = QPushButton("复制为新模板…", page)
        self.copy_template_button.clicked.connect(self.copy_template)
        self.delete_template_button = QPushButton("删除…", page)
        self.delete_template_button.clicked.connect(self.delete_template)
        buttons = QHBoxLayout()
        for button in (self.edit_template_button, self.copy_template_button, self.delete_template_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel("内置模板为作风整顿“五查”：查思想认识、查工作效率、查工作纪律、查服务质量、查廉政建设。"
                      "已被自查活动使用的模板修改后生成新版本，原活动仍按原检查点进行。", page)
        note.setWordWrap(True)
        note.setStyleSheet("color: #607d8b;")
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.template_table, 1)
        layout.addWidget(note)
        return page

    def refresh_templates(self) -> None:
        templates = service.list_templates()
        keep = self.current_template_id()
        self.template_table.setRowCount(len(templates))
        for r, template in enumerate(templates):
            items = service.template_items(template.id)
            users = service.campaigns_using(template.id)
            name = _read_only(template.name + ("（内置）" if template.builtin else ""))
            name.setData(Qt.ItemDataRole.UserRole, template.id)
            self.template_table.setItem(r, 0, name)
            self.template_table.setItem(r, 1, _read_only(f"第{template.version}版"))
            self.template_table.setItem(r, 2, _read_only(str(len(items))))
            self.template_table.setItem(r, 3, _read_only(str(sum(len(p) for _, p in items))))
            self.template_table.setItem(r, 4, _read_only("使用中：" + "、".join(users) if users else "未使用"))
        ids = [t.id for t in templates]
        if templates:
            self.template_table.selectRow(ids.index(keep) if keep in ids else 0)

    def current_template_id(self) -> int | None:
        row = self.template_table.currentRow()
        item = self.template_table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def edit_template(self) -> TemplateDialog | None:
        template_id = self.current_template_id()
        if template_id is None:
            return None
        dialog = TemplateDialog(service.get_template(template_id), parent=self)
        dialog.accepted.connect(self._templates_changed)
        dialog.open()
        return dialog

    def copy_template(self) -> ReasonDialog | None:
        template_id = self.current_template_id()
        if template_id is None:
            return None
        dialog = ReasonDialog("复制检查模板", "新模板的名称（如：四型机关创建自查）：",
                              lambda name: service.copy_template(template_id, name), self)
        dialog.accepted.connect(self._templates_changed)
        dialog.open()
        return dialog

    def delete_template(self) -> ReasonDialog | None:
        template_id = self.current_template_id()
        if template_id is None:
            return None
        dialog = ReasonDialog("删除检查模板", "删除后不能再用于新的自查活动（记录仍保留）。请填写删除原因：",
                              lambda reason: service.delete_template(template_id, reason), self)
        dialog.accepted.connect(self._templates_changed)
        dialog.open()
        return dialog

    def _templates_changed(self) -> None:
        self.refresh_templates()
        self.data_changed.emit()

    # ============================================================================ the main window's hooks

    def _page_changed(self, index: int) -> None:
        if index == OVERVIEW:
            self.refresh_overview()
        elif index == TEMPLATES:
            self.refresh_templates()
        elif index == LEDGER:
            self.refresh_ledger()

    def new_record(self):
        """Ctrl+N: a new problem on the ledger, a new campaign elsewhere."""
        if self.pages.currentIndex() == LEDGER:
            return self.new_problem()
        self.pages.setCurrentIndex(CAMPAIGNS)
        return self.new_campaign()

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(LEDGER)
        self.view.focus_search()

    def refresh(self) -> None:
        if self.grid.is_dirty():
            self.refresh_progress()  # keep what is being typed
        else:
            self.load_campaigns()
        self.refresh_ledger()
        self.refresh_overview()
        self.refresh_templates()

    def tick(self) -> None:
        """The clock moved: a rectification may have become overdue."""
        self.model.touch_columns(list(range(len(COLUMNS))))
        self.refresh_ledger()


__all__ = ["InspectionTab", "STATUS_COLUMN", "PERSON", "POINT"]
