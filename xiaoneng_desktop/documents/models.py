"""公文流转: incoming (收文) and outgoing (发文) documents, their steps, and urgings (催办);
its extensions (延期) are core.models.DeadlineExtension rows, as every register's.

One table holds both directions: they share title, 文种, 密级, 紧急程度, the current step, its holder and
its deadline, and the secretary's lists, search, 待办 view and figures run over both at once. The fields
that only one direction uses stay empty on the other. The current step, holder and deadline are kept
on the document itself, so that "what is late" is one indexed SQL condition (open and due < now).
"""

from __future__ import annotations

import peewee as pw

from xiaoneng_desktop.core.db import BaseModel, Versioned

INCOMING = "收文"
OUTGOING = "发文"
DIRECTIONS = (INCOMING, OUTGOING)

#: The 15 kinds of the 党政机关公文处理工作条例 (2012), plus 其他.
KINDS = ("决议", "决定", "命令（令）", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
         "议案", "函", "纪要", "其他")
SECRECY = ("无", "秘密", "机密", "绝密")
URGENCY = ("平件", "加急", "特急")

#: The steps in order; 传阅 and 会签 are taken only when someone is named for them.
INCOMING_STEPS = ("签收登记", "拟办", "批办", "承办", "传阅", "办结", "归档")
OUTGOING_STEPS = ("拟稿", "核稿", "会签", "签发", "编号", "印发", "归档")
OPTIONAL_STEPS = ("传阅", "会签")
#: The step after which a document counts as 办结 for the figures (归档 follows).
CLOSING_STEP = {INCOMING: "办结", OUTGOING: "印发"}

URGE_WAYS = ("电话", "当面", "书面")


class Document(Versioned, BaseModel):
    direction = pw.CharField(max_length=4, index=True)  # 收文 / 发文
    year = pw.IntegerField()  # of the 收文编号, or of the 发文字号 once numbered
    serial = pw.IntegerField(null=True)  # 收文 sequence, or 发文 sequence once numbered
    number = pw.CharField(max_length=40, default="", index=True)  # 收〔2026〕1号 / 县政办发〔2026〕3号
    code = pw.CharField(max_length=20, default="")  # 发文 机关代字
    doc_number = pw.CharField(max_length=40, default="")  # 收文: the sender's 文号
    unit = pw.CharField(max_length=60, default="")  # 收文: 来文单位; 发文: 拟稿科室
    title = pw.CharField(max_length=200)
    kind = pw.CharField(max_length=10)  # 文种
    secrecy = pw.CharField(max_length=4, default="无")
    secrecy_term = pw.CharField(max_length=20, default="")  # 保密期限
    urgency = pw.CharField(max_length=4, default="平件", index=True)
    copies = pw.IntegerField(default=1)
    start_date = pw.DateField(index=True)  # 收文日期 / 收到代拟稿之日: the item belongs to its month
    registered_at = pw.DateTimeField()
    registrar = pw.CharField(max_length=30, default="")  # 登记人 (文书)
    cosign_units = pw.CharField(max_length=200, default="")  # 发文 会签 departments (empty: no 会签)
    circulate_to = pw.CharField(max_length=200, default="")  # 收文 传阅 readers (empty: no 传阅)
    lead = pw.CharField(max_length=60, default="")  # 主办: exactly one person or department
    assist = pw.CharField(max_length=200, default="")  # 协办
    deadline = pw.DateTimeField(index=True)  # the item's 办理时限 (figures), moved by an approved 延期
    deadline_typed = pw.BooleanField(default=False)
    step = pw.CharField(max_length=8, default="", index=True)  # the step waiting to be done; "" = all done
    holder = pw.CharField(max_length=60, default="", index=True)  # who holds it now (首问负责制)
    step_since = pw.DateTimeField(null=True)
    step_due = pw.DateTimeField(null=True)  # the current step's own limit
    due = pw.DateTimeField(null=True, index=True)  # what is late: min(step_due, deadline) while open
    urge_count = pw.IntegerField(default=0)
    closed_at = pw.DateTimeField(null=True, index=True)  # 办结 (收文) / 印发 (发文)
    archived_at = pw.DateTimeField(null=True)
    voided_at = pw.DateTimeField(null=True)
    void_reason = pw.CharField(max_length=200, default="")
    #: Bumped by every change; an edit form saves only over the version it loaded (core.db.Versioned).
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])

    @property
    def status(self) -> str:
        if self.voided_at is not None:
            return "已作废"
        if self.archived_at is not None:
            return "已归档"
        if self.closed_at is not None:
            return "已办结"
        return "在办"


class DocumentStep(BaseModel):
    """One step done: who, when, the opinion, and the deadline it had."""

    document = pw.ForeignKeyField(Document, backref="steps", on_delete="CASCADE", index=True)
    step = pw.CharField(max_length=8)
    who = pw.CharField(max_length=60)
    done_at = pw.DateTimeField()
    opinion = pw.TextField(default="")
    deadline = pw.DateTimeField(null=True)
    handed_to = pw.CharField(max_length=60, default="")  # holder of the next step

    class Meta:
        table_name = "document_step_log"  # "document_step" is the index on Document.step


class Urging(BaseModel):
    """催办: who urged, when, how, and the answer."""

    document = pw.ForeignKeyField(Document, backref="urgings", on_delete="CASCADE", index=True)
    urged_at = pw.DateTimeField()
    urged_by = pw.CharField(max_length=30)
    way = pw.CharField(max_length=4)  # 电话 / 当面 / 书面
    step = pw.CharField(max_length=8, default="")
    holder = pw.CharField(max_length=60, default="")
    answer = pw.TextField(default="")


class NumberCounter(BaseModel):
    """The last number handed out per 代字 (or 收 for 收文编号) per year; never goes back."""

    code = pw.CharField(max_length=20)
    year = pw.IntegerField()
    last = pw.IntegerField(default=0)

    class Meta:
        primary_key = pw.CompositeKey("code", "year")


DOCUMENT_MODELS = [Document, DocumentStep, Urging, NumberCounter]
