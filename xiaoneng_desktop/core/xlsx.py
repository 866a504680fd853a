"""Every .xlsx the program writes puts values through here, so that what people typed stays text.

openpyxl takes a str that begins with "=" for a formula (and "#N/A"-like ones for error values): a
ledger row "=HYPERLINK(...)" or "=cmd|' /C calc'!A0" would go out live and the program's own export would
not import again. A str is written as a string cell (never an ``<f>`` element), without the control
characters XML 1.0 cannot hold, and no longer than a cell can. openpyxl is imported inside the
functions, so start-up never pays for it."""

from __future__ import annotations

from collections.abc import Iterable

#: Excel's limit for the text of one cell.
CELL_TEXT_MAX = 32_767


def clean(text: str) -> str:
    """``text`` without the characters an .xlsx cannot hold (the file would be malformed)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)[:CELL_TEXT_MAX]


def set_value(cell, value):
    """``cell.value = value``, except that a str is stored as text, as typed. Returns the cell."""
    if isinstance(value, str):
        cell.value = clean(value)
        cell.data_type = "s"  # after the assignment: openpyxl made "=…" a formula, "#N/A" an error
    else:
        cell.value = value
    return cell


def put(sheet, row: int, column: int, value):
    """``sheet.cell(row, column, value)`` through ``set_value``."""
    return set_value(sheet.cell(row=row, column=column), value)


def row_cells(sheet, values: Iterable) -> list:
    """``values`` as cells of ``sheet`` for ``sheet.append`` (a normal or a write-only sheet): every value
    its own cell, so a write-only sheet never reuses one, and every str a string cell."""
    from openpyxl.cell.cell import Cell

    # row and column are placeholders that append() replaces (a write-only sheet prints a cell's
    # coordinate on the way, so it needs one)
    return [None if value is None else set_value(Cell(sheet, row=1, column=1), value) for value in values]


def append(sheet, values: Iterable) -> None:
    sheet.append(row_cells(sheet, values))
