"""A sheet written row by row to disk (xlsxwriter's constant-memory mode): a register of ten years
goes out in seconds in a few tens of MB, instead of an openpyxl workbook holding every cell.

Measured on 108,000 twelve-column rows on the 2-core machine: xlsxwriter constant_memory 22 s / 21 MB,
openpyxl write-only with WriteOnlyCell 49 s / 39 MB (bench/excel_bench.py measures the whole export).

The cells keep what core/xlsx.py promises for every workbook: a str is written as a string (never a
formula, "=…" stays text), without the characters XML cannot hold (xlsx.clean); dates and times typed
with their number formats; A4, fit to width, header rows repeated, "第 &P 页 共 &N 页", frozen header;
long-text columns wrapped with row heights that fit their lines (LibreOffice and WPS print the stored
height). xlsxwriter is imported inside the functions, so start-up never pays for it."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Sequence

from xiaoneng_desktop.core import xlsx

HEADER_FILL = "#DDE7F3"
BORDER = "#8EA9C1"
#: one line of the default 11-point font, in points (as core.xlsx.wrap_cells counts)
LINE = 15


def open_book(path):
    """A workbook that streams each sheet's rows to a temporary file as they come."""
    import xlsxwriter

    return xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False, "nan_inf_to_errors": False, "remove_timezone": True})


def close(book) -> None:
    """Write the workbook out; a failure to write is the OSError it was (full disk, no permission)."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        book.close()
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, OSError):
            raise cause from None
        raise OSError(str(exc)) from exc


def page_setup(ws, *, header_row: int, landscape: bool, page_title: str = "") -> None:
    """core.xlsx.print_setup for an xlsxwriter sheet: rows 1..``header_row`` repeat on every page."""
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0, header_row - 1)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    ws.set_footer("&C&9" + xlsx.FOOTER, {"margin": 0.3})
    if page_title:
        ws.set_header("&C&10" + page_title.replace("&", "&&"), {"margin": 0.3})
    ws.freeze_panes(header_row, 0)


class Sheet:
    """One streamed sheet: ``header`` then ``row`` for each record, in order."""

    def __init__(self, book, name: str, widths: Sequence[float], *, text_columns: Sequence[int] = (),
                 wrap_columns: Sequence[int] = ()):
        self.book, self.ws = book, book.add_worksheet(name)
        self.widths = list(widths)
        self.row_number = 0  # the next row (from 0)
        self.text_columns = set(text_columns)  # numbers from 1: "@" (身份证号, 电话 stay text in Excel)
        self.wrap = {c: widths[c - 1] for c in wrap_columns}
        top = {"valign": "top"}
        self.formats = {}
        for number in range(1, len(self.widths) + 1):
            spec = dict(top)
            if number in self.text_columns:
                spec["num_format"] = "@"
            if number in self.wrap:
                spec["text_wrap"] = True
            self.formats[number] = book.add_format(spec)
        self.date = book.add_format({**top, "num_format": xlsx.DATE})
        self.moment = book.add_format({**top, "num_format": xlsx.DATE_TIME})
        for number, width in enumerate(self.widths):
            column_format = book.add_format({"num_format": "@"}) if number + 1 in self.text_columns else None
            self.ws.set_column(number, number, width, column_format)

    def title(self, text: str, columns: int) -> None:
        """The title row (bold, 14 points, across ``columns`` columns)."""
        fmt = self.book.add_format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
        self.ws.set_row(self.row_number, 24)
        if columns > 1:
            self.ws.merge_range(self.row_number, 0, self.row_number, columns - 1, xlsx.clean(text), fmt)
        else:
            self.ws.write_string(self.row_number, 0, xlsx.clean(text), fmt)
        self.row_number += 1

    def header(self, titles: Sequence[str]) -> None:
        fmt = self.book.add_format({"bold": True, "bg_color": HEADER_FILL, "align": "center", "valign": "vcenter",
                                    "text_wrap": True, "bottom": 1, "bottom_color": BORDER})
        for number, title in enumerate(titles):
            self.ws.write_string(self.row_number, number, xlsx.clean(str(title)), fmt)
        self.row_number += 1

    def row(self, values: Sequence) -> None:
        """One data row: typed cells; a wrapped row as high as its lines."""
        ws, r, formats = self.ws, self.row_number, self.formats
        if self.wrap:
            lines = 1
            for number, width in self.wrap.items():
                value = values[number - 1] if number <= len(values) else None
                if isinstance(value, str) and (len(value) * 1.8 > width or "\n" in value):
                    lines = max(lines, _lines(value, width))
            if lines > 1:
                ws.set_row(r, LINE * lines + 2)
        # one search over the row's text for what XML cannot hold (most rows have none)
        texts = [value for value in values if isinstance(value, str)]
        dirty = _illegal().search("\n".join(texts)) is not None or any(len(t) > xlsx.CELL_TEXT_MAX for t in texts)
        for c, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, str):
                if value:
                    ws.write_string(r, c, xlsx.clean(value) if dirty else value, formats.get(c + 1))
            elif isinstance(value, bool):
                ws.write_boolean(r, c, value, formats.get(c + 1))
            elif isinstance(value, int | float | decimal.Decimal):
                number = float(value)
                if math.isfinite(number):
                    ws.write_number(r, c, number, formats.get(c + 1))
                else:
                    ws.write_string(r, c, str(value), formats.get(c + 1))
            elif isinstance(value, dt.datetime):
                ws.write_datetime(r, c, value.replace(tzinfo=None), self.moment)
            elif isinstance(value, dt.date):
                ws.write_datetime(r, c, value, self.date)
            else:
                ws.write_string(r, c, xlsx.clean(str(value)), formats.get(c + 1))
        self.row_number += 1

    def autofilter(self, first_row: int) -> None:
        """The filter over the header (row ``first_row``, from 1) and the rows below it."""
        self.ws.autofilter(first_row - 1, 0, max(self.row_number - 1, first_row - 1), max(len(self.widths) - 1, 0))


def _illegal():
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # the pattern core.xlsx.clean removes

    return ILLEGAL_CHARACTERS_RE


def _lines(text: str, width: float) -> int:
    """core.xlsx.wrapped_lines, counted from the UTF-8 length for a text of one line (a wide character
    is 3 bytes: 1.8 columns) — the per-character loop is a tenth of the whole export."""
    if "\n" in text:
        return xlsx.wrapped_lines(text, width)
    wide = (len(text.encode("utf-8")) - len(text)) / 2
    return max(1, math.ceil((len(text) + 0.8 * wide) / max(1.0, width)))
