"""概览: the first screen — who is on duty today, what is open and late in every register and who holds
it (double-click opens the record in its tab), this month's figures, and what falls due within one
working day. It refreshes when a register changes and every minute."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core import clock, workdays
from xiaoneng_desktop.reports import dashboard
from xiaoneng_desktop.ui.widgets.columns import ColumnLayout, ColumnSpec
from xiaoneng_desktop.ui.widgets.inputs import AMBER, AMBER_BACKGROUND, RED, RED_BACKGROUND
from xiaoneng_desktop.ui.widgets.item_table import item_table

REFRESH_MS = 60_000
ITEM_HEADERS = ["登记簿", "事项", "承办人", "办理时限", "状态"]


class RateChart(QWidget):
    """Small bars of each register's 按时办结率 this month (Qt painting; no chart library needed)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[dashboard.MonthLine] = []
        self.setMinimumHeight(90)

    def set_rows(self, rows: list[dashboard.MonthLine]) -> None:
        self.rows = rows
        self.setMinimumHeight(24 * max(1, len(rows)) + 12)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 24 * max(1, len(self.rows)) + 12)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_width = self.fontMetrics().horizontalAdvance("五查自查整改完成率（累计）　")
        value_width = self.fontMetrics().horizontalAdvance("100.0%　")
        bar_width = max(40, self.width() - label_width - value_width - 12)
        for row, line in enumerate(self.rows):
            top = 6 + row * 24
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(0, top, label_width, 20), Qt.AlignmentFlag.AlignVCenter,
                             f"{line.register}{line.rate_label}（{line.scope}）")
            frame = QRectF(label_width, top + 4, bar_width, 12)
            painter.fillRect(frame, QColor("#eeeeee"))
            rate = line.rate
            if rate is not None:
                colour = QColor("#2e7d32") if rate >= 90 else AMBER if rate >= 75 else RED
                painter.fillRect(QRectF(frame.left(), frame.top(), bar_width * rate / 100, frame.height()), colour)
            painter.drawText(QRectF(label_width + bar_width + 8, top, value_width, 20),
                             Qt.AlignmentFlag.AlignVCenter, line.rate_text)
        painter.end()


def _table(parent: QWidget, name: str) -> QTableWidget:
    table = item_table(parent, ITEM_HEADERS, name)
    # 事项 stretches; 状态 and 办理时限 always fit (the columns remembered as 概览/open_table …)
    ColumnLayout(table, f"概览/{name}", [ColumnSpec("登记簿", 70), ColumnSpec("事项", stretch=True),
                                       ColumnSpec("承办人", 90), ColumnSpec("办理时限", 130), ColumnSpec("状态", 150)])
    return table


