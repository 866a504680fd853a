"""Search: several words mean all of them, anywhere in the record (core.db.search_index_matches)."""

from __future__ import annotations

import datetime as dt

from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.service import CallInput


def _call(summary: str, minute: int):
    return service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, minute), category="一般事项",
                                         summary=summary, officer_name="王值班"))


def test_several_words_mean_all_of_them(database, clock):
    both = _call("石门桥村群众反映：村口养殖场气味大", 0)
    _call("石门桥 停电抢修", 1)
    _call("河东村养殖户咨询补贴", 2)

    def found(text):
        return sorted(c.id for c in service.calls_query(text=text))

    assert len(found("石门桥")) == 2 and len(found("养殖")) == 2
    assert found("石门桥 养殖") == [both.id]
    assert found("养殖　石门桥") == [both.id]  # a full-width space, words in any order
    assert found("石门桥 、") == found("石门桥")  # punctuation alone is no word
    assert found("石门桥 补贴") == []
    assert found("门桥村") == [both.id]  # one word is still a substring
