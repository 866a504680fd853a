"""公文流转: what the secretary can do — register an incoming document, start an outgoing one, move
either through its steps, number it (发文字号), urge it (催办), extend its deadline (延期), void it.

Each action is one transaction; bad input raises ValidationError naming every bad field at once.
Numbers and step changes take SQLite's write lock at once (``atomic(immediate=True)``), so two windows
on the same file can never hand out one number twice or both finish the same step.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

import peewee as pw

from xiaoneng_desktop.core import audit, clock, conflicts, figures, late_entry, session, settings, workdays
from xiaoneng_desktop.core import extensions as deadline_extensions
from xiaoneng_desktop.core.db import atomic, search_index_matches
from xiaoneng_desktop.core.models import DeadlineExtension
from xiaoneng_desktop.core.session import requires
from xiaoneng_desktop.core.validation import Checker, ValidationError, clean_name, clean_text, existing, live
from xiaoneng_desktop.documents.models import (
    CLOSING_STEP,
    INCOMING,
    INCOMING_STEPS,
    KINDS,
    OUTGOING,
    OUTGOING_STEPS,
    SECRECY,
    URGE_WAYS,
    URGENCY,
    Document,
    DocumentStep,
    NumberCounter,
    Urging,
)

GROUP = "公文流转"


def _check_codes(value: str) -> list[str]:
    codes = [c.strip() for c in re.split(r"[;；,，、\s]+", value or "") if c.strip()]
    if not codes:
        raise ValidationError("documents.codes", "请至少填写一个发文机关代字，例如“县政办发”")
    for code in codes:
        if not re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{1,20}", code):
            raise ValidationError("documents.codes", f"机关代字“{code}”只能由汉字或字母组成")
    if len(set(codes)) != len(codes):
        raise ValidationError("documents.codes", "机关代字不能重复")
    return codes


CODES = settings.define("documents.codes", "发文机关代字", "县政办发；县政办函", GROUP,
                        help="发文字号的机关代字，可设多个，用分号隔开；序号按代字、按年度分别编排",
                        validator=_check_codes)


def _check_kind(value: str) -> str:
    kind = (value or "").strip()
    if kind not in KINDS:
        raise ValidationError("documents.default_kind", f"文种“{kind}”不在公文文种中，可填：{'、'.join(KINDS)}")
    return kind


DEFAULT_KIND = settings.define("documents.default_kind", "新登记公文的默认文种", "通知", GROUP,
                               help="收文、发文登记时文种一栏预先选好的文种（最常用的一种）", validator=_check_kind)


def default_kind() -> str:
    """The 文种 a new 收文/发文 starts with (a setting; 通知 unless changed, or if the setting is bad)."""
    kind = settings.get(DEFAULT_KIND.key)
    return kind if kind in KINDS else "通知"


# Seed 003 §(三)(四): working days, counted by core.workdays (the day received never counts).
LIMIT_DRAFT = settings.define("documents.limit.draft", "正式文件拟办时限", 3, GROUP, unit=" 个工作日",
                              minimum=0, maximum=60, help="拟发的正式文件自收到代拟稿之日起在此时限内拟办完毕")
LIMIT_MINUTES = settings.define("documents.limit.minutes", "会议纪要草拟时限", 2, GROUP, unit=" 个工作日",
                                minimum=0, maximum=60, help="会议纪要在会议结束后此时限内草拟完毕")
LIMIT_CONSULT = settings.define("documents.limit.consult", "会签（征求意见）时限", 10, GROUP, unit=" 个工作日",
                                minimum=0, maximum=60, help="需要征求相关部门意见的，可延长至此时限")
LIMIT_REVIEW = settings.define("documents.limit.review", "送审报批每个环节时限", 2, GROUP, unit=" 个工作日",
                               minimum=0, maximum=60, help="核稿、签发、拟办、批办、传阅等送审报批环节一般不超过此时限")
LIMIT_ISSUE = settings.define("documents.limit.issue", "编号、印发每个环节时限", 2, GROUP, unit=" 个工作日",
                              minimum=0, maximum=60, help="本单位自定（意见未作规定）")
LIMIT_URGENCY = {
    "特急": settings.define("documents.limit.urgent", "特急件办理时限", 0, GROUP, unit=" 个工作日", minimum=0,
                          maximum=60, help="请示等来文，急件即办即复：0 表示当个工作日内"),
    "加急": settings.define("documents.limit.express", "加急件办理时限", 3, GROUP, unit=" 个工作日", minimum=0,
                          maximum=60),
    "平件": settings.define("documents.limit.normal", "平件办理时限", 10, GROUP, unit=" 个工作日", minimum=0,
                          maximum=120, help="一般件不得超过此时限"),
}
DUE_SOON = settings.define("documents.due_soon", "临近时限提醒", 1, GROUP, unit=" 个工作日", minimum=0,
                           maximum=10, help="距时限不足此数个工作日的在办文件显示为橙色")

STATUSES = ("全部", "在办", "临近时限", "已超时", "已办结", "已归档", "已作废")
TEXT_MAX = 1000


def codes() -> list[str]:
    return _check_codes(settings.get(CODES.key))


def steps_of(direction: str) -> tuple[str, ...]:
    return INCOMING_STEPS if direction == INCOMING else OUTGOING_STEPS


def _days(setting) -> int:
    return settings.get(setting.key)


# --- 文号 --------------------------------------------------------------------------------------------

_DOC_NUMBER = re.compile(r"^(?P<code>[\u4e00-\u9fffA-Za-z]+)〔(?P<year>(19|20)\d{2})〕(?P<seq>[1-9]\d*)号$")
_LOOSE = re.compile(r"^(?P<code>[\u4e00-\u9fffA-Za-z]+?)\s*[\[［(（【〔〖{｛<《]\s*(?P<year>(19|20)\d{2})\s*"
                    r"[\]］)）】〕〗}｝>》]\s*第?\s*(?P<seq>\d+)\s*号?$")
_NO_BRACKET = re.compile(r"^(?P<code>[\u4e00-\u9fffA-Za-z]+?)\s*(?P<year>(19|20)\d{2})\s*年?\s*第?\s*(?P<seq>\d+)\s*号$")


def parse_doc_number(text: str) -> tuple[str, int, int] | None:
    """(代字, 年份, 序号) of a well-formed 文号 such as 宜府办文〔2008〕58号, else None."""
    found = _DOC_NUMBER.match((text or "").strip())
    return (found["code"], int(found["year"]), int(found["seq"])) if found else None


def suggest_doc_number(text: str) -> str | None:
    """The well-formed 文号 a mistyped one most likely means ([2026], (2026), 第58号, 058号), or None."""
    text = (text or "").strip()
    if not text or parse_doc_number(text):
        return None
    for pattern in (_LOOSE, _NO_BRACKET):
        found = pattern.match(text)
        if found and int(found["seq"]) > 0:
            return f"{found['code']}〔{found['year']}〕{int(found['seq'])}号"
    return None


def clean_incoming_doc_number(text: str) -> str:
    """A 来文's 文号 as printed on the original (another office wrote it: 山组字[2008]43号 stays so);
    ``doc_number_hint`` tells the registrar when it differs from the standard form."""
    return clean_text(text, "文号", field="doc_number", max_len=40)


def doc_number_hint(text: str) -> str:
    """"" for an empty or standard 文号, else a hint (never a refusal) naming the standard form."""
    text = (text or "").strip()
    if not text or parse_doc_number(text):
        return ""
    suggestion = suggest_doc_number(text)
    if suggestion:
        return f"与标准写法“{suggestion}”不同；来文文号按原件照录，如是抄错可改正"
    return "与标准写法“机关代字〔年份〕序号号”不同；来文文号按原件照录即可"


def check_doc_number(text: str, label: str = "文号", field: str = "doc_number") -> str:
    """Our own 发文字号 (may be empty), or ValidationError; a likely correction is offered, never applied."""
    text = clean_text(text, label, field=field, max_len=40)
    if not text or parse_doc_number(text):
        return text
    suggestion = suggest_doc_number(text)
    if suggestion:
        raise ValidationError(field, f"{label}“{text}”格式不对，年份应使用六角括号〔〕、序号不加“第”和前导0。"
                                     f"是否改为“{suggestion}”？")
    raise ValidationError(field, f"{label}“{text}”格式不对，应为“机关代字〔年份〕序号号”，例如 宜府办文〔2008〕58号")


# --- deadlines ---------------------------------------------------------------------------------------

def item_limit(direction: str, kind: str, urgency: str, consult: bool) -> int:
    """The item's limit in working days: a 收文 by urgency; a 发文 summed over its steps."""
    if direction == INCOMING:
        return _days(LIMIT_URGENCY.get(urgency, LIMIT_URGENCY["平件"]))
    draft = _days(LIMIT_MINUTES) if kind == "纪要" else _days(LIMIT_DRAFT)
    return (draft + (_days(LIMIT_CONSULT) if consult else 0) + 2 * _days(LIMIT_REVIEW) + 2 * _days(LIMIT_ISSUE))


