"""Demo data: plausible, deterministic, and every record one the services would have written."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xiaoneng_desktop import demo, schema
from xiaoneng_desktop.core.models import AuditLog, Department, Person
from xiaoneng_desktop.core.validation import ValidationError, clean_phone
from xiaoneng_desktop.duty import service, stats
from xiaoneng_desktop.duty.models import CATEGORIES, CHANNELS, Call, DutyShift

NOW = dt.datetime(2026, 10, 9, 9, 0)  # the conftest clock
FIRST_DAY = dt.date(2026, 8, 10)  # two months ending 2026-10-09


@pytest.fixture
def filled(database, clock):
    return demo.fill(2)


def test_counts_are_plausible(filled):
    assert filled["部门"] == Department.select().count() == 8
    assert filled["人员"] == Person.select().count() == 40
    # 61 days of calls; the October holiday week is quiet.
    assert 1300 <= filled["来电"] == Call.select().count() <= 2300
    # Two shifts a day from the night before the period to the end of October (the roster is planned ahead).
    assert filled["班次"] == DutyShift.select().count() == 2 * (dt.date(2026, 10, 31) - FIRST_DAY).days + 3
    assert 0.85 * 2 * 60 <= filled["交接班"] < 2 * 61
    assert Call.select(Call.received_at).order_by(Call.received_at).first().received_at >= dt.datetime(2026, 8, 10)
    assert AuditLog.select().where(AuditLog.action == "生成演示数据").count() == 1


def test_people_and_roster(filled):
    people = list(Person.select())
    assert len({p.name for p in people}) == len(people)
    assert Counter(p.post for p in people)["主任"] == 1
    for person in people:
        assert re.fullmatch(r"1[3-9]\d{9}", person.mobile)
        assert re.fullmatch(r"0736-7\d{6}", person.office_phone)
        assert clean_phone(person.mobile) == person.mobile and clean_phone(person.office_phone) == person.office_phone
    # 24-hour coverage every day of the period, with the posts the brief gives each role.
    assert service.coverage_gaps(FIRST_DAY, NOW.date()) == {}
    posts = {p.name: p.post for p in people}
    for shift in DutyShift.select():
        assert posts[shift.officer_name] in ("科长", "科员")
        assert posts[shift.leader_name] in ("主任", "副主任")
        assert posts[shift.standby_name] == "副科长"
    handed = DutyShift.select().where(DutyShift.handed_over_at.is_null(False))
    assert all(s.handed_over_at >= s.ends_at and s.handed_over_at <= NOW and s.handover_note for s in handed)
    past = DutyShift.select().where(DutyShift.ends_at <= NOW - dt.timedelta(minutes=15)).count()
    assert 0 < past - handed.count() < 0.15 * past  # most handed over, some forgotten


def test_calls_are_what_the_service_would_store(filled):
    calls = list(Call.select())
    shift_officer = {s.id: s.officer_name for s in DutyShift.select()}
    for call in calls:
        assert call.deadline == service.deadline_for(call.category, call.received_at)
        assert not call.deadline_typed
        assert call.received_at <= NOW and call.received_at.second == 0
        assert call.category in CATEGORIES and call.channel in CHANNELS
        assert clean_phone(call.phone) == call.phone
        assert call.summary and len(call.summary) <= service.SUMMARY_MAX
        assert call.officer_name == shift_officer[call.shift_id]
        if call.closed_at is not None:
            assert call.received_at <= call.closed_at <= NOW
            assert call.feedback and call.closed_by == call.officer_name
        if call.assignee_name:
            assert call.assigned_at is not None and call.received_at <= call.assigned_at <= NOW
        if call.voided_at is not None:
            assert call.void_reason and call.closed_at is None
    # A sample saves again through the service unchanged: same deadline, same shift.
    for call in calls[::40]:
        if call.voided_at is not None:
            continue
        if call.closed_at is not None:  # a closed record changes only by 更正
            saved = service.correct_call(call.id, service.CallInput.from_call(call), "核对")
        else:
            saved = service.update_call(call.id, service.CallInput.from_call(call))
        assert (saved.deadline, saved.shift_id, saved.closed_at) == (call.deadline, call.shift_id, call.closed_at)
        assert service.shift_at(call.received_at).id == call.shift_id


def test_shares_and_states(filled):
    calls = list(Call.select())
    total = len(calls)
    categories = Counter(c.category for c in calls)
    assert 0.74 < categories["一般事项"] / total < 0.86
    assert 0.12 < categories["特殊事项"] / total < 0.22
    assert 0.01 < categories["突发事件"] / total < 0.06
    assert Counter(c.channel for c in calls)["电话"] / total > 0.8
    assert sum(bool(c.assignee_name) for c in calls) / total > 0.7
    assert 0 < sum(bool(c.instruction) for c in calls) / total < 0.3
    assert 0 < sum(c.voided_at is not None for c in calls) < 20
    open_calls = [c for c in calls if service.is_open(c)]
    assert any(c.deadline < NOW for c in open_calls), "some open calls are overdue"
    assert all(c.received_at >= NOW - dt.timedelta(days=3) for c in open_calls), "only the last days are open"
    assert len(open_calls) < 0.05 * total
    late = sum(c.closed_at is not None and c.closed_at > c.deadline for c in calls)
    assert 0.04 < late / total < 0.12
    # More calls on working days and in office hours, some at night.
    hours = Counter(c.received_at.hour for c in calls)
    assert sum(hours[h] for h in range(8, 18)) > 0.7 * total
    assert sum(hours[h] for h in (0, 1, 2, 3, 4, 5)) > 0
    per_day = Counter(c.received_at.date() for c in calls)
    assert per_day[dt.date(2026, 9, 15)] > per_day[dt.date(2026, 10, 3)]  # a Tuesday, a National Day holiday


def test_month_rate_is_realistic(filled):
    figures = stats.month_figures(2026, 9)
    assert figures.in_progress <= 2 and figures.total > 800
    assert 80 < figures.rate < 99


def test_same_seed_same_data(database, clock, tmp_path):
    def first_summaries():
        return [c.summary for c in Call.select(Call.summary).order_by(Call.received_at, Call.id).limit(20)]

    demo.fill(2)
    first = first_summaries()
    others = {}
    for name, seed in (("same", 2026), ("other", 7)):
        other = schema.open_database(tmp_path / f"{name}.sqlite3")
        try:
            demo.fill(2, seed=seed)
            others[name] = first_summaries()
        finally:
            other.close()
    assert others["same"] == first
    assert others["other"] != first


def test_refuses_a_file_with_calls(database, clock):
    counts = demo.fill(1)
    with pytest.raises(ValidationError) as caught:
        demo.fill(1)
    assert caught.value.field == "database"
    assert "已有数据" in str(caught.value)
    assert Call.select().count() == counts["来电"] and Person.select().count() == 40


def test_progress_and_cancel(database, clock):
    seen = []
    demo.fill(1, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) > 3 and seen[-1] == (demo.PROGRESS_TOTAL, demo.PROGRESS_TOTAL)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


class Cancelled(Exception):
    pass


def test_cancelled_fill_leaves_nothing(database, clock):
    def cancel(done, total):
        if done > total // 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        demo.fill(1, progress=cancel)
    assert Call.select().count() == Person.select().count() == DutyShift.select().count() == 0


def test_months_must_be_positive(database, clock):
    for months in (0, -3, 1.5, True):
        with pytest.raises(ValidationError):
            demo.fill(months)


def test_documents_are_what_the_service_would_store(filled):
    from xiaoneng_desktop.documents import service as doc_service
    from xiaoneng_desktop.documents import stats as doc_stats
    from xiaoneng_desktop.documents.models import Document, DocumentStep, NumberCounter, Urging

    assert 100 <= filled["收文"] == Document.select().where(Document.direction == "收文").count() <= 260
    assert 30 <= filled["发文"] == Document.select().where(Document.direction == "发文").count() <= 100
    assert filled["催办"] == Urging.select().count() > 0
    for doc in Document.select():
        assert doc.start_date >= FIRST_DAY and doc.registered_at <= NOW
        assert doc.title and doc.deadline >= dt.datetime.combine(doc.start_date, dt.time())
        if doc.doc_number:
            assert doc_service.parse_doc_number(doc.doc_number)
        done = [s.step for s in DocumentStep.select().where(DocumentStep.document == doc).order_by(DocumentStep.id)]
        order = doc_service.steps_of(doc.direction)
        assert done == sorted(done, key=order.index)  # steps in order
        if doc.step:
            assert doc.holder and (not done or done[-1] != doc.step)
        if doc.closed_at is None and doc.voided_at is None:
            assert doc.due == min(doc.deadline, doc.step_due or doc.deadline)
    # 发文字号: per 代字 per year, 1..n with no gap, counters at the last one
    for counter in NumberCounter.select().where(NumberCounter.code != "收"):
        serials = sorted(d.serial for d in Document.select().where(
            (Document.code == counter.code) & (Document.year == counter.year) & Document.serial.is_null(False)))
        assert serials == list(range(1, counter.last + 1))
    assert doc_service.documents_query(status="已超时").count() > 0  # some open and overdue today
    assert doc_stats.month_figures(2026, 9).total > 0
    # the secretary can take any open one on
    doc = doc_service.documents_query(status="在办").where(Document.step == "拟办").first()
    moved = doc_service.advance(doc.id, doc_service.StepInput("拟办", doc.holder, next_holder="王县长"))
    assert moved.step == "批办"
def test_visits_are_what_the_service_would_store(filled):
    from xiaoneng_desktop.core.validation import clean_id_number, clean_personal_phone
    from xiaoneng_desktop.visitors import service as visitors
    from xiaoneng_desktop.visitors import stats as visit_stats
    from xiaoneng_desktop.visitors.models import PURPOSE_LIST, SUBJECT_LIST, ReceptionDay, Visit

    visits = list(Visit.select())
    assert filled["来访"] == len(visits) and 60 <= len(visits) <= 300
    assert filled["接待日"] == ReceptionDay.select().count() >= 8
    for visit in visits:
        assert clean_id_number(visit.id_number) == visit.id_number  # the GB 11643 check digit is right
        # …but the region is no real county's (GB/T 2260 gives 11–65, 71, 81, 82): never a real person's
        assert demo.ID_PREFIX == "990101" and (visit.id_number == "" or visit.id_number.startswith(demo.ID_PREFIX))
        assert visit.category in SUBJECT_LIST.values() and visit.purpose in PURPOSE_LIST.values()
        assert clean_personal_phone(visit.phone) == visit.phone
        assert visit.visited_at.date() >= FIRST_DAY and visit.visited_at <= NOW
        assert visit.decided_at is None or visit.decided_at >= visit.visited_at
        assert visit.closed_at is None or (visit.closed_at >= visit.visited_at and visit.closed_at <= NOW)
        day = ReceptionDay.get_or_none(ReceptionDay.day == visit.visited_at.date())
        assert visit.leader_name == (day.leader_name if day else "")
    assert any(v.id_number == "" for v in visits) and any(v.persons >= visitors.group_size() for v in visits)
    assert visitors.visits_query(status="已超时").count() > 0  # some open and overdue
    assert visitors.visits_query(status="待受理").count() > 0
    assert sum(1 for v in visitors.visits_query() if v.earlier) > 0.1 * len(visits)  # returning visitors
    figures = visit_stats.month_figures(2026, 9)
    assert figures.visits > 0 and figures.repeats > 0 and figures.rate is not None
    assert figures.satisfaction_rate is not None and 50 <= figures.satisfaction_rate <= 100
def test_inspection_campaign_with_problems_in_every_state(filled):
    from xiaoneng_desktop.inspection import service as inspection
    from xiaoneng_desktop.inspection.models import Answer, Campaign, Participant, Problem

    assert filled["自查活动"] == Campaign.select().count() == 1  # September 2026 falls in the two months
    campaign = Campaign.get()
    assert campaign.name == "2026年下半年作风整顿自查" and campaign.status == "进行中"
    kinds = {p.kind for p in Participant.select()}
    assert kinds == {"人员", "部门"}
    assert inspection.unfinished(campaign.id)  # some have not finished yet
    assert filled["自查问题"] == Problem.select().count() >= 5
    assert {p.status for p in Problem.select()} == {"未开始", "整改中", "已完成", "已销号"}
    assert inspection.problems_query(status="已超期").count() >= 1
    for answer in Answer.select():
        assert not answer.has_problem or answer.description
    for problem in Problem.select():
        assert problem.found_on >= campaign.starts_on and problem.found_on <= NOW.date()
        assert problem.deadline is None or problem.deadline.date() >= problem.found_on
        if problem.kind == "短期内不能解决":
            assert problem.explanation
        else:
            assert problem.deadline is not None
        if problem.completed_at is not None:
            assert problem.measure and problem.completed_at <= NOW
        if problem.verified_at is not None:
            assert problem.verified_by and not inspection.same_person(problem.verified_by, problem.responsible_name)
            assert problem.completed_at <= problem.verified_at <= NOW


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)), st.integers(0, 2**32))
@settings(max_examples=200, deadline=None)
def test_a_visitors_id_number_is_valid_on_any_day(today, seed):
    """Every day, 29 February too (ten years of demo data once failed on 2024-02-29): an adult's valid number."""
    import random

    from xiaoneng_desktop.core.validation import clean_id_number

    number = demo._id_number(random.Random(seed), today)
    assert clean_id_number(number, today=today) == number
    born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    assert dt.date(1945, 1, 1) <= born <= demo._years_before(today, 18)


def test_29_february_eighteen_years_earlier_is_the_28th():
    assert demo._years_before(dt.date(2024, 2, 29), 18) == dt.date(2006, 2, 28)
    assert demo._years_before(dt.date(2024, 2, 29), 20) == dt.date(2004, 2, 29)