class DashboardTab(QWidget):
    #: (tab name, record id): the main window opens that record in its tab.
    open_record = Signal(str, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.roster_label = QLabel(self)
        self.roster_label.setObjectName("roster_label")
        self.roster_label.setTextFormat(Qt.TextFormat.RichText)
        self.roster_label.setWordWrap(True)
        roster_box = QGroupBox("值班（当前班次在前）", self)
        QVBoxLayout(roster_box).addWidget(self.roster_label)

        self.figures_table = QTableWidget(0, 6, self)
        self.figures_table.setObjectName("figures_table")
        self.figures_table.setHorizontalHeaderLabels(["登记簿", "登记", "按时办结", "超时", "在办", "按时办结率"])
        self.figures_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures_table.verticalHeader().hide()
        self.figures_table.verticalHeader().setDefaultSectionSize(self.figures_table.fontMetrics().height() + 8)
        header = self.figures_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.ResizeToContents)  # 按时办结率 whole at 1024×768
        self.figures_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.figures_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart = RateChart(self)
        self.month_box = QGroupBox(self)
        month_layout = QVBoxLayout(self.month_box)
        month_layout.addWidget(self.figures_table)
        self.month_notes = QLabel(self)  # a register's own figures, e.g. 来访受理告知超时
        self.month_notes.setObjectName("month_notes")
        month_layout.addWidget(self.month_notes)
        month_layout.addWidget(QLabel("按时办结率（本月登记事项）、整改完成率（累计）", self))
        month_layout.addWidget(self.chart)

        self.open_table = _table(self, "open_table")
        self.due_table = _table(self, "due_table")
        self.open_box = QGroupBox(self)
        QVBoxLayout(self.open_box).addWidget(self.open_table)
        self.due_box = QGroupBox(self)
        QVBoxLayout(self.due_box).addWidget(self.due_table)
        for table in (self.open_table, self.due_table):
            table.doubleClicked.connect(lambda index, t=table: self._open(t, index.row()))

        # Deadlines in a year whose 调休 nobody has confirmed are counted on a guess: say so.
        self.holiday_warning = QLabel(self)
        self.holiday_warning.setObjectName("holiday_warning")
        self.holiday_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.holiday_warning.setWordWrap(True)
        self.holiday_warning.setStyleSheet(
            f"color: {AMBER.name()}; background: {AMBER_BACKGROUND.name()}; padding: 4px;")

        grid = QGridLayout(self)
        grid.addWidget(self.holiday_warning, 0, 0, 1, 2)
        grid.addWidget(roster_box, 1, 0)
        grid.addWidget(self.month_box, 2, 0)
        grid.addWidget(self.open_box, 1, 1, 2, 1)
        grid.addWidget(self.due_box, 3, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(2, 1)
        grid.setRowStretch(3, 1)

        # Ticks only while shown: a hidden (or closed, not yet deleted) tab queries nothing.
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.timer.stop()

    def refresh(self) -> None:
        now = clock.now()
        warning = workdays.provisional_warning(now.date())
        self.holiday_warning.setText(warning)
        self.holiday_warning.setVisible(bool(warning))
        current, others = dashboard.duty_now(now)
        if current is not None or others:
            e = html.escape  # names are typed by users: shown as typed, never as markup
            lines = []
            for shift in ([current] if current is not None else []) + others:
                day = f"{shift.day:%m月%d日} " if shift.day != now.date() else ""
                text = (f"{day}{e(shift.name)}（{shift.starts_at:%H:%M}-{shift.ends_at:%H:%M}）值班员 "
                        f"{e(shift.officer_name or '未排')} {e(shift.officer_phone)}；带班领导 {e(shift.leader_name)} "
                        f"{e(shift.leader_phone)}；候班 {e(shift.standby_name)}")
                lines.append(f"<b>{text}（当前）</b>" if shift is current else text)
            if current is None:  # a gap in the 24 hours: nobody is on duty now
                lines.insert(0, '<span style="color:#c62828">当前时段没有排班。</span>')
            self.roster_label.setText("<br/>".join(lines))
        else:
            self.roster_label.setText('<span style="color:#c62828">今天没有排班。</span>')

        items = dashboard.open_items(now)
        #: per register, what its own tab counts as overdue (the register's state rule)
        self.overdue_counts = dashboard.overdue_by_register(items)
        overdue = sum(self.overdue_counts.values())
        detail = "、".join(f"{name[:2]} {count}" for name, count in self.overdue_counts.items() if count)
        self.open_box.setTitle(f"待办事项 {len(items)} 件，其中超时 {overdue} 件" + (f"：{detail}" if detail else "")
                               + "（双击打开）")
        soon = dashboard.due_within_one_workday(items, now)
        self._soon = {(item.register, item.record_id) for item in soon}
        self._fill(self.open_table, items, now)
        self.due_box.setTitle(f"一个工作日内到期 {len(soon)} 件")
        self._fill(self.due_table, soon, now)

        lines = dashboard.month_lines(now.year, now.month)
        self.month_box.setTitle(f"本月情况（{now.year}年{now.month}月，截至{now:%d日 %H:%M}）")
        counted = [line for line in lines if line.figures is not None]
        self.figures_table.setRowCount(len(counted))
        rows_height = self.figures_table.verticalHeader().defaultSectionSize() * len(counted)
        self.figures_table.setFixedHeight(rows_height + self.figures_table.horizontalHeader().height() + 4)
        for row, line in enumerate(counted):
            f = line.figures
            for column, value in enumerate((line.register, f.total, f.on_time, f.overdue, f.in_progress, f.rate_text)):
                self.figures_table.setItem(row, column, QTableWidgetItem(str(value)))
        self.month_notes.setText("；".join(note for line in lines for note in line.notes))
        self.chart.set_rows(lines)

    def _fill(self, table: QTableWidget, items: list[dashboard.OpenItem], now) -> None:
        from xiaoneng_desktop.reports.monthly import late_text  # after the first paint (issue 16)

        table.setRowCount(len(items))
        table.items_shown = items
        for row, item in enumerate(items):
            left = item.deadline - now
            late = left.total_seconds() < 0
            status = ("超时 " if late else "剩余 ") + late_text(abs(left))
            values = (item.register, item.what, item.holder, f"{item.deadline:%Y-%m-%d %H:%M}", status)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 4:
                    soon = (item.register, item.record_id) in self._soon  # 临近提醒: within one working day
                    if late:
                        cell.setForeground(RED)
                        cell.setBackground(RED_BACKGROUND)
                    elif soon:
                        cell.setForeground(AMBER)
                        cell.setBackground(AMBER_BACKGROUND)
                table.setItem(row, column, cell)

    def _open(self, table: QTableWidget, row: int) -> None:
        items = getattr(table, "items_shown", [])
        if 0 <= row < len(items):
            self.open_record.emit(items[row].register, items[row].record_id)
