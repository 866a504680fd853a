""""Now" for the whole program, injectable so that tests can move time past a deadline.

One convention everywhere: naive datetimes in the office's local time, to the second
(stored by peewee as ISO 8601 text 'YYYY-MM-DD HH:MM:SS', which sorts and compares in SQL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

_source: Callable[[], dt.datetime] | None = None


def now() -> dt.datetime:
    """The current local time, without microseconds (records are kept to the second)."""
    value = _source() if _source is not None else dt.datetime.now()
    return value.replace(microsecond=0)


def today() -> dt.date:
    return now().date()


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