def deadline_for(direction: str, kind: str, urgency: str, start: dt.date, consult: bool = False) -> dt.datetime:
    return workdays.deadline_end(workdays.add_workdays(start, item_limit(direction, kind, urgency, consult)))


def step_limit(direction: str, step: str, kind: str = "") -> int | None:
    """Working days one step may take from when it arrives; None: bounded by the item's deadline only."""
    if step in ("拟办", "批办", "传阅", "核稿", "签发"):
        return _days(LIMIT_REVIEW)
    if step == "会签":
        return _days(LIMIT_CONSULT)
    if step in ("编号", "印发"):
        return _days(LIMIT_ISSUE)
    if step == "拟稿":
        return _days(LIMIT_MINUTES) if kind == "纪要" else _days(LIMIT_DRAFT)
    return None


def set_step(doc: Document, step: str, holder: str, since: dt.datetime, start: dt.date | None = None) -> None:
    doc.step, doc.holder, doc.step_since = step, holder, since
    if not step:
        doc.step_due = doc.due = None
        return
    limit = step_limit(doc.direction, step, doc.kind)
    doc.step_due = (None if limit is None
                    else workdays.deadline_end(workdays.add_workdays(start or since.date(), limit)))
    _update_due(doc)


def _update_due(doc: Document) -> None:
    if doc.closed_at is not None or not doc.step:
        doc.due = None  # only 归档 is left: nothing is late any more
    else:
        doc.due = doc.deadline if doc.step_due is None else min(doc.step_due, doc.deadline)


