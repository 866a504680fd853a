"""One base for every register's tab (值班记录, 公文流转, 来访接待, 五查自查's 整改台账).

The base owns what the four registers share: the SQL-backed list and its filter bar, the lists of
open items above it, the 30-second repaint of countdowns, Ctrl+N, the right-click menu, 作废 with a
reason, opening a record asked for by id (the dashboard's double-click), printing and saving the
record's single-page form, 导出Excel, and ``data_changed``. A register supplies a ``RegisterSpec``
(columns, query, getter, form, texts) and the few methods only it can know: what a new record is
(``new_record``), what opening one means (``activate``), its own buttons and menu entries.

``MainWindow`` talks to a register only through this interface: ``new_record()``, ``focus_search()``,
``refresh()``, ``open_record(id)``, ``unsaved_work()`` / ``save_work()`` and ``data_changed``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.core import session
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ui.widgets import record_forms
from xiaoneng_desktop.ui.widgets.columns import remember_splitter
from xiaoneng_desktop.ui.widgets.filter_bar import Filters
from xiaoneng_desktop.ui.widgets.highlight import set_search_text
from xiaoneng_desktop.ui.widgets.inputs import literal, push_button
from xiaoneng_desktop.ui.widgets.reason_dialog import ReasonDialog
from xiaoneng_desktop.ui.widgets.record_dialog import open_dialog
from xiaoneng_desktop.ui.widgets.register_view import RegisterView, list_table
from xiaoneng_desktop.ui.widgets.sql_table import Column, SqlTableModel
from xiaoneng_desktop.ui.widgets.tab_widget import TabWidget

#: How often countdowns are repainted against the clock (no SQL: ``touch_columns``).
TICK_MS = 30_000

Record = Any  # a register's peewee model instance, as its service's getter returns it


@dataclass(frozen=True)
class RecordForm:
    """A register's single-record form (电话记录单, 文件处理单, 来访登记表, 整改通知/销号单)."""

    #: The form's name: menu entries "打印{name}…" and "{name}存为PDF…", the save dialog's title.
    name: str
    #: The function of ``reports.forms`` that draws one record's PDF (imported only when asked for:
    #: reportlab is not loaded at start-up).
    maker: str
    #: What tells one record's form from another: the print preview's title is "{name} {subject}",
    #: the suggested file name "{name}_{day}_{id}".
    subject: Callable[[Record], str]
    #: Said after the print button's tip ("，供领导签批").
    about: str = ""
    print_text: str = "打印(&P)…"

    def make(self, record: Record) -> bytes:
        import importlib

        return getattr(importlib.import_module("xiaoneng_desktop.reports.forms"), self.maker)(record)

    def preview_title(self, record: Record) -> str:
        return f"{self.name} {self.subject(record)}"

    def file_name(self, record: Record, day: dt.date | None = None) -> str:
        """"电话记录单_2026-10-09_12": the form, the record's day and its number; without a day, the
        subject's words instead. Letters, digits, "-" and "_" only: a valid file name on every system."""
        name = "-".join(re.findall(r"\w+", self.name))
        if day is not None:
            return f"{name}_{day:%Y-%m-%d}_{record.id}"
        words = re.findall(r"\w+", f"{self.subject(record)}")
        return "_".join([name, "-".join(words), str(record.id)] if words else [name, str(record.id)])


