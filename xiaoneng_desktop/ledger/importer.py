"""All-or-nothing import of a ledger sheet into a register.

Every row is read (cells.parse) and then checked by the register's own service validation, so an
imported record is one the program's form could have saved. Only when no row has an error are the
records written, in bulk, in one transaction; the report lists every bad cell at once. A row that
equals a stored record in every template column (as the importer parses it) is skipped; a row that
repeats an earlier row of the same file is imported (it may be a second, genuine record) — both are
listed with their row numbers (``ImportReport.notes``), never dropped silently.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from xiaoneng_desktop.core import audit, choices, settings
from xiaoneng_desktop.core.db import atomic
from xiaoneng_desktop.core.models import Setting
from xiaoneng_desktop.core.session import requires
from xiaoneng_desktop.core.validation import ValidationError, mask_id_numbers_in
from xiaoneng_desktop.ledger import cells, converters
from xiaoneng_desktop.ledger.base import Packed, Row
from xiaoneng_desktop.ledger.layouts import LAYOUTS, Layout, layout
from xiaoneng_desktop.ledger.workbook import SheetData, close_header, read_sheet

IMPORTER = "台账导入"
#: Headers that are never data (a running number, blank spacer columns).
IGNORED_HEADERS = ("序号", "编号", "备注", "")
DUPLICATE = "与已有记录的每一列都相同，已跳过"
#: Rows listed in the summary itself; the rest are in ``notes`` (the dialog's table, the CLI's lines).
SHOWN_ROWS = 20


@dataclass
class RowError:
    sheet: str
    row: int
    column: str
    value: str
    reason: str

    def __post_init__(self) -> None:
        # an error report never prints a full 身份证号 (the dialog, the CLI's table, a saved report)
        self.value = mask_id_numbers_in(self.value)
        self.reason = mask_id_numbers_in(self.reason)

    def line(self) -> str:
        where = f"工作表“{self.sheet}”第 {self.row} 行" + (f"“{self.column}”列" if self.column else "")
        return f"{where}" + (f"（{self.value}）" if self.value else "") + f"：{self.reason}"


@dataclass
class ImportReport:
    kind: str
    sheet: str = ""
    rows: int = 0  # data rows that are not blank
    imported: int = 0  # written (or, on a dry run, that would be written)
    duplicates: int = 0
    duplicate_rows: list[int] = field(default_factory=list)
    #: (row, the earlier row of the same file it repeats in every column); imported all the same
    repeats: list[tuple[int, int]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    dry_run: bool = False
    data: SheetData | None = None
    mapping: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def unknown_choices(self) -> dict[str, list[str]]:
        """{list key: the values rows name that are not on the office's list}: what the wizard offers
        to add (core.choices)."""
        found: dict[str, list[str]] = {}
        for error in self.errors:
            unknown = choices.unknown_in(error.reason)
            if unknown and unknown[1] not in found.setdefault(unknown[0], []):
                found[unknown[0]].append(unknown[1])
        return found

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})

    @property
    def notes(self) -> list[RowError]:
        """Every skipped duplicate and every in-file repeat, by row: what the user should look at."""
        lines = [RowError(self.sheet, row, "", "", DUPLICATE) for row in self.duplicate_rows]
        verb = "可以导入" if self.dry_run else "已导入"
        lines += [RowError(self.sheet, row, "", "", f"与本文件第 {first} 行的每一列都相同，{verb}，请核对是否重复录入")
                  for row, first in self.repeats]
        return sorted(lines, key=lambda e: e.row)

    def summary(self) -> str:
        name = LAYOUTS[self.kind].name
        if self.errors:
            return (f"{name}：发现 {len(self.errors)} 处错误（涉及 {self.bad_rows} 行），"
                    "整个文件都没有导入。请改正后重新导入。")
        verb = "可以导入" if self.dry_run else "已导入"
        text = f"{name}：共 {self.rows} 行，{verb} {self.imported} 条"
        if self.duplicates:
            text += f"，{self.duplicates} 条与已有记录重复（每一列都相同），已跳过（{_rows(self.duplicate_rows)}）"
        if self.repeats:
            text += (f"；{len(self.repeats)} 行与本文件中前面的行完全相同，仍{verb}，请核对"
                     f"（{_rows([row for row, _ in self.repeats])}）")
        if self.ignored_columns:
            text += f"；未导入的列：{'、'.join(self.ignored_columns)}"
        return text + ("（试导入，未写入数据）。" if self.dry_run else "。")


def _rows(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:SHOWN_ROWS])
    return f"第 {shown} 行" + (f" 等 {len(numbers)} 行，逐行列在下方" if len(numbers) > SHOWN_ROWS else "")


# -- header mapping ---------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return "".join(str(text or "").split()).replace("（", "(").replace("）", ")").rstrip("*＊:：")


def suggest_mapping(kind: str, headers: list[str], remembered: dict[str, str] | None = None) -> dict[str, str]:
    """{the sheet's header: template title}: remembered choices, the exact title, then common variants."""
    spec = layout(kind)
    titles = spec.titles
    mapping: dict[str, str] = {}
    taken: set[str] = set()

    def give(header: str, title: str) -> None:
        if header not in mapping and title not in taken and title in titles:
            mapping[header] = title
            taken.add(title)

    for header in headers:
        if remembered and header in remembered:
            give(header, remembered[header])
    for header in headers:
        if _norm(header) in titles:
            give(header, _norm(header))
    for header in headers:
        for f in spec.fields:
            if _norm(header) in f.aliases:
                give(header, f.title)
                break
    return mapping


def remembered_mapping(kind: str) -> dict[str, str]:
    row = Setting.get_or_none(Setting.key == f"ledger.mapping.{kind}")
    try:
        value = json.loads(row.value) if row else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def remember_mapping(kind: str, mapping: dict[str, str]) -> None:
    """Keep the user's own header → template column choices for next time (in the data file)."""
    layout(kind)
    own = {h: t for h, t in mapping.items() if _norm(h) != t}
    with atomic():
        settings.write_raw(f"ledger.mapping.{kind}", json.dumps(own, ensure_ascii=False))


def header_errors(spec: Layout, data: SheetData, mapping: dict[str, str],
                  fixed: dict[str, str] | None = None) -> tuple[list[RowError], list[str]]:
    """Missing required template columns (an optional one — 交办对象, 领导批示 … — may simply be absent;
    a column given a ``fixed`` value is not missing), misspelled headers, a column given twice; and the
    ignored headers."""
    fixed = fixed or {}
    errors: list[RowError] = []
    ignored: list[str] = []
    header_row = data.first_row - 1
    other = next((o for o in LAYOUTS.values() if o.sheet == data.sheet and o.kind != spec.kind), None)
    if other is not None and not mapping:
        return [RowError(data.sheet, header_row, "", "", f"这是“{other.name}”台账，不是“{spec.name}”台账，"
                                                        "请选择正确的台账种类")], []
    counts: dict[str, int] = {}
    for header in data.headers:
        counts[header] = counts.get(header, 0) + 1
    for header, count in counts.items():
        if header and count > 1 and header in mapping:
            errors.append(RowError(data.sheet, header_row, header, header, f"表头中“{header}”出现了 {count} 次"))
    mapped = set(mapping.values()) | set(fixed)
    for header in data.headers:
        if header in mapping or _norm(header) in IGNORED_HEADERS:
            continue
        guess = close_header(_norm(header), [t for t in spec.titles if t not in mapped])
        if guess:
            errors.append(RowError(data.sheet, header_row, header, header,
                                   f"列名“{header}”不是模板中的列，是否应为“{guess}”？请改正表头后重新导入"))
        else:
            ignored.append(header)
    for title in spec.titles:
        if title not in mapped and spec.field(title).required and not spec.field(title).may_be_absent:
            errors.append(RowError(data.sheet, header_row, title, "", f"缺少“{title}”列"))
    return errors, ignored


# -- the import -------------------------------------------------------------------------------------

@requires("import")
def import_file(kind: str, path: Path, *, dry_run: bool = False, mapping: dict[str, str] | None = None,
                sheet: str | None = None, progress: Callable[..., None] | None = None,
                fixed: dict[str, str] | None = None) -> ImportReport:
    """Read ``path`` and import it (see import_sheet). LedgerFileError for a file that cannot be read."""
    spec = layout(kind)
    if progress:
        progress(0, 0, "正在读取文件")
    with _no_cycle_collection():
        data = read_sheet(Path(path), sheet, preferred=spec.sheet)
        return import_sheet(kind, data, mapping=mapping, dry_run=dry_run, progress=progress, fixed=fixed)


@contextlib.contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused while a sheet is read, checked and written: it otherwise walks
    every row kept so far again and again (ten years of calls: 0.5 s of 8). The rows make no cycles;
    reference counting frees what they leave."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@requires("import")
def import_sheet(kind: str, data: SheetData, *, mapping: dict[str, str] | None = None, dry_run: bool = False,
                 progress: Callable[..., None] | None = None, fixed: dict[str, str] | None = None) -> ImportReport:
    """``fixed``: {template title: the value every row gets} — for a column the sheet lacks (来电方式 =
    电话); it takes the place of a mapped sheet column of that title."""
    spec = layout(kind)
    fixed = {title: value.strip() for title, value in (fixed or {}).items()
             if title in spec.titles and value and value.strip()}
    if mapping is None:
        mapping = suggest_mapping(kind, data.headers, remembered_mapping(kind))
    mapping = {header: title for header, title in mapping.items() if title not in fixed}
    report = ImportReport(kind, data.sheet, dry_run=dry_run, data=data, mapping=dict(mapping))
    report.errors, report.ignored_columns = header_errors(spec, data, mapping, fixed)
    if report.errors:
        return report
    index = {title: data.headers.index(header) for header, title in mapping.items() if header in data.headers}
    rows: list[Row] = []
    total = len(data.rows)
    # each column's place in the row (None: the fixed value, or absent) and its parser, found once
    plan = [(f.title, index.get(f.title) if f.title not in fixed else None, fixed.get(f.title),
             cells.parser(f, data.exact_times)) for f in spec.fields]
    for offset, raw_row in enumerate(data.rows):
        if _blank_row(raw_row):
            continue
        number = data.first_row + offset
        values = {}
        for title, place, constant, parse in plan:
            value = constant if place is None else raw_row[place]
            try:
                values[title] = parse(value)
            except cells.CellError as exc:
                report.errors.append(RowError(data.sheet, number, title, cells.shown(value), f"{title}{exc}"))
        rows.append(Row(number, raw_row, index, fixed, values))
        if progress and offset % 1000 == 0:
            progress(offset, total * 2, "正在检查")
    report.rows = len(rows)
    bad = {e.row for e in report.errors}
    converter = CONVERTERS[kind]()
    # Checking ten thousand rows takes seconds, so it runs in a read-only snapshot that keeps no other
    # window or PC from saving meanwhile; only the short write at the end holds the write lock. A
    # converter that writes while checking (new 自查活动) holds it throughout instead: one transaction.
    held = atomic() if converter.WRITES_WHILE_CHECKING else contextlib.nullcontext()
    with held:
        packer = Packed()
        keyed, checked_against = _check_rows(converter, report, rows, bad, progress, total, packer, rollback=dry_run)
        report.errors.sort(key=lambda e: (e.row, spec.titles.index(e.column) if e.column in spec.titles else 99))
        report.imported = 0 if report.errors else len(keyed)
        if report.errors or dry_run:
            return report
        if progress:
            progress(total * 2, total * 2, "正在写入")
        rows.clear()  # the parsed rows: only the payloads are written
        with atomic():  # BEGIN IMMEDIATE: waits (busy timeout) for a save in progress elsewhere
            # a record saved elsewhere since the check is a duplicate now, not a second copy
            added = converter.existing_keys() - checked_against
            payloads = Packed()
            payloads.keys = packer.keys
            for key, number, payload in keyed:
                if added[key] > 0:
                    added[key] -= 1
                    report.duplicates += 1
                    report.duplicate_rows.append(number)
                else:
                    payloads.append(payload)
            report.duplicate_rows.sort()
            report.imported = len(payloads)
            converter.write(payloads)
            audit.record("导入台账", converter.table, 0,
                         f"{data.path.name}：{report.imported} 条，跳过重复 {report.duplicates} 条，"
                         f"文件内重复 {len(report.repeats)} 条")
    return report


def _blank_row(read: tuple) -> bool:
    first = read[0] if read else None
    if first is not None and (type(first) is not str or first.strip()):
        return False  # most rows: decided by their first cell
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in read)


def _check_rows(converter, report: ImportReport, rows: list[Row], bad: set[int], progress, total: int,
                packer: Packed, *, rollback: bool) -> tuple[list[tuple[object, int, dict]], Counter]:
    """(key, row number, payload packed by ``packer``) of every good row that is not a duplicate, and
    the stored records' keys it was checked against; errors go to ``report``. What the converter wrote
    while checking is undone on an error or when ``rollback``."""
    keyed: list[tuple[object, int, dict]] = []
    with atomic(immediate=converter.WRITES_WHILE_CHECKING) as transaction, settings.frozen():
        converter.start([r for r in rows if r.number not in bad])
        existing = converter.existing_keys()
        checked_against = Counter(existing)
        seen: dict[tuple, int] = {}  # a key → the first row of this file that has it
        for count, row in enumerate(rows):
            if progress and count % 500 == 0:
                progress(total + count, total * 2, "正在检查")
            if row.number in bad:
                continue
            try:
                payload = converter.prepare(row.values)
                row.values = {}  # only the payload is needed from here: ten years' rows stay within memory
            except ValidationError as exc:
                for name, message in exc.errors.items():
                    title = converter.FIELDS.get(name, "")
                    report.errors.append(RowError(report.sheet, row.number, title,
                                                  cells.shown(row.raw(title)) if title else "", message))
                continue
            key = converter.key(payload)
            first = seen.setdefault(key, row.number)
            if existing[key] > 0:  # each stored record matches one row: two stored, two skipped
                existing[key] -= 1
                report.duplicates += 1
                report.duplicate_rows.append(row.number)
                continue
            if first != row.number:
                report.repeats.append((row.number, first))
            keyed.append((key, row.number, packer.pack(payload)))
        if report.errors or rollback:
            transaction.rollback()
    return keyed, checked_against


CONVERTERS = converters.CONVERTERS
