"""文件 → 打印月报…: choose the month, build its PDF off the GUI thread (a closed month prints the PDF
stored by its 月结), then Qt's print preview of exactly that PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QGridLayout, QLabel, QProgressBar, QWidget

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.ui.widgets.background import BackgroundTask


def month_pdf(year: int, month: int, progress=None) -> bytes:
    """The month's report PDF, as bytes: a closed month's stored file, else built now."""
    from xiaoneng_desktop.reports import month_close

    report, row = month_close.source(year, month, progress)
    if row is not None:
        return bytes(row.pdf)
    with tempfile.TemporaryDirectory(prefix="xiaoneng-print-") as folder:
        target = Path(folder) / "report.pdf"
        month_close.write_one(report, None, "pdf", target)
        return target.read_bytes()


class PrintMonthDialog(QDialog):
    """Asks the month (last month by default); 预览… builds the PDF and opens the print preview."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("打印月报")
        today = clock.today()
        self.month = QDateEdit(QDate(today.year, today.month, 1).addMonths(-1), self)
        self.month.setDisplayFormat("yyyy年M月")
        self.month.setCalendarPopup(True)
        self.month.setMaximumDate(QDate(today.year, today.month, 1))
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.preview_button = self.buttons.addButton("打印预览…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.preview_button.clicked.connect(self.preview)
        self.cancel_button.clicked.connect(self.reject)
        grid = QGridLayout(self)
        grid.addWidget(QLabel("统计月份", self), 0, 0)
        grid.addWidget(self.month, 0, 1)
        grid.addWidget(self.progress, 1, 0, 1, 2)
        grid.addWidget(self.status, 2, 0, 1, 2)
        grid.addWidget(self.buttons, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.setMinimumWidth(360)
        self.task: BackgroundTask | None = None
        self.preview_dialog = None

    def chosen(self) -> tuple[int, int]:
        date = self.month.date()
        return date.year(), date.month()

    def preview(self) -> BackgroundTask | None:
        if self.task is not None and self.task.isRunning():
            return None
        year, month = self.chosen()
        self.preview_button.setEnabled(False)
        self.month.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(f"正在生成{year}年{month}月月报…")
        self.task = BackgroundTask(lambda progress: month_pdf(year, month, progress), self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(lambda data: self._show(data, year, month))
        self.task.failed.connect(self._failed)
        self.task.start()
        return self.task

    def _progressed(self, args: tuple) -> None:
        if len(args) == 2 and args[1]:
            self.progress.setRange(0, int(args[1]))
            self.progress.setValue(int(args[0]))

    def _show(self, data: bytes, year: int, month: int) -> None:
        from xiaoneng_desktop.ui.widgets.print_preview import preview_pdf

        self.progress.hide()
        self.status.clear()
        parent = self.parentWidget()
        self.accept()
        self.preview_dialog = preview_pdf(data, f"{year}年{month}月机关效能工作月报", parent)

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.preview_button.setEnabled(True)
        self.month.setEnabled(True)
        self.status.setText("<span style='color:#c62828'>生成月报时出错，详细信息已写入日志。</span>")
        self.status.setTextFormat(Qt.TextFormat.RichText)
        raise exc  # the application's error hook shows it and logs the traceback