def soon_limit(now: dt.datetime | None = None) -> dt.datetime:
    """A deadline at or before this moment is 临近 (due within DUE_SOON working days)."""
    now = now or clock.now()
    return workdays.deadline_end(workdays.add_workdays(now.date(), _days(DUE_SOON)))


# --- registering ---------------------------------------------------------------------------------------

@dataclass
class IncomingInput:
    """收文登记 form."""

    start_date: dt.date | None  # 收文日期
    unit: str  # 来文单位
    title: str
    kind: str
    registrar: str  # 登记人
    next_holder: str  # 拟办人: who gets the 拟办 step
    doc_number: str = ""
    secrecy: str = "无"
    secrecy_term: str = ""
    urgency: str = "平件"
    copies: int = 1
    deadline: dt.date | None = None  # typed by hand; None: from the urgency's limit
    opinion: str = ""  # 签收 remark


@dataclass
class OutgoingInput:
    """发文拟稿 form: the draft arrives with the 拟稿人, who holds the 拟稿 step."""

    start_date: dt.date | None  # 收到代拟稿之日 / 会议结束之日
    title: str
    kind: str
    code: str  # 机关代字
    unit: str  # 拟稿科室
    drafter: str  # 拟稿人: holds 拟稿
    registrar: str = ""
    secrecy: str = "无"
    secrecy_term: str = ""
    urgency: str = "平件"
    copies: int = 1
    cosign_units: str = ""  # 会签单位, empty: no 会签
    deadline: dt.date | None = None


def check_document(check: Checker, data, now: dt.datetime) -> dict:
    values: dict = {}
    if data.start_date is None:
        check.add("start_date", "请填写日期")
    elif data.start_date > now.date():
        check.add("start_date", "日期不能晚于今天")
    values["start_date"] = data.start_date
    values["title"] = check.run("title", clean_text, data.title, "标题", field="title", max_len=200, required=True)
    if data.kind not in KINDS:
        check.add("kind", "请选择文种")
    values["kind"] = data.kind
    if data.secrecy not in SECRECY:
        check.add("secrecy", "请选择密级")
    values["secrecy"] = data.secrecy
    term = check.run("secrecy_term", clean_text, data.secrecy_term, "保密期限", field="secrecy_term", max_len=20)
    if data.secrecy in SECRECY[1:] and not term:
        check.add("secrecy_term", f"密级为“{data.secrecy}”的文件须填写保密期限，例如“10年”")
    values["secrecy_term"] = term if data.secrecy in SECRECY[1:] else ""
    if data.urgency not in URGENCY:
        check.add("urgency", "请选择紧急程度")
    values["urgency"] = data.urgency
    if not isinstance(data.copies, int) or not 1 <= data.copies <= 9999:
        check.add("copies", "份数须为 1 至 9999 之间的整数")
    values["copies"] = data.copies
    if data.deadline is not None and data.start_date is not None and data.deadline < data.start_date:
        check.add("deadline", "办理时限不能早于收文（收稿）日期")
    return values


def check_one_name(check: Checker, value: str, label: str, field: str, required: bool = True) -> str:
    name = check.run(field, clean_name, value, label, field=field, max_len=60, required=required) or ""
    if name and re.search(r"[、，,;；/\s]", name):
        check.add(field, f"{label}只能填一个人或一个科室（首问负责制），其他人请填在协办中")
    return name


