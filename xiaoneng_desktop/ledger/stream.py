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
import re
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
        self._cells: list[str] | None = None  # column letters, once the data rows are written by row()
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
        """One data row: typed cells; a wrapped row as high as its lines.

        Written as XML straight into the sheet's row file that xlsxwriter streams in constant-memory
        mode (after the title and header rows it wrote itself), with the cells xlsxwriter would write:
        its per-cell path was two thirds of a ten-year export (bench/excel_bench.py)."""
        ws, r = self.ws, self.row_number
        if self._cells is None:
            self._take_over()
        height = ""
        if self.wrap:
            lines = 1
            for number, width in self.wrap.items():
                value = values[number - 1] if number <= len(values) else None
                if isinstance(value, str) and (len(value) * 1.8 > width or "\n" in value):
                    lines = max(lines, _lines(value, width))
            if lines > 1:  # as set_row(r, points) stores it: whole pixels, written in points
                height = f' ht="{int((LINE * lines + 2) * 4 / 3 + 0.5) * 0.75:.16g}" customHeight="1"'
        # one search over the row's text for what XML cannot hold (most rows have none)
        texts = [value for value in values if isinstance(value, str)]
        joined = "\n".join(texts)
        dirty = _illegal().search(joined) is not None or any(len(t) > xlsx.CELL_TEXT_MAX for t in texts)
        escaped = _ESCAPED.search(joined) is not None
        number_row = r + 1
        cells, styles = self._cells, self._styles
        parts = [f'<row r="{number_row}"{height}>']
        for c, value in enumerate(values):
            if value is None:
                continue
            cell = f'r="{cells[c]}{number_row}" s="{styles[c]}"'
            if isinstance(value, str):
                if value:
                    parts.append(_inline(cell, xlsx.clean(value) if dirty else value, escaped))
            elif isinstance(value, bool):
                parts.append(f'<c {cell} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float | decimal.Decimal):
                number = float(value)
                if math.isfinite(number):
                    parts.append(f'<c {cell}><v>{number:.16G}</v></c>')
                else:
                    parts.append(_inline(cell, str(value), escaped))
            elif isinstance(value, dt.datetime | dt.date):
                style = self._moment if isinstance(value, dt.datetime) else self._date
                parts.append(f'<c r="{cells[c]}{number_row}" s="{style}"><v>{_serial(value):.16G}</v></c>')
            else:
                parts.append(_inline(cell, xlsx.clean(str(value)), True))
        parts.append("</row>")
        ws.fh.write("".join(parts))
        if values:
            ws.dim_colmax = max(ws.dim_colmax or 0, len(values) - 1)
            ws.dim_colmin = 0 if ws.dim_colmin is None else ws.dim_colmin
        ws.dim_rowmin = r if ws.dim_rowmin is None else ws.dim_rowmin
        ws.dim_rowmax = r
        ws.previous_row = r + 1  # nothing left for xlsxwriter to write at close
        self.row_number += 1

    def _take_over(self) -> None:
        """xlsxwriter writes out the last row it holds (the header); the data rows are ours from here."""
        from xlsxwriter.utility import xl_col_to_name

        self.ws._write_single_row(self.row_number)
        columns = max(len(self.widths), 64)
        self._cells = [xl_col_to_name(c) for c in range(columns)]
        self._styles = [self.formats[c + 1]._get_xf_index() if c + 1 in self.formats else 0 for c in range(columns)]
        self._date, self._moment = self.date._get_xf_index(), self.moment._get_xf_index()

    def autofilter(self, first_row: int) -> None:
        """The filter over the header (row ``first_row``, from 1) and the rows below it."""
        self.ws.autofilter(first_row - 1, 0, max(self.row_number - 1, first_row - 1), max(len(self.widths) - 1, 0))


#: What a cell's text needs beyond &, < and >: xlsxwriter's escapes of control characters and of a
#: literal "_x0041_" (which Excel would read as "A"), and xml:space for spaces at either end.
_ESCAPED = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$", re.MULTILINE)


def _inline(cell: str, text: str, escaped: bool) -> str:
    """An inline-string cell as xlsxwriter's constant-memory mode writes it."""
    space = ""
    if escaped:
        from xlsxwriter.utility import _preserve_whitespace
        from xlsxwriter.xmlwriter import XMLwriter

        text = XMLwriter._escape_control_characters(text)
        space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c {cell} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _serial(value: dt.date) -> float:
    """Excel's day number, exactly as xlsxwriter's write_datetime counts it."""
    from xlsxwriter.utility import _datetime_to_excel_datetime

    return _datetime_to_excel_datetime(value.replace(tzinfo=None) if isinstance(value, dt.datetime) else value,
                                       False, True)


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
