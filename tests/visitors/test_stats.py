"""The month's visit figures follow DOMAIN.md's definitions, on a hand-computed fixture month."""

from __future__ import annotations

import datetime as dt

from xiaoneng_desktop.visitors import service, stats
from xiaoneng_desktop.visitors.models import Visit
from xiaoneng_desktop.visitors.service import HandlingInput, VisitInput

d = dt.datetime


def visit(at, persons=1, id_number="", phone="", accepted=None, replied=None, rating="未评价"):
    v = service.create_visit(VisitInput(visited_at=at, name="来访人", matter="事项", first_responder="王接待",
                                        persons=persons, id_number=id_number, phone=phone))
    if accepted is not None:
        service.save_handling(v.id, HandlingInput(decision="受理", decided_at=accepted,
                                                  reply="已答复" if replied else "", replied_at=replied,
                                                  satisfaction=rating, late_reason="据接待登记簿补记"))
    return v


def typed(row, day: dt.date) -> None:
    """A 办理时限 typed by hand, as a ledger kept before the program gives it (the program itself
    computes it and never lets it be retyped)."""
    Visit.update(deadline=dt.datetime.combine(day, dt.time(23, 59, 59)), deadline_typed=True).where(
        Visit.id == row.id).execute()


def test_month_figures_by_definition(database, clock):
    clock.set(d(2026, 10, 31, 12, 0))  # the October answers and their ratings are entered in October
    visit(d(2026, 9, 20, 9), phone="13811110000")  # September: earlier visit of a repeat, not counted
    # October 2026: T = 2026-10-31 23:59:59
    visit(d(2026, 10, 1, 9), accepted=d(2026, 10, 2, 9), replied=d(2026, 10, 20, 9), rating="满意")  # on time
    visit(d(2026, 10, 5, 9), phone="13811110000", persons=6, accepted=d(2026, 10, 5, 10),
          replied=d(2026, 10, 30, 9), rating="基本满意")  # on time; repeat (phone); group of 6
    # deadline typed in the past and answered after it: overdue
    late = visit(d(2026, 10, 6, 9), accepted=d(2026, 10, 6, 10))
    typed(late, dt.date(2026, 10, 10))
    service.save_handling(late.id, HandlingInput(decision="受理", decided_at=d(2026, 10, 6, 10),
                                                 reply="已答复", replied_at=d(2026, 10, 12, 9), satisfaction="不满意",
                                                 late_reason="据接待登记簿补记"))
    clock.set(d(2027, 2, 15, 12, 0))
    # open at T with a typed deadline already past: overdue
    stuck = visit(d(2026, 10, 7, 9), accepted=d(2026, 10, 7, 10))
    typed(stuck, dt.date(2026, 10, 25))
    visit(d(2026, 10, 31, 23, 0), persons=2)  # open at T, deadline in December: 在办
    # answered after T (in November): still 在办 at T; same ID as an earlier October visit → repeat
    ident = "11010519491231002X"
    visit(d(2026, 10, 8, 9), id_number=ident)  # 在办
    visit(d(2026, 10, 9, 9), id_number=ident, accepted=d(2026, 10, 9, 10), replied=d(2026, 11, 3, 9))
    voided = visit(d(2026, 10, 12, 9), persons=9)
    service.void_visit(voided.id, "误登记")
    visit(d(2026, 11, 1, 0, 0))  # November: not counted
    figures = stats.month_figures(2026, 10)
    assert figures == stats.Figures(visits=7, persons=13, repeats=2, groups=1, on_time=2, overdue=2,
                                    in_progress=3, satisfied=2, rated=3,
                                    acceptance_late=1)  # the 10-08 visit, undecided at T past its 15 days
    assert figures.rate_text == "50.0%" and figures.satisfaction_text == "66.7%"
    assert stats.records_behind(2026, 10, "repeats").count() == 2
    assert stats.records_behind(2026, 10, "overdue").count() == 2
    assert stats.records_behind(2026, 10, "visits").count() == 7


def test_running_month_cut_off_is_now(database, clock):
    visit(d(2026, 10, 1, 9))
    assert stats.month_figures(2026, 10).in_progress == 1
    clock.set(d(2026, 11, 30, 23, 0))  # 60 days after 1 October is 30 November
    assert stats.month_figures(2026, 10).in_progress == 1
    clock.set(d(2026, 12, 1, 0, 0))
    assert stats.month_figures(2026, 10).in_progress == 1  # October's T is its own end
    assert stats.month_figures(2026, 10).overdue == 0


