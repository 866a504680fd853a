"""导出Excel for any list in the program: exactly the rows its filter shows, as the table shows them.

A SQL-backed list exports its whole filtered, sorted query (not only the fetched page) off the GUI
thread with progress and cancel; a small in-memory table (a month's roster) exports its rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QProgressDialog, QTableWidget, QWidget

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


def show_exported(parent: QWidget, message: str, target: str) -> None:
    """After a list went out: the message with 打开文件 / 打开所在文件夹."""
    from xiaoneng_desktop.ui.widgets import files

    files.show_written(parent, "导出Excel", message, [Path(target)])


def export_model(parent: QWidget, model: SqlTableModel, name: str, target: str | None = None,
                 done: Callable[[str], None] | None = None, full_id: bool = False,
                 file_name: str | None = None) -> BackgroundTask | None:
    """Write the model's filtered, sorted query with its columns' titles and display functions. A
    身份证号 column is written masked unless ``full_id`` (a role allowed to see full numbers asked);
    the export is audited."""
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
    displays = [c.display if full_id or c.title != ID_TITLE else
                (lambda record, show=c.display: mask_id_numbers_in(show(record))) for c in columns]
    widths = [max(8, (c.width or 100) // 7) for c in columns]
    query = model.ordered_query()

    def work(progress):
        from xiaoneng_desktop.ledger import exporter

        return exporter.export_list(target, name, titles, displays, query, progress, widths,
                                    full_id=full_id and has_ids)

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