def peek_number(code: str, year: int) -> str:
    """The 发文字号 the next 编号 with this 代字 and year would give now (nothing is taken: the number is
    given in the 编号 transaction, and another PC may take this one first)."""
    counter = NumberCounter.get_or_none((NumberCounter.code == code) & (NumberCounter.year == year))
    return f"{code}〔{year}〕{(counter.last if counter else 0) + 1}号"


def next_number(code: str, year: int) -> int:
    """max + 1 for this 代字 and year; the caller holds an IMMEDIATE transaction."""
    counter = NumberCounter.get_or_none((NumberCounter.code == code) & (NumberCounter.year == year))
    if counter is None:
        NumberCounter.insert(code=code, year=year, last=1).execute()
        return 1
    NumberCounter.update(last=NumberCounter.last + 1).where(
        (NumberCounter.code == code) & (NumberCounter.year == year)).execute()
    return counter.last + 1


@requires("documents.write")
def register_incoming(data: IncomingInput) -> Document:
    """收文登记 = the 签收登记 step: 收文编号 收〔年〕n号 is given at once, 拟办 goes to ``next_holder``."""
    check = Checker()
    now = clock.now()
    values = check_document(check, data, now)
    values["unit"] = check.run("unit", clean_text, data.unit, "来文单位", field="unit", max_len=60, required=True)
    values["doc_number"] = check.run("doc_number", clean_incoming_doc_number, data.doc_number)
    values["registrar"] = check.run("registrar", clean_name, data.registrar, "登记人", field="registrar",
                                    max_len=30, required=True)
    holder = check_one_name(check, data.next_holder, "拟办人", "next_holder")
    opinion = check.run("opinion", clean_text, data.opinion, "签收意见", field="opinion", max_len=TEXT_MAX,
                        multiline=True)
    check.raise_if_any()
    with atomic(immediate=True):
        doc = Document(direction=INCOMING, registered_at=now, **values)
        if data.deadline is not None:
            doc.deadline, doc.deadline_typed = workdays.deadline_end(data.deadline), True
        else:
            doc.deadline = deadline_for(INCOMING, doc.kind, doc.urgency, doc.start_date)
        doc.year = now.year
        doc.serial = next_number("收", doc.year)
        doc.number = f"收〔{doc.year}〕{doc.serial}号"
        set_step(doc, "拟办", holder, now)
        doc.save()
        DocumentStep.create(document=doc, step="签收登记", who=doc.registrar, done_at=now, opinion=opinion or "",
                            handed_to=holder)
        audit.record("收文登记", "document", doc.id, f"{doc.number} {doc.title[:40]}")
    return doc


@requires("documents.write")
def start_outgoing(data: OutgoingInput) -> Document:
    """发文: the draft is registered with its 拟稿人, who holds the 拟稿 step; no 字号 until 编号."""
    check = Checker()
    now = clock.now()
    values = check_document(check, data, now)
    if data.code not in codes():
        check.add("code", "请选择发文机关代字（在单位设置中维护）")
    values["code"] = data.code
    values["unit"] = check.run("unit", clean_text, data.unit, "拟稿科室", field="unit", max_len=60, required=True)
    drafter = check_one_name(check, data.drafter, "拟稿人", "drafter")
    values["registrar"] = check.run("registrar", clean_name, data.registrar or data.drafter, "登记人",
                                    field="registrar", max_len=30) or ""
    values["cosign_units"] = check.run("cosign_units", clean_text, data.cosign_units, "会签单位",
                                       field="cosign_units", max_len=200) or ""
    check.raise_if_any()
    with atomic():
        doc = Document(direction=OUTGOING, registered_at=now, year=data.start_date.year, **values)
        if data.deadline is not None:
            doc.deadline, doc.deadline_typed = workdays.deadline_end(data.deadline), True
        else:
            doc.deadline = deadline_for(OUTGOING, doc.kind, doc.urgency, doc.start_date, bool(doc.cosign_units))
        set_step(doc, "拟稿", drafter, now, start=doc.start_date)
        doc.save()
        audit.record("发文拟稿", "document", doc.id, doc.title[:60])
    return doc


def get_document(doc_id: int) -> Document:
    return existing(Document, doc_id, "id", "该文件不存在")


# --- 修改登记 (open) and 更正 (closed) -------------------------------------------------------------------

#: Field labels of the audit log's old → new; ``unit`` is named by direction (``labels``).
LABELS = {
    "unit": "来文单位", "doc_number": "来文文号", "code": "机关代字", "title": "标题", "kind": "文种", "secrecy": "密级",
    "secrecy_term": "保密期限", "urgency": "紧急程度", "copies": "份数", "cosign_units": "会签单位",
}
CLOSED = "已办结的记录不能直接修改，请使用“更正”"
#: Steps of a 发文 before 会签: its 会签单位 may still change (核稿 may set them too).
BEFORE_COSIGN = ("拟稿", "核稿")


