"""The month's figures follow DOMAIN.md's definitions, checked on a hand-computed fixture month."""

from __future__ import annotations

import datetime as dt

from xiaoneng_desktop.duty import service, stats
from xiaoneng_desktop.duty.service import CallInput


def log(received, category="一般事项", closed=None):
    call = service.create_call(CallInput(received_at=received, category=category, summary="事项",
                                         officer_name="王值班"))
    if closed is not None:
        service.close_call(call.id, "已办理", closed_at=closed, late_reason="据纸质登记簿补记")
    return call


def test_month_figures_by_definition(database, clock):
    clock.set(dt.datetime(2026, 11, 15, 12, 0))
    d = dt.datetime
    log(d(2026, 10, 1, 0, 0), closed=d(2026, 10, 1, 0, 10))  # on time, at the deadline exactly
    log(d(2026, 10, 5, 9, 0), closed=d(2026, 10, 5, 9, 11))  # overdue
    log(d(2026, 10, 31, 23, 55))  # open at T, deadline 00:05 next month: 在办
    log(d(2026, 10, 20, 9, 0))  # open, deadline passed: 超时
    log(d(2026, 10, 31, 23, 58), closed=d(2026, 11, 1, 0, 5))  # closed after T, deadline not passed: 在办
    log(d(2026, 10, 10, 9, 0), "特殊事项", closed=d(2026, 10, 10, 11, 0))  # on time
    log(d(2026, 9, 30, 23, 59))  # September: not counted
    log(d(2026, 11, 1, 0, 0))  # November: not counted
    voided = log(d(2026, 10, 12, 9, 0))
    service.void_call(voided.id, "误登记")
    figures = stats.month_figures(2026, 10)
    assert figures == stats.Figures(total=6, on_time=2, overdue=2, in_progress=2)
    assert figures.rate == 50.0 and figures.rate_text == "50.0%"
    by_category = stats.by_category(2026, 10)
    assert by_category["特殊事项"] == stats.Figures(1, 1, 0, 0)
    assert by_category["突发事件"] == stats.Figures(0, 0, 0, 0) and by_category["突发事件"].rate_text == "—"
    assert stats.records_behind(2026, 10, "overdue").count() == 2
    labels = [call.figure for call in stats.classified_records(2026, 10)]
    assert (labels.count("按时办结"), labels.count("超时"), labels.count("在办")) == (2, 2, 2)


def test_running_month_cut_off_is_now(database, clock):
    clock.set(dt.datetime(2026, 11, 10, 9, 5))
    log(dt.datetime(2026, 11, 10, 9, 0))
    assert stats.month_figures(2026, 11) == stats.Figures(1, 0, 0, 1)
    clock.set(dt.datetime(2026, 11, 10, 9, 11))
    assert stats.month_figures(2026, 11) == stats.Figures(1, 0, 1, 0)


def test_empty_month(database, clock):
    figures = stats.month_figures(2025, 1)
    assert figures == stats.Figures(0, 0, 0, 0) and figures.rate is None and figures.rate_text == "—"


def test_ratio_and_percent_text():
    from xiaoneng_desktop.core.figures import percent_text, ratio

    assert ratio(1, 3) == 33.3 and ratio(0, 0) is None
    assert percent_text(91.2) == "91.2%" and percent_text(50) == "50.0%"
    assert percent_text(None) == "—"
