"""文件处理单, 来访登记表, 整改通知/销号单: one A4 page each, every field's value extractable, the ID masked."""

from __future__ import annotations

import re
import shutil
import subprocess

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


def pages(info: str) -> int:
    assert "595.276 x 841.89" in info  # A4
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))


def test_document_slip_every_step_with_opinions(database, clock, tmp_path):
    doc = samples.document(clock)
    text, _, info = read(forms.document_slip(doc), tmp_path)
    assert pages(info) == 1
    for expected in (samples.OFFICE, "文件处理单", "收〔2026〕1号", "市人民政府办公室", "宜府办文〔2026〕58号",
                     "关于做好秋冬季森林防火工作的通知", "通知", "秘密（1年）", "加急", "3份", "2026年10月09日",
                     "办理时限", "2026年10月30日", "主办", "县林业局", "协办", "县应急管理局", "李文书",
                     # every step: who, when, opinion
                     "签收登记", "原件已签收", "拟办", "赵主任", "10月09日10:00", "拟请王县长阅示，由县林业局牵头办理",
                     "批办", "王县长", "请县林业局牵头办理，县应急局协办", "承办", "已部署各乡镇开展隐患排查，共排查林区32处",
                     "传阅", "各乡镇已阅", "待办", "时限10月30日",
                     # urgings and extensions
                     "催办记录", "10月10日08:00", "电话", "正在组织排查，明天报送",
                     "延期记录", "2026-10-13", "2026-10-30", "排查范围大，需延长办理时间", "已批准（赵主任）"):
        assert expected in text, expected


def test_a_long_document_continues_on_a_second_page_with_its_header(database, clock, tmp_path):
    doc = samples.document(clock, long=True)
    text, sheets, info = read(forms.document_slip(doc), tmp_path)
    assert pages(info) == 2
    # nothing is cut: the long instruction and every urging are there
    assert samples.LONG_OPINION.replace(" ", "") in text
    assert all(f"第{n}次催办" in text for n in range(1, 9))
    # the second sheet says what it belongs to, and is numbered
    assert sheets[1].startswith("文件处理单（续）收文收〔2026〕1号关于做好秋冬季森林防火工作的通知")
    assert "—1—" in sheets[0] and "—2—" in sheets[1]


def test_visit_form_masks_the_id_number(database, clock, tmp_path):
    visit = samples.visit(clock)
    with session.acting_as(session.Actor("值班员甲", session.DUTY_OFFICER, 1)):
        text, _, info = read(forms.visit_form(visit), tmp_path)
    assert pages(info) == 1
    masked = mask_id_number(samples.FULL_ID)
    assert masked == "4306**********2312"
    assert masked in text
    assert samples.FULL_ID not in text and samples.FULL_ID[4:14] not in text
    for expected in (samples.OFFICE, "来访登记表", f"访〔2026〕{visit.id}号", "2026年10月09日08:30", "2人", "刘建国",
                     "13907361234", "城乡建设", "求决", "城关镇城东安置小区5栋", "反映城东安置小区排水管网堵塞", "周接待",
                     "受理（2026年10月09日）", "县住房和城乡建设局", "限2026年10月30日办结",
                     "已转县住建局组织维修，10月20日前完工", "排水管网已疏通并更换破损管段", "满意",
                     "电话回访，来访人表示满意", "已办结", "来访人签名", "接待人签名"):
        assert expected in text, expected


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
                     "限期整改", "2026年10月20日", "2026-10-09已建立办文台账（张三）", "整改完成：台账运行正常",
                     "已销号", "销号验收", "李四", "2026年10月12日09:00",
                     "查阅了办文台账和三周的自查记录，超时文件均已办结"):
        assert expected in text, expected


def test_rectification_notice_open_leaves_the_verification_to_fill_in(database, clock, tmp_path):
    problem = samples.problem(clock, verified=False)
    text, _, info = read(forms.rectification_notice(problem), tmp_path)
    assert pages(info) == 1
    assert "整改中" in text and "验收人签字" in text and "年月日" in text
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
