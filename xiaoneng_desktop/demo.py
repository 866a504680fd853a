"""演示数据: fill an empty data file with a realistic office's records, so that the program can be
shown, tried and load-tested (ten years of calls is about 110,000 rows).

Lives above core and the registers, like ``schema``, because it fills them all. Each register's part
is one function (``_fill_people``, ``_fill_duty`` …) with its own random stream derived from the seed,
so adding a register later does not change the data the others get. Everything is deterministic:
the same seed on the same day gives the same file.

Rows are written in bulk (``insert_many``) inside one transaction, but every value is one the
register's service would accept, so any record opened in the program saves again unchanged.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from xiaoneng_desktop.core import audit, clock, db, workdays
from xiaoneng_desktop.core.db import atomic
from xiaoneng_desktop.core.models import Department, Person
from xiaoneng_desktop.core.validation import ValidationError, id_check_digit
from xiaoneng_desktop.duty import service as duty_service
from xiaoneng_desktop.duty.models import Call, DutyShift, Unavailability
from xiaoneng_desktop.inspection import service as inspection_service
from xiaoneng_desktop.inspection.models import Answer, Campaign, Participant, Problem, ProgressNote
from xiaoneng_desktop.visitors import service as visitors_service
from xiaoneng_desktop.visitors.models import Visit

__all__ = ["PROGRESS_TOTAL", "fill"]

#: ``progress(done, PROGRESS_TOTAL)``: the whole fill is reported on this scale, in steps.
PROGRESS_TOTAL = 1000
BATCH = 500

Progress = Callable[[int, int], None]


def fill(months: int = 12, *, progress: Progress | None = None, seed: int = 2026) -> dict[str, int]:
    """Fill the open database with ``months`` months of demo records ending today (``clock.today()``).

    Returns how many rows of each kind were written, e.g. {"部门": 8, "人员": 40, "班次": 730, …}.
    ``progress(done, total)`` is called after every batch (total is PROGRESS_TOTAL); an exception
    raised from it cancels the fill and nothing is written (it is all one transaction).
    Raises ValidationError when the file already holds calls or ``months`` is not a positive number.
    """
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ValidationError("months", "月数必须是正整数")
    if Call.select().exists():
        raise ValidationError("database", "该数据文件中已有数据，演示数据只能写入空的数据文件")
    last_day = clock.today()
    first_day = _months_before(last_day, months) + dt.timedelta(days=1)
    bar = _Bar(progress)
    counts: dict[str, int] = {}
    with atomic():
        people = _fill_people(_stream(seed, "people"), first_day, last_day, counts)
        bar.stage(0.01)(1, 1)
        counts.update(_fill_duty(_stream(seed, "duty"), first_day, last_day, people, bar.stage(0.68)))
        counts.update(_fill_documents(_stream(seed, "documents"), first_day, last_day, people, bar.stage(0.2)))
        counts.update(_fill_visitors(_stream(seed, "visitors"), first_day, last_day, people, bar.stage(0.09)))
        counts.update(_fill_inspection(_stream(seed, "inspection"), first_day, last_day, people, bar.stage(0.02)))
        audit.record("生成演示数据", "demo", 0,
                     f"{first_day}至{last_day}，" + "，".join(f"{k}{v}" for k, v in counts.items()))
    bar.finish()
    return counts


def _stream(seed: int, register: str) -> random.Random:
    # A str seed is hashed with SHA-512: the same on every run and platform.
    return random.Random(f"{seed}:{register}")


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


class _Bar:
    """Maps each part's own (done, total) onto one bar of PROGRESS_TOTAL steps."""

    def __init__(self, progress: Progress | None):
        self.progress = progress
        self.used = 0.0
        self.last = -1

    def stage(self, share: float) -> Progress:
        start = self.used
        self.used += share

        def report(done: int, total: int) -> None:
            self._emit(start + share * (done / total if total else 1.0))

        return report

    def _emit(self, fraction: float) -> None:
        step = min(PROGRESS_TOTAL, int(fraction * PROGRESS_TOTAL + 1e-9))
        if self.progress is not None and step != self.last:
            self.last = step
            self.progress(step, PROGRESS_TOTAL)

    def finish(self) -> None:
        self._emit(1.0)


def _is_workday(day: dt.date) -> bool:
    # The services' own calendar (a new file has no office entries), so that a demo deadline is the
    # one the service would set, in a year chinese_calendar does not know too.
    return workdays.statutory_workday(day)


# ------------------------------------------------------------------------------------ names, phones

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝"
            "龚邵万严覃戴莫向汤")
# The commonest surnames come first and are picked more often.
_SURNAME_WEIGHTS = [max(1.0, 12.0 - i * 0.25) for i in range(len(SURNAMES))]
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰红建国志文斌辉鹏宇浩俊峰波亮婷雪琳晶慧"
         "颖佳欣怡涵博睿雯倩琴云飞海燕梅春晓晨阳德成松林新光荣忠诚祥瑞金凤莉娟")
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                   "153", "155", "156", "157", "158", "159", "173", "177", "180", "181", "182", "183",
                   "185", "186", "187", "188", "189", "191", "198", "199")
AREA_CODE = "0736"


def _name(rng: random.Random) -> str:
    surname = rng.choices(SURNAMES, _SURNAME_WEIGHTS)[0]
    if rng.random() < 0.3:
        return surname + rng.choice(GIVEN)
    return surname + rng.choice(GIVEN) + rng.choice(GIVEN)


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10 ** 8):08d}"


def _landline(rng: random.Random, exchange: str = "72") -> str:
    return f"{AREA_CODE}-{exchange}{rng.randrange(10 ** 5):05d}"


# ------------------------------------------------------------------------------------ people

# (department, [(post, how many)]) of a county government office; 主任/副主任 lead the office.
DEPARTMENTS = (
    ("办公室", (("主任", 1), ("副主任", 3))),
    ("综合科", (("科长", 1), ("副科长", 1), ("科员", 3))),
    ("秘书科", (("科长", 1), ("副科长", 1), ("科员", 4))),
    ("督查室", (("科长", 1), ("副科长", 1), ("科员", 3))),
    ("信息科", (("科长", 1), ("副科长", 1), ("科员", 3))),
    ("政务服务科", (("科长", 1), ("副科长", 1), ("科员", 4))),
    ("机要室", (("科长", 1), ("副科长", 1), ("科员", 2))),
    ("行政科", (("科长", 1), ("副科长", 1), ("科员", 3))),
)
LEADER_POSTS = ("主任", "副主任")
OFFICER_POSTS = ("科长", "科员")
LEAVE_REASONS = ("年休假", "外出学习培训", "出差", "病假", "婚假", "探亲假")


@dataclass(frozen=True)
class _Member:
    id: int
    name: str
    department: str
    post: str


@dataclass
class _People:
    members: list[_Member] = field(default_factory=list)

    def with_posts(self, posts: tuple[str, ...]) -> list[_Member]:
        return [m for m in self.members if m.post in posts]

    @property
    def leaders(self) -> list[_Member]:
        return self.with_posts(LEADER_POSTS)

    @property
    def officers(self) -> list[_Member]:
        return self.with_posts(OFFICER_POSTS)

    @property
    def standbys(self) -> list[_Member]:
        return [m for m in self.members if m.post not in LEADER_POSTS + OFFICER_POSTS]

    def staff_of(self, department: str) -> list[_Member]:
        return [m for m in self.members if m.department == department and m.post not in LEADER_POSTS]


def _fill_people(rng: random.Random, first_day: dt.date, last_day: dt.date,
                 counts: dict[str, int]) -> _People:
    """The office's departments and ~40 people, and some days each cannot take duty (leave, travel)."""
    taken = {name for (name,) in Person.select(Person.name).where(Person.active == True).tuples()}  # noqa: E712
    people = _People()
    departments = 0
    top = Department.select(Department.sort_order).order_by(Department.sort_order.desc()).first()
    base = top.sort_order if top else 0
    for order, (department_name, posts) in enumerate(DEPARTMENTS, start=1):
        department = Department.get_or_none(Department.name == department_name)
        if department is None:
            department = Department.create(name=department_name, sort_order=base + order * 10)
            departments += 1
        office_phone = _landline(rng)
        for post, number in posts:
            for _ in range(number):
                name = _name(rng)
                while name in taken:
                    name = _name(rng)
                taken.add(name)
                phone = _landline(rng) if post in LEADER_POSTS else office_phone
                person = Person.create(name=name, department=department, post=post, office_phone=phone,
                                       mobile=_mobile(rng))
                people.members.append(_Member(person.id, name, department_name, post))
    leaves = []
    for member in people.members:
        for year in range(first_day.year, last_day.year + 1):
            if rng.random() < 0.6:
                start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
                leaves.append({"person": member.id, "first_day": start,
                               "last_day": start + dt.timedelta(days=rng.randint(2, 6)),
                               "reason": rng.choice(LEAVE_REASONS)})
    for i in range(0, len(leaves), BATCH):
        Unavailability.insert_many(leaves[i:i + BATCH]).execute()
    counts.update({"部门": departments, "人员": len(people.members), "不能值班": len(leaves)})
    return people


# ------------------------------------------------------------------------------------ 值班记录

TOWNS = ("城关镇", "青山乡", "白鹤镇", "龙潭镇", "石门桥镇", "太平镇", "新安镇", "金罗镇", "双溪口镇",
         "万福乡", "黄土店镇", "盘石镇", "梅溪乡", "雁池乡", "维新镇", "易家渡镇")
