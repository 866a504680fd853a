"""公文流转 tab: both registers in one list — current step, holder, deadline, time left (amber when due
within one working day, red when overdue), urgings — with 待办 per person, and the selected document's
routing history (文件处理单) under the list.

The countdown repaints every 30 seconds without SQL (``touch_columns``); actions refresh the lists.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from xiaoneng_desktop.documents import service
from xiaoneng_desktop.documents.models import DIRECTIONS, INCOMING_STEPS, OUTGOING_STEPS, Document
from xiaoneng_desktop.ui.documents.dialogs import (
    ExtensionDialog,
    IncomingDialog,
    OutgoingDialog,
    StepDialog,
    UrgeDialog,
    describe,
)
from xiaoneng_desktop.ui.documents.document_table import COLUMNS, DUE_COLUMN, STATUS_COLUMN
from xiaoneng_desktop.ui.widgets.accountability import decide_pending
from xiaoneng_desktop.ui.widgets.columns import remember_splitter
from xiaoneng_desktop.ui.widgets.inputs import literal, push_button
from xiaoneng_desktop.ui.widgets.register_tab import RecordForm, RegisterSpec, RegisterTab, voided_title

ALL = "全部"


def _open_first() -> list:
    return [Document.closed_at.is_null(False) | Document.voided_at.is_null(False)]


SPEC = RegisterSpec(
    title="公文流转", thing="文件", measure="份",
    columns=COLUMNS, statuses=service.STATUSES, tick_columns=(DUE_COLUMN, STATUS_COLUMN),
    query=service.documents_query, get=service.get_document, void=service.void_document,
    day=lambda doc: doc.start_date,
    # open documents first, nearest deadline first
    default_sort=(DUE_COLUMN, Qt.SortOrder.AscendingOrder), order_prefix=_open_first,
    form=RecordForm("文件处理单", "document_slip", lambda doc: doc.number or doc.title[:20],
                    about="（含各环节意见、催办、延期）"),
    export_name="公文登记", ledger_kinds=("incoming", "outgoing"), void_text="作废…", permission="documents.write",
)


class DocumentsTab(RegisterTab):
    spec = SPEC

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.registrar = ""  # the last 登记人 typed: offered again in the next form

        self.incoming_button = push_button(self, "收文登记(&N)", self.new_record,
                                           tip="登记来文（Ctrl+N），自动编收文编号；Ctrl+Enter 保存")
        self.outgoing_button = push_button(self, "发文拟稿", self.new_outgoing, tip="登记拟发文稿；发文字号在“编号”环节按顺序给出")
        self.step_button = push_button(self, "办理(&D)…", lambda: self.do_step(self.selected_id()),
                                       tip="办理所选文件的当前环节（也可双击或按回车）")
        self.urge_button = push_button(self, "催办…", self.urge_selected)
        self.extend_button = push_button(self, "延期…", self.extend_selected)
        self.approve_button = push_button(self, "审批延期…", self.decide_selected, tip="批准或不同意所选文件的延期申请")
        # a leader writes his own 批办 / 签发 and decides 延期, without writing in the register otherwise
        self.step_button.setProperty("permission", "documents.write,instruct")
        self.approve_button.setProperty("permission", "extension.approve")
        buttons = self.buttons(self.incoming_button, self.outgoing_button, self.step_button, self.urge_button,
                               self.extend_button, self.approve_button)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")

        extra = QHBoxLayout()
        for text, widget in (("类别", self.direction), ("环节", self.step), ("待办人", self.holder)):
            extra.addWidget(QLabel(text, self))
            extra.addWidget(widget)
        extra.addWidget(self.overdue)
        extra.addStretch(1)
        extra.addWidget(self.summary_label)  # not in the button row: that row must fit 1024 px

        self.view.table.selectionModel().selectionChanged.connect(lambda *_: self.show_history())
        self.model.modelReset.connect(self.show_history)

        self.history = QTextBrowser(self)
        self.history.setObjectName("history")
        self.history.setOpenLinks(False)
        self.history.anchorClicked.connect(lambda url: self._history_link(url.toString()))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        remember_splitter(splitter, "公文流转/流转记录", [520, 180])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addLayout(extra)
        layout.addWidget(splitter, 1)
        self.update_summary()
        self.show_history()

    # --- what the shared filter bar does not have: direction, step, 待办 person, overdue only ---------

    def make_extra_filters(self) -> None:
        self.direction = QComboBox(self)
        self.direction.addItems([ALL, *DIRECTIONS])
        self.step = QComboBox(self)
        self.step.addItems([ALL, *dict.fromkeys(INCOMING_STEPS[1:] + OUTGOING_STEPS)])
        self.holder = QComboBox(self)
        self.holder.setMinimumContentsLength(12)
        self.holder.setToolTip("待办：只看某人手上的文件（括号内为件数和超时件数）")
        self.overdue = QCheckBox("只看超时", self)
        for combo in (self.direction, self.step, self.holder):
            combo.currentIndexChanged.connect(lambda *_: self.apply_filters())
        self.overdue.toggled.connect(lambda *_: self.apply_filters())

    def extra_filters(self) -> dict:
        direction = self.direction.currentText()
        step = self.step.currentText()
        return {"direction": "" if direction == ALL else direction, "step": "" if step == ALL else step,
                "holder": self.holder.currentData() or "", "overdue_only": self.overdue.isChecked()}

    def reset_extra_filters(self) -> None:
        for combo in (self.direction, self.step, self.holder):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.overdue.blockSignals(True)
        self.overdue.setChecked(False)
        self.overdue.blockSignals(False)
        self.apply_filters()

    def _fill_holders(self) -> None:
        current = self.holder.currentData()
        self.holder.blockSignals(True)
        self.holder.clear()
        self.holder.addItem(ALL, "")
        for name, count, late in service.todo_counts():
            self.holder.addItem(f"{name}（{count}" + (f"，超时{late}" if late else "") + "）", name)
        index = self.holder.findData(current) if current else 0
        self.holder.setCurrentIndex(max(index, 0))
        self.holder.blockSignals(False)
        if current and index < 0:
            self.apply_filters()

    # --- the register's hooks --------------------------------------------------------------------

    def update_summary(self) -> None:
        """The 待办 people with their counts, and the counts of open, due-soon and overdue documents."""
        self._fill_holders()
        open_count = service.documents_query(status="在办").count()
        overdue = service.documents_query(status="已超时").count()
        soon = service.documents_query(status="临近时限").count()
        parts = [f"在办 {open_count} 件"]
        if soon:
            parts.append(f'<span style="color:#e65100">临近时限 {soon} 件</span>')
        if overdue:
            parts.append(f'<span style="color:#c62828"><b>超时 {overdue} 件</b></span>')
        self.summary_label.setText("，".join(parts))

    def actor(self) -> str:
        return self.registrar

    def menu_actions(self):
        return [("办理…", lambda: self.do_step(self.selected_id()), "documents.write,instruct"),
                ("修改登记…", lambda: self.edit_registration(self.selected_id()), ""), ("催办…", self.urge_selected),
                ("延期…", self.extend_selected), ("审批延期…", self.decide_selected, "extension.approve")]

    def void_prompt(self, doc: Document) -> str | None:
        if doc.voided_at is not None:
            QMessageBox.information(self, "公文流转", literal(f"该文件已作废：{doc.void_reason}"))
            return None
        note = "已给出的发文字号不再使用。" if doc.direction == "发文" and doc.number else ""
        return f"作废后记录仍保留，并记入操作日志。{note}请填写作废原因："

    def show_found(self, doc: Document) -> StepDialog | None:
        """A document with nothing left to do is only selected: its routing history shows under the list."""
        self.show_history()
        if not doc.step or doc.voided_at is not None:
            return None
        return self.do_step(doc.id)

    def show_history(self) -> None:
        """The selected document's routing slip: every step with who, when and opinion; urgings; extensions."""
        doc_id = self.view.current_id()
        doc = self.find(doc_id) if doc_id is not None else None
        if doc is None:
            self.history.setHtml('<p style="color:#757575">选中一份文件，这里显示它的办理过程（文件处理单）。</p>')
            return
        e = html.escape
        head = f"<b>{e(doc.direction)} {e(doc.number or '（待编号）')}</b>　{e(doc.title)}"
        if doc.voided_at is None:  # the registration's fields: 修改 while open, 更正 once closed
            head += f'　<a href="edit">{"更正登记…" if doc.closed_at is not None else "修改登记…"}</a>'
        facts = [f"{e(doc.unit)} {e(doc.doc_number)}".strip(), f"{e(doc.kind)}", f"密级：{e(doc.secrecy)}"
                 + (f"（{e(doc.secrecy_term)}）" if doc.secrecy_term else ""), e(doc.urgency), f"{doc.copies}份",
                 f"办理时限：{doc.deadline:%Y-%m-%d}"]
        if doc.lead:
            facts.append(f"主办：{e(doc.lead)}" + (f"，协办：{e(doc.assist)}" if doc.assist else ""))
        rows = ["<tr><th>环节</th><th>办理人</th><th>时间</th><th>意见</th><th>交</th></tr>"]
        for step in service.steps(doc.id):
            late = step.deadline is not None and step.done_at > step.deadline
            when = f"{step.done_at:%Y-%m-%d %H:%M}" + (' <span style="color:#c62828">超时</span>' if late else "")
            rows.append(f"<tr><td>{e(step.step)}</td><td>{e(step.who)}</td><td>{when}</td>"
                        f"<td>{e(step.opinion)}</td><td>{e(step.handed_to)}</td></tr>")
        if doc.step and doc.voided_at is None:
            due = f"，时限 {doc.due:%Y-%m-%d %H:%M}" if doc.due else ""
            rows.append(f'<tr><td><b>{e(doc.step)}</b></td><td><b>{e(doc.holder)}</b></td>'
                        f'<td colspan="3">待办{due}</td></tr>')
        parts = [head, "<br>" + "　".join(f for f in facts if f),
                 '<table cellspacing="0" cellpadding="3" border="1" style="border-collapse:collapse">'
                 + "".join(rows) + "</table>"]
        urgings = service.urgings(doc.id)
        if urgings:
            parts.append("<b>催办</b>：" + "；".join(
                f"{u.urged_at:%m-%d %H:%M} {e(u.urged_by)}{e(u.way)}催办{e(u.holder)}"
                + (f"，答复：{e(u.answer)}" if u.answer else "") for u in urgings))
        extensions = service.extensions(doc.id)
        if extensions:
            state = {None: "待批准", True: "已批准", False: "未同意"}
            parts.append("<b>延期</b>：" + "；".join(
                f"{x.asked_at:%m-%d} {e(x.asked_by)}申请 {x.old_deadline:%m-%d} → {x.new_deadline:%m-%d}，"
                f"{e(x.reason)}（{state[x.approved]}{' ' + e(x.decided_by) if x.decided_by else ''}）"
                for x in extensions))
        if doc.voided_at is not None:
            parts.append(f'<span style="color:#9e9e9e">已作废：{e(doc.void_reason)}</span>')
        self.history.setHtml("<p>" + "</p><p>".join(parts) + "</p>")

    # --- actions ---------------------------------------------------------------------------------

    def _register(self, dialog: IncomingDialog | OutgoingDialog):
        """收文登记 / 发文拟稿: the 登记人 typed is offered again in the next form."""
        dialog.accepted.connect(
            lambda: setattr(self, "registrar", dialog.ui.registrar.currentText().strip() or self.registrar))
        return self.open_dialog(dialog)

    def new_record(self) -> IncomingDialog:
        return self._register(IncomingDialog(self.registrar, parent=self))

    def new_outgoing(self) -> OutgoingDialog:
        return self._register(OutgoingDialog(self.registrar, parent=self))

    def activate(self, doc_id: int | None) -> StepDialog | None:
        return self.do_step(doc_id)

    def _history_link(self, target: str) -> None:
        if target == "edit":
            self.edit_registration(self.view.current_id())

    def edit_registration(self, doc_id: int | None) -> IncomingDialog | OutgoingDialog | None:
        """修改登记 of the document: its registration form filled in; once it is 办结 the change is a 更正
        with a reason; a voided one is shown read-only (as is any to a role that only reads)."""
        doc = self.record(doc_id)
        if doc is None:
            return None
        correcting = doc.closed_at is not None and doc.voided_at is None
        dialog_class = IncomingDialog if doc.direction == "收文" else OutgoingDialog
        dialog = dialog_class(parent=self, doc=doc, correcting=correcting)
        what = "收文登记" if doc.direction == "收文" else "发文登记"
        return self.open_dialog(dialog, select=doc.id, read_only=voided_title(f"{what} {doc.number}".strip(), doc))

    def _selected_document(self, doc_id: int | None = None, *, open_only: bool = True) -> Document | None:
        doc = self.record(self.selected_id() if doc_id is None else doc_id)
        if doc is None:
            return None
        if doc.voided_at is not None:
            QMessageBox.information(self, "公文流转", literal(f"该文件已作废：{doc.void_reason}"))
            return None
        if open_only and doc.closed_at is not None:
            QMessageBox.information(self, "公文流转", "该文件已办结。")
            return None
        return doc

    def do_step(self, doc_id: int | None) -> StepDialog | None:
        doc = self._selected_document(doc_id, open_only=False)
        if doc is None:
            return None
        if not doc.step:
            QMessageBox.information(self, "公文流转", "该文件已归档，所有环节均已办完。")
            return None
        return self.open_dialog(StepDialog(doc, parent=self))

    def urge_selected(self) -> UrgeDialog | None:
        doc = self._selected_document()
        if doc is None:
            return None
        return self.open_dialog(UrgeDialog(doc, self.registrar, parent=self), select=doc.id)

    def decide_selected(self):
        """审批延期: the selected document's pending request, approved or refused by someone else."""
        return decide_pending(self, "document", self.selected_id(), describe)

    def extend_selected(self) -> ExtensionDialog | None:
        doc = self._selected_document()
        if doc is None:
            return None
        return self.open_dialog(ExtensionDialog(doc, parent=self), select=doc.id)
