"""The .xlsx side: checking a file before openpyxl sees it, reading one sheet, writing a template,
a register in the template's layout, any list as the table shows it, and the error report with the
bad cells highlighted. openpyxl is imported inside the functions."""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xiaoneng_desktop.core import errors, settings, xlsx
from xiaoneng_desktop.core.files import write_atomically
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.ledger.layouts import CHOICE, DATE, DATETIME, INT, MAX_ROWS, TYPE_NAMES, Layout

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADER_FILL = "DDE7F3"
BAD_FILL = "FFC7CE"
INSTRUCTIONS = "填写说明"


class LedgerFileError(ValidationError):
    """A file that cannot be read as a ledger: the message says why, in Chinese."""

    def __init__(self, message: str):
        super().__init__("file", message)


@dataclass
class SheetData:
    """One sheet as read: its name, the header row (row 1) and the data rows (from row 2)."""

    path: Path
    sheet: str
    sheets: list[str]
    headers: list[str]
    rows: list[tuple] = field(default_factory=list)
    first_row: int = 2
    #: written by this program's export (EXPORT_MARK): its times are exact, midnight included, where a
    #: date typed by hand into a time column means the end of that day
    exact_times: bool = False


#: The custom document property an export carries (kept by Excel and WPS when the file is saved again).
EXPORT_MARK = "xiaoneng-export"


def _exported_here(path: Path) -> bool:
    """The file carries EXPORT_MARK (Excel reads a time of 00:00 as a date alone: only the mark tells
    a record closed at midnight from a date typed by hand)."""
    try:
        with zipfile.ZipFile(path) as book:
            if "docProps/custom.xml" not in book.namelist():
                return False
            with book.open("docProps/custom.xml") as member:
                return f'name="{EXPORT_MARK}"'.encode() in member.read(100_000)
    except (OSError, zipfile.BadZipFile):
        return False


_MB = 1024 * 1024
#: A member this large that shrank more than this is a "zip bomb", not a sheet people typed: ordinary
#: sheets compress 5–30 times, a bomb of repeated bytes a thousand times.
MAX_RATIO = 200
RATIO_CHECKED_ABOVE = 10 * _MB


#: What one cell of a sheet costs while an import reads, checks and writes it (measured on 108,916
#: twelve-column calls: 261–287 MB at the peak, all of it included: ~200 bytes; with room for longer
#: texts) — the row limit follows.
BYTES_PER_CELL = 250
MEMORY_MB = 1000


def cells_for(memory_mb: int) -> int:
    """The cells a sheet may have so that its import stays within ``memory_mb``."""
    return memory_mb * _MB // BYTES_PER_CELL


@dataclass(frozen=True)
class ImportLimits:
    file_bytes: int = 50 * _MB
    #: rows × columns of the sheet's area (what the reader holds): the rows follow from the columns
    cells: int = cells_for(MEMORY_MB)
    unzipped_bytes: int = 500 * _MB

    @classmethod
    def from_settings(cls) -> ImportLimits:
        """The office's limits (stored in the data file, which must be open)."""
        return cls(settings.get("ledger.max_file_mb") * _MB, cells_for(settings.get("ledger.max_memory_mb")),
                   settings.get("ledger.max_unzipped_mb") * _MB)

    def rows_for(self, columns: int) -> int:
        return self.cells // max(columns, 1)


