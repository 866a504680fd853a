"""Records with every field filled, for the single-record forms (also used by the tabs' print tests)."""

from __future__ import annotations

import datetime as dt

from xiaoneng_desktop.core import session, settings
from xiaoneng_desktop.documents import service as documents
from xiaoneng_desktop.documents.service import IncomingInput, OutgoingInput, StepInput
from xiaoneng_desktop.inspection import service as inspection
from xiaoneng_desktop.inspection.service import CampaignInput, ProblemInput
from xiaoneng_desktop.visitors import service as visitors
from xiaoneng_desktop.visitors.service import HandlingInput, VisitInput

OFFICE = "宜城县人民政府办公室"
FULL_ID = "430621198507152312"
LONG_OPINION = ("经研究，同意县林业局意见。请县林业局牵头，会同县应急管理局、各乡镇人民政府，立即对全县重点林区、"
                "坟山墓地、旅游景区开展一次拉网式隐患排查，落实24小时值班和领导带班制度，严格野外用火审批，"
                "确保不发生重大森林火灾。排查情况于10月20日前书面报县政府办公室。")


def office() -> None:
    settings.save_all({"office.name": OFFICE})


def document(clock, *, long: bool = False):
    """A 收文 through 拟办, 批办, 承办 and 传阅, urged once and extended once; waiting at 办结."""
    office()
    doc = documents.register_incoming(IncomingInput(
        start_date=dt.date(2026, 10, 9), unit="市人民政府办公室", title="关于做好秋冬季森林防火工作的通知",
        kind="通知", registrar="李文书", next_holder="赵主任", doc_number="宜府办文〔2026〕58号", secrecy="秘密",
        secrecy_term="1年", urgency="加急", copies=3, opinion="原件已签收"))
    clock.advance(hours=1)
    documents.advance(doc.id, StepInput("拟办", "赵主任", "拟请王县长阅示，由县林业局牵头办理", next_holder="王县长"))
    clock.advance(hours=2)
    documents.advance(doc.id, StepInput("批办", "王县长", LONG_OPINION if long else "请县林业局牵头办理，县应急局协办",
                                        lead="县林业局", assist="县应急管理局"))
    clock.advance(hours=20)
    documents.urge(doc.id, "李文书", "电话", "正在组织排查，明天报送")
    clock.advance(hours=1)
    documents.advance(doc.id, StepInput("承办", "县林业局", LONG_OPINION.replace("经研究", "已按批示办理") if long
                                        else "已部署各乡镇开展隐患排查，共排查林区32处", circulate_to="各乡镇"))
    clock.advance(hours=1)
    documents.advance(doc.id, StepInput("传阅", "李文书", "各乡镇已阅"))
    if long:  # a matter that dragged on: urged again and again
        for n in range(8):
            clock.advance(hours=2)
            documents.urge(doc.id, "李文书", "电话", f"第{n + 1}次催办，承办人答复：排查已完成{60 + 3 * n}%，"
                           "其余林区正在逐片核查，完成后书面报送")
    with session.acting_as(session.Actor("县林业局", session.SECRETARY)):
        asked = documents.ask_extension(doc.id, dt.date(2026, 10, 30), "排查范围大，需延长办理时间")
    with session.acting_as(session.Actor("赵主任", session.LEADER)):
        documents.decide_extension(asked.id, True)
    return documents.get_document(doc.id)


def outgoing(clock):
    """A 发文 drafted, reviewed, co-signed, signed and numbered; waiting at 印发."""
    office()
    doc = documents.start_outgoing(OutgoingInput(
        start_date=dt.date(2026, 10, 9), title="关于开展冬季安全生产大检查的通知", kind="通知", code="县政办发",
        unit="综合科", drafter="陈秘书", urgency="加急", copies=40, cosign_units="县应急管理局"))
    clock.advance(hours=2)
    documents.advance(doc.id, StepInput("拟稿", "陈秘书", "代拟稿已完成，请审核", next_holder="赵主任"))
    clock.advance(hours=2)
    documents.advance(doc.id, StepInput("核稿", "赵主任", "文字已修改，请县应急管理局会签", next_holder="县应急管理局"))
    clock.advance(hours=20)
    documents.advance(doc.id, StepInput("会签", "县应急管理局", "无意见", next_holder="王县长"))
    clock.advance(hours=2)
    documents.advance(doc.id, StepInput("签发", "王县长", "同意印发", next_holder="李文书"))
    clock.advance(hours=1)
    documents.advance(doc.id, StepInput("编号", "李文书", "", next_holder="李文书"))
    return documents.get_document(doc.id)


def visit(clock):
    office()
    row = visitors.create_visit(VisitInput(
        visited_at=dt.datetime(2026, 10, 9, 8, 30), name="刘建国", matter="反映城东安置小区排水管网堵塞，雨天污水倒灌，"
        "要求尽快组织维修", first_responder="周接待", category="城乡建设", purpose="求决", id_number=FULL_ID, phone="13907361234",
        persons=2, address="城关镇城东安置小区5栋"))
    clock.advance(hours=1)
    visitors.save_handling(row.id, HandlingInput(
        decision="受理", decided_at=dt.datetime(2026, 10, 9, 9, 30), referred_to="县住房和城乡建设局",
        referral_due=dt.date(2026, 10, 30), reply="已转县住建局组织维修，10月20日前完工", result="排水管网已疏通并更换破损管段",
        replied_at=dt.datetime(2026, 10, 9, 10, 0), satisfaction="满意",
        followed_up_at=dt.datetime(2026, 10, 9, 10, 0), follow_up_note="电话回访，来访人表示满意"), actor="周接待")
    return visitors.get_visit(row.id)


def problem(clock, *, verified: bool = True):
    office()
    template = inspection.builtin_template()
    campaign = inspection.create_campaign(CampaignInput("2026年下半年作风整顿自查", dt.date(2026, 10, 1),
                                                        dt.date(2026, 10, 31), template.id, ["张三", "李四"]))
    item, points = inspection.template_items(template.id)[1]
    found = inspection.create_problem(ProblemInput(
        campaign_id=campaign.id, item_id=item.id, point_id=points[0].id,
        participant_id=inspection.participants(campaign.id)[0].id, description="来文办理拖沓，3件文件超过办理时限",
        responsible_name="张三", deadline=dt.date(2026, 10, 20), cause="责任心不强，没有建立办文台账",
        measure="建立个人办文台账，每周五自查一次办理进度", found_on=dt.date(2026, 10, 9)))
    inspection.add_progress(found.id, "已建立办文台账", actor="张三")
    if verified:
        clock.advance(days=3)
        inspection.complete_problem(found.id, "台账运行正常", actor="张三")
        inspection.verify_problem(found.id, "李四", "查阅了办文台账和三周的自查记录，超时文件均已办结")
    return inspection.get_problem(found.id)
