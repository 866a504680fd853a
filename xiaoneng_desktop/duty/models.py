"""值班记录: the roster (排班), people's unavailable days, and the call / report log (来电来报登记)."""

from __future__ import annotations

import peewee as pw

from xiaoneng_desktop.core import choices
from xiaoneng_desktop.core.db import BaseModel, Versioned
from xiaoneng_desktop.core.models import Person

CHANNELS = ("电话", "传真", "来人", "网络", "其他")  # the default 来电方式 list; the office edits it
CHANNEL_LIST = choices.define("duty.channels", "来电方式", CHANNELS, "值班",
                              help="来电来报的方式，每行一项；已用在记录中的值删去后，原记录仍保留")
CATEGORIES = ("一般事项", "特殊事项", "突发事件")


class DutyShift(Versioned, BaseModel):
    """One shift of one day on the roster, and its handover (交接班) once closed."""

    day = pw.DateField(index=True)
    name = pw.CharField(max_length=20)  # 白班 / 夜班 / 全天
    starts_at = pw.DateTimeField(index=True)
    ends_at = pw.DateTimeField()
    officer = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    officer_name = pw.CharField(max_length=30, default="")  # 值班员
    officer_phone = pw.CharField(max_length=40, default="")
    leader = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    leader_name = pw.CharField(max_length=30, default="")  # 带班领导
    leader_phone = pw.CharField(max_length=40, default="")
    standby = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    standby_name = pw.CharField(max_length=30, default="")  # 候班人员
    standby_phone = pw.CharField(max_length=40, default="")
    handed_over_at = pw.DateTimeField(null=True, index=True)
    handed_over_by = pw.CharField(max_length=30, default="")
    handover_note = pw.TextField(default="")
    open_at_handover = pw.IntegerField(null=True)  # how many items were still open when it closed
    #: Bumped by every change; an edit form saves only over the version it loaded (core.db.Versioned).
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])

    class Meta:
        indexes = ((("day", "name"), True),)


class Unavailability(BaseModel):
    """A person who cannot take duty on these days (leave, travel…); the roster generator skips them."""

    person = pw.ForeignKeyField(Person, on_delete="CASCADE", backref="unavailable")
    first_day = pw.DateField()
    last_day = pw.DateField()
    reason = pw.CharField(max_length=60, default="")


class Call(Versioned, BaseModel):
    """One call or report taken on duty, from receipt to closing."""

    received_at = pw.DateTimeField(index=True)
    channel = pw.CharField(max_length=10, default="电话")
    caller = pw.CharField(max_length=30, default="")
    caller_unit = pw.CharField(max_length=60, default="")
    phone = pw.CharField(max_length=40, default="")
    category = pw.CharField(max_length=10, index=True)
    summary = pw.TextField()
    officer_name = pw.CharField(max_length=30)  # 值班员 who logged it
    officer = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    shift = pw.ForeignKeyField(DutyShift, null=True, on_delete="SET NULL", backref="calls")
    deadline = pw.DateTimeField(index=True)  # computed once from the category's limit, or typed
    deadline_typed = pw.BooleanField(default=False)  # typed by hand: not recomputed on edits
    assignee_name = pw.CharField(max_length=30, default="")  # 交办对象
    assignee = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    assigned_at = pw.DateTimeField(null=True)
    instruction = pw.TextField(default="")  # 领导批示
    instruction_by = pw.CharField(max_length=30, default="")
    feedback = pw.TextField(default="")  # 反馈情况 / 办理情况
    closed_at = pw.DateTimeField(null=True, index=True)
    closed_by = pw.CharField(max_length=30, default="")
    voided_at = pw.DateTimeField(null=True)
    void_reason = pw.CharField(max_length=200, default="")
    #: Bumped by every change; an edit form saves only over the version it loaded (core.db.Versioned).
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])

    @property
    def status(self) -> str:
        if self.voided_at is not None:
            return "已作废"
        if self.closed_at is not None:
            return "已办结"
        return "在办"


DUTY_MODELS = [DutyShift, Unavailability, Call]
