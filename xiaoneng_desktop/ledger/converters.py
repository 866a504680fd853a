"""One converter per KIND: a parsed row → the register's service validation → the row to insert.

The services' own checks (``duty.service.check_call``, ``documents.service.check_document`` and the 文号 check,
``visitors.service.check_visit`` / ``check_handling``, ``inspection.service.check_problem``) decide
what is valid, so an imported record is one the form could have saved; deadlines left blank come from
the register's own rules. A closed record keeps its dates."""

from __future__ import annotations

import bisect
import datetime as dt
from types import SimpleNamespace

import peewee as pw

from xiaoneng_desktop.core import clock, workdays
from xiaoneng_desktop.core.validation import Checker, ValidationError, clean_name, clean_text
from xiaoneng_desktop.documents import service as documents
from xiaoneng_desktop.documents.models import INCOMING, OUTGOING, Document, DocumentStep, NumberCounter
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.models import Call, DutyShift
from xiaoneng_desktop.inspection import service as inspection
from xiaoneng_desktop.inspection.models import Campaign, CheckItem, Problem
from xiaoneng_desktop.ledger import exporter
from xiaoneng_desktop.ledger.base import Converter, Row, closing, insert_rows, person_ids, starting
from xiaoneng_desktop.visitors import service as visitors
from xiaoneng_desktop.visitors.models import ReceptionDay, Visit

IMPORTER = "台账导入"


def split_secrecy(text: str) -> tuple[str, str]:
    """秘密★10年 → (秘密, 10年); 无 or "" → (无, "")."""
    text = (text or "").strip()
    if "★" in text:
        level, _, term = text.partition("★")
        return level.strip(), term.strip()
    return text or "无", ""


# ============================================================================ 值班记录 (duty)

class DutyConverter(Converter):
    KIND = "duty"
    MODEL = Call
    FIELDS = {"received_at": "来电时间", "channel": "来电方式", "category": "事项类别", "caller": "来电人",
              "caller_unit": "来电单位", "phone": "联系电话", "summary": "内容摘要", "officer_name": "值班员",
              "assignee_name": "交办对象", "instruction": "领导批示", "instruction_by": "领导批示",
              "feedback": "办理情况", "closed_at": "办结时间", "deadline": "来电时间"}

    def start(self, rows: list[Row]) -> None:
        self.people = person_ids()
        moments = [starting(r.values["来电时间"]) for r in rows if r.values.get("来电时间")]
        self.shifts: list[tuple[dt.datetime, dt.datetime, int]] = []
        if moments:
            self.shifts = list(DutyShift.select(DutyShift.starts_at, DutyShift.ends_at, DutyShift.id)
                               .where((DutyShift.ends_at > min(moments)) & (DutyShift.starts_at <= max(moments)))
                               .order_by(DutyShift.starts_at).tuples())
        self.shift_starts = [s[0] for s in self.shifts]

    def columns(self, payload: dict) -> tuple:
        # the payload's values as attributes: a model instance per row was a sixth of the check
        return exporter.call_columns(SimpleNamespace(**payload))

    def shift_at(self, moment: dt.datetime) -> int | None:
        at = bisect.bisect_right(self.shift_starts, moment) - 1
        while at >= 0:
            starts, ends, shift_id = self.shifts[at]
            if starts <= moment < ends:
                return shift_id
            if ends <= moment and at < len(self.shifts) - 1:
                break
            at -= 1
        return None

    def prepare(self, v: dict):
        data = duty.CallInput(
            received_at=starting(v["来电时间"]), category=v["事项类别"], summary=v["内容摘要"],
            officer_name=v["值班员"], channel=v["来电方式"], caller=v["来电人"], caller_unit=v["来电单位"],
            phone=v["联系电话"], assignee_name=v["交办对象"], instruction=v["领导批示"], feedback=v["办理情况"],
            closed_at=closing(v["办结时间"]))
        values = duty.check_call(data)  # the form's own checks
        received = values["received_at"]
        values.update(
            deadline=duty.deadline_for(values["category"], received), deadline_typed=False,
            officer=self.people.get(values["officer_name"]), assignee=self.people.get(values["assignee_name"]),
            assigned_at=received if values["assignee_name"] else None, instruction_by="",
            closed_by=values["officer_name"] if values["closed_at"] else "", shift=self.shift_at(received),
            voided_at=None, void_reason="")
        return values


