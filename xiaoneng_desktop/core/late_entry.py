"""补记: a closing time entered long after the fact needs a reason and is marked in the audit log.

A closing time (办结时间, 答复, a document's closing step, a problem's completion) more than
``late_entry_minutes`` before the moment it is entered needs a reason (field "late_reason"); the
register then writes an audit line with action "补记" (table, record id, detail = the reason). The
monthly report counts these lines per register for the records belonging to the month.
"""

from __future__ import annotations

import datetime as dt

from xiaoneng_desktop.core import audit, clock, settings
from xiaoneng_desktop.core.validation import Checker, ValidationError, clean_text

LATE_ENTRY = settings.define("late_entry_minutes", "补记界限", 30, "审计", unit=" 分钟", minimum=1, maximum=10080,
                             help="办结时间早于录入时间超过此分钟数的，须填写补记原因，并在月报中统计为补记")
ACTION = "补记"
FIELD = "late_reason"


def minutes() -> int:
    return settings.get(LATE_ENTRY.key)


def is_late(closed_at: dt.datetime | None, now: dt.datetime | None = None) -> bool:
    """Whether a closing time entered now counts as 补记. A date-only closing (23:59:59) is judged by its day."""
    if closed_at is None:
        return False
    return (now or clock.now()) - closed_at > dt.timedelta(minutes=minutes())


def message() -> str:
    return f"办结时间早于录入时间{minutes()}分钟以上，请填写补记原因"


def check(closed_at: dt.datetime | None, reason: str, checker: Checker | None = None,
          now: dt.datetime | None = None) -> str:
    """The cleaned reason ("" when none is needed or given). Adds to ``checker`` (or raises) when a
    late closing time comes without a reason."""
    if checker is None:
        reason = clean_text(reason, "补记原因", field=FIELD, max_len=200) or ""
    else:
        reason = checker.run(FIELD, clean_text, reason, "补记原因", field=FIELD, max_len=200) or ""
    if is_late(closed_at, now) and not reason:
        if checker is None:
            raise ValidationError(FIELD, message())
        checker.add(FIELD, message())
    return reason if is_late(closed_at, now) else ""


def record(table: str, record_id: int, reason: str) -> None:
    """The 补记 line (only when there is a reason, i.e. the entry was late)."""
    if reason:
        audit.record(ACTION, table, record_id, reason)
