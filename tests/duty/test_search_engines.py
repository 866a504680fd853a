"""Search gives the same calls on SQLite (FTS5 over characters) and on a server (tsvector over pairs of
characters): single characters, digits, Latin letters in any case, punctuation, across spaces."""

from __future__ import annotations

import datetime as dt

from xiaoneng_desktop.duty import service
from xiaoneng_desktop.duty.service import CallInput


def _call(summary: str, minute: int, phone: str = ""):
    return service.create_call(CallInput(received_at=dt.datetime(2026, 10, 9, 8, minute), category="一般事项",
                                         summary=summary, phone=phone, officer_name="王值班"))


def test_the_same_matches_on_both_engines(database, clock):
    noise = _call("反映KTV噪音扰民，要求处理", 0, phone="0731-84561234")
    water = _call("石门桥村停水，群众（约30户）咨询", 1, phone="13800001111")
    road = _call("县道积水 请速处理", 2)

    def found(text):
        return sorted(c.id for c in service.calls_query(text=text))

    assert found("噪音") == [noise.id]
    assert found("ktv") == found("KTV") == found("Ktv") == [noise.id]  # Latin letters in any case
    assert found("0731") == found("8456") == [noise.id]  # a phone number fragment
    assert found("07318") == [noise.id]  # the dash is no character of a search
    assert found("30") == found("约30户") == [water.id]
    assert found("门") == [water.id]  # one character
    assert found("理") == [noise.id, road.id]  # one character at the very end
    assert found("积水请速") == [road.id]  # spaces in the record are no characters either
    assert found("停水群众") == [water.id]  # nor punctuation
    assert found("、") == [] and found("（）") == []  # a search of punctuation alone finds nothing
    assert found("噪音 0731") == [noise.id] and found("噪音 石门桥") == []
    assert found("询1") == [] and found("询") == [water.id]  # the end of one column and the start of the next are no neighbours