@dataclass(frozen=True)
class RegisterSpec:
    """What one register tells the base about itself."""

    #: The title of its messages ("值班记录").
    title: str
    #: What one record is called ("来电记录"), with its measure word ("条"): "请先在列表中选择一条来电记录。",
    #: "作废来电记录", "打印所选来电记录的电话记录单".
    thing: str
    measure: str
    columns: Sequence[Column]
    statuses: Sequence[str]
    #: The service's query: ``query(text, date_from, date_to, status, **extra_filters)``.
    query: Callable[..., pw.Select]
    #: The service's ``get_X(id)``: the record, or ValidationError when it is gone.
    get: Callable[[int], Record]
    #: The service's 作废: ``void(record_id, reason, actor)``.
    void: Callable[[int, str, str], object]
    #: The day a record is listed under (to find an old record by narrowing the list to that day).
    day: Callable[[Record], dt.date]
    form: RecordForm
    #: The sheet and suggested file name of 导出Excel.
    export_name: str
    #: The ledger kinds 导出Excel… also offers in the template's layout (导出台账（可再导入）).
    ledger_kinds: tuple[str, ...] = ()
    void_prompt: str = "作废后记录仍保留，并记入操作日志。请填写作废原因："
    void_text: str = "作废"
    default_sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.DescendingOrder)
    order_prefix: Callable[[], list] | None = None
    #: The columns that read the clock (repainted by ``tick``).
    tick_columns: Sequence[int] = field(default_factory=tuple)
    #: What writing in the register needs (core.session.PERMISSIONS); a role without it sees the
    #: register's write actions disabled and opens records read-only. "" = anyone.
    permission: str = ""

    @property
    def no_selection(self) -> str:
        """Said when an action needs a selected row and there is none."""
        return f"请先在列表中选择一{self.measure}{self.thing}。"

    @property
    def void_title(self) -> str:
        return f"作废{self.thing}"