VILLAGES = ("桃林村", "枫树村", "长岭村", "石桥村", "新华村", "团结村", "红星村", "柳溪村", "荷花村",
            "杨家坪村", "王家湾村", "李家岗村", "白果村", "茶园村", "大坪村", "竹山村", "双龙村", "狮子口村")
COUNTY_UNITS = ("县委办公室", "县应急管理局", "县水利局", "县公安局", "县消防救援大队", "县自然资源局",
                "县气象局", "县住房和城乡建设局", "县交通运输局", "县卫生健康局", "县教育局", "县民政局",
                "县信访局", "县农业农村局", "县林业局", "县市场监督管理局", "县融媒体中心", "县供电公司",
                "县人民武装部", "县12345政务服务便民热线")
CITY_UNITS = ("市政府办公室", "市政府总值班室", "市委办公室", "市应急管理局", "市防汛抗旱指挥部办公室",
              "市政府督查室", "市委机要和保密局", "市政府研究室")
COUNTY_DEPARTMENTS = ("县应急管理局", "县水利局", "县公安局", "县自然资源局", "县住房和城乡建设局",
                      "县交通运输局", "县卫生健康局", "县教育局", "县民政局", "县农业农村局", "县林业局",
                      "县市场监督管理局", "县城市管理局", "县生态环境分局")
CHANNELS = (("电话", 85), ("传真", 5), ("网络", 5), ("来人", 4), ("其他", 1))
CATEGORIES = (("一般事项", 80), ("特殊事项", 17), ("突发事件", 3))

# Calls per hour of the day, on working days and on weekends and holidays.
_WORKDAY_HOURS = (1, 0.5, 0.4, 0.3, 0.3, 0.5, 1, 3, 9, 14, 14, 12, 6, 5, 10, 13, 12, 10, 5, 4, 3, 2, 2, 1.5)
_RESTDAY_HOURS = (1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 6, 6, 5, 4, 4, 5, 5, 5, 4, 4, 3, 3, 2, 2, 1.5)
_CALLS_ON_WORKDAY = 38.0
_CALLS_ON_RESTDAY = 12.0
_FLOOD_SEASON = (6, 7, 8)  # 主汛期: a little busier

_ALL_YEAR = frozenset(range(1, 13))
_RAINY = frozenset(range(4, 10))  # 汛期 April–September
_DRY = frozenset((10, 11, 12, 1, 2, 3, 4))  # 森林防火期


class _Template(NamedTuple):
    """One kind of call. ``who`` is "city", "county", "town", "public" or the units that make such a
    report; ``department`` handles it. In the texts {unit} is the caller's unit and {caller} the
    caller; the other fields are drawn when a text first asks for them."""

    category: str
    who: str | tuple[str, ...]
    department: str
    summary: str
    feedback: str
    months: frozenset[int] = _ALL_YEAR


_T = _Template
_POLICE = ("县公安局", "县交通运输局")
_FIRE = ("县消防救援大队", "县应急管理局")
TEMPLATES: tuple[_Template, ...] = (
    _T("一般事项", "city", "秘书科", "{unit}电话通知：{date}{time}在市政府{room}召开{city_meeting}，请县政府分管负责同志参加。",
       "已报{leader}阅知，已通知{dept}做好准备，参会人员名单已报{unit}。"),
    _T("一般事项", "city", "信息科", "{unit}要求各县市区于{date}前报送{material}，注明联系人及联系电话。",
       "已转{assignee}办理，材料已按时报送{unit}。"),
    _T("一般事项", ("市政府总值班室", "市政府办公室"), "综合科", "{unit}电话查岗，核实县政府值班领导和值班人员在岗情况。",
       "已如实报告带班领导{shift_leader}及值班人员在岗情况，{unit}无其他要求。"),
    _T("一般事项", ("市政府办公室", "市委办公室"), "秘书科",
       "{unit}通知：{city_leader}一行拟于{date}来我县调研{topic}工作，请做好相关准备。",
       "已报{leader}，已通知{dept}和相关乡镇做好准备，行程安排已反馈{unit}。"),
    _T("一般事项", ("县委办公室",), "秘书科", "{unit}通知：{date}{time}{leader}将赴{town}检查{topic}工作，请安排车辆和随行人员。",
       "已通知行政科安排车辆，随行人员已落实，已告知{unit}。"),
    _T("一般事项", "county", "秘书科", "{unit}询问原定{date}召开的{meeting}是否如期举行。",
       "经请示{leader}，会议如期举行，已电话告知{unit}。"),
    _T("一般事项", "town", "信息科", "{unit}报送{holiday}期间值班安排表，带班领导和值班人员名单已传真至值班室。",
       "已收到并汇总，已报市政府总值班室备案。"),
    _T("一般事项", "county", "综合科", "{unit}来电询问《{doc}》的具体报送要求和时间。",
       "已告知报送口径和截止时间，{unit}表示清楚。"),
    _T("一般事项", ("市委机要和保密局",), "机要室", "{unit}通知：有{few}份机要文件待领取，请于{date}前派员领取。",
       "已安排机要室{assignee}按时领取，文件已登记。"),
    _T("一般事项", "county", "综合科", "{unit}报送{month}月份{material}，请值班室转综合科。",
       "已转综合科{assignee}，对方确认收到。"),
    _T("一般事项", "town", "督查室", "{unit}报告《{doc}》落实情况，申请延期{few}天报送书面材料。",
       "已报督查室，同意延期，已告知{unit}。"),
    _T("一般事项", ("县政务服务中心",), "政务服务科", "{unit}反映{window}网络故障，暂停办件。",
       "已通知信息科技术人员到场处理，网络已恢复，窗口恢复办件。"),
    _T("一般事项", "public", "政务服务科", "{unit}群众{caller}来电咨询{service}办理所需材料和地点。",
       "已告知到县政务服务中心{window}办理及所需材料，来电人表示满意。"),
    _T("一般事项", "county", "行政科", "{unit}联系借用县政府{room}，{date}{time}召开{meeting}。",
       "已与行政科核实会议室空闲，已登记并告知{unit}。"),
    _T("一般事项", ("市政府办公室", "市应急管理局", "市政府研究室"), "信息科",
       "{unit}要求核报{topic}工作有关数据，当日下班前电话回复。", "已联系{dept}核实数据，已电话回复{unit}。"),
    _T("一般事项", ("县委办公室",), "秘书科", "{unit}通知：{meeting}改至{date}{time}召开，地点不变。",
       "已通知参会领导和相关单位，均已确认。"),
    _T("一般事项", "town", "综合科", "{unit}报告{holiday}期间本乡镇安全稳定情况，无异常。",
       "已登记汇总，纳入当日值班信息报送。"),
    _T("一般事项", ("市政府总值班室",), "信息科", "{unit}要求各县市区当日{time}前报送值班信息，无事项的零报告。",
       "已按时报送值班信息，{unit}确认收到。"),
    _T("一般事项", "city", "机要室", "{unit}传真发来《{doc}》，共{few}页，请转呈{leader}。",
       "传真已收到，字迹清晰，已登记并转呈{leader}。"),
    _T("一般事项", "public", "综合科", "{unit}群众{caller}来电询问县人民政府办公室地址和办公时间。",
       "已告知地址和办公时间，来电人无其他诉求。"),
    _T("一般事项", ("县供电公司",), "行政科", "{unit}通知：{date}{time}起县政府大院线路检修，停电约{few}小时。",
       "已通知行政科做好备用电源准备，并在大院发布停电通知。"),
    _T("一般事项", "town", "秘书科", "{unit}邀请{leader}出席{date}举行的{event}。",
       "已报{leader}，领导因另有公务不能出席，已告知{unit}。"),
    _T("一般事项", ("市政府督查室",), "督查室", "{unit}电话督办《{doc}》落实情况，要求{date}前书面反馈。",
       "已转督查室{assignee}，书面材料已按时报送{unit}。"),
    _T("一般事项", "county", "信息科", "{unit}报送政务信息《我县{topic}工作取得阶段性成效》，请审核采用。",
       "已转信息科审核，拟编入《政务信息》。"),
    _T("一般事项", ("县委办公室", "县人大常委会办公室", "县政协办公室"), "秘书科",
       "{unit}通知：{leader}{date}行程调整，{time}改为出席{meeting}。", "已更新领导行程安排，并告知相关单位。"),
    _T("特殊事项", "town", "综合科", "{unit}报告：受持续降雨影响，{river}{town}段水位{level}米，超警戒水位{excess}米，"
       "已组织人员巡堤查险。", "已报告带班领导{shift_leader}，已通知县水利局加强监测，{unit}已转移低洼地带群众{some}人。",
       _RAINY),
    _T("特殊事项", ("市政府总值班室", "市防汛抗旱指挥部办公室"), "综合科",
       "{unit}转发市气象台{warning}，要求做好防御准备，落实24小时值班和领导带班。",
       "已报告{leader}，已转发各乡镇和县直有关部门，落实情况已报{unit}。"),
    _T("特殊事项", "public", "政务服务科", "{unit}村民{caller}来电反映{complaint}，要求尽快解决。",
       "已转{dept}核实处理，{dept}已派人到现场，处理情况已电话告知来电人。"),
    _T("特殊事项", "public", "督查室", "群众{caller}来电反映{unit}一带{complaint}，多次反映未解决。",
       "已交{dept}调查处理并限期回复，督查室跟踪督办，已告知来电人。"),
    _T("特殊事项", ("县林业局", "县应急管理局"), "综合科", "{unit}报告：{town}{village}发现野外违规用火，已及时处置，未造成损失。",
       "已报告带班领导，已通知县林业局和{town}加强巡查管控。", _DRY),
    _T("特殊事项", "county", "督查室", "{unit}报告：《{doc}》办理中遇到困难，需县政府协调{dept}配合。",
       "已报{leader}，已协调{dept}配合办理，{unit}表示问题已解决。"),
    _T("特殊事项", ("市政府督查室", "市应急管理局"), "督查室",
       "{unit}通报：{topic}工作专项检查发现我县问题{few}个，要求{date}前整改到位。",
       "已报{leader}，已转{dept}牵头整改，整改方案已报{unit}。"),
    _T("特殊事项", ("县公安局", "县信访局"), "综合科", "{unit}报告：{some}名群众在县政府大门口聚集，反映{complaint}。",
       "已报告带班领导，已通知{dept}和{town}派人到场接待疏导，群众已有序离开。"),
    _T("特殊事项", ("县交通运输局", "县公安局", "县自然资源局"), "综合科",
       "{unit}报告：{road}{town}路段因山体塌方交通中断，已设置警示标志。", "已通知县交通运输局组织抢通，已恢复单向通行。",
       _RAINY),
    _T("特殊事项", "town", "综合科", "{unit}报告：辖区{village}自来水管网爆裂，约{some}户停水。",
       "已协调县自来水公司抢修，已恢复供水。"),
    _T("特殊事项", ("市政府总值班室", "市委办公室"), "信息科", "{unit}要求核实网传“{town}{rumor}”一事，尽快报告。",
       "经{town}和县公安局核实，网传信息不实，已回复{unit}。"),
    _T("突发事件", _POLICE, "综合科", "{unit}报告：{clock_time}许，{road}{town}路段发生一起交通事故，造成{few}人受伤，"
       "伤者已送医救治。", "已立即报告带班领导{shift_leader}和{leader}，已电话报告市政府总值班室，书面报告已报送。"),
    _T("突发事件", _FIRE, "综合科", "{unit}报告：{clock_time}许，{town}{village}一民房发生火灾，消防救援人员已到场处置，"
       "暂无人员伤亡。", "已报告带班领导{shift_leader}，火已扑灭，无人员伤亡，已电话和书面报告市政府总值班室。"),
    _T("突发事件", "town", "综合科", "{unit}报告：受强降雨影响，{village}发生山体滑坡，{few}户群众已紧急转移。",
       "已报告带班领导{shift_leader}和{leader}，已通知县应急管理局、县自然资源局赶赴现场，已按规定上报。", _RAINY),
    _T("突发事件", "town", "综合科", "{unit}报告：{clock_time}许，{village}一名群众在{river}溺水，正在全力搜救。",
       "已报告带班领导{shift_leader}，已通知县消防救援大队、县公安局赶赴现场，搜救情况已续报市政府总值班室。",
       frozenset(range(5, 10))),
    _T("突发事件", _FIRE, "综合科", "{unit}报告：{town}{place}发生液化气泄漏，已疏散周边群众{some}人。",
       "已报告带班领导{shift_leader}，泄漏已排除，无人员伤亡，已按规定报告。"),
    _T("突发事件", ("县卫生健康局", "县教育局", "县市场监督管理局"), "综合科",
       "{unit}报告：{town}中心学校{few}名学生出现呕吐腹泻症状，疑似食物中毒，已送医观察。",
       "已报告带班领导{shift_leader}和{leader}，县卫生健康局、县市场监督管理局已到场处置，学生病情稳定。"),
    _T("突发事件", ("县住房和城乡建设局", "县应急管理局"), "综合科", "{unit}报告：{town}一在建工地发生一起{accident}，{few}人受伤。",
       "已报告带班领导{shift_leader}，伤者已送医，县应急管理局已到场调查，已按规定上报。"),
)
# A complaint and the department that deals with it.
COMPLAINTS = (("路灯损坏多日未修", "县城市管理局"), ("自来水停水未提前通知", "县住房和城乡建设局"),
              ("工地夜间施工噪音扰民", "县住房和城乡建设局"), ("农民工工资被拖欠", "县人力资源和社会保障局"),
              ("垃圾清运不及时", "县城市管理局"), ("道路积水影响通行", "县城市管理局"),
              ("养殖场异味扰民", "县生态环境分局"), ("村道破损严重", "县交通运输局"),
              ("低保申请迟迟未办理", "县民政局"), ("学校周边占道经营", "县城市管理局"))
