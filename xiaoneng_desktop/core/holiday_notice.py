"""Reading the State Council's yearly notice (国务院办公厅关于××年部分节假日安排的通知) pasted as text.

Each item reads like "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，
共9天。2月14日（周六）、2月28日（周六）上班。": ranges and single days off in a sentence with 放假,
make-up working days in a sentence with 上班. A sentence with a date that says neither is refused,
naming it, rather than guessed at; so is a weekday in brackets that does not fit the date (the wrong
year) and a "共N天" that does not match the days read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from xiaoneng_desktop.core.validation import ValidationError

FIELD = "notice"
_ONE_DAY = dt.timedelta(days=1)
_NUMERALS = "一二三四五六七八九十"
_WEEKDAYS = "一二三四五六日"

# An item header: "六、国庆节、中秋节：". The name is at most a few festivals long.
_ITEM = re.compile(rf"[{_NUMERALS}]+、([^：:。，]{{1,20}})[：:]")
_BRACKETS = r"(?:[（(]([^）)]*)[）)])?"
_DATE = rf"(?:(\d{{4}})年)?(\d{{1,2}})月(\d{{1,2}})日{_BRACKETS}"
# The end of a range may leave out its month ("1月1日至3日") or carry its own ("4月30日至5月4日").
_RANGE = re.compile(rf"{_DATE}\s*[至到—–~～-]\s*(?:(?:(\d{{4}})年)?(\d{{1,2}})月)?(\d{{1,2}})日{_BRACKETS}")
_SINGLE = re.compile(_DATE)
# Advice, not arrangement: "鼓励各单位……安排职工在除夕（2月9日）休息".
_ADVICE = ("鼓励", "提倡")


@dataclass
class Notice:
    year: int
    days_off: dict[dt.date, str] = field(default_factory=dict)  # day → festival, e.g. 春节
    workdays: dict[dt.date, str] = field(default_factory=dict)  # make-up working day → festival


def _normal(text: str) -> str:
    # Full-width digits and spaces as pasted from a web page or a PDF; line breaks inside a sentence.
    text = text.translate({0xFF10 + i: ord("0") + i for i in range(10)})
    return re.sub(r"\s+", "", text)


def _date(year: int, y: str | None, m: str | int, d: str, sentence: str) -> dt.date:
    try:
        return dt.date(int(y) if y else year, int(m), int(d))
    except ValueError:
        raise ValidationError(FIELD, f"日期不存在：“{sentence}”") from None


def _check_weekday(day: dt.date, brackets: str | None, sentence: str) -> None:
    found = re.search(rf"(?:周|星期)([{_WEEKDAYS}天])", brackets or "")
    if found and _WEEKDAYS.index(found.group(1).replace("天", "日")) != day.weekday():
        raise ValidationError(
            FIELD, f"{day.month}月{day.day}日不是星期{found.group(1)}，请核对年份：“{sentence}”"
        )


def _days_off(year: int, clause: str, sentence: str) -> list[dt.date]:
    found: list[dt.date] = []
    rest = clause
    for match in _RANGE.finditer(clause):
        y1, m1, d1, b1, y2, m2, d2, b2 = match.groups()
        first = _date(year, y1, m1, d1, sentence)
        last = _date(y2 and int(y2) or first.year, None, m2 or first.month, d2, sentence)
        if last < first and not m2:
            raise ValidationError(FIELD, f"放假的起止日期颠倒：“{sentence}”")
        if last < first:  # "12月31日至1月2日": the end is in the next year
            last = last.replace(year=last.year + 1)
        _check_weekday(first, b1, sentence)
        _check_weekday(last, b2, sentence)
        if (last - first).days > 15:
            raise ValidationError(FIELD, f"放假超过半个月，请核对：“{sentence}”")
        found += [first + _ONE_DAY * i for i in range((last - first).days + 1)]
        rest = rest.replace(match.group(0), "", 1)
    for match in _SINGLE.finditer(rest):
        y, m, d, brackets = match.groups()
        day = _date(year, y, m, d, sentence)
        _check_weekday(day, brackets, sentence)
        found.append(day)
    return found


def _workdays(year: int, clause: str, sentence: str) -> list[dt.date]:
    if _RANGE.search(clause):
        raise ValidationError(FIELD, f"调休上班应逐日列出，读不懂这一句：“{sentence}”")
    found = []
    for y, m, d, brackets in _SINGLE.findall(clause):
        day = _date(year, y, m, d, sentence)
        _check_weekday(day, brackets, sentence)
        found.append(day)
    return found


def parse(text: str, year: int) -> Notice:
    """The arrangement the notice gives for ``year`` (its dates without a year are in ``year``).

    Raises ValidationError("notice", …) naming the first sentence it cannot read.
    """
    text = _normal(text)
    stated = re.search(r"关于(\d{4})年(?:部分)?节假日安排", text)
    if stated and int(stated.group(1)) != year:
        raise ValidationError(FIELD, f"这是{stated.group(1)}年的通知，当前选择的是{year}年")
    notice = Notice(year)
    first_item = _ITEM.search(text)
    if first_item is None:
        raise ValidationError(FIELD, "没有找到“一、元旦：……”这样的放假安排条目，请粘贴通知正文")
    name = ""
    for sentence in re.split(r"[。；;]", text[first_item.start() :]):
        item = _ITEM.match(sentence)
        if item:
            name = item.group(1)
            body = sentence[item.end() :]
        else:
            body = sentence
        if not _SINGLE.search(body) or body.startswith(_ADVICE):
            continue  # "共3天" alone, the closing paragraph, advice to rest on 除夕
        if "放假" not in body and "上班" not in body:
            if all(y for y, *_ in _SINGLE.findall(body)):
                continue  # the date of issue under the signature: "国务院办公厅2025年11月4日"
            raise ValidationError(FIELD, f"读不懂这一句（既不是放假也不是上班）：“{sentence}”")
        # Usually one sentence says one of them; if both, each clause says its own.
        clauses = re.split(r"[，,]", body) if "放假" in body and "上班" in body else [body]
        days_off: list[dt.date] = []
        for clause in clauses:
            if not _SINGLE.search(clause):
                continue
            if "上班" in clause:
                notice.workdays.update(dict.fromkeys(_workdays(year, clause, sentence), name))
            elif "放假" in clause:
                days_off += _days_off(year, clause, sentence)
            else:
                raise ValidationError(FIELD, f"读不懂这一句（既不是放假也不是上班）：“{sentence}”")
        total = re.search(r"共(\d{1,2})天", body)
        if total and int(total.group(1)) != len(days_off):
            raise ValidationError(
                FIELD, f"列出的放假日期是 {len(days_off)} 天，与“共{total.group(1)}天”不符：“{sentence}”"
            )
        notice.days_off.update(dict.fromkeys(days_off, name))
    both = sorted(set(notice.days_off) & set(notice.workdays))
    if both:
        raise ValidationError(FIELD, f"{both[0].month}月{both[0].day}日既放假又上班，请核对通知")
    if not notice.days_off:
        raise ValidationError(FIELD, "没有读到任何放假日期，请粘贴通知正文")
    return notice