def labels(direction: str) -> dict[str, str]:
    return LABELS | ({"unit": "拟稿科室"} if direction == OUTGOING else {})


def registration_of(doc: Document) -> IncomingInput | OutgoingInput:
    """The registration form's values of ``doc`` (as 修改登记 / 更正 opens it)."""
    common = dict(start_date=doc.start_date, title=doc.title, kind=doc.kind, unit=doc.unit, registrar=doc.registrar,
                  secrecy=doc.secrecy, secrecy_term=doc.secrecy_term, urgency=doc.urgency, copies=doc.copies)
    if doc.direction == INCOMING:
        return IncomingInput(**common, next_holder="", doc_number=doc.doc_number)
    return OutgoingInput(**common, code=doc.code, drafter="", cosign_units=doc.cosign_units)


def cosign_editable(doc: Document) -> bool:
    return doc.direction == OUTGOING and doc.closed_at is None and doc.step in BEFORE_COSIGN


def _registration_values(doc: Document, data: IncomingInput | OutgoingInput) -> dict:
    """The registration fields that may change, checked as at registration. Never changed here: the
    收文编号 / 发文字号, the 收文日期 (the 办理时限 was counted from it), the 办理时限 (only by 延期), the
    登记人 and 拟稿人 (they did the first step) and the steps."""
    if isinstance(data, IncomingInput) != (doc.direction == INCOMING):
        raise ValidationError("id", f"这是一份{doc.direction}，请用{doc.direction}登记表修改")
    check = Checker()
    if data.start_date is not None and data.start_date != doc.start_date:
        check.add("start_date", "登记后日期不能修改（办理时限已按它确定）；确属登记错误的，请作废后重新登记")
    values = check_document(check, replace(data, start_date=doc.start_date, deadline=None), clock.now())
    del values["start_date"]
    unit = labels(doc.direction)["unit"]
    values["unit"] = check.run("unit", clean_text, data.unit, unit, field="unit", max_len=60, required=True)
    if doc.direction == INCOMING:
        values["doc_number"] = check.run("doc_number", clean_incoming_doc_number, getattr(data, "doc_number", ""))
    else:
        code = getattr(data, "code", "") or doc.code
        if code != doc.code:
            if doc.number:
                check.add("code", f"已编发文字号（{doc.number}），机关代字不能再改")
            elif code not in codes():
                check.add("code", "请选择发文机关代字（在单位设置中维护）")
        values["code"] = code
        cosign = check.run("cosign_units", clean_text, getattr(data, "cosign_units", ""), "会签单位",
                           field="cosign_units", max_len=200) or ""
        if cosign != doc.cosign_units and not cosign_editable(doc):
            check.add("cosign_units", "已过会签环节，会签单位不能再修改")
        values["cosign_units"] = cosign if cosign_editable(doc) else doc.cosign_units
    check.raise_if_any()
    return values


def _save_registration(doc: Document, data: IncomingInput | OutgoingInput, action: str, reason: str = "") -> Document:
    values = _registration_values(doc, data)
    changes = audit.diff(doc, values, labels(doc.direction))
    if not changes:
        return doc
    for key, value in values.items():
        setattr(doc, key, value)
    doc.save()
    audit.record(action, "document", doc.id, reason, changes=changes)
    return doc


@requires("documents.write")
def update_document(doc_id: int, data: IncomingInput | OutgoingInput, *, expected_version: int | None = None) -> Document:
    """修改登记 of a document still in progress: the registration fields (``_registration_values``),
    audited old → new; the number, the dates, the 办理时限 and the steps stay as they are."""
    with atomic():
        doc = live(get_document(doc_id), "id", "该文件已作废，不能修改")
        conflicts.check(doc, expected_version)
        if doc.closed_at is not None:
            raise ValidationError("id", CLOSED)
        return _save_registration(doc, data, "修改")


@requires("documents.write")
def correct_document(doc_id: int, data: IncomingInput | OutgoingInput, reason: str, *, expected_version: int | None = None) -> Document:
    """更正 of a closed (办结 / 印发 / 归档) document's registration: permission "correct", a reason,
    audited old → new."""
    reason = audit.correction_reason(reason)
    with atomic():
        doc = get_document(doc_id)
        conflicts.check(doc, expected_version)
        doc = audit.correctable(doc, doc.closed_at is not None, "该文件")
        return _save_registration(doc, data, "更正", reason)


