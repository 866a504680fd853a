"""The shared checks every service uses: a record that is gone, a record that was 作废."""

from __future__ import annotations

import pytest

from tests.reports import samples
from xiaoneng_desktop.core.validation import ValidationError, existing, live
from xiaoneng_desktop.visitors import service
from xiaoneng_desktop.visitors.models import Visit


def test_existing_returns_the_record_or_says_it_is_gone_at_the_field(database, clock):
    visit = samples.visit(clock)
    assert existing(Visit, visit.id, "id", "没有了") == visit
    for missing in (visit.id + 1000, None):
        with pytest.raises(ValidationError) as caught:
            existing(Visit, missing, "id", "该记录不存在")
        assert caught.value.errors == {"id": "该记录不存在"}


def test_live_refuses_a_voided_record(database, clock):
    visit = samples.visit(clock)
    assert live(visit, "id", "已作废") is visit
    service.void_visit(visit.id, "登记重复", actor="值班员")
    with pytest.raises(ValidationError) as caught:
        live(service.get_visit(visit.id), "id", "该记录已作废，不能修改")
    assert caught.value.errors == {"id": "该记录已作废，不能修改"}
