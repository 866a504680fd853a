"""Who did what: every change a user makes leaves a line here, in the same transaction."""

from __future__ import annotations

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.core.models import AuditLog


def record(action: str, table: str, record_id: int, detail: str = "", actor: str = "") -> None:
    AuditLog.create(at=clock.now(), actor=actor, action=action, table=table, record_id=record_id, detail=detail)


def history(table: str, record_id: int) -> list[AuditLog]:
    return list(
        AuditLog.select()
        .where((AuditLog.table == table) & (AuditLog.record_id == record_id))
        .order_by(AuditLog.at, AuditLog.id)
    )


def void(load, reason: str, *, table: str, already: str, actor: str = "", detail=None, also=None):
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
        record("作废", table, row.id, detail(row) if detail else reason, actor=actor)
    return row
