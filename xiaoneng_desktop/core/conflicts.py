"""Edit conflicts: a record edited on two PCs at once is never silently overwritten.

Every edited record carries a ``version`` (core.db.Versioned bumps it on every UPDATE). An edit form
remembers the version it loaded and hands it to the service as ``expected_version``; inside the
service's write transaction (core.db.atomic(), which holds the write lock on both engines, so the
read-compare-write cannot interleave with another PC's save) ``check`` compares it with the stored
one. A mismatch raises EditConflict — who changed the record last and when (the audit log's newest
line for it) and the record as it is stored now — and nothing is saved.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw

from xiaoneng_desktop.core.validation import ValidationError

#: The field name an EditConflict is reported under (a form shows it above its fields).
FIELD = "version"


def _when(moment: dt.datetime | None) -> str:
    return f"{moment.month}月{moment.day}日 {moment:%H:%M}" if moment else "刚才"


class EditConflict(ValidationError):
    """Another user saved the record after this form loaded it; nothing was saved.

    ``who`` / ``when``: the newest audit line of the record (who may be "" when unknown);
    ``current``: the record as stored now (a fresh model instance); ``values``: its fields by name;
    ``version``: its stored version — pass it as ``expected_version`` to overwrite deliberately."""

    def __init__(self, current: pw.Model, who: str, when: dt.datetime | None):
        self.current = current
        self.who = who
        self.when = when
        self.version = current.version
        self.values = dict(current.__data__)
        someone = who or "其他用户"
        super().__init__(FIELD, f"这条记录已被 {someone} 于 {_when(when)} 修改（在您打开之后）。"
                                "为避免覆盖对方的修改，本次没有保存。")


def last_change(table: str, record_id: int) -> tuple[str, dt.datetime | None]:
    """Who wrote the newest audit line of the record, and when ("", None when there is none)."""
    from xiaoneng_desktop.core.models import AuditLog

    line = (AuditLog.select()
            .where((AuditLog.table == table) & (AuditLog.record_id == record_id))
            .order_by(AuditLog.at.desc(), AuditLog.id.desc())
            .first())
    return (line.actor, line.at) if line else ("", None)


def check(row: pw.Model, expected_version: int | None) -> None:
    """Raise EditConflict when ``row`` (read inside the caller's write transaction) is no longer the
    version the form loaded. ``expected_version`` None means no check (command line, imports)."""
    if expected_version is None or row.version == expected_version:
        return
    who, when = last_change(row._meta.table_name, row.id)
    raise EditConflict(row, who, when)


def differences(conflict: EditConflict, typed: dict, labels: dict) -> list[tuple[str, str, str, str]]:
    """The fields where what the user typed differs from what the other user stored:
    ``(field, label, yours, theirs)`` as display text, in the order of ``typed``."""
    from xiaoneng_desktop.core.audit import shown

    rows = []
    for key, value in typed.items():
        if key not in conflict.values or key not in labels:
            continue
        mine, theirs = shown(value), shown(conflict.values[key])
        if mine != theirs:
            rows.append((key, labels[key], mine, theirs))
    return rows
