"""五查自查: what an office can do — keep check-point templates, run a campaign (who takes part, their
answers on every check point), raise the problems found and take each through 整改 to 销号.

Each action is one transaction; bad input raises ValidationError with every field's Chinese message.
Nothing is deleted: campaigns and problems are voided (作废) with a reason, templates retired.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import peewee as pw

from xiaoneng_desktop.core import accounts, audit, clock, conflicts, figures, late_entry, session, settings
from xiaoneng_desktop.core import extensions as deadline_extensions
from xiaoneng_desktop.core.db import atomic, search_index_matches
from xiaoneng_desktop.core.models import DeadlineExtension
from xiaoneng_desktop.core.session import requires
from xiaoneng_desktop.core.validation import (
    Checker,
    ValidationError,
    clean_name,
    clean_text,
    existing,
    live,
)
from xiaoneng_desktop.inspection.builtin import install_builtin_template
from xiaoneng_desktop.inspection.models import (
    CAMPAIGN_STATUSES,
    KINDS,
    Answer,
    Campaign,
    CheckItem,
    CheckPoint,
    Participant,
    Problem,
    ProgressNote,
    Template,
)

GROUP = "五查自查"
DUE_SOON = settings.define("inspection.due_soon", "整改临近时限提醒", 3, GROUP, unit=" 天", minimum=0, maximum=60,
                           help="距整改时限不足此天数的问题显示为橙色")
DEFAULT_DAYS = settings.define("inspection.default_days", "限期整改默认期限", 30, GROUP, unit=" 天", minimum=1,
                               maximum=365, help="新登记问题的整改时限默认为发现之日起的天数（可逐条修改）")
IMMEDIATE_DAYS = settings.define("inspection.immediate_days", "立即整改默认期限", 7, GROUP, unit=" 天", minimum=0,
                                 maximum=60, help="“立即整改”的问题，整改时限默认为发现之日起的天数")

TEXT_MAX = 1000
STATUSES = ("全部", "未开始", "整改中", "已完成", "已销号", "已超期", "已作废")
# ================================================================================ templates

@dataclass
class TemplateInput:
    """A template as the editor shows it: a name and ordered rows of (检查项, 检查点)."""

    name: str
    rows: list[tuple[str, str]] = field(default_factory=list)


def ensure_builtin() -> None:
    """The built-in template (a file created before this register gets it at upgrade; this is a net)."""
    if not Template.select().where(Template.builtin == True).exists():  # noqa: E712
        with atomic():
            install_builtin_template()


def list_templates(include_retired: bool = False) -> list[Template]:
    query = Template.select().order_by(Template.builtin.desc(), Template.name, Template.version)
    if not include_retired:
        query = query.where(Template.retired_at.is_null())
    return list(query)


def builtin_template() -> Template:
    ensure_builtin()
    return (Template.select().where(Template.builtin == True)  # noqa: E712
            .order_by(Template.retired_at.is_null(False), Template.version.desc()).first())


def get_template(template_id: int) -> Template:
    return existing(Template, template_id, "template", "该模板不存在，请刷新后重试")


def campaigns_using(template_id: int) -> list[str]:
    return [c.name for c in Campaign.select(Campaign.name).where(
        (Campaign.template == template_id) & Campaign.voided_at.is_null()).order_by(Campaign.id)]


def in_use(template_id: int) -> bool:
    """Computed from campaigns (a voided campaign still keeps its points: it counts too)."""
    return Campaign.select().where(Campaign.template == template_id).exists()


def template_items(template_id: int) -> list[tuple[CheckItem, list[CheckPoint]]]:
    """The checks in order, each with its points in order (two queries)."""
    items = list(CheckItem.select().where(CheckItem.template == template_id).order_by(CheckItem.position))
    points: dict[int, list[CheckPoint]] = {item.id: [] for item in items}
    for point in (CheckPoint.select().join(CheckItem).where(CheckItem.template == template_id)
                  .order_by(CheckItem.position, CheckPoint.position)):
        points[point.item_id].append(point)
    return [(item, points[item.id]) for item in items]


def template_rows(template_id: int) -> list[tuple[str, str]]:
    return [(item.name, point.text) for item, points in template_items(template_id) for point in points]


def _clean_template(data: TemplateInput) -> tuple[str, list[tuple[str, list[str]]]]:
    check = Checker()
    name = check.run("name", clean_text, data.name, "模板名称", field="name", max_len=60, required=True)
    grouped: dict[str, list[str]] = {}
    problems = []
    for number, (item, point) in enumerate(data.rows, start=1):
        item = " ".join((item or "").split())
        point = " ".join((point or "").split())
        if not item and not point:
            problems.append(f"第 {number} 行是空行，请填写或删除")
            continue
        if not item:
            problems.append(f"第 {number} 行请填写检查项")
        if not point:
            problems.append(f"第 {number} 行“{item}”的检查点不能为空")
        if len(item) > 60 or len(point) > 200:
            problems.append(f"第 {number} 行太长（检查项不超过 60 字，检查点不超过 200 字）")
        if item and point:
            if point in grouped.get(item, []):
                problems.append(f"第 {number} 行与前面的检查点重复")
            grouped.setdefault(item, []).append(point)
    if problems:
        check.add("rows", "；".join(problems))
    elif not grouped:
        check.add("rows", "模板至少要有一个检查项和一个检查点")
    check.raise_if_any()
    return name, list(grouped.items())


def _write_items(template: Template, items: list[tuple[str, list[str]]]) -> None:
    for i, (name, points) in enumerate(items, start=1):
        item = CheckItem.create(template=template, position=i, name=name)
        CheckPoint.insert_many([{"item": item.id, "position": j, "text": text}
                                for j, text in enumerate(points, start=1)]).execute()


@requires("inspection.write")
def create_template(data: TemplateInput, based_on: int | None = None, actor: str = "") -> Template:
    name, items = _clean_template(data)
    with atomic():
        template = Template.create(name=name, version=1, based_on=based_on, created_at=clock.now())
        _write_items(template, items)
        audit.record("新建", "template", template.id, f"模板：{name}，{sum(len(p) for _, p in items)}个检查点")
    return template


@requires("inspection.write")
def copy_template(template_id: int, name: str, actor: str = "") -> Template:
    """复制: a new template with the same checks and points, to edit freely."""
    source = get_template(template_id)
    return create_template(TemplateInput(name, template_rows(source.id)), based_on=source.id, actor=actor)


@requires("inspection.write")
def save_template(template_id: int, data: TemplateInput, actor: str = "") -> Template:
    """Change a template. One in use by a campaign is not touched: the change becomes a new version
    (the old one retired), so the campaigns keep the points they were run with. Returns the template
    that now carries the change."""
    name, items = _clean_template(data)
    with atomic():
        template = get_template(template_id)
        if template.retired_at is not None:
            raise ValidationError("name", "该模板已停用或已有新版本，不能再修改")
        if in_use(template.id):
            newer = Template.create(name=name, version=template.version + 1, based_on=template,
                                    builtin=template.builtin, created_at=clock.now())
            _write_items(newer, items)
            template.retired_at, template.retire_reason = clock.now(), f"已修订为第{newer.version}版"
            template.save()
            audit.record("修订", "template", newer.id, f"模板：{name}，由第{template.version}版修订（原版本已被使用）")
            return newer
        CheckPoint.delete().where(CheckPoint.item.in_(
            CheckItem.select(CheckItem.id).where(CheckItem.template == template.id))).execute()
        CheckItem.delete().where(CheckItem.template == template.id).execute()
        template.name = name
        template.save()
        _write_items(template, items)
        audit.record("修改", "template", template.id, f"模板：{name}")
        return template


@requires("inspection.write")
def delete_template(template_id: int, reason: str = "", actor: str = "") -> Template:
    """删除 = retire (kept for history). A template in use cannot be deleted."""
    with atomic():
        template = get_template(template_id)
        users = campaigns_using(template.id)
        if in_use(template.id):
            names = "、".join(f"“{n}”" for n in users[:3]) or "已作废的活动"
            raise ValidationError("template", f"模板“{template.title}”已被自查活动{names}使用，不能删除")
        if template.retired_at is not None:
            raise ValidationError("template", "该模板已经删除")
        template.retired_at, template.retire_reason = clock.now(), (reason.strip() or "删除")[:200]
        template.save()
        audit.record("删除", "template", template.id, f"模板：{template.title}；{template.retire_reason}")
    return template


# ================================================================================ campaigns

@dataclass
class CampaignInput:
    name: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    template_id: int | None
    people: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    note: str = ""


def _names(raw: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(n for n in (" ".join((x or "").split()) for x in raw) if n))


def _clean_campaign(data: CampaignInput) -> dict:
    check = Checker()
    values = {
        "name": check.run("name", clean_text, data.name, "活动名称", field="name", max_len=100, required=True),
        "note": check.run("note", clean_text, data.note, "备注", field="note", max_len=TEXT_MAX, multiline=True),
        "starts_on": data.starts_on, "ends_on": data.ends_on,
    }
    if data.starts_on is None:
        check.add("starts_on", "请填写开始日期")
    if data.ends_on is None:
        check.add("ends_on", "请填写结束日期")
    elif data.starts_on is not None and data.ends_on < data.starts_on:
        check.add("ends_on", "结束日期不能早于开始日期")
    if data.template_id is None or Template.get_or_none(Template.id == data.template_id) is None:
        check.add("template", "请选择检查模板")
    people, departments = _names(data.people), _names(data.departments)
    for name in people + departments:
        if len(name) > 60:
            check.add("participants", f"参加人员或部门“{name[:20]}…”的名称太长")
    if set(people) & set(departments):
        check.add("participants", "同一名称不能既是人员又是部门：" + "、".join(sorted(set(people) & set(departments))))
    if not people and not departments:
        check.add("participants", "请至少选择一名参加人员或一个部门")
    check.raise_if_any()
    values["participants"] = [("人员", n) for n in people] + [("部门", n) for n in departments]
    return values


@requires("inspection.write")
def create_campaign(data: CampaignInput, actor: str = "") -> Campaign:
    values = _clean_campaign(data)
    with atomic():
        template = get_template(data.template_id)
        if template.retired_at is not None:
            raise ValidationError("template", "该模板已停用或已有新版本，请选择其他模板")
        campaign = Campaign.create(name=values["name"], starts_on=values["starts_on"], ends_on=values["ends_on"],
                                   template=template, note=values["note"], created_at=clock.now())
        Participant.insert_many([{"campaign": campaign.id, "position": i, "kind": kind, "name": name}
                                 for i, (kind, name) in enumerate(values["participants"], start=1)]).execute()
        audit.record("新建", "campaign", campaign.id,
                     f"{campaign.name}；模板：{template.title}；参加：{len(values['participants'])}")
    return campaign


def get_campaign(campaign_id: int) -> Campaign:
    return existing(Campaign, campaign_id, "campaign", "该自查活动不存在，请刷新后重试")


@requires("inspection.write")
def update_campaign(campaign_id: int, data: CampaignInput, actor: str = "", *, expected_version: int | None = None) -> Campaign:
    """Rename, move the period, add or drop participants (one with answers or problems stays)."""
    values = _clean_campaign(data)
    with atomic():
        campaign = live(get_campaign(campaign_id), "name", "该活动已作废，不能修改")
        conflicts.check(campaign, expected_version)
        if data.template_id != campaign.template_id:
            raise ValidationError("template", "活动开始后不能更换检查模板")
        first_found = (Problem.select(pw.fn.MIN(Problem.found_on)).where(Problem.campaign == campaign.id).scalar())
        if first_found is not None and values["starts_on"] > _as_date(first_found):
            raise ValidationError("starts_on", f"已有 {_as_date(first_found):%Y-%m-%d} 发现的问题，开始日期不能晚于该日")
        current = {p.name: p for p in campaign.participants}
        wanted = {name: kind for kind, name in values["participants"]}
        for name, participant in current.items():
            if name not in wanted:
                used = (Answer.select().where((Answer.participant == participant.id)
                                              & Answer.has_problem.is_null(False)).exists()
                        or Problem.select().where(Problem.participant == participant.id).exists())
                if used:
                    raise ValidationError("participants", f"“{name}”已填写自查情况，不能从活动中移除")
                participant.delete_instance(recursive=True)
            elif participant.kind != wanted[name]:
                participant.kind = wanted[name]
                participant.save()
        top = max((p.position for p in current.values()), default=0)
        for kind, name in values["participants"]:
            if name not in current:
                top += 1
                Participant.create(campaign=campaign, position=top, kind=kind, name=name)
        campaign.name, campaign.starts_on, campaign.ends_on = values["name"], values["starts_on"], values["ends_on"]
        campaign.note = values["note"]
        campaign.save()
        audit.record("修改", "campaign", campaign.id, campaign.name)
    return campaign


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


@requires("inspection.write")
def set_campaign_status(campaign_id: int, status: str, actor: str = "") -> Campaign:
    if status not in CAMPAIGN_STATUSES:
        raise ValidationError("status", "活动状态只能是“进行中”或“已完成”")
    with atomic():
        campaign = live(get_campaign(campaign_id), "status", "该活动已作废")
        if campaign.status != status:
            campaign.status = status
            campaign.save()
            audit.record(status, "campaign", campaign.id, campaign.name)
    return campaign


@requires("inspection.write")
def void_campaign(campaign_id: int, reason: str, actor: str = "") -> Campaign:
    return audit.void(lambda: get_campaign(campaign_id), reason, table="campaign", already="该活动已经作废")


def list_campaigns(include_voided: bool = False) -> list[Campaign]:
    query = Campaign.select(Campaign, Template).join(Template).order_by(Campaign.starts_on.desc(), Campaign.id.desc())
    if not include_voided:
        query = query.where(Campaign.voided_at.is_null())
    return list(query)


def participants(campaign_id: int) -> list[Participant]:
    return list(Participant.select().where(Participant.campaign == campaign_id).order_by(Participant.position))


def campaign_points(campaign_id: int) -> list[tuple[CheckItem, CheckPoint]]:
    """Every check point of the campaign's template, in order, with its check."""
    campaign = get_campaign(campaign_id)
    return [(item, point) for item, points in template_items(campaign.template_id) for point in points]


