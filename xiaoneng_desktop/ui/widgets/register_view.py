"""A register's list in one widget: the filter bar, the SQL-backed table and "共 N 条" under it.

A tab writes ``view = RegisterView(model, statuses, self)``, connects ``view.filters_changed`` to
``model.set_query(...)`` with its service's query for those filters, and ``view.activated`` to opening
the record.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.ui.widgets.columns import ColumnLayout, specs_of
from xiaoneng_desktop.ui.widgets.filter_bar import FilterBar
from xiaoneng_desktop.ui.widgets.highlight import HighlightDelegate, set_search_text
from xiaoneng_desktop.ui.widgets.inputs import push_button
from xiaoneng_desktop.ui.widgets.sql_table import SqlTableModel

#: "共 N 条" while the total is being counted (``SqlTableModel.count_in_background``).
COUNTING_TEXT = "共 … 条"


class RegisterTable(QTableView):
    """A QTableView whose Enter/Return on the current row emits ``enter_pressed(row)``."""

    enter_pressed = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().isValid()
        ):
            event.accept()
            self.enter_pressed.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


def list_table(model: SqlTableModel, parent: QWidget, table: QTableView | None = None, name: str = "") -> QTableView:
    """A read-only list over ``model`` with the look every register shares: whole rows, one line each.
    With a ``name``: columns that fit, a column chooser and the layout remembered (widgets.columns)."""
    table = table if table is not None else QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setCornerButtonEnabled(False)
    table.setItemDelegate(HighlightDelegate(table))  # the search's words marked (highlight.set_search_text)
    table.verticalHeader().hide()
    # One line of text per row: more of the register on screen than the style's default height.
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    for number, column in enumerate(model.columns):
        header.resizeSection(number, column.width or 100)
    if name:
        ColumnLayout(table, name, specs_of(model.columns))
    return table


class RegisterView(QWidget):
    """FilterBar + table + count label. ``activated(id)`` on double-click or Enter."""

    #: The primary key of the record the user opened (double-click or Enter).
    activated = Signal(object)
    #: The user changed the filters (a Filters); re-emitted from the filter bar.
    filters_changed = Signal(object)

    def __init__(self, model: SqlTableModel, statuses: list[str], parent: QWidget | None = None, name: str = ""):
        super().__init__(parent)
        self.model = model
        self.filter_bar = FilterBar(statuses, self)
        self.table = RegisterTable(self)
        self.count_label = QLabel(self)
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.count_label.linkActivated.connect(lambda _link: self.filter_bar.clear())

        table = list_table(model, self, self.table, name)
        header = table.horizontalHeader()
        # Show the model's own order first, so that enabling sorting does not re-sort.
        self._sync_sort_indicator()
        table.setSortingEnabled(True)
        # After the view's own slot has asked the model to sort: put the indicator back where the
        # model really is (a column without sort_key, or a failed query, leaves the order unchanged).
        header.sortIndicatorChanged.connect(self._sync_sort_indicator)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        #: 导出Excel: exactly the rows the filter shows (all of them, not only the fetched page).
        self.export_button = push_button(self, "导出Excel…", self.export_excel,
                                         tip="把当前筛选出的全部记录按列表的列导出为 Excel 台账")
        #: a list with a 身份证号 column exports it masked unless a role allowed to see full numbers
        #: ("id.full") ticks this (the export's audit line says so)
        self.full_id_box = QCheckBox("导出完整身份证号", self)
        self.full_id_box.setToolTip("不勾选时身份证号遮盖为 4306**********1234；勾选的导出记入审计日志")
        self.full_id_box.setVisible(self._has_id_column() and self._may_see_full_ids())
        bottom.addWidget(self.full_id_box)
        bottom.addWidget(self.export_button)
        layout.addLayout(bottom)
        self.export_task = None
        self.export_name = "台账"
        #: The ledger kinds (duty, incoming …) 导出Excel… also offers in the template's layout, which
        #: imports again ("导出台账（可再导入）"); () = the list only.
        self.ledger_kinds: tuple[str, ...] = ()

        self._keep_id: Any = None
        # COUNT(*) of a free-text search scans the whole table (~90 ms at 110,000 rows): asked for just
        # after the first page is on screen, and counted on a worker thread.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._update_count)
        self.filter_bar.changed.connect(lambda filters: set_search_text(self.table, filters.text))
        self.filter_bar.changed.connect(self.filters_changed)
        table.doubleClicked.connect(lambda index: self._activate(index.row()))
        table.enter_pressed.connect(self._activate)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._after_reset)
        model.error.connect(self._show_error)
        model.total_ready.connect(self._update_count)
        self._count_timer.start()

    # -- public API ------------------------------------------------------------------------------

    def current_id(self) -> Any:
        """The primary key of the selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.id_at(rows[0].row())

    def select_id(self, id_: Any) -> bool:
        """Select and show the record with this key if it is among the fetched rows."""
        row = self.model.row_of_id(id_)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def export_excel(self, target: str | None = None, ledger: str | None = None):
        """Write the filtered, sorted list (every row of the query) to .xlsx off the GUI thread. A
        register with ``ledger_kinds`` first asks: the list, or a ledger in the template's layout for
        the list's date filter (``ledger`` given = that choice made: "" the list, else the kind; with a
        ``target`` and no ``ledger``, the list)."""
        from xiaoneng_desktop.core.xlsx import period_text
        from xiaoneng_desktop.ui.widgets import export
        from xiaoneng_desktop.ui.widgets.export import export_model

        if self.export_task is not None:
            return None
        filters = self.filter_bar.applied()
        period = period_text(filters.date_from, filters.date_to)
        if ledger is None:
            ledger = ""
            if self.ledger_kinds and target is None:  # a target given (a test, a script): the list
                options = [(export.LIST_CHOICE, "与列表相同的列，日期、数量为真正的日期和数字"),
                           *(export.ledger_choice(kind) for kind in self.ledger_kinds)]
                chosen = export.ask_export_choice(self, options, period)
                if chosen is None:
                    return None
                ledger = self.ledger_kinds[chosen - 1] if chosen else ""

        def done(message: str) -> None:
            self.export_task = None
            self.count_label.setStyleSheet("")
            self.count_label.setText(message)

        full_id = self.full_id_box.isChecked() and self._may_see_full_ids()
        from xiaoneng_desktop.ui.widgets.files import period_name

        name = self.export_name
        if ledger:
            from xiaoneng_desktop.ledger.layouts import layout

            name = layout(ledger).name
        file_name = period_name(name, ".xlsx", filters.date_from, filters.date_to)
        self.export_task = export_model(self, self.model, name, target, done, full_id=full_id, period=period,
                                        ledger=ledger, dates=(filters.date_from, filters.date_to),
                                        file_name=file_name)
        if self.export_task is not None:
            self.export_task.finished.connect(lambda: setattr(self, "export_task", None))
        return self.export_task

    def _has_id_column(self) -> bool:
        from xiaoneng_desktop.ui.widgets.export import ID_TITLE

        return any(c.title == ID_TITLE for c in self.model.columns)

    @staticmethod
    def _may_see_full_ids() -> bool:
        from xiaoneng_desktop.core import session

        return session.can("id.full")

    # -- internals -------------------------------------------------------------------------------

    def _activate(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.activated.emit(self.model.id_at(row))

    def _sync_sort_indicator(self, *_args) -> None:
        header = self.table.horizontalHeader()
        column = self.model.sort_column()
        with QSignalBlocker(header):
            # -1 clears the indicator; sorting by -1 is then a no-op for the model.
            header.setSortIndicator(column, self.model.sort_order())

    def _remember_current(self) -> None:
        self._keep_id = self.current_id()

    def _after_reset(self) -> None:
        if self._keep_id is not None:
            self.select_id(self._keep_id)
            self._keep_id = None
        self._count_timer.start()

    def _update_count(self) -> None:
        self.count_label.setStyleSheet("")
        total = self.model.known_total()
        if total is None:  # more than one page: counted off the GUI thread, shown when it arrives
            self.count_label.setText(COUNTING_TEXT)
            self.model.count_in_background()
            return
        filters = self.filter_bar.applied()
        if total == 0 and not filters.is_empty():  # nothing found: say what was asked, and a way back
            asked = f"“{html.escape(filters.text)}”" if filters.text else "符合筛选条件的记录"
            self.count_label.setText(f'没有找到{asked}　<a href="clear">清除筛选</a>')
        else:
            self.count_label.setText(f"共 {total} 条")

    def _show_error(self, message: str) -> None:
        self.count_label.setStyleSheet("color: #b00020;")
        self.count_label.setText(message)

