"""公文流转 rules: numbering, the 文号 check, steps in order, time limits in working days, 催办, 延期."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from xiaoneng_desktop.core import audit, session, settings
from xiaoneng_desktop.core.db import database as db_proxy
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.documents import service
from xiaoneng_desktop.documents.models import Document, DocumentStep, NumberCounter
from xiaoneng_desktop.documents.service import IncomingInput, OutgoingInput, StepInput

D = dt.date
T = dt.datetime


def incoming(**changes) -> Document:
    values = dict(start_date=D(2026, 10, 9), unit="市人民政府办公室", title="关于做好秋冬季森林防火工作的通知",
                  kind="通知", registrar="李文书", next_holder="赵主任", doc_number="宜府办文〔2026〕58号")
    values.update(changes)
    return service.register_incoming(IncomingInput(**values))


def outgoing(**changes) -> Document:
    values = dict(start_date=D(2026, 10, 9), title="关于开展作风建设专项整治的通知", kind="通知", code="县政办发",
                  unit="秘书科", drafter="陈秘书", registrar="李文书")
    values.update(changes)
    return service.start_outgoing(OutgoingInput(**values))


def errors_of(call, *args, **kwargs) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    return info.value.errors


def test_incoming_numbers_per_year(database, clock):
    first, second = incoming(), incoming(title="第二件")
    assert (first.number, second.number) == ("收〔2026〕1号", "收〔2026〕2号")
    clock.set(T(2027, 1, 4, 9, 0))
    assert incoming(start_date=D(2027, 1, 4)).number == "收〔2027〕1号"
    assert first.step == "拟办" and first.holder == "赵主任"
    assert [s.step for s in service.steps(first.id)] == ["签收登记"]
    assert audit.history("document", first.id)[0].action == "收文登记"


@pytest.mark.parametrize(("typed", "suggested"), [
    ("宜府办文[2026]58号", "宜府办文〔2026〕58号"),
    ("宜府办文(2026)58号", "宜府办文〔2026〕58号"),
    ("宜府办文（2026）第58号", "宜府办文〔2026〕58号"),
    ("宜府办文〔2026〕第058号", "宜府办文〔2026〕58号"),
    ("宜府办文【2026】58", "宜府办文〔2026〕58号"),
    ("宜府办文2026年第58号", "宜府办文〔2026〕58号"),
])
def test_doc_number_correction_offered_never_applied(database, clock, typed, suggested):
    """A 来文's 文号 is kept as printed; the standard form is only offered (as a hint)."""
    assert service.suggest_doc_number(typed) == suggested
    assert f"“{suggested}”" in service.doc_number_hint(typed)
    assert incoming(doc_number=typed).doc_number == typed  # nothing silently changed
    # our own 发文字号 is held to the standard form
    with pytest.raises(ValidationError, match=f"是否改为“{suggested}”"):
        service.check_doc_number(typed, "发文字号", "number")


def test_doc_number_shape(database, clock):
    assert service.parse_doc_number("宜府办文〔2008〕58号") == ("宜府办文", 2008, 58)
    for bad in ("宜府办文〔2008〕058号", "〔2008〕58号", "宜府办文〔08〕58号", "五十八号"):
        assert service.parse_doc_number(bad) is None
    assert incoming(doc_number="五十八号").doc_number == "五十八号"  # as printed, with a hint
    assert "机关代字〔年份〕序号号" in service.doc_number_hint("五十八号")
    assert incoming(doc_number="").doc_number == ""  # a letter without 文号 is allowed


def test_bad_input_all_at_once(database, clock):
    errors = errors_of(incoming, start_date=D(2026, 10, 10), unit="", title=" ", kind="便条", secrecy="机密",
                       urgency="火急", copies=0, next_holder="赵主任、钱科长", registrar="")
    assert set(errors) == {"start_date", "unit", "title", "kind", "secrecy_term", "urgency", "copies",
                           "next_holder", "registrar"}
    assert errors["start_date"] == "日期不能晚于今天"
    assert "保密期限" in errors["secrecy_term"]
    assert "首问负责制" in errors["next_holder"]
    assert "早于" in errors_of(incoming, deadline=D(2026, 10, 8))["deadline"]
    assert Document.select().count() == 0 and NumberCounter.select().count() == 0
    assert incoming(secrecy="秘密", secrecy_term="10年").secrecy_term == "10年"