@dataclass
class AnswerInput:
    participant_id: int
    point_id: int
    has_problem: bool | None  # None: not answered yet
    description: str = ""
    statement: str = ""


def answers(campaign_id: int) -> dict[tuple[int, int], Answer]:
    """(participant id, point id) → answer, for the whole campaign grid (one query)."""
    rows = Answer.select().join(Participant).where(Participant.campaign == campaign_id)
    return {(a.participant_id, a.point_id): a for a in rows}


@requires("inspection.write")
def save_answers(campaign_id: int, rows: Sequence[AnswerInput], actor: str = "") -> int:
    """Save the grid (any part of it) in one transaction; returns how many answers changed.
    Errors are keyed ``"<participant id>:<point id>"`` so the grid can mark the cell."""
    campaign = get_campaign(campaign_id)
    points = {point.id: (item, point) for item, point in campaign_points(campaign_id)}
    people = {p.id: p for p in participants(campaign_id)}
    check = Checker()
    cleaned = []
    for row in rows:
        key = f"{row.participant_id}:{row.point_id}"
        if row.participant_id not in people or row.point_id not in points:
            check.add(key, "该检查点或参加人员不属于本活动，请刷新后重试")
            continue
        where = f"{people[row.participant_id].name}“{points[row.point_id][1].text[:16]}”"
        description = check.run(key, clean_text, row.description, f"{where}的问题描述", field=key,
                                max_len=TEXT_MAX, multiline=True)
        statement = check.run(key, clean_text, row.statement, f"{where}的本人说明", field=key,
                              max_len=TEXT_MAX, multiline=True)
        if row.has_problem and not description:
            check.add(key, f"{where}：有问题时请填写问题描述")
        cleaned.append((row, description or "", statement or ""))
    check.raise_if_any()
    live(campaign, "campaign", "该活动已作废，不能再填写")
    if campaign.status == "已完成":
        raise ValidationError("campaign", "该活动已完成，不能再修改自查情况（如需修改，请先将活动改回“进行中”）")
    existing = answers(campaign_id)
    changed = 0
    now = clock.now()
    with atomic():
        for row, description, statement in cleaned:
            answer = existing.get((row.participant_id, row.point_id))
            if answer is None:
                if row.has_problem is None and not description and not statement:
                    continue
                answer = Answer(participant=row.participant_id, point=row.point_id)
            elif (answer.has_problem, answer.description, answer.statement) == (row.has_problem, description,
                                                                               statement):
                continue
            answer.has_problem, answer.description, answer.statement = row.has_problem, description, statement
            answer.updated_at = now
            answer.save()
            changed += 1
        if changed:
            audit.record("自查填写", "campaign", campaign.id, f"{changed}条")
    return changed


