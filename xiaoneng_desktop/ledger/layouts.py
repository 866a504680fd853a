"""The five ledger layouts: sheet name and header row of each KIND, in the order the issue gives,
with what each column takes (type, closed list of values, required) and the header variants a
person's own sheet commonly uses."""

from __future__ import annotations

from dataclasses import dataclass

from xiaoneng_desktop.documents.models import KINDS as DOC_KINDS
from xiaoneng_desktop.documents.models import SECRECY, URGENCY
from xiaoneng_desktop.duty.models import CATEGORIES as CALL_CATEGORIES
from xiaoneng_desktop.duty.models import CHANNEL_LIST
from xiaoneng_desktop.inspection.builtin import BUILTIN_CHECKS
from xiaoneng_desktop.inspection.models import KINDS as RECTIFICATION_KINDS
from xiaoneng_desktop.visitors.models import PURPOSE_LIST, SATISFACTIONS, SUBJECT_LIST

#: An import larger than this is refused (a register of decades is far smaller).
MAX_ROWS = 100_000

DATETIME, DATE, TEXT, INT, CHOICE = "datetime", "date", "text", "int", "choice"
TYPE_NAMES = {DATETIME: "日期时间", DATE: "日期", TEXT: "文字", INT: "整数", CHOICE: "从下拉列表中选择"}


@dataclass(frozen=True)
class Field:
    title: str
    type: str = TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    note: str = ""
    width: int = 14
    #: Other headers that mean this column (时间/日期, 电话/手机 …), matched after the exact title.
    aliases: tuple[str, ...] = ()
    #: A list the office edits (core.choices key): its values are the choices, checked by the register's
    #: service (a value already in records stays valid; an unknown one is named with its list).
    choice_list: str = ""
    #: A sheet may lack this column (a later addition to the template): then every row leaves it blank.
    may_be_absent: bool = False

    def options(self) -> tuple[str, ...]:
        """The values the column takes now (an edited list's current values)."""
        if self.choice_list:
            from xiaoneng_desktop.core import choices

            return tuple(choices.values(self.choice_list))
        return self.choices


@dataclass(frozen=True)
class Layout:
    kind: str
    name: str  # the register in words
    sheet: str
    fields: tuple[Field, ...]

    @property
    def titles(self) -> list[str]:
        return [f.title for f in self.fields]

    def field(self, title: str) -> Field:
        return next(f for f in self.fields if f.title == title)


_PHONE = ("电话", "手机", "手机号", "联系方式", "电话号码", "联系电话号码")
_CHECKS = tuple(name for name, _ in BUILTIN_CHECKS)

