"""工具 → 审计日志 (管理员): the whole log, newest first, paged from SQL, filtered by date range,
操作人, 操作, 登记簿 and text; 导出Excel writes the filtered lines (and is itself a line of the log).
Read-only: the program never edits or deletes a line."""

from __future__ import annotations

import datetime as dt

import peewee as pw
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop import schema
from xiaoneng_desktop.core import audit, clock, session
from xiaoneng_desktop.core.models import AuditLog
from xiaoneng_desktop.ui.widgets.form_errors import database_message
from xiaoneng_desktop.ui.widgets.inputs import from_qdate, push_button, to_qdate
from xiaoneng_desktop.ui.widgets.register_view import list_table
from xiaoneng_desktop.ui.widgets.screen import resize_within_screen
from xiaoneng_desktop.ui.widgets.sql_table import Column, SqlTableModel

ALL = "全部"
#: How far back the list starts when opened.
DEFAULT_DAYS = 30


def columns(names: dict[str, str]) -> list[Column]:
    return [
        Column("时间", AuditLog.at, lambda line: f"{line.at:%Y-%m-%d %H:%M:%S}", width=150,
               value=lambda line: line.at.replace(microsecond=0)),
        Column("操作人", AuditLog.actor, lambda line: line.actor, width=110),
        Column("操作", AuditLog.action, lambda line: line.action, width=90),
        Column("登记簿", AuditLog.table, lambda line: names.get(line.table, line.table), width=90),
        Column("记录号", AuditLog.record_id, lambda line: str(line.record_id) if line.record_id else "", width=60,
               value=lambda line: line.record_id or None),
        Column("内容", None, audit.described, tooltip=audit.described),
    ]


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        session.require("audit.read")
        self.setWindowTitle("审计日志")
        resize_within_screen(self, 1100, 640)
        self.names = dict(schema.TABLE_TITLES)
        today = clock.today()
        self.start = QDateEdit(to_qdate(today - dt.timedelta(days=DEFAULT_DAYS)), self)
        self.end = QDateEdit(to_qdate(today), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.actor = self._combo(audit.distinct(AuditLog.actor))
        self.action = self._combo(audit.distinct(AuditLog.action))
        self.table_combo = QComboBox(self)
        self.table_combo.addItem(ALL, "")
        for table in sorted(set(audit.distinct(AuditLog.table)) | set(self.names)):
            self.table_combo.addItem(self.names.get(table, table), table)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText("内容包含…")
        self.text.setClearButtonEnabled(True)

        self.model = SqlTableModel(columns(self.names), self._query, default_sort=(0, Qt.SortOrder.DescendingOrder),
                                   parent=self)
        self.model.error.connect(lambda text: self.count_label.setText(text))
        self.table = list_table(self.model, self)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.count_label = QLabel(self)
        self.export_button = push_button(self, "导出Excel…", lambda: self.export_excel(),
                                         tip="把当前筛选出的全部日志导出为 Excel（导出本身也记入日志）")

        filters = QHBoxLayout()
        for label, widget in (("从", self.start), ("到", self.end), ("操作人", self.actor), ("操作", self.action),
                              ("登记簿", self.table_combo), ("", self.text)):
            if label:
                filters.addWidget(QLabel(label, self))
            filters.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(buttons)

        # typing in the text box waits for a pause; the other filters apply at once
        self.text_timer = QTimer(self)
        self.text_timer.setSingleShot(True)
        self.text_timer.setInterval(300)
        self.text_timer.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(self.text_timer.start)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.apply_filters)
        for combo in (self.actor, self.action, self.table_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self._update_count()

    def _combo(self, values: list[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(ALL, "")
        for value in values:
            combo.addItem(value, value)
        return combo

    def filters(self) -> dict:
        """The filters as ``audit.lines_query`` takes them."""
        return dict(start=from_qdate(self.start.date()), end=from_qdate(self.end.date()),
                    actor=self.actor.currentData() or "", action=self.action.currentData() or "",
                    table=self.table_combo.currentData() or "", text=self.text.text().strip())

    def _query(self):
        return audit.lines_query(**self.filters())

    def apply_filters(self) -> None:
        self.model.set_query(self._query)
        self._update_count()

    def _update_count(self) -> None:
        start, end = self.start.date(), self.end.date()
        if end < start:
            self.count_label.setText("截止日期早于起始日期，没有日志。")
            return
        self.count_label.setText(f"共 {self.model.total_count()} 条。")

    def select(self, combo: QComboBox, value: str) -> None:
        """Choose ``value`` in one of the filter lists (for a test or a caller that knows it)."""
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def export_excel(self, target: str | None = None) -> int | None:
        """Write the filtered lines to an .xlsx (asked where unless ``target``); returns how many."""
        from xiaoneng_desktop.ui.widgets import files

        if not target:
            chosen = files.ask_save_path(self, "导出审计日志", files.dated_name("审计日志", ".xlsx"),
                                         "Excel 工作簿 (*.xlsx)")
            if chosen is None:
                return None
            target = str(chosen)
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        try:
            count = audit.export_lines(target, **self.filters(), names=self.names)
        except OSError as exc:
            QMessageBox.warning(self, "导出审计日志", f"无法写入“{target}”：{exc.strerror or exc}")
            return None
        except session.PermissionDenied as exc:
            QMessageBox.warning(self, "导出审计日志", str(exc))
            return None
        except (pw.DatabaseError, pw.InterfaceError) as exc:  # locked, damaged: said, not a crash
            QMessageBox.warning(self, "导出审计日志", database_message(exc, "导出审计日志"))
            return None
        self.apply_filters()  # the export's own line
        self.count_label.setText(f"已导出 {count} 条到 {target}")
        files.show_written(self, "导出审计日志", f"已导出 {count} 条到 {target}", [target])
        return count