@dataclass(frozen=True)
class ParticipantProgress:
    id: int
    kind: str
    name: str
    answered: int
    with_problem: int
    total: int

    @property
    def finished(self) -> bool:
        return self.answered >= self.total


def progress(campaign_id: int) -> list[ParticipantProgress]:
    """Per participant: how many of the campaign's points are answered (SQL aggregate)."""
    campaign = get_campaign(campaign_id)
    total = (CheckPoint.select().join(CheckItem).where(CheckItem.template == campaign.template_id).count())
    answered = pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(Answer.has_problem.is_null(False), 1)], 0)), 0)
    problems = pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(Answer.has_problem == True, 1)], 0)), 0)  # noqa: E712
    rows = (Participant.select(Participant.id, Participant.kind, Participant.name,
                               answered.alias("answered"), problems.alias("with_problem"))
            .join(Answer, pw.JOIN.LEFT_OUTER).where(Participant.campaign == campaign_id)
            .group_by(Participant.id).order_by(Participant.position).dicts())
    return [ParticipantProgress(r["id"], r["kind"], r["name"], r["answered"], r["with_problem"], total)
            for r in rows]


def unfinished(campaign_id: int) -> list[str]:
    return [p.name for p in progress(campaign_id) if not p.finished]


# ================================================================================ problems