LAYOUTS: dict[str, Layout] = {
    "duty": Layout("duty", "值班记录（来电登记）", "来电登记", (
        Field("来电时间", DATETIME, True, note="接听电话的时间，精确到分钟，如 2026-10-08 14:05", width=18,
              aliases=("时间", "日期", "来电日期", "接电时间", "接听时间")),
        Field("来电方式", CHOICE, True, CHANNEL_LIST.defaults, width=10, aliases=("方式", "渠道"),
              choice_list=CHANNEL_LIST.key),
        Field("来电单位", aliases=("单位", "来电来报单位")),
        Field("来电人", aliases=("姓名", "来电人姓名", "来电者")),
        Field("联系电话", aliases=_PHONE),
        Field("事项类别", CHOICE, True, CALL_CATEGORIES, width=10, aliases=("类别", "事项类型", "类型")),
        Field("内容摘要", TEXT, True, width=40, aliases=("摘要", "内容", "来电内容", "主要内容", "事由")),
        Field("交办对象", aliases=("交办", "交办人", "承办人")),
        Field("领导批示", width=24, aliases=("批示", "领导意见")),
        Field("办结时间", DATETIME, note="空白表示仍在办理；只写日期视为当天 23:59 办结", width=18,
              aliases=("办结日期", "完成时间")),
        Field("办理情况", width=30, note="已办结的必须填写", aliases=("反馈情况", "办理结果", "反馈", "处理结果", "处理情况")),
        Field("值班员", TEXT, True, aliases=("记录人", "接听人", "登记人", "值班人", "值班人员")),
    )),
    "incoming": Layout("incoming", "收文登记", "收文登记", (
        Field("收文日期", DATE, True, aliases=("日期", "收文时间", "时间", "收到日期")),
        Field("来文单位", TEXT, True, width=20, aliases=("发文单位", "单位", "来文机关")),
        Field("文号", note="如 宜府办文〔2008〕58号（年份用六角括号〔〕）", width=22, aliases=("来文文号", "发文字号", "字号")),
        Field("标题", TEXT, True, width=40, aliases=("文件标题", "文件名称", "题目")),
        Field("文种", CHOICE, True, DOC_KINDS, width=10, aliases=("公文种类",)),
        Field("密级", CHOICE, False, SECRECY, note="空白视为“无”；有密级的文件请在程序中补填保密期限", width=8),
        Field("紧急程度", CHOICE, False, URGENCY, note="空白视为“平件”", width=10, aliases=("缓急", "紧急")),
        Field("份数", INT, note="空白视为 1", width=6, aliases=("收文份数",)),
        Field("承办人", TEXT, True, aliases=("承办", "主办", "办理人", "经办人")),
        Field("办理时限", DATE, note="空白时按紧急程度的工作日时限自动计算", aliases=("时限", "期限")),
        Field("办结日期", DATE, note="空白表示仍在办理", aliases=("办结时间", "完成日期")),
        Field("办理结果", width=30, aliases=("结果", "办理情况")),
    )),
    "outgoing": Layout("outgoing", "发文登记", "发文登记", (
        Field("发文字号", note="已编号的填写，如 县政办发〔2026〕3号；空白表示尚未编号印发", width=22,
              aliases=("文号", "字号")),
        Field("标题", TEXT, True, width=40, aliases=("文件标题", "题目")),
        Field("文种", CHOICE, True, DOC_KINDS, width=10, aliases=("公文种类",)),
        Field("密级", CHOICE, False, SECRECY, note="空白视为“无”", width=8),
        Field("紧急程度", CHOICE, False, URGENCY, note="空白视为“平件”", width=10, aliases=("缓急",)),
        Field("拟稿人", TEXT, True, aliases=("拟稿",)),
        Field("拟稿日期", DATE, True, aliases=("日期", "拟稿时间")),
        Field("签发人", note="与签发日期同时填写", aliases=("签发",)),
        Field("签发日期", DATE, note="已编号的文件须填写；视为当天印发", aliases=("签发时间",)),
        Field("主送机关", width=24, aliases=("主送", "主送单位")),
        Field("印发份数", INT, note="空白视为 1", aliases=("份数",)),
    )),
    "visitors": Layout("visitors", "来访登记", "来访登记", (
        Field("来访时间", DATETIME, True, width=18, aliases=("时间", "日期", "来访日期")),
        Field("姓名", TEXT, True, aliases=("来访人", "来访人姓名")),
        Field("身份证号", note="18 位，会核对校验位；请把单元格设为文本格式", width=22,
              aliases=("身份证", "身份证号码", "证件号码")),
        Field("联系电话", aliases=_PHONE),
        Field("来访人数", INT, note="空白视为 1", width=8, aliases=("人数",)),
        Field("单位或住址", width=24, aliases=("住址", "地址", "单位", "单位/住址")),
        Field("来访事由", TEXT, True, width=36, aliases=("事由", "反映问题", "来访事项", "内容")),
        Field("问题类别", CHOICE, True, SUBJECT_LIST.defaults, width=10, aliases=("类别", "事项类别"),
              note="信访事项内容分类（城乡建设、农村农业、劳动社保……），列表可在 工具→单位设置 中增改",
              choice_list=SUBJECT_LIST.key),
        Field("信访目的", CHOICE, False, PURPOSE_LIST.defaults, width=10, aliases=("目的", "诉求类型"),
              note="求决、投诉、建议、咨询、揭发控告、申诉……；旧台账没有这一列也可导入",
              choice_list=PURPOSE_LIST.key, may_be_absent=True),
        Field("首问责任人", TEXT, True, aliases=("首问", "接待人", "接待人员")),
        Field("转办单位", aliases=("转办", "交办单位")),
        Field("受理日期", DATE, note="空白表示尚未受理", aliases=("受理时间",)),
        Field("办结日期", DATE, note="须先受理；办结须填写办理结果", aliases=("办结时间", "答复日期")),
        Field("办理结果", width=30, aliases=("结果", "答复意见", "办理情况")),
        Field("满意度", CHOICE, False, SATISFACTIONS, note="空白视为“未评价”", width=10, aliases=("满意情况",)),
    )),
    "rectification": Layout("rectification", "五查自查整改台账", "整改台账", (
        Field("自查活动", TEXT, True, note="活动名称；程序中没有的活动会按内置五查模板新建", width=26,
              aliases=("活动", "活动名称")),
        Field("检查项", CHOICE, True, _CHECKS, width=12, aliases=("检查内容", "类别")),
        Field("问题描述", TEXT, True, width=36, aliases=("存在问题", "问题", "查摆问题")),
        Field("发现日期", DATE, True, aliases=("日期", "发现时间")),
        Field("原因分析", width=24, aliases=("原因", "分析原因")),
        Field("整改措施", width=30, aliases=("措施",)),
        Field("责任人", TEXT, True, aliases=("整改责任人",)),
        Field("整改类型", CHOICE, True, RECTIFICATION_KINDS, width=14, aliases=("类型",)),
        Field("整改时限", DATE, note="空白时按整改类型的默认期限计算", aliases=("时限", "完成时限", "期限")),
        Field("完成日期", DATE, note="空白表示仍在整改；完成须填写整改措施", aliases=("完成时间",)),
        Field("销号人", note="与销号日期同时填写，不能是责任人本人", aliases=("验收人",)),
        Field("销号日期", DATE, aliases=("销号时间", "验收日期")),
    )),
}

KIND_NAMES = {kind: layout.name for kind, layout in LAYOUTS.items()}


def layout(kind: str) -> Layout:
    if kind not in LAYOUTS:
        from xiaoneng_desktop.core.validation import ValidationError

        raise ValidationError("kind", f"台账种类“{kind}”不存在，可选：{'、'.join(LAYOUTS)}")
    return LAYOUTS[kind]
