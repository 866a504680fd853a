"""文件 → 机关效能工作月报: choose the month and the files; the report is built off the GUI thread
with a progress bar and a cancel button; then open it, or print the PDF through the print preview.
A closed month (月结) writes the files stored when it was closed; the secretary closes an ended month
here with 月结…"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from xiaoneng_desktop.core import clock, session
from xiaoneng_desktop.ui.widgets import files
from xiaoneng_desktop.ui.widgets.background import BackgroundTask
from xiaoneng_desktop.ui.widgets.form_errors import name_buttons


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet("color: #c62828;")
    label.setWordWrap(True)
    label.hide()
    return label


def write_report(year: int, month: int, xlsx: Path | None, pdf: Path | None, progress) -> list[Path]:
    """The work itself (any thread): a closed month's stored files; else build once and write both
    files from the same figures."""
    from xiaoneng_desktop.reports import month_close

    written, _closing = month_close.write_reports(year, month, xlsx, pdf, progress)
    return written


class MonthlyReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("机关效能工作月报")
        today = clock.today()
        last = QDate(today.year, today.month, 1).addMonths(-1)
        self.month = QDateEdit(last, self)
        self.month.setDisplayFormat("yyyy年M月")
        self.month.setCalendarPopup(True)
        self.month.setMaximumDate(QDate(today.year, today.month, 1))
        self.month.dateChanged.connect(self._suggest_names)
        self.folder = files.start_folder()  # the folder used last, else 文档 (made when missing)
        self.xlsx_check = QCheckBox("Excel", self)
        self.xlsx_check.setChecked(True)
        self.xlsx_path = QLineEdit(self)
        self.pdf_check = QCheckBox("PDF", self)
        self.pdf_check.setChecked(True)
        self.pdf_path = QLineEdit(self)
        self.xlsx_error = _error_label(self)
        self.pdf_error = _error_label(self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.status.setOpenExternalLinks(False)
        self.status.linkActivated.connect(lambda link: files.open_url(QUrl(link)))

        grid = QGridLayout(self)
        grid.addWidget(QLabel("统计月份", self), 0, 0)
        self.month_state = QLabel(self)  # 已月结（…） / 尚未月结 / 尚未结束
        self.month_state.setObjectName("month_state")
        self.month_state.setWordWrap(True)
        month_line = QHBoxLayout()
        month_line.addWidget(self.month)
        month_line.addWidget(self.month_state, 1)
        grid.addLayout(month_line, 0, 1)
        for row, (check, edit, error, suffix) in enumerate(((self.xlsx_check, self.xlsx_path, self.xlsx_error, "xlsx"),
                                                            (self.pdf_check, self.pdf_path, self.pdf_error, "pdf")),
                                                           start=1):
            browse = QPushButton("浏览…", self)
            browse.clicked.connect(lambda _=False, e=edit, s=suffix: self._browse(e, s))
            check.toggled.connect(edit.setEnabled)
            line = QHBoxLayout()
            line.addWidget(edit, 1)
            line.addWidget(browse)
            grid.addWidget(check, row * 2 - 1, 0)
            grid.addLayout(line, row * 2 - 1, 1)
            grid.addWidget(error, row * 2, 1)
        grid.addWidget(self._fonts_label(), 5, 1)
        grid.addWidget(self.progress, 6, 0, 1, 2)
        grid.addWidget(self.status, 7, 0, 1, 2)
        self.buttons = QDialogButtonBox(self)
        self.generate_button = self.buttons.addButton("生成", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = self.buttons.addButton("打印…", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setEnabled(False)
        self.close_month_button = self.buttons.addButton("月结…", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_month_button.setObjectName("close_month_button")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        name_buttons(self.buttons)
        self.cancel_button.hide()
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.print_pdf)
        self.close_month_button.clicked.connect(self.close_month)
        self.month.dateChanged.connect(self._show_month_state)
        self.close_button.clicked.connect(self.reject)
        grid.addWidget(self.buttons, 8, 0, 1, 2)
        self.task: BackgroundTask | None = None
        self.written: list[Path] = []
        self.written_box = None
        self.setMinimumWidth(560)
        self._suggest_names()
        self._show_month_state()

    def _fonts_label(self) -> QLabel:
        """Which fonts the PDF will use (字体：标题 …，正文 …，标题一 …，标题二 …), and a warning when no
        Chinese TrueType font can be embedded."""
        from xiaoneng_desktop.reports import fonts

        warning = fonts.fallback_warning()
        self.fonts_label = QLabel(fonts.summary_text() + (f"\n{warning}" if warning else ""), self)
        self.fonts_label.setObjectName("fonts_label")
        self.fonts_label.setWordWrap(True)
        self.fonts_label.setStyleSheet("color: #c62828;" if warning else "color: #555555;")
        return self.fonts_label

    def _chosen(self) -> tuple[int, int]:
        date = self.month.date()
        return date.year(), date.month()

    def _show_month_state(self, *_args) -> None:
        """The chosen month's 月结 state, and whether 月结… may be pressed."""
        from xiaoneng_desktop.reports import month_close

        year, month = self._chosen()
        row = month_close.closing(year, month)
        if row is not None:
            text = f"{year}年{month}月{month_close.closed_text(row)}：生成时输出月结时保存的报表。"
        elif month_close.ended(year, month):
            text = f"{year}年{month}月尚未月结：生成的月报按当前数据计算。"
        else:
            text = f"{year}年{month}月尚未结束：生成的月报截至当前时刻，月末之后才能月结。"
        self.month_state.setText(text)
        allowed = session.can("month.close")
        self.close_month_button.setEnabled(allowed and month_close.why_not(year, month) is None
                                           and (self.task is None or self.task.isFinished()))
        self.close_month_button.setToolTip("" if allowed else "只有秘书可以月结")

    def close_month(self) -> BackgroundTask | None:
        """月结… after a confirmation that says what it means; the work runs off the GUI thread."""
        from xiaoneng_desktop.reports import month_close

        year, month = self._chosen()
        problem = month_close.why_not(year, month)
        if problem:
            self.status.setText(f"<span style='color:#c62828'>{problem}</span>")
            return None
        answer = QMessageBox.question(
            self, "月结",
            f"月结后，{year}年{month}月的统计数字和 Excel、PDF 月报将按现在的数据保存在数据文件中；"
            f"以后再生成该月月报，输出的都是这份保存的报表，不再重新计算。\n\n"
            f"此后对该月记录的更正不会改变该月月报，而是列入{year + (month == 12)}年{month % 12 + 1}月月报的"
            f"“更正上月记录”。月结不能撤销。\n\n确定对{year}年{month}月进行月结吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        self.task = task = BackgroundTask(lambda progress: month_close.close_month(year, month, progress), self)
        task.progressed.connect(lambda args: (self.progress.setMaximum(args[1]), self.progress.setValue(args[0])))
        task.succeeded.connect(lambda row: self._finish(f"{year}年{month}月{month_close.closed_text(row)}。"))
        task.failed.connect(self._close_failed)
        task.cancelled.connect(lambda: self._finish("已取消，未月结。"))
        self.cancel_button.clicked.connect(task.request_cancel)
        self.progress.setValue(0)
        self.progress.show()
        self.generate_button.setEnabled(False)
        self.close_month_button.setEnabled(False)
        self.cancel_button.show()
        self.status.setText(f"正在月结{year}年{month}月…")
        task.start()
        return task

    def _close_failed(self, exc: BaseException) -> None:
        from xiaoneng_desktop.core.validation import ValidationError

        if isinstance(exc, ValidationError):  # refused: already closed elsewhere, no permission …
            self._finish(f"<span style='color:#c62828'>{exc}</span>")
            return
        self._failed(exc)

    def _suggest_names(self, *_args) -> None:
        """"机关效能工作月报_2026年10月.xlsx/.pdf" in the folder of the fields (the last one used)."""
        date = self.month.date()
        stem = f"机关效能工作月报_{date.year()}年{date.month()}月"
        for edit, suffix in ((self.xlsx_path, ".xlsx"), (self.pdf_path, ".pdf")):
            text = edit.text().strip()
            folder = Path(text).parent if text and Path(text).parent.is_dir() else self.folder
            edit.setText(str(folder / f"{stem}{suffix}"))

    def _browse(self, edit: QLineEdit, suffix: str) -> None:
        kind = "Excel 工作簿 (*.xlsx)" if suffix == "xlsx" else "PDF 文件 (*.pdf)"
        current = Path(edit.text().strip() or f"机关效能工作月报.{suffix}")
        folder = current.parent if current.parent.is_dir() else None
        path = files.ask_save_path(self, "保存月报", current.name, kind, folder)
        if path is not None:
            edit.setText(str(path))

    def _targets(self) -> tuple[Path | None, Path | None] | None:
        """The two paths, or None after showing what is wrong beside the field."""
        from xiaoneng_desktop.reports import output_problem

        ok = True
        targets: list[Path | None] = []
        for check, edit, error, suffix in ((self.xlsx_check, self.xlsx_path, self.xlsx_error, ".xlsx"),
                                           (self.pdf_check, self.pdf_path, self.pdf_error, ".pdf")):
            error.hide()
            if not check.isChecked():
                targets.append(None)
                continue
            text = edit.text().strip()
            path = Path(text) if text else None
            problem = "请填写文件名" if path is None else output_problem(path, suffix)
            if problem:
                error.setText(problem)
                error.show()
                ok = False
            targets.append(path)
        if ok and targets == [None, None]:
            self.pdf_error.setText("请至少选择 Excel 或 PDF 中的一种")
            self.pdf_error.show()
            ok = False
        return (targets[0], targets[1]) if ok else None

    def _ask_folders(self) -> bool:
        """A missing folder of a field: offered to be made (else said beside the field)."""
        for check, edit in ((self.xlsx_check, self.xlsx_path), (self.pdf_check, self.pdf_path)):
            path = Path(edit.text().strip() or ".")
            if (check.isChecked() and path.suffix and not files.existing([path.parent])
                    and not files.ensure_folder(self, "机关效能工作月报", path.parent)):
                return False
        return True

    def generate(self) -> BackgroundTask | None:
        if not self._ask_folders():
            self._targets()  # shows which folder is missing
            return None
        targets = self._targets()
        if targets is None:
            return None
        if not files.confirm_overwrite(self, "机关效能工作月报", targets):
            self.status.setText("未生成：已有同名文件，没有替换。")
            return None
        year, month = self._chosen()
        self.task = task = BackgroundTask(lambda progress: write_report(year, month, *targets, progress), self)
        task.progressed.connect(lambda args: (self.progress.setMaximum(args[1]), self.progress.setValue(args[0])))
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._finish("已取消，未写出文件。"))
        self.cancel_button.clicked.connect(task.request_cancel)
        self.progress.setValue(0)
        self.progress.show()
        self.generate_button.setEnabled(False)
        self.cancel_button.show()
        self.status.setText("正在生成月报…")
        task.start()
        return task

    def _finish(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.generate_button.setEnabled(True)
        self.status.setText(message)
        self._show_month_state()

    def _done(self, written: list[Path]) -> None:
        self.written = written
        links = "　".join(f'<a href="{QUrl.fromLocalFile(str(p)).toString()}">打开{p.suffix[1:].upper()}</a>'
                         for p in written)
        folder = QUrl.fromLocalFile(str(written[0].parent)).toString() if written else ""
        from xiaoneng_desktop.reports import month_close

        row = month_close.closing(*self._chosen())
        notice = f"{month_close.reprint_notice(row)}。<br/>" if row is not None else ""
        self._finish(f"{notice}已生成：{'、'.join(p.name for p in written)}<br/>{links}　<a href=\"{folder}\">打开所在文件夹</a>")
        self.print_button.setEnabled(any(p.suffix.lower() == ".pdf" for p in written))
        if written:
            self.folder = written[0].parent
        said = f"{month_close.reprint_notice(row)}。\n" if row is not None else ""
        self.written_box = files.show_written(
            self, "机关效能工作月报", said + "已生成：\n" + "\n".join(str(p) for p in written), written)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            self._finish(f"<span style='color:#c62828'>写入文件失败：{exc.strerror or exc}</span>")
            return
        self._finish("<span style='color:#c62828'>生成月报时出错，详细信息已写入日志。</span>")
        raise exc  # the application's error hook shows it and logs the traceback

    def print_pdf(self):
        from xiaoneng_desktop.ui.widgets.print_preview import preview_pdf

        pdf = next((p for p in self.written if p.suffix.lower() == ".pdf"), None)
        if pdf is None:
            return None
        return preview_pdf(pdf.read_bytes(), pdf.stem, self)