@dataclass
class ProblemInput:
    campaign_id: int | None
    item_id: int | None  # the check
    description: str
    responsible_name: str
    kind: str = "限期整改"
    deadline: dt.date | None = None
    found_on: dt.date | None = None  # default: today
    cause: str = ""  # 分析原因
    measure: str = ""  # 整改措施
    explanation: str = ""  # 短期内不能解决: the explanation given to the people concerned
    point_id: int | None = None
    participant_id: int | None = None


#: Field labels of the audit log's old → new.
LABELS = {
    "found_on": "发现日期", "item": "检查项", "point": "检查点", "participant": "参加人员", "description": "问题描述",
    "cause": "原因分析", "measure": "整改措施", "responsible_name": "责任人", "kind": "整改类型",
    "explanation": "向群众解释说明的情况", "deadline": "整改时限",
}
CLOSED = "已办结的记录不能直接修改，请使用“更正”"


def default_deadline(kind: str, found_on: dt.date) -> dt.date | None:
    if kind == "短期内不能解决":
        return None
    days = settings.get(IMMEDIATE_DAYS.key if kind == "立即整改" else DEFAULT_DAYS.key)
    return found_on + dt.timedelta(days=days)


def check_problem(data: ProblemInput) -> dict:
    check = Checker()
    today = clock.today()
    values: dict = {
        "description": check.run("description", clean_text, data.description, "问题描述", field="description",
                                 max_len=TEXT_MAX, multiline=True, required=True),
        "cause": check.run("cause", clean_text, data.cause, "原因分析", field="cause", max_len=TEXT_MAX,
                           multiline=True),
        "measure": check.run("measure", clean_text, data.measure, "整改措施", field="measure", max_len=TEXT_MAX,
                             multiline=True),
        "responsible_name": check.run("responsible_name", clean_name, data.responsible_name, "责任人",
                                      field="responsible_name", max_len=30, required=True),
        "explanation": check.run("explanation", clean_text, data.explanation, "向群众解释说明的情况",
                                 field="explanation", max_len=TEXT_MAX, multiline=True),
    }
    campaign = Campaign.get_or_none(Campaign.id == data.campaign_id) if data.campaign_id else None
    if campaign is None:
        check.add("campaign", "请选择自查活动")
    elif campaign.voided_at is not None:
        check.add("campaign", "该自查活动已作废，不能再登记问题")
    item = CheckItem.get_or_none(CheckItem.id == data.item_id) if data.item_id else None
    if item is None or (campaign is not None and item.template_id != campaign.template_id):
        check.add("item", "请选择检查项")
    point = CheckPoint.get_or_none(CheckPoint.id == data.point_id) if data.point_id else None
    if data.point_id and (point is None or (item is not None and point.item_id != item.id)):
        check.add("item", "所选检查点不属于该检查项")
    if data.participant_id and (campaign is None or not Participant.select().where(
            (Participant.id == data.participant_id) & (Participant.campaign == campaign.id)).exists()):
        check.add("campaign", "所选参加人员不属于该活动")
    if data.kind not in KINDS:
        check.add("kind", "请选择整改类型")
    found_on = data.found_on or today
    if found_on > today:
        check.add("found_on", "发现日期不能晚于今天")
    if campaign is not None and found_on < campaign.starts_on:
        check.add("found_on", f"发现日期不能早于活动开始日期（{campaign.starts_on:%Y-%m-%d}）")
    if data.deadline is None:
        if data.kind != "短期内不能解决":
            check.add("deadline", "请填写整改时限")
    elif campaign is not None and data.deadline < campaign.starts_on:
        check.add("deadline", f"整改时限不能早于活动开始日期（{campaign.starts_on:%Y-%m-%d}）")
    elif data.deadline < found_on:
        check.add("deadline", "整改时限不能早于发现日期")
    if data.kind == "短期内不能解决" and not values["explanation"]:
        check.add("explanation", "短期内不能解决的问题，请填写向群众解释清楚、说明原因的情况")
    check.raise_if_any()
    values.update(campaign=campaign, item=item, point=point, participant=data.participant_id, kind=data.kind,
                  found_on=found_on, deadline=clock.end_of_day(data.deadline) if data.deadline else None)
    return values