def _check_archive(path: Path, archive: zipfile.ZipFile, limits: ImportLimits) -> None:
    """Refuse a file whose parts would unpack too big, from the zip's directory alone (nothing unpacked)."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > RATIO_CHECKED_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise LedgerFileError(f"文件“{path.name}”中的“{info.filename}”解压后有 {info.file_size / _MB:,.0f} MB，"
                                  f"压缩比异常（{info.file_size // max(info.compress_size, 1):,} 倍），"
                                  "不像正常的台账，已拒绝导入")
    if total > limits.unzipped_bytes:
        raise LedgerFileError(f"文件“{path.name}”解压后有 {total / _MB:,.0f} MB，超过上限 "
                              f"{limits.unzipped_bytes / _MB:,.0f} MB，已拒绝导入。请按年度拆分成几个文件分别导入")


_ROW_REF = re.compile(rb"<row\b[^>]*?\br=\"(\d+)\"")
_CELL_REF = re.compile(rb"<c\b[^>]*?\br=\"([A-Z]{1,3})\d")


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + char - 64
    return number


def _sheet_area(archive: zipfile.ZipFile, member: str, cells: int) -> tuple[int, int]:
    """(rows, columns) of a sheet's area as a reader lays it out (the last row and the rightmost column
    any cell names, or the cells counted where they name none), read from the raw XML (nothing
    parsed); it stops as soon as rows × columns passes ``cells``. A sheet's own <dimension> is not
    trusted: a reader sizes its grid by the cells it finds. Read to its end, the member's CRC is
    checked too (zipfile raises BadZipFile)."""
    rows = last_row = columns = 0
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            text = tail + chunk
            rows += text.count(b"<row ") + text.count(b"<row>") - tail.count(b"<row ") - tail.count(b"<row>")
            last_row = max(last_row, max(map(int, _ROW_REF.findall(text)), default=0))
            letters = set(_CELL_REF.findall(text))  # findall, not a loop per cell: a million cells
            if letters:
                columns = max(columns, _column_number(max(letters, key=lambda v: (len(v), v))))
            if max(rows, last_row) * max(columns, 1) > cells:
                break
            tail = text[-64:]
    return max(rows, last_row), max(columns, 1)


def _sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → the title the user sees, read from the workbook's small index parts (a
    pattern, not an XML parser: nothing in them is resolved or expanded); {} when they are unusual."""
    try:
        book = archive.read("xl/workbook.xml")[:1_000_000].decode("utf-8", errors="replace")
        rels = archive.read("xl/_rels/workbook.xml.rels")[:1_000_000].decode("utf-8", errors="replace")
    except KeyError:
        return {}
    targets = {}
    for tag in re.findall(r"<Relationship\b[^>]*>", rels):
        found = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        if "Id" in found and "Target" in found:
            targets[found["Id"]] = "xl/" + found["Target"].lstrip("/").removeprefix("xl/")
    titles = {}
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        name = re.search(r'\bname="([^"]*)"', tag)
        rid = re.search(r'\br:id="([^"]*)"', tag) or re.search(r'\b\w+:id="([^"]*)"', tag)
        if name and rid and rid.group(1) in targets:
            titles[targets[rid.group(1)]] = html.unescape(name.group(1))
    return titles


def _check_members(archive: zipfile.ZipFile, limits: ImportLimits) -> str | None:
    """Refuse a sheet too big for ``limits``; the name of the first member that does not unpack
    intact (zipfile's testzip, but each sheet is unpacked once, for its size and its CRC together)."""
    titles = None
    for member in archive.namelist():
        try:
            if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                rows, columns = _sheet_area(archive, member, limits.cells)
                if rows * columns > limits.cells:
                    titles = _sheet_titles(archive) if titles is None else titles
                    raise _too_many_rows(titles.get(member, member.rsplit("/", 1)[-1].removesuffix(".xml")),
                                         limits.rows_for(columns), columns)
            else:
                with archive.open(member) as stream:
                    while stream.read(1 << 20):
                        pass
        except (zipfile.BadZipFile, zlib.error):  # a CRC that does not match, a damaged deflate stream
            return member
    return None


