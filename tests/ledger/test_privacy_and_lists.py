"""Issue 12, items 7 and 8: 身份证号 masked in exports and error reports unless asked for (and audited);
问题类别 / 信访目的 / 来电方式 are lists the office edits, and an import names the list of an unknown value."""

from __future__ import annotations

import logging

import openpyxl

from tests.ledger.samples import ROWS
from xiaoneng_desktop.core import choices, logs, session, settings
from xiaoneng_desktop.core.models import AuditLog
from xiaoneng_desktop.core.validation import mask_id_number
from xiaoneng_desktop.ledger import exporter, importer
from xiaoneng_desktop.visitors.models import PURPOSE_LIST, SUBJECT_LIST, Visit

FULL = "11010519491231002X"  # the first sample visitor's number
MASKED = mask_id_number(FULL)


def _ids(path) -> list[str]:
    sheet = openpyxl.load_workbook(path)["来访登记"]
    return [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_cli_export_masks_by_default_and_full_id_writes_full_numbers_audited(ledger, tmp_path, db_path):
    from xiaoneng_desktop import cli

    assert importer.import_file("visitors", ledger("visitors", ROWS["visitors"])).ok
    db = ["--db", str(db_path)]
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    assert cli.main([*db, "export", "visitors", str(masked)]) == 0
    assert _ids(masked)[0] == MASKED and FULL not in str(_ids(masked))
    assert cli.main([*db, "export", "visitors", str(full), "--full-id"]) == 0
    assert _ids(full)[0] == FULL
    from xiaoneng_desktop import schema

    schema.open_database(db_path)
    lines = [line.detail for line in AuditLog.select().where(AuditLog.action == "导出").order_by(AuditLog.id)]
    assert len(lines) == 2 and "含完整身份证号" not in lines[0] and "含完整身份证号" in lines[1]


def test_full_numbers_are_refused_to_a_role_that_may_not_see_them(ledger, tmp_path):
    import pytest

    from xiaoneng_desktop.core.session import PermissionDenied

    with session.acting_as(session.Actor("秘书甲", session.SECRETARY, 3)), pytest.raises(PermissionDenied):
        exporter.export_kind("visitors", tmp_path / "x.xlsx", full_id=True)
    with session.acting_as(session.Actor("接待员甲", session.RECEPTIONIST, 2)):
        exporter.export_kind("visitors", tmp_path / "x.xlsx", full_id=True)


def test_a_masked_export_imports_again_keeping_the_numbers_masked(ledger, tmp_path):
    assert importer.import_file("visitors", ledger("visitors", ROWS["visitors"])).ok
    out = tmp_path / "masked.xlsx"
    exporter.export_kind("visitors", out)
    again = importer.import_file("visitors", out)  # into the same file: every row a duplicate
    assert again.ok and again.imported == 0 and again.duplicates == 2
    Visit.delete().execute()  # into an empty register: imported, the number kept masked
    report = importer.import_file("visitors", out)
    assert report.ok and report.imported == 2, [e.line() for e in report.errors]
    visit = Visit.get(Visit.name == "陈八")
    assert visit.id_number == MASKED and visit.id_key == ""


def test_an_import_error_row_prints_the_id_number_masked(ledger):
    row = list(ROWS["visitors"][0])
    row[7] = "城建"  # an unknown 问题类别: the row is reported, with its ID number
    row[6] = f"身份证 {FULL} 的来访人反映拆迁补偿"
    report = importer.import_file("visitors", ledger("visitors", [row]))
    assert not report.ok
    text = "\n".join(e.line() + e.value + e.reason for e in report.errors)
    assert FULL not in text


def test_row_error_masks_a_quoted_number():
    error = importer.RowError("来访登记", 2, "身份证号", FULL, f"号码 {FULL} 有误")
    assert FULL not in error.line() and MASKED in error.line()


def test_the_log_file_masks_id_numbers(tmp_path):
    path = logs.setup_logging()
    try:
        raise ValueError(f"坏数据 {FULL}")
    except ValueError as exc:
        logs.log_exception(exc, f"导入 {FULL} 时出错")
        assert FULL not in logs.one_line(exc)
    logging.getLogger("xiaoneng_desktop").handlers[0].flush()
    text = path.read_text(encoding="utf-8")
    assert MASKED in text and FULL not in text


def test_a_ledger_with_subjects_in_wenti_leibie_imports(ledger):
    rows = [list(r) for r in ROWS["visitors"]]
    rows[0][7], rows[1][7] = "城乡建设", "农村农业"
    report = importer.import_file("visitors", ledger("visitors", rows))
    assert report.ok and report.imported == 2
    assert {(v.category, v.purpose) for v in Visit.select()} == {("城乡建设", "求决"), ("农村农业", "咨询")}


def test_an_old_ledger_without_purpose_column_and_purposes_in_wenti_leibie_imports(ledger):
    headers = [f.title for f in importer.layout("visitors").fields if f.title != "信访目的"]
    rows = [[v for i, v in enumerate(r) if i != 8] for r in ROWS["visitors"]]
    rows[0][7] = "求决"  # a 信访目的 where 问题类别 goes (before schema 8): as the upgrade moved them
    path = ledger("visitors", [], name="old.xlsx")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "来访登记"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    report = importer.import_file("visitors", path)
    assert report.ok, [e.line() for e in report.errors]
    assert Visit.get(Visit.name == "陈八").category == "其他" and Visit.get(Visit.name == "陈八").purpose == "求决"


def test_an_unknown_value_names_its_list_and_adding_it_in_settings_makes_the_import_pass(ledger):
    rows = [list(r) for r in ROWS["visitors"]]
    rows[0][7] = "城建"
    path = ledger("visitors", rows)
    report = importer.import_file("visitors", path)
    assert not report.ok
    (error,) = report.errors
    assert error.column == "问题类别" and error.value == "城建"
    assert error.reason.startswith("“问题类别”没有“城建”这一项：请在 工具→单位设置") and "或改为列表中的值" in error.reason
    assert report.unknown_choices == {SUBJECT_LIST.key: ["城建"]}
    # the settings dialog's list editor stores the list one value a line
    settings.save_all({SUBJECT_LIST.key: "\n".join([*SUBJECT_LIST.values(), "城建"])})
    assert "城建" in SUBJECT_LIST.values()
    assert importer.import_file("visitors", path).ok


def test_choices_add_and_a_removed_value_stays_valid_for_records(ledger):
    assert choices.add(PURPOSE_LIST.key, ["复查", "复查", "求决"]) == [*PURPOSE_LIST.defaults, "复查"]
    assert AuditLog.select().where(AuditLog.detail.contains("复查")).exists()
    assert importer.import_file("visitors", ledger("visitors", ROWS["visitors"])).ok
    settings.save_all({PURPOSE_LIST.key: ["投诉", "其他"]})  # 求决 and 咨询 taken off the list
    assert choices.allowed(PURPOSE_LIST.key, "求决", Visit.purpose)  # records hold it: still valid
    assert not choices.allowed(PURPOSE_LIST.key, "建议", Visit.purpose)


def test_an_unknown_call_channel_names_the_list(ledger):
    rows = [list(r) for r in ROWS["duty"]]
    rows[0][1] = "微信"
    report = importer.import_file("duty", ledger("duty", rows))
    assert [e.column for e in report.errors] == ["来电方式"]
    assert "“来电方式”没有“微信”这一项" in report.errors[0].reason
    choices.add("duty.channels", ["微信"])
    assert importer.import_file("duty", ledger("duty", rows, "again.xlsx")).ok