@requires("inspection.write")
def create_problem(data: ProblemInput, actor: str = "") -> Problem:
    values = check_problem(data)
    with atomic():
        problem = Problem.create(**values, status="未开始", created_at=clock.now())
        audit.record("新建", "problem", problem.id, f"{problem.item.name}：{problem.description[:40]}")
    return problem


def get_problem(problem_id: int) -> Problem:
    return existing(Problem, problem_id, "id", "该问题不存在，请刷新后重试")


def _show(key: str, value) -> str:
    if value is None or value == "":
        return audit.shown(value)
    if key == "item":
        row = value if isinstance(value, CheckItem) else CheckItem.get_or_none(CheckItem.id == value)
        return row.name if row else str(value)
    if key == "point":
        row = value if isinstance(value, CheckPoint) else CheckPoint.get_or_none(CheckPoint.id == value)
        return row.text[:30] if row else str(value)
    if key == "participant":
        row = value if isinstance(value, Participant) else Participant.get_or_none(Participant.id == value)
        return row.name if row else str(value)
    return audit.shown(value)


def _save_problem(problem: Problem, values: dict, action: str, reason: str = "") -> Problem:
    """The form's values; the 整改时限 stays as registered (it moves only by 延期), unless the
    problem had none (短期内不能解决) and now gets one."""
    if values["campaign"].id != problem.campaign_id:
        raise ValidationError("campaign", "问题登记后不能改到其他活动")
    if problem.completed_at is not None and not values["measure"]:
        raise ValidationError("measure", "已完成整改的问题须填写整改措施")
    values = dict(values)
    if problem.deadline is not None:
        values["deadline"] = problem.deadline
    values.pop("campaign")
    changes = audit.diff(problem, values, LABELS, show=_show)
    for key, value in values.items():
        setattr(problem, key, value)
    problem.save()
    if changes:
        audit.record(action, "problem", problem.id, reason, changes=changes)
    return problem