# ============================================================================ 收文 (incoming)

class IncomingConverter(Converter):
    KIND = "incoming"
    MODEL = Document
    FIELDS = {"start_date": "收文日期", "unit": "来文单位", "doc_number": "文号", "title": "标题", "kind": "文种",
              "secrecy": "密级", "secrecy_term": "密级", "urgency": "紧急程度", "copies": "份数",
              "next_holder": "承办人", "registrar": "承办人", "deadline": "办理时限", "closed_at": "办结日期",
              "result": "办理结果"}

    def columns(self, payload: dict) -> tuple:
        opinion = next((opinion for step, _who, _at, opinion, _to in payload["steps"] if step == "办结"), "")
        return exporter.incoming_columns(Document(**payload["doc"]), opinion)

    def prepare(self, v: dict):
        check = Checker()
        now = clock.now()
        secrecy, term = split_secrecy(v["密级"])
        data = SimpleNamespace(start_date=v["收文日期"], title=v["标题"], kind=v["文种"], secrecy=secrecy,
                               secrecy_term=term, urgency=v["紧急程度"] or "平件", copies=v["份数"] or 1,
                               deadline=v["办理时限"])
        values = documents.check_document(check, data, now)
        values["unit"] = check.run("unit", clean_text, v["来文单位"], "来文单位", field="unit", max_len=60,
                                   required=True)
        values["doc_number"] = check.run("doc_number", documents.clean_incoming_doc_number, v["文号"])
        holder = documents.check_one_name(check, v["承办人"], "承办人", "next_holder")
        result = check.run("result", clean_text, v["办理结果"], "办理结果", field="result",
                           max_len=documents.TEXT_MAX, multiline=True) or ""
        closed_at = closing(v["办结日期"])
        if closed_at is not None and data.start_date is not None:
            if closed_at.date() < data.start_date:
                check.add("closed_at", "办结日期不能早于收文日期")
            elif clock.is_future(closed_at, now):
                check.add("closed_at", "办结日期不能晚于今天")
        if result and closed_at is None:
            check.add("result", "填写了办理结果，请同时填写办结日期（空白表示仍在办理）")
        check.raise_if_any()
        start = values["start_date"]
        doc = Document(direction=INCOMING, registered_at=now.replace(microsecond=0), year=start.year,
                       registrar=IMPORTER, lead=holder, **values)
        if v["办理时限"] is not None:
            doc.deadline, doc.deadline_typed = workdays.deadline_end(v["办理时限"]), True
        else:
            doc.deadline = documents.deadline_for(INCOMING, doc.kind, doc.urgency, start)
        if closed_at is not None:  # an old ledger's finished item: 办结 and filed
            doc.closed_at = doc.archived_at = closed_at
            documents.set_step(doc, "", "", closed_at)
        else:
            documents.set_step(doc, "承办", holder, dt.datetime.combine(start, dt.time()), start=start)
        row = dict(doc.__data__)
        row.pop("id", None)
        steps = [("签收登记", IMPORTER, dt.datetime.combine(start, dt.time()), "由台账导入", holder)]
        if closed_at is not None:
            steps += [("办结", holder, closed_at, result, ""), ("归档", IMPORTER, closed_at, "", "")]
        return {"doc": row, "steps": steps}

    def write(self, payloads: list[dict]) -> None:
        by_year: dict[int, list[dict]] = {}
        for p in payloads:
            by_year.setdefault(p["doc"]["start_date"].year, []).append(p["doc"])
        for year, docs in by_year.items():  # 收文编号 per year, after the numbers already given
            first = documents.next_number("收", year)
            for serial, doc in enumerate(docs, start=first):
                doc.update(year=year, serial=serial, number=f"收〔{year}〕{serial}号")
            NumberCounter.update(last=first + len(docs) - 1).where(
                (NumberCounter.code == "收") & (NumberCounter.year == year)).execute()
        _write_documents(payloads)


def _write_documents(payloads: list[dict]) -> None:
    ids = insert_rows(Document, [p["doc"] for p in payloads])
    steps = []
    for doc_id, p in zip(ids, payloads, strict=True):
        for step, who, done_at, opinion, handed_to in p["steps"]:
            steps.append({"document": doc_id, "step": step, "who": who, "done_at": done_at, "opinion": opinion,
                          "deadline": None, "handed_to": handed_to})
    insert_rows(DocumentStep, steps)


