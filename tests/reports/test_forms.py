"""电话记录单: one page, every field of the call, Chinese text extractable from the PDF."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from tests.reports.test_record_forms import MM, PAGE_HEIGHT, assert_inside_page, box_height, one, words
from xiaoneng_desktop.core import settings
from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.reports import fonts, forms

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is needed")


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_phone_record_form(database, clock, tmp_path):
    settings.save_all({"office.name": "宜城县人民政府办公室"})
    call = service.create_call(CallInput(
        received_at=dt.datetime(2026, 10, 9, 8, 45), category="特殊事项", caller_unit="县应急管理局",
        caller="刘科长", phone="0736-7212345", summary="今晚有强降雨，请通知各乡镇做好防范", officer_name="王值班",
        assignee_name="张科长", instruction="请综合科立即通知", instruction_by="李主任"))
    service.close_call(call.id, "已电话通知12个乡镇", closed_at=dt.datetime(2026, 10, 9, 9, 0))
    data = forms.phone_record(service.get_call(call.id))
    assert data.startswith(b"%PDF")
    text = re.sub(r"\s+", "", pdf_text(data, tmp_path))
    for expected in ("宜城县人民政府办公室", "电话记录单", "2026年10月9日08:45", "县应急管理局", "刘科长",
                     "0736-7212345", "特殊事项", "今晚有强降雨", "张科长", "请综合科立即通知", "——李主任",
                     "已电话通知12个乡镇", "10月9日09:00", "已办结", "王值班", f"值〔2026〕{call.id}号",
                     "领导批示", "办理结果", "值班员：王值班签字：＿＿＿＿＿＿日期：＿＿＿＿年＿＿月＿＿日",
                     "接收人：张科长签字：＿＿＿＿＿＿日期：＿＿＿＿年＿＿月＿＿日"):
        assert expected in text, expected
    info = subprocess.run(["pdfinfo", str(tmp_path / "form.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M) and "595.276 x 841.89" in info  # one A4 page
    # read by position: labels on one line, boxes tall enough to write in, signatures in the lower part
    found = words(data, tmp_path)
    assert_inside_page(found)
    for label in ("来电时间", "来电方式", "来电单位", "联系电话", "事项类别", "内容摘要", "交办对象", "办理时限",
                  "带班领导", "办理状态", "2026年10月9日"):
        one(found, label)
    for label in ("领导批示", "办理结果"):
        assert box_height(found, label) >= 35 * MM, label
    signers = [one(found, "值班员：王值班"), one(found, "接收人：张科长")]
    assert all(w.top > PAGE_HEIGHT * 0.6 for w in signers)
    assert signers[0].top < signers[1].top
    # each signature line's words share one line
    for signer in signers:
        line = [w for w in found if abs(w.top - signer.top) < 0.5]
        assert [w.text for w in line][1:] == ["签字：＿＿＿＿＿＿", "日期：＿＿＿＿年＿＿月＿＿日"]


def test_an_open_call_leaves_the_boxes_empty_to_write_in(database, clock, tmp_path):
    call = service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, 55), category="一般事项",
                                         summary="会议通知", officer_name="王值班"))
    found = words(forms.phone_record(service.get_call(call.id)), tmp_path)
    assert {w.page for w in found} == {1}
    for label in ("领导批示", "办理结果"):
        assert box_height(found, label) >= 35 * MM, label
    assert one(found, "接收人").top > PAGE_HEIGHT * 0.6  # nobody named yet: the name is written by hand


def test_fonts_fall_back_to_a_builtin_cid_font(monkeypatch):
    fonts.register_fonts.cache_clear()
    monkeypatch.setattr(fonts, "find_font_files", lambda dirs=None: {})
    try:
        assert set(fonts.register_fonts().values()) == {fonts.FALLBACK}
    finally:
        fonts.register_fonts.cache_clear()


def test_font_roles_found_by_file_name(tmp_path):
    for name in ("simfang.ttf", "SIMHEI.TTF", "other.ttf"):
        (tmp_path / name).write_bytes(b"")
    found = fonts.find_font_files([tmp_path])
    assert found["fang"].name == "simfang.ttf" and found["hei"].name == "SIMHEI.TTF"
    assert "kai" not in found
