"""导出Excel for any list in the program: exactly the rows its filter shows, as the table shows them.

A SQL-backed list exports its whole filtered, sorted query (not only the fetched page) off the GUI
thread with progress and cancel; a small in-memory table (a month's roster) exports its rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.ui.widgets.background import BackgroundTask
from xiaoneng_desktop.ui.widgets.sql_table import SqlTableModel

#: The column of a list that holds 身份证号 (masked in an export unless full numbers were asked for).
ID_TITLE = "身份证号"


def ask_target(parent: QWidget, name: str, target: str | None, file_name: str | None = None) -> str | None:
    """The file to write: ``target`` when given, else asked in the save dialog (the last folder used,
    a dated name such as "来访登记_2026-12-02.xlsx" unless ``file_name`` says otherwise)."""
    if not target:
        from xiaoneng_desktop.ui.widgets import files

        chosen = files.ask_save_path(parent, "导出Excel", file_name or files.dated_name(name, ".xlsx"),
                                     "Excel 工作簿 (*.xlsx)")
        return str(chosen) if chosen is not None else None
    return target if target.lower().endswith(".xlsx") else target + ".xlsx"


class ExportChoice(QDialog):
    """导出Excel… of a register: the list as shown, or the register's ledger in the template's layout
    (``xiaoneng export KIND``), which imports again. Arrow keys choose, Enter exports, Esc cancels."""

    def __init__(self, parent: QWidget | None, options: list[tuple[str, str]], period: str):
        super().__init__(parent)
        self.setWindowTitle("导出Excel")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"导出范围：{period or '全部日期'}（按列表上方的日期筛选）", self))
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        for number, (text, tip) in enumerate(options):
            button = QRadioButton(text, self)
            button.setToolTip(tip)
            self.group.addButton(button, number)
            self.buttons.append(button)
            layout.addWidget(button)
        self.buttons[0].setChecked(True)
        self.buttons[0].setFocus()
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Ok).setText("导出…")
        box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def chosen(self) -> int:
        return self.group.checkedId()


def ask_export_choice(parent: QWidget, options: list[tuple[str, str]], period: str) -> int | None:
    """The number of the option chosen, None when cancelled."""
    dialog = ExportChoice(parent, options, period)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


#: The choice's text for the list as shown.
LIST_CHOICE = "按列表导出（列与列表相同，当前筛选出的全部记录）"


def ledger_choice(kind: str) -> tuple[str, str]:
    from xiaoneng_desktop.ledger.layouts import layout

    spec = layout(kind)
    return (f"导出台账（可再导入）：{spec.name}",
            f"与命令 xiaoneng export {kind} 相同的模板格式（工作表“{spec.sheet}”），按列表的日期筛选，可用“导入台账”再导入")


def show_exported(parent: QWidget, message: str, target: str) -> None:
    """After a list went out: the message with 打开文件 / 打开所在文件夹."""
    from xiaoneng_desktop.ui.widgets import files

    files.show_written(parent, "导出Excel", message, [Path(target)])


def export_model(parent: QWidget, model: SqlTableModel, name: str, target: str | None = None,
                 done: Callable[[str], None] | None = None, full_id: bool = False,
                 period: str = "", ledger: str = "", dates: tuple = (None, None),
                 file_name: str | None = None) -> BackgroundTask | None:
    """Write the model's filtered, sorted query with its columns' titles and cells (``Column.cell``:
    dates, times and counts typed, else the text shown). A 身份证号 column is written masked unless
    ``full_id`` (a role allowed to see full numbers asked); the export is audited. ``period`` (the
    list's date filter in words) goes into the title row. ``ledger`` (a kind: duty, incoming …) writes
    the register in its template's layout instead, for ``dates`` (from, to), as ``xiaoneng export``.
    ``file_name`` is the name the save dialog proposes."""
    from xiaoneng_desktop.core import session
    from xiaoneng_desktop.core.validation import ValidationError, mask_id_numbers_in

    try:
        session.require("export")
        if full_id:
            session.require("id.full")
    except ValidationError as exc:
        QMessageBox.warning(parent, "导出Excel", "；".join(exc.errors.values()))
        return None
    target = ask_target(parent, name, target, file_name)
    if target is None:
        return None
    columns = model.columns
    titles = [c.title for c in columns]
    has_ids = ID_TITLE in titles
    displays = [c.cell if full_id or c.title != ID_TITLE else
                (lambda record, show=c.display: mask_id_numbers_in(show(record))) for c in columns]
    widths = [max(8, (c.width or 100) // 7) for c in columns]
    query = model.ordered_query()

    def work(progress):
        from xiaoneng_desktop.ledger import exporter

        if ledger:
            return exporter.export_kind(ledger, Path(target), *dates, progress=progress,
                                        full_id=full_id and ledger == "visitors")
        return exporter.export_list(target, name, titles, displays, query, progress, widths,
                                    full_id=full_id and has_ids, period=period)

    dialog = QProgressDialog("正在导出…", "取消", 0, 0, parent)
    dialog.setWindowTitle("导出Excel")
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    task = BackgroundTask(work, parent)
    dialog.canceled.connect(task.request_cancel)

    def progressed(args):
        done_rows, total = (args + (0, 0))[:2]
        if isinstance(total, int) and total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done_rows, total))
            dialog.setLabelText(f"正在导出… {done_rows}/{total}")

    def finish(message: str, error: bool = False):
        dialog.reset()
        dialog.close()
        task.deleteLater()
        if error:
            QMessageBox.warning(parent, "导出Excel", message)
        elif done is not None:
            done(message)

    task.progressed.connect(progressed)

    def succeeded(count) -> None:
        message = f"已导出 {count} 条到 {target}"
        finish(message)
        show_exported(parent, message, target)

    task.succeeded.connect(succeeded)
    task.failed.connect(lambda exc: finish(f"导出失败：{exc}", True))
    task.cancelled.connect(lambda: finish("已取消导出"))
    task.start()
    return task


def export_table_widget(parent: QWidget, table: QTableWidget, name: str, target: str | None = None,
                        file_name: str | None = None) -> int | None:
    """A small table held in the widget (tens of rows): written at once, as shown."""

    from xiaoneng_desktop.ledger import workbook

    target = ask_target(parent, name, target, file_name)
    if target is None:
        return None
    titles = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount()) if not table.isRowHidden(r)]
    widths = [max(8, table.columnWidth(c) // 7) for c in range(table.columnCount())]
    try:
        count = workbook.write_table(Path(target), name, titles, iter(rows), len(rows), None, widths)
    except OSError as exc:
        QMessageBox.warning(parent, "导出Excel", f"无法写入“{target}”：{exc.strerror or exc}")
        return None
    from xiaoneng_desktop.ledger import exporter

    exporter.note_export("", f"导出Excel {name}", count, target)
    show_exported(parent, f"已导出 {count} 条到 {target}", target)
    return count
