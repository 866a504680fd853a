""""Now" for the whole program, injectable so that tests can move time past a deadline.

One convention everywhere: naive datetimes in the office's local time, to the second
(stored by peewee as ISO 8601 text 'YYYY-MM-DD HH:MM:SS', which sorts and compares in SQL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

_source: Callable[[], dt.datetime] | None = None

#: How far past "now" a typed moment may lie before it counts as in the future: the clock on the
#: wall or a phone runs a few minutes fast, and "来电时间 10:02" typed at 10:00 is not an error.
FUTURE_TOLERANCE = dt.timedelta(minutes=5)


def now() -> dt.datetime:
    """The current local time, without microseconds (records are kept to the second)."""
    value = _source() if _source is not None else dt.datetime.now()
    return value.replace(microsecond=0)


def today() -> dt.date:
    return now().date()


def is_future(moment: dt.datetime, current: dt.datetime | None = None) -> bool:
    """True when ``moment`` lies beyond now (or ``current``) plus the tolerance for a fast clock."""
    return moment > (current or now()) + FUTURE_TOLERANCE


def end_of_day(day: dt.date) -> dt.datetime:
    """The last second of ``day`` (records are kept to the second): a deadline or closing given as a
    date alone is met until 23:59:59 of that day (DOMAIN.md)."""
    return dt.datetime(day.year, day.month, day.day, 23, 59, 59)


def start_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def set_source(source: Callable[[], dt.datetime] | None) -> None:
    """Replace the clock (None restores the system clock)."""
    global _source
    _source = source


class FixedClock:
    """A clock that stands still until moved: `clock.set_source(FixedClock(t))`, then `.advance(...)`."""

    def __init__(self, start: dt.datetime):
        self.current = start

    def __call__(self) -> dt.datetime:
        return self.current

    def advance(self, **delta: float) -> dt.datetime:
        self.current += dt.timedelta(**delta)
        return self.current

    def set(self, value: dt.datetime) -> None:
        self.current = value
