"""The figures, by DOMAIN.md's definitions, on a hand-computed fixture."""

from __future__ import annotations

import datetime as dt

from xiaoneng_desktop.inspection import service, stats

from .conftest import raise_problem


def fixture_month(campaign, clock):
    """October 2026: five problems, one voided; November: one more."""
    clock.set(dt.datetime(2026, 10, 2, 9, 0))
    a = raise_problem(campaign, 0, deadline=dt.date(2026, 10, 10))  # fixed on time, verified
    b = raise_problem(campaign, 0, deadline=dt.date(2026, 10, 5))  # fixed late (10-06), not verified
    c = raise_problem(campaign, 2, deadline=dt.date(2026, 10, 31))  # open, deadline at T: not overdue
    d = raise_problem(campaign, 3, deadline=dt.date(2026, 10, 30))  # open past deadline: overdue
    e = raise_problem(campaign, 4, deadline=dt.date(2026, 10, 30))  # voided
    service.void_problem(e.id, "重复")
    clock.set(dt.datetime(2026, 10, 6, 10, 0))
    service.complete_problem(b.id)
    service.complete_problem(a.id)
    service.verify_problem(a.id, "李四", "已核实")
    clock.set(dt.datetime(2026, 11, 3, 9, 0))
    f = raise_problem(campaign, 4, deadline=dt.date(2026, 11, 30))  # November
    service.complete_problem(d.id)  # after October's T
    service.verify_problem(d.id, "王五", "已核实")
    return a, b, c, d, f


def test_month_figures_as_of_the_month_end(campaign, clock):
    fixture_month(campaign, clock)
    clock.set(dt.datetime(2026, 12, 1, 8, 0))
    october = stats.month_figures(2026, 10)
    assert (october.found, october.fixed, october.verified, october.overdue, october.overdue_open,
            october.new) == (4, 2, 1, 2, 1, 4)
    assert october.rate_text == "25.0%"
    november = stats.month_figures(2026, 11)  # so far: October's four and November's one
    assert (november.found, november.fixed, november.verified, november.overdue, november.new) == (5, 3, 2, 3, 1)
    assert november.rate_text == "40.0%"
    assert stats.month_figures(2026, 9).rate_text == "—"  # an empty month
    assert stats.month_figures(2026, 9).found == 0


def test_a_running_month_is_counted_up_to_now(campaign, clock):
    fixture_month(campaign, clock)
    clock.set(dt.datetime(2026, 10, 6, 12, 0))
    running = stats.month_figures(2026, 10)
    assert (running.found, running.fixed, running.verified, running.overdue_open) == (4, 2, 1, 0)
    assert running.overdue == 1  # b fixed a day late


def test_campaign_and_check_figures(campaign, clock):
    fixture_month(campaign, clock)
    figures = stats.campaign_figures(campaign.id)
    assert (figures.found, figures.verified, figures.rate_text) == (5, 2, "40.0%")
    checks = stats.by_check(campaign.id)
    assert list(checks) == ["查思想认识", "查工作效率", "查工作纪律", "查服务质量", "查廉政建设"]
    assert (checks["查思想认识"].found, checks["查思想认识"].verified) == (2, 1)
    assert checks["查工作效率"].found == 0 and checks["查工作效率"].rate_text == "—"
    assert checks["查服务质量"].rate_text == "100.0%"
    [(only, total)] = stats.by_campaign()
    assert only.id == campaign.id and total == figures
    assert stats.records_behind("overdue_open", dt.datetime(2026, 10, 31, 23, 59, 59)).count() == 1


def test_half_done_reads_fifty_percent(campaign, clock):
    a = raise_problem(campaign)
    raise_problem(campaign, 1)
    service.complete_problem(a.id)
    service.verify_problem(a.id, "李四", "已核实")
    assert stats.campaign_figures(campaign.id).rate_text == "50.0%"
