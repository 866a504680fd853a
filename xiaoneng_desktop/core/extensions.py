"""延期: the one way a record's deadline moves after registration, for every register.

Someone asks (``ask``) with a reason and a new deadline, before the current deadline runs out; someone
else with the permission "extension.approve" decides (``decide``). An approved request moves the
record's deadline through the register's own callback. Every step leaves an audit line with the old
and the new deadline. Core never imports a register: each register calls ``register`` at import with
how to load its record, read its deadline, check its own rules and apply an approved extension.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import peewee as pw

from xiaoneng_desktop.core import accounts, audit, clock, session
from xiaoneng_desktop.core.db import atomic
from xiaoneng_desktop.core.models import DeadlineExtension
from xiaoneng_desktop.core.validation import ValidationError, clean_text, existing


@dataclass(frozen=True)
class Register:
    table: str
    #: the record (raises ValidationError when it does not exist)
    load: Callable[[int], pw.Model]
    #: the deadline an extension starts from
    deadline: Callable[[pw.Model], dt.datetime | None]
    #: an approved extension: move the record's deadline (the caller saves nothing: apply saves)
    apply: Callable[[pw.Model, DeadlineExtension], None]
    #: whether the record may still be extended (open, not voided)
    is_open: Callable[[pw.Model], bool]
    #: the register's own rules on a request (e.g. visits: once, at most 30 days); raises ValidationError
    check: Callable[[pw.Model, dt.datetime], None] | None = None
    #: the permission asking needs (the register's write permission)
    permission: str | None = None


_REGISTERS: dict[str, Register] = {}


def register(table: str, **callbacks) -> Register:
    """Called by each register at import."""
    entry = Register(table, **callbacks)
    _REGISTERS[table] = entry
    return entry


def _register(table: str) -> Register:
    try:
        return _REGISTERS[table]
    except KeyError:
        raise ValidationError("new_deadline", f"“{table}”没有延期办理") from None


def shown(moment: dt.datetime | None) -> str:
    return audit.shown(moment)


def ask(table: str, record_id: int, new_deadline: dt.datetime | None, reason: str, *,
        field: str = "new_deadline") -> DeadlineExtension:
    """申请延期: before the current deadline runs out, with a reason and a later deadline. ``field``
    names the form's field the refusals of the deadline go under."""
    entry = _register(table)
    if entry.permission:
        session.require(entry.permission)
    reason = clean_text(reason, "延期原因", field="reason", max_len=200, required=True)
    if new_deadline is None:
        raise ValidationError(field, "请填写延期后的时限")
    now = clock.now()
    with atomic():
        row = entry.load(record_id)
        if not entry.is_open(row):
            raise ValidationError(field, "该记录已办结或已作废，不能延期")
        current = entry.deadline(row)
        if current is None:
            raise ValidationError(field, "该记录没有办理时限，无需延期")
        if now > current:
            raise ValidationError(field, f"已超过办理时限（{shown(current)}），延期须在时限届满前申请")
        if new_deadline <= current:
            raise ValidationError(field, f"延期后的时限须晚于现在的时限（{shown(current)}）")
        if pending(table, record_id):
            raise ValidationError(field, "该记录已有一项延期申请等待审批")
        if entry.check is not None:
            try:
                entry.check(row, new_deadline)
            except ValidationError as error:
                raise ValidationError(field, next(iter(error.errors.values()))) from None
        extension = DeadlineExtension.create(table=table, record_id=record_id, asked_at=now,
                                             asked_by=session.actor_name(), reason=reason,
                                             old_deadline=current, new_deadline=new_deadline)
        audit.record("申请延期", table, record_id, reason, changes=[("办理时限", shown(current), shown(new_deadline))])
    return extension


def decide(extension_id: int, approve: bool) -> DeadlineExtension:
    """批准延期 / 不同意延期: by someone with "extension.approve" who did not ask."""
    actor = session.require("extension.approve")
    with atomic():
        extension = existing(DeadlineExtension, extension_id, "decided_by", "该延期申请不存在")
        if extension.approved is not None:
            raise ValidationError("decided_by", "该延期申请已经处理")
        if accounts.same_person(actor.name, extension.asked_by):
            raise ValidationError("decided_by", "延期申请不能由申请人本人审批，请由其他人员审批")
        entry = _register(extension.table)
        row = entry.load(extension.record_id)
        now = clock.now()
        extension.approved, extension.decided_by, extension.decided_at = bool(approve), actor.name, now
        extension.save()
        change = [("办理时限", shown(extension.old_deadline), shown(extension.new_deadline))]
        if approve:
            if not entry.is_open(row):
                raise ValidationError("decided_by", "该记录已办结或已作废，不能再延期")
            entry.apply(row, extension)
        audit.record("批准延期" if approve else "不同意延期", extension.table, extension.record_id,
                     extension.reason, changes=change)
    return extension


def of(table: str, record_id: int) -> list[DeadlineExtension]:
    """Every request of one record, oldest first."""
    return list(DeadlineExtension.select()
                .where((DeadlineExtension.table == table) & (DeadlineExtension.record_id == record_id))
                .order_by(DeadlineExtension.asked_at, DeadlineExtension.id))


def pending(table: str, record_id: int) -> list[DeadlineExtension]:
    return [e for e in of(table, record_id) if e.approved is None]


def approved(table: str, record_id: int) -> list[DeadlineExtension]:
    return [e for e in of(table, record_id) if e.approved]


def status_text(extension: DeadlineExtension) -> str:
    if extension.approved is None:
        return "待审批"
    return "已批准" if extension.approved else "不同意"
