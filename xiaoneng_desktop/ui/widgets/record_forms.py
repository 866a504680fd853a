"""What every register tab does with its single-record forms (电话记录单, 文件处理单, 来访登记表, 整改通知/销号单):
print through Qt's preview, save the same PDF, a right-click menu on the rows, and finding a record
(``reveal``) when another view — the dashboard — asks a tab to open it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QTableView, QWidget

from xiaoneng_desktop.core import errors
from xiaoneng_desktop.core.files import write_bytes_atomically
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.widgets.filter_bar import Filters
from xiaoneng_desktop.ui.widgets.register_view import RegisterView
from xiaoneng_desktop.ui.widgets.sql_table import SqlTableModel

#: Pages fetched while looking for a record before narrowing the list to the record's day instead.
REVEAL_PAGES = 20


def print_form(parent: QWidget, make: Callable[[], bytes], title: str):
    """Qt's print preview of the form — the same PDF that ``save_form`` writes."""
    from xiaoneng_desktop.ui.widgets.print_preview import preview_pdf

    return preview_pdf(make(), title, parent)


def save_form(parent: QWidget, make: Callable[[], bytes], title: str, file_name: str,
              path: str | None = None) -> Path | None:
    """Ask where (unless ``path`` is given: the last folder used, else 文档), write the form's PDF,
    then offer 打开文件 / 打开所在文件夹."""
    from xiaoneng_desktop.ui.widgets import files

    if path is None:
        chosen = files.ask_save_path(parent, f"保存{title}", f"{file_name}.pdf", "PDF 文件 (*.pdf)")
        if chosen is None:
            return None
        path = str(chosen)
    target = Path(path)
    try:
        write_bytes_atomically(target, make())
    except OSError as exc:
        QMessageBox.warning(parent, title, errors.describe(exc, "保存", f"文件“{target}”").text)
        return None
    files.show_written(parent, title, f"已保存{title}：{target}", [target])
    return target


def row_menu(table: QTableView, fill: Callable[[QMenu], None], parent: QWidget) -> None:
    """Right-click on a row: select it, then show the menu ``fill`` builds."""
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(position) -> None:
        index = table.indexAt(position)
        if not index.isValid():
            return
        table.setCurrentIndex(index)
        table.setFocus()
        menu = QMenu(parent)
        fill(menu)
        model = table.model()
        if isinstance(model, SqlTableModel):  # every list can go out as a 台账, as filtered
            from xiaoneng_desktop.ui.widgets.export import export_model

            menu.addSeparator()
            menu.addAction("导出此列表到Excel…",
                           lambda: export_model(parent, model, table.accessibleName() or "列表"))
        menu.popup(table.viewport().mapToGlobal(position))

    table.customContextMenuRequested.connect(show)


def reveal(view: RegisterView, record_id: Any, in_list: Callable[[], bool], *,
           reset: Callable[[], None] | None = None, day=None) -> bool:
    """Select the record in the register's list: the filters are cleared when they hide it (``reset``
    clears a tab's own extra filters too), more rows are fetched while it is not yet loaded, and an
    old record far down the list is shown by narrowing the list to its ``day``."""
    if view.select_id(record_id):
        return True
    if not in_list():
        if reset is not None:
            reset()
        view.filter_bar.clear()
    model = view.model
    for _ in range(REVEAL_PAGES):
        if model.row_of_id(record_id) is not None or not model.canFetchMore():
            break
        model.fetchMore()
    if view.select_id(record_id):
        return True
    if day is not None:
        view.filter_bar.set_filters(Filters(date_from=day, date_to=day))
        return view.select_id(record_id)
    return False


def found(get: Callable[[Any], Any], record_id: Any) -> Any:
    """The service's record ``get(record_id)``, or None when there is no id or the record is gone
    (another window may have removed it): the UI never queries a model itself."""
    if record_id is None:
        return None
    try:
        return get(record_id)
    except ValidationError:
        return None
