"""来访接待: the visitor register (来访登记) and the leaders' reception-day schedule (领导接待日)."""

from __future__ import annotations

import peewee as pw

from xiaoneng_desktop.core import choices
from xiaoneng_desktop.core.db import BaseModel, Versioned
from xiaoneng_desktop.core.models import Person

#: 信访目的 (what the visitor asks for): Visit.purpose.
PURPOSES = ("求决", "投诉", "建议", "咨询", "揭发控告", "申诉", "其他")
#: 问题类别 (the subject, after the national 信访事项内容分类): Visit.category; the office edits the list.
SUBJECTS = ("城乡建设", "农村农业", "劳动社保", "国土资源", "民政", "卫生健康", "教育", "交通运输", "生态环境",
            "政法", "纪检监察", "组织人事", "经济管理", "科技文化", "商贸旅游", "其他")
#: The default 问题类别 list (the values in use are ``SUBJECT_LIST.values()``).
CATEGORIES = SUBJECTS
SUBJECT_LIST = choices.define("visitors.subjects", "问题类别", SUBJECTS, "来访接待",
                              help="来访反映问题的类别（信访事项内容分类），每行一项；已用在记录中的值删去后，原记录仍保留")
PURPOSE_LIST = choices.define("visitors.purposes", "信访目的", PURPOSES, "来访接待",
                              help="来访人的诉求目的，每行一项；已用在记录中的值删去后，原记录仍保留")
DECISIONS = ("受理", "不予受理")
SATISFACTIONS = ("未评价", "满意", "基本满意", "不满意")


class ReceptionDay(BaseModel):
    """One 领导接待日 of the weekly schedule: which leader receives visitors, where."""

    day = pw.DateField(unique=True)
    leader_name = pw.CharField(max_length=30)
    leader = pw.ForeignKeyField(Person, null=True, on_delete="SET NULL", backref="+")
    place = pw.CharField(max_length=60, default="")
    note = pw.CharField(max_length=200, default="")


class Visit(Versioned, BaseModel):
    """One visit (一批来访, one person or a group with its representative), from arrival to answer."""

    visited_at = pw.DateTimeField(index=True)
    name = pw.CharField(max_length=30, index=True)  # 来访人；集体访为代表姓名
    id_number = pw.CharField(max_length=18, default="")  # as given; "" = 未提供
    id_key = pw.CharField(max_length=18, default="", index=True)  # 18-character form, for 重复访
    phone = pw.CharField(max_length=40, default="")
    phone_key = pw.CharField(max_length=20, default="", index=True)  # digits only, for 重复访
    persons = pw.IntegerField(default=1)  # 来访人数
    address = pw.CharField(max_length=100, default="")  # 单位或住址
    category = pw.CharField(max_length=10, index=True)
    matter = pw.TextField()  # 来访事由
    first_responder = pw.CharField(max_length=30)  # 首问责任人
    reception_day = pw.ForeignKeyField(ReceptionDay, null=True, on_delete="SET NULL", backref="visits")
    leader_name = pw.CharField(max_length=30, default="")  # 接待领导 (on a 领导接待日)
    # -- handling
    acceptance_due = pw.DateTimeField()  # 受理告知时限: the visit's day + 15 days, 23:59:59
    decision = pw.CharField(max_length=10, default="")  # "" 待受理 / 受理 / 不予受理
    decided_at = pw.DateTimeField(null=True)
    decision_reason = pw.TextField(default="")
    referred_to = pw.CharField(max_length=60, default="")  # 转办 department or person
    referred_at = pw.DateTimeField(null=True)
    referral_due = pw.DateField(null=True)  # 转办时限
    deadline = pw.DateTimeField(index=True)  # 办理时限 (60 days from 受理, or from the visit until then)
    deadline_typed = pw.BooleanField(default=False)
    extended_days = pw.IntegerField(default=0)  # 延期 (once, at most 30 days)
    extension_reason = pw.CharField(max_length=200, default="")
    reply = pw.TextField(default="")  # 答复意见
    result = pw.TextField(default="")  # 办理结果
    closed_at = pw.DateTimeField(null=True, index=True)  # 答复 (or the 不予受理 notice) given
    closed_by = pw.CharField(max_length=30, default="")
    satisfaction = pw.CharField(max_length=10, default="未评价")
    followed_up_at = pw.DateTimeField(null=True)  # 回访
    follow_up_note = pw.TextField(default="")
    voided_at = pw.DateTimeField(null=True)
    void_reason = pw.CharField(max_length=200, default="")
    # when the 满意度 was given: a month's 满意率 counts the ratings given by its cut-off (schema 7)
    rated_at = pw.DateTimeField(null=True)
    # 信访目的 (求决/投诉/…), its own field since schema 8; ``category`` is the 问题类别 (the subject)
    purpose = pw.CharField(max_length=10, default="", constraints=[pw.SQL("DEFAULT ''")])
    #: Bumped by every change; an edit form saves only over the version it loaded (core.db.Versioned).
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])

    @property
    def status(self) -> str:
        if self.voided_at is not None:
            return "已作废"
        if self.decision == "不予受理":
            return "不予受理"
        if self.closed_at is not None:
            return "已办结"
        if not self.decision:
            return "待受理"
        return "办理中"


VISITOR_MODELS = [ReceptionDay, Visit]
