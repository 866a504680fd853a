"""五查自查's first page, 自查活动: pick a campaign, see who has answered, fill every participant's answers
on every check point (Ctrl+S saves), and carry a point found wanting into the 整改台账."""

from __future__ import annotations

import peewee as pw
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.inspection import service, stats
from xiaoneng_desktop.ui.inspection.answer_grid import DESCRIPTION, AnswerGrid
from xiaoneng_desktop.ui.inspection.campaign_dialog import CampaignDialog
from xiaoneng_desktop.ui.widgets import record_dialog
from xiaoneng_desktop.ui.widgets.form_errors import database_message
from xiaoneng_desktop.ui.widgets.inputs import AMBER, literal, push_button
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog
from xiaoneng_desktop.ui.widgets.record_dialog import open_dialog


class CampaignsPage(QWidget):
    """The campaigns and their answer grid."""

    #: A campaign or its answers changed (the ledger's campaign filter, the figures, 概览 follow).
    changed = Signal()
    #: 登记为整改问题: the ProblemDialog's prefill (the tab owns the 整改台账 and opens the form).
    problem_wanted = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.campaign_picker = QComboBox(self)
        self.campaign_picker.setObjectName("campaign_picker")
        self.campaign_picker.setMinimumContentsLength(14)
        self.campaign_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaign_picker.currentIndexChanged.connect(self._campaign_picked)
        self.new_campaign_button = push_button(self, "新建活动(&N)", self.new_campaign, tip="新建自查活动（Ctrl+N）")
        self.edit_campaign_button = push_button(self, "修改活动", self.edit_campaign)
        self.finish_button = push_button(self, "标记完成", self.toggle_finished)
        self.void_campaign_button = push_button(self, "作废活动", self.void_campaign)
        top = QHBoxLayout()
        top.addWidget(QLabel("自查活动：", self))
        top.addWidget(self.campaign_picker, 1)
        for button in (self.new_campaign_button, self.edit_campaign_button, self.finish_button,
                       self.void_campaign_button):
            top.addWidget(button)
        self.campaign_info = QLabel(self)
        self.campaign_info.setTextFormat(Qt.TextFormat.PlainText)  # campaign and people names are typed
        self.campaign_info.setObjectName("campaign_info")
        self.campaign_info.setWordWrap(True)
        self.progress_label = QLabel(self)
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label.setObjectName("progress_label")
        self.progress_label.setWordWrap(True)

        self.participant_list = QListWidget(self)
        self.participant_list.setObjectName("participant_list")
        self.participant_list.currentRowChanged.connect(self._jump_to_participant)
        self.grid = AnswerGrid(self)
        self.grid.dirty_changed.connect(lambda dirty: self.save_button.setEnabled(dirty))
        self.save_button = QPushButton("保存自查情况", self)
        self.save_button.setToolTip("保存表中所有改动（Ctrl+S）")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_answers)
        self.all_clear_button = push_button(self, "其余各项无问题", self.all_clear, tip="所选参加人员尚未填写的检查点全部填为“无问题”")
        self.raise_button = push_button(self, "登记为整改问题…", self.raise_from_grid)
        hint = QLabel("“有无问题”一栏：按 1 = 无问题，2 = 有问题，0 = 未填；双击可选择。", self)
        hint.setStyleSheet("color: #607d8b;")
        hint.setWordWrap(True)
        self.grid_error = QLabel(self)
        self.grid_error.setObjectName("grid_error")
        self.grid_error.setStyleSheet("color: #c62828;")
        self.grid_error.setWordWrap(True)
        self.grid_error.hide()
        grid_buttons = QHBoxLayout()
        for button in (self.save_button, self.all_clear_button, self.raise_button):
            grid_buttons.addWidget(button)
        grid_buttons.addWidget(hint, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.grid, 1)
        right_layout.addWidget(self.grid_error)
        right_layout.addLayout(grid_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left_box = QGroupBox("参加人员（已填/检查点）", self)
        QVBoxLayout(left_box).addWidget(self.participant_list)
        splitter.addWidget(left_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.campaign_info)
        layout.addWidget(self.progress_label)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence("Ctrl+S"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
                  ).activated.connect(self.save_answers)
        self.load_campaigns()

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
        if not (self.grid.is_dirty() and self.grid.campaign_id == campaign_id):
            self.grid.load(campaign_id)  # answers being typed for this campaign are kept
        self.refresh_progress()

    def _campaign_picked(self, _index: int) -> None:
        """Another campaign was picked: the answers typed for the one shown are asked about first."""
        if self.grid.campaign_id != self.current_campaign_id() and not self.settle_answers():
            self.campaign_picker.blockSignals(True)  # back to the campaign whose answers are in the grid
            self.campaign_picker.setCurrentIndex(self.campaign_picker.findData(self.grid.campaign_id))
            self.campaign_picker.blockSignals(False)
            return
        self.show_campaign()

    def settle_answers(self) -> bool:
        """Before the grid is read again: unsaved answers are asked about (保存 / 不保存 / 取消).
        False when they must stay (取消, or a save that was refused)."""
        if not self.grid.is_dirty():
            return True
        answer = record_dialog.ask_to_save(self, [self.unsaved_work()])
        if answer == "discard":
            self.grid.load(self.grid.campaign_id)  # what is stored, not what was typed
            return True
        return answer == "save" and self.save_answers()

    def unsaved_work(self) -> str:
        """What unsaved answers are called in the question before they would be lost."""
        index = self.campaign_picker.findData(self.grid.campaign_id)
        name = self.campaign_picker.itemText(index) if index >= 0 else ""
        return f"自查活动“{name}”的填写情况" if name else "自查活动的填写情况"

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
        self.changed.emit()
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

    def raise_from_grid(self) -> None:
        """登记为整改问题: the current row's check, point, person and description, carried into the form."""
        row = self.grid.currentRow()
        if row < 0:
            QMessageBox.information(self, "五查自查", "请先在表中选择一个检查点。")
            return
        if self.grid.is_dirty() and not self.save_answers():
            return
        participant_id, point_id = self.grid.cells[row]
        item_id = next(item.id for item, point in service.campaign_points(self.current_campaign_id())
                       if point.id == point_id)
        participant = next(p for p in service.participants(self.current_campaign_id()) if p.id == participant_id)
        prefill = {"campaign_id": self.current_campaign_id(), "item_id": item_id, "point_id": point_id,
                   "participant_id": participant_id, "description": self.grid.item(row, DESCRIPTION).text(),
                   "responsible_name": participant.name if participant.kind == "人员" else ""}
        self.problem_wanted.emit(prefill)

    def new_campaign(self) -> CampaignDialog | None:
        if not self.settle_answers():  # the new campaign will be shown in the grid
            return None
        dialog = CampaignDialog(parent=self)
        dialog.accepted.connect(lambda: self._campaign_changed(dialog.saved_id))
        dialog.open()
        return dialog

    def edit_campaign(self) -> CampaignDialog | None:
        if self.current_campaign_id() is None or not self.settle_answers():  # participants may change
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
                    self, "标记完成", literal(f"还有 {len(waiting)} 个参加人员或部门未填写完毕（{'、'.join(waiting[:5])}），"
                                            "仍要标记为已完成吗？")) != QMessageBox.StandardButton.Yes:
                return
        service.set_campaign_status(campaign_id, target)
        self._campaign_changed(campaign_id)

    def void_campaign(self) -> ReasonDialog | None:
        campaign_id = self.current_campaign_id()
        if campaign_id is None or not self.settle_answers():
            return None
        dialog = ReasonDialog("作废自查活动", "作废后活动及其问题仍保留，并记入操作日志。请填写作废原因：",
                              lambda reason: service.void_campaign(campaign_id, reason), self)
        return open_dialog(dialog, lambda: self._campaign_changed(None))

    def _campaign_changed(self, campaign_id: int | None) -> None:
        self.load_campaigns(select=campaign_id)
        self.changed.emit()

    def refresh(self) -> None:
        """Read the campaigns again — unless answers are being typed, then only the progress."""
        if self.grid.is_dirty():
            self.refresh_progress()
        else:
            self.load_campaigns()
