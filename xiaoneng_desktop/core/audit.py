"""Who did what: every change a user makes leaves a line here, in the same transaction.

The actor is always the signed-in account (core.session), never a name typed into a form; a change
lists each field old → new. The program only ever adds lines: nothing here updates or deletes one.
No full 身份证号 is ever written here (masked on the way in).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import peewee as pw

from xiaoneng_desktop.core import clock, session
from xiaoneng_desktop.core.models import AuditLog
from xiaoneng_desktop.core.validation import mask_id_numbers_in

#: One field's change: (label, old, new) as shown to a person.
Change = tuple[str, str, str]


def _values(action: str, table: str, record_id: int, detail: str = "", changes: Iterable[Change] = ()) -> dict:
    rows = [[label, mask_id_numbers_in(old), mask_id_numbers_in(new)] for label, old, new in changes]
    return dict(at=clock.now(), actor=session.actor_name(), action=action, table=table,
                record_id=record_id, detail=mask_id_numbers_in(detail),
                changes=json.dumps(rows, ensure_ascii=False) if rows else "")


def record(action: str, table: str, record_id: int, detail: str = "",
           changes: Iterable[Change] = ()) -> AuditLog:
    return AuditLog.create(**_values(action, table, record_id, detail, changes))


def record_in_file(path: Path | str, action: str, table: str, record_id: int, detail: str = "") -> None:
    """The same line, written into the data file at ``path`` over a connection of its own: for a backup
    (taken off the window's thread) and a restore (the program's connection is closed meanwhile, and
    the line belongs in the restored file, not in the one it replaced)."""
    from xiaoneng_desktop.core.db import busy_timeout_ms

    db = pw.SqliteDatabase(str(path), pragmas={"busy_timeout": busy_timeout_ms()})
    try:
        values = _values(action, table, record_id, detail)
        del values["changes"]  # none here, and a file restored from an older version has no such column
        with db.atomic(lock_type="IMMEDIATE"):
            AuditLog.insert(**values).bind(db).execute()
    finally:
        db.close()


def shown(value) -> str:
    """A value as a person reads it in the log."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        # a deadline given as a date ends at 23:59:59 of that day: show the date
        return f"{value:%Y-%m-%d}" if value.time() == dt.time(23, 59, 59) else f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, pw.Model):
        return str(value)
    return str(value)


def diff(row: pw.Model, new: Mapping[str, object], labels: Mapping[str, str],
         show: Callable[[str, object], str] | None = None) -> list[Change]:
    """The fields of ``row`` that ``new`` changes, as (label, old, new); fields missing from
    ``labels`` are not compared. ``show(key, value)`` overrides how a value reads (e.g. a
    department's name for its id)."""
    show = show or (lambda key, value: shown(value))
    changes = []
    for key, label in labels.items():
        if key not in new:
            continue
        field = row._meta.fields[key]
        old = getattr(row, field.object_id_name if isinstance(field, pw.ForeignKeyField) else key)
        value = new[key]
        if isinstance(value, pw.Model):
            value = value.get_id()
        if old != value:
            changes.append((label, show(key, old), show(key, value)))
    return changes


def changes_of(line: AuditLog) -> list[Change]:
    return [tuple(change) for change in json.loads(line.changes)] if line.changes else []


def described(line: AuditLog) -> str:
    """The line's detail and its changes in one text: "字段：旧 → 新；…"."""
    parts = [line.detail] if line.detail else []
    parts += [f"{label}：{old} → {new}" for label, old, new in changes_of(line)]
    return "；".join(parts)


def history(table: str, record_id: int) -> list[AuditLog]:
    return list(
        AuditLog.select()
        .where((AuditLog.table == table) & (AuditLog.record_id == record_id))
        .order_by(AuditLog.at, AuditLog.id)
    )


def correction_reason(reason: str) -> str:
    """The reason of a 更正 (a change to a closed record), for every register: it needs the role's
    "correct" permission and a reason, which goes into the 更正 line."""
    from xiaoneng_desktop.core.validation import clean_text

    session.require("correct")
    return clean_text(reason, "更正原因", field="correct_reason", max_len=200, required=True)


def correctable(row, closed: bool, thing: str = "该记录", open_state: str = "尚未办结"):
    """The record a 更正 may change: not voided, and closed (an open one is simply edited)."""
    from xiaoneng_desktop.core.validation import ValidationError, live

    row = live(row, "id", f"{thing}已作废，不能更正")
    if not closed:
        raise ValidationError("id", f"{thing}{open_state}，请直接修改")
    return row


