"""The one end of day, the one month_bounds and the one tolerance for a clock that runs slightly fast."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.core import clock as core_clock
from xiaoneng_desktop.core import workdays
from xiaoneng_desktop.core.figures import month_bounds


@pytest.mark.parametrize("day, end", [
    (dt.date(2028, 2, 29), dt.datetime(2028, 2, 29, 23, 59, 59)),
    (dt.date(2026, 12, 31), dt.datetime(2026, 12, 31, 23, 59, 59)),
    (dt.date(2026, 3, 1), dt.datetime(2026, 3, 1, 23, 59, 59)),
])
def test_end_of_day_is_the_last_second_of_that_day(day, end):
    assert core_clock.end_of_day(day) == end
    assert core_clock.end_of_day(day) + dt.timedelta(seconds=1) == core_clock.start_of_day(day + dt.timedelta(days=1))
    assert workdays.deadline_end(day) == end


def test_end_of_day_of_a_moment_is_the_end_of_its_own_day():
    # the hour after midnight still belongs to the new day, not to the one that just ended
    assert core_clock.end_of_day(dt.datetime(2027, 1, 1, 0, 30)) == dt.datetime(2027, 1, 1, 23, 59, 59)
    assert workdays.deadline_end(dt.datetime(2027, 1, 1, 0, 30)) == dt.datetime(2027, 1, 1, 23, 59, 59)


def test_month_bounds_of_february_in_a_leap_year_and_of_december(clock):
    clock.set(dt.datetime(2030, 1, 15, 10, 0))
    assert month_bounds(2028, 2) == (dt.datetime(2028, 2, 1), dt.datetime(2028, 3, 1),
                                     dt.datetime(2028, 2, 29, 23, 59, 59))
    assert month_bounds(2026, 12) == (dt.datetime(2026, 12, 1), dt.datetime(2027, 1, 1),
                                      dt.datetime(2026, 12, 31, 23, 59, 59))


def test_month_bounds_cut_off_is_now_while_the_month_runs(clock):
    # the hour after midnight on 1 January: the new month has just begun, its cut-off is now
    clock.set(dt.datetime(2027, 1, 1, 0, 30))
    assert month_bounds(2027, 1) == (dt.datetime(2027, 1, 1), dt.datetime(2027, 2, 1), dt.datetime(2027, 1, 1, 0, 30))
    assert month_bounds(2026, 12)[2] == dt.datetime(2026, 12, 31, 23, 59, 59)


def test_a_moment_a_few_minutes_ahead_is_not_in_the_future(clock):
    now, tolerance = clock.current, core_clock.FUTURE_TOLERANCE
    assert tolerance == dt.timedelta(minutes=5)
    assert not core_clock.is_future(now + tolerance)
    assert core_clock.is_future(now + tolerance + dt.timedelta(seconds=1))
    assert not core_clock.is_future(now - dt.timedelta(days=1))
    assert core_clock.is_future(now, current=now - tolerance - dt.timedelta(seconds=1))
