"""五查自查: check-point templates, campaigns with their participants' answers, and the problems found
with their rectification (整改台账).

A template in use by a campaign is never changed: editing it makes a new version, so a campaign keeps
the check points it was run with. Times are naive local datetimes; a deadline given as a date is kept
as 23:59:59 of that day (DOMAIN.md), so figures compare plain columns.
"""

from __future__ import annotations

import peewee as pw

from xiaoneng_desktop.core.db import BaseModel, Versioned

CAMPAIGN_STATUSES = ("进行中", "已完成")
PARTICIPANT_KINDS = ("人员", "部门")
#: seed 004 四3: what can be fixed at once, what needs a plan, coordination, or an explanation.
KINDS = ("立即整改", "限期整改", "需协调", "短期内不能解决")
PROBLEM_STATUSES = ("未开始", "整改中", "已完成", "已销号")


class Template(BaseModel):
    """A list of checks and their points. ``in_use`` is not stored: campaigns say it."""

    name = pw.CharField(max_length=60)
    version = pw.IntegerField(default=1)
    based_on = pw.ForeignKeyField("self", null=True, on_delete="SET NULL", backref="+")
    builtin = pw.BooleanField(default=False)
    created_at = pw.DateTimeField()
    #: Replaced by a newer version, or deleted (作废) — no longer offered for new campaigns.
    retired_at = pw.DateTimeField(null=True)
    retire_reason = pw.CharField(max_length=200, default="")

    @property
    def title(self) -> str:
        return f"{self.name}（第{self.version}版）" if self.version > 1 else self.name


class CheckItem(BaseModel):
    """One of the checks (查思想认识 …), in its template's order."""

    template = pw.ForeignKeyField(Template, on_delete="CASCADE", backref="items")
    position = pw.IntegerField()
    name = pw.CharField(max_length=60)


class CheckPoint(BaseModel):
    item = pw.ForeignKeyField(CheckItem, on_delete="CASCADE", backref="points")
    position = pw.IntegerField()
    text = pw.CharField(max_length=200)


class Campaign(Versioned, BaseModel):
    name = pw.CharField(max_length=100)
    starts_on = pw.DateField(index=True)
    ends_on = pw.DateField()
    template = pw.ForeignKeyField(Template, on_delete="RESTRICT", backref="campaigns")
    status = pw.CharField(max_length=10, default="进行中")
    note = pw.TextField(default="")
    created_at = pw.DateTimeField()
    voided_at = pw.DateTimeField(null=True)
    void_reason = pw.CharField(max_length=200, default="")
    #: Bumped by every change; an edit form saves only over the version it loaded (core.db.Versioned).
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])


class Participant(BaseModel):
    """Who takes part: a person or a department, by name as typed (picked from the directory)."""

    campaign = pw.ForeignKeyField(Campaign, on_delete="CASCADE", backref="participants")
    position = pw.IntegerField()
    kind = pw.CharField(max_length=4, default="人员")
    name = pw.CharField(max_length=60)

    class Meta:
        indexes = ((("campaign", "name"), True),)


class Answer(BaseModel):
    """One participant on one check point: 有无问题 (None: not answered yet), what, and their statement."""

    participant = pw.ForeignKeyField(Participant, on_delete="CASCADE", backref="answers")
    point = pw.ForeignKeyField(CheckPoint, on_delete="CASCADE", backref="+")
    has_problem = pw.BooleanField(null=True)
    description = pw.TextField(default="")
    statement = pw.TextField(default="")  # 本人说明
    updated_at = pw.DateTimeField()

    class Meta:
        indexes = ((("participant", "point"), True),)


class Problem(Versioned, BaseModel):
    """A problem found, and its rectification from plan to 销号."""

    campaign = pw.ForeignKeyField(Campaign, on_delete="RESTRICT", backref="problems")
    item = pw.ForeignKeyField(CheckItem, on_delete="RESTRICT", backref="+")  # the check
    point = pw.ForeignKeyField(CheckPoint, null=True, on_delete="SET NULL", backref="+")
    participant = pw.ForeignKeyField(Participant, null=True, on_delete="SET NULL", backref="+")
    found_on = pw.DateField(index=True)
    description = pw.TextField()
    cause = pw.TextField(default="")  # 分析原因
    measure = pw.TextField(default="")  # 整改措施
    responsible_name = pw.CharField(max_length=30)
    kind = pw.CharField(max_length=10, default="限期整改")
    explanation = pw.TextField(default="")  # 短期内不能解决: what the people concerned were told
    deadline = pw.DateTimeField(null=True, index=True)  # 23:59:59 of the day; none only for 短期内不能解决
    status = pw.CharField(max_length=6, default="未开始", index=True)
    started_at = pw.DateTimeField(null=True)
    completed_at = pw.DateTimeField(null=True)
    verified_at = pw.DateTimeField(null=True)
    verified_by = pw.CharField(max_length=30, default="")
    verification = pw.TextField(default="")  # what the verifier saw
    created_at = pw.DateTimeField()
    voided_at = pw.DateTimeField(null=True)
    void_reason = pw.CharField(max_length=200, default="")
    # 整改完成: who marked it, and who was 责任人 then — neither may 销号 it (schema 6)
    completed_by = pw.CharField(max_length=30, default="", constraints=[pw.SQL("DEFAULT ''")])
    responsible_at_completion = pw.CharField(max_length=30, default="", constraints=[pw.SQL("DEFAULT ''")])
    #: Bumped by every change; an edit form saves only over the version it loaded (core.db.Versioned).
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])


class ProgressNote(BaseModel):
    """整改进展: dated notes on the way."""

    problem = pw.ForeignKeyField(Problem, on_delete="CASCADE", backref="notes")
    on = pw.DateField()
    text = pw.TextField()
    by = pw.CharField(max_length=30, default="")
    created_at = pw.DateTimeField()


INSPECTION_MODELS = [Template, CheckItem, CheckPoint, Campaign, Participant, Answer, Problem, ProgressNote]
