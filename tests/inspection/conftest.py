"""A campaign on the built-in template for three people, as most inspection tests need."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.inspection import service
from xiaoneng_desktop.inspection.service import CampaignInput, ProblemInput


@pytest.fixture
def campaign(database, clock):
    template = service.builtin_template()
    return service.create_campaign(CampaignInput("2026年下半年作风整顿自查", dt.date(2026, 10, 1),
                                                 dt.date(2026, 10, 31), template.id, ["张三", "李四", "王五"]))


def first_item(campaign, index=0):
    return service.template_items(campaign.template_id)[index][0]


def raise_problem(campaign, index=0, **changes):
    values = dict(campaign_id=campaign.id, item_id=first_item(campaign, index).id, description="协调配合不主动",
                  responsible_name="张三", deadline=dt.date(2026, 10, 20), measure="建立周例会协调制度",
                  cause="大局意识不强")
    values.update(changes)
    return service.create_problem(ProblemInput(**values))