def check_file(path: Path, limits: ImportLimits | None = None) -> None:
    """LedgerFileError unless ``path`` looks like an .xlsx a person can import (within ``limits``,
    checked before anything is unpacked)."""
    path = Path(path)
    limits = limits or ImportLimits()
    if not path.exists():
        raise LedgerFileError(f"找不到文件“{path}”")
    if path.is_dir():
        raise LedgerFileError(f"“{path}”是文件夹，请选择一个 Excel 文件")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LedgerFileError(f"无法读取文件“{path.name}”：{exc.strerror or exc}") from exc
    if size > limits.file_bytes:
        raise LedgerFileError(f"文件“{path.name}”有 {size / _MB:,.1f} MB，超过导入上限 {limits.file_bytes / _MB:,.0f} MB。"
                              "请按年度拆分成几个文件分别导入")
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
            handle.seek(0)
            whole = handle.read(2_000_000) if head.startswith(OLE_MAGIC) else b""
    except OSError as exc:
        raise LedgerFileError(f"无法读取文件“{path.name}”：{exc.strerror or exc}") from exc
    if not head:
        raise LedgerFileError(f"文件“{path.name}”是空的（0 字节）")
    if head.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in whole or b"EncryptedPackage" in whole:
            raise LedgerFileError(f"文件“{path.name}”设有打开密码，程序无法读取。请在 Excel 或 WPS 中打开，"
                                  "取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再导入")
        raise LedgerFileError(f"文件“{path.name}”是旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 中打开，"
                              "“另存为”Excel 工作簿（.xlsx）后再导入")
    if not head.startswith(b"PK"):
        sample = head.decode("utf-8", errors="ignore") or head.decode("gbk", errors="ignore")
        if any(sep in sample for sep in (",", "\t", "，")) and "\x00" not in sample:
            raise LedgerFileError(f"文件“{path.name}”其实是 CSV 或文本文件，只是扩展名改成了 .xlsx。"
                                  "请在 Excel 或 WPS 中打开它，“另存为”Excel 工作簿（.xlsx）后再导入")
        raise LedgerFileError(f"文件“{path.name}”不是 Excel 工作簿（.xlsx），无法导入")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            _check_archive(path, archive, limits)
            bad = _check_members(archive, limits)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise LedgerFileError(f"文件“{path.name}”已损坏（不是完整的 .xlsx 压缩包），请重新保存或找回原文件") from exc
    if bad is not None:
        raise LedgerFileError(f"文件“{path.name}”已损坏（其中的“{bad}”无法解压），请重新保存或找回原文件")
    if "xl/workbook.xml" not in names:
        raise LedgerFileError(f"文件“{path.name}”不是 Excel 工作簿（可能是 Word 或其他 Office 文件）")


def read_sheet(path: Path, sheet: str | None = None, preferred: str = "",
               limit: int | None = None, limits: ImportLimits | None = None) -> SheetData:
    """One sheet: ``sheet`` if given, else ``preferred`` if the file has it, else the first sheet.
    ``limit`` reads only so many data rows (a preview); ``limits`` default to the office's settings.
    Read by python-calamine (Rust): 100,000 rows in about 2 s, where openpyxl takes 15."""
    path = Path(path)
    limits = limits or ImportLimits.from_settings()
    check_file(path, limits)
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own kinds for damaged parts
        # the file's fault, not the program's: no bug cause (the CLI would exit 1 and log a traceback)
        raise LedgerFileError(f"文件“{path.name}”已损坏或格式不对，无法打开（{type(exc).__name__}）") from None
    try:
        names = list(book.sheet_names)
        if not names:
            raise LedgerFileError(f"文件“{path.name}”中没有工作表")
        if sheet is None:
            sheet = preferred if preferred in names else names[0]
        elif sheet not in names:
            raise LedgerFileError(f"文件“{path.name}”中没有名为“{sheet}”的工作表（有：{'、'.join(names)}）")
        return _read_rows(path, book, sheet, names, limit, limits)
    finally:
        book.close()


def _too_many_rows(sheet: str, rows: int, columns: int) -> LedgerFileError:
    return LedgerFileError(f"工作表“{sheet}”超过 {rows:,} 行（{columns} 列），超出一次导入可用的内存。"
                           "请按年度拆分成几个文件分别导入")


