"""公文流转 entry dialogs: 收文登记, 发文拟稿 (also 修改登记 / 更正 of a registered one), 办理 (one step), 催办,
延期.

Each is a RecordDialog on a compiled Designer form: a ValidationError shows its messages under the fields
and the dialog stays open with what was typed; Ctrl+Enter saves. A mistyped 文号 gets a button “改为 …” with the
corrected form — the user decides, nothing is changed silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QWidget

from xiaoneng_desktop.core import clock, people, workdays
from xiaoneng_desktop.core.models import DeadlineExtension
from xiaoneng_desktop.documents import service
from xiaoneng_desktop.documents.models import (
    CLOSING_STEP,
    INCOMING,
    KINDS,
    SECRECY,
    URGE_WAYS,
    URGENCY,
    Document,
    Urging,
)
from xiaoneng_desktop.documents.service import IncomingInput, OutgoingInput, StepInput
from xiaoneng_desktop.ui.forms.ui_extension_dialog import Ui_ExtensionDialog
from xiaoneng_desktop.ui.forms.ui_incoming_dialog import Ui_IncomingDialog
from xiaoneng_desktop.ui.forms.ui_outgoing_dialog import Ui_OutgoingDialog
from xiaoneng_desktop.ui.forms.ui_step_dialog import Ui_StepDialog
from xiaoneng_desktop.ui.forms.ui_urge_dialog import Ui_UrgeDialog
from xiaoneng_desktop.ui.widgets.accountability import add_correct_reason, add_late_reason
from xiaoneng_desktop.ui.widgets.inputs import (
    fill_names,
    from_qdate,
    from_qdatetime,
    tab_leaves,
    to_qdate,
    to_qdatetime,
)
from xiaoneng_desktop.ui.widgets.record_dialog import RecordDialog


def describe(doc: Document) -> str:
    number = doc.number or "（未编号）"
    source = f"{doc.unit} {doc.doc_number}".strip()
    return f"{doc.direction} {number}　{doc.title}" + (f"\n{source}" if source else "")


class _RegisterDialog(RecordDialog):
    """What 收文 and 发文 forms share: 密级/保密期限, 紧急程度, the time limit shown or typed; and
    修改登记 of a registered document (``doc``), a 更正 with a reason once it is closed (``correcting``):
    the number, the date, the 办理时限 (only by 延期) and who did the steps are shown, not edited."""

    direction = INCOMING
    doc: Document | None = None
    conflict_labels = service.LABELS

    def _editing(self, doc: Document | None, correcting: bool, what: str) -> None:
        """Open ``doc``'s registration: the title, the read-only number and parts, the reason of a 更正."""
        self.doc = doc
        self.doc_id = doc.id if doc is not None else None
        self.expected_version = doc.version if doc is not None else None
        self.correcting = correcting
        if doc is None:
            return
        number = doc.number or "（待编号）"
        ui = self.ui
        label = QLabel("收文编号" if doc.direction == INCOMING else "发文字号", self)
        shown = QLabel(number, self)
        shown.setObjectName("number")
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setToolTip("编号登记后不再改变")
        ui.number = shown
        row = ui.grid.rowCount()
        ui.grid.addWidget(label, row, 0)
        ui.grid.addWidget(shown, row, 1)
        if correcting:
            add_correct_reason(self, f"更正{what} — {number}")
        else:
            self.setWindowTitle(f"修改{what} — {number}")
        # the buttons stay at the bottom, under the rows added here
        ui.grid.removeWidget(ui.button_box)
        ui.grid.addWidget(ui.button_box, ui.grid.rowCount(), 0, 1, 2)

    def _fill_registration(self, doc: Document) -> None:
        ui = self.ui
        ui.start_date.setDate(to_qdate(doc.start_date))
        ui.start_date.setEnabled(False)
        ui.start_date.setToolTip("登记后日期不能修改（办理时限已按它确定）")
        for combo, value in ((ui.kind, doc.kind), (ui.secrecy, doc.secrecy), (ui.urgency, doc.urgency)):
            if combo.findText(value) < 0:  # not on the list (an old ledger): shown as stored, never replaced
                combo.addItem(value)
            combo.setCurrentText(value)
        ui.title.setText(doc.title)
        ui.unit.setText(doc.unit)
        ui.secrecy_term.setText(doc.secrecy_term)
        ui.copies.setValue(doc.copies)
        ui.registrar.setCurrentText(doc.registrar)
        ui.registrar.setEnabled(False)
        ui.deadline_typed.setChecked(False)
        ui.deadline_typed.setEnabled(False)
        self._update_deadline()

    def _fit(self) -> None:
        """No gaps where the rows not shown in 修改登记 were."""
        if self.doc is not None:
            self.resize(self.width(), self.sizeHint().height())

    def _common_setup(self) -> None:
        ui = self.ui
        ui.kind.addItems(KINDS)
        ui.kind.setCurrentText(service.default_kind())  # a setting: 通知, the common one
        ui.secrecy.addItems(SECRECY)
        ui.urgency.addItems(URGENCY)
        today = clock.today()
        ui.start_date.setDate(to_qdate(today))
        ui.start_date.setMaximumDate(to_qdate(today))
        ui.deadline.setDate(to_qdate(today))
        ui.secrecy.currentTextChanged.connect(self._secrecy_changed)
        for signal in (ui.deadline_typed.toggled, ui.urgency.currentTextChanged, ui.kind.currentTextChanged,
                       ui.start_date.dateChanged):
            signal.connect(self._update_deadline)
        self._secrecy_changed(ui.secrecy.currentText())

    def _secrecy_changed(self, secrecy: str) -> None:
        self.ui.secrecy_term.setEnabled(secrecy != "无")

    def _consult(self) -> bool:
        return False

    def _update_deadline(self, *_args) -> None:
        ui = self.ui
        if self.doc is not None:  # fixed at registration: it moves only by 延期
            ui.deadline.setDate(to_qdate(self.doc.deadline.date()))
            ui.deadline.setEnabled(False)
            ui.deadline_hint.setText("登记时已确定，如需变更请申请延期")
            return
        typed = ui.deadline_typed.isChecked()
        ui.deadline.setEnabled(typed)
        start = from_qdate(ui.start_date.date())
        limit = service.item_limit(self.direction, ui.kind.currentText(), ui.urgency.currentText(), self._consult())
        if not typed:
            ui.deadline.setDate(to_qdate(service.deadline_for(self.direction, ui.kind.currentText(),
                                                              ui.urgency.currentText(), start, self._consult())))
        ui.deadline_hint.setText("当个工作日内" if limit == 0 else f"{limit} 个工作日")

    def _deadline(self) -> dt.date | None:
        return from_qdate(self.ui.deadline.date()) if self.ui.deadline_typed.isChecked() else None

    def _save_registration(self, create: Callable[[], Document]) -> Document:
        if self.doc_id is None:
            return create()
        if self.correcting:
            return service.correct_document(self.doc_id, self.data(), self.ui.correct_reason.text(),
                                            expected_version=self.expected_version)
        return service.update_document(self.doc_id, self.data(), expected_version=self.expected_version)


