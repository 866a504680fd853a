"""Every .xlsx the program writes puts values through here, so that what people typed stays text.

openpyxl takes a str that begins with "=" for a formula (and "#N/A"-like ones for error values): a
ledger row "=HYPERLINK(...)" or "=cmd|' /C calc'!A0" would go out live and the program's own export would
not import again. A str is written as a string cell (never an ``<f>`` element), without the control
characters XML 1.0 cannot hold, and no longer than a cell can. openpyxl is imported inside the
functions, so start-up never pays for it."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

#: Excel's limit for the text of one cell.
CELL_TEXT_MAX = 32_767


def clean(text: str) -> str:
    """``text`` without the characters an .xlsx cannot hold (the file would be malformed)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)[:CELL_TEXT_MAX]


def set_value(cell, value):
    """``cell.value = value``, except that a str is stored as text, as typed; a date or a time is
    stored as one, shown as 2026-10-08 / 2026-10-08 14:05. Returns the cell."""
    if isinstance(value, str):
        cell.value = clean(value)
        cell.data_type = "s"  # after the assignment: openpyxl made "=…" a formula, "#N/A" an error
    else:
        cell.value = value
        if isinstance(value, dt.datetime):
            cell.number_format = DATE_TIME
        elif isinstance(value, dt.date):
            cell.number_format = DATE
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


# -- how every sheet prints -----------------------------------------------------------------------------

DATE = "yyyy-mm-dd"
DATE_TIME = "yyyy-mm-dd hh:mm"
PERCENT = "0.0%"
#: The footer of every printed page (Excel's &P page, &N pages).
FOOTER = "第 &P 页 共 &N 页"
#: A column this wide (in characters) or wider holds long text: its cells wrap instead of being cut off.
WRAP_WIDTH = 30


def office_name() -> str:
    """The office's name from the settings; "" when no data file is open (a blank template)."""
    from xiaoneng_desktop.core import settings

    try:
        return str(settings.get("office.name"))
    except Exception:  # no database bound: the title simply goes without it
        return ""


def title_text(sheet_name: str, period: str = "") -> str:
    """The title above a sheet's header: office, month or date range, sheet name."""
    return "　".join(part for part in (office_name(), period, sheet_name) if part)


def period_text(date_from=None, date_to=None) -> str:
    """A date range in words (2026年10月1日至2026年10月31日); "" for no range."""
    def day(value) -> str:
        return f"{value.year}年{value.month}月{value.day}日"

    if date_from is None and date_to is None:
        return ""
    if date_from is not None and date_to is not None:
        return day(date_from) if date_from == date_to else f"{day(date_from)}至{day(date_to)}"
    return f"{day(date_from)}起" if date_from is not None else f"截至{day(date_to)}"


def title_row(sheet, text: str, columns: int, row: int = 1) -> None:
    """``text`` as the sheet's title in ``row`` (bold, larger, across ``columns`` columns). A write-only
    sheet gets it appended (it must be the next row) and not merged."""
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment, Font

    font, alignment = Font(bold=True, size=14), Alignment(horizontal="center", vertical="center")
    if not hasattr(sheet, "merge_cells"):  # write-only: nothing can be merged or changed afterwards
        cell = set_value(Cell(sheet, row=1, column=1), text)
        cell.font, cell.alignment = font, Alignment(horizontal="left", vertical="center")
        sheet.append([cell])
        return
    cell = put(sheet, row, 1, text)
    cell.font, cell.alignment = font, alignment
    if columns > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    sheet.row_dimensions[row].height = 24


def print_setup(sheet, *, header_row: int, title_rows: str | None = None, landscape: bool = False,
                page_title: str = "") -> None:
    """How a sheet prints, the same for every workbook the program writes: A4, fit to the page's
    width (as many pages down as needed), the rows ``title_rows`` (default: row 1 to the header row)
    repeated on every page, "第 N 页 共 M 页" in the footer, the header frozen on screen.
    ``page_title`` goes into the page header, for a sheet that carries no title row (a ledger that is
    imported again must begin with its header)."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4; a write-only sheet lacks the name)
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    properties = sheet.sheet_properties
    if properties.pageSetUpPr is None:
        properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    else:
        properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.print_title_rows = title_rows or f"1:{header_row}"
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.5
    margins.top = margins.bottom = 0.75
    margins.header = margins.footer = 0.3
    sheet.oddFooter.center.text = FOOTER
    sheet.oddFooter.center.size = 9
    if page_title:
        sheet.oddHeader.center.text = page_title.replace("&", "&&")
        sheet.oddHeader.center.size = 10
    sheet.freeze_panes = f"A{header_row + 1}"


def wrap_cells(sheet, columns, first_row: int, last_row: int | None = None) -> None:
    """Wrap the text of ``columns`` (numbers) from ``first_row`` down (a normal sheet's cells)."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    last_row = sheet.max_row if last_row is None else last_row
    widths = {column: sheet.column_dimensions[get_column_letter(column)].width or 8.43 for column in columns}
    last_column = sheet.max_column  # once: openpyxl counts it over every cell (sheet[row] did, per row)
    for row in range(first_row, last_row + 1):
        lines = 1
        for column in columns:
            cell = sheet.cell(row=row, column=column)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, str):
                lines = max(lines, wrapped_lines(cell.value, widths[column]))
        if lines > 1:
            (cells,) = sheet.iter_rows(min_row=row, max_row=row, min_col=1, max_col=last_column)
            for cell in cells:  # the row's short cells at its top too, beside the wrapped text
                if cell.column not in widths:
                    old = cell.alignment
                    cell.alignment = Alignment(horizontal=old.horizontal, vertical="top", wrap_text=old.wrap_text)
            # Excel fits wrapped rows itself on opening; LibreOffice and WPS print the stored height,
            # so a wrapped row gets the height of its lines (15 points each at the default 11-point font)
            current = sheet.row_dimensions[row].height or 0
            sheet.row_dimensions[row].height = max(current, 15 * lines + 2)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide (a Chinese character is
    two of them, as Excel measures)."""
    room = max(1.0, width)
    total = 0
    for line in text.split("\n"):
        used = sum(1.8 if ord(char) > 0x2E80 else 1 for char in line)  # as LibreOffice and WPS print it
        total += max(1, math.ceil(used / room))
    return total


def typed_cells(sheet, values: Iterable, wrap: Iterable[int] = ()) -> list:
    """``row_cells`` with dates and times in their number formats and the columns ``wrap`` (numbers,
    from 1) wrapped: for a write-only sheet, whose cells cannot be styled once appended."""
    from openpyxl.styles import Alignment

    wrapped = set(wrap)
    cells = row_cells(sheet, values)
    for number, cell in enumerate(cells, start=1):
        if cell is not None and number in wrapped and isinstance(cell.value, str):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cells