# ============================================================================ 发文 (outgoing)

class OutgoingConverter(Converter):
    KIND = "outgoing"
    MODEL = Document
    FIELDS = {"number": "发文字号", "title": "标题", "kind": "文种", "secrecy": "密级", "secrecy_term": "密级",
              "urgency": "紧急程度", "drafter": "拟稿人", "start_date": "拟稿日期", "signer": "签发人",
              "signed_on": "签发日期", "recipients": "主送机关", "copies": "印发份数", "deadline": "拟稿日期"}

    def columns(self, payload: dict) -> tuple:
        signed = [(who, at) for step, who, at, _opinion, _to in payload["steps"] if step == "签发"]
        who, at = signed[-1] if signed else ("", None)
        return exporter.outgoing_columns(Document(**payload["doc"]), who, at)

    def prepare(self, v: dict):
        check = Checker()
        now = clock.now()
        secrecy, term = split_secrecy(v["密级"])
        data = SimpleNamespace(start_date=v["拟稿日期"], title=v["标题"], kind=v["文种"], secrecy=secrecy,
                               secrecy_term=term, urgency=v["紧急程度"] or "平件", copies=v["印发份数"] or 1,
                               deadline=None)
        values = documents.check_document(check, data, now)
        number = check.run("number", documents.check_doc_number, v["发文字号"], "发文字号", "number") or ""
        drafter = documents.check_one_name(check, v["拟稿人"], "拟稿人", "drafter")
        signer = check.run("signer", clean_name, v["签发人"], "签发人", field="signer", max_len=30) or ""
        signed_on: dt.date | None = v["签发日期"]
        recipients = check.run("recipients", clean_text, v["主送机关"], "主送机关", field="recipients",
                               max_len=200) or ""
        if signer and signed_on is None:
            check.add("signed_on", "填写了签发人，请同时填写签发日期")
        if signed_on is not None and not signer:
            check.add("signer", "填写了签发日期，请同时填写签发人")
        if signed_on is not None and data.start_date is not None and signed_on < data.start_date:
            check.add("signed_on", "签发日期不能早于拟稿日期")
        if signed_on is not None and signed_on > now.date():
            check.add("signed_on", "签发日期不能晚于今天")
        if number and signed_on is None and "signer" not in check.errors:
            check.add("signed_on", "已编号的文件须填写签发人和签发日期")
        check.raise_if_any()
        start = values["start_date"]
        parsed = documents.parse_doc_number(number) if number else None
        doc = Document(direction=OUTGOING, registered_at=now.replace(microsecond=0), registrar=drafter,
                       unit="", circulate_to=recipients, year=start.year, **values)  # 主送机关 kept in circulate_to
        doc.deadline = documents.deadline_for(OUTGOING, doc.kind, doc.urgency, start)
        steps = []
        if signed_on is not None:
            signed_at = closing(signed_on)
            steps += [("拟稿", drafter, dt.datetime.combine(start, dt.time()), "", ""),
                      ("签发", signer, signed_at, "", drafter)]
        if parsed:
            doc.code, doc.year, doc.serial = parsed
            doc.number = number
            doc.closed_at = doc.archived_at = signed_at
            steps += [("编号", drafter, signed_at, "", drafter), ("印发", drafter, signed_at, "", drafter)]
            documents.set_step(doc, "", "", signed_at)
        elif signed_on is not None:
            documents.set_step(doc, "编号", drafter, signed_at)
        else:
            documents.set_step(doc, "拟稿", drafter, dt.datetime.combine(start, dt.time()), start=start)
        row = dict(doc.__data__)
        row.pop("id", None)
        return {"doc": row, "steps": steps}

    def write(self, payloads: list[dict]) -> None:
        highest: dict[tuple[str, int], int] = {}
        for p in payloads:
            doc = p["doc"]
            if doc.get("serial"):
                key = (doc["code"], doc["year"])
                highest[key] = max(highest.get(key, 0), doc["serial"])
        for (code, year), serial in highest.items():  # numbers never reused: the counter moves past them
            NumberCounter.insert(code=code, year=year, last=serial).on_conflict(
                conflict_target=[NumberCounter.code, NumberCounter.year],
                update={NumberCounter.last: pw.Case(None, [(NumberCounter.last > serial, NumberCounter.last)], serial)}
            ).execute()
        _write_documents(payloads)


