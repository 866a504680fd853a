"""Whatever day "today" is, 2024–2032 (29 February, year ends and years chinese-calendar does not know
included): the deadline rules, this month's roster and figures, and the demo data hold up."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from xiaoneng_desktop import demo, schema
from xiaoneng_desktop.core import clock as clock_module
from xiaoneng_desktop.core import figures, workdays
from xiaoneng_desktop.core.models import Person
from xiaoneng_desktop.documents import service as documents
from xiaoneng_desktop.documents import stats as documents_stats
from xiaoneng_desktop.documents.models import DIRECTIONS, KINDS, URGENCY
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty import stats as duty_stats
from xiaoneng_desktop.duty.models import CATEGORIES
from xiaoneng_desktop.inspection import stats as inspection_stats
from xiaoneng_desktop.visitors import service as visitors
from xiaoneng_desktop.visitors import stats as visitors_stats

DAYS = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2032, 12, 31))
MOMENTS = st.builds(dt.datetime.combine, DAYS, st.times())
# Hypothesis shares one data file across its examples; each example only reads or replaces its month.
SHARED = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def today(database):
    """Set by each example; restored to the system clock after the test."""
    fixed = clock_module.FixedClock(dt.datetime(2026, 10, 9, 9, 0))
    clock_module.set_source(fixed)
    yield fixed
    clock_module.set_source(None)


@SHARED
@given(now=MOMENTS, category=st.sampled_from(CATEGORIES))
@example(now=dt.datetime(2028, 2, 29, 23, 59), category=CATEGORIES[0])
def test_duty_deadline_is_after_the_call(today, now, category):
    today.set(now)
    assert duty.deadline_for(category, now) > now


@SHARED
@given(
    start=DAYS,
    direction=st.sampled_from(DIRECTIONS),
    kind=st.sampled_from(KINDS),
    urgency=st.sampled_from(URGENCY),
    consult=st.booleans(),
)
@example(start=dt.date(2026, 12, 31), direction="收文", kind="通知", urgency="平件", consult=False)
@example(start=dt.date(2028, 2, 29), direction="收文", kind="通知", urgency="特急", consult=False)
def test_documents_deadline_lands_on_a_working_day(today, start, direction, kind, urgency, consult):
    today.set(dt.datetime.combine(start, dt.time(9)))
    deadline = documents.deadline_for(direction, kind, urgency, start, consult)
    limit = documents.item_limit(direction, kind, urgency, consult)
    assert workdays.is_workday(deadline.date())
    assert deadline.date() > start if limit else deadline.date() >= start
    assert deadline == workdays.deadline_end(deadline.date())
    if limit:
        assert workdays.workdays_between(start, deadline.date()) == limit
    assert documents.soon_limit(today.current) >= today.current


@SHARED
@given(visited=MOMENTS, decided_after=st.integers(0, 15), extended=st.integers(0, 30))
@example(visited=dt.datetime(2028, 2, 29, 16, 0), decided_after=0, extended=0)
@example(visited=dt.datetime(2031, 12, 31, 23, 59), decided_after=1, extended=30)
def test_visitors_deadlines_are_after_the_visit(today, visited, decided_after, extended):
    today.set(visited)
    decided = visited + dt.timedelta(days=decided_after)
    assert visitors.acceptance_due_for(visited).date() == visited.date() + dt.timedelta(
        days=visitors.accept_days()
    )
    deadline = visitors.deadline_for(visited, decided, extended)
    assert deadline > decided > visited - dt.timedelta(seconds=1)
    assert deadline.date() == decided.date() + dt.timedelta(days=visitors.handle_days() + extended)


@pytest.fixture
def staff(database):
    for name in ("王值班", "李值班", "张主任"):
        Person.create(name=name, mobile="13800000000")
    return ["王值班", "李值班"], ["张主任"]


@settings(SHARED, max_examples=25)
@given(day=DAYS)
@example(day=dt.date(2028, 2, 29))
@example(day=dt.date(2032, 12, 31))
def test_roster_and_figures_for_the_month_of_today(today, staff, day):
    today.set(dt.datetime.combine(day, dt.time(9)))
    officers, leaders = staff
    made = duty.generate_roster(day.year, day.month, officers, leaders)
    start, following, cutoff = figures.month_bounds(day.year, day.month)
    assert {shift.day for shift in made} >= {
        start.date() + dt.timedelta(days=i) for i in range((following - start).days)
    }
    assert start <= cutoff < following
    # The 1st's early hours belong to last month's night shift, which this roster does not make.
    assert duty.coverage_gaps(start.date() + dt.timedelta(days=1), max(day, start.date())) == {}
    for stats in (duty_stats, documents_stats, visitors_stats, inspection_stats):
        assert stats.month_figures(day.year, day.month) is not None


@settings(max_examples=2, deadline=None)  # each fill takes seconds: the examples below, and two more
@given(day=DAYS)
@example(day=dt.date(2028, 2, 29))
@example(day=dt.date(2027, 1, 1))
@example(day=dt.date(2032, 12, 31))
def test_demo_fills_two_months_ending_on_any_day(tmp_path_factory, day):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = schema.open_database(path)
    clock_module.set_source(clock_module.FixedClock(dt.datetime.combine(day, dt.time(17, 30))))
    try:
        counts = demo.fill(2)
        assert counts["来电"] > 0
        for doc in documents.documents_query():
            if doc.deadline is not None and not doc.deadline_typed:
                assert workdays.is_workday(doc.deadline.date())
    finally:
        clock_module.set_source(None)
        database.close()
