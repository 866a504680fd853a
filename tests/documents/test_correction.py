"""修改登记 and 更正 of a document (issue 12, item 4): an open document's registration fields change with
old → new in the audit log; a closed one only by 更正 — the secretary's, with a reason. The number, the
收文日期 and the 办理时限 never change this way."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.core import audit, session
from xiaoneng_desktop.core.session import PermissionDenied
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.documents import service
from xiaoneng_desktop.documents.models import Document
from xiaoneng_desktop.documents.service import IncomingInput, OutgoingInput, StepInput

D = dt.date
T = dt.datetime
SECRETARY = session.Actor("李秘书", session.SECRETARY)
DUTY = session.Actor("王值班", session.DUTY_OFFICER)


def errors_of(call, *args, **kwargs) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    return info.value.errors


def incoming(**changes) -> Document:
    values = dict(start_date=D(2026, 10, 9), unit="市人民政府办公室", title="关于做好秋冬季森林防火工作的通之",
                  kind="通知", registrar="李文书", next_holder="赵主任", doc_number="宜府办文〔2026〕58号")
    values.update(changes)
    return service.register_incoming(IncomingInput(**values))


def outgoing(**changes) -> Document:
    values = dict(start_date=D(2026, 10, 9), title="关于开展作风建设专项整治的通知", kind="通知", code="县政办发",
                  unit="秘书科", drafter="陈秘书", registrar="李文书")
    values.update(changes)
    return service.start_outgoing(OutgoingInput(**values))


def closed_incoming() -> Document:
    doc = incoming()
    for step in (StepInput("拟办", "赵主任", next_holder="王县长"), StepInput("批办", "王县长", lead="县林业局"),
                 StepInput("承办", "县林业局"), StepInput("办结", "县林业局", "已办结")):
        doc = service.advance(doc.id, step)
    assert doc.closed_at is not None
    return doc


def fixed(doc: Document) -> tuple:
    """What no 修改 or 更正 may move."""
    doc = service.get_document(doc.id)
    return (doc.number, doc.serial, doc.year, doc.code, doc.start_date, doc.deadline, doc.step_due, doc.due,
            doc.step, doc.holder, doc.registrar, [(s.step, s.who, s.done_at) for s in service.steps(doc.id)])


def test_update_an_open_incoming_audits_old_to_new(database, clock):
    doc = incoming(urgency="平件")
    before = fixed(doc)
    data = service.registration_of(doc)
    data.title, data.unit, data.doc_number = "关于做好秋冬季森林防火工作的通知", "市政府办公室", "山组字[2008]43号"
    data.urgency, data.copies, data.secrecy, data.secrecy_term = "加急", 3, "秘密", "10年"
    data.deadline = D(2026, 12, 31)  # ignored: the 办理时限 moves only by 延期
    saved = service.update_document(doc.id, data)
    assert (saved.title, saved.doc_number, saved.urgency, saved.copies) == (
        "关于做好秋冬季森林防火工作的通知", "山组字[2008]43号", "加急", 3)  # the 文号 as printed
    assert fixed(saved) == before
    line = audit.history("document", doc.id)[-1]
    assert (line.action, line.detail) == ("修改", "")
    assert audit.changes_of(line) == [
        ("来文单位", "市人民政府办公室", "市政府办公室"), ("来文文号", "宜府办文〔2026〕58号", "山组字[2008]43号"),
        ("标题", "关于做好秋冬季森林防火工作的通之", "关于做好秋冬季森林防火工作的通知"), ("密级", "无", "秘密"),
        ("保密期限", "（空）", "10年"), ("紧急程度", "平件", "加急"), ("份数", "1", "3")]
    lines = len(audit.history("document", doc.id))
    service.update_document(doc.id, service.registration_of(saved))  # nothing changed: no line
    assert len(audit.history("document", doc.id)) == lines
    assert service.documents_query("森林防火工作的通知").count() == 1  # the search sees the new title


def test_update_checks_as_registration_and_keeps_the_date(database, clock):
    doc = incoming()
    data = service.registration_of(doc)
    data.title, data.kind, data.secrecy, data.copies = " ", "便条", "机密", 0
    data.start_date = D(2026, 10, 8)
    errors = errors_of(service.update_document, doc.id, data)
    assert set(errors) == {"title", "kind", "secrecy_term", "copies", "start_date"}
    assert "日期不能修改" in errors["start_date"]
    assert service.get_document(doc.id).title == doc.title
    assert "收文" in errors_of(service.update_document, doc.id, service.registration_of(outgoing()))["id"]


def test_update_outgoing_code_before_numbering_and_cosign_before_cosigning(database, clock):
    doc = outgoing()
    before = fixed(doc)
    data = service.registration_of(doc)
    data.unit, data.code, data.cosign_units = "综合科", "县政办函", "县财政局"
    saved = service.update_document(doc.id, data)
    assert (saved.code, saved.cosign_units) == ("县政办函", "县财政局")
    assert fixed(saved)[4:] == before[4:]  # the 办理时限 stays though 会签 is added
    assert ("拟稿科室", "秘书科", "综合科") in audit.changes_of(audit.history("document", doc.id)[-1])
    for step in (StepInput("拟稿", "陈秘书", next_holder="周科长"), StepInput("核稿", "周科长", next_holder="县财政局"),
                 StepInput("会签", "县财政局", next_holder="王县长"), StepInput("签发", "王县长"),
                 StepInput("编号", "李文书")):
        doc = service.advance(doc.id, step)
    assert doc.number == "县政办函〔2026〕1号"
    data = service.registration_of(doc)
    data.code, data.cosign_units = "县政办发", "县财政局、县审计局"
    errors = errors_of(service.update_document, doc.id, data)
    assert "县政办函〔2026〕1号" in errors["code"] and "会签" in errors["cosign_units"]


def test_a_closed_document_changes_only_by_correction_of_the_secretary(database, clock):
    doc = closed_incoming()
    before = fixed(doc)
    data = service.registration_of(doc)
    data.title = "关于做好秋冬季森林防火工作的通知"
    assert errors_of(service.update_document, doc.id, data)["id"] == "已办结的记录不能直接修改，请使用“更正”"
    with session.acting_as(DUTY), pytest.raises(PermissionDenied):
        service.correct_document(doc.id, data, "标题错字")
    with session.acting_as(SECRETARY):
        assert "更正原因" in errors_of(service.correct_document, doc.id, data, " ")["correct_reason"]
        assert errors_of(service.update_document, doc.id, data)["id"] == service.CLOSED
        saved = service.correct_document(doc.id, data, "标题错字")
    assert saved.title == "关于做好秋冬季森林防火工作的通知" and fixed(saved) == before
    line = audit.history("document", doc.id)[-1]
    assert (line.action, line.actor, line.detail) == ("更正", "李秘书", "标题错字")
    assert audit.changes_of(line) == [("标题", "关于做好秋冬季森林防火工作的通之", "关于做好秋冬季森林防火工作的通知")]
    service.advance(doc.id, StepInput("归档", "李文书"))  # archived: still 更正
    with session.acting_as(SECRETARY):
        lines = len(audit.history("document", doc.id))
        service.correct_document(doc.id, service.registration_of(saved), "核对")  # nothing changed: no line
        assert len(audit.history("document", doc.id)) == lines
        data.copies = 2
        assert service.correct_document(doc.id, data, "份数记错").copies == 2
    open_doc = incoming()
    assert "请直接修改" in errors_of(service.correct_document, open_doc.id, service.registration_of(open_doc),
                                   "不需要")["id"]


def test_a_voided_document_takes_no_change(database, clock):
    doc = incoming()
    service.void_document(doc.id, "重复登记")
    data = service.registration_of(doc)
    data.title = "另一个标题"
    assert "已作废" in errors_of(service.update_document, doc.id, data)["id"]
    assert "已作废" in errors_of(service.correct_document, doc.id, data, "更正")["id"]
