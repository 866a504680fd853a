"""Who did what: every change a user makes leaves a line here, in the same transaction.

The actor is always the signed-in account (core.session), never a name typed into a form; a change
lists each field old → new. The program only ever adds lines: nothing here updates or deletes one.
No full 身份证号 is ever written here (masked on the way in).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping

import peewee as pw

from xiaoneng_desktop.core import clock, session
from xiaoneng_desktop.core.models import AuditLog
from xiaoneng_desktop.core.validation import mask_id_numbers_in

#: One field's change: (label, old, new) as shown to a person.
Change = tuple[str, str, str]


def record(action: str, table: str, record_id: int, detail: str = "",
           changes: Iterable[Change] = ()) -> AuditLog:
    rows = [[label, mask_id_numbers_in(old), mask_id_numbers_in(new)] for label, old, new in changes]
    return AuditLog.create(at=clock.now(), actor=session.actor_name(), action=action, table=table,
                           record_id=record_id, detail=mask_id_numbers_in(detail),
                           changes=json.dumps(rows, ensure_ascii=False) if rows else "")


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
