"""公文流转 figures follow DOMAIN.md's definitions, checked on a hand-computed month (October 2026)."""

from __future__ import annotations

import datetime as dt

from xiaoneng_desktop.core import session
from xiaoneng_desktop.documents import service, stats
from xiaoneng_desktop.documents.service import IncomingInput, OutgoingInput, StepInput

D = dt.date
T = dt.datetime


def received(clock, day, urgency="平件", deadline=None, closed=None):
    clock.set(T(day.year, day.month, day.day, 9, 0))
    doc = service.register_incoming(IncomingInput(
        start_date=day, unit="市政府办公室", title="来文", kind="通知", registrar="李文书", next_holder="赵主任",
        urgency=urgency, deadline=deadline))
    if closed is not None:
        clock.set(closed)
        for step in (StepInput("拟办", "赵主任", next_holder="王县长"), StepInput("批办", "王县长", lead="林业局"),
                     StepInput("承办", "林业局"), StepInput("办结", "林业局")):
            service.advance(doc.id, step)
    return doc


def test_month_figures_by_definition(database, clock):
    a = received(clock, D(2026, 10, 9), closed=T(2026, 10, 15, 10, 0))  # deadline 10-22: 按时办结
    received(clock, D(2026, 10, 12), "特急", closed=T(2026, 10, 13, 10, 0))  # deadline 10-12: 超时
    received(clock, D(2026, 10, 30), deadline=D(2026, 11, 30))  # open, typed deadline later: 在办
    received(clock, D(2026, 10, 20))  # open, deadline 11-03 after T (10-31 23:59:59): 在办
    received(clock, D(2026, 10, 20), "特急")  # open, deadline 10-20 passed: 超时
    received(clock, D(2026, 10, 31), "加急", closed=T(2026, 11, 2, 10, 0))  # closed after T, due 11-04: 在办
    received(clock, D(2026, 9, 30))  # September
    november = received(clock, D(2026, 11, 1))  # November: deadline 11-13
    voided = received(clock, D(2026, 10, 12))
    service.void_document(voided.id, "重复登记")
    clock.set(T(2026, 10, 9, 9, 0))
    sent = service.start_outgoing(OutgoingInput(start_date=D(2026, 10, 9), title="发文", kind="通知", code="县政办发",
                                                unit="秘书科", drafter="陈秘书"))
    clock.set(T(2026, 10, 16, 9, 0))
    for step in (StepInput("拟稿", "陈秘书", next_holder="周科长"), StepInput("核稿", "周科长", next_holder="王县长"),
                 StepInput("签发", "王县长"), StepInput("编号", "李文书"), StepInput("印发", "李文书")):
        service.advance(sent.id, step)  # 印发 10-16, deadline 10-23: 按时办结
    clock.set(T(2026, 11, 15, 12, 0))

    october = stats.month_figures(2026, 10)
    assert october == stats.Figures(total=7, on_time=2, overdue=2, in_progress=3)
    assert october.rate == 50.0 and october.rate_text == "50.0%"
    directions = stats.by_direction(2026, 10)
    assert directions["收文"] == stats.Figures(6, 1, 2, 3)
    assert directions["发文"] == stats.Figures(1, 1, 0, 0)
    assert stats.month_figures(2026, 10, "发文").rate_text == "100.0%"
    urgency = stats.by_urgency(2026, 10)
    assert list(urgency) == ["平件", "加急", "特急"]
    assert (urgency["平件"].total, urgency["加急"].total, urgency["特急"].total) == (4, 1, 2)
    kinds = stats.by_kind(2026, 10, "收文")
    assert kinds["通知"].total == 6 and kinds["请示"] == stats.EMPTY and len(kinds) == 16
    behind = [d.id for d in stats.records_behind(2026, 10, "on_time")]
    assert behind == [a.id, sent.id]
    assert voided.id not in [d.id for d in stats.records_behind(2026, 10, "total")]
    # November runs: T is now (11-15 12:00), and its only item's deadline (11-13) has passed
    assert stats.month_figures(2026, 11) == stats.Figures(1, 0, 1, 0)
    assert [d.id for d in stats.records_behind(2026, 11, "overdue")] == [november.id]


def test_empty_month(database, clock):
    empty = stats.month_figures(2026, 7)
    assert empty == stats.Figures(0, 0, 0, 0) and empty.rate is None and empty.rate_text == "—"
    assert all(f == stats.EMPTY for f in stats.by_direction(2026, 7).values())


def test_extension_moves_the_deadline_of_the_figures(database, clock):
    doc = received(clock, D(2026, 10, 12), "特急")
    with session.acting_as(session.Actor("赵主任", session.SECRETARY)):
        asked = service.ask_extension(doc.id, D(2026, 10, 14), "需核实情况")
    with session.acting_as(session.Actor("王县长", session.LEADER)):
        service.decide_extension(asked.id, True)
    clock.set(T(2026, 10, 14, 10, 0))
    for step in (StepInput("拟办", "赵主任", next_holder="王县长"), StepInput("批办", "王县长", lead="林业局"),
                 StepInput("承办", "林业局"), StepInput("办结", "林业局")):
        service.advance(doc.id, step)
    clock.set(T(2026, 11, 15, 12, 0))
    assert stats.month_figures(2026, 10) == stats.Figures(1, 1, 0, 0)