class IncomingDialog(_RegisterDialog):
    """收文登记: ``saved_id`` holds the new document after Save. With ``doc``: 修改登记 (更正 when
    ``correcting``) of that 收文."""

    form_class = Ui_IncomingDialog
    fields = ("start_date", "kind", "unit", "doc_number", "title", "secrecy", "secrecy_term", "urgency", "copies",
              "deadline", "registrar", "next_holder", "opinion")

    def __init__(self, registrar: str = "", parent: QWidget | None = None, doc: Document | None = None,
                 correcting: bool = False):
        super().__init__(parent)
        ui = self.ui
        self.setWindowTitle("收文登记")
        self._editing(doc, correcting, "收文登记")
        names = people.person_names()
        fill_names(ui.registrar, names, registrar)
        fill_names(ui.next_holder, names)
        self._common_setup()
        ui.doc_number_fix.hide()
        ui.doc_number_fix.clicked.connect(self.apply_fix)
        ui.doc_number.textChanged.connect(self._doc_number_typed)
        if doc is not None:
            self._fill_registration(doc)
            ui.doc_number.setText(doc.doc_number)
            for part in (ui.next_holder_label, ui.next_holder, ui.opinion_label, ui.opinion):
                part.hide()  # the steps are not edited here
        self._update_deadline()
        tab_leaves(self, ui.start_date, ui.deadline)
        self._fit()
        (ui.title if doc is not None else ui.unit).setFocus()

    def data(self) -> IncomingInput:
        ui = self.ui
        return IncomingInput(
            start_date=from_qdate(ui.start_date.date()), unit=ui.unit.text(), title=ui.title.text(),
            kind=ui.kind.currentText(), registrar=ui.registrar.currentText(),
            next_holder=ui.next_holder.currentText(), doc_number=ui.doc_number.text(),
            secrecy=ui.secrecy.currentText(), secrecy_term=ui.secrecy_term.text(),
            urgency=ui.urgency.currentText(), copies=ui.copies.value(), deadline=self._deadline(),
            opinion=ui.opinion.toPlainText())

    def submit(self) -> Document:
        return self._save_registration(lambda: service.register_incoming(self.data()))

    def _doc_number_typed(self, text: str) -> None:
        """A 文号 unlike the standard form gets a hint and, when the likely one is clear, a 改为 button;
        it is saved as typed (the original may well be printed so)."""
        ui = self.ui
        hint = service.doc_number_hint(text)
        suggestion = service.suggest_doc_number(text) if hint else None
        ui.doc_number.setToolTip(hint)
        ui.doc_number_fix.setVisible(bool(suggestion))
        if suggestion:
            ui.doc_number_fix.setText(f"改为 {suggestion}")
            ui.doc_number_fix.setToolTip(hint)
            ui.doc_number_fix.setProperty("suggestion", suggestion)

    def apply_fix(self) -> None:
        """The user accepted the offered correction of the 文号."""
        suggestion = self.ui.doc_number_fix.property("suggestion")
        if suggestion:
            self.ui.doc_number.setText(suggestion)
            self.ui.doc_number.setFocus()


