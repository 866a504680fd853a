"""值班记录 tab: who is on duty now, the items still open (listed first), the call log, the roster.

The countdown repaints every 30 seconds without touching SQL: the tables re-read each row's
deadline against the clock (``touch_columns``); new or changed records refresh the lists.
"""

from __future__ import annotations

from pathlib import Path

import peewee as pw
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.ui.duty.call_dialog import CallDialog
from xiaoneng_desktop.ui.duty.call_table import COLUMNS, STATUS_COLUMN
from xiaoneng_desktop.ui.duty.handover_dialog import HandoverDialog
from xiaoneng_desktop.ui.duty.roster_page import RosterPage
from xiaoneng_desktop.ui.widgets.filter_bar import Filters
from xiaoneng_desktop.ui.widgets.inputs import to_qdatetime
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog
from xiaoneng_desktop.ui.widgets.record_forms import print_form, reveal, row_menu, save_form
from xiaoneng_desktop.ui.widgets.register_view import RegisterView, list_table
from xiaoneng_desktop.ui.widgets.sql_table import SqlTableModel

TICK_MS = 30_000


class DutyTab(QWidget):
    #: A record was added or changed (the dashboard and other views refresh on it).
    data_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.filters = Filters(status=service.STATUSES[0])

        # --- who is on duty, and what the last shift handed over
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("shift_label")
        self.shift_label.setTextFormat(Qt.TextFormat.RichText)
        self.handover_label = QLabel(self)
        self.handover_label.setObjectName("handover_label")
        self.handover_label.setWordWrap(True)
        self.handover_label.setStyleSheet("color: #37474f;")
        self.handover_button = QPushButton("交接班…", self)
        self.handover_button.clicked.connect(self.hand_over)
        header = QHBoxLayout()
        header.addWidget(self.shift_label, 1)
        header.addWidget(self.handover_button)

        # --- items still open, nearest deadline first
        self.open_model = SqlTableModel(COLUMNS, service.open_calls_query, page_size=100,
                                        default_sort=(7, Qt.SortOrder.AscendingOrder), parent=self)
        self.open_table = list_table(self.open_model, self)
        self.open_table.setObjectName("open_table")
        self.open_table.setAccessibleName("未办结来电")
        self.open_table.doubleClicked.connect(
            lambda index: self.edit_call(self.open_model.id_at(index.row())))
        self.open_box = QGroupBox(self)
        open_layout = QVBoxLayout(self.open_box)
        open_layout.addWidget(self.open_table)

        # --- the whole log
        self.model = SqlTableModel(COLUMNS, self._query, default_sort=(0, Qt.SortOrder.DescendingOrder),
                                   parent=self)
        self.view = RegisterView(self.model, list(service.STATUSES), self)
        self.view.export_name = "来电来报登记"  # the sheet and the suggested file name
        self.view.filters_changed.connect(self.apply_filters)
        self.view.activated.connect(self.edit_call)
        log_box = QGroupBox("来电来报登记簿", self)
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.view)

        self.new_button = QPushButton("新建来电(&N)", self)
        self.new_button.setToolTip("新建来电来报记录（Ctrl+N），Ctrl+Enter 保存")
        self.new_button.clicked.connect(self.new_record)
        self.edit_button = QPushButton("编辑", self)
        self.edit_button.clicked.connect(lambda: self.edit_call(self.selected_id()))
        self.close_button = QPushButton("办结", self)
        self.close_button.clicked.connect(self.close_selected)
        self.void_button = QPushButton("作废", self)
        self.void_button.clicked.connect(self.void_selected)
        self.print_button = QPushButton("打印电话记录单(&P)…", self)
        self.print_button.setToolTip("打印选中来电的电话记录单，供领导签批")
        self.print_button.clicked.connect(self.print_phone_record)
        self.form_button = QPushButton("存为PDF…", self)
        self.form_button.setToolTip("把选中来电的电话记录单存为 PDF 文件")
        self.form_button.clicked.connect(lambda: self.save_phone_record())
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.close_button, self.void_button, self.print_button,
                       self.form_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.open_box)
        splitter.addWidget(log_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([230, 520])  # room for five open items above the log
        calls_page = QWidget(self)
        calls_layout = QVBoxLayout(calls_page)
        calls_layout.addLayout(header)
        calls_layout.addWidget(self.handover_label)
        calls_layout.addLayout(buttons)
        calls_layout.addWidget(splitter, 1)

        self.roster = RosterPage(self)
        self.roster.changed.connect(self.refresh_header)
        self.pages = QTabWidget(self)
        self.pages.addTab(calls_page, "来电来报")
        self.pages.addTab(self.roster, "值班排班")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

        for table in (self.open_table, self.view.table):
            row_menu(table, self._fill_menu, self)

        shortcut = QShortcut(QKeySequence("Ctrl+N"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_record)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        self.refresh_header()

    # --- lists -----------------------------------------------------------------------------------

    def _query(self) -> pw.ModelSelect:
        f = self.filters
        return service.calls_query(f.text, f.date_from, f.date_to, f.status or service.STATUSES[0])

    def apply_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.model.set_query(self._query)

    def refresh(self) -> None:
        self.model.refresh()
        self.open_model.refresh()
        self.roster.refresh()
        self.refresh_header()

    def tick(self) -> None:
        """The clock moved: repaint countdowns; an item may have become overdue."""
        self.model.touch_columns([STATUS_COLUMN])
        self.open_model.touch_columns([STATUS_COLUMN])
        self.refresh_header()

    def refresh_header(self) -> None:
        now = clock.now()
        shift = service.shift_at(now)
        if shift is None:
            self.shift_label.setText('<span style="color:#c62828">当前时段没有排班，请在“值班排班”中安排值班人员。</span>')
        else:
            parts = [f"<b>当前班次：</b>{shift.day:%m月%d日} {shift.name}（{shift.starts_at:%H:%M}-{shift.ends_at:%H:%M}）",
                     f"值班员 <b>{shift.officer_name or '未排'}</b> {shift.officer_phone}"]
            if shift.leader_name:
                parts.append(f"带班领导 {shift.leader_name} {shift.leader_phone}")
            if shift.standby_name:
                parts.append(f"候班 {shift.standby_name} {shift.standby_phone}")
            self.shift_label.setText("　".join(parts))
        last = service.last_handover(now)
        if last is None:
            self.handover_label.setText("")
            self.handover_label.hide()
        else:
            self.handover_label.setText(
                f"上一班交接（{last.day:%m月%d日} {last.name}，{last.handed_over_by}，"
                f"{last.handed_over_at:%m-%d %H:%M}）：{last.handover_note}")
            self.handover_label.show()
        count = self.open_model.total_count()
        overdue = service.calls_query(status="已超时").count()
        self.open_box.setTitle(f"未办结事项 {count} 件" + (f"，其中超时 {overdue} 件" if overdue else ""))

    def _changed(self, call_id: int | None = None) -> None:
        self.model.refresh()
        self.open_model.refresh()
        self.refresh_header()
        if call_id is not None:
            self.view.select_id(call_id)
        self.data_changed.emit()

    # --- actions ---------------------------------------------------------------------------------

    def current_officer(self) -> str:
        shift = service.shift_at(clock.now())
        return shift.officer_name if shift else ""

    def selected_id(self) -> int | None:
        if self.open_table.hasFocus() and self.open_table.currentIndex().isValid():
            return self.open_model.id_at(self.open_table.currentIndex().row())
        return self.view.current_id()

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(0)
        self.view.focus_search()

    def new_record(self) -> CallDialog:
        self.pages.setCurrentIndex(0)
        dialog = CallDialog(officer=self.current_officer(), parent=self)
        dialog.accepted.connect(lambda: self._changed(dialog.saved_id))
        dialog.open()
        return dialog

    def edit_call(self, call_id: int | None, closing: bool = False) -> CallDialog | None:
        if call_id is None:
            self._no_selection()
            return None
        call = Call.get_or_none(Call.id == call_id)
        if call is None:
            return None
        dialog = CallDialog(call, parent=self)
        if call.voided_at is not None:
            dialog.setWindowTitle(f"来电记录（已作废：{call.void_reason}）")
            dialog.ui.button_box.setEnabled(False)
        elif closing and call.closed_at is None:
            dialog.setWindowTitle("办结来电事项")
            dialog.ui.closed.setChecked(True)
            dialog.ui.closed_at.setDateTime(to_qdatetime(clock.now()))
            dialog.ui.feedback.setFocus()
        dialog.accepted.connect(lambda: self._changed(dialog.saved_id))
        dialog.open()
        return dialog

    def close_selected(self) -> CallDialog | None:
        return self.edit_call(self.selected_id(), closing=True)

    def void_selected(self) -> ReasonDialog | None:
        call_id = self.selected_id()
        if call_id is None:
            self._no_selection()
            return None
        dialog = ReasonDialog("作废来电记录", "作废后记录仍保留，并记入操作日志。请填写作废原因：",
                              lambda reason: service.void_call(call_id, reason, by=self.current_officer()), self)
        dialog.accepted.connect(lambda: self._changed(call_id))
        dialog.open()
        return dialog

    def hand_over(self) -> HandoverDialog | None:
        shift = service.shift_at(clock.now())
        if shift is None:
            QMessageBox.information(self, "交接班", "当前时段没有排班，无法交接。请先在“值班排班”中安排值班人员。")
            return None
        if shift.handed_over_at is not None:
            QMessageBox.information(self, "交接班", f"{shift.day:%m月%d日} {shift.name}已于 "
                                    f"{shift.handed_over_at:%H:%M} 交接。")
            return None
        dialog = HandoverDialog(shift, parent=self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def open_record(self, record_id: int) -> CallDialog | None:
        """Show the call in the log (filters cleared if they hide it), select it and open it — for the
        dashboard's double-click."""
        call = Call.get_or_none(Call.id == record_id)
        if call is None:
            return None
        self.pages.setCurrentIndex(0)
        reveal(self.view, call.id, lambda: self._query().where(Call.id == call.id).exists(),
               day=call.received_at.date())
        self.view.table.setFocus()
        return self.edit_call(call.id)

    def _phone_record(self) -> tuple[Call, str] | None:
        call_id = self.selected_id()
        if call_id is None:
            self._no_selection()
            return None
        call = service.get_call(call_id)
        return call, f"电话记录单 {call.received_at:%Y-%m-%d %H:%M}"

    def print_phone_record(self):
        """Qt's print preview of the 电话记录单 — the same PDF that 存为PDF writes."""
        chosen = self._phone_record()
        if chosen is None:
            return None
        from xiaoneng_desktop.reports.forms import phone_record  # reportlab only when asked for

        call, title = chosen
        return print_form(self, lambda: phone_record(call), title)

    def _fill_menu(self, menu: QMenu) -> None:
        menu.addAction("编辑…", lambda: self.edit_call(self.selected_id()))
        menu.addAction("办结…", self.close_selected)
        menu.addAction("作废…", self.void_selected)
        menu.addSeparator()
        menu.addAction("打印电话记录单…", self.print_phone_record)
        menu.addAction("电话记录单存为PDF…", lambda: self.save_phone_record())

    def save_phone_record(self, path: str | None = None) -> Path | None:
        """电话记录单 of the selected call as a PDF file, opened in the system's PDF viewer."""
        chosen = self._phone_record()
        if chosen is None:
            return None
        from xiaoneng_desktop.reports.forms import phone_record  # reportlab only when asked for

        call, title = chosen
        return save_form(self, lambda: phone_record(call), "电话记录单",
                         f"电话记录单-{call.received_at:%Y%m%d-%H%M}-{call.id}", path)

    def _no_selection(self) -> None:
        QMessageBox.information(self, "值班记录", "请先在列表中选择一条来电记录。")
