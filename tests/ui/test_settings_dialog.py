"""单位设置, driven offscreen as a person would: type, click OK, then look in the data file."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
)

from xiaoneng_desktop.core import settings
from xiaoneng_desktop.core.models import Setting
from xiaoneng_desktop.ui.admin.settings_dialog import SettingsDialog

# The offscreen platform says this for every window shown; it is not our concern.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """A modal box would hang an offscreen test; none is expected, so any is a failure."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected QMessageBox: {args[1:3]}")
    for name in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def extra_settings():
    """Settings a register might add later; the dialog must show them without being edited."""
    added = [
        settings.define("test.limit", "测试办理时限", 5, "测试", unit="工作日", minimum=1, maximum=30,
                        help="测试用的整数设置"),
        settings.define("test.footer", "测试落款", "××县人民政府办公室\n（印章）", "测试",
                        help="测试用的多行文字"),
    ]
    yield added
    for definition in added:
        settings._DEFINITIONS.pop(definition.key, None)


@pytest.fixture
def dialog(qtbot, database, clock, extra_settings):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot, widget, text: str) -> None:
    """Type as a person does: ASCII key by key, Chinese as an input method commits it
    (QTest.keyClicks handles ASCII only)."""
    widget.setFocus()
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def _button(dialog, which):
    return dialog.button_box.button(which)


def _replace_number(qtbot, spin: QSpinBox, digits: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, digits)


def _stored() -> dict[str, str]:
    return {row.key: row.value for row in Setting.select()}


def test_one_tab_per_group_with_every_definition(dialog):
    assert dialog.windowTitle() == "单位设置"
    tabs: QTabWidget = dialog.tabs
    groups = [tabs.tabText(i) for i in range(tabs.count())]
    assert groups == list(dict.fromkeys(d.group for d in settings.definitions()))
    assert {"单位", "测试"} <= set(groups)
    for definition in settings.definitions():
        assert dialog.editor(definition.key) is not None

    limit = dialog.editor("test.limit")
    assert isinstance(limit, QSpinBox)
    assert (limit.minimum(), limit.maximum(), limit.suffix(), limit.value()) == (1, 30, " 工作日", 5)
    assert limit.toolTip() == "测试用的整数设置"
    assert isinstance(dialog.editor("office.name"), QLineEdit)
    assert dialog.editor("office.name").text() == settings.get("office.name")
    footer = dialog.editor("test.footer")
    assert isinstance(footer, QPlainTextEdit)
    assert footer.toPlainText() == "××县人民政府办公室\n（印章）"
    assert not any(label.isVisible() for label in dialog.error_labels.values())


def test_ok_saves_what_was_typed(qtbot, dialog):
    name = dialog.editor("office.name")
    name.selectAll()
    type_into(qtbot, name, "某某县人民政府办公室")
    _replace_number(qtbot, dialog.editor("test.limit"), "12")
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings.get("office.name") == "某某县人民政府办公室"
    assert settings.get("test.limit") == 12
    # Untouched settings are not written, so they keep following the program's defaults.
    assert "test.footer" not in _stored()


def test_an_empty_required_text_is_shown_at_its_field_and_nothing_is_saved(qtbot, dialog):
    _replace_number(qtbot, dialog.editor("test.limit"), "20")
    dialog.tabs.setCurrentIndex(1)
    name = dialog.editor("office.name")
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    type_into(qtbot, name, "   ")
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    error = dialog.error_label("office.name")
    assert error.isVisible()
    assert error.text() == "单位名称不能为空"
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "单位"  # the tab with the error is shown
    assert not dialog.error_label("test.limit").isVisible()
    assert name.text() == "   "
    assert dialog.editor("test.limit").value() == 20  # what was typed stays
    assert _stored() == {}

    # Fix the field and save again from the same dialog.
    type_into(qtbot, name, "某某县政府办")
    assert not error.isVisible()
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert settings.get("office.name") == "某某县政府办"
    assert settings.get("test.limit") == 20


def test_a_spin_box_refuses_letters_and_numbers_out_of_range(qtbot, dialog):
    limit = dialog.editor("test.limit")
    _replace_number(qtbot, limit, "abc")
    assert limit.value() == 5
    _replace_number(qtbot, limit, "99")
    assert limit.value() <= 30
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert 1 <= settings.get("test.limit") <= 30


def test_too_long_text_is_refused_at_the_field(qtbot, dialog):
    footer = dialog.editor("test.footer")
    footer.selectAll()
    type_into(qtbot, footer, "字" * 201)
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label("test.footer").text() == "测试落款不能超过 200 个字"
    assert _stored() == {}


def test_restore_defaults_then_ok(qtbot, dialog):
    settings.save_all({"office.name": "旧名称", "test.limit": 9})
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.editor("office.name").text() == "旧名称"
    assert dialog.editor("test.limit").value() == 9
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.editor("office.name").text() == "××县人民政府办公室"
    assert dialog.editor("test.limit").value() == 5
    assert settings.get("test.limit") == 9  # nothing is saved before OK
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert settings.get("office.name") == "××县人民政府办公室"
    assert settings.get("test.limit") == 5


def test_cancel_saves_nothing(qtbot, dialog):
    _replace_number(qtbot, dialog.editor("test.limit"), "7")
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _stored() == {}


def test_buttons_read_in_chinese(dialog):
    texts = {button.text() for button in dialog.button_box.buttons()}
    assert texts == {"保存", "取消", "恢复默认"}


def test_the_backup_folder_is_chosen_with_a_folder_dialog(qtbot, database, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    editor = dialog.findChild(QLineEdit, "setting:backup.folder")
    assert "备份" in editor.placeholderText()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    qtbot.mouseClick(dialog.findChild(QPushButton, "choose:backup.folder"), Qt.MouseButton.LeftButton)
    assert editor.text() == str(tmp_path)
    dialog.accept()
    assert settings.get("backup.folder") == str(tmp_path)


def test_a_list_setting_is_edited_line_by_line_and_an_import_then_accepts_the_value(qtbot, dialog, tmp_path):
    from tests.ledger.samples import ROWS
    from xiaoneng_desktop.ledger import exporter, importer
    from xiaoneng_desktop.ui.admin.settings_dialog import ListEditor
    from xiaoneng_desktop.visitors.models import SUBJECT_LIST, SUBJECTS

    rows = [list(r) for r in ROWS["visitors"]]
    rows[0][7] = "城建"
    path = tmp_path / "visits.xlsx"
    exporter.write_template("visitors", path)
    import openpyxl

    book = openpyxl.load_workbook(path)
    for row in rows:
        book.worksheets[0].append(row)
    book.save(path)
    assert "“问题类别”没有“城建”这一项" in importer.import_file("visitors", path).errors[0].reason

    editor = dialog.editor(SUBJECT_LIST.key)
    assert isinstance(editor, ListEditor) and editor.values() == list(SUBJECTS)
    type_into(qtbot, editor.new_value, "城建")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.values()[-1] == "城建"
    editor.list.setCurrentRow(0)  # 城乡建设 down one line, then 其他 removed
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert editor.values()[:2] == ["农村农业", "城乡建设"]
    editor.list.setCurrentRow(editor.values().index("其他"))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_button(dialog, QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert SUBJECT_LIST.values() == ["农村农业", "城乡建设", *SUBJECTS[2:-1], "城建"]
    assert importer.import_file("visitors", path).ok
