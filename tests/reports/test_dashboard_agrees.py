"""The 概览 counts what each register's service says (issue 10): for any moment, the items it calls
overdue are exactly the rows whose ``state(record, now)`` is overdue, and the register's SQL
(``overdue_condition`` / ``overdue_count``, its open-items query) picks out the same rows.

Two data files, each made once for the module: the demo generator's month, and a handful of records
made by hand around the edges (a visit late only for its 受理告知, a deadline at midnight, one
without a deadline, closed late, voided…)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import peewee as pw
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from xiaoneng_desktop import demo, schema
from xiaoneng_desktop.core import clock as clock_module
from xiaoneng_desktop.core import db
from xiaoneng_desktop.core.figures import OPEN, OVERDUE, SOON
from xiaoneng_desktop.documents import service as documents
from xiaoneng_desktop.documents.models import Document
from xiaoneng_desktop.documents.service import IncomingInput, StepInput
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.inspection import service as inspection
from xiaoneng_desktop.inspection.models import Problem
from xiaoneng_desktop.inspection.service import CampaignInput, ProblemInput
from xiaoneng_desktop.reports import dashboard
from xiaoneng_desktop.visitors import service as visitors
from xiaoneng_desktop.visitors.models import Visit
from xiaoneng_desktop.visitors.service import HandlingInput, VisitInput

T0 = dt.datetime(2026, 10, 9, 9, 0)  # a Friday; the demo month ends on this day
SECOND, TICK = dt.timedelta(seconds=1), dt.timedelta(microseconds=1)

#: register name on the 概览 -> (its service, its model)
REGISTERS = {
    "值班记录": (duty, Call),
    "公文流转": (documents, Document),
    "来访接待": (visitors, Visit),
    "五查自查": (inspection, Problem),
}


@dataclass
class DataFile:
    database: pw.SqliteDatabase
    moments: list[dt.datetime]  # every open record's due moments: where a state changes
    ids: dict[str, int] = field(default_factory=dict)  # the hand-made records by role
    rows: dict[str, list] = field(default_factory=dict)  # every record per register, read once: none change

    def __repr__(self) -> str:  # a falsifying example names the file, not its thousand due moments
        return f"DataFile({self.database.database})"


def use(data: DataFile) -> None:
    """Point the models at this module's file (each test may follow another data file's test)."""
    db.database.initialize(data.database)


def due_moments() -> list[dt.datetime]:
    moments = {c.deadline for c in duty.open_calls_query()}
    moments |= {d.due for d in documents.open_documents_query() if d.due is not None}
    for v in visitors.open_visits_query():
        moments |= {v.deadline, v.acceptance_due}
    moments |= {p.deadline for p in inspection.open_problems_query() if p.deadline is not None}
    return sorted(moments)


def all_rows() -> dict[str, list]:
    return {name: list(model.select()) for name, (_, model) in REGISTERS.items()}


def open_file(path) -> pw.SqliteDatabase:
    return schema.open_database(path)


@pytest.fixture(scope="module")
def fixed_clock():
    fixed = clock_module.FixedClock(T0)
    clock_module.set_source(fixed)
    yield fixed
    clock_module.set_source(None)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, fixed_clock):
    fixed_clock.set(T0)
    database = open_file(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    demo.fill(1)
    data = DataFile(database, due_moments(), rows=all_rows())
    yield data
    database.close()


@pytest.fixture(scope="module")
def handmade_file(tmp_path_factory, fixed_clock):
    fixed_clock.set(T0)
    database = open_file(tmp_path_factory.mktemp("handmade") / "handmade.sqlite3")
    ids = make_records(fixed_clock)
    data = DataFile(database, due_moments(), ids, all_rows())
    yield data
    database.close()


def make_records(clock) -> dict[str, int]:
    """A few records of each register in every state, made through the services as a user would."""
    ids: dict[str, int] = {}
    clock.set(T0)

    # 值班记录: open (due 09:10), closed on time, closed late, voided while late, due exactly at midnight.
    def call(at, **changes):
        values = dict(received_at=at, category="一般事项", summary="来电：通知开会", officer_name="王值班")
        values.update(changes)
        return duty.create_call(CallInput(**values))

    ids["call_open"] = call(T0).id
    duty.close_call(call(T0 - dt.timedelta(hours=1)).id, "已通知", closed_at=T0 - dt.timedelta(minutes=55),
                    late_reason="据纸质登记簿补记")
    duty.close_call(call(T0 - dt.timedelta(hours=2)).id, "已通知", closed_at=T0 - dt.timedelta(minutes=30))
    duty.void_call(call(T0 - dt.timedelta(hours=3)).id, "重复登记")
    ids["call_midnight"] = call(T0, category="特殊事项", deadline=dt.datetime(2026, 10, 10, 0, 0)).id

    # 公文流转: at 拟办 (its step's limit), one with a typed deadline moved on a step, one voided.
    def incoming(title, **changes):
        values = dict(start_date=T0.date(), unit="市人民政府办公室", title=title, kind="通知", registrar="李文书",
                      next_holder="赵主任")
        values.update(changes)
        return documents.register_incoming(IncomingInput(**values))

    ids["document_open"] = incoming("关于做好秋冬季森林防火工作的通知").id
    typed = incoming("关于报送统计数据的通知", deadline=dt.date(2026, 10, 13), urgency="加急")
    documents.advance(typed.id, StepInput("拟办", "赵主任", "拟请王县长阅示", next_holder="王县长"))
    ids["document_typed"] = typed.id
    documents.void_document(incoming("重复登记的通知").id, "重复登记", actor="李文书")

    # 来访接待: undecided (late only for its 受理告知 after 15 days), accepted, accepted with a short typed
    # limit, 不予受理, answered (办结), voided.
    def visit(name, at=T0 - dt.timedelta(minutes=30)):
        return visitors.create_visit(VisitInput(visited_at=at, name=name, matter="反映小区下水道堵塞",
                                                first_responder="周接待", category="求决", persons=1))

    ids["visit_undecided"] = visit("刘建国").id
    accepted = visit("张秀英")
    visitors.save_handling(accepted.id, HandlingInput(decision="受理", decided_at=T0), actor="周接待")
    ids["visit_accepted"] = accepted.id
    short = visit("王小明")
    visitors.save_handling(short.id, HandlingInput(decision="受理", decided_at=T0), actor="周接待")
    # a short limit typed in a ledger kept before the program (the program never lets one be retyped)
    Visit.update(deadline=dt.datetime(2026, 10, 12, 23, 59, 59), deadline_typed=True).where(Visit.id == short.id).execute()
    ids["visit_short"] = short.id
    visitors.save_handling(visit("陈大华").id, HandlingInput(decision="不予受理", decided_at=T0,
                                                           decision_reason="不属于本机关职责范围"), actor="周接待")
    visitors.save_handling(visit("李桂兰").id, HandlingInput(
        decision="受理", decided_at=T0, reply="已转县住建局维修", result="已疏通", replied_at=T0), actor="周接待")
    visitors.void_visit(visit("赵四").id, "误登记", actor="周接待")

    # 五查自查: open with a deadline, 短期内不能解决 (none), completed late, voided.
    template = inspection.builtin_template()
    campaign = inspection.create_campaign(CampaignInput("2026年下半年作风整顿自查", dt.date(2026, 10, 1),
                                                        dt.date(2026, 10, 31), template.id, ["张三", "李四"]))
    item = inspection.template_items(template.id)[0][0]

    def problem(**changes):
        values = dict(campaign_id=campaign.id, item_id=item.id, description="协调配合不主动", responsible_name="张三",
                      deadline=dt.date(2026, 10, 20), measure="建立周例会协调制度", cause="大局意识不强")
        values.update(changes)
        return inspection.create_problem(ProblemInput(**values))

    ids["problem_open"] = problem().id
    ids["problem_no_deadline"] = problem(kind="短期内不能解决", deadline=None,
                                         explanation="涉及编制调整，已向群众说明需待上级批复").id
    late = problem(deadline=dt.date(2026, 10, 9))
    voided = problem()
    clock.set(dt.datetime(2026, 10, 12, 10, 0))
    inspection.complete_problem(late.id, "已建立周例会制度", actor="张三")
    inspection.void_problem(voided.id, "重复登记")
    clock.set(T0)
    return ids


# --- what must agree ---------------------------------------------------------------------------------

def assert_agrees(data: DataFile, now: dt.datetime) -> Counter:
    """The 概览's overdue and open items per register against the services; returns the overdue counts."""
    items = dashboard.open_items(now)
    overdue_listed = Counter(item.register for item in dashboard.overdue(items))
    for name, (service, model) in REGISTERS.items():
        rows = data.rows[name]
        states = {row.id: service.state(row, now) for row in rows}
        overdue = {i for i, state in states.items() if state == OVERDUE}
        listed = [item for item in items if item.register == name]
        assert len(listed) < dashboard.LIMIT  # nothing cut off, so the lists are whole
        assert {item.record_id for item in listed if item.state == OVERDUE} == overdue, (name, now)
        assert overdue_listed[name] == len(overdue), (name, now)
        assert service.overdue_count(now) == len(overdue), (name, now)
        assert {row.id for row in model.select(model.id).where(service.overdue_condition(now))} == overdue
        # The open list holds every record the service calls open, and only those (a problem with no
        # deadline stays on its own 整改台账 only).
        still_open = {row.id for row in rows if states[row.id] in (OPEN, SOON, OVERDUE)
                      and not (model is Problem and row.deadline is None)}
        assert {item.record_id for item in listed} == still_open, (name, now)
        assert all(item.state == states[item.record_id] for item in listed)
    return overdue_listed