# --- moving through the steps ----------------------------------------------------------------------

def next_step(doc: Document, after: str) -> str:
    """The step that follows ``after``: 传阅 / 会签 only when someone is named for them."""
    order = steps_of(doc.direction)
    for step in order[order.index(after) + 1:]:
        if step == "传阅" and not doc.circulate_to:
            continue
        if step == "会签" and not doc.cosign_units:
            continue
        return step
    return ""


@dataclass
class StepInput:
    """One step done. ``step`` is the step the person saw: if it was done meanwhile, nothing is saved."""

    step: str
    who: str
    opinion: str = ""
    next_holder: str = ""  # who gets the next step (主办 for 承办; the registrar for 归档 if empty)
    done_at: dt.datetime | None = None  # default now
    lead: str = ""  # 批办: 主办 (exactly one)
    assist: str = ""  # 批办: 协办
    circulate_to: str = ""  # 承办 (or 批办): 传阅 readers, empty: no 传阅
    cosign_units: str = ""  # 核稿: 会签 departments (keeps what was given at 拟稿 if empty)
    code: str = ""  # 编号: the 代字 (defaults to the one chosen at 拟稿)
    late_reason: str = ""  # 补记: the closing step done long before it is entered


#: The steps a leader does himself (批办 a 收文, 签发 a 发文): his role may write these and no other.
LEADER_STEPS = ("批办", "签发")


def advance(doc_id: int, data: StepInput) -> Document:
    """Record ``data.step`` as done and hand the document to the next step's holder."""
    if not (data.step in LEADER_STEPS and session.can("instruct")):
        session.require("documents.write")
    check = Checker()
    now = clock.now()
    who = check_one_name(check, data.who, "办理人", "who")
    opinion = check.run("opinion", clean_text, data.opinion, "意见", field="opinion", max_len=TEXT_MAX,
                        multiline=True) or ""
    done_at = data.done_at or now
    if clock.is_future(done_at, now):
        check.add("done_at", "办理时间不能晚于当前时间")
    lead = check_one_name(check, data.lead, "主办", "lead", required=data.step == "批办") if data.step == "批办" else ""
    assist = check.run("assist", clean_text, data.assist, "协办", field="assist", max_len=200) or ""
    circulate = check.run("circulate_to", clean_text, data.circulate_to, "传阅", field="circulate_to",
                          max_len=200) or ""
    cosign = check.run("cosign_units", clean_text, data.cosign_units, "会签单位", field="cosign_units",
                       max_len=200) or ""
    check.raise_if_any()
    with atomic(immediate=True):  # a second window finishing the same step waits here, then sees it done
        doc = live(get_document(doc_id), "step", "该文件已作废，不能再办理")
        if not doc.step:
            raise ValidationError("step", "该文件已归档，所有环节均已办完")
        if data.step != doc.step:
            order = steps_of(doc.direction)
            if data.step in order and order.index(data.step) < order.index(doc.step):
                last = (DocumentStep.select().where((DocumentStep.document == doc) & (DocumentStep.step == data.step))
                        .order_by(DocumentStep.id.desc()).first())
                by = f"已由{last.who}于 {last.done_at:%m-%d %H:%M} 办理" if last else "已经办过"
                raise ValidationError("step", f"“{data.step}”环节{by}，请刷新后再看")
            raise ValidationError("step", f"现在应办理“{doc.step}”环节，不能跳到“{data.step}”（须按顺序办理）")
        if doc.step_since is not None and done_at < doc.step_since - dt.timedelta(minutes=1):
            raise ValidationError("done_at", f"办理时间不能早于本环节开始的时间（{doc.step_since:%Y-%m-%d %H:%M}）")
        errors = Checker()
        if doc.step == "批办":
            doc.lead, doc.assist = lead, assist
        if doc.step in ("批办", "承办") and circulate:
            doc.circulate_to = circulate
        if doc.step == "核稿" and cosign:
            doc.cosign_units = cosign
        if doc.step == "编号":
            code = data.code or doc.code
            if code not in codes():
                errors.add("code", "请选择发文机关代字")
            errors.raise_if_any()
            doc.code = code
            doc.year = done_at.year
            doc.serial = next_number(code, doc.year)
            doc.number = f"{code}〔{doc.year}〕{doc.serial}号"
        step = doc.step
        following = next_step(doc, step)
        holder = _next_holder(errors, doc, following, data.next_holder, who)
        errors.raise_if_any()
        late_reason = ""
        if step == CLOSING_STEP[doc.direction]:
            late_reason = late_entry.check(done_at, data.late_reason, now=now)
            doc.closed_at = done_at
        if step == "归档":
            doc.archived_at = done_at
        DocumentStep.create(document=doc, step=step, who=who, done_at=done_at, opinion=opinion,
                            deadline=doc.due, handed_to=holder)
        set_step(doc, following, holder, done_at)
        doc.save()
        detail = f"{step}：{who}" + (f" → {holder}" if holder else "") + (f"（{doc.number}）" if step == "编号" else "")
        audit.record(step, "document", doc.id, detail)
        late_entry.record("document", doc.id, late_reason)
    return doc


