"""The working-day calendar against the State Council's real 2025 and 2026 arrangements."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.core import workdays
from xiaoneng_desktop.core.models import AuditLog, WorkdayOverride
from xiaoneng_desktop.core.validation import ValidationError

D = dt.date


def _span(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (D(2025, 10, 1), D(2025, 10, 8)),  # 国庆节、中秋节
        (D(2026, 2, 15), D(2026, 2, 23)),  # 春节
        (D(2026, 9, 25), D(2026, 9, 27)),  # 中秋节
        (D(2026, 10, 1), D(2026, 10, 7)),  # 国庆节
    ],
)
def test_statutory_holidays_are_days_off(database, first, last):
    for day in _span(first, last):
        assert workdays.is_workday(day) is False, day


@pytest.mark.parametrize(
    "day",
    [
        D(2025, 9, 28),  # Sunday
        D(2025, 10, 11),  # Saturday
        D(2026, 2, 14),  # Saturday
        D(2026, 2, 28),  # Saturday
        D(2026, 9, 20),  # Sunday
        D(2026, 10, 10),  # Saturday
    ],
)
def test_make_up_weekend_days_are_workdays(database, day):
    assert day.weekday() >= 5
    assert workdays.is_workday(day) is True


def test_ordinary_days(database):
    assert workdays.is_workday(D(2026, 10, 8)) is True  # Thursday after the holiday
    assert workdays.is_workday(D(2026, 10, 17)) is False  # ordinary Saturday
    assert workdays.is_workday(dt.datetime(2026, 10, 8, 15, 30)) is True  # a datetime counts by its day


def test_add_workdays_across_national_day_2026(database):
    # 10-01..07 off, 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat make-up day (3).
    assert workdays.add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert workdays.add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 10)
    assert workdays.add_workdays(D(2026, 9, 30), 4) == D(2026, 10, 12)
    # Received on a holiday: counting still starts with the next working day.
    assert workdays.add_workdays(D(2026, 10, 3), 1) == D(2026, 10, 8)


def test_add_workdays_across_spring_festival_2026(database):
    # 02-13 Fri, 02-14 Sat make-up (1), 02-15..23 off, 02-24 Tue (2).
    assert workdays.add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert workdays.add_workdays(D(2026, 2, 13), 2) == D(2026, 2, 24)
    # 02-25..27 (3..5), 02-28 Sat make-up (6), 03-02..05 (7..10).
    assert workdays.add_workdays(D(2026, 2, 13), 10) == D(2026, 3, 5)


def test_add_zero_and_negative_workdays(database):
    assert workdays.add_workdays(D(2026, 10, 9), 0) == D(2026, 10, 9)
    assert workdays.add_workdays(D(2026, 10, 1), 0) == D(2026, 10, 8)
    assert workdays.add_workdays(D(2026, 10, 11), 0) == D(2026, 10, 12)  # Sunday → Monday
    assert workdays.add_workdays(D(2026, 10, 8), -1) == D(2026, 9, 30)
    assert workdays.add_workdays(D(2026, 10, 12), -1) == D(2026, 10, 10)


def test_workdays_between(database):
    assert workdays.workdays_between(D(2026, 9, 30), D(2026, 10, 10)) == 3
    assert workdays.workdays_between(D(2026, 9, 30), D(2026, 10, 7)) == 0
    assert workdays.workdays_between(D(2026, 10, 9), D(2026, 10, 9)) == 0
    assert workdays.workdays_between(D(2026, 10, 10), D(2026, 9, 30)) == -3
    assert workdays.workdays_between(D(2025, 12, 31), D(2026, 12, 31)) == sum(
        workdays.is_workday(day) for day in _span(D(2026, 1, 1), D(2026, 12, 31))
    )
    for n in range(0, 15):
        end = workdays.add_workdays(D(2026, 9, 24), n)
        assert workdays.workdays_between(D(2026, 9, 24), end) == n


def test_deadline_end(database):
    assert workdays.deadline_end(D(2026, 10, 10)) == dt.datetime(2026, 10, 10, 23, 59, 59)


def test_override_turns_a_2026_day_off_and_wins(database):
    workdays.set_override(D(2026, 10, 9), False, "县庆放假")
    assert workdays.is_workday(D(2026, 10, 9)) is False
    assert workdays.add_workdays(D(2026, 9, 30), 2) == D(2026, 10, 10)
    assert workdays.workdays_between(D(2026, 9, 30), D(2026, 10, 10)) == 2
    [row] = workdays.overrides(2026)
    assert (row.day, row.is_workday, row.note) == (D(2026, 10, 9), False, "县庆放假")
    assert workdays.overrides(2025) == []

    # Setting the same day again replaces the entry; removing it restores the statutory calendar.
    workdays.set_override(D(2026, 10, 9), True, "")
    assert WorkdayOverride.select().count() == 1
    assert workdays.is_workday(D(2026, 10, 9)) is True
    assert workdays.remove_override(D(2026, 10, 9)) is True
    assert workdays.remove_override(D(2026, 10, 9)) is False
    assert workdays.overrides() == []
    assert [log.action for log in AuditLog.select().order_by(AuditLog.id)] == ["新建", "修改", "删除"]


def test_override_can_make_a_holiday_a_workday(database):
    workdays.set_override(D(2026, 10, 5), True, "值守")
    assert workdays.is_workday(D(2026, 10, 5)) is True
    assert workdays.add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 5)


def test_unknown_year_takes_the_statutory_days_off_of_holidays_china(database):
    assert workdays.known_year(2026) is True
    assert workdays.known_year(2027) is False
    assert workdays.is_workday(D(2027, 1, 1)) is False  # 元旦, a Friday: no longer counted as a workday
    assert workdays.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert workdays.is_workday(D(2027, 10, 1)) is False  # 国庆节
    assert workdays.is_workday(D(2027, 2, 8)) is False  # 春节
    assert workdays.is_workday(D(2027, 10, 9)) is False  # a Saturday: make-up days are not known
    assert workdays.is_workday(D(2027, 10, 11)) is True
    assert workdays.days(D(2027, 2, 6), D(2027, 2, 6))[0].label == "春节（推算）"


def test_a_year_is_provisional_until_confirmed(database, clock):
    assert workdays.is_provisional(2026) is False
    assert workdays.is_provisional(2027) is True
    assert workdays.provisional_years(D(2026, 10, 9)) == []  # more than 60 days before year end
    assert workdays.provisional_years(D(2026, 11, 2)) == [2027]
    assert workdays.provisional_warning(D(2027, 3, 1)).startswith(
        "2027年的节假日安排尚未确认，请在“工具 → 节假日与调休”中按国务院办公厅通知核对"
    )
    workdays.confirm_year(2027)
    assert workdays.is_provisional(2027) is False
    assert workdays.provisional_warning(D(2027, 3, 1)) == ""
    assert workdays.provisional_years(D(2027, 12, 1)) == [2028]
    history = AuditLog.select().where(AuditLog.action == "确认节假日安排")
    assert [(row.record_id, row.detail) for row in history] == [(2027, "2027年")]
    workdays.confirm_year(2027, False)
    assert workdays.is_provisional(2027) is True


def test_override_wins_in_unknown_year(database):
    workdays.set_override(D(2027, 1, 1), False, "元旦")
    workdays.set_override(D(2027, 1, 2), True, "")
    assert workdays.is_workday(D(2027, 1, 1)) is False
    assert workdays.is_workday(D(2027, 1, 2)) is True
    assert workdays.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 2)
    assert workdays.workdays_between(D(2026, 12, 31), D(2027, 1, 4)) == 2


def test_day_kinds(database):
    workdays.set_override(D(2026, 10, 9), False, "县庆放假")
    info = {item.day: item for item in workdays.days(D(2026, 9, 20), D(2026, 10, 18))}
    assert len(info) == 29
    assert (info[D(2026, 10, 1)].kind, info[D(2026, 10, 1)].label) == (workdays.HOLIDAY, "国庆节")
    assert info[D(2026, 10, 3)].kind == workdays.HOLIDAY  # a Saturday inside the holiday
    assert info[D(2026, 9, 20)].kind == workdays.MAKEUP
    assert info[D(2026, 10, 10)].is_workday is True
    assert (info[D(2026, 9, 26)].kind, info[D(2026, 9, 26)].label) == (workdays.HOLIDAY, "中秋节")
    assert info[D(2026, 10, 17)].kind == workdays.WEEKEND
    assert info[D(2026, 10, 8)].kind == workdays.WORKDAY
    assert (info[D(2026, 10, 9)].kind, info[D(2026, 10, 9)].is_workday) == (workdays.OVERRIDE, False)
    assert workdays.days(D(2027, 10, 8), D(2027, 10, 9))[1].kind == workdays.WEEKEND


@pytest.mark.sqlite_only(reason="用 SQLite 连接的 trace 回调数语句")
def test_add_workdays_takes_few_queries(database):
    statements: list[str] = []
    database.connection().set_trace_callback(statements.append)
    try:
        workdays.add_workdays(D(2026, 9, 24), 10)
        workdays.workdays_between(D(2026, 1, 1), D(2026, 12, 31))
        workdays.add_workdays(D(2026, 1, 1), 400)  # far past the first window
    finally:
        database.connection().set_trace_callback(None)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 4


@pytest.mark.parametrize(
    ("day", "is_workday", "note", "field", "message"),
    [
        (D(2026, 10, 9), False, "长" * 61, "note", "说明不能超过 60 个字"),
        (D(2026, 10, 9), False, "放假😀", "note", "表情符号"),
        (None, False, "", "day", "请选择日期"),
        ("2026-10-09", False, "", "day", "请选择日期"),
        (D(1999, 12, 31), False, "", "day", "2000 年至 2099 年"),
        (D(2026, 10, 9), None, "", "is_workday", "请选择上班或放假"),
    ],
)
def test_set_override_rejects_bad_input(database, day, is_workday, note, field, message):
    with pytest.raises(ValidationError) as caught:
        workdays.set_override(day, is_workday, note)
    assert caught.value.field == field
    assert message in str(caught.value)
    assert WorkdayOverride.select().count() == 0


def test_note_is_trimmed(database):
    row = workdays.set_override(D(2026, 10, 9), False, "  县庆  放假 ")
    assert row.note == "县庆 放假"
    assert workdays.set_override(D(2026, 10, 10), False, "长" * 60).note == "长" * 60