@requires("inspection.write")
def update_problem(problem_id: int, data: ProblemInput, actor: str = "", *, expected_version: int | None = None) -> Problem:
    values = check_problem(data)
    with atomic():
        problem = live(get_problem(problem_id), "id", "该问题已作废，不能修改")
        conflicts.check(problem, expected_version)
        if problem.verified_at is not None or problem.completed_at is not None:
            raise ValidationError("id", CLOSED)
        return _save_problem(problem, values, "修改")


@requires("inspection.write")
def correct_problem(problem_id: int, data: ProblemInput, reason: str, *, expected_version: int | None = None) -> Problem:
    """更正 of a completed (or 销号) problem: permission "correct", a reason, old → new."""
    reason = audit.correction_reason(reason)
    values = check_problem(data)
    with atomic():
        problem = get_problem(problem_id)
        conflicts.check(problem, expected_version)
        problem = audit.correctable(problem, problem.verified_at is not None or problem.completed_at is not None,
                                    "该问题", "尚未整改完成")
        return _save_problem(problem, values, "更正", reason)


# --- 延期 of the 整改时限 ------------------------------------------------------------------------------

@requires("inspection.write")
def ask_extension(problem_id: int, new_date: dt.date | None, reason: str) -> DeadlineExtension:
    """申请延期 of the 整改时限: before it runs out, with a reason; someone else approves."""
    new_deadline = clock.end_of_day(new_date) if new_date is not None else None
    return deadline_extensions.ask("problem", problem_id, new_deadline, reason, field="new_date")


def decide_extension(extension_id: int, approve: bool) -> DeadlineExtension:
    return deadline_extensions.decide(extension_id, approve)


def extensions(problem_id: int) -> list[DeadlineExtension]:
    return deadline_extensions.of("problem", problem_id)


def _apply_extension(problem: Problem, row: DeadlineExtension) -> None:
    problem.deadline = row.new_deadline
    problem.save()


deadline_extensions.register(
    "problem", load=get_problem, deadline=lambda problem: problem.deadline, apply=_apply_extension,
    is_open=lambda problem: problem.voided_at is None and problem.completed_at is None,
    permission="inspection.write")


def _open_problem(problem_id: int, verb: str) -> Problem:
    problem = live(get_problem(problem_id), "id", f"该问题已作废，不能{verb}")
    if problem.verified_at is not None:
        raise ValidationError("id", f"该问题已销号，不能{verb}")
    return problem


@requires("inspection.write")
def add_progress(problem_id: int, text: str, on: dt.date | None = None, actor: str = "") -> ProgressNote:
    """整改进展: a dated note; the first one moves 未开始 to 整改中."""
    check = Checker()
    text = check.run("text", clean_text, text, "整改进展", field="text", max_len=TEXT_MAX, multiline=True,
                     required=True)
    on = on or clock.today()
    if on > clock.today():
        check.add("on", "进展日期不能晚于今天")
    actor = check.run("by", clean_name, actor, "填写人", field="by", max_len=30) or ""
    check.raise_if_any()
    with atomic():
        problem = _open_problem(problem_id, "再填写进展")
        if on < problem.found_on:
            raise ValidationError("on", "进展日期不能早于问题发现日期")
        note = ProgressNote.create(problem=problem, on=on, text=text, by=actor, created_at=clock.now())
        if problem.status == "未开始":
            problem.status, problem.started_at = "整改中", clock.now()
            problem.save()
        audit.record("整改进展", "problem", problem.id, text[:80])
    return note