NOWS = [
    dt.datetime(2024, 1, 1, 0, 0),
    dt.datetime(2026, 9, 15, 12, 0),
    T0 - SECOND,
    T0,
    dt.datetime(2026, 10, 9, 23, 59, 59),
    dt.datetime(2026, 10, 10, 0, 0),
    dt.datetime(2026, 10, 10, 0, 0, 1),
    dt.datetime(2026, 10, 13, 8, 30),
    dt.datetime(2026, 10, 25, 0, 0),
    dt.datetime(2026, 12, 31, 23, 59, 59, 999999),
    dt.datetime(2027, 12, 31, 23, 59, 59),
]


@pytest.mark.parametrize("now", NOWS, ids=str)
@pytest.mark.parametrize("data", ["demo_file", "handmade_file"])
def test_the_dashboard_agrees_with_the_services(request, data, now):
    data = request.getfixturevalue(data)
    use(data)
    assert_agrees(data, now)


def test_demo_month_has_something_overdue_to_count(demo_file):
    use(demo_file)
    late = assert_agrees(demo_file, T0)
    assert late["值班记录"] > 0 and late["公文流转"] > 0
    assert sum(assert_agrees(demo_file, dt.datetime(2027, 12, 31)).values()) > sum(late.values())
    assert sum(assert_agrees(demo_file, dt.datetime(2024, 1, 1)).values()) == 0