# Warnings by season.
WARNINGS = {"rain": ("暴雨蓝色预警", "暴雨黄色预警", "暴雨橙色预警", "雷电黄色预警"),
            "heat": ("高温黄色预警", "高温橙色预警"),
            "cold": ("寒潮蓝色预警", "道路结冰黄色预警", "大雾黄色预警", "森林火险橙色预警"),
            "any": ("大风黄色预警", "大雾黄色预警")}

INSTRUCTIONS = {
    "一般事项": ("已阅，请按要求办理。", "请{dept}抓紧落实，按时反馈。", "同意，请秘书科统筹安排。"),
    "特殊事项": ("请{dept}立即核实情况，妥善处置，及时反馈。", "请高度重视，落实责任，确保不出问题。",
               "请相关单位密切配合，处置情况随时报告。", "请督查室跟踪督办，限期办结。"),
    "突发事件": ("请立即组织力量全力处置，确保人员安全，随时报告进展。", "请{dept}主要负责同志立即赶赴现场，"
               "全力做好救援处置工作，并按规定及时上报。", "迅速核实情况，全力救治伤员，做好善后工作。"),
}
IN_PROGRESS_FEEDBACK = ("已转告，正在办理中。", "已交办，等待反馈。", "正在核实情况。")
VOID_REASONS = ("重复登记，与前一条为同一事项", "误登记，来电人拨错号码", "非值班事项，已告知来电人另行联系",
                "登记内容有误，已重新登记")

_VALUES: dict[str, Callable[[random.Random], str]] = {
    "time": lambda r: r.choice(("上午8:30", "上午9:00", "上午10:00", "下午2:30", "下午3:00", "下午4:00")),
    "room": lambda r: r.choice(("一楼大会议室", "三楼常务会议室", "五楼视频会议室", "二号会议室")),
    "meeting": lambda r: r.choice(("县政府常务会议", "全县安全生产工作会议", "全县优化营商环境推进会",
                                   "全县乡村振兴工作调度会", "县信访工作联席会议", "全县政务公开工作培训会",
                                   "全县重点项目建设推进会", "县长办公会议")),
    "city_meeting": lambda r: r.choice(("全市安全生产工作会议", "全市防汛抗旱工作视频调度会",
                                        "全市森林防灭火工作会议", "全市政务值班工作会议",
                                        "全市优化营商环境推进会", "全市乡村振兴工作调度会")),
    "leader": lambda r: r.choice(("县长", "常务副县长", "分管副县长", "县政府办公室主任", "县委副书记")),
    "city_leader": lambda r: r.choice(("市委常委、常务副市长", "副市长", "市政府秘书长", "市应急管理局局长")),
    "dept": lambda r: r.choice(COUNTY_DEPARTMENTS),
    "material": lambda r: r.choice(("节假日值班安排", "安全生产大检查情况报告", "防汛物资储备情况统计表",
                                    "重点工作推进情况", "政务信息报送情况", "营商环境自查报告",
                                    "值班值守工作总结", "森林防火责任人名单")),
    "topic": lambda r: r.choice(("防汛抗旱", "安全生产", "乡村振兴", "农村人居环境整治", "秋冬季森林防火",
                                 "重点项目建设", "高标准农田建设", "城乡供水一体化", "耕地保护")),
    "town": lambda r: r.choice(TOWNS),
    "village": lambda r: r.choice(VILLAGES),
    "holiday": lambda r: r.choice(("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")),
    "doc": lambda r: r.choice(("关于做好节假日期间值班值守工作的通知", "关于开展安全生产大检查的通知",
                               "关于进一步加强政务值班工作的意见", "关于做好防汛备汛工作的通知",
                               "关于开展作风建设专项整治的通知", "关于报送年度重点工作完成情况的函")),
    "window": lambda r: r.choice(("不动产登记窗口", "社保医保窗口", "企业开办窗口", "综合受理窗口")),
    "service": lambda r: r.choice(("营业执照", "不动产登记", "社保卡补办", "居住证", "新生儿医保参保")),
    "event": lambda r: r.choice(("招商引资项目签约仪式", "农民丰收节活动", "重点项目集中开工仪式",
                                 "乡村文化旅游节开幕式")),
    "river": lambda r: r.choice(("澧水", "渫水", "道水", "涔水", "溇水")),
    "level": lambda r: f"{r.randint(3200, 4100) / 100:.2f}",
    "excess": lambda r: f"{r.randint(5, 180) / 100:.2f}",
    "road": lambda r: r.choice(("G207国道", "S306省道", "S240省道", "X021县道", "X035县道")),
    "place": lambda r: r.choice(("农贸市场", "一居民小区", "一餐饮店", "一加油站附近")),
    "rumor": lambda r: r.choice(("发生重大交通事故", "出现水库溃坝险情", "学校发生食物中毒", "发现非洲猪瘟疫情")),
    "accident": lambda r: r.choice(("高处坠落事故", "物体打击事故", "脚手架坍塌事故", "机械伤害事故")),
    "few": lambda r: str(r.randint(2, 6)),
    "some": lambda r: str(r.randint(8, 120)),
}