def void(load, reason: str, *, table: str, already: str, detail=None, also=None):
    """作废 instead of delete, for every register: the record stays (greyed in its lists) and the
    reason goes into this log, in one transaction. ``load()`` fetches the record inside it;
    ``also(record)`` adjusts whatever else voiding means for that register; ``detail(record)`` is
    the log text (the reason by default)."""
    from xiaoneng_desktop.core.db import atomic
    from xiaoneng_desktop.core.validation import clean_text, live

    reason = clean_text(reason, "作废原因", field="void_reason", max_len=200, required=True)
    with atomic():
        row = live(load(), "void_reason", already)
        row.voided_at, row.void_reason = clock.now(), reason
        if also is not None:
            also(row)
        row.save()
        record("作废", table, row.id, detail(row) if detail else reason)
    return row


# ---------------------------------------------------------------------- reading the log (管理员)


def lines_query(start: dt.date | None = None, end: dt.date | None = None, actor: str = "", action: str = "",
                table: str = "", text: str = "") -> pw.ModelSelect:
    """The log's lines from ``start`` to ``end`` (days, both included), of one actor, action and table
    when given, whose content holds ``text``; unordered (the list sorts, ``export_lines`` by time)."""
    from xiaoneng_desktop.core.db import contains

    session.require("audit.read")
    query = AuditLog.select()
    if start is not None:
        query = query.where(AuditLog.at >= dt.datetime.combine(start, dt.time()))
    if end is not None:
        query = query.where(AuditLog.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    for field, value in ((AuditLog.actor, actor), (AuditLog.action, action), (AuditLog.table, table)):
        if value:
            query = query.where(field == value)
    if text.strip():
        query = query.where(contains(AuditLog.detail, text.strip()) | contains(AuditLog.changes, text.strip()))
    return query


def distinct(field: pw.Field) -> list[str]:
    """The values of ``field`` found in the log (the filter's choices: actors, actions, tables)."""
    return [value for (value,) in AuditLog.select(field).distinct().order_by(field).tuples() if value]


#: The columns of the exported log.
EXPORT_TITLES = ("时间", "操作人", "操作", "登记簿", "记录号", "内容")


@session.requires("audit.read")
def export_lines(target: Path | str, start: dt.date | None = None, end: dt.date | None = None, *,
                 actor: str = "", action: str = "", table: str = "", text: str = "",
                 names: Mapping[str, str] | None = None) -> int:
    """Write the filtered lines, oldest first, to an .xlsx (every typed text stays text, never a
    formula); ``names`` gives a table's name in words (schema.TABLE_TITLES). The export is itself a
    line of the log. Returns the number of lines written."""
    from xiaoneng_desktop.core import xlsx
    from xiaoneng_desktop.core.db import atomic
    from xiaoneng_desktop.core.files import write_atomically

    names = names or {}
    query = lines_query(start, end, actor, action, table, text).order_by(AuditLog.at, AuditLog.id)

    def write(temp: Path) -> int:
        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("审计日志")
        for letter, width in zip("ABCDEF", (18, 14, 12, 12, 8, 80), strict=True):
            sheet.column_dimensions[letter].width = width
        xlsx.print_setup(sheet, header_row=2, landscape=True)
        xlsx.title_row(sheet, xlsx.title_text("审计日志", xlsx.period_text(start, end)), len(EXPORT_TITLES))
        xlsx.append(sheet, EXPORT_TITLES)
        count = 0
        for line in query.iterator():
            cells = xlsx.typed_cells(sheet, [line.at.replace(microsecond=0), line.actor, line.action,
                                             names.get(line.table, line.table), line.record_id or None,
                                             described(line)], wrap=(6,))
            cells[0].number_format = "yyyy-mm-dd hh:mm:ss"
            sheet.append(cells)
            count += 1
        book.save(temp)
        return count

    count = write_atomically(target, write)
    filters = "，".join(part for part in (
        f"{start or '最早'}至{end or '最近'}" if start or end else "",
        f"操作人 {actor}" if actor else "", f"操作 {action}" if action else "",
        f"登记簿 {names.get(table, table)}" if table else "", f"内容含“{text.strip()}”" if text.strip() else "",
    ) if part)
    with atomic():
        record("导出", AuditLog._meta.table_name, 0,
               f"导出审计日志{f'（{filters}）' if filters else ''}：{count}条，文件“{Path(target).name}”")
    return count
