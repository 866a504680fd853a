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