class OutgoingDialog(_RegisterDialog):
    """发文拟稿: the draft is registered with its 拟稿人 and 代字; the 字号 comes at 编号. With ``doc``:
    修改登记 (更正 when ``correcting``); the 代字 until numbered, the 会签单位 until 会签."""

    direction = "发文"
    form_class = Ui_OutgoingDialog
    fields = ("start_date", "kind", "code", "title", "unit", "drafter", "cosign_units", "secrecy", "secrecy_term",
              "urgency", "copies", "deadline", "registrar")

    def __init__(self, registrar: str = "", parent: QWidget | None = None, doc: Document | None = None,
                 correcting: bool = False):
        super().__init__(parent)
        ui = self.ui
        self.setWindowTitle("发文拟稿")
        self._editing(doc, correcting, "发文登记")
        names = people.person_names()
        fill_names(ui.registrar, names, registrar)
        fill_names(ui.drafter, names)
        ui.code.addItems(service.codes())
        self._common_setup()
        ui.cosign_units.textChanged.connect(self._update_deadline)
        if doc is not None:
            self._fill_registration(doc)
            if ui.code.findText(doc.code) < 0:  # a 代字 since taken off the settings: the record keeps it
                ui.code.addItem(doc.code)
            ui.code.setCurrentText(doc.code)
            ui.code.setEnabled(not doc.number)
            if doc.number:
                ui.code.setToolTip("已编发文字号，机关代字不能再改")
            ui.cosign_units.setText(doc.cosign_units)
            ui.cosign_units.setEnabled(service.cosign_editable(doc))
            if not service.cosign_editable(doc):
                ui.cosign_units.setToolTip("已过会签环节，会签单位不能再修改")
            drafted = next((s.who for s in service.steps(doc.id) if s.step == "拟稿"), doc.holder)
            ui.drafter.setCurrentText(drafted)
            ui.drafter.setEnabled(False)
        self._update_deadline()
        tab_leaves(self, ui.start_date, ui.deadline)
        self._fit()
        ui.title.setFocus()

    def _consult(self) -> bool:
        return bool(self.ui.cosign_units.text().strip())

    def data(self) -> OutgoingInput:
        ui = self.ui
        return OutgoingInput(
            start_date=from_qdate(ui.start_date.date()), title=ui.title.text(), kind=ui.kind.currentText(),
            code=ui.code.currentText(), unit=ui.unit.text(), drafter=ui.drafter.currentText(),
            registrar=ui.registrar.currentText(), secrecy=ui.secrecy.currentText(),
            secrecy_term=ui.secrecy_term.text(), urgency=ui.urgency.currentText(), copies=ui.copies.value(),
            cosign_units=ui.cosign_units.text(), deadline=self._deadline())

    def submit(self) -> Document:
        return self._save_registration(lambda: service.start_outgoing(self.data()))