def _next_holder(errors: Checker, doc: Document, following: str, typed: str, who: str) -> str:
    if not following:
        return ""
    if following in ("承办", "办结"):
        return doc.lead or check_one_name(errors, typed, "下一环节办理人", "next_holder")
    if following == "归档" and not typed.strip():
        return doc.registrar or who
    if following in ("传阅", "编号", "印发") and not typed.strip():
        return doc.registrar or who
    return check_one_name(errors, typed, "下一环节办理人", "next_holder")


def steps(doc_id: int) -> list[DocumentStep]:
    return list(DocumentStep.select().where(DocumentStep.document == doc_id).order_by(DocumentStep.id))


# --- 催办 and 延期 ---------------------------------------------------------------------------------------

@requires("documents.write")
def urge(doc_id: int, urged_by: str, way: str, answer: str = "", urged_at: dt.datetime | None = None) -> Urging:
    check = Checker()
    now = clock.now()
    urged_by = check.run("urged_by", clean_name, urged_by, "催办人", field="urged_by", max_len=30, required=True)
    if way not in URGE_WAYS:
        check.add("way", "请选择催办方式（电话、当面或书面）")
    answer = check.run("answer", clean_text, answer, "答复情况", field="answer", max_len=TEXT_MAX, multiline=True)
    urged_at = urged_at or now
    if clock.is_future(urged_at, now):
        check.add("urged_at", "催办时间不能晚于当前时间")
    check.raise_if_any()
    with atomic():
        doc = get_document(doc_id)
        if not is_open(doc):
            raise ValidationError("way", "该文件已办结或已作废，无需催办")
        row = Urging.create(document=doc, urged_at=urged_at, urged_by=urged_by, way=way, step=doc.step,
                            holder=doc.holder, answer=answer or "")
        Document.update(urge_count=Document.urge_count + 1).where(Document.id == doc.id).execute()
        audit.record("催办", "document", doc.id, f"{way}催办{doc.holder}（{doc.step}）")
    return row


def urgings(doc_id: int) -> list[Urging]:
    return list(Urging.select().where(Urging.document == doc_id).order_by(Urging.urged_at, Urging.id))


@requires("documents.write")
def ask_extension(doc_id: int, new_date: dt.date | None, reason: str, asked_by: str = "") -> DeadlineExtension:
    """延期: asked (by the signed-in user) before the deadline, with a reason and a new date; it waits
    for someone else to approve (``decide_extension``). ``asked_by`` is no longer used: the asker is
    the session's actor."""
    new_deadline = workdays.deadline_end(new_date) if new_date is not None else None
    return deadline_extensions.ask("document", doc_id, new_deadline, reason, field="new_date")


@requires("extension.approve")
def decide_extension(extension_id: int, approve: bool, actor: str = "") -> DeadlineExtension:
    """批准延期 / 不同意延期 by the signed-in user (not the one who asked)."""
    return deadline_extensions.decide(extension_id, approve)


def _current_deadline(doc: Document) -> dt.datetime:
    return doc.due or doc.deadline


def _apply_extension(doc: Document, row: DeadlineExtension) -> None:
    doc.deadline = max(doc.deadline, row.new_deadline)
    doc.step_due = row.new_deadline
    _update_due(doc)
    doc.save()


def extensions(doc_id: int) -> list[DeadlineExtension]:
    return deadline_extensions.of("document", doc_id)


deadline_extensions.register("document", load=lambda doc_id: get_document(doc_id), deadline=_current_deadline,
                             apply=_apply_extension, is_open=lambda doc: is_open(doc), permission="documents.write")


@requires("documents.write")
def void_document(doc_id: int, reason: str, actor: str = "") -> Document:
    """作废 instead of delete; a 发文字号 already given stays used (the counter never goes back)."""

    def nothing_due(doc: Document) -> None:
        doc.due = None

    return audit.void(lambda: get_document(doc_id), reason, table="document", already="该文件已经作废",
                      detail=lambda doc: f"{doc.number} {doc.void_reason}", also=nothing_due)


# --- what the lists show ---------------------------------------------------------------------------

def is_open(doc: Document) -> bool:
    return doc.closed_at is None and doc.voided_at is None


def _open():
    return Document.closed_at.is_null() & Document.voided_at.is_null()


