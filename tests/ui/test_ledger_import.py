"""The import wizard (文件 → 导入台账…) and 导出Excel under every list, driven as the secretary would."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ledger.samples import ROWS
from xiaoneng_desktop.duty import service as duty
from xiaoneng_desktop.duty.models import Call
from xiaoneng_desktop.ledger import exporter
from xiaoneng_desktop.ui.ledger.import_dialog import NOT_MAPPED, ImportDialog
from xiaoneng_desktop.ui.main_window import MainWindow


@pytest.fixture
def no_boxes(monkeypatch):
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail(f"unexpected message box {a[1:]}"))


@pytest.fixture
def dialog(qtbot, database, clock, no_boxes):
    widget = ImportDialog()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def own_sheet(path, rows, headers):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2026年来电"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def run(qtbot, dialog, dry_run=False):
    button = dialog.check_button if dry_run else dialog.import_button
    button.click()
    task = dialog.task
    assert task is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    return task


def test_own_headers_are_mapped_previewed_and_imported(qtbot, dialog, tmp_path, monkeypatch):
    headers = ["序号", "接电时间", "方式", "单位", "来电人", "手机", "类别", "摘要", "交办对象", "批示", "办结时间", "办理情况",
               "记录人"]
    path = own_sheet(tmp_path / "mine.xlsx", [[i + 1, *row] for i, row in enumerate(ROWS["duty"])], headers)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog.browse_button.click()
    assert dialog.preview_table.rowCount() == 2 and dialog.preview_table.horizontalHeaderItem(1).text() == "接电时间"
    mapping = dialog.mapping()
    assert mapping["接电时间"] == "来电时间" and mapping["手机"] == "联系电话" and mapping["记录人"] == "值班员"
    assert mapping["批示"] == "领导批示"
    run(qtbot, dialog, dry_run=True)
    assert "可以导入 2 条" in dialog.status.text() and Call.select().count() == 0
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert Call.select().count() == 2 and "已导入 2 条" in dialog.status.text()
    run(qtbot, dialog)
    assert "2 条与已有记录重复" in dialog.status.text() and Call.select().count() == 2


def test_the_check_lists_rows_that_repeat_a_record_or_an_earlier_row(qtbot, dialog, tmp_path):
    titles = exporter.layout("duty").titles
    assert dialog.load(str(own_sheet(tmp_path / "first.xlsx", ROWS["duty"][:1], titles)))
    run(qtbot, dialog)
    rows = [ROWS["duty"][0], ROWS["duty"][1], ROWS["duty"][1]]
    assert dialog.load(str(own_sheet(tmp_path / "second.xlsx", rows, titles)))
    run(qtbot, dialog, dry_run=True)
    assert "已跳过（第 2 行）" in dialog.status.text() and "（第 4 行）" in dialog.status.text()
    assert dialog.pages.currentIndex() == 1 and dialog.pages.tabText(1) == "重复行（2）"
    listed = [(dialog.error_table.item(r, 1).text(), dialog.error_table.item(r, 4).text()) for r in range(2)]
    assert listed[0][0] == "2" and "已跳过" in listed[0][1]
    assert listed[1] == ("4", "与本文件第 3 行的每一列都相同，可以导入，请核对是否重复录入")
    assert not dialog.save_errors_button.isEnabled()


def test_a_mapping_changed_by_hand_is_remembered(qtbot, dialog, tmp_path):
    headers = ["接报时刻", *exporter.layout("duty").titles[1:]]
    path = own_sheet(tmp_path / "mine.xlsx", ROWS["duty"], headers)
    assert dialog.load(str(path))
    assert "接报时刻" not in dialog.mapping()
    dialog.set_mapping("来电时间", "接报时刻")
    run(qtbot, dialog)
    assert Call.select().count() == 2
    again = ImportDialog()
    qtbot.addWidget(again)
    assert again.load(str(path)) and again.mapping()["接报时刻"] == "来电时间"


def test_bad_rows_are_listed_nothing_is_imported_and_the_report_can_be_saved(qtbot, dialog, tmp_path):
    rows = [ROWS["duty"][0], ["2026-10-01 08:00", "电话", "", "", "", "紧急事项", "乙", "", "", "", "", "王五"],
            ["不是日期", "电话", "", "", "", "一般事项", "丙", "", "", "", "", "王五"]]
    path = own_sheet(tmp_path / "bad.xlsx", rows, exporter.layout("duty").titles)
    assert dialog.load(str(path))
    run(qtbot, dialog)
    assert Call.select().count() == 0
    assert dialog.error_table.rowCount() == 2
    assert [dialog.error_table.item(r, 2).text() for r in range(2)] == ["事项类别", "来电时间"]
    assert "整个文件都没有导入" in dialog.status.text()
    target = dialog.save_errors(str(tmp_path / "errors.xlsx"))
    book = openpyxl.load_workbook(target)
    assert book["错误清单"].max_row == 3


def test_unknown_list_values_can_be_added_from_the_wizard_then_the_file_passes(qtbot, dialog, tmp_path):
    from xiaoneng_desktop.visitors.models import SUBJECT_LIST, Visit

    full = "11010519491231002X"
    rows = [list(r) for r in ROWS["visitors"]]
    rows[0][7], rows[1][7] = "城建", "农村农业"  # an office's own subject, and one of the default list
    path = own_sheet(tmp_path / "visits.xlsx", rows, exporter.layout("visitors").titles)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("visitors"))
    assert dialog.load(str(path))
    run(qtbot, dialog, dry_run=True)
    assert dialog.error_table.rowCount() == 1
    assert "“问题类别”没有“城建”这一项" in dialog.error_table.item(0, 4).text()
    assert not dialog.add_values_button.isHidden() and dialog.add_values_button.isEnabled()
    report = dialog.save_errors(str(tmp_path / "errors.xlsx"))  # the report never holds the full ID
    book = openpyxl.load_workbook(report)
    assert full not in str([list(r) for ws in book.worksheets for r in ws.iter_rows(values_only=True)])
    assert dialog.add_unknown_values()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert "城建" in SUBJECT_LIST.values()
    assert dialog.report.ok and dialog.add_values_button.isHidden()
    run(qtbot, dialog)
    assert Visit.select().count() == 2


def test_a_file_that_cannot_be_read_says_why_and_the_dialog_stays_usable(qtbot, dialog, tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_text("来电时间,来电方式\n", encoding="utf-8")
    assert not dialog.load(str(path))
    assert "CSV" in dialog.status.text() and not dialog.import_button.isEnabled()
    good = own_sheet(tmp_path / "good.xlsx", ROWS["duty"], exporter.layout("duty").titles)
    assert dialog.load(str(good)) and dialog.import_button.isEnabled()
    assert all(dialog.mapping_table.cellWidget(r, 1).currentText() != NOT_MAPPED
               for r in range(dialog.mapping_table.rowCount()))


def test_a_large_import_shows_progress_and_can_be_cancelled(qtbot, dialog, tmp_path):
    rows = [[dt.datetime(2026, 9, 1, 8, 0) + dt.timedelta(minutes=i), "电话", "", f"人{i}", "", "一般事项", f"事项{i}",
             "", "", "", "", "王五"] for i in range(3000)]
    path = own_sheet(tmp_path / "big.xlsx", rows, exporter.layout("duty").titles)
    assert dialog.load(str(path))
    dialog.import_button.click()
    assert dialog.progress.isVisible() and dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert "已取消" in dialog.status.text()
    assert Call.select().count() == 0


def test_the_file_menu_opens_the_wizard(qtbot, database, db_path, clock, tmp_path, no_boxes):
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.import_action.trigger()
    dialogs = window.findChildren(ImportDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert window.import_action.text() == "导入台账(&I)…"
    dialogs[0].reject()


def test_every_list_exports_exactly_the_rows_its_filter_shows(qtbot, database, clock, tmp_path, no_boxes):
    from xiaoneng_desktop.ui.duty.tab import DutyTab

    for i in range(250):  # more than one fetched page
        duty.create_call(duty.CallInput(received_at=dt.datetime(2026, 10, 8, 8, 0) + dt.timedelta(minutes=i),
                                        category="一般事项" if i % 2 else "特殊事项", summary=f"事项{i}",
                                        officer_name="王五"))
    tab = DutyTab()
    qtbot.addWidget(tab)
    view = tab.view
    view.model.set_query(lambda: duty.calls_query(category="特殊事项"))
    assert view.export_button.text() == "导出Excel…"
    task = view.export_excel(str(tmp_path / "list.xlsx"))
    qtbot.waitUntil(lambda: view.export_task is None, timeout=20_000)
    assert task is not None
    sheet = openpyxl.load_workbook(tmp_path / "list.xlsx").worksheets[0]
    assert "来电来报登记" in sheet["A1"].value  # the title row, then the header
    assert [c.value for c in sheet[2]] == [c.title for c in view.model.columns]
    assert sheet.max_row == 2 + 125 == 2 + view.model.total_count()
    assert "已导出 125 条" in view.count_label.text()


def test_the_visit_list_exports_masked_ids_unless_a_permitted_role_ticks_full_numbers(qtbot, database, clock,
                                                                                    tmp_path, no_boxes):
    from xiaoneng_desktop.core import session
    from xiaoneng_desktop.core.models import AuditLog
    from xiaoneng_desktop.core.validation import mask_id_number
    from xiaoneng_desktop.ui.visitors.tab import VisitorsTab
    from xiaoneng_desktop.visitors import service as visitors

    full = "11010519491231002X"
    visitors.create_visit(visitors.VisitInput(visited_at=clock() - dt.timedelta(hours=1), name="陈八", id_number=full,
                                              matter="反映拆迁补偿", first_responder="孙九", category="城乡建设"))

    def export(name, ledger=None):
        task = view.export_excel(str(tmp_path / name), ledger=ledger)
        qtbot.waitUntil(lambda: view.export_task is None, timeout=20_000)
        assert task is not None
        sheet = openpyxl.load_workbook(tmp_path / name).worksheets[0]
        return str([list(r) for r in sheet.iter_rows(values_only=True)])

    with session.acting_as(session.Actor("值班员甲", session.DUTY_OFFICER, 1)):
        tab = VisitorsTab()
        qtbot.addWidget(tab)
        view = tab.view
        assert view.full_id_box.isHidden()
        text = export("duty_officer.xlsx")
        assert full not in text and mask_id_number(full) in text
        sheet = openpyxl.load_workbook(tmp_path / "duty_officer.xlsx").worksheets[0]
        assert sheet["E3"].value == 1 and isinstance(sheet["A3"].value, dt.datetime)  # 人数 a number, 来访时间 a time
        text = export("ledger.xlsx", ledger="visitors")  # 导出台账（可再导入）: masked too
        assert full not in text and mask_id_number(full) in text and "单位或住址" in text
    with session.acting_as(session.Actor("接待员甲", session.RECEPTIONIST, 2)):
        tab = VisitorsTab()
        qtbot.addWidget(tab)
        view = tab.view
        assert not view.full_id_box.isHidden()
        assert full not in export("masked.xlsx")  # masked unless asked for
        view.full_id_box.setChecked(True)
        assert full in export("full.xlsx")
    lines = [a.detail for a in AuditLog.select().where(AuditLog.action == "导出").order_by(AuditLog.id)]
    assert len(lines) == 4 and ["含完整身份证号" in line for line in lines] == [False, False, False, True]


def test_optional_columns_may_be_absent_a_column_can_be_one_value_and_值班人_处理结果_map_themselves(
        qtbot, dialog, tmp_path):
    from PySide6.QtCore import Qt

    from tests.helpers import type_text

    headers = ["接电时间", "单位", "来电人", "类别", "摘要", "办结时间", "处理结果", "值班人"]
    rows = [["2026-10-08 14:05", "县应急局", "张三", "一般事项", "报告汛情", "2026-10-08 14:12", "已转告", "王五"],
            ["2026-09-01 08:00", "", "", "特殊事项", "道路塌方", None, "", "王五"]]
    assert dialog.load(str(own_sheet(tmp_path / "own.xlsx", rows, headers)))
    mapping = dialog.mapping()
    assert mapping["值班人"] == "值班员" and mapping["处理结果"] == "办理情况"
    run(qtbot, dialog, dry_run=True)
    reasons = [dialog.error_table.item(r, 4).text() for r in range(dialog.error_table.rowCount())]
    assert reasons == ["缺少“来电方式”列"]  # 交办对象, 领导批示, 联系电话 are optional: not missing
    # 来电方式: every row was a telephone call — typed into the row's 或每行都填 box
    row = exporter.layout("duty").titles.index("来电方式")
    fixed = dialog.mapping_table.cellWidget(row, 2)
    fixed.setFocus()
    type_text(qtbot, fixed.lineEdit(), "电话")
    qtbot.keyClick(fixed, Qt.Key.Key_Tab)
    assert dialog.fixed_values() == {"来电方式": "电话"}
    assert not dialog.mapping_table.cellWidget(row, 1).isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert [c.channel for c in Call.select()] == ["电话", "电话"]
    assert {c.officer_name for c in Call.select()} == {"王五"}
    assert Call.get(Call.summary == "报告汛情").feedback == "已转告"