#: Which optional rows a step shows.
_STEP_ROWS = {"批办": ("lead", "assist", "circulate_to"), "承办": ("circulate_to",), "核稿": ("cosign_units",),
              "编号": ("code",)}
_ALL_ROWS = ("lead", "assist", "circulate_to", "cosign_units", "code")


class StepDialog(RecordDialog):
    """办理 the document's current step: who, when, opinion, and to whom it goes next."""

    form_class = Ui_StepDialog
    permission = "documents.write,instruct"  # a leader opens it for his 批办 / 签发 (the service checks the step)
    fields = {"step": "document_label"} | {f: f for f in (
        "who", "done_at", "opinion", "lead", "assist", "circulate_to", "cosign_units", "code", "next_holder")}

    def __init__(self, doc: Document, who: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        ui = self.ui
        self.doc_id, self.step = doc.id, doc.step
        self.doc = doc
        self.setWindowTitle(f"办理：{doc.step}")
        ui.document_label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names are typed
        ui.document_label.setText(describe(doc))
        names = people.person_names()
        fill_names(ui.who, names, who or doc.holder)
        fill_names(ui.lead, names)
        fill_names(ui.next_holder, names)
        ui.done_at.setDateTime(to_qdatetime(clock.now()))
        ui.cosign_units.setText(doc.cosign_units)
        ui.circulate_to.setText(doc.circulate_to)
        ui.assist.setText(doc.assist)
        ui.code.addItems(service.codes())
        if doc.code:
            ui.code.setCurrentText(doc.code)
        shown = _STEP_ROWS.get(doc.step, ())
        for row in _ALL_ROWS:
            for part in (row + "_label", row):
                getattr(ui, part).setVisible(row in shown)
        ui.number_preview.setVisible("code" in shown)
        ui.code.currentTextChanged.connect(self._preview_number)
        ui.done_at.dateTimeChanged.connect(self._preview_number)
        for signal in (ui.circulate_to.textChanged, ui.cosign_units.textChanged, ui.lead.currentTextChanged):
            signal.connect(self._update_next)
        self._update_next()
        self._preview_number()
        tab_leaves(self, ui.done_at)
        if doc.step == CLOSING_STEP[doc.direction]:  # 办结 entered long after it is 补记
            add_late_reason(self)
        self.resize(self.width(), self.sizeHint().height())  # no gaps where the hidden rows were
        ui.opinion.setFocus()

    def _following(self) -> str:
        probe = Document(direction=self.doc.direction, cosign_units=self.ui.cosign_units.text().strip(),
                         circulate_to=self.ui.circulate_to.text().strip())
        return service.next_step(probe, self.step)

    def _update_next(self, *_args) -> None:
        ui = self.ui
        following = self._following()
        automatic = following in ("承办", "办结") and (self.doc.lead or self.step == "批办")
        ui.next_holder.setEnabled(bool(following) and not automatic)
        if not following:
            ui.next_step_label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names are typed
            ui.next_step_label.setText("全部环节办完")
        elif automatic:
            lead = self.doc.lead or ui.lead.currentText().strip()
            ui.next_step_label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names are typed
            ui.next_step_label.setText(f"下一环节：{following}（由主办{lead or ''}办理）")
        else:
            ui.next_step_label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names are typed
            ui.next_step_label.setText(f"下一环节：{following}"
                                       + ("（留空则交登记人）" if following in ("传阅", "编号", "印发", "归档") else ""))

    def _number_now(self) -> str:
        """The 发文字号 this 编号 would give if saved now ("" without a 代字)."""
        code = self.ui.code.currentText().strip()
        if not code:
            return ""
        return service.peek_number(code, from_qdatetime(self.ui.done_at.dateTime()).year)

    def _preview_number(self, *_args) -> None:
        number = self._number_now() if self.step == "编号" else ""
        self.ui.number_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.number_preview.setText(f"将编为 {number}（保存时确认；作废的字号不再使用）" if number
                                       else "确定后按顺序取下一个字号（作废的字号不再使用）")

    def save(self) -> bool:
        """编号: show the 发文字号 it will give and ask first; the number itself is taken in the
        transaction, so if another PC took it meanwhile the next free one is given — and said."""
        if self.step != "编号" or not (expected := self._number_now()):
            return super().save()
        box = QMessageBox(QMessageBox.Icon.Question, "确认编号",
                          f"将编发文字号：{expected}", QMessageBox.StandardButton.NoButton, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("编号后字号不能更改，确定编号吗？")
        yes = box.addButton("编号", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.exec()
        if box.clickedButton() is not yes:
            return False
        if not super().save():
            return False
        given = getattr(self.saved, "number", "")
        if given and given != expected:
            QMessageBox.information(self.parentWidget() or self, "编号",
                                    f"{expected} 已被其他电脑先行取用，本文编为 {given}。")
        return True

    def data(self) -> StepInput:
        ui = self.ui
        return StepInput(
            step=self.step, who=ui.who.currentText(), opinion=ui.opinion.toPlainText(),
            next_holder=ui.next_holder.currentText() if ui.next_holder.isEnabled() else "",
            done_at=from_qdatetime(ui.done_at.dateTime()), lead=ui.lead.currentText(), assist=ui.assist.text(),
            circulate_to=ui.circulate_to.text(), cosign_units=ui.cosign_units.text(), code=ui.code.currentText(),
            late_reason=ui.late_reason.text() if hasattr(ui, "late_reason") else "")

    def submit(self) -> Document:
        return service.advance(self.doc_id, self.data())


class UrgeDialog(RecordDialog):
    form_class = Ui_UrgeDialog
    fields = ("urged_by", "way", "answer")

    def __init__(self, doc: Document, urged_by: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        ui = self.ui
        self.doc_id = doc.id
        self.setWindowTitle(f"催办：{doc.holder}（{doc.step}）")
        ui.document_label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names are typed
        ui.document_label.setText(describe(doc) + f"\n现由 {doc.holder} 办理“{doc.step}”")
        fill_names(ui.urged_by, people.person_names(), urged_by)
        ui.way.addItems(URGE_WAYS)
        ui.answer.setFocus()

    def submit(self) -> Urging:
        ui = self.ui
        return service.urge(self.doc_id, ui.urged_by.currentText(), ui.way.currentText(), ui.answer.toPlainText())


class ExtensionDialog(RecordDialog):
    form_class = Ui_ExtensionDialog
    fields = ("new_date", "reason", "asked_by", "approved_by")

    def __init__(self, doc: Document, asked_by: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        ui = self.ui
        self.doc_id = doc.id
        self.setWindowTitle("申请延期")
        current = doc.due or doc.deadline
        ui.document_label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names are typed
        ui.document_label.setText(describe(doc) + f"\n现在的时限：{current:%Y-%m-%d}")
        ui.new_date.setDate(to_qdate(workdays.add_workdays(current.date(), 1)))
        # the asker is the signed-in user; someone else approves (审批延期), never typed here
        for name in ("asked_by", "approved_by"):
            for part in (name, f"{name}_label"):
                if hasattr(ui, part):
                    getattr(ui, part).setVisible(False)
        ui.button_box.button(QDialogButtonBox.StandardButton.Save).setText("提交审批")
        ui.reason.setFocus()

    def submit(self) -> DeadlineExtension:
        ui = self.ui
        return service.ask_extension(self.doc_id, from_qdate(ui.new_date.date()), ui.reason.text())