# ============================================================================ 来访 (visitors)

class VisitorsConverter(Converter):
    KIND = "visitors"
    MODEL = Visit
    FIELDS = {"visited_at": "来访时间", "name": "姓名", "id_number": "身份证号", "phone": "联系电话",
              "persons": "来访人数", "address": "单位或住址", "category": "问题类别", "purpose": "信访目的",
              "matter": "来访事由",
              "first_responder": "首问责任人", "decision": "受理日期", "decided_at": "受理日期",
              "decision_reason": "受理日期", "referred_to": "转办单位", "reply": "办理结果", "result": "办理结果",
              "replied_at": "办结日期", "satisfaction": "满意度", "referral_due": "转办单位", "deadline": "来访时间"}

    def start(self, rows: list[Row]) -> None:
        self.days = {day: (rid, leader) for day, rid, leader in
                     ReceptionDay.select(ReceptionDay.day, ReceptionDay.id, ReceptionDay.leader_name).tuples()}

    def columns(self, payload: dict) -> tuple:
        return exporter.visit_columns(Visit(**payload))  # masked: as rows_of gives the stored ones

    def prepare(self, v: dict):
        persons = v["来访人数"] if v["来访人数"] is not None else 1
        values = visitors.check_visit(visitors.VisitInput(
            visited_at=starting(v["来访时间"]), name=v["姓名"], matter=v["来访事由"], first_responder=v["首问责任人"],
            category=v["问题类别"], purpose=v.get("信访目的") or "", id_number=v["身份证号"], phone=v["联系电话"],
            persons=persons, address=v["单位或住址"]))
        visited_at = values["visited_at"]
        accepted: dt.date | None = v["受理日期"]
        decided_at = None
        if accepted is not None:
            decided_at = visited_at if accepted == visited_at.date() else dt.datetime.combine(accepted, dt.time())
        result = v["办理结果"]
        handling = visitors.check_handling(Visit(visited_at=visited_at), visitors.HandlingInput(
            decision="受理" if accepted is not None else "", decided_at=decided_at, referred_to=v["转办单位"],
            reply=result, result=result, replied_at=closing(v["办结日期"]),
            satisfaction=v["满意度"] or "未评价"))
        values.update(handling)
        values["acceptance_due"] = visitors.acceptance_due_for(visited_at)
        values["deadline"] = visitors.deadline_for(visited_at, values["decided_at"] if values["decision"] == "受理"
                                                   else None)
        values["deadline_typed"], values["extended_days"] = False, 0
        values["referred_at"] = (values["decided_at"] or visited_at) if values["referred_to"] else None
        values["referral_due"] = values["deadline"].date() if values["referred_to"] else None
        values["closed_by"] = values["first_responder"] if values["closed_at"] else ""
        # a ledger's 满意度 was given with the answer (the only time the ledger knows)
        values["rated_at"] = values["closed_at"] if values["satisfaction"] != "未评价" else None
        day = self.days.get(visited_at.date())
        values["reception_day"], values["leader_name"] = (day if day else (None, ""))
        values.update(voided_at=None, void_reason="", extension_reason="")
        return values


# ============================================================================ 整改台账 (rectification)

