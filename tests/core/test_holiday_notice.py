"""Reading the State Council's notice: the real 2024–2026 notices give exactly chinese-calendar's
days off and make-up working days (its data is the ground truth for those years)."""

from __future__ import annotations

import datetime as dt

import chinese_calendar.constants as known
import pytest

from tests.core.notices import NOTICES
from xiaoneng_desktop.core import holiday_notice, session, workdays
from xiaoneng_desktop.core.models import AuditLog, WorkdayOverride
from xiaoneng_desktop.core.validation import ValidationError

D = dt.date


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_real_notices_agree_with_chinese_calendar(year):
    notice = holiday_notice.parse(NOTICES[year], year)
    assert set(notice.days_off) == {day for day in known.holidays if day.year == year}
    assert set(notice.workdays) == {day for day in known.workdays if day.year == year}


def test_names_ranges_and_cross_month():
    notice = holiday_notice.parse(NOTICES[2025], 2025)
    assert notice.days_off[D(2025, 1, 28)] == notice.days_off[D(2025, 2, 4)] == "春节"
    assert [day for day in notice.days_off if day.month in (5, 6) and notice.days_off[day] == "端午节"] == [
        D(2025, 5, 31),
        D(2025, 6, 1),
        D(2025, 6, 2),
    ]
    assert notice.days_off[D(2025, 10, 8)] == "国庆节、中秋节"
    assert notice.workdays[D(2025, 4, 27)] == "劳动节"
    notice = holiday_notice.parse("四、劳动节：4月30日至5月4日放假调休，共5天。4月27日（周日）上班。", 2025)
    assert sorted(notice.days_off) == [D(2025, 4, 30) + dt.timedelta(days=i) for i in range(5)]
    notice = holiday_notice.parse("一、元旦：2016年12月31日至2017年1月2日放假调休，共3天。", 2017)
    assert sorted(notice.days_off) == [D(2016, 12, 31), D(2017, 1, 1), D(2017, 1, 2)]


def test_full_width_digits_and_line_breaks():
    notice = holiday_notice.parse(
        "一、元旦：１月１日（周四）至\n３日（周六）放假调休，共３天。１月４日（周日）上班。", 2026
    )
    assert sorted(notice.days_off) == [D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 3)]
    assert list(notice.workdays) == [D(2026, 1, 4)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("随便写点什么", "没有找到“一、元旦：……”"),
        (
            "一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。",
            "列出的放假日期是 3 天，与“共4天”不符：“一、元旦：1月1日",
        ),
        ("一、元旦：1月1日（周五）放假。", "1月1日不是星期五，请核对年份"),
        ("一、元旦：1月1日放假。1月4日调班。", "读不懂这一句（既不是放假也不是上班）：“1月4日调班”"),
        ("一、元旦：2月30日放假。", "日期不存在：“一、元旦：2月30日放假”"),
        ("一、元旦：1月1日放假。1月1日上班。", "1月1日既放假又上班"),
        (
            "国务院办公厅关于2027年部分节假日安排的通知 一、元旦：1月1日放假。",
            "这是2027年的通知，当前选择的是2026年",
        ),
        ("一、元旦：1月1日放假。1月3日至4日上班。", "调休上班应逐日列出"),
    ],
)
def test_refuses_what_it_cannot_read(text, message):
    with pytest.raises(ValidationError) as caught:
        holiday_notice.parse(text, 2026)
    assert message in caught.value.errors["notice"]


NOTICE_2027 = (
    "一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日（周一）上班。"
    "二、春节：2月11日至17日放假调休，共7天。2月7日（周日）、2月20日（周六）上班。"
)


def test_apply_fills_a_provisional_year_and_confirms_it(database, clock):
    workdays.set_override(D(2027, 3, 8), False, "县庆放假")  # the office's own entry stays
    notice = holiday_notice.parse(NOTICE_2027, 2027)
    changes = workdays.notice_changes(notice)
    by_day = {change.day: change for change in changes}
    assert by_day[D(2027, 2, 20)] == workdays.Change(D(2027, 2, 20), True, "春节调休上班", "周末")
    assert by_day[D(2027, 2, 7)] == workdays.Change(
        D(2027, 2, 7), True, "春节调休上班", "法定节假日：春节（推算）"
    )
    assert by_day[D(2027, 1, 1)].before == "法定节假日：元旦（推算）"
    # holidays.China guessed 2月5日–10日 for 春节; this notice says 2月11日–17日, so the guessed
    # weekdays become workdays again, and a later guess (清明节) too.
    assert by_day[D(2027, 2, 5)] == workdays.Change(
        D(2027, 2, 5), True, "按通知上班", "法定节假日：农历除夕（推算）"
    )
    assert by_day[D(2027, 4, 5)].is_workday is True
    assert D(2027, 3, 8) not in by_day
    assert workdays.is_provisional(2027)
    with session.acting_as(session.Actor("张三", session.ADMIN, 1)):
        workdays.apply_notice(notice)
    assert not workdays.is_provisional(2027)
    assert workdays.is_workday(D(2027, 2, 5)) and workdays.is_workday(D(2027, 2, 20))
    assert not workdays.is_workday(D(2027, 1, 1)) and not workdays.is_workday(D(2027, 2, 17))
    assert workdays.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert WorkdayOverride.get_by_id(D(2027, 3, 8)).note == "县庆放假"
    assert AuditLog.get(AuditLog.action == "导入放假通知").actor == "张三"
    # Applying it again changes nothing that matters and keeps the year confirmed.
    workdays.apply_notice(notice)
    assert WorkdayOverride.select().count() == len(changes) + 1
