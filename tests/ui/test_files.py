"""Where files go (ui/widgets/files.py): every save dialog starts in the last folder used, else 文档;
names carry the date or month; nothing is replaced silently; after writing, 打开文件 / 打开所在文件夹."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.service import CallInput
from xiaoneng_desktop.ui.widgets import files
from xiaoneng_desktop.ui.widgets.filter_bar import Filters


@pytest.fixture
def dialogs(monkeypatch):
    """Every save dialog's suggested path lands in ``asked``; it returns ``answer[0]`` (a path or "")."""
    asked: list[str] = []
    answer = [""]

    def save(parent, title, path, filters):
        asked.append(path)
        return answer[0], filters

    monkeypatch.setattr(files.QFileDialog, "getSaveFileName", save)
    # a register's 导出Excel… first asks list or ledger (tests/ui/test_export_lists.py): the list here
    from xiaoneng_desktop.ui.widgets import export

    monkeypatch.setattr(export, "ask_export_choice", lambda *args: 0)
    return asked, answer


def test_names_carry_the_day_or_the_month_and_no_word_twice(clock):
    assert files.dated_name("来访登记", ".xlsx") == "来访登记_2026-10-09.xlsx"
    assert files.dated_name("整改台账", "xlsx", day=dt.date(2026, 12, 2)) == "整改台账_2026-12-02.xlsx"
    assert files.dated_name("值班记录", ".xlsx", month=(2026, 10)) == "值班记录_2026-10.xlsx"
    assert files.dated_name('a/b:c*?"<>|', ".pdf", day=dt.date(2026, 1, 5)) == "a-b-c_2026-01-05.pdf"
    october = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert files.period_name("值班记录", ".xlsx", *october) == "值班记录_2026-10.xlsx"
    assert files.period_name("值班记录", ".xlsx", dt.date(2026, 2, 1), dt.date(2026, 2, 28)) == "值班记录_2026-02.xlsx"
    assert files.period_name("来访登记", ".xlsx", dt.date(2026, 12, 2), dt.date(2026, 12, 2)) == \
        "来访登记_2026-12-02.xlsx"
    assert files.period_name("来访登记", ".xlsx", dt.date(2026, 10, 1), dt.date(2026, 10, 30)) == \
        "来访登记_2026-10-09.xlsx"  # not a whole month: today
    assert files.period_name("来访登记", ".xlsx", None, None) == "来访登记_2026-10-09.xlsx"


def test_a_register_export_starts_in_documents_with_a_dated_name_then_remembers(qtbot, database, clock, tmp_path,
                                                                               dialogs, opened):
    from xiaoneng_desktop.ui.inspection.tab import InspectionTab

    asked, answer = dialogs
    tab = InspectionTab()
    qtbot.addWidget(tab)
    answer[0] = ""  # cancelled: nothing written, nothing remembered
    assert tab.export_excel() is None
    documents = Path(files.documents_location())
    assert asked == [str(documents / "整改台账_2026-10-09.xlsx")] and documents.is_dir()
    folder = tmp_path / "导出"
    folder.mkdir()
    answer[0] = str(folder / "整改")
    task = tab.export_excel()
    qtbot.waitUntil(lambda: tab.view.export_task is None, timeout=20_000)
    assert task is not None and (folder / "整改.xlsx").exists()  # the extension added
    box = tab.view.findChild(QMessageBox, "written_box")
    assert "整改.xlsx" in box.text()
    buttons = {b.text(): b for b in box.buttons()}
    assert set(buttons) == {"打开文件", "打开所在文件夹", "关闭"}
    qtbot.mouseClick(buttons["打开文件"], Qt.MouseButton.LeftButton)
    assert opened == [str(folder / "整改.xlsx")]
    answer[0] = str(folder / "再次.xlsx")
    tab.export_excel()
    qtbot.waitUntil(lambda: tab.view.export_task is None, timeout=20_000)
    assert asked[-1] == str(folder / "整改台账_2026-10-09.xlsx")  # the folder used last


def test_a_list_filtered_to_one_month_is_named_by_the_month(qtbot, database, clock, dialogs):
    from xiaoneng_desktop.ui.duty.tab import DutyTab

    asked, _answer = dialogs
    duty.create_call(CallInput(received_at=dt.datetime(2026, 10, 8, 8, 0), category="一般事项", summary="会议",
                               officer_name="王值班"))
    tab = DutyTab()
    qtbot.addWidget(tab)
    tab.view.filter_bar.set_filters(Filters(date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 10, 31)))
    tab.view.filter_bar.apply()
    tab.export_excel()
    assert Path(asked[-1]).name == f"{tab.view.export_name}_2026-10.xlsx"
    tab.roster.month.setDate(QDate(2026, 11, 1))
    tab.roster.export_excel()
    assert Path(asked[-1]).name == "值班表_2026-11.xlsx"


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    files.remember(gone / "x.xlsx")
    assert files.start_folder() == gone
    gone.rmdir()
    assert files.start_folder() == Path(files.documents_location())


def test_a_name_given_without_its_extension_is_not_replaced_without_asking(qtbot, tmp_path, dialogs, monkeypatch):
    asked, answer = dialogs
    (tmp_path / "台账.xlsx").write_text("old")
    answer[0] = str(tmp_path / "台账")  # Qt asked about "台账", which does not exist
    questions = []
    monkeypatch.setattr(files, "confirm_overwrite", lambda parent, title, paths: questions.append(paths) or False)
    assert files.ask_save_path(None, "导出Excel", "x.xlsx", "Excel 工作簿 (*.xlsx)") is None
    assert questions == [[tmp_path / "台账.xlsx"]]
    assert files.start_folder() != tmp_path  # not remembered: nothing was saved


def test_the_folder_chooser_starts_in_the_last_folder(qtbot, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(files.QFileDialog, "getExistingDirectory",
                        lambda parent, title, start: asked.append(start) or str(tmp_path))
    assert files.ask_folder(None, "选择文件夹", "") == str(tmp_path)
    assert asked == [str(files.documents_folder())]
    files.ask_folder(None, "选择文件夹", str(tmp_path / "missing"))
    assert asked[-1] == str(tmp_path)


def test_the_audit_log_export_is_dated_and_offers_to_open(qtbot, database, clock, tmp_path, dialogs, opened):
    from xiaoneng_desktop.ui.admin.audit_dialog import AuditDialog

    asked, answer = dialogs
    dialog = AuditDialog()
    qtbot.addWidget(dialog)
    answer[0] = str(tmp_path / "审计.xlsx")
    assert dialog.export_excel() is not None
    assert Path(asked[0]).name == "审计日志_2026-10-09.xlsx"
    box = dialog.findChild(QMessageBox, "written_box")
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "打开所在文件夹"), Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]