def test_a_visit_late_only_for_its_acceptance_notice_counts_as_overdue(handmade_file):
    use(handmade_file)
    visit = Visit.get_by_id(handmade_file.ids["visit_undecided"])
    assert visit.decision == "" and visit.acceptance_due == dt.datetime(2026, 10, 24, 23, 59, 59)
    assert visit.deadline > dt.datetime(2026, 12, 1)  # its 办理时限 is far off
    for now, late in [(visit.acceptance_due, False), (visit.acceptance_due + TICK, True),
                      (visit.acceptance_due + SECOND, True), (dt.datetime(2026, 11, 1, 9, 0), True)]:
        assert (visitors.state(visit, now) == OVERDUE) is late, now
        listed = {item.record_id for item in dashboard.overdue(dashboard.open_items(now))
                  if item.register == "来访接待"}
        assert (visit.id in listed) is late, now
        assert_agrees(handmade_file, now)
    item = next(i for i in dashboard.visitors_open_items(T0) if i.record_id == visit.id)
    assert item.deadline == visit.acceptance_due  # the 概览 shows the 受理告知 as the next due moment


def test_handmade_counts_at_known_moments(handmade_file):
    use(handmade_file)
    assert assert_agrees(handmade_file, T0) == Counter()
    # 09:10 the open call; midnight the call due then; the 10-12 visit and the typed document after.
    assert assert_agrees(handmade_file, dt.datetime(2026, 10, 10, 0, 0, 1)) == Counter({"值班记录": 2})
    assert assert_agrees(handmade_file, dt.datetime(2026, 10, 21, 0, 0)) == Counter(
        {"值班记录": 2, "公文流转": 2, "来访接待": 1, "五查自查": 1})
    assert assert_agrees(handmade_file, dt.datetime(2026, 10, 25, 0, 0)) == Counter(
        {"值班记录": 2, "公文流转": 2, "来访接待": 2, "五查自查": 1})


# --- property: any moment from 2024 to 2027 ----------------------------------------------------------

FIRST, LAST = dt.datetime(2024, 1, 1), dt.datetime(2027, 12, 31, 23, 59, 59, 999999)
NEAR_MIDNIGHT = [-SECOND, -TICK, dt.timedelta(0), TICK, SECOND]

any_moment = st.datetimes(min_value=FIRST, max_value=LAST)
near_midnight = st.builds(lambda day, offset: dt.datetime.combine(day, dt.time()) + offset,
                          st.dates(FIRST.date() + dt.timedelta(days=1), LAST.date()), st.sampled_from(NEAR_MIDNIGHT))
moments = st.one_of(any_moment, near_midnight)
examples = hypothesis_settings(max_examples=30, deadline=None, database=None)


@examples
@given(now=moments)
def test_any_moment_demo_month(demo_file, now):
    use(demo_file)
    assert_agrees(demo_file, now)


@examples
@given(now=moments)
def test_any_moment_handmade(handmade_file, now):
    use(handmade_file)
    assert_agrees(handmade_file, now)


def test_handmade_at_every_due_moment(handmade_file):
    # Where a record's state changes: each due moment itself, a microsecond and a second either side.
    use(handmade_file)
    assert len(handmade_file.moments) >= 6
    for moment in handmade_file.moments:
        for offset in NEAR_MIDNIGHT:
            assert_agrees(handmade_file, moment + offset)


@examples
@given(data=st.data())
def test_demo_month_at_due_moments(demo_file, data):
    use(demo_file)
    moment = data.draw(st.sampled_from(demo_file.moments)) + data.draw(st.sampled_from(NEAR_MIDNIGHT))
    assert_agrees(demo_file, moment)
