"""Templates: the built-in five checks, copying and editing, versions kept for campaigns."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from xiaoneng_desktop import schema
from xiaoneng_desktop.core.validation import ValidationError
from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.builtin import BUILTIN_CHECKS
from xiaoneng_desktop.inspection.models import Campaign, CheckPoint, Template
from xiaoneng_desktop.inspection.service import CampaignInput, TemplateInput

from .conftest import raise_problem


def test_a_new_file_has_the_five_checks_of_seed_000(database):
    templates = service.list_templates()
    assert len(templates) == 1 and templates[0].builtin
    items = service.template_items(templates[0].id)
    assert [item.name for item, _ in items] == ["查思想认识", "查工作效率", "查工作纪律", "查服务质量", "查廉政建设"]
    assert sum(len(points) for _, points in items) == 15
    assert "有无各自为阵、相互扯皮拆台等现象" in [p.text for p in items[0][1]]
    assert "有无参与违规经商办企业现象" in [p.text for p in items[4][1]]


def test_a_version_2_file_gets_the_tables_and_the_builtin_template_on_upgrade(tmp_path):
    # a file written by the program of schema 2 (tests/data/README.md): the core and the duty register only
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "data" / "schema_v2.sqlite3", path)
    database = schema.open_database(path)
    try:
        assert database.execute_sql("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert Template.select().count() == 1 and CheckPoint.select().count() == 15
        database.execute_sql("SELECT rowid FROM problem_search LIMIT 1")
    finally:
        database.close()
    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM check_item").fetchone()[0] == len(BUILTIN_CHECKS)


def test_copy_and_edit_a_template_without_code(database, clock):
    copy = service.copy_template(service.builtin_template().id, "四型机关自查")
    rows = service.template_rows(copy.id)
    rows[0] = ("查思想认识", "是否牢固树立大局意识")  # reword
    rows.insert(3, ("查学习", "是否坚持学习"))  # add a check
    rows[1], rows[2] = rows[2], rows[1]  # reorder
    saved = service.save_template(copy.id, TemplateInput("四型机关自查", rows))
    assert saved.id == copy.id and saved.version == 1  # not in use: changed in place
    assert service.template_rows(copy.id) == rows
    assert [i.name for i, _ in service.template_items(copy.id)][:2] == ["查思想认识", "查学习"]


def test_editing_a_template_in_use_makes_a_new_version(campaign):
    old = campaign.template
    before = service.template_rows(old.id)
    rows = [*before, ("查廉政建设", "有无违规使用公车现象")]
    newer = service.save_template(old.id, TemplateInput(old.name, rows))
    assert newer.id != old.id and newer.version == 2 and newer.based_on_id == old.id
    assert service.template_rows(old.id) == before  # the campaign keeps its points
    assert len(service.campaign_points(campaign.id)) == 15
    assert Template.get_by_id(old.id).retired_at is not None
    assert [t.id for t in service.list_templates()] == [newer.id]
    assert newer.title.endswith("（第2版）")


def test_bad_templates_are_refused_with_every_row_named(database):
    with pytest.raises(ValidationError) as caught:
        service.create_template(TemplateInput("", [("查思想认识", "大局意识"), ("查工作效率", "  "), ("", "迟到早退")]))
    assert caught.value.errors["name"] == "请填写模板名称"
    assert "第 2 行“查工作效率”的检查点不能为空" in caught.value.errors["rows"]
    assert "第 3 行请填写检查项" in caught.value.errors["rows"]
    with pytest.raises(ValidationError, match="至少要有一个检查项"):
        service.create_template(TemplateInput("空模板", []))
    assert Template.select().count() == 1  # nothing saved


def test_a_template_in_use_cannot_be_deleted(campaign):
    with pytest.raises(ValidationError, match="已被自查活动“2026年下半年作风整顿自查”使用，不能删除"):
        service.delete_template(campaign.template_id, "不用了")
    assert Template.get_by_id(campaign.template_id).retired_at is None
    spare = service.copy_template(campaign.template_id, "备用")
    service.delete_template(spare.id, "重复")
    assert spare.id not in [t.id for t in service.list_templates()]
    assert Template.get_or_none(Template.id == spare.id) is not None  # kept, retired


def test_a_retired_template_cannot_start_a_campaign(campaign):
    newer = service.save_template(campaign.template_id, TemplateInput("改", service.template_rows(campaign.template_id)))
    with pytest.raises(ValidationError, match="已有新版本"):
        service.create_campaign(CampaignInput("又一次", dt.date(2026, 10, 1), dt.date(2026, 10, 2),
                                              campaign.template_id, ["张三"]))
    service.create_campaign(CampaignInput("又一次", dt.date(2026, 10, 1), dt.date(2026, 10, 2), newer.id, ["张三"]))
    assert Campaign.select().count() == 2
    raise_problem(campaign)  # the old campaign still works on its own points