class _Texts(dict):
    """The variable parts of one call's texts, drawn the first time a text asks for them, so the
    summary and the feedback of one call name the same town, meeting or department."""

    def __init__(self, rng: random.Random, received: dt.datetime, **known: str):
        super().__init__(known)
        self.rng = rng
        self.received = received

    def __missing__(self, key: str) -> str:
        if key == "date":
            day = self.received + dt.timedelta(days=self.rng.randint(1, 6))
            value = f"{day.month}月{day.day}日"
        elif key == "month":
            value = str((self.received.month - 2) % 12 + 1)
        elif key == "complaint":
            value, self["dept"] = self.rng.choice(COMPLAINTS)
        elif key == "warning":
            month = self.received.month
            season = "rain" if month in _RAINY else "cold" if month in _DRY else "any"
            choices = WARNINGS[season] + (WARNINGS["heat"] if month in (7, 8) else ())
            value = self.rng.choice(choices)
        elif key == "clock_time":
            moment = self.received - dt.timedelta(minutes=self.rng.randint(3, 40))
            value = f"{moment.hour}时{moment.minute}分"
        else:
            value = _VALUES[key](self.rng)
        self[key] = value
        return value


def _keys(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _check_templates() -> None:
    known = set(_VALUES) | {"unit", "caller", "assignee", "shift_leader", "date", "month", "clock_time",
                            "complaint", "warning"}
    for template in TEMPLATES:
        for text in (template.summary, template.feedback):
            unknown = _keys(text) - known
            assert not unknown, f"{text}: {unknown}"
    for category, _ in CATEGORIES:
        for month in range(1, 13):
            assert any(t.category == category and month in t.months for t in TEMPLATES), (category, month)


_check_templates()


@dataclass(frozen=True)
class _Shift:
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    officer_id: int | None
    officer_name: str
    leader_name: str


def _fill_duty(rng: random.Random, first_day: dt.date, last_day: dt.date, people: _People,
               progress: Progress) -> dict[str, int]:
    """值班记录: the roster from the office's shift pattern, every day's calls, and the handovers."""
    now = clock.now()
    days = _plan_calls(rng, first_day, last_day, now)
    n_calls = sum(len(times) for _, times in days)
    months = _months(first_day, last_day)
    steps = len(months) + -(-n_calls // BATCH) + 1
    done = 0

    # The roster, month by month, with the service's own rotation.
    officers = [m.name for m in people.officers]
    leaders = [m.name for m in people.leaders]
    standbys = [m.name for m in people.standbys]
    made: list[DutyShift] = []
    for year, month in months:
        made += duty_service.generate_roster(year, month, officers, leaders, standbys)
        done += 1
        progress(done, steps)
    start = dt.datetime.combine(first_day, dt.time())
    early = [s.id for s in made if s.ends_at <= start]  # shifts of the first month before the period
    for i in range(0, len(early), BATCH):
        DutyShift.delete().where(DutyShift.id.in_(early[i:i + BATCH])).execute()
    shifts = [_Shift(s.id, s.starts_at, s.ends_at, s.officer_id, s.officer_name, s.leader_name)
              for s in sorted(made, key=lambda s: s.starts_at) if s.ends_at > start]

    # The calls.
    limits = {category: dt.timedelta(minutes=duty_service.limit_minutes(category)) for category, _ in CATEGORIES}
    writer = _CallWriter(rng, people, shifts, limits, now)
    batch: list[tuple] = []
    for _, times in days:
        for received in times:
            batch.append(writer.call(received))
            if len(batch) == BATCH:
                _insert_calls(batch)
                batch.clear()
                done += 1
                progress(done, steps)
    if batch:
        _insert_calls(batch)
        done += 1
        progress(done, steps)

    handed_over = _handovers(rng, shifts, writer, now)
    progress(steps, steps)
    return {"班次": len(shifts), "交接班": handed_over, "来电": n_calls}


def _insert_calls(rows: list[tuple]) -> None:
    per_statement = db.max_insert_rows(len(_CallWriter.FIELDS), BATCH)
    for i in range(0, len(rows), per_statement):
        Call.insert_many(rows[i:i + per_statement], fields=_CallWriter.FIELDS).execute()


def _months(first_day: dt.date, last_day: dt.date) -> list[tuple[int, int]]:
    months = []
    year, month = first_day.year, first_day.month
    while (year, month) <= (last_day.year, last_day.month):
        months.append((year, month))
        year, month = year + (month == 12), month % 12 + 1
    return months


def _plan_calls(rng: random.Random, first_day: dt.date, last_day: dt.date,
                now: dt.datetime) -> list[tuple[dt.date, list[dt.datetime]]]:
    """Each day of the period with the minutes its calls came in, none after now."""
    hours = range(24)
    days = []
    day = first_day
    while day <= last_day:
        workday = _is_workday(day)
        mean = _CALLS_ON_WORKDAY if workday else _CALLS_ON_RESTDAY
        mean *= 1.2 if day.month in _FLOOD_SEASON else 0.94
        count = max(0, round(rng.gauss(mean, mean ** 0.5)))
        midnight = dt.datetime.combine(day, dt.time())
        picked = rng.choices(hours, _WORKDAY_HOURS if workday else _RESTDAY_HOURS, k=count)
        times = sorted(midnight + dt.timedelta(hours=h, minutes=rng.randrange(60)) for h in picked)
        days.append((day, [t for t in times if t <= now]))
        day += dt.timedelta(days=1)
    return days


class _CallWriter:
    """Builds one call's row, as create_call would store it after the officer's work on it."""

    FIELDS = [Call.received_at, Call.channel, Call.caller, Call.caller_unit, Call.phone, Call.category,
              Call.summary, Call.officer_name, Call.officer, Call.shift, Call.deadline, Call.deadline_typed,
              Call.assignee_name, Call.assignee, Call.assigned_at, Call.instruction, Call.instruction_by,
              Call.feedback, Call.closed_at, Call.closed_by, Call.voided_at, Call.void_reason]

    def __init__(self, rng: random.Random, people: _People, shifts: list[_Shift],
                 limits: dict[str, dt.timedelta], now: dt.datetime):
        self.rng = rng
        self.people = people
        self.shifts = shifts
        self.starts = [s.starts_at for s in shifts]
        self.limits = limits
        self.now = now
        self.recent = now - dt.timedelta(days=3)
        self.templates = {(category, month): [t for t in TEMPLATES if t.category == category and month in t.months]
                          for category, _ in CATEGORIES for month in range(1, 13)}
        self.staff = {name: people.staff_of(name) for name, _ in DEPARTMENTS}
        self.officers = people.officers
        self.leaders = people.leaders
        self.categories = [c for c, _ in CATEGORIES]
        self.category_weights = [w for _, w in CATEGORIES]
        self.channels = [c for c, _ in CHANNELS]
        self.channel_weights = [w for _, w in CHANNELS]
        # What the handovers need: per shift (calls, special, emergency, first emergency), and when
        # each call came in and stopped being open.
        self.shift_calls: dict[int, list] = {}
        self.received: list[dt.datetime] = []
        self.ended: list[dt.datetime] = []

    def shift_at(self, moment: dt.datetime) -> _Shift | None:
        """As duty.service.shift_at: the latest-starting shift that covers the moment."""
        index = bisect.bisect_right(self.starts, moment) - 1
        # Shifts may overlap in a custom pattern; none lasts two days.
        while index >= 0 and moment - self.starts[index] < dt.timedelta(days=2):
            if self.shifts[index].ends_at > moment:
                return self.shifts[index]
            index -= 1
        return None

    def _caller(self, who: str | tuple[str, ...], texts: _Texts) -> tuple[str, str, str]:
        """(unit, caller, phone): units call from their landlines or mobiles, the public from mobiles."""
        rng = self.rng
        if isinstance(who, tuple):
            unit = rng.choice(who)
            exchange = "77" if unit.startswith("市") else "72"
            return unit, _name(rng), _landline(rng, exchange) if rng.random() < 0.5 else _mobile(rng)
        if who == "city":
            return rng.choice(CITY_UNITS), _name(rng), _landline(rng, "77") if rng.random() < 0.7 else _mobile(rng)
        if who == "county":
            return rng.choice(COUNTY_UNITS), _name(rng), _landline(rng) if rng.random() < 0.5 else _mobile(rng)
        if who == "town":
            town = texts["town"]
            return f"{town}人民政府", _name(rng), _landline(rng, "7" + rng.choice("3456")) \
                if rng.random() < 0.4 else _mobile(rng)
        town, village = texts["town"], texts["village"]
        return f"{town}{village}", _name(rng), _mobile(rng) if rng.random() < 0.95 else ""

    def call(self, received: dt.datetime) -> tuple:
        rng = self.rng
        category = rng.choices(self.categories, self.category_weights)[0]
        template = rng.choice(self.templates[category, received.month])
        if category == "突发事件" or "电话" in template.summary or "来电" in template.summary:
            channel = "电话"
        elif "传真" in template.summary:
            channel = "传真"
        else:
            channel = rng.choices(self.channels, self.channel_weights)[0]
        shift = self.shift_at(received)
        if shift is not None and shift.officer_name:
            officer_id, officer_name, shift_leader = shift.officer_id, shift.officer_name, shift.leader_name
        else:  # a hole in the roster: someone took the call anyway
            member = rng.choice(self.officers)
            officer_id, officer_name, shift_leader = member.id, member.name, ""
        shift_leader = shift_leader or rng.choice(self.leaders).name
        texts = _Texts(rng, received, shift_leader=shift_leader)
        unit, caller, phone = self._caller(template.who, texts)
        if channel == "网络":
            phone = ""
        texts["unit"], texts["caller"] = unit, caller

        # 交办: to someone of the department concerned; emergencies to the leader on duty.
        assignee = None
        if category == "突发事件" or rng.random() < (0.95 if category == "特殊事项" else 0.8):
            if category == "突发事件" and rng.random() < 0.6:
                assignee = next((m for m in self.leaders if m.name == shift_leader), None)
            assignee = assignee or rng.choice(self.staff[template.department] or self.officers)
        texts["assignee"] = assignee.name if assignee else officer_name
        summary = template.summary.format_map(texts)

        instruction = instruction_by = ""
        if rng.random() < {"一般事项": 0.06, "特殊事项": 0.6, "突发事件": 0.95}[category]:
            instruction = rng.choice(INSTRUCTIONS[category]).format_map(texts)
            instruction_by = shift_leader

        limit = self.limits[category]
        deadline = received + limit
        minutes = max(1, int(limit.total_seconds() // 60))
        if rng.random() < 0.08:  # late
            closed_at = deadline + dt.timedelta(minutes=rng.randint(1, max(20, minutes)))
        else:
            closed_at = received + dt.timedelta(minutes=rng.randint(min(2, minutes), minutes))
        if closed_at > self.now or (received >= self.recent and rng.random() < 0.1):
            closed_at = None  # still open (and some of those overdue): the last days only
        voided_at = None
        void_reason = ""
        if rng.random() < 0.003:
            voided_at = min(self.now, received + dt.timedelta(minutes=rng.randint(2, 120)))
            void_reason = rng.choice(VOID_REASONS)
            closed_at, assignee, instruction, instruction_by = None, None, "", ""
        assigned_at = None
        if assignee is not None:
            assigned_at = min(received + dt.timedelta(minutes=rng.randint(0, 3)), closed_at or self.now)
        if closed_at is not None:
            feedback = template.feedback.format_map(texts)
        elif voided_at is None and assignee is not None and rng.random() < 0.5:
            feedback = rng.choice(IN_PROGRESS_FEEDBACK)
        else:
            feedback = ""

        self.received.append(received)
        end = closed_at or voided_at
        if end is not None:
            self.ended.append(end)
        if shift is not None:
            stats = self.shift_calls.setdefault(shift.id, [0, 0, 0, ""])
            stats[0] += 1
            if category == "特殊事项":
                stats[1] += 1
            elif category == "突发事件":
                stats[2] += 1
                stats[3] = stats[3] or summary
        return (received, channel, caller, unit, phone, category, summary, officer_name, officer_id,
                shift.id if shift else None, deadline, False,
                assignee.name if assignee else "", assignee.id if assignee else None, assigned_at,
                instruction, instruction_by, feedback, closed_at, officer_name if closed_at else "",
                voided_at, void_reason)

    def open_at(self, moment: dt.datetime) -> int:
        """How many calls were open at that moment (received, not yet closed nor voided)."""
        return bisect.bisect_right(self.received, moment) - bisect.bisect_right(self.ended, moment)


HANDOVER_EXTRAS = ("值班电话、传真机运行正常。", "已按要求向市政府总值班室报送值班信息。",
                   "带班领导{leader}到岗查岗。", "值班室卫生已打扫，值班日志已填写。", "")


def _handovers(rng: random.Random, shifts: list[_Shift], writer: _CallWriter, now: dt.datetime) -> int:
    """交接班 notes on most past shifts; a few officers forgot."""
    writer.ended.sort()
    done = 0
    for shift in shifts:
        if shift.ends_at > now or not shift.officer_name or rng.random() < 0.07:
            continue
        handed_over_at = shift.ends_at + dt.timedelta(minutes=rng.randint(0, 15))
        if handed_over_at > now:
            continue
        calls, special, emergency, first_emergency = writer.shift_calls.get(shift.id, (0, 0, 0, ""))
        still_open = writer.open_at(handed_over_at)
        if calls == 0:
            parts = [rng.choice(("本班无来电来报。", "本班未接到来电来报，值班情况正常。"))]
        else:
            detail = f"（其中特殊事项{special}件）" if special else ""
            parts = [f"本班共登记来电来报{calls}件{detail}。"]
            if emergency:
                parts.append(f"突发事件{emergency}起，其一：{first_emergency}已按规定报告带班领导并跟踪处置。")
        if still_open:
            parts.append(f"尚有{still_open}件在办，已向接班人员交代，请继续跟踪办理。")
        else:
            parts.append("无遗留事项。")
        parts.append(rng.choice(HANDOVER_EXTRAS).format(leader=shift.leader_name or "领导"))
        (DutyShift.update(handed_over_at=handed_over_at, handed_over_by=shift.officer_name,
                          handover_note="".join(parts), open_at_handover=still_open)
         .where(DutyShift.id == shift.id).execute())
        done += 1
    return done


# ------------------------------------------------------------------------------------ 公文流转

# (来文单位, 代字) of the units documents come from.
DOC_SOURCES = (("市人民政府办公室", "宜府办发"), ("市人民政府办公室", "宜府办文"), ("市人民政府", "宜府发"),
               ("市委办公室", "宜办发"), ("市应急管理局", "宜应急发"), ("市财政局", "宜财预"),
               ("市自然资源和规划局", "宜自然资发"), ("市农业农村局", "宜农发"), ("县应急管理局", "县应急发"),
               ("县财政局", "县财发"), ("县水利局", "县水发"), ("县林业局", "县林发"), ("县教育局", "县教发"),
               ("县卫生健康局", "县卫健发"), ("县民政局", "县民发"), ("城关镇人民政府", "城政发"),
               ("龙潭镇人民政府", "龙政发"), ("太平镇人民政府", "太政发"))
DOC_KINDS = (("通知", 40), ("函", 14), ("请示", 12), ("报告", 8), ("意见", 7), ("通报", 6), ("纪要", 4),
             ("决定", 3), ("批复", 3), ("公告", 1), ("通告", 1), ("其他", 1))
DOC_TOPICS = ("秋冬季森林防火", "防汛抗旱", "安全生产大检查", "优化营商环境", "乡村振兴重点帮扶",
              "高标准农田建设", "耕地保护", "城乡供水一体化", "农村人居环境整治", "政务公开", "作风建设专项整治",
              "重点项目建设", "财政预算执行", "信访积案化解", "节假日值班值守", "安全隐患排查整治",
              "义务教育质量提升", "基层医疗卫生服务", "社会救助", "禁毒宣传", "食品安全", "生态环境保护督察反馈问题整改")
DOC_TITLES = {
    "通知": "关于做好{topic}工作的通知", "函": "关于商请支持{topic}工作的函", "请示": "关于{topic}经费的请示",
    "报告": "关于{topic}工作情况的报告", "意见": "关于进一步加强{topic}工作的意见",
    "通报": "关于{topic}工作情况的通报", "纪要": "{topic}工作专题会议纪要", "决定": "关于表彰{topic}工作先进单位的决定",
    "批复": "关于{topic}有关事项的批复", "公告": "关于{topic}的公告", "通告": "关于{topic}的通告",
    "其他": "{topic}工作简报",
}
DOC_OPINIONS = {
    "拟办": ("拟请{leader}阅示。", "拟请{lead}牵头办理。", "拟送{leader}阅批后交{lead}办理。"),
    "批办": ("请{lead}牵头，认真研究办理。", "同意，请{lead}抓紧落实。", "请{lead}按要求办理，按时报送。"),
    "承办": ("已按要求部署落实。", "已研究办理，情况已反馈来文单位。", "已组织相关单位落实。"),
    "传阅": ("已阅。",),
    "办结": ("已办结，材料已报送。", "已办结，情况已回复。", "已按期办结。"),
    "归档": ("",),
    "拟稿": ("初稿已拟就，请审核。",), "核稿": ("文字已核，请签发。", "已核，建议修改后印发。"),
    "会签": ("同意。", "无意见。", "建议补充相关内容。"), "签发": ("同意印发。", "同意，发。"),
    "编号": ("",), "印发": ("已印发。",),
}
URGE_ANSWERS = ("正在办理，近日办结。", "已安排专人办理。", "领导外出，回来后即签批。", "材料正在汇总，明天报送。")
VOID_DOC_REASONS = ("重复登记", "来文单位已撤回", "文稿合并到另一件印发", "登记有误，已重新登记")


class _Workdays:
    """Working days of the demo period in a sorted list: add_workdays without a query per call
    (a fresh demo file has no office corrections, so the statutory calendar is the whole truth)."""

    def __init__(self, first: dt.date, last: dt.date):
        self.days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)
                     if _is_workday(first + dt.timedelta(days=i))]

    def add(self, start: dt.date, n: int) -> dt.date:
        """As core.workdays.add_workdays for n >= 0."""
        if n == 0:
            return self.days[bisect.bisect_left(self.days, start)]
        return self.days[bisect.bisect_right(self.days, start) + n - 1]


def _fill_documents(rng: random.Random, first_day: dt.date, last_day: dt.date, people: _People,
                    progress: Progress) -> dict[str, int]:
    """公文流转: ~60 incoming and ~20 outgoing documents a month moved through their steps as the office
    would, a few late, urged or extended; the last weeks' documents still in progress."""
    from xiaoneng_desktop.core.models import DeadlineExtension
    from xiaoneng_desktop.documents import service as doc_service
    from xiaoneng_desktop.documents.models import Document, DocumentStep, NumberCounter, Urging

    now = clock.now()
    cal = _Workdays(first_day - dt.timedelta(days=10), last_day + dt.timedelta(days=500))
    item_limit = functools.cache(doc_service.item_limit)
    step_limit = functools.cache(doc_service.step_limit)
    secretaries = [m.name for m in people.staff_of("秘书科")][:2] or [people.members[0].name]
    leaders = [m.name for m in people.leaders]
    staff = [m.name for m in people.officers]
    offices = [name for name, _ in DEPARTMENTS if name != "办公室"]
    kinds = [k for k, _ in DOC_KINDS]
    kind_weights = [w for _, w in DOC_KINDS]
    plan: list[tuple[dt.datetime, str]] = []
    for day in cal.days:
        if first_day <= day <= last_day:
            for direction, mean in (("收文", 2.9), ("发文", 1.0)):
                for _ in range(max(0, round(rng.gauss(mean, mean ** 0.5)))):
                    moment = dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randrange(60)))
                    if moment <= now:
                        plan.append((moment, direction))
    plan.sort()

    docs: list[dict] = []
    steps: list[dict] = []
    urgings: list[dict] = []
    extensions: list[dict] = []
    serials: dict[tuple[str, int], int] = {}
    to_number: list[tuple[dt.datetime, int]] = []

    def at(day: dt.date) -> dt.datetime:
        return clock.end_of_day(day)

    def later(moment: dt.datetime, workdays_taken: int) -> dt.datetime:
        """A moment in working hours ``workdays_taken`` working days after ``moment`` (0: same day)."""
        day = cal.add(moment.date(), workdays_taken)
        earliest = moment if day == moment.date() else dt.datetime.combine(day, dt.time(8, 30))
        result = earliest + dt.timedelta(minutes=rng.randint(10, 300))
        return min(result, dt.datetime.combine(day, dt.time(21, 0))) if result.date() == day else \
            dt.datetime.combine(day, dt.time(17, 30))

    for number, (moment, direction) in enumerate(plan, start=1):
        kind = rng.choices(kinds, kind_weights)[0]
        urgency = rng.choices(("平件", "加急", "特急"), (78, 18, 4))[0]
        secrecy = rng.choices(("无", "秘密", "机密"), (93, 5, 2))[0]
        topic = rng.choice(DOC_TOPICS)
        registrar = rng.choice(secretaries)
        doc = {"id": number, "direction": direction, "year": moment.year, "serial": None, "number": "",
               "code": "", "doc_number": "", "unit": "", "title": DOC_TITLES[kind].format(topic=topic),
               "kind": kind, "secrecy": secrecy, "secrecy_term": {"无": "", "秘密": "5年", "机密": "10年"}[secrecy],
               "urgency": urgency, "copies": rng.choice((1, 1, 1, 2, 3, 5)), "start_date": moment.date(),
               "registered_at": moment, "registrar": registrar, "cosign_units": "", "circulate_to": "",
               "lead": "", "assist": "", "deadline_typed": False, "urge_count": 0, "closed_at": None,
               "archived_at": None, "voided_at": None, "void_reason": ""}
        if direction == "收文":
            unit, code = rng.choice(DOC_SOURCES)
            key = ("收", moment.year)
            serials[key] = serials.get(key, 0) + 1
            doc.update(serial=serials[key], number=f"收〔{moment.year}〕{serials[key]}号", unit=unit,
                       doc_number=f"{code}〔{moment.year}〕{rng.randint(1, 260)}号" if rng.random() < 0.9 else "")
            order = ["拟办", "批办", "承办"] + (["传阅"] if rng.random() < 0.2 else []) + ["办结", "归档"]
            if "传阅" in order:
                doc["circulate_to"] = "、".join(rng.sample(leaders, min(2, len(leaders))))
            doc["lead"] = rng.choice(COUNTY_DEPARTMENTS + tuple(offices))
            if rng.random() < 0.3:
                doc["assist"] = rng.choice(COUNTY_DEPARTMENTS)
            steps.append({"document": number, "step": "签收登记", "who": registrar, "done_at": moment,
                          "opinion": "", "deadline": None, "handed_to": ""})
            consult = False
        else:
            doc.update(code=rng.choices(("县政办发", "县政办函"), (75, 25))[0], unit=rng.choice(offices))
            consult = rng.random() < 0.25
            if consult:
                doc["cosign_units"] = "、".join(rng.sample(COUNTY_DEPARTMENTS, rng.randint(1, 3)))
            order = ["拟稿", "核稿"] + (["会签"] if consult else []) + ["签发", "编号", "印发", "归档"]
        doc["deadline"] = at(cal.add(doc["start_date"], item_limit(direction, kind, urgency, consult)))
        slow = rng.random() < 0.15  # a document that gets stuck somewhere
        holders = {"拟办": rng.choice(leaders), "批办": rng.choice(leaders), "承办": doc["lead"],
                   "传阅": registrar, "办结": doc["lead"], "归档": registrar, "拟稿": rng.choice(staff),
                   "核稿": rng.choice(staff), "会签": doc["cosign_units"].split("、")[0],
                   "签发": rng.choice(leaders), "编号": registrar, "印发": registrar}
        if direction == "收文":
            steps[-1]["handed_to"] = holders["拟办"]  # the 签收登记 row written above
        since = moment
        stuck_at = rng.randrange(len(order) - 1) if slow else -1
        if direction == "收文" and rng.random() < 0.03:  # asked in time for more days, approved
            new = at(cal.add(doc["deadline"].date(), rng.randint(3, 8)))
            asked = min(moment + dt.timedelta(hours=2), now)
            extensions.append({"table": "document", "record_id": number, "asked_at": asked, "asked_by": doc["lead"] or registrar,
                               "reason": "需征求相关单位意见", "old_deadline": doc["deadline"], "new_deadline": new,
                               "approved": True, "decided_by": rng.choice(leaders), "decided_at": asked})
            doc["deadline"] = new
        doc["step"], doc["holder"], doc["step_since"], doc["step_due"], doc["due"] = "", "", None, None, None
        for index, step in enumerate(order):
            limit = step_limit(direction, step, kind)
            step_due = None if limit is None else at(cal.add(since.date() if step != "拟稿" else doc["start_date"],
                                                            limit))
            open_due = None if doc["closed_at"] else (doc["deadline"] if step_due is None else min(step_due,
                                                                                                   doc["deadline"]))
            if step in ("承办", "办结"):
                budget = max(0, (cal.days.index(cal.add(doc["deadline"].date(), 0))
                                 - cal.days.index(cal.add(since.date(), 0))) // 2)
            else:
                budget = limit or 0
            taken = rng.randint(0, max(0, budget)) if index != stuck_at else budget + rng.randint(3, 20)
            done = later(since, taken) if step != "归档" else later(since, rng.randint(0, 5))
            if done > now:  # this is where the document is today
                doc.update(step=step, holder=holders[step], step_since=since, step_due=step_due, due=open_due)
                if open_due is not None and (open_due < now or index == stuck_at) and rng.random() < 0.6:
                    for k in range(rng.randint(1, 2)):
                        urged = min(now, max(since, open_due - dt.timedelta(hours=20)) + dt.timedelta(days=k))
                        urgings.append({"document": number, "urged_at": urged, "urged_by": registrar,
                                        "way": rng.choice(("电话", "电话", "当面", "书面")), "step": step,
                                        "holder": holders[step], "answer": rng.choice(URGE_ANSWERS)})
                        doc["urge_count"] += 1
                break
            if open_due is not None and done > open_due + dt.timedelta(hours=12) and rng.random() < 0.7:
                urgings.append({"document": number, "urged_at": open_due + dt.timedelta(hours=10),
                                "urged_by": registrar, "way": rng.choice(("电话", "电话", "当面", "书面")),
                                "step": step, "holder": holders[step], "answer": rng.choice(URGE_ANSWERS)})
                doc["urge_count"] += 1
            following = order[index + 1] if index + 1 < len(order) else ""
            opinion = rng.choice(DOC_OPINIONS[step]).format(leader=rng.choice(leaders), lead=doc["lead"] or "秘书科")
            steps.append({"document": number, "step": step, "who": holders[step], "done_at": done,
                          "opinion": opinion, "deadline": open_due, "handed_to": holders.get(following, "")})
            if step == "编号":
                to_number.append((done, number))
            if step in ("办结", "印发"):
                doc["closed_at"] = done
            if step == "归档":
                doc["archived_at"] = done
            since = done
        if rng.random() < 0.01:
            doc["voided_at"] = min(now, moment + dt.timedelta(days=rng.randint(1, 5)))
            doc["void_reason"] = rng.choice(VOID_DOC_REASONS)
            doc["due"] = None
        docs.append(doc)
        if number % BATCH == 0:
            progress(number, len(plan) * 2)

    # 发文字号 in the order they were given, per 代字 per year (voided ones stay used).
    by_id = {doc["id"]: doc for doc in docs}
    for done, doc_id in sorted(to_number):
        doc = by_id[doc_id]
        key = (doc["code"], done.year)
        serials[key] = serials.get(key, 0) + 1
        doc.update(year=done.year, serial=serials[key], number=f"{doc['code']}〔{done.year}〕{serials[key]}号")
    for rows, model in ((docs, Document), (steps, DocumentStep), (urgings, Urging), (extensions, DeadlineExtension)):
        per_statement = db.max_insert_rows(len(rows[0]), BATCH) if rows else BATCH
        for i in range(0, len(rows), per_statement):
            model.insert_many(rows[i:i + per_statement]).execute()
    db.ids_written(Document)  # the documents carry their own ids
    if serials:
        NumberCounter.insert_many([{"code": c, "year": y, "last": n} for (c, y), n in serials.items()]).execute()
    progress(1, 1)
    return {"收文": sum(d["direction"] == "收文" for d in docs), "发文": sum(d["direction"] == "发文" for d in docs),
            "公文环节": len(steps), "催办": len(urgings)}
# ------------------------------------------------------------------------------------ 来访接待

#: (信访目的, 问题类别, 来访事由, the department it goes to)
VISIT_MATTERS = (
    ("求决", "城乡建设", "反映小区下水道长期堵塞，多次找物业未解决", "县住房和城乡建设局"),
    ("求决", "劳动社保", "反映拖欠农民工工资，要求协调支付", "县人力资源和社会保障局"),
    ("求决", "民政", "申请低保，询问办理进度", "县民政局"),
    ("求决", "交通运输", "反映组里道路硬化后排水不畅，雨天积水", "县交通运输局"),
    ("求决", "教育", "要求解决子女入学问题", "县教育局"),
    ("求决", "国土资源", "反映房屋征收补偿款未按期到位", "县自然资源局"),
    ("投诉", "城乡建设", "投诉附近工地夜间施工噪音扰民", "县城市管理局"),
    ("投诉", "生态环境", "投诉养殖场污水直排河沟", "县生态环境分局"),
    ("投诉", "组织人事", "投诉窗口工作人员态度冷漠、推诿", "县政务服务中心"),
    ("投诉", "商贸旅游", "投诉商户销售过期食品", "县市场监督管理局"),
    ("建议", "交通运输", "建议在村小学门口增设减速带和警示标志", "县交通运输局"),
    ("建议", "经济管理", "建议延长政务服务中心周末办事时间", "县政务服务中心"),
    ("咨询", "劳动社保", "咨询城乡居民养老保险缴费政策", "县人力资源和社会保障局"),
    ("咨询", "国土资源", "咨询宅基地审批程序", "县自然资源局"),
    ("咨询", "民政", "咨询退役军人优抚政策", "县退役军人事务局"),
    ("揭发控告", "纪检监察", "反映村干部在危房改造中优亲厚友", "县纪委监委"),
    ("其他", "农村农业", "反映邻里土地界址纠纷，要求调处", "城关镇人民政府"),
)
GROUP_MATTERS = (
    ("求决", "国土资源", "集体反映征地补偿标准偏低，要求重新核定", "县自然资源局"),
    ("求决", "劳动社保", "集体反映企业欠薪，要求依法追讨", "县人力资源和社会保障局"),
    ("投诉", "生态环境", "集体投诉搅拌站粉尘污染", "县生态环境分局"),
)
#: The demo's 行政区划代码: no real county has it (GB/T 2260 assigns 11–65, 71, 81, 82 as the first two digits),
#: so a demo ID number can never be a real person's; the GB 11643 check digit is still right.
ID_PREFIX = "990101"


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same date ``years`` earlier; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _id_number(rng: random.Random, today: dt.date) -> str:
    """An adult's ID number (born 1945 up to 18 years before ``today``) with a valid check digit."""
    earliest = dt.date(1945, 1, 1)
    born = earliest + dt.timedelta(days=rng.randrange((_years_before(today, 18) - earliest).days))
    first17 = f"{ID_PREFIX}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + id_check_digit(first17)


def _fill_visitors(rng: random.Random, first_day: dt.date, last_day: dt.date, people: _People,
                   progress: Progress) -> dict[str, int]:
    """来访接待: the weekly 领导接待日 schedule, 1–6 visitors a working day (more on reception days),
    a quarter of them returning visitors; most answered within the limits, some late, recent ones open."""
    now = clock.now()
    leaders = [m.name for m in people.leaders]
    receptionists = [m.name for m in people.staff_of("政务服务科")] or [m.name for m in people.officers]
    schedule_end = dt.date(last_day.year + (last_day.month == 12), last_day.month % 12 + 1, 1) + dt.timedelta(days=30)
    days_rows = []
    start = first_day
    while start <= schedule_end:  # the service plans at most a year at a time
        stop = min(schedule_end, start + dt.timedelta(days=365))
        days_rows += visitors_service.generate_reception_days(start, stop, leaders)
        start = stop + dt.timedelta(days=1)
    reception = {r.day: (r.id, r.leader_name) for r in days_rows}
    accept = dt.timedelta(days=visitors_service.accept_days())
    handle = dt.timedelta(days=visitors_service.handle_days())
    end = clock.end_of_day
    known: list[tuple[str, str, str, str]] = []  # (name, id, phone, address) of earlier visitors
    fields = [Visit.visited_at, Visit.name, Visit.id_number, Visit.id_key, Visit.phone, Visit.phone_key,
              Visit.persons, Visit.address, Visit.category, Visit.matter, Visit.first_responder, Visit.reception_day,
              Visit.leader_name, Visit.acceptance_due, Visit.decision, Visit.decided_at, Visit.decision_reason,
              Visit.referred_to, Visit.referred_at, Visit.referral_due, Visit.deadline, Visit.reply, Visit.result,
              Visit.closed_at, Visit.closed_by, Visit.satisfaction, Visit.followed_up_at, Visit.follow_up_note,
              Visit.rated_at, Visit.purpose]
    rows: list[tuple] = []
    day = first_day
    total_days = (last_day - first_day).days + 1
    while day <= last_day:
        on_duty = day in reception
        count = 0 if not _is_workday(day) else rng.randint(3, 8) if on_duty else rng.randint(0, 4)
        times = sorted(dt.datetime.combine(day, dt.time(rng.randint(8, 16), rng.randrange(60))) for _ in range(count))
        for visited in times:
            if visited > now:
                break
            if known and rng.random() < 0.25:
                name, id_number, phone, address = rng.choice(known)
            else:
                town = rng.choice(TOWNS)
                name = _name(rng)
                id_number = _id_number(rng, day) if rng.random() < 0.85 else ""
                phone = _mobile(rng) if rng.random() < 0.9 else ""
                address = f"{town}{rng.choice(VILLAGES)}{rng.randint(1, 12)}组" if town != "城关镇" \
                    else f"城关镇{rng.choice(['建设路', '人民路', '解放街', '新华路'])}{rng.randint(1, 200)}号"
                known.append((name, id_number, phone, address))
            group = rng.random() < 0.06
            purpose, category, matter, department = rng.choice(GROUP_MATTERS if group else VISIT_MATTERS)
            persons = rng.randint(5, 30) if group else rng.choice((1, 1, 1, 1, 2, 3))
            responder = rng.choice(receptionists)
            link, leader = reception.get(day, (None, ""))
            due = end(day + accept)
            decision = decided = reply = result = referred = referred_at = referral_due = closed = None
            reason, satisfaction, followed, note = "", "未评价", None, ""
            deadline = end(day + handle)
            age = (now - visited).days
            if age >= 1 or rng.random() < 0.3:
                decided = visited + dt.timedelta(days=min(age, rng.choice((0, 0, 1, 2, 3, 5, 8, 12, 14, 18))),
                                                 hours=rng.randint(0, 3))
                decided = min(decided, now)
                if decided - visited > dt.timedelta(days=age) or (age < 16 and rng.random() < 0.3):
                    decided = None
            if decided is not None:
                if rng.random() < 0.05:
                    decision, reason, closed = "不予受理", "属于诉讼、仲裁程序处理的事项，已告知依法向人民法院起诉", decided
                    referred = ""
                else:
                    decision = "受理"
                    deadline = end(decided.date() + handle)
                    referred, referred_at = department, decided
                    referral_due = deadline.date() - dt.timedelta(days=10)
                    answer_after = dt.timedelta(days=rng.choice((3, 7, 12, 20, 30, 40, 50, 58, 66, 75)),
                                                hours=rng.randint(1, 6))
                    if decided + answer_after <= now:
                        closed = decided + answer_after
                        reply = f"经{department}调查核实，已按政策予以处理，并当面向来访人作了解释说明"
                        result = rng.choice(("问题已解决", "已部分解决，其余纳入计划", "已解释政策，来访人表示理解"))
                        satisfaction = rng.choices(("满意", "基本满意", "不满意", "未评价"), (50, 25, 8, 17))[0]
                        if rng.random() < 0.3 and closed + dt.timedelta(days=7) <= now:
                            followed, note = closed + dt.timedelta(days=7), "电话回访，来访人对办理结果表示认可"
            rows.append((visited, name, id_number, id_number, phone, phone.replace("-", ""), persons, address,
                         category, matter, responder, link, leader, due, decision or "", decided, reason,
                         referred or "", referred_at, referral_due, deadline, reply or "", result or "", closed,
                         responder if closed else "", satisfaction, followed, note,
                         closed if satisfaction != "未评价" else None, purpose))
            if len(rows) >= BATCH:
                _insert_visits(rows, fields)
                rows.clear()
        progress((day - first_day).days + 1, total_days + 1)
        day += dt.timedelta(days=1)
    if rows:
        _insert_visits(rows, fields)
    progress(total_days + 1, total_days + 1)
    return {"接待日": len(days_rows), "来访": Visit.select().count()}


def _insert_visits(rows: list[tuple], fields: list) -> None:
    per_statement = db.max_insert_rows(len(fields), BATCH)
    for i in range(0, len(rows), per_statement):
        Visit.insert_many(rows[i:i + per_statement], fields=fields).execute()
# ------------------------------------------------------------------------------------ 五查自查

#: Per check: what people find, why, and what they do about it (seed 000 §二(二)4 wording).
FINDINGS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "查思想认识": (
        ("与其他科室协调配合不够主动，跨科室事项推进慢", "“一盘棋”思想树立不牢，只管本科室事务",
         "建立每周科室联席会议制度，跨科室事项明确牵头科室和配合科室"),
        ("个别同志对全局工作关心不够，大局意识不强", "政治理论学习不深入，站位不高",
         "每月组织一次集中学习，结合本职工作谈认识"),
        ("遇到交叉事项有推诿现象", "职责边界不清，缺少协调机制", "梳理交叉职责清单，明确首问负责"),
    ),
    "查工作效率": (
        ("部分来文办理拖拉，超过规定时限", "办文程序不熟悉，催办不及时", "落实限时办结制，每周通报超时件"),
        ("工作节奏慢，精神状态不佳", "缺乏工作压力和激励", "实行周工作计划和完成情况公示"),
        ("请示件答复不及时", "领导外出时无人跟进", "明确请示件登记、跟踪和答复责任人"),
    ),
    "查工作纪律": (
        ("个别同志偶有迟到早退", "作息纪律意识淡薄", "实行上下班签到，科室负责人每日检查"),
        ("工作时间有浏览与工作无关网页现象", "自我约束不严", "开展纪律教育，办公室不定期抽查"),
        ("外出未按规定请假报备", "请销假制度执行不严", "严格执行请销假制度，外出去向公示"),
    ),
    "查服务质量": (
        ("接待来访群众不够热情，解释不耐心", "服务意识不强，换位思考不够",
         "开展文明接待培训，推行首问负责制和一次性告知"),
        ("办事指南未及时更新，群众多跑路", "信息公开工作不到位", "全面更新办事指南，在窗口和网上公开"),
        ("电话无人接听现象时有发生", "值守安排不合理", "调整值守安排，确保工作时间电话有人接听"),
    ),
    "查廉政建设": (
        ("公务接待标准执行不严，个别超标准", "对有关规定学习不够", "修订公务接待管理办法，严格审批"),
        ("办公用品领用登记不规范", "内部管理制度不健全", "建立办公用品领用台账，每季度盘点"),
        ("廉政风险点排查不全面", "对岗位廉政风险认识不足", "重新排查岗位廉政风险点，制定防控措施"),
    ),
}
CANNOT_EXPLAIN = "已在科室会议上向相关人员说明原因：涉及编制和经费调整，需报上级审批，短期内无法解决"
STATEMENTS = ("今后认真改正", "已认识到问题，正在整改", "将加强学习，严格要求自己", "")