def notes(problem_id: int) -> list[ProgressNote]:
    return list(ProgressNote.select().where(ProgressNote.problem == problem_id)
                .order_by(ProgressNote.on, ProgressNote.id))


@requires("inspection.write")
def complete_problem(problem_id: int, summary: str = "", actor: str = "", at: dt.datetime | None = None,
                     late_reason: str = "") -> Problem:
    """整改完成: needs a measure; a closing note is kept as progress. Who marked it and who was 责任人
    at that moment are kept: neither may 销号 it, even if the 责任人 is changed afterwards. A completion
    time ``at`` long before now is 补记 and needs ``late_reason``."""
    summary = clean_text(summary, "完成情况", field="text", max_len=TEXT_MAX, multiline=True)
    actor = clean_name(actor, "完成人", field="text", max_len=30)
    if at is not None and clock.is_future(at):
        raise ValidationError("completed_at", "完成时间不能晚于当前时间")
    late_reason = late_entry.check(at, late_reason)
    with atomic():
        problem = _open_problem(problem_id, "标记完成")
        if problem.completed_at is not None:
            raise ValidationError("id", "该问题已经整改完成，等待销号")
        if not problem.measure.strip():
            raise ValidationError("measure", "请先填写整改措施，再标记整改完成")
        now = clock.now()
        done = at or now
        if done.date() < problem.found_on:
            raise ValidationError("completed_at", "完成时间不能早于问题发现日期")
        if summary:
            ProgressNote.create(problem=problem, on=done.date(), text=f"整改完成：{summary}", by=actor, created_at=now)
        problem.started_at = problem.started_at or done
        problem.completed_at, problem.status = done, "已完成"
        # the signed-in user who marks it is the completer; a typed name only where nobody signs in
        problem.completed_by = session.actor_name() if session.current().signed_in else actor or session.actor_name()
        problem.responsible_at_completion = problem.responsible_name
        problem.save()
        audit.record("整改完成", "problem", problem.id, summary[:80])
        late_entry.record("problem", problem.id, late_reason)
    return problem


#: Two names (or logins) of one person: a login linked to a person is that person (core.accounts).
same_person = accounts.same_person


@requires("inspection.write")
def verify_problem(problem_id: int, verifier: str, verification: str, at: dt.datetime | None = None) -> Problem:
    """销号: checked by someone other than the responsible person, who says what they saw."""
    check = Checker()
    verifier = check.run("verified_by", clean_name, verifier, "验收人", field="verified_by", max_len=30,
                         required=True)
    verification = check.run("verification", clean_text, verification, "验收情况", field="verification",
                             max_len=TEXT_MAX, multiline=True, required=True)
    at = at or clock.now()
    if clock.is_future(at):
        check.add("verified_at", "销号时间不能晚于当前时间")
    problem = get_problem(problem_id)
    if verifier and same_person(verifier, problem.responsible_name):
        check.add("verified_by", f"验收人不能是责任人本人（{problem.responsible_name}），请由其他人员验收销号")
    elif verifier and same_person(verifier, problem.responsible_at_completion):
        check.add("verified_by", f"验收人不能是整改完成时的责任人（{problem.responsible_at_completion}），"
                                 "请由其他人员验收销号")
    elif verifier and same_person(verifier, problem.completed_by):
        check.add("verified_by", f"验收人不能是标记整改完成的人（{problem.completed_by}），请由其他人员验收销号")
    doer = session.current()  # the signed-in user doing the 销号 is held to the same rule as the typed 验收人
    if doer.signed_in and not check.errors.get("verified_by"):
        for who, what in ((problem.responsible_name, "责任人"), (problem.responsible_at_completion, "整改完成时的责任人"),
                          (problem.completed_by, "标记整改完成的人")):
            if same_person(doer.name, who):
                check.add("verified_by", f"当前登录用户“{doer.name}”是该问题的{what}，不能办理销号")
                break
    if not problem.measure.strip():
        check.add("measure", "该问题没有填写整改措施，不能销号")
    if problem.completed_at is None:
        check.add("status", "整改完成后才能销号，请先标记整改完成")
    elif at < problem.completed_at:
        check.add("verified_at", "销号时间不能早于整改完成时间")
    check.raise_if_any()
    with atomic():
        problem = _open_problem(problem_id, "再次销号")
        problem.verified_by, problem.verification, problem.verified_at = verifier, verification, at
        problem.status = "已销号"
        problem.save()
        audit.record("销号", "problem", problem.id, f"验收人：{verifier}；{verification[:60]}")
    return problem