class RectificationConverter(Converter):
    KIND = "rectification"
    MODEL = Problem
    FIELDS = {"campaign": "自查活动", "item": "检查项", "description": "问题描述", "found_on": "发现日期",
              "cause": "原因分析", "measure": "整改措施", "responsible_name": "责任人", "kind": "整改类型",
              "deadline": "整改时限", "explanation": "原因分析", "completed_at": "完成日期",
              "verified_by": "销号人", "verified_at": "销号日期"}
    WRITES_WHILE_CHECKING = True  # new campaigns

    def start(self, rows: list[Row]) -> None:
        """Campaigns the file names but the program has not: made with the built-in 五查 template,
        spanning the dates of their problems (rolled back with everything else if a row is bad)."""
        self.campaigns = {c.name: c for c in Campaign.select().where(Campaign.voided_at.is_null())
                          .order_by(Campaign.id)}
        spans: dict[str, list[dt.date]] = {}
        for row in rows:
            name = " ".join(str(row.values.get("自查活动") or "").split())
            found = row.values.get("发现日期")
            if name and found and name not in self.campaigns and len(name) <= 100:
                spans.setdefault(name, []).append(found)
        template = None
        for name, days in spans.items():
            if template is None:
                inspection.ensure_builtin()
                template = inspection.builtin_template()
            self.campaigns[name] = Campaign.create(
                name=name, starts_on=min(days), ends_on=max(days), template=template, status="进行中",
                note="由台账导入", created_at=clock.now())
        self.items = {}
        self.item_names: dict[int, str] = {}
        for item in CheckItem.select(CheckItem.id, CheckItem.name, CheckItem.template):
            self.items.setdefault(item.template_id, {})[item.name] = item.id
            self.item_names[item.id] = item.name
        self.campaign_names = {c.id: name for name, c in self.campaigns.items()}

    def columns(self, payload: dict) -> tuple:
        return exporter.problem_columns(Problem(**payload), self.campaign_names[payload["campaign"]],
                                        self.item_names[payload["item"]])

    def prepare(self, v: dict):
        name = " ".join(str(v["自查活动"] or "").split())
        campaign = self.campaigns.get(name)
        item_id = None
        if campaign is not None:
            names = self.items.get(campaign.template_id, {})
            item_id = names.get(v["检查项"])
            if v["检查项"] and item_id is None:
                raise ValidationError("item", f"检查项“{v['检查项']}”不在活动“{name}”的检查模板中"
                                              f"（可选：{'、'.join(names)}）")
        kind = v["整改类型"]
        found_on = v["发现日期"]
        deadline = v["整改时限"]
        if deadline is None and found_on is not None and kind:
            deadline = inspection.default_deadline(kind, found_on)  # the register's own rule
        check = Checker()
        try:
            values = inspection.check_problem(inspection.ProblemInput(
                campaign_id=campaign.id if campaign else None, item_id=item_id, description=v["问题描述"],
                responsible_name=v["责任人"], kind=kind, deadline=deadline, found_on=found_on, cause=v["原因分析"],
                measure=v["整改措施"], explanation=v["原因分析"] if kind == "短期内不能解决" else ""))
        except ValidationError as exc:
            if "campaign" in exc.errors and not name:
                exc.errors["campaign"] = "请填写自查活动名称"
            raise
        now = clock.now()
        completed_at = closing(v["完成日期"])
        verified_at = closing(v["销号日期"])
        verifier = check.run("verified_by", clean_name, v["销号人"], "销号人", field="verified_by", max_len=30) or ""
        status = "未开始"
        if completed_at is not None:
            if not values["measure"]:
                check.add("measure", "已完成整改的问题须填写整改措施")
            if completed_at.date() < values["found_on"]:
                check.add("completed_at", "完成日期不能早于发现日期")
            elif clock.is_future(completed_at, now):
                check.add("completed_at", "完成日期不能晚于今天")
            status = "已完成"
        if verifier or verified_at is not None:
            if not verifier:
                check.add("verified_by", "填写了销号日期，请同时填写销号人")
            elif verified_at is None:
                check.add("verified_at", "填写了销号人，请同时填写销号日期")
            elif completed_at is None:
                check.add("completed_at", "整改完成后才能销号，请填写完成日期")
            elif inspection.same_person(verifier, values["responsible_name"]):
                check.add("verified_by", f"销号人不能是责任人本人（{values['responsible_name']}）")
            elif verified_at < completed_at and verified_at.date() < completed_at.date():
                check.add("verified_at", "销号日期不能早于完成日期")
            elif clock.is_future(verified_at, now):
                check.add("verified_at", "销号日期不能晚于今天")
            status = "已销号"
        check.raise_if_any()
        values.update(campaign=values["campaign"].id, item=values["item"].id,
                      point=values["point"].id if values["point"] else None, status=status,
                      started_at=completed_at, completed_at=completed_at,
                      verified_at=verified_at if verifier else None, verified_by=verifier,
                      verification="按台账销号（导入）" if verifier else "", created_at=now.replace(microsecond=0),
                      voided_at=None, void_reason="")
        return values


CONVERTERS: dict[str, type[Converter]] = {
    "duty": DutyConverter, "incoming": IncomingConverter, "outgoing": OutgoingConverter,
    "visitors": VisitorsConverter, "rectification": RectificationConverter,
}