def _cell(value):
    """A cell as the importer expects it (as openpyxl gave it): None for an empty cell, a whole
    number as an int."""
    if value == "":
        return None
    if type(value) is float and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _read_rows(path: Path, book, sheet: str, names: list[str], limit: int | None,
               limits: ImportLimits) -> SheetData:
    """The header and data rows; a sheet calamine cannot read is the file's fault, told in Chinese."""
    try:
        found = book.get_sheet_by_name(sheet)
        columns = max(found.width, 1)
        if limit is None and found.height * columns > limits.cells:
            raise _too_many_rows(sheet, limits.rows_for(columns), columns)
        # row by row: never the whole sheet as Python lists beside the rows kept
        grid = found.iter_rows() if limit is None else iter(found.to_python(skip_empty_area=False,
                                                                              nrows=limit + 50))
    except LedgerFileError:
        raise
    except Exception as exc:
        raise LedgerFileError(f"工作表“{sheet}”的内容无法读取（{type(exc).__name__}）。文件可能已损坏，"
                              "或某个单元格的值不是 Excel 能识别的数字（如 NaN）。"
                              "请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入") from None
    header_number = 0  # iter_rows, like to_python(skip_empty_area=False), begins at row 1
    headers: list[str] = []
    for header_row in grid:
        header_number += 1
        if any(_blank(_cell(v)) is False for v in header_row):
            headers = [("" if _cell(v) is None else " ".join(str(v).split())) for v in header_row]
            break
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise LedgerFileError(f"工作表“{sheet}”是空的：第 1 行应为表头（列名），下面每行一条记录")
    data = SheetData(path, sheet, names, headers, first_row=header_number + 1, exact_times=_exported_here(path))
    width = len(headers)
    rows = data.rows
    # A short text is kept once however often it recurs (来电方式, 事项类别, a name, a unit): ten years of a
    # register repeat a few hundred of them, a sixth of the sheet's memory as read.
    shared: dict[str, str] = {}
    padding = (None,) * width
    for row in grid:
        # _cell inlined (a million cells): "" → None, a whole float → int; short texts shared
        values = [(shared.setdefault(v, v) if len(v) <= 16 else v) if type(v) is str and v else
                  None if v == "" else
                  int(v) if type(v) is float and v.is_integer() and abs(v) < 2**53 else v
                  for v in row[:width]]
        rows.append(tuple(values) + padding[len(values):])
        if limit is not None and len(rows) >= limit:
            break
    del grid
    while rows and all(_blank(v) for v in rows[-1]):
        rows.pop()
    if not rows and limit is None:
        raise LedgerFileError(f"工作表“{sheet}”只有表头，没有数据行")
    return data


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def close_header(header: str, titles: Sequence[str]) -> str | None:
    found = difflib.get_close_matches(header, titles, n=1, cutoff=0.6)
    return found[0] if found else None


# -- writing ------------------------------------------------------------------------------------------