def _fill_inspection(rng: random.Random, first_day: dt.date, last_day: dt.date, people: _People,
                     progress: Progress) -> dict[str, int]:
    """五查自查: a campaign each half year (Mar–May, Sep–Nov) on the built-in template, the staff of a few
    departments and the departments themselves taking part, their answers, and the problems found —
    older ones mostly verified, the latest in every state, some overdue."""
    now = clock.now()
    template = inspection_service.builtin_template()
    points = [(item, point) for item, pts in inspection_service.template_items(template.id) for point in pts]
    starts = [dt.date(year, month, 1) for year in range(first_day.year, last_day.year + 1) for month in (3, 9)]
    starts = [day for day in starts if first_day <= day <= last_day]
    if not starts:
        starts = [max(first_day, last_day - dt.timedelta(days=20))]
    leaders = [m.name for m in people.leaders]
    departments = [name for name, _ in DEPARTMENTS]
    counts = {"自查活动": 0, "自查问题": 0}
    for number, start in enumerate(starts):
        ends = start + dt.timedelta(days=90)
        latest = number == len(starts) - 1
        half = "上" if start.month < 7 else "下"
        campaign = Campaign.create(name=f"{start.year}年{half}半年作风整顿自查", starts_on=start, ends_on=ends,
                                   template=template, status="已完成" if ends < now.date() else "进行中",
                                   created_at=dt.datetime.combine(start, dt.time(9, 0)))
        chosen = rng.sample(departments, 3)
        members = [m for d in chosen for m in people.staff_of(d)]
        taking_part = [("人员", m.name, m.name) for m in members]
        heads = {d: next((m.name for m in people.staff_of(d) if m.post == "科长"), members[0].name) for d in chosen}
        taking_part += [("部门", d, heads[d]) for d in chosen]
        answers, problems = [], []
        for position, (kind, name, responsible) in enumerate(taking_part, start=1):
            participant = Participant.create(campaign=campaign, position=position, kind=kind, name=name)
            answered = len(points) if not latest or rng.random() < 0.7 else rng.randrange(len(points))
            for item, point in points[:answered]:
                found = rng.random() < 0.06
                finding = rng.choice(FINDINGS.get(item.name, FINDINGS["查思想认识"]))
                day = start + dt.timedelta(days=rng.randint(3, 25))
                answers.append({"participant": participant.id, "point": point.id, "has_problem": found,
                                "description": finding[0] if found else "",
                                "statement": rng.choice(STATEMENTS) if found else "",
                                "updated_at": min(now, dt.datetime.combine(day, dt.time(10, 0)))})
                if found and day <= now.date():
                    problems.append((participant.id, responsible, item, point, day, finding))
        for i in range(0, len(answers), BATCH):
            Answer.insert_many(answers[i:i + BATCH]).execute()
        for index, (participant_id, responsible, item, point, day, finding) in enumerate(problems):
            _demo_problem(rng, campaign, participant_id, responsible, item, point, day, finding, leaders, now,
                          forced=index % 5 if latest else None)
        counts["自查活动"] += 1
        counts["自查问题"] += len(problems)
        progress(number + 1, len(starts))
    return counts