def test_incoming_limits_in_working_days_across_the_holiday(database, clock):
    clock.set(T(2026, 9, 29, 9, 0))  # Tuesday before National Day (10-01..07 off, 10-10 a make-up Saturday)
    urgent = incoming(start_date=D(2026, 9, 29), urgency="特急")
    express = incoming(start_date=D(2026, 9, 29), urgency="加急")
    normal = incoming(start_date=D(2026, 9, 29))
    assert urgent.deadline == T(2026, 9, 29, 23, 59, 59)  # the same working day
    assert express.deadline == T(2026, 10, 9, 23, 59, 59)  # 9-30, 10-08, 10-09
    assert normal.deadline == T(2026, 10, 19, 23, 59, 59)  # ... 10-10 (调休), 10-12..16, 10-19
    # 拟办 is a 送审报批 step: 2 working days, never beyond the item's own deadline
    assert normal.step_due == normal.due == T(2026, 10, 8, 23, 59, 59)
    assert urgent.due == urgent.deadline
    typed = incoming(start_date=D(2026, 9, 29), deadline=D(2026, 9, 30))
    assert typed.deadline_typed and typed.due == T(2026, 9, 30, 23, 59, 59)


def test_outgoing_limits(database, clock):
    doc = outgoing()  # formal document: 3 + 2 核稿 + 2 签发 + 2 编号 + 2 印发 working days
    assert doc.step == "拟稿" and doc.holder == "陈秘书" and doc.number == ""
    assert doc.step_due == T(2026, 10, 13, 23, 59, 59)  # 10-10 (调休), 10-12, 10-13
    assert doc.deadline == T(2026, 10, 23, 23, 59, 59)
    minutes = outgoing(kind="纪要")
    assert minutes.step_due == T(2026, 10, 12, 23, 59, 59)
    consulted = outgoing(cosign_units="县财政局、县发改局")
    assert consulted.deadline > doc.deadline
    settings.save_all({"documents.limit.draft": 5})
    assert outgoing().step_due == T(2026, 10, 15, 23, 59, 59)


def test_incoming_through_every_step(database, clock):
    doc = incoming()
    do = service.advance
    doc = do(doc.id, StepInput("拟办", "赵主任", "拟请王县长阅示", next_holder="王县长"))
    assert (doc.step, doc.holder) == ("批办", "王县长")
    assert "主办" in errors_of(do, doc.id, StepInput("批办", "王县长", "请应急局办理"))["lead"]
    assert "首问负责制" in errors_of(do, doc.id, StepInput("批办", "王县长", lead="县应急局、县林业局"))["lead"]
    doc = do(doc.id, StepInput("批办", "王县长", "请县林业局牵头办理", lead="县林业局", assist="县应急局"))
    assert (doc.step, doc.holder, doc.lead, doc.assist) == ("承办", "县林业局", "县林业局", "县应急局")
    assert doc.due == doc.deadline  # 承办 runs to the item's deadline
    doc = do(doc.id, StepInput("承办", "县林业局", "已部署", circulate_to="各乡镇"))
    assert (doc.step, doc.holder) == ("传阅", "李文书")  # the secretary circulates it
    doc = do(doc.id, StepInput("传阅", "李文书", "各乡镇已阅"))  # 办结 goes back to the 主办 by itself
    assert (doc.step, doc.holder) == ("办结", "县林业局")
    clock.advance(hours=2)
    doc = do(doc.id, StepInput("办结", "县林业局", "已办结，情况已报市政府"))
    assert doc.closed_at == T(2026, 10, 9, 11, 0) and doc.due is None
    assert (doc.step, doc.holder) == ("归档", "李文书")
    doc = do(doc.id, StepInput("归档", "李文书"))
    assert doc.status == "已归档" and doc.step == "" and doc.holder == ""
    assert [s.step for s in service.steps(doc.id)] == ["签收登记", "拟办", "批办", "承办", "传阅", "办结", "归档"]
    assert "已归档" in errors_of(do, doc.id, StepInput("归档", "李文书"))["step"]


def test_optional_circulation_is_skipped(database, clock):
    doc = incoming()
    for step in (StepInput("拟办", "赵主任", next_holder="王县长"), StepInput("批办", "王县长", lead="县林业局"),
                 StepInput("承办", "县林业局")):
        doc = service.advance(doc.id, step)
    assert doc.step == "办结"


def test_steps_in_order_and_not_twice(database, clock):
    doc = incoming()
    message = errors_of(service.advance, doc.id, StepInput("批办", "王县长", lead="县林业局"))["step"]
    assert "须按顺序办理" in message
    service.advance(doc.id, StepInput("拟办", "赵主任", next_holder="王县长"))
    # a second window still showing 拟办 finishes it again
    message = errors_of(service.advance, doc.id, StepInput("拟办", "钱副主任", next_holder="王县长"))["step"]
    assert "已由赵主任" in message
    assert DocumentStep.select().where(DocumentStep.step == "拟办").count() == 1