@requires("inspection.write")
def void_problem(problem_id: int, reason: str, actor: str = "") -> Problem:
    return audit.void(lambda: get_problem(problem_id), reason, table="problem", already="该问题已经作废")


# --- what the lists show -------------------------------------------------------------------------

def _not_fixed():
    return Problem.completed_at.is_null() & Problem.voided_at.is_null()


def problems_query(text: str = "", date_from: dt.date | None = None, date_to: dt.date | None = None,
                   status: str = "全部", campaign_id: int | None = None) -> pw.ModelSelect:
    """整改台账 as the table shows it: campaign and check joined in (no lookups per cell)."""
    query = (Problem.select(Problem, Campaign, CheckItem)
             .join(Campaign, on=(Problem.campaign == Campaign.id))
             .switch(Problem).join(CheckItem, on=(Problem.item == CheckItem.id)))
    if campaign_id is not None:
        query = query.where(Problem.campaign == campaign_id)
    if date_from is not None:
        query = query.where(Problem.found_on >= date_from)
    if date_to is not None:
        query = query.where(Problem.found_on <= date_to)
    live = Problem.voided_at.is_null()
    if status in ("未开始", "整改中", "已完成", "已销号"):
        query = query.where(live & (Problem.status == status))
    elif status == "已超期":
        query = query.where(overdue_condition())
    elif status == "已作废":
        query = query.where(Problem.voided_at.is_null(False))
    text = text.strip()
    if text:
        query = query.where(search_index_matches(Problem, text))
    return query


def open_problems_query() -> pw.ModelSelect:
    """Problems not yet rectified (not 已完成 / 已销号, not voided), campaign and check joined in."""
    return (Problem.select(Problem, Campaign, CheckItem)
            .join(Campaign, on=(Problem.campaign == Campaign.id))
            .switch(Problem).join(CheckItem, on=(Problem.item == CheckItem.id))
            .where(_not_fixed()))


def overdue_condition(now: dt.datetime | None = None) -> pw.Expression:
    """The problems whose ``state`` is overdue, as SQL (超期未整改)."""
    return _not_fixed() & (Problem.deadline < (now or clock.now()))


def overdue_count(now: dt.datetime | None = None) -> int:
    return Problem.select().where(overdue_condition(now)).count()


def state(problem: Problem, now: dt.datetime | None = None) -> str:
    """voided / closed / closed_late / overdue / soon / open (core.figures.STATES): 已完成 and 已销号 are
    closed, late when completed after the deadline; a deadline is 23:59:59 of its day, so "soon" is
    within ``due_soon_days`` calendar days."""
    if problem.voided_at is not None:
        return figures.VOIDED
    if problem.completed_at is not None:
        return figures.closed_state(problem.completed_at, problem.deadline)
    now = now or clock.now()
    soon_until = clock.end_of_day(now.date() + dt.timedelta(days=due_soon_days()))
    return figures.open_state(problem.deadline, now, soon_until)


def status_text(problem: Problem, now: dt.datetime | None = None) -> str:
    """整改中，剩 5 天 / 整改中，今天到期 / 未开始，超期 3 天 / 已销号（超期完成） / 已作废."""
    now = now or clock.now()
    current = state(problem, now)
    if current == figures.VOIDED:
        return "已作废"
    if current in (figures.CLOSED, figures.CLOSED_LATE):
        return problem.status + ("（超期完成）" if current == figures.CLOSED_LATE else "")
    left = days_left(problem, now)
    if left is None:
        return problem.status
    if current == figures.OVERDUE:
        return f"{problem.status}，超期 {max(1, -left)} 天"
    return f"{problem.status}，{'今天到期' if left == 0 else f'剩 {left} 天'}"


def is_overdue(problem: Problem, now: dt.datetime | None = None) -> bool:
    """Not fixed and past its deadline — shown red."""
    return state(problem, now) == figures.OVERDUE


def days_left(problem: Problem, now: dt.datetime | None = None) -> int | None:
    """Whole days to the deadline (negative when overdue); None when fixed, voided or without one."""
    if problem.voided_at is not None or problem.completed_at is not None or problem.deadline is None:
        return None
    return (problem.deadline.date() - (now or clock.now()).date()).days


def due_soon_days() -> int:
    return settings.get(DUE_SOON.key)