def test_empty_month(database, clock):
    figures = stats.month_figures(2025, 1)
    assert figures == stats.Figures(0, 0, 0, 0, 0, 0, 0, 0, 0)
    assert figures.rate_text == "—" and figures.satisfaction_text == "—"


def test_a_rating_given_after_the_cut_off_belongs_to_no_earlier_month(database, clock):
    """D3: October's 满意率 counts the ratings given by 31 October; a rating added on 5 November (or a
    September answer rated on 5 October) does not change a month already printed."""
    clock.set(d(2026, 10, 31, 12, 0))
    visit(d(2026, 9, 20, 9), accepted=d(2026, 9, 21, 9), replied=d(2026, 9, 28, 9))  # September, not rated
    visit(d(2026, 10, 1, 9), accepted=d(2026, 10, 2, 9), replied=d(2026, 10, 20, 9), rating="满意")
    later = visit(d(2026, 10, 5, 9), accepted=d(2026, 10, 5, 10), replied=d(2026, 10, 25, 9))
    september, october = stats.month_figures(2026, 9), stats.month_figures(2026, 10)
    assert (september.satisfaction_text, october.satisfaction_text) == ("—", "100.0%")

    clock.set(d(2026, 11, 5, 10, 0))
    rate(later, "不满意")
    september_visit = service.visits_query(date_from=dt.date(2026, 9, 1), date_to=dt.date(2026, 9, 30)).get()
    rate(september_visit, "不满意")
    assert stats.month_figures(2026, 10).satisfaction_text == "100.0%"  # 1 of 1 rated by the cut-off
    assert stats.month_figures(2026, 9).satisfaction_text == "—"
    assert service.get_visit(later.id).rated_at == d(2026, 11, 5, 10, 0)


def rate(row, satisfaction: str) -> None:
    """The 办理 form saved again with only the rating changed."""
    current = service.get_visit(row.id)
    service.save_handling(current.id, HandlingInput(
        decision=current.decision, decided_at=current.decided_at, referred_to=current.referred_to,
        reply=current.reply, result=current.result, replied_at=current.closed_at, satisfaction=satisfaction))


def test_late_acceptance_decision_counts(database, clock):
    """D2: a 不予受理 notice closes the visit and is judged by the 15-day 受理告知 limit; every decision
    given after that limit counts in 受理告知超时, even when the 60-day handling is still on time."""
    from xiaoneng_desktop.reports import dashboard, monthly

    clock.set(d(2026, 9, 1, 9))
    refused = visit(d(2026, 9, 1, 9))
    clock.set(d(2026, 10, 9, 10))  # day 39 (the visit's day is day 1)
    service.save_handling(refused.id, HandlingInput(decision="不予受理", decided_at=d(2026, 10, 9, 10),
                                                    decision_reason="不属于本机关职权范围"))
    assert service.state(service.get_visit(refused.id)) == "closed_late"
    clock.set(d(2026, 11, 20, 12))
    september = stats.month_figures(2026, 9)
    assert (september.on_time, september.overdue, september.in_progress) == (0, 1, 0)
    assert september.acceptance_late == 1

    clock.set(d(2026, 11, 2, 9))
    accepted = visit(d(2026, 11, 2, 9))
    clock.set(d(2026, 11, 21, 9))  # day 20: five days past the 15-day limit
    service.save_handling(accepted.id, HandlingInput(decision="受理", decided_at=d(2026, 11, 21, 9)))
    november = stats.month_figures(2026, 11)
    assert november.acceptance_late == 1
    assert (november.on_time, november.overdue, november.in_progress) == (0, 0, 1)  # 60 days: on time
    assert [v.id for v in stats.records_behind(2026, 11, "acceptance_late")] == [accepted.id]
    # an undecided visit past its 15 days counts too, before any decision
    clock.set(d(2026, 11, 25, 9))
    waiting = visit(d(2026, 11, 3, 9))
    assert stats.month_figures(2026, 11).acceptance_late == 2
    service.void_visit(waiting.id, "误登记")

    report = monthly.visitors_section(2026, 11)
    assert ("受理告知超时", "1", "0") in report.extra
    assert "受理告知超时" in report.summary[0]
    line = dashboard.visitors_month(2026, 11)
    assert line.notes == ("来访受理告知超时 1 批次",)