def number(doc: Document, code: str = "") -> Document:
    doc = service.advance(doc.id, StepInput("拟稿", "陈秘书", next_holder="周科长"))
    doc = service.advance(doc.id, StepInput("核稿", "周科长", "文字已核", next_holder="王县长"))
    doc = service.advance(doc.id, StepInput("签发", "王县长", "同意印发"))
    assert doc.step == "编号" and doc.number == ""
    return service.advance(doc.id, StepInput("编号", "李文书", code=code))


def test_outgoing_numbering_per_code_and_year(database, clock):
    numbers = [number(outgoing()).number for _ in range(3)]
    assert numbers == ["县政办发〔2026〕1号", "县政办发〔2026〕2号", "县政办发〔2026〕3号"]
    assert number(outgoing(code="县政办函")).number == "县政办函〔2026〕1号"
    voided = number(outgoing())
    assert voided.number == "县政办发〔2026〕4号"
    service.void_document(voided.id, "内容有误，已重新起草")
    assert number(outgoing()).number == "县政办发〔2026〕5号"  # a voided number stays used
    clock.set(T(2027, 1, 5, 9, 0))
    assert number(outgoing(start_date=D(2027, 1, 5))).number == "县政办发〔2027〕1号"


def test_outgoing_through_every_step_with_cosign(database, clock):
    doc = outgoing()
    doc = service.advance(doc.id, StepInput("拟稿", "陈秘书", next_holder="周科长"))
    doc = service.advance(doc.id, StepInput("核稿", "周科长", cosign_units="县财政局", next_holder="县财政局"))
    assert doc.step == "会签" and doc.due == T(2026, 10, 22, 23, 59, 59)  # 10 working days
    for step, who in (("会签", "县财政局"), ("签发", "王县长"), ("编号", "李文书"), ("印发", "李文书")):
        doc = service.advance(doc.id, StepInput(step, who, next_holder="王县长" if step == "会签" else ""))
    assert doc.closed_at is not None and doc.step == "归档" and doc.number == "县政办发〔2026〕1号"


def test_numbering_when_next_holder_is_bad_hands_out_nothing(database, clock):
    doc = outgoing(code="县政办函")
    for step in (StepInput("拟稿", "陈秘书", next_holder="周科长"), StepInput("核稿", "周科长", next_holder="王县长"),
                 StepInput("签发", "王县长")):
        doc = service.advance(doc.id, step)
    settings.save_all({"documents.codes": "县政办发"})
    assert "代字" in errors_of(service.advance, doc.id, StepInput("编号", "李文书"))["code"]
    assert NumberCounter.select().where(NumberCounter.code != "收").count() == 0
    assert service.advance(doc.id, StepInput("编号", "李文书", code="县政办发")).number == "县政办发〔2026〕1号"


