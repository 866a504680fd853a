"""文件处理单, 来访登记表, 整改通知/销号单: one A4 page each, every field's value extractable, the ID masked."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape

import pytest

from tests.reports import samples
from xiaoneng_desktop.core import session
from xiaoneng_desktop.core.validation import mask_id_number
from xiaoneng_desktop.reports import forms

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is needed")


def read(data: bytes, tmp_path) -> tuple[str, list[str], str]:
    """(whole text without spaces, the text of each page without spaces, pdfinfo)."""
    path = tmp_path / "form.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    squeeze = lambda t: re.sub(r"\s+", "", t)  # noqa: E731 — cells wrap lines where they like
    return squeeze(text), [squeeze(page) for page in text.split("\f") if page.strip()], info


MM = 72 / 25.4
PAGE_HEIGHT = 841.89


@dataclass
class Word:
    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def words(data: bytes, tmp_path) -> list[Word]:
    """Every word with its box (points from the page's top), read back with ``pdftotext -bbox``: a label or
    a date that wraps comes back as two words on two lines."""
    path = tmp_path / "form.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for page, chunk in enumerate(html.split("<page ")[1:], start=1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                             chunk):
            out.append(Word(page, unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5))))
    return out


def one(found: list[Word], text: str) -> Word:
    """The word that is exactly this text (so it was set on one line)."""
    hits = [w for w in found if w.text == text]
    assert hits, f"{text!r} is not on one line: {[w.text for w in found if w.text and w.text in text]}"
    return hits[0]


def box_height(found: list[Word], label: str) -> float:
    """A box's height, measured from below: its label sits in the middle of the box's left column, its
    签字 line at the foot (a text box lies a little above the middle of its line, so this errs low)."""
    middle = one(found, label).middle
    sign = min((w for w in found if w.text.startswith("签字：") and w.top > middle), key=lambda w: w.top)
    return 2 * (sign.bottom + 5 - middle)


def assert_inside_page(found: list[Word]) -> None:
    for w in found:
        assert w.x0 >= 28 * MM - 1 and w.x1 <= (28 + 156) * MM + 1, w
        assert w.top >= 20 * MM and w.bottom <= PAGE_HEIGHT - 15 * MM, w


def pages(info: str) -> int:
    assert "595.276 x 841.89" in info  # A4
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))


def test_document_slip_every_step_with_opinions(database, clock, tmp_path):
    doc = samples.document(clock)
    text, _, info = read(forms.document_slip(doc), tmp_path)
    assert pages(info) == 1
    for expected in (samples.OFFICE, "文件处理笺", "收〔2026〕1号", "市人民政府办公室", "宜府办文〔2026〕58号",
                     "关于做好秋冬季森林防火工作的通知", "通知", "秘密（1年）", "加急", "3份", "2026年10月9日",
                     "办理时限", "2026年10月30日", "主办：县林业局", "协办：县应急管理局", "李文书",
                     # every step: who, when, opinion — in its box
                     "签收登记", "原件已签收", "拟办意见", "赵主任10月9日10:00", "拟请王县长阅示，由县林业局牵头办理",
                     "领导批示", "王县长10月9日12:00", "请县林业局牵头办理，县应急局协办", "承办", "办理结果",
                     "已部署各乡镇开展隐患排查，共排查林区32处", "传阅", "各乡镇已阅", "待办结：县林业局，时限10月30日",
                     # urgings and extensions, one table
                     "催办、延期记录", "10月10日08:00", "电话催办", "正在组织排查，明天报送", "申请延期",
                     "原时限2026年10月13日，申请延至2026年10月30日", "排查范围大，需延长办理时间", "已批准（赵主任"):
        assert expected in text, expected


def test_document_slip_is_a_processing_slip_with_boxes_to_write_in(database, clock, tmp_path):
    found = words(forms.document_slip(samples.document(clock)), tmp_path)
    assert {w.page for w in found} == {1}
    assert_inside_page(found)
    # labels and dates are set on one line each (no "收文编/号", no "2026年10月9/日")
    for label in ("来文单位", "来文字号", "收文编号", "收文日期", "密级", "紧急程度", "份数", "标题", "签收登记",
                  "拟办意见", "领导批示", "承办", "办理时限", "办理结果", "传阅", "办理状态"):
        one(found, label)
    assert one(found, "收文编号").top == one(found, "收〔2026〕1号").top  # label and value on one line
    assert one(found, "收文日期").top == one(found, "2026年10月9日").top
    one(found, "2026年10月30日")
    # the three boxes in order, each with its 签字/日期 line, at least 35 mm high
    tops = [one(found, label).top for label in ("拟办意见", "领导批示", "办理结果")]
    assert tops == sorted(tops)
    for label in ("拟办意见", "领导批示", "办理结果"):
        assert box_height(found, label) >= 35 * MM, label
    assert len([w for w in found if w.text.startswith("签字：")]) == 3
    assert len([w for w in found if w.text == "日期：＿＿＿＿年＿＿月＿＿日"]) == 3
    # the history at the foot, under the boxes, still on page 1
    assert one(found, "催办、延期记录").top > max(tops)


def test_a_fresh_document_has_empty_boxes_of_35_mm(database, clock, tmp_path):
    from xiaoneng_desktop.documents import service
    from xiaoneng_desktop.documents.service import IncomingInput

    samples.office()
    doc = service.register_incoming(IncomingInput(
        start_date=clock.current.date(), unit="市人民政府办公室", title="关于报送统计数据的通知", kind="通知",
        registrar="李文书", next_holder="赵主任", doc_number="宜府办函〔2026〕7号"))
    found = words(forms.document_slip(service.get_document(doc.id)), tmp_path)
    assert {w.page for w in found} == {1}
    for label in ("拟办意见", "领导批示", "办理结果"):
        assert box_height(found, label) >= 35 * MM, label
    one(found, "待拟办：赵主任，时限10月12日")


def test_outgoing_slip_is_a_draft_paper(database, clock, tmp_path):
    data = forms.document_slip(samples.outgoing(clock))
    text, _, info = read(data, tmp_path)
    assert pages(info) == 1
    for expected in ("发文稿纸", "签发", "同意印发", "王县长10月10日11:00", "会签", "会签单位：县应急管理局", "无意见",
                     "核稿", "文字已修改，请县应急管理局会签", "拟稿", "代拟稿已完成，请审核", "陈秘书", "编号",
                     "发文字号：县政办发〔2026〕1号", "待印发：李文书", "关于开展冬季安全生产大检查的通知", "40份"):
        assert expected in text, expected
    found = words(data, tmp_path)
    assert_inside_page(found)
    for label in ("签发", "会签", "核稿", "拟稿单位", "拟稿人", "拟稿日期", "办理时限", "拟稿", "编号"):
        one(found, label)
    assert box_height(found, "签发") >= 35 * MM
    # 签发, 会签, 核稿, 拟稿 and 编号 each end in a 签字/日期 line
    assert len([w for w in found if w.text.startswith("签字：")]) == 5


def test_a_long_document_continues_on_a_second_page_with_its_header(database, clock, tmp_path):
    doc = samples.document(clock, long=True)
    text, sheets, info = read(forms.document_slip(doc), tmp_path)
    assert pages(info) == 2
    # nothing is cut: the long instruction and every urging are there (the box's label, read in the middle
    # of its lines, left out)
    assert samples.LONG_OPINION.replace(" ", "") in text.replace("领导批示", "").replace("办理结果", "")
    assert all(f"第{n}次催办" in text for n in range(1, 9))
    # the second sheet says what it belongs to, and is numbered
    assert sheets[1].startswith("文件处理笺（续）收文收〔2026〕1号关于做好秋冬季森林防火工作的通知")
    assert "—1—" in sheets[0] and "—2—" in sheets[1]
    # the boxes are never split: all three on the first sheet, the history goes on
    found = words(forms.document_slip(doc), tmp_path)
    assert {one(found, label).page for label in ("拟办意见", "领导批示", "办理结果")} == {1}
    assert len([w for w in found if w.page == 1 and w.text.startswith("签字：")]) == 3


def test_visit_form_masks_the_id_number(database, clock, tmp_path):
    visit = samples.visit(clock)
    with session.acting_as(session.Actor("值班员甲", session.DUTY_OFFICER, 1)):
        text, _, info = read(forms.visit_form(visit), tmp_path)
    assert pages(info) == 1
    masked = mask_id_number(samples.FULL_ID)
    assert masked == "4306**********2312"
    assert masked in text
    assert samples.FULL_ID not in text and samples.FULL_ID[4:14] not in text
    for expected in (samples.OFFICE, "来访登记表", f"访〔2026〕{visit.id}号", "2026年10月9日08:30", "2人", "刘建国",
                     "13907361234", "城乡建设", "求决", "城关镇城东安置小区5栋", "反映城东安置小区排水管网堵塞", "周接待",
                     "受理（2026年10月9日）", "县住房和城乡建设局", "限2026年10月30日办结",
                     "已转县住建局组织维修，10月20日前完工", "排水管网已疏通并更换破损管段", "满意",
                     "电话回访，来访人表示满意", "已办结", "来访人：刘建国签字：", "接待人：周接待签字："):
        assert expected in text, expected
    found = words(forms.visit_form(visit), tmp_path)
    assert_inside_page(found)
    for label in ("来访时间", "来访人数", "单位或住址", "首问责任人", "受理情况", "告知时限", "答复时间", "回访时间"):
        one(found, label)
    one(found, "2026年10月9日")  # 来访时间 with its time: the date never broken
    signs = [w for w in found if w.text.startswith("签字：")]
    assert len(signs) == 2 and all(w.top > PAGE_HEIGHT / 2 for w in signs)


def test_visit_form_shows_the_full_id_number_to_the_receptionist_only(database, clock, tmp_path):
    visit = samples.visit(clock)
    with session.acting_as(session.Actor("接待员甲", session.RECEPTIONIST, 2)):
        text, _, _ = read(forms.visit_form(visit), tmp_path)
    assert samples.FULL_ID in text
    with session.acting_as(session.Actor("秘书甲", session.SECRETARY, 3)):
        text, _, _ = read(forms.visit_form(visit), tmp_path)
    assert samples.FULL_ID not in text and mask_id_number(samples.FULL_ID) in text


def test_visit_form_without_an_id_number(database, clock, tmp_path):
    from xiaoneng_desktop.visitors import service
    from xiaoneng_desktop.visitors.service import VisitInput

    samples.office()
    visit = service.create_visit(VisitInput(visited_at=clock.current, name="王秀英", matter="咨询低保申请手续",
                                            first_responder="周接待", category="咨询"))
    text, _, info = read(forms.visit_form(service.get_visit(visit.id)), tmp_path)
    assert pages(info) == 1
    assert "未提供" in text and "待受理" in text and "咨询低保申请手续" in text


def test_rectification_notice_verified(database, clock, tmp_path):
    problem = samples.problem(clock)
    text, _, info = read(forms.rectification_notice(problem), tmp_path)
    assert pages(info) == 1
    for expected in (samples.OFFICE, "整改通知/销号单", f"整改〔2026〕{problem.id}号", "2026年下半年作风整顿自查",
                     "查工作效率", "有无自由散漫、精神萎靡现象", "张三", "来文办理拖沓，3件文件超过办理时限",
                     "原因分析", "责任心不强，没有建立办文台账", "整改措施", "建立个人办文台账，每周五自查一次办理进度",
                     "限期整改", "2026年10月20日", "2026年10月9日已建立办文台账（张三）", "整改完成：台账运行正常",
                     "已销号", "销号验收", "李四", "2026年10月12日09:00",
                     "查阅了办文台账和三周的自查记录，超时文件均已办结"):
        assert expected in text, expected
    found = words(forms.rectification_notice(problem), tmp_path)
    assert_inside_page(found)
    for label in ("自查活动", "检查项目", "发现日期", "问题描述", "整改时限", "完成时间", "验收人", "销号时间"):
        one(found, label)
    assert one(found, "责任人（签收）：张三").top > PAGE_HEIGHT / 2


def test_rectification_notice_open_leaves_the_verification_to_fill_in(database, clock, tmp_path):
    problem = samples.problem(clock, verified=False)
    text, _, info = read(forms.rectification_notice(problem), tmp_path)
    assert pages(info) == 1
    assert "整改中" in text and "验收人签字：" in text and "＿＿＿＿年＿＿月＿＿日" in text
    assert "李四" not in text


def test_rectification_notice_that_cannot_be_solved_soon(database, clock, tmp_path):
    from xiaoneng_desktop.inspection import service
    from xiaoneng_desktop.inspection.service import ProblemInput

    first = samples.problem(clock, verified=False)
    problem = service.create_problem(ProblemInput(
        campaign_id=first.campaign_id, item_id=first.item_id, description="办公楼无障碍通道缺失",
        responsible_name="张三", kind="短期内不能解决", explanation="已向来访群众说明需列入明年改造计划"))
    text, _, _ = read(forms.rectification_notice(service.get_problem(problem.id)), tmp_path)
    assert "短期内不能解决" in text and "情况说明" in text and "已向来访群众说明需列入明年改造计划" in text
