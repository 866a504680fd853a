"""文件 → 导入台账…: choose the kind and the file, see its first rows, map its own headers onto the
template's columns (remembered per kind; 时间/日期, 电话/手机 … suggested), check or import with a
progress bar that can be cancelled. Bad rows come back as a table that can be saved to Excel with the
bad cells in red; nothing is imported then. Without errors the same table lists the rows that repeat a
stored record (skipped) or an earlier row of the file (imported), by row number."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.ledger import importer
from xiaoneng_desktop.ledger.layouts import CHOICE, LAYOUTS
from xiaoneng_desktop.ledger.workbook import LedgerFileError, SheetData, read_sheet, write_errors
from xiaoneng_desktop.ui.widgets.background import BackgroundTask
from xiaoneng_desktop.ui.widgets.inputs import RED

NOT_MAPPED = "（无此列）"
PREVIEW_ROWS = 10
ERROR_COLUMNS = ("工作表", "行号", "列", "内容", "原因")


class ImportDialog(QDialog):
    """The wizard; ``imported(report)`` once records were written."""

    imported = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("导入台账")
        self.resize(980, 640)
        self.preview: SheetData | None = None
        self.task: BackgroundTask | None = None
        self.report: importer.ImportReport | None = None

        self.kind_combo = QComboBox(self)
        for kind, spec in LAYOUTS.items():
            self.kind_combo.addItem(spec.name, kind)
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText("选择要导入的 Excel 文件（.xlsx）")
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton("选择文件…", self)
        self.template_button = QPushButton("下载空白模板…", self)
        self.sheet_combo = QComboBox(self)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow("台账种类", self._row(self.kind_combo, self.template_button))
        form.addRow("Excel 文件", file_row)
        form.addRow("工作表", self.sheet_combo)

        self.mapping_table = QTableWidget(0, 3, self)
        self.mapping_table.setHorizontalHeaderLabels(["模板的列", "对应文件中的列", "或每行都填"])
        self.mapping_table.horizontalHeaderItem(2).setToolTip(
            "文件中没有这一列时，可给每一行填同一个值（例如 来电方式 = 电话）；填了就不再读文件中的列")
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.preview_table = QTableWidget(0, 0, self)
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.error_table = QTableWidget(0, len(ERROR_COLUMNS), self)
        self.error_table.setHorizontalHeaderLabels(list(ERROR_COLUMNS))
        self.error_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.error_table.horizontalHeader().setStretchLastSection(True)
        self.error_table.verticalHeader().hide()
        self.save_errors_button = QPushButton("保存错误报告…", self)
        self.save_errors_button.setEnabled(False)
        #: rows name values not on an office's list (问题类别 …): add them, then check again
        self.add_values_button = QPushButton("把这些值加入列表", self)
        self.add_values_button.setVisible(False)
        errors_page = QWidget(self)
        errors_layout = QVBoxLayout(errors_page)
        errors_layout.addWidget(self.error_table, 1)
        errors_buttons = QHBoxLayout()
        errors_buttons.addStretch(1)
        errors_buttons.addWidget(self.add_values_button)
        errors_buttons.addWidget(self.save_errors_button)
        errors_layout.addLayout(errors_buttons)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.preview_table, "预览（前 10 行）")
        self.pages.addTab(errors_page, "错误")
        splitter = QSplitter(self)
        splitter.addWidget(self.mapping_table)
        splitter.addWidget(self.pages)
        splitter.setSizes([330, 650])

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel("请选择台账种类和文件。", self)
        self.status.setWordWrap(True)
        self.check_button = QPushButton("检查（不导入）", self)
        self.import_button = QPushButton("导入", self)
        self.cancel_button = QPushButton("取消导入", self)
        self.close_button = QPushButton("关闭", self)
        self.cancel_button.setEnabled(False)
        self.import_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        for button in (self.check_button, self.import_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self._fill_mapping())
        self.browse_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(self.save_template)
        self.sheet_combo.activated.connect(lambda _i: self.load(self.path_edit.text(), self.sheet_combo.currentText()))
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.save_errors_button.clicked.connect(lambda: self.save_errors())
        self.add_values_button.clicked.connect(lambda: self.add_unknown_values())
        self._fill_mapping()
        self._update_buttons()

    @staticmethod
    def _row(*widgets) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    # -- the file ------------------------------------------------------------------------------------

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def choose_file(self) -> None:
        from xiaoneng_desktop.ui.widgets import files

        path, _ = QFileDialog.getOpenFileName(self, "选择台账文件", str(files.start_folder()),
                                              "Excel 工作簿 (*.xlsx);;所有文件 (*)")
        if path:
            files.remember(Path(path).parent)
            self.load(path)

    def save_template(self) -> None:
        from xiaoneng_desktop.ui.widgets import files

        spec = LAYOUTS[self.kind()]
        path = files.ask_save_path(self, "保存空白模板", f"{files.file_stem(spec.sheet)}模板.xlsx",
                                   "Excel 工作簿 (*.xlsx)")
        if path:
            from xiaoneng_desktop.ledger import exporter

            try:
                exporter.write_template(self.kind(), Path(path))
            except LedgerFileError as exc:
                self._say(str(exc), error=True)
                return
            self._say(f"已保存空白模板：{path}")
            files.show_written(self, "保存空白模板", f"已保存空白模板：{path}", [path])

    def load(self, path: str, sheet: str | None = None) -> bool:
        """Read the first rows for the preview and suggest the mapping."""
        self.path_edit.setText(path)
        self.preview = None
        self.report = None
        self._show_errors([])
        try:
            self.preview = read_sheet(Path(path), sheet or None, preferred=LAYOUTS[self.kind()].sheet,
                                      limit=PREVIEW_ROWS)
        except LedgerFileError as exc:
            self.sheet_combo.clear()
            self.preview_table.clear()
            self.preview_table.setRowCount(0)
            self.preview_table.setColumnCount(0)
            self._fill_mapping()
            self._say(str(exc), error=True)
            self._update_buttons()
            return False
        data = self.preview
        self.sheet_combo.clear()
        self.sheet_combo.addItems(data.sheets)
        self.sheet_combo.setCurrentText(data.sheet)
        self.preview_table.clear()
        self.preview_table.setColumnCount(len(data.headers))
        self.preview_table.setHorizontalHeaderLabels(data.headers)
        self.preview_table.setRowCount(len(data.rows))
        from xiaoneng_desktop.ledger.cells import text_of

        for r, row in enumerate(data.rows):
            for c, value in enumerate(row):
                self.preview_table.setItem(r, c, QTableWidgetItem(text_of(value)))
        self.preview_table.setVerticalHeaderLabels([str(data.first_row + i) for i in range(len(data.rows))])
        self.pages.setCurrentIndex(0)
        self._fill_mapping()
        self._say(f"工作表“{data.sheet}”：请核对右侧预览和左侧列的对应关系，然后点“检查”或“导入”。")
        self._update_buttons()
        return True

    def _fill_mapping(self) -> None:
        spec = LAYOUTS[self.kind()]
        headers = self.preview.headers if self.preview else []
        suggested = importer.suggest_mapping(self.kind(), headers, importer.remembered_mapping(self.kind()))
        by_title = {title: header for header, title in suggested.items()}
        self.mapping_table.setRowCount(len(spec.fields))
        for row, field in enumerate(spec.fields):
            item = QTableWidgetItem(field.title + ("（必填）" if field.required else ""))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox(self.mapping_table)
            combo.addItem(NOT_MAPPED, "")
            for header in headers:
                if header:
                    combo.addItem(header, header)
            if field.title in by_title:
                combo.setCurrentIndex(combo.findData(by_title[field.title]))
            self.mapping_table.setCellWidget(row, 1, combo)
            fixed = QComboBox(self.mapping_table)  # a value for every row instead of a column of the file
            fixed.setEditable(True)
            fixed.addItems(["", *field.options()] if field.type == CHOICE else [""])
            fixed.setCurrentText("")
            fixed.lineEdit().setPlaceholderText("（按文件中的列）")
            fixed.setToolTip(f"每一行的“{field.title}”都填这个值" + ("" if field.required else "（可不填）"))
            fixed.currentTextChanged.connect(lambda text, c=combo: c.setEnabled(not text.strip()))
            self.mapping_table.setCellWidget(row, 2, fixed)
        self.mapping_table.resizeColumnToContents(0)

    def mapping(self) -> dict[str, str]:
        """{the file's header: template title} as chosen in the table."""
        spec = LAYOUTS[self.kind()]
        chosen: dict[str, str] = {}
        for row, field in enumerate(spec.fields):
            header = self.mapping_table.cellWidget(row, 1).currentData()
            if self.mapping_table.cellWidget(row, 2).currentText().strip():
                continue  # a fixed value instead
            if header and header not in chosen:
                chosen[header] = field.title
        return chosen

    def fixed_values(self) -> dict[str, str]:
        """{template title: the value every row gets}, for the columns given one."""
        spec = LAYOUTS[self.kind()]
        values = {}
        for row, field in enumerate(spec.fields):
            text = self.mapping_table.cellWidget(row, 2).currentText().strip()
            if text:
                values[field.title] = text
        return values

    def set_mapping(self, title: str, header: str) -> None:
        row = LAYOUTS[self.kind()].titles.index(title)
        combo = self.mapping_table.cellWidget(row, 1)
        combo.setCurrentIndex(combo.findData(header))

    # -- running ---------------------------------------------------------------------------------

    def start(self, dry_run: bool) -> BackgroundTask | None:
        if self.preview is None or self.task is not None:
            return None
        kind, path, sheet, mapping = self.kind(), self.preview.path, self.preview.sheet, self.mapping()
        fixed = self.fixed_values()
        importer.remember_mapping(kind, mapping)  # learned: these headers map so next time too
        self.report = None
        self._show_errors([])
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._say("正在检查…" if dry_run else "正在导入…")

        def work(progress):
            return importer.import_file(kind, path, dry_run=dry_run, mapping=mapping, sheet=sheet,
                                        progress=progress, fixed=fixed)

        task = self.task = BackgroundTask(work, self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._finish("已取消，没有导入任何记录。"))
        task.start()
        self._update_buttons()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.request_cancel()
            self._say("正在取消…")

    def _progressed(self, args: tuple) -> None:
        done, total = (tuple(args) + (0, 0))[:2]
        text = next((a for a in args if isinstance(a, str)), "")
        if isinstance(total, int) and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if text:
            self.status.setText(text + "…")

    def _finish(self, message: str, error: bool = False) -> None:
        if self.task is not None:
            self.task.deleteLater()
        self.task = None
        self.progress.setVisible(False)
        self._say(message, error)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, LedgerFileError) else f"导入时出错，没有导入任何记录：{exc}"
        self._finish(message, error=True)

    def _done(self, report: importer.ImportReport) -> None:
        self.report = report
        self._show_errors(report.errors)
        if report.ok and report.notes:
            self._show_errors(report.notes, title="重复行")
            self.pages.setCurrentIndex(1)
        self._finish(report.summary(), error=not report.ok)
        self._offer_to_add(report)
        if report.errors:
            self.pages.setCurrentIndex(1)
        elif not report.dry_run:
            self.imported.emit(report)

    def _offer_to_add(self, report: importer.ImportReport | None) -> None:
        unknown = report.unknown_choices if report is not None else {}
        self.add_values_button.setVisible(bool(unknown))
        if not unknown:
            return
        from xiaoneng_desktop.core import choices, session

        text = "；".join(f"{choices.get_list(key).label}：{'、'.join(values)}" for key, values in unknown.items())
        allowed = session.can("settings")
        self.add_values_button.setEnabled(allowed)
        self.add_values_button.setToolTip(f"加入列表：{text}" if allowed else
                                          f"需由管理员在 {choices.WHERE} 中加入：{text}")

    def add_unknown_values(self) -> bool:
        """Add the values the rows name to their lists (工具→单位设置 holds them), then check again."""
        if self.report is None or not self.report.unknown_choices:
            return False
        from xiaoneng_desktop.core import choices
        from xiaoneng_desktop.core.validation import ValidationError

        try:
            for key, values in self.report.unknown_choices.items():
                choices.add(key, values)
        except ValidationError as exc:
            self._say("；".join(exc.errors.values()), error=True)
            return False
        self.add_values_button.setVisible(False)
        self.start(dry_run=True)
        return True

    def _show_errors(self, errors, title: str = "错误") -> None:
        self.error_table.setRowCount(len(errors))
        for r, error in enumerate(errors):
            for c, value in enumerate((error.sheet, error.row, error.column, error.value, error.reason)):
                item = QTableWidgetItem(str(value))
                if c == 4:
                    item.setForeground(RED)
                self.error_table.setItem(r, c, item)
        self.error_table.resizeColumnsToContents()
        self.pages.setTabText(1, f"{title}（{len(errors)}）" if errors else "错误")
        self.save_errors_button.setEnabled(bool(errors) and title == "错误")

    def save_errors(self, target: str | None = None) -> Path | None:
        if self.report is None or not self.report.errors:
            return None
        from xiaoneng_desktop.ui.widgets import files

        if not target:
            chosen = files.ask_save_path(self, "保存错误报告", files.dated_name("台账导入错误报告", ".xlsx"),
                                         "Excel 工作簿 (*.xlsx)")
            if chosen is None:
                return None
            target = str(chosen)
        try:
            written = write_errors(Path(target), self.report.data, self.report.errors, self.report.mapping)
        except LedgerFileError as exc:
            QMessageBox.warning(self, "保存错误报告", str(exc))
            return None
        self._say(f"已保存错误报告（出错的单元格标为红色）：{written}")
        files.show_written(self, "保存错误报告", f"已保存错误报告：{written}", [written])
        return written

    def _say(self, message: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828;" if error else "")
        self.status.setText(message)

    def _update_buttons(self) -> None:
        running = self.task is not None
        ready = self.preview is not None and not running
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        self.cancel_button.setEnabled(running)
        for widget in (self.kind_combo, self.browse_button, self.sheet_combo, self.mapping_table):
            widget.setEnabled(not running)

    def reject(self) -> None:
        if self.task is not None:
            self.task.request_cancel()
            self.task.wait(10_000)
        super().reject()


def open_import_dialog(window) -> ImportDialog:
    """From the main window's 文件 menu; the tabs refresh after an import."""
    dialog = ImportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    dialog.imported.connect(lambda _report: window.refresh_all())
    dialog.open()
    return dialog