def _demo_problem(rng: random.Random, campaign: Campaign, participant_id: int, responsible: str, item, point,
                  found_on: dt.date, finding: tuple[str, str, str], leaders: list[str], now: dt.datetime,
                  forced: int | None) -> None:
    """One problem with its history up to now. ``forced`` (0–4) puts the latest campaign's problems in
    every state: 未开始, 整改中, 整改中 past the deadline, 已完成, 已销号."""
    kind = rng.choices(("立即整改", "限期整改", "需协调", "短期内不能解决"), (4, 8, 2, 1))[0]
    days = {"立即整改": 7, "限期整改": 30, "需协调": 45}.get(kind)
    deadline = found_on + dt.timedelta(days=days) if days else None
    stage = forced if forced is not None else rng.choices(range(5), (1, 1, 1, 2, 12))[0]
    if forced == 2:  # quick to fix, and still not fixed: overdue
        kind, deadline = "立即整改", found_on + dt.timedelta(days=7)
    started = found_on + dt.timedelta(days=rng.randint(1, 5))
    late = stage == 2 or rng.random() < 0.15
    span = (deadline - found_on).days if deadline else 60
    completed = found_on + dt.timedelta(days=rng.randint(span + 1, span + 20) if late else rng.randint(2, max(2, span)))
    verified = completed + dt.timedelta(days=rng.randint(1, 10))
    at = lambda day, hour: min(now, dt.datetime.combine(day, dt.time(hour, 0)))  # noqa: E731
    if stage >= 3 and completed > now.date():  # history not there yet: stop where today is
        stage = 1
    if stage == 4 and verified > now.date():
        stage = 3
    if stage == 2 and (deadline is None or deadline >= now.date()):
        stage = 1
    values = {
        "campaign": campaign.id, "item": item.id, "point": point.id, "participant": participant_id,
        "found_on": found_on, "description": finding[0], "cause": finding[1],
        "measure": finding[2] if stage >= 1 or rng.random() < 0.5 else "",
        "responsible_name": responsible, "kind": kind,
        "explanation": CANNOT_EXPLAIN if kind == "短期内不能解决" else "",
        "deadline": clock.end_of_day(deadline) if deadline else None,
        "status": ("未开始", "整改中", "整改中", "已完成", "已销号")[stage],
        "started_at": at(started, 10) if stage >= 1 else None,
        "completed_at": at(completed, 16) if stage >= 3 else None,
        "verified_at": at(verified, 15) if stage == 4 else None,
        "verified_by": "", "verification": "", "created_at": at(found_on, 11),
    }
    if stage == 4:
        values["verified_by"] = rng.choice([n for n in leaders if n != responsible])
        values["verification"] = rng.choice(("查阅了相关制度和会议记录，整改到位", "现场检查，措施已落实",
                                             "抽查台账和登记本，问题已整改"))
    problem = Problem.create(**values)
    if stage >= 1:
        notes = [{"problem": problem.id, "on": min(started, now.date()), "text": "已召开会议，研究制定整改措施",
                  "by": responsible, "created_at": at(started, 10)}]
        if stage >= 3:
            notes.append({"problem": problem.id, "on": min(completed, now.date()), "text": "整改完成：" + finding[2],
                          "by": responsible, "created_at": at(completed, 16)})
        ProgressNote.insert_many(notes).execute()
