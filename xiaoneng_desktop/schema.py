"""Every table of the program and the ordered schema upgrades, for core.db.open_database.

Lives above core and the registers because it names them all (core may not import a register).
"""

from __future__ import annotations

from pathlib import Path

import peewee as pw

from xiaoneng_desktop.core import accounts, backups, db, transfer  # noqa: F401 - accounts defines the 登录与安全 settings
from xiaoneng_desktop.core.models import CORE_MODELS
from xiaoneng_desktop.documents.models import DOCUMENT_MODELS
from xiaoneng_desktop.duty.models import DUTY_MODELS
from xiaoneng_desktop.inspection.builtin import install_builtin_template
from xiaoneng_desktop.inspection.models import INSPECTION_MODELS, CheckItem, CheckPoint, Template
from xiaoneng_desktop.upgrades import STEPS
from xiaoneng_desktop.visitors.models import VISITOR_MODELS

MODELS = [*CORE_MODELS, *DUTY_MODELS, *DOCUMENT_MODELS, *VISITOR_MODELS, *INSPECTION_MODELS]
#: Tables a new file comes with already filled in (the built-in check-point template): not user records.
PRESET_MODELS = [Template, CheckItem, CheckPoint]

#: The columns a free-text search looks in, per table (an FTS5 index each; see core.db).
SEARCHED = {
    "call": ("summary", "caller", "caller_unit", "phone", "assignee_name", "officer_name", "instruction",
             "feedback"),
    "document": ("number", "doc_number", "unit", "title", "holder", "lead", "assist", "registrar",
                 "cosign_units", "circulate_to"),
    "visit": ("name", "id_number", "phone", "address", "category", "matter", "first_responder", "leader_name",
              "referred_to", "reply", "result"),
    "problem": ("description", "cause", "measure", "responsible_name", "explanation", "verified_by",
                "verification"),
}


def create_search_indexes(database: pw.SqliteDatabase) -> None:
    for table, columns in SEARCHED.items():
        db.create_search_index(database, table, columns)


#: MIGRATIONS[i] is the SQL that upgrades a file of schema version i+1 to i+2: frozen, in
#: xiaoneng_desktop.upgrades, never built from today's models. A new file gets the latest models
#: plus on_create at once; tests/core/test_upgrades.py checks both ways end with the same schema.
MIGRATIONS: list[str] = STEPS

SCHEMA_VERSION = len(MIGRATIONS) + 1

#: What a healthy data file of this program holds, for core.backups: its version and the registers'
#: tables whose records a backup listing counts.
FILE_KIND = backups.FileKind(SCHEMA_VERSION, {"值班来电": "call", "公文": "document", "来访": "visit",
                                              "整改问题": "problem"})


#: Each table in words, as the audit log names a line's 登记簿.
TABLE_TITLES = {
    "call": "值班记录", "duty_shift": "值班排班", "unavailability": "不能值班", "document": "公文流转",
    "visit": "来访接待", "reception_day": "领导接访日", "problem": "整改问题", "template": "自查模板",
    "campaign": "五查自查", "department": "部门", "person": "人员", "setting": "设置",
    "workday_override": "工作日历", "account": "用户", "deadline_extension": "延期", "month_close": "月结",
    "audit_log": "审计日志", "data_file": "数据文件", "document_step_log": "公文流转环节", "urging": "催办",
    "number_counter": "发文编号", "check_item": "自查项目", "check_point": "自查要点", "participant": "自查参加人",
    "answer": "自查答卷", "progress_note": "整改进展",
}


#: The modules that define each register's settings (core.settings.define at import).
SETTING_MODULES = ["xiaoneng_desktop.duty.service", "xiaoneng_desktop.documents.service",
                   "xiaoneng_desktop.visitors.service", "xiaoneng_desktop.inspection.service"]


def define_all_settings() -> None:
    """Make sure every register's settings are defined, whichever tabs have been opened."""
    import importlib

    for module in SETTING_MODULES:
        importlib.import_module(module)


def on_create(database: pw.SqliteDatabase) -> None:
    """What a new file needs beyond its tables: the search indexes and the built-in data."""
    create_search_indexes(database)
    install_builtin_template()


def open_database(path: Path | str, *, quick_check: bool = True) -> pw.SqliteDatabase:
    return db.open_database(path, MODELS, MIGRATIONS, on_create=on_create, quick_check=quick_check)


def month_figures(year: int, month: int) -> dict:
    """A month's figures as the monthly report gives them (every section: counts, rates, the records
    behind them), without the moment it was built: two databases with the same data give the same."""
    import dataclasses

    from xiaoneng_desktop.reports import monthly

    report = dataclasses.asdict(monthly.build(year, month))
    del report["generated_at"]
    return _unordered(report)


def _unordered(value):
    """Lists of rows as sorted lists: records of the same minute come in whichever order an engine
    walks them (the report orders by time only), which is no difference in the figures."""
    if isinstance(value, dict):
        return {key: _unordered(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        items = [_unordered(item) for item in value]
        return sorted(items, key=repr) if any(isinstance(item, (list, dict)) for item in items) else items
    return value


transfer.describe_program(transfer.Program(MODELS, PRESET_MODELS, open_database, month_figures, TABLE_TITLES))