def _header(ws, titles: Sequence[str], widths: Sequence[int], page_title: str = "") -> None:
    """The header in row 1 and core.xlsx's page setup. A sheet that may be imported again must begin
    with its header: its title (``page_title``) is printed in the page header instead of a title row."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="8EA9C1")
    for number, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = xlsx.put(ws, 1, number, title)  # a person's own header may begin with "="
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=thin)
        ws.column_dimensions[get_column_letter(number)].width = width
    xlsx.print_setup(ws, header_row=1, landscape=True, page_title=page_title or xlsx.title_text(ws.title))


def _wrap_columns(widths: Sequence[int]) -> list[int]:
    """The columns (numbers from 1) wide enough to hold long text: they wrap instead of being cut off."""
    return [number for number, width in enumerate(widths, start=1) if width >= xlsx.WRAP_WIDTH]


def _layout_sheet(book, layout: Layout, rows: Iterable[Sequence] = (),
                  progress: Callable[..., None] | None = None, total: int = 0, period: str = "") -> None:
    """The template's layout; the title (office, ``period``, sheet) only in the page header, so that
    the sheet still begins with its header and imports again."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = book.active
    ws.title = layout.sheet
    _header(ws, layout.titles, [f.width for f in layout.fields], xlsx.title_text(layout.sheet, period))
    wrapped = _wrap_columns([f.width for f in layout.fields])
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, spec in enumerate(layout.fields, start=1):
        letter = get_column_letter(number)
        cells = f"{letter}2:{letter}{MAX_ROWS + 1}"
        if spec.type == CHOICE:
            options = spec.options()  # an office's own list may grow: a new value is not refused in Excel
            check = DataValidation(type="list", formula1='"' + ",".join(options) + '"',
                                   allow_blank=not spec.required,
                                   showErrorMessage=spec.title != "密级" and not spec.choice_list,
                                   errorTitle="不在可选范围内", error=f"{spec.title}只能选：{'、'.join(options)}")
        elif spec.type in (DATE, DATETIME):
            check = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                                   showErrorMessage=False, promptTitle=spec.title,
                                   prompt="如 2026-10-08" + (" 14:05" if spec.type == DATETIME else ""),
                                   showInputMessage=True)
        elif spec.type == INT:
            check = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="1", allow_blank=True,
                                   showErrorMessage=True, error=f"{spec.title}应为正整数")
        else:
            continue
        ws.add_data_validation(check)
        check.add(cells)
    formats = {number: ("yyyy-mm-dd hh:mm" if spec.type == DATETIME else "yyyy-mm-dd")
               for number, spec in enumerate(layout.fields, start=1) if spec.type in (DATE, DATETIME)}
    text_columns = [number for number, spec in enumerate(layout.fields, start=1)
                    if spec.title in ("身份证号", "联系电话", "文号", "发文字号")]
    for letter_number in text_columns:
        ws.column_dimensions[get_column_letter(letter_number)].number_format = "@"
    for count, row in enumerate(rows, start=1):
        xlsx.append(ws, row)  # text stays text: never a live formula
        for number, fmt in formats.items():
            ws.cell(row=count + 1, column=number).number_format = fmt
        for number in text_columns:
            ws.cell(row=count + 1, column=number).number_format = "@"
        for number in wrapped:
            ws.cell(row=count + 1, column=number).alignment = wrap
        if progress is not None and count % 500 == 0:
            progress(count, total, "正在写出")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(layout.fields))}{max(ws.max_row, 1)}"
    notes = book.create_sheet(INSTRUCTIONS)
    _header(notes, ["列名", "必填", "填写格式", "可选值", "说明"], [14, 6, 16, 40, 60])
    for spec in layout.fields:
        xlsx.append(notes, [spec.title, "是" if spec.required else "", TYPE_NAMES[spec.type],
                      "、".join(spec.options()), spec.note])
    notes.append([])
    notes.append(["", "", "", "", f"第 1 行是表头，请勿修改列名；每行一条记录，最多 {MAX_ROWS:,} 行。"])
    notes.append(["", "", "", "", "日期可写成 2026-10-08、2026/10/8 或 2026年10月8日；时间写成 14:05。"])
    notes.append(["", "", "", "", "导入时全部检查：只要有一行有误，整个文件都不导入，并列出所有错误。"])
    xlsx.wrap_cells(notes, _wrap_columns([14, 6, 16, 40, 60]), 2)


