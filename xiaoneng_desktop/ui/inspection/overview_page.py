"""五查自查's 统计概况 page: this month's figures, each campaign's, and each check's of the chosen campaign."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.inspection import stats
from xiaoneng_desktop.ui.widgets.inputs import RED
from xiaoneng_desktop.ui.widgets.item_table import item_table, read_only_item

FIGURE_COLUMNS = ("问题数", "已整改", "已销号", "超期", "其中超期未整改", "整改完成率")


class OverviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.month_label = QLabel(self)
        self.month_label.setObjectName("month_label")
        self.campaign_table = item_table(self, ["自查活动", "状态", *FIGURE_COLUMNS], "campaign_table")
        self.campaign_table.horizontalHeader().resizeSection(0, 260)
        self.campaign_table.itemSelectionChanged.connect(self._show_checks)
        self.check_table = item_table(self, ["检查项", *FIGURE_COLUMNS], "check_table")
        self.check_title = QLabel("各检查项", self)
        self.check_title.setTextFormat(Qt.TextFormat.PlainText)  # shows a typed campaign name
        layout = QVBoxLayout(self)
        layout.addWidget(self.month_label)
        layout.addWidget(QLabel("各自查活动", self))
        layout.addWidget(self.campaign_table, 1)
        layout.addWidget(self.check_title)
        layout.addWidget(self.check_table, 1)

    @staticmethod
    def _figure_items(figures: stats.Figures) -> list[QTableWidgetItem]:
        items = [read_only_item(str(figures.found)), read_only_item(str(figures.fixed)),
                 read_only_item(str(figures.verified)),
                 read_only_item(str(figures.overdue), RED if figures.overdue else None),
                 read_only_item(str(figures.overdue_open), RED if figures.overdue_open else None),
                 read_only_item(figures.rate_text)]
        for item in items:
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        return items

    def refresh(self) -> None:
        today = clock.today()
        month = stats.month_figures(today.year, today.month)
        self.month_label.setText(
            f"截至今天（{today:%Y-%m-%d}）：发现问题 {month.found} 个（本月新发现 {month.new} 个），已整改 {month.fixed} 个，"
            f"已销号 {month.verified} 个，超期未整改 {month.overdue_open} 个，整改完成率 {month.rate_text}")
        keep = self._overview_campaign()
        rows = stats.by_campaign()
        self.campaign_table.setRowCount(len(rows))
        for r, (campaign, figures) in enumerate(rows):
            name = read_only_item(campaign.name)
            name.setData(Qt.ItemDataRole.UserRole, campaign.id)
            self.campaign_table.setItem(r, 0, name)
            self.campaign_table.setItem(r, 1, read_only_item(campaign.status))
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
            self.check_table.setItem(r, 0, read_only_item(name))
            for c, item in enumerate(self._figure_items(figures), start=1):
                self.check_table.setItem(r, c, item)