class RegisterTab(QWidget):
    """A register's tab: list, filters, actions. Subclasses set ``spec`` and implement ``new_record``
    and ``activate``; they lay ``self.view`` and ``self.buttons(...)`` out as they like."""

    #: A record was added or changed (the dashboard and other views refresh on it).
    data_changed = Signal()

    spec: RegisterSpec

    #: What only the register knows: ``new_record()`` (Ctrl+N: the form for a new record) and
    #: ``activate(record_id)`` (double-click or Enter on a row: the record's main dialog).
    REQUIRED = ("new_record", "activate")

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        missing = [name for name in cls.REQUIRED if not callable(getattr(cls, name, None))]
        if missing:
            raise TypeError(f"{cls.__name__} lacks {', '.join(missing)}")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        spec = self.spec
        self.filters = Filters(status=spec.statuses[0])
        #: The tab's pages (``set_pages``) and the one that shows the register; None for a one-page tab.
        self.pages: TabWidget | None = None
        self.register_page: QWidget | None = None
        #: (table, model) of every list of this register, the full register first.
        self.lists: list[tuple[QTableView, SqlTableModel]] = []
        #: The list the user was in last (focus): the buttons act on its selected row.
        self.active_table: QTableView | None = None
        self.make_extra_filters()
        options = {"order_prefix": spec.order_prefix} if spec.order_prefix is not None else {}
        self.model = SqlTableModel(spec.columns, self._query, default_sort=spec.default_sort, parent=self,
                                   **options)
        self.view = RegisterView(self.model, list(spec.statuses), self, name=f"{spec.title}/登记簿")
        self.view.export_name = spec.export_name
        self.view.ledger_kinds = tuple(spec.ledger_kinds)
        self.view.filters_changed.connect(self.apply_filters)
        self.view.activated.connect(self.activate)
        self._add_list(self.view.table, self.model)

        form = spec.form
        self.void_button = push_button(self, spec.void_text, self.void_selected)
        self.print_button = push_button(self, form.print_text, self.print_record_form,
                                        tip=f"打印所选{spec.thing}的{form.name}{form.about}")
        self.pdf_button = push_button(self, "存为PDF…", self.save_record_form,
                                      tip=f"把所选{spec.thing}的{form.name}存为 PDF 文件")
        self.history_button = push_button(self, "修改记录…", self.show_history,
                                          tip=f"所选{spec.thing}的每一次登记、修改、作废等操作（谁、何时、改了什么）")
        #: The buttons that write (the register's own and 作废), disabled for a role without the permission.
        self.write_buttons: list[QPushButton] = [self.void_button]

        shortcut = QShortcut(QKeySequence("Ctrl+N"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.can_write() and self.new_record())
        self.timer = QTimer(self)
        # only while on screen (a hidden tab runs no SQL); showEvent catches up
        self.timer.timeout.connect(lambda: self.isVisible() and self.tick())
        self.timer.start(TICK_MS)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.tick()  # the countdowns moved while the tab was hidden

    # --- what a register supplies -------------------------------------------------------------------

    def menu_actions(self) -> list[tuple[str, Callable[[], object]]]:
        """The register's own entries of the row menu, above 作废, print and save."""
        return []

    def make_extra_filters(self) -> None:
        """Build the register's own filter widgets (read by ``extra_filters``) before the first query."""

    def extra_filters(self) -> dict[str, Any]:
        """Keyword arguments for the service's query beyond text, dates and status."""
        return {}

    def reset_extra_filters(self) -> None:
        """Clear the register's own filters (a record asked for by id must not stay hidden)."""

    def update_summary(self) -> None:
        """Re-read the counts and headers shown around the list (after a change, and on the tick)."""

    def refresh_pages(self) -> None:
        """Re-read the tab's other pages (roster, reception days …)."""

    def show_register(self) -> None:
        """Bring the register's list to the front (a tab with several pages turns to it)."""
        if self.pages is not None:
            self.pages.setCurrentWidget(self.register_page)

    def actor(self) -> str:
        """Who acts, for the operation log (the officer on duty, the receptionist …)."""
        return ""

    def void_prompt(self, record: Record) -> str | None:
        """The question of the 作废 dialog; None when the record cannot be voided (after saying why)."""
        return self.spec.void_prompt

    def unsaved_work(self) -> list[str]:
        """What the tab's own pages hold typed but not saved (its entry dialogs ask for themselves), named
        for the question before quitting or opening another data file; [] when nothing."""
        return []

    def save_work(self) -> bool:
        """Save what ``unsaved_work`` named; False when a save is refused (the tab shows where and why)."""
        return True

    def show_found(self, record: Record) -> QDialog | None:
        """``open_record`` found and selected the record: open what the user would open by double-click."""
        return self.activate(record.id)

    # --- lists --------------------------------------------------------------------------------------

    def _add_list(self, table: QTableView, model: SqlTableModel) -> None:
        self.lists.append((table, model))
        record_forms.row_menu(table, self._fill_menu, self)
        table.installEventFilter(self)  # FocusIn: the buttons act on this list from now on

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusIn:
            for table, _model in self.lists:
                if watched is table:
                    self.active_table = table
        return super().eventFilter(watched, event)

    def open_list(self, query: Callable[[], pw.Select], sort_column: int, name: str) -> tuple[SqlTableModel,
                                                                                              QTableView, QGroupBox]:
        """A list of the open items above the register (nearest deadline first), in a titled box."""
        model = SqlTableModel(self.spec.columns, query, page_size=100,
                              default_sort=(sort_column, Qt.SortOrder.AscendingOrder), parent=self)
        table = list_table(model, self, name=f"{self.spec.title}/{name}")
        table.setObjectName("open_table")
        table.setAccessibleName(name)
        table.doubleClicked.connect(lambda index: self.activate(model.id_at(index.row())))
        self._add_list(table, model)
        box = QGroupBox(self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(table)
        return model, table, box

    def build_register_page(self, register_title: str, *above: QWidget | QLayout) -> QWidget:
        """The register's page: ``above`` (header rows, buttons), then the open items (``open_list``)
        over the whole register in a box titled ``register_title``, split so that both stay in view."""
        box = QGroupBox(register_title, self)
        QVBoxLayout(box).addWidget(self.view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.open_box)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        # room for a shift's open items (eight rows at 1366×768) above the register; remembered
        remember_splitter(splitter, f"{self.spec.title}/未办结", [330, 420])
        page = QWidget(self)
        layout = QVBoxLayout(page)
        for part in above:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(splitter, 1)
        return page

    def set_pages(self, register_page: QWidget, *pages: tuple[QWidget, str], register_name: str,
                  register_index: int = 0) -> None:
        """The tab as pages: the register's at ``register_index``, the other ``(page, name)`` around it."""
        self.register_page = register_page
        self.pages = TabWidget(self)
        for page, name in pages:
            self.pages.addTab(page, name)
        self.pages.insertTab(register_index, register_page, register_name)
        self.pages.setCurrentIndex(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

    def _query(self) -> pw.Select:
        f = self.filters
        return self.spec.query(f.text, f.date_from, f.date_to, f.status or self.spec.statuses[0],
                               **self.extra_filters())

    def apply_filters(self, filters: Filters | None = None) -> None:
        """The filter bar (or one of the register's own filters) changed: query again."""
        if filters is not None:
            self.filters = filters
        for table, _model in self.lists:  # the search's words marked in every list of the register
            set_search_text(table, self.filters.text)
        self.model.set_query(self._query)

    def reload(self) -> None:
        """Read every list of the register again, then its counts."""
        for _table, model in self.lists:
            model.refresh()
        self.update_summary()

    def refresh(self) -> None:
        """F5 and "settings changed": everything the tab shows is read again."""
        self.reload()
        self.refresh_pages()

    def refresh_quietly(self) -> None:
        """Another PC or program saved something: read everything again without moving the user — every
        list keeps its selected record and scroll position; the filter bar is not touched (its half-typed
        text stays), and pages holding unsaved input are left alone."""
        from PySide6.QtCore import QItemSelectionModel

        kept = []
        for table, model in self.lists:
            selection = table.selectionModel()
            rows = selection.selectedRows() if selection is not None else []
            kept.append((table, model, model.id_at(rows[0].row()) if rows else None,
                         table.verticalScrollBar().value(), table.horizontalScrollBar().value()))
        self.reload()
        if not self.unsaved_work():
            self.refresh_pages()
        for table, model, record_id, down, across in kept:
            row = model.row_of_id(record_id) if record_id is not None else None
            selection = table.selectionModel()
            if row is not None and selection is not None and not selection.selectedRows():
                selection.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
            table.doItemsLayout()  # the scroll range of the rows read again, before going back
            table.verticalScrollBar().setValue(down)
            table.horizontalScrollBar().setValue(across)

    def tick(self) -> None:
        """The clock moved: repaint the countdowns; an item may have become due or overdue."""
        for _table, model in self.lists:
            model.touch_columns(list(self.spec.tick_columns))
        self.update_summary()

    def record_changed(self, record_id: int | None = None) -> None:
        """A record was saved: read the lists again, select it, and tell the other views."""
        self.reload()
        if record_id is not None:
            self.view.select_id(record_id)
        self.data_changed.emit()

    def focus_search(self) -> None:
        self.show_register()
        self.view.focus_search()

    # --- the selected record ------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        """The record selected in the list that has the focus, or had it last (an open-items list or the
        register): a button click takes the focus, so "last" is what the user chose. When that list has
        nothing selected (a saved item left it), the register's selection."""
        lists = sorted(self.lists, key=lambda pair: (not pair[0].hasFocus(), pair[0] is not self.active_table))
        table, model = lists[0]
        rows = table.selectionModel().selectedRows() if table.selectionModel() is not None else []
        if rows:
            return model.id_at(rows[0].row())
        return self.view.current_id()

    def find(self, record_id: int) -> Record | None:
        """The record, or None when it is gone (deleted or never there)."""
        return record_forms.found(self.spec.get, record_id)

    def selected_record(self) -> Record | None:
        return self.record(self.selected_id())

    def record(self, record_id: int | None) -> Record | None:
        """The record, or None after telling the user why there is none (nothing selected, or gone)."""
        if record_id is None:
            self.no_selection()
            return None
        try:
            return self.spec.get(record_id)
        except ValidationError as exc:
            QMessageBox.information(self, self.spec.title, literal(str(exc)))
            return None

    def no_selection(self) -> None:
        QMessageBox.information(self, self.spec.title, self.spec.no_selection)

    # --- actions ------------------------------------------------------------------------------------

    def buttons(self, *own: QPushButton) -> QHBoxLayout:
        """The row of buttons above the list: the register's own (they write: disabled for a role
        without the register's permission, unless a button names its own in its "permission"
        property), then 作废, print, save and 修改记录."""
        row = QHBoxLayout()
        self.write_buttons = [*own, self.void_button]
        for button in (*own, self.void_button, self.print_button, self.pdf_button, self.history_button):
            row.addWidget(button)
        row.addStretch(1)
        self.apply_permission()
        return row

    def can_write(self, permission: str | None = None) -> bool:
        """Whether the current actor may write in the register (or has ``permission``; several,
        comma-separated, mean any of them: 办理 is the secretary's, and the leader's for 批办)."""
        permission = self.spec.permission if permission is None else permission
        return not permission or any(session.can(p.strip()) for p in permission.split(","))

    def apply_permission(self) -> None:
        """Enable the write actions for a role that may write, disable them for one that only reads
        (also after a sign-in)."""
        for button in self.write_buttons:
            allowed = self.can_write(button.property("permission") or None)
            button.setEnabled(allowed)
            if not allowed:
                button.setToolTip(f"当前用户（{session.current().role}）只能查看{self.spec.title}")

    def _fill_menu(self, menu: QMenu) -> None:
        writes = self.can_write()
        for text, action, *permission in self.menu_actions():  # (text, action[, its own permission])
            menu.addAction(text, action).setEnabled(self.can_write(permission[0]) if permission else writes)
        menu.addAction("作废…", self.void_selected).setEnabled(writes)
        menu.addSeparator()
        name = self.spec.form.name
        menu.addAction(f"打印{name}…", self.print_record_form)
        menu.addAction(f"{name}存为PDF…", lambda: self.save_record_form())
        menu.addAction("修改记录…", self.show_history)

    def open_dialog(self, dialog: QDialog, select: int | None = None, *, read_only: str = "") -> QDialog:
        """Open ``dialog`` over the tab; once it saves, the lists are read again and the record is
        selected (``select``, else the dialog's saved id). ``read_only`` — a title such as
        "来访登记（已作废：重复登记）" — shows a record that takes no more changes, without its save button."""
        if not read_only and not self.can_write(getattr(dialog, "permission", None)):
            read_only = f"{dialog.windowTitle()}（只读）"
        if read_only:
            dialog.setWindowTitle(read_only)
            dialog.ui.button_box.setEnabled(False)
        return open_dialog(dialog, lambda: self.record_changed(select if select is not None else dialog.saved_id))

    def void_selected(self) -> ReasonDialog | None:
        """作废 the selected record, with a reason (it stays in the lists, greyed, and in the log)."""
        record = self.selected_record()
        if record is None:
            return None
        prompt = self.void_prompt(record)
        if prompt is None:
            return None
        record_id = record.id
        return self.open_dialog(ReasonDialog(self.spec.void_title, prompt,
                                             lambda reason: self.spec.void(record_id, reason, self.actor()), self),
                                select=record_id)

    def show_history(self) -> QDialog | None:
        """修改记录 of the selected record: every line of the audit log about it, read-only."""
        from xiaoneng_desktop.ui.widgets.history_dialog import HistoryDialog

        record = self.selected_record()
        if record is None:
            return None
        dialog = HistoryDialog(record._meta.table_name, record.id, f"{self.spec.thing} {record.id}", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_record(self, record_id: int) -> QDialog | None:
        """Show the record in the register (filters cleared if they hide it), select it and open it —
        for the dashboard's double-click. None when it does not exist."""
        record = self.find(record_id)
        if record is None:
            return None
        self.show_register()
        record_forms.reveal(self.view, record.id, lambda: self.model.contains(record.id),
                            reset=self.reset_extra_filters, day=self.spec.day(record))
        self.view.table.setFocus()
        self.active_table = self.view.table
        return self.show_found(record)

    def print_record_form(self):
        """Qt's print preview of the selected record's form — the same PDF that 存为PDF writes."""
        record = self.selected_record()
        if record is None:
            return None
        form = self.spec.form
        return record_forms.print_form(self, lambda: form.make(record), form.preview_title(record))

    def save_record_form(self, path: str | None = None) -> Path | None:
        """The selected record's form as a PDF file (asked where unless ``path``), opened in the viewer."""
        record = self.selected_record()
        if record is None:
            return None
        form = self.spec.form
        return record_forms.save_form(self, lambda: form.make(record), form.name,
                                      form.file_name(record, self.spec.day(record)), path)

    def export_excel(self, target: str | None = None):
        """导出Excel: the filtered register, every row of the query."""
        return self.view.export_excel(target)


def voided_title(name: str, record: Record) -> str:
    """"来访登记（已作废：重复登记）" for a voided record — ``open_dialog``'s read-only title — else ""."""
    return f"{name}（已作废：{record.void_reason}）" if record.voided_at is not None else ""