def test_two_connections_numbering_at_once_get_distinct_numbers(database, clock, monkeypatch):
    """Two windows = two SQLite connections (peewee gives each thread its own) on the same file."""
    docs = []
    for _ in range(2):
        doc = outgoing()
        for step in (StepInput("拟稿", "陈秘书", next_holder="周科长"), StepInput("核稿", "周科长", next_holder="王县长"),
                     StepInput("签发", "王县长")):
            doc = service.advance(doc.id, step)
        docs.append(doc.id)
    slow_next = service.next_number

    def slow(code, year):  # widen the window between reading the counter and writing it
        counter = NumberCounter.get_or_none((NumberCounter.code == code) & (NumberCounter.year == year))
        time.sleep(0.3)
        del counter
        return slow_next(code, year)

    monkeypatch.setattr(service, "next_number", slow)
    barrier = threading.Barrier(2)
    results, failures, connections = {}, [], set()

    def window(doc_id):
        try:
            barrier.wait()
            connections.add(id(db_proxy.obj.connection()))
            results[doc_id] = service.advance(doc_id, StepInput("编号", "李文书")).number
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            db_proxy.obj.close()

    threads = [threading.Thread(target=window, args=(doc_id,)) for doc_id in docs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert failures == []
    assert len(connections) == 2
    assert sorted(results.values()) == ["县政办发〔2026〕1号", "县政办发〔2026〕2号"]
    assert NumberCounter.get(NumberCounter.code == "县政办发").last == 2


def test_two_people_finishing_the_same_step_at_once(database, clock):
    doc = incoming()
    barrier = threading.Barrier(2)
    outcomes = []

    def person(name):
        try:
            barrier.wait()
            service.advance(doc.id, StepInput("拟办", name, next_holder="王县长"))
            outcomes.append("ok")
        except ValidationError as exc:
            outcomes.append(exc.errors["step"])
        finally:
            db_proxy.obj.close()

    threads = [threading.Thread(target=person, args=(n,)) for n in ("赵主任", "钱副主任")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert sorted(outcomes, key=len)[0] == "ok" and "已由" in sorted(outcomes, key=len)[1]
    assert DocumentStep.select().where(DocumentStep.step == "拟办").count() == 1


def test_urging_is_recorded_and_counted(database, clock):
    doc = incoming()
    service.urge(doc.id, "李文书", "电话", "赵主任答复今天下午办完")
    service.urge(doc.id, "李文书", "当面")
    assert Document.get_by_id(doc.id).urge_count == 2
    first = service.urgings(doc.id)[0]
    assert (first.way, first.step, first.holder, first.answer) == ("电话", "拟办", "赵主任", "赵主任答复今天下午办完")
    errors = errors_of(service.urge, doc.id, "", "飞鸽")
    assert set(errors) == {"urged_by", "way"}


def test_extension_before_the_deadline(database, clock):
    doc = incoming(urgency="加急")  # deadline 10-14; 拟办 due 10-12
    assert doc.due == T(2026, 10, 12, 23, 59, 59)
    assert "晚于" in errors_of(service.ask_extension, doc.id, D(2026, 10, 12), "材料未齐", "赵主任")["new_date"]
    with session.acting_as(session.Actor("赵主任", session.SECRETARY)):
        pending = service.ask_extension(doc.id, D(2026, 10, 16), "需征求县林业局意见")
        assert pending.approved is None and Document.get_by_id(doc.id).due == doc.due
        assert "本人" in errors_of(service.decide_extension, pending.id, True)["decided_by"]
    with session.acting_as(session.Actor("王县长", session.LEADER)):
        service.decide_extension(pending.id, True)
    moved = Document.get_by_id(doc.id)
    assert moved.due == moved.deadline == T(2026, 10, 16, 23, 59, 59)
    assert [e.approved for e in service.extensions(doc.id)] == [True]
    clock.set(T(2026, 10, 17, 8, 0))
    assert "届满前" in errors_of(service.ask_extension, doc.id, D(2026, 10, 20), "再延", "赵主任")["new_date"]


def test_search_and_todo(database, clock):
    fire = incoming()
    other = incoming(unit="县应急管理局", title="关于报送安全生产情况的函", kind="函", doc_number="县应急函〔2026〕7号")
    sent = number(outgoing())
    ids = lambda **kw: {d.id for d in service.documents_query(**kw)}  # noqa: E731
    assert ids(text="森林防火") == {fire.id}
    assert ids(text="县应急函〔2026〕7号") == {other.id}
    assert ids(text="县政办发〔2026〕1号") == {sent.id}
    assert ids(text="应急管理局") == {other.id}
    assert ids(text="赵主任") == {fire.id, other.id}
    assert ids(direction="发文") == {sent.id}
    assert ids(step="拟办") == {fire.id, other.id}
    assert ids(holder="李文书") == {sent.id}
    assert ids(date_from=D(2026, 10, 10)) == set()
    assert ids(overdue_only=True) == set()
    clock.set(T(2026, 10, 13, 9, 0))  # 拟办 and 印发 were due 10-12
    assert ids(overdue_only=True) == {fire.id, other.id, sent.id} == ids(status="已超时")
    assert ids(overdue_only=True, direction="收文", text="森林") == {fire.id}
    clock.set(T(2026, 10, 12, 9, 0))
    assert ids(status="临近时限") == {fire.id, other.id, sent.id}
    assert ids(status="已超时") == set()
    assert service.todo_counts() == [("赵主任", 2, 0), ("李文书", 1, 0)]


def test_void_keeps_the_record(database, clock):
    doc = incoming()
    assert "作废原因" in errors_of(service.void_document, doc.id, " ")["void_reason"]
    service.void_document(doc.id, "重复登记")
    doc = Document.get_by_id(doc.id)
    assert doc.status == "已作废" and doc.number == "收〔2026〕1号"
    assert incoming().number == "收〔2026〕2号"
    assert "作废" in errors_of(service.advance, doc.id, StepInput("拟办", "赵主任", next_holder="王县长"))["step"]


def test_codes_setting(database, clock):
    assert service.codes() == ["县政办发", "县政办函"]
    with pytest.raises(ValidationError):
        settings.save_all({"documents.codes": "  "})
    with pytest.raises(ValidationError):
        settings.save_all({"documents.codes": "县政办发；县政办发"})


def test_an_incoming_doc_number_is_kept_as_printed(database, clock):
    """Another office wrote it (山组字[2008]43号 is in the seeds themselves): stored as typed, with a hint."""
    doc = incoming(doc_number="山组字[2008]43号")
    assert doc.doc_number == "山组字[2008]43号"
    assert "山组字〔2008〕43号" in service.doc_number_hint("山组字[2008]43号")
    assert service.doc_number_hint("宜府办文〔2008〕58号") == "" and service.doc_number_hint("") == ""
    assert "照录" in service.doc_number_hint("无字号")
