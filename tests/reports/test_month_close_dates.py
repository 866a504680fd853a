"""月结 and 补记 over any "today": year ends, 29 February, the hour after midnight."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from xiaoneng_desktop.core import clock, figures, late_entry
from xiaoneng_desktop.reports import month_close

moments = st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2031, 12, 31, 23, 59))


@settings(max_examples=200, deadline=None)
@given(now=moments)
def test_the_running_month_cannot_be_closed_and_the_one_before_can(now):
    clock.set_source(lambda: now)
    try:
        assert not month_close.ended(now.year, now.month)
        assert month_close.ended(*figures.previous_month(now.year, now.month))
    finally:
        clock.set_source(None)


def test_year_end_and_leap_day(database):
    for now, month, is_ended in ((dt.datetime(2027, 1, 1, 0, 30), (2026, 12), True),
                                 (dt.datetime(2026, 12, 31, 23, 59, 59), (2026, 12), False),
                                 (dt.datetime(2028, 2, 29, 23, 0), (2028, 2), False),
                                 (dt.datetime(2028, 3, 1, 0, 0), (2028, 2), True)):
        clock.set_source(lambda now=now: now)
        try:
            assert month_close.ended(*month) is is_ended, now
        finally:
            clock.set_source(None)


def test_a_closing_just_before_midnight_entered_after_it_is_not_补记(database):
    clock.set_source(lambda: dt.datetime(2027, 1, 1, 0, 10))
    try:
        assert not late_entry.is_late(dt.datetime(2026, 12, 31, 23, 55))
        assert late_entry.is_late(dt.datetime(2026, 12, 31, 23, 35))
    finally:
        clock.set_source(None)
