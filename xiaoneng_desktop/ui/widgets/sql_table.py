"""The one SQL-backed table model every register's tab shows.

The register's service builds the filtered query; this model only adds ORDER BY and LIMIT/OFFSET and
keeps the rows it has fetched (Anki's browser: sorting in SQL, no proxy model; qutebrowser: lazy fetch).
``data()`` and ``flags()`` read cached rows only and never run SQL, so painting, Ctrl+A and the 30-second
countdown repaint (``touch_columns``) cost nothing.

Rows are the peewee model instances the query returns. A ``display`` callable must read only what the
query selected: following a foreign key (``row.officer.name``) would run one query per painted cell,
so the service should join and select the needed fields (or keep a copy, like ``Call.officer_name``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import peewee as pw
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from xiaoneng_desktop.ui.widgets.form_errors import database_message
from xiaoneng_desktop.ui.widgets.inputs import literal

Row = Any  # a peewee model instance
QueryFactory = Callable[[], pw.Select]

_NO_PARENT = QModelIndex()
#: refresh() re-reads as many rows as were shown, but no more than this (the user scrolled far down).
REFRESH_MAX_ROWS = 2000
#: The COUNT(*) threads still running (``count_in_background``): held here, not by a model that may be
#: deleted before its thread ends (a QThread destroyed while running aborts the program).
_COUNTING: set = set()


def wait_for_counts() -> None:
    """Block until every background COUNT(*) has ended (before the database is closed)."""
    for task in list(_COUNTING):
        task.wait()


@dataclass
class Column:
    """One column: its header, how it sorts in SQL and how a row is shown."""

    title: str
    #: The expression for ORDER BY (a field or any peewee node); None = the column cannot be sorted.
    sort_key: pw.Node | None
    display: Callable[[Row], str]
    foreground: Callable[[Row], QColor | None] | None = None
    background: Callable[[Row], QColor | None] | None = None
    tooltip: Callable[[Row], str] | None = None
    align: Qt.AlignmentFlag | None = None
    #: The most the column is given when sized to its content (pixels); None = the view's default.
    width: int | None = None
    #: The cell written by 导出Excel: a typed value (a date, a datetime, a number, the full text) or
    #: None for an empty cell; None here = the ``display`` text.
    value: Callable[[Row], Any] | None = None
    #: The 事项 column (内容摘要, 标题 …): takes the width the others leave; ``width`` is then unused.
    stretch: bool = False
    #: Hidden by default (the column chooser shows it); never for the status or deadline columns.
    optional: bool = False

    def cell(self, row: Row) -> Any:
        """What 导出Excel writes for ``row``: ``value(row)`` if the column has one, else the text shown."""
        return self.display(row) if self.value is None else self.value(row)


def _display(column: Column, row: Row) -> str:
    text = column.display(row)
    return "" if text is None else str(text)


#: What ``SqlTableModel.data`` answers for each role it knows, from the column and the row.
_ROLE_ANSWERS: dict[int, Callable[[Column, Row], Any]] = {
    Qt.ItemDataRole.DisplayRole: _display,
    Qt.ItemDataRole.ForegroundRole: lambda column, row: column.foreground(row) if column.foreground else None,
    Qt.ItemDataRole.BackgroundRole: lambda column, row: column.background(row) if column.background else None,
    # typed text, shown as typed
    Qt.ItemDataRole.ToolTipRole: lambda column, row: literal(column.tooltip(row)) if column.tooltip else None,
    Qt.ItemDataRole.TextAlignmentRole: lambda column, _row: column.align,
    Qt.ItemDataRole.UserRole: lambda _column, row: row.get_id(),
}


class SqlTableModel(QAbstractTableModel):
    """A read-only table over a peewee query, fetched ``page_size`` rows at a time, sorted in SQL.

    ``order_prefix()`` gives expressions that always come first in ORDER BY, whatever column the user
    sorts by (e.g. "open items first"); they are used as given (a plain node sorts ascending, or pass
    ``expr.desc()``). Then comes the sort column, then the primary key as tie-break in the same direction
    so that ``ORDER BY indexed_column DESC, id DESC LIMIT n`` is a plain backward index walk.
    """

    #: A database error while reading; the message is Chinese, for the user. What was shown stays.
    error = Signal(str)
    #: ``count_in_background`` found the total of the current query (stale counts are never emitted).
    total_ready = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column],
        query_factory: QueryFactory,
        *,
        page_size: int = 200,
        order_prefix: Callable[[], list] = lambda: [],
        default_sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder),
        parent=None,
    ):
        super().__init__(parent)
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self._columns = list(columns)
        self._query_factory = query_factory
        self._page_size = page_size
        self._order_prefix = order_prefix
        column, order = default_sort
        if not 0 <= column < len(self._columns) or self._columns[column].sort_key is None:
            column = -1  # no sortable default: prefix and primary key only
        self._sort_column = column
        self._sort_order = Qt.SortOrder(order)
        self._rows: list[Row] = []
        self._row_of_id: dict[Any, int] = {}
        self._offset = 0  # rows consumed from SQL (may exceed len(_rows) if duplicates were skipped)
        self._exhausted = True
        self._failed = False  # the last fetch failed: stop offering more until refresh
        self._changing = False  # inside begin…/end… signals: a re-entrant fetchMore must wait
        self._total: int | None = None
        #: Bumped whenever the rows are replaced (filter, sort, refresh): a count of an older query is stale.
        self._generation = 0
        self._counting: int | None = None  # the generation a background count is running for
        self._load(self._page_size)

    # -- public API ------------------------------------------------------------------------------

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def sort_column(self) -> int:
        """The column the rows are sorted by, or -1 if none (prefix and primary key only)."""
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None

    def refresh(self) -> bool:
        """Run the query again from the top, re-reading as many rows as were shown (up to
        REFRESH_MAX_ROWS, at least one page), so that the selected record usually stays in view.

        Returns False (and emits ``error``, keeping the old rows) if the database fails.
        """
        return self._load(max(self._page_size, min(len(self._rows), REFRESH_MAX_ROWS)))

    def set_query(self, query_factory: QueryFactory) -> bool:
        """Swap the filtered query (a new filter) and show its first page."""
        self._query_factory = query_factory
        return self._load(self._page_size)

    def row_object(self, row: int) -> Row:
        """The cached model instance of a fetched row (IndexError outside)."""
        if not 0 <= row < len(self._rows):
            raise IndexError(row)
        return self._rows[row]

    def id_at(self, row: int) -> Any:
        return self.row_object(row).get_id()

    def row_of_id(self, id_: Any) -> int | None:
        """The row of the record with this primary key among the fetched rows, or None."""
        return self._row_of_id.get(id_)

    def contains(self, id_: Any) -> bool:
        """Whether the current query (its filters) lists the record with this key, fetched or not."""
        query = self._query_factory()
        return query.where(query.model._meta.primary_key == id_).exists()

    def loaded_count(self) -> int:
        """How many rows have been fetched so far (= rowCount())."""
        return len(self._rows)

    def total_count(self) -> int:
        """COUNT(*) of the current filtered query, cached until refresh/set_query/sort.

        On a database error emits ``error`` and returns the number of fetched rows (not cached).
        """
        if self._total is None:
            if self._exhausted and not self._failed:
                self._total = len(self._rows)
            else:
                try:
                    self._total = int(self._query_factory().count())
                except (pw.DatabaseError, pw.InterfaceError) as exc:
                    self.error.emit(database_message(exc, "读取列表"))
                    return len(self._rows)
        return self._total

    def known_total(self) -> int | None:
        """The total of the current query if it is known without SQL (every row fetched, or counted)."""
        if self._total is None and self._exhausted and not self._failed:
            self._total = len(self._rows)
        return self._total

    def count_in_background(self) -> None:
        """COUNT(*) of the current query on a worker thread with its own connection (peewee opens one
        per thread, SQLite or server); ``total_ready`` brings it back unless the query changed meanwhile.
        A count of a free-text search reads the whole table: this keeps the window responsive."""
        if self.known_total() is not None or self._counting == self._generation:
            return
        from xiaoneng_desktop.ui.widgets.background import BackgroundTask

        generation = self._counting = self._generation
        query = self._query_factory()

        def count(_progress) -> tuple[int, int]:
            try:
                return generation, int(query.count())
            except Exception as exc:
                exc.count_generation = generation  # type: ignore[attr-defined]
                raise

        task = BackgroundTask(count)
        _COUNTING.add(task)
        # bound methods: a model deleted meanwhile is simply not called
        task.succeeded.connect(self._count_arrived)
        task.failed.connect(self._count_failed)

        def ended() -> None:
            _COUNTING.discard(task)
            task.deleteLater()

        task.finished.connect(ended)
        task.start()

    def _count_arrived(self, result: tuple[int, int]) -> None:
        generation, total = result
        if generation != self._generation:
            return  # the filter (or sort, or data) changed while counting: a newer count follows
        self._counting = None
        self._total = total
        self.total_ready.emit(total)

    def _count_failed(self, exc: BaseException) -> None:
        if getattr(exc, "count_generation", None) != self._generation:
            return
        self._counting = None
        if not isinstance(exc, (pw.DatabaseError, pw.InterfaceError)):
            raise exc
        self.error.emit(database_message(exc, "读取列表"))

    def touch_columns(self, columns: Sequence[int]) -> None:
        """Repaint these columns over all fetched rows without fetching (e.g. a countdown column)."""
        if not self._rows:
            return
        last = len(self._rows) - 1
        for column in sorted(set(columns)):
            if 0 <= column < len(self._columns):
                self.dataChanged.emit(self.index(0, column), self.index(last, column))

    def ordered_query(self) -> pw.Select:
        """A fresh filtered query with this model's ORDER BY (no LIMIT), e.g. for export."""
        query = self._query_factory()
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        direction = "DESC" if descending else "ASC"
        ordering: list = list(self._order_prefix())
        if self._sort_column >= 0:
            ordering.append(pw.Ordering(self._columns[self._sort_column].sort_key, direction))
        model = getattr(query, "model", None)
        primary_key = model._meta.primary_key if model is not None else None
        if primary_key:
            ordering.append(pw.Ordering(primary_key, direction))
        return query.order_by(*ordering)

    # -- Qt model --------------------------------------------------------------------------------

    def rowCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent=_NO_PARENT) -> bool:
        return not (parent.isValid() or self._exhausted or self._failed or self._changing)

    def fetchMore(self, parent=_NO_PARENT) -> None:
        if not self.canFetchMore(parent):
            return
        try:
            fetched = self._fetch(self._offset, self._page_size)
        except (pw.DatabaseError, pw.InterfaceError) as exc:
            self._failed = True
            self.error.emit(database_message(exc, "读取列表"))
            return
        self._offset += min(len(fetched), self._page_size)
        self._exhausted = len(fetched) <= self._page_size
        # Records added or removed since the last page shift OFFSET: skip ids already shown.
        new_rows = [row for row in fetched[: self._page_size] if row.get_id() not in self._row_of_id]
        if not new_rows:
            return
        first = len(self._rows)
        self._changing = True
        try:
            self.beginInsertRows(_NO_PARENT, first, first + len(new_rows) - 1)
            for row in new_rows:
                self._row_of_id[row.get_id()] = len(self._rows)
                self._rows.append(row)
            self.endInsertRows()
        finally:
            self._changing = False

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # A painted cell asks for seven roles, most of them answered None: one dict lookup decides
        # (a chain of enum comparisons was a third of a list's paint).
        answer = _ROLE_ANSWERS.get(role)
        if answer is None or not index.isValid():
            return None
        row_number, column_number = index.row(), index.column()
        if not (0 <= row_number < len(self._rows) and 0 <= column_number < len(self._columns)):
            return None
        return answer(self._columns[column_number], self._rows[row_number])

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL and show the first page. A column without ``sort_key`` is ignored."""
        if not self.is_sortable(column):
            return
        order = Qt.SortOrder(order)
        if (column, order) == (self._sort_column, self._sort_order):
            return
        previous = self._sort_column, self._sort_order
        self._sort_column, self._sort_order = column, order
        if not self._load(self._page_size):
            self._sort_column, self._sort_order = previous

    # -- internals -------------------------------------------------------------------------------

    def _fetch(self, offset: int, count: int) -> list[Row]:
        """``count`` rows from ``offset``, plus one more if it exists (so we know whether more remain)."""
        return list(self.ordered_query().limit(count + 1).offset(offset))

    def _load(self, count: int) -> bool:
        """Replace the rows by the first ``count`` of the current query; on error keep the old ones."""
        try:
            fetched = self._fetch(0, count)
        except (pw.DatabaseError, pw.InterfaceError) as exc:
            self._failed = True
            self.error.emit(database_message(exc, "读取列表"))
            return False
        self._changing = True
        try:
            self._replace_rows(fetched, count)
        finally:
            self._changing = False
        return True

    def _replace_rows(self, fetched: list[Row], count: int) -> None:
        self.beginResetModel()
        self._rows = []
        self._row_of_id = {}
        for row in fetched[:count]:
            key = row.get_id()
            if key not in self._row_of_id:
                self._row_of_id[key] = len(self._rows)
                self._rows.append(row)
        self._offset = min(len(fetched), count)
        self._exhausted = len(fetched) <= count
        self._failed = False
        self._total = None
        self._generation += 1
        self._counting = None
        self.endResetModel()