def write_template(layout: Layout, target: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    _layout_sheet(book, layout)
    return _save(book, target)


#: The rows below the header a template's checks (drop-down lists, dates) cover: the whole sheet.
CHECKED_ROWS = 1_048_575


def _write_streamed(target: Path, fill: Callable) -> None:
    """``fill(book)`` into a streamed workbook at a temporary name, then moved onto ``target``: a
    cancelled or failed export leaves no partial file."""
    from xiaoneng_desktop.ledger import stream

    def write(partial: Path) -> None:
        book = stream.open_book(partial)
        try:
            fill(book)
        finally:
            stream.close(book)  # also after a cancel: the temporary files go; write_atomically removes the rest

    target = Path(target)
    try:
        write_atomically(target, write)
    except PermissionError as exc:
        raise LedgerFileError(f"无法写入“{target}”：文件可能正在 Excel 或 WPS 中打开，请关闭后重试") from exc
    except OSError as exc:
        raise LedgerFileError(errors.describe(exc, "写入", f"文件“{target}”").text) from exc


def _checks(ws, layout: Layout) -> None:
    """The template's drop-down lists and date / number checks (xlsxwriter), for every row below the header."""
    for number, spec in enumerate(layout.fields):
        if spec.type == CHOICE:
            options = spec.options()
            check = {"validate": "list", "source": list(options), "ignore_blank": not spec.required,
                     "show_error": spec.title != "密级" and not spec.choice_list, "error_title": "不在可选范围内",
                     "error_message": f"{spec.title}只能选：{'、'.join(options)}"[:255]}
            if len(",".join(options)) > 255:  # Excel's limit for a list typed into the check
                continue
        elif spec.type in (DATE, DATETIME):
            check = {"validate": "date", "criteria": ">", "value": dt.date(1900, 1, 1), "show_error": False,
                     "input_title": spec.title[:32],
                     "input_message": "如 2026-10-08" + (" 14:05" if spec.type == DATETIME else "")}
        elif spec.type == INT:
            check = {"validate": "integer", "criteria": ">=", "value": 1, "error_message": f"{spec.title}应为正整数"}
        else:
            continue
        ws.data_validation(1, number, CHECKED_ROWS, number, check)


def _stream_layout(book, layout: Layout, rows: Iterable[Sequence], progress: Callable[..., None] | None,
                   total: int, period: str) -> int:
    from xiaoneng_desktop.ledger import stream

    widths = [f.width for f in layout.fields]
    text_columns = [number for number, spec in enumerate(layout.fields, start=1)
                    if spec.title in ("身份证号", "联系电话", "文号", "发文字号")]
    sheet = stream.Sheet(book, layout.sheet, widths, text_columns=text_columns, wrap_columns=_wrap_columns(widths))
    stream.page_setup(sheet.ws, header_row=1, landscape=True, page_title=xlsx.title_text(layout.sheet, period))
    _checks(sheet.ws, layout)
    sheet.header(layout.titles)
    count = 0
    for row in rows:
        sheet.row(row)
        count += 1
        if progress is not None and count % 1000 == 0:
            progress(count, total, f"已导出 {count:,} / {total:,} 行")
    sheet.autofilter(1)
    note_widths = [14, 6, 16, 40, 60]
    notes = stream.Sheet(book, INSTRUCTIONS, note_widths, wrap_columns=_wrap_columns(note_widths))
    stream.page_setup(notes.ws, header_row=1, landscape=True, page_title=xlsx.title_text(INSTRUCTIONS))
    notes.header(["列名", "必填", "填写格式", "可选值", "说明"])
    for spec in layout.fields:
        notes.row([spec.title, "是" if spec.required else "", TYPE_NAMES[spec.type], "、".join(spec.options()),
                   spec.note])
    notes.row([])
    notes.row(["", "", "", "", "第 1 行是表头，请勿修改列名；每行一条记录。"])
    notes.row(["", "", "", "", "日期可写成 2026-10-08、2026/10/8 或 2026年10月8日；时间写成 14:05。"])
    notes.row(["", "", "", "", "导入时全部检查：只要有一行有误，整个文件都不导入，并列出所有错误。"])
    return count


def write_layout(layout: Layout, target: Path, rows: Iterable[Sequence],
                 progress: Callable[..., None] | None = None, period: str = "", total: int | None = None) -> int:
    """The register in its template's layout, streamed row by row (``rows`` may be a generator over
    the SQL; ``total`` for the progress); ``period`` (the date range in words) goes into the page
    header. ``progress`` may raise to cancel: no file is left. Returns the rows written."""
    if total is None:
        total = len(rows) if isinstance(rows, Sequence) else 0
    written = []

    def fill(book) -> None:
        book.set_custom_property(EXPORT_MARK, "机关效能管理系统导出")
        written.append(_stream_layout(book, layout, rows, progress, total, period))

    _write_streamed(target, fill)
    if progress is not None:
        progress(written[0], total, f"已导出 {written[0]:,} / {total:,} 行")
    return written[0]


def write_table(target: Path, sheet: str, titles: Sequence[str], rows: Iterable[Sequence],
                total: int = 0, progress: Callable[..., None] | None = None,
                widths: Sequence[int] | None = None, period: str = "") -> int:
    """Any list as shown: a title row (office, ``period``, the list's name), the header row, one row
    per record (dates, times and numbers typed as such, long text wrapped), frozen header, filter, and
    core.xlsx's page setup; streamed row by row. Returns the rows."""
    from xiaoneng_desktop.ledger import stream

    widths = list(widths or [16] * len(titles))
    count = [0]

    def fill(book) -> None:
        out = stream.Sheet(book, _sheet_name(sheet), widths, wrap_columns=_wrap_columns(widths))
        stream.page_setup(out.ws, header_row=2, landscape=sum(widths) > 100)
        out.title(xlsx.title_text(sheet, period), len(titles))
        out.header(titles)
        for row in rows:
            out.row(row)
            count[0] += 1
            if progress is not None and count[0] % 1000 == 0:
                progress(count[0], total, f"已导出 {count[0]:,} / {total:,} 行")
        out.autofilter(2)

    _write_streamed(target, fill)
    return count[0]


def _sheet_name(text: str) -> str:
    for char in "[]:*?/\\":
        text = text.replace(char, " ")
    return text.strip()[:31] or "台账"


def write_errors(target: Path, data: SheetData | None, errors: Sequence, mapping: dict[str, str] | None = None) -> Path:
    """The error report: a sheet listing every error, and the rows as read with the bad cells in red."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "错误清单"
    _header(ws, ["工作表", "行号", "列", "内容", "原因"], [14, 8, 14, 30, 60],
            xlsx.title_text(f"{data.path.name if data is not None else '台账'}导入错误清单"))
    for error in errors:
        xlsx.append(ws, [error.sheet, error.row, error.column, error.value, error.reason])
    xlsx.wrap_cells(ws, _wrap_columns([14, 8, 14, 30, 60]), 2)
    if data is not None:
        copy = book.create_sheet(_sheet_name(data.sheet + "（标出错误）"))
        _header(copy, data.headers, [16] * len(data.headers))
        for row in data.rows:  # a report never holds a full 身份证号: the rows' numbers are masked
            xlsx.append(copy, [_masked(value) for value in row])
        red = PatternFill("solid", fgColor=BAD_FILL)
        column_of = {h: i for i, h in enumerate(data.headers, start=1) if h}
        reverse = {title: header for header, title in (mapping or {}).items()}
        for error in errors:
            header = reverse.get(error.column, error.column)
            number = column_of.get(header)
            if number is None or error.row < data.first_row:
                continue
            cell = copy.cell(row=error.row - data.first_row + 2, column=number)
            cell.fill = red
            cell.comment = Comment(error.reason, "台账导入")
    return _save(book, target)


def _masked(value):
    from xiaoneng_desktop.core.validation import mask_id_numbers_in

    if isinstance(value, str):
        return mask_id_numbers_in(value)
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) >= 15:
        return mask_id_numbers_in(str(value))
    return value


def _save(book, target: Path) -> Path:
    target = Path(target)
    try:
        write_atomically(target, book.save)  # a temporary name first: nothing half-written is left
    except PermissionError as exc:
        raise LedgerFileError(f"无法写入“{target}”：文件可能正在 Excel 或 WPS 中打开，请关闭后重试") from exc
    except OSError as exc:
        raise LedgerFileError(errors.describe(exc, "写入", f"文件“{target}”").text) from exc
    return target
