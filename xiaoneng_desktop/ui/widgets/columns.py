"""Columns that fit the screen, a column chooser, and lists and splitters that remember their layout.

``ColumnLayout(table, name, specs)`` gives a list:

- one stretching column (the 事项: 内容摘要, 标题, 来访事由 …) that takes the room the others leave;
- the other columns sized to their content on first show, within the column's own ``width`` (the most
  it gets) and never narrower than the header; if they still do not fit the viewport (a 1024-wide
  screen), they are narrowed — text elided with "…" — so that no horizontal scrolling is needed;
- the less important columns (``optional``) hidden by default; right-click on the header → a checkable
  list of the columns (the column chooser) and 恢复默认列;
- widths and visibility remembered per list, in this PC's settings under ``lists/<name>``.

``remember_splitter(splitter, name, sizes)`` restores a splitter's sizes (else ``sizes``) and saves them
when the user moves it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QSplitter, QTableView

#: The narrowest the stretching column gets before the others are narrowed to make room.
STRETCH_MIN = 160
#: The narrowest any column is narrowed to when fitting the viewport.
FIT_MIN = 44


@dataclass(frozen=True)
class ColumnSpec:
    title: str
    #: the most the column is given when sized to its content (pixels); None = no limit (240)
    width: int | None = None
    #: the 事项 column: takes the remaining width
    stretch: bool = False
    #: hidden by default (shown through the column chooser)
    optional: bool = False


def settings():
    from xiaoneng_desktop.ui.widgets import files

    return files.settings()


class ColumnLayout(QObject):
    """Manages the header of ``table`` (see the module's doc). Kept as ``table.column_layout``.

    Each column has a wanted width (its content within its limit, or what the user dragged it to); the
    width shown is the wanted one narrowed as far as the viewport needs, so that a narrower window
    narrows the columns and a wider one gives them back."""

    def __init__(self, table: QTableView, name: str, specs: Sequence[ColumnSpec]):
        super().__init__(table)
        self.table = table
        self.name = name
        self.specs = list(specs)
        self.key = f"lists/{name}/columns"
        self._applying = False
        self._sized = False
        #: column → the width it should have when there is room
        self.wanted: dict[int, int] = {}
        self.stretch = next((number for number, spec in enumerate(self.specs) if spec.stretch), -1)
        header = table.horizontalHeader()
        self.header = header
        header.setStretchLastSection(self.stretch < 0)
        header.setMinimumSectionSize(30)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        if self.stretch >= 0:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        header.setToolTip("右键单击列标题可选择显示哪些列")
        self._saved = self._read()
        self._apply_defaults()
        header.sectionResized.connect(self._resized)
        # the header's geometry changes when the table is shown and whenever its viewport is resized
        header.geometriesChanged.connect(self._geometry_changed)
        table.column_layout = self

    # -- public ---------------------------------------------------------------------------------

    def is_hidden(self, column: int) -> bool:
        return self.header.isSectionHidden(column)

    def set_hidden(self, column: int, hidden: bool) -> None:
        """Show or hide a column (the chooser's action) and remember it."""
        if column == self.stretch and hidden:
            return
        self._applying = True
        try:
            self.header.setSectionHidden(column, hidden)
        finally:
            self._applying = False
        self.fit()
        self.save()

    def reset(self) -> None:
        """恢复默认列: the default columns, sized to their content."""
        settings().remove(self.key)
        self._saved = {}
        self._apply_defaults()
        self._size_to_contents()
        self.fit()

    def menu(self) -> QMenu:
        """The column chooser: one checkable entry per column, then 恢复默认列."""
        menu = QMenu(self.table)
        for number, spec in enumerate(self.specs):
            action = QAction(spec.title, menu)
            action.setCheckable(True)
            action.setChecked(not self.is_hidden(number))
            action.setEnabled(number != self.stretch)
            action.toggled.connect(lambda checked, n=number: self.set_hidden(n, not checked))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction("恢复默认列", self.reset)
        return menu

    def save(self) -> None:
        state = {}
        for number, spec in enumerate(self.specs):
            entry = {"hidden": self.is_hidden(number)}
            if number in self.wanted:
                entry["width"] = self.wanted[number]
            state[spec.title] = entry
        settings().setValue(self.key, json.dumps(state, ensure_ascii=False))
        self._saved = state

    def fit(self) -> None:
        """Show the wanted widths, narrowing the widest columns as far as the viewport needs."""
        room = self.table.viewport().width()
        if room <= 0 or not self.table.isVisible():
            return
        others = [n for n in range(len(self.specs)) if n != self.stretch and not self.is_hidden(n)]
        widths = {n: self.wanted.get(n, self._limit(n)) for n in others}
        need = STRETCH_MIN if self.stretch >= 0 and not self.is_hidden(self.stretch) else 0
        excess = sum(widths.values()) + need - room
        while excess > 0 and others:
            widest = max(others, key=lambda n: widths[n])
            if widths[widest] <= FIT_MIN:
                break
            second = max((widths[n] for n in others if n != widest), default=FIT_MIN)
            cut = min(excess, max(1, widths[widest] - max(second, FIT_MIN)), widths[widest] - FIT_MIN)
            widths[widest] -= cut
            excess -= cut
        self._applying = True
        try:
            for number, width in widths.items():
                if self.header.sectionSize(number) != width:
                    self.header.resizeSection(number, width)
        finally:
            self._applying = False

    # -- internals ------------------------------------------------------------------------------

    def _read(self) -> dict:
        raw = settings().value(self.key)
        if not raw:
            return {}
        try:
            state = json.loads(str(raw))
        except ValueError:
            return {}
        return state if isinstance(state, dict) else {}

    def _header_width(self, column: int) -> int:
        return self.table.fontMetrics().horizontalAdvance(self.specs[column].title) + 24

    def _limit(self, column: int) -> int:
        return max(self.specs[column].width or 240, self._header_width(column))

    def _apply_defaults(self) -> None:
        self._applying = True
        self.wanted = {}
        try:
            for number, spec in enumerate(self.specs):
                saved = self._saved.get(spec.title)
                hidden = spec.optional if not isinstance(saved, dict) else bool(saved.get("hidden"))
                self.header.setSectionHidden(number, hidden and number != self.stretch)
                if number == self.stretch:
                    continue
                width = saved.get("width") if isinstance(saved, dict) else None
                self.wanted[number] = int(width) if width else self._limit(number)
                self.header.resizeSection(number, self.wanted[number])
        finally:
            self._applying = False

    def _size_to_contents(self) -> None:
        """Each column as wide as its header and shown rows need, up to its limit (an empty list keeps
        the limits: its rows come later)."""
        if self.table.model() is None or self.table.model().rowCount() == 0:
            return
        for number in range(len(self.specs)):
            if number == self.stretch or self.is_hidden(number):
                continue
            content = max(self.table.sizeHintForColumn(number), self._header_width(number))
            self.wanted[number] = min(content, self._limit(number))

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._applying and column != self.stretch:
            self.wanted[column] = new  # the user dragged it
            self.save()

    def _show_menu(self, position: QPoint) -> None:
        self.menu().exec(self.header.mapToGlobal(position))

    def _geometry_changed(self) -> None:
        try:
            if not self.table.isVisible():
                return
            if not self._sized:
                self._sized = True
                if not self._saved:
                    self._size_to_contents()
            self.fit()
        except RuntimeError:  # the table is being deleted
            pass


def specs_of(columns) -> list[ColumnSpec]:
    """ColumnSpecs of sql_table Columns (their title, width, stretch, optional)."""
    return [ColumnSpec(c.title, c.width, getattr(c, "stretch", False), getattr(c, "optional", False))
            for c in columns]


def remember_splitter(splitter: QSplitter, name: str, sizes: Sequence[int]) -> None:
    """Restore the splitter's saved sizes (else ``sizes``) and save them whenever the user moves it."""
    key = f"splitters/{name}"
    state = settings().value(key)
    if not (state and splitter.restoreState(state)):
        splitter.setSizes(list(sizes))
    splitter.splitterMoved.connect(lambda *_: settings().setValue(key, splitter.saveState()))