def documents_query(text: str = "", date_from: dt.date | None = None, date_to: dt.date | None = None,
                    status: str = "全部", direction: str = "", step: str = "", holder: str = "",
                    overdue_only: bool = False) -> pw.ModelSelect:
    """Both registers as the table shows them, filtered in SQL, across years."""
    query = Document.select()
    if direction:
        query = query.where(Document.direction == direction)
    if date_from is not None:
        query = query.where(Document.start_date >= date_from)
    if date_to is not None:
        query = query.where(Document.start_date <= date_to)
    if step:
        query = query.where(Document.step == step)
    if holder:
        query = query.where(Document.holder == holder)
    now = clock.now()
    if status == "在办":
        query = query.where(_open())
    elif status == "临近时限":
        query = query.where(_open() & (Document.due >= now) & (Document.due <= _soon_until(now)))
    elif status == "已办结":
        query = query.where(Document.closed_at.is_null(False) & Document.voided_at.is_null())
    elif status == "已归档":
        query = query.where(Document.archived_at.is_null(False) & Document.voided_at.is_null())
    elif status == "已作废":
        query = query.where(Document.voided_at.is_null(False))
    if overdue_only or status == "已超时":
        query = query.where(overdue_condition(now))
    text = text.strip()
    if text:
        query = query.where(search_index_matches(Document, text))
    return query


def open_documents_query() -> pw.ModelSelect:
    """Documents still in progress (not 办结, not voided), whatever their step."""
    return Document.select().where(_open())


def overdue_condition(now: dt.datetime | None = None) -> pw.Expression:
    """The documents whose ``state`` is overdue, as SQL: the current step's or the item's due passed."""
    return _open() & (Document.due < (now or clock.now()))


def overdue_count(now: dt.datetime | None = None) -> int:
    return Document.select().where(overdue_condition(now)).count()


_soon_memo: dict[str, object] = {"key": None, "until": None}


def _soon_until(now: dt.datetime) -> dt.datetime:
    """``soon_limit`` computed once a minute (it reads the calendar), not once per painted cell."""
    key = (now.replace(second=0), _days(DUE_SOON))
    if _soon_memo["key"] != key:
        _soon_memo["key"], _soon_memo["until"] = key, soon_limit(now)
    return _soon_memo["until"]


def state(doc: Document, now: dt.datetime | None = None) -> str:
    """voided / closed / closed_late / overdue / soon / open (core.figures.STATES): 办结 or 归档 is closed,
    late when after the item's deadline; an open document is judged by ``due`` (its step's or its own)."""
    if doc.voided_at is not None:
        return figures.VOIDED
    if doc.closed_at is not None:
        return figures.closed_state(doc.closed_at, doc.deadline)
    now = now or clock.now()
    return figures.open_state(doc.due, now, _soon_until(now))


def status_text(doc: Document, now: dt.datetime | None = None) -> str:
    """剩余 2天3小时 / 超时 1天 / 在办 / 已办结，待归档 / 已归档（超时） / 已作废."""
    now = now or clock.now()
    current = state(doc, now)
    if current == figures.VOIDED:
        return "已作废"
    if current in (figures.CLOSED, figures.CLOSED_LATE):
        done = "已归档" if doc.archived_at is not None else "已办结，待归档"
        return done + ("（超时）" if current == figures.CLOSED_LATE else "")
    if doc.due is None:
        return "在办"
    return format_remaining(doc.due, now)


def todo_counts() -> list[tuple[str, int, int]]:
    """待办: (holder, open items, of which overdue), most held first — one SQL aggregate."""
    now = clock.now()
    overdue = pw.fn.SUM(pw.Case(None, [(Document.due < now, 1)], 0))
    rows = (Document.select(Document.holder, pw.fn.COUNT(Document.id).alias("n"), overdue.alias("late"))
            .where(_open() & (Document.holder != "")).group_by(Document.holder)
            .order_by(pw.fn.COUNT(Document.id).desc(), Document.holder).tuples())
    return [(holder, n, late or 0) for holder, n, late in rows]


def holders() -> list[str]:
    return [h for h, _, _ in todo_counts()]


def format_remaining(due: dt.datetime, now: dt.datetime | None = None) -> str:
    """剩余 2天3小时 / 超时 1天 — documents are counted in days and hours."""
    seconds = int((due - (now or clock.now())).total_seconds())
    overdue = seconds < 0
    hours = (abs(seconds) + (0 if overdue else 3599)) // 3600
    days, hours = divmod(hours, 24)
    text = (f"{days}天" if days else "") + (f"{hours}小时" if hours or not days else "")
    return ("超时 " if overdue else "剩余 ") + text
