"""Dialog layout (issue 14, 对话框): the inputs use the dialog's width, a person picker is wide enough to
read, a message shows under its own field and the form does not move when messages come and go, and the
save button says 保存 (or the act it really is), never 确定/提交."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QPlainTextEdit

from tests.ui import test_record_dialog
from tests.ui.test_record_dialog import DIALOGS
from xiaoneng_desktop.ui.widgets.accountability import AskExtensionDialog, DecideExtensionDialog
from xiaoneng_desktop.ui.widgets.record_dialog import PICKER_WIDTH

records = test_record_dialog.records  # the fixture: one saved record of every kind


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("name", ["urge", "extension", "extend", "incoming", "outgoing"])
def test_fields_take_the_width(qtbot, records, name):
    dialog = _open(qtbot, DIALOGS[name][0](records))
    grid = dialog.ui.grid
    labels = [grid.itemAt(i).widget() for i in range(grid.count())
              if grid.getItemPosition(i)[1] == 0 and grid.getItemPosition(i)[3] == 1
              and isinstance(grid.itemAt(i).widget(), QLabel)]
    widest_label = max(label.width() for label in labels)
    assert widest_label < dialog.width() / 3, "the label column takes no more than it needs"
    for combo in dialog.findChildren(QComboBox):
        if combo.isVisible() and combo.isEditable():
            assert combo.width() >= PICKER_WIDTH, combo.objectName()
    for box in dialog.findChildren(QPlainTextEdit):
        if box.isVisible():
            assert box.height() >= 3 * box.fontMetrics().lineSpacing(), box.objectName()


def test_urge_document_text_is_beside_its_label(qtbot, records):
    dialog = _open(qtbot, DIALOGS["urge"][0](records))
    assert dialog.ui.document_title.text() == "文件"
    assert "关于防汛工作的通知" in dialog.ui.document_label.text()
    assert dialog.ui.answer.width() > dialog.width() * 0.6


def test_next_holder_message_under_its_own_field_and_the_form_stays(qtbot, records):
    dialog = _open(qtbot, DIALOGS["incoming"][0](records))
    ui = dialog.ui
    before = {name: getattr(ui, name).geometry() for name in ("registrar", "next_holder", "opinion")}
    dialog.errors.show({"next_holder": "请填写拟办人"})
    qtbot.wait(20)
    error = ui.next_holder_error
    assert error.isVisible()
    assert error.geometry().top() > ui.next_holder.geometry().top()
    # starts in the 拟办人 half of the row, not under 登记人
    assert error.mapTo(dialog, error.rect().topLeft()).x() > ui.registrar.mapTo(dialog, ui.registrar.rect().center()).x()
    assert {name: getattr(ui, name).geometry() for name in before} == before, "the form did not move"
    dialog.errors.clear()
    qtbot.wait(20)
    assert {name: getattr(ui, name).geometry() for name in before} == before


@pytest.mark.parametrize("name", ["incoming", "outgoing", "new visit", "new call", "urge", "extension", "extend"])
def test_fits_1024_by_768(qtbot, records, name):
    dialog = DIALOGS[name][0](records)
    qtbot.addWidget(dialog)
    assert dialog.minimumSizeHint().height() <= 720
    assert dialog.height() <= 720 and dialog.width() <= 1000


def _accept_texts(dialog) -> set[str]:
    box = dialog.ui.button_box
    return {button.text() for button in box.buttons()
            if box.buttonRole(button) in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_one_vocabulary(qtbot, records, name):
    dialog = DIALOGS[name][0](records)
    qtbot.addWidget(dialog)
    texts = _accept_texts(dialog)
    assert texts and not texts & {"确定", "提交", "添加", "新增", "OK", "Save"}, texts
    cancel = dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is None or cancel.text() == "取消"


def test_extension_requests_say_submit_for_approval(qtbot, records):
    ask = AskExtensionDialog(records["doc"].id, dt.datetime(2026, 10, 20, 17, 0), lambda *a: None, "关于防汛工作的通知")
    qtbot.addWidget(ask)
    assert _accept_texts(ask) == {"提交审批"}
    document = DIALOGS["extension"][0](records)
    qtbot.addWidget(document)
    assert _accept_texts(document) == {"提交审批"}
    assert _accept_texts(DIALOGS["extend"][0](records)) == {"保存"}


def test_decide_dialog_saves(qtbot, records, clock):
    from xiaoneng_desktop.core import extensions

    documents_service = __import__("xiaoneng_desktop.documents.service", fromlist=["ask_extension"])
    doc = records["doc"]
    documents_service.ask_extension(doc.id, (doc.due or doc.deadline).date() + dt.timedelta(days=3), "材料多")
    dialog = DecideExtensionDialog(extensions.pending("document", doc.id)[0], "收文")
    qtbot.addWidget(dialog)
    assert _accept_texts(dialog) == {"保存"}


@pytest.mark.parametrize("name, left, right", [("incoming", "start_date", "kind"), ("incoming", "urgency", "copies"),
                                               ("outgoing", "unit", "drafter"), ("outgoing", "start_date", "code")])
def test_messages_of_one_row_sit_side_by_side(qtbot, records, name, left, right):
    """Two inputs on one line have their messages on one line, each under its own input: no stacked empty bands."""
    dialog = _open(qtbot, DIALOGS[name][0](records))
    ui = dialog.ui
    dialog.errors.show({left: "错误一", right: "错误二"})
    qtbot.wait(20)
    first, second = getattr(ui, f"{left}_error"), getattr(ui, f"{right}_error")
    assert first.isVisible() and second.isVisible()
    assert first.mapTo(dialog, first.rect().topLeft()).y() == second.mapTo(dialog, second.rect().topLeft()).y()
    assert second.mapTo(dialog, second.rect().topLeft()).x() > first.mapTo(dialog, first.rect().topLeft()).x()
