"""Text that breaks files (issue 11, item 8): what XML cannot hold is dropped from every field, and a
name may not hide invisible characters."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from xiaoneng_desktop.core import people
from xiaoneng_desktop.core.validation import ValidationError, clean_name, clean_text, name_key

# Any character, surrogates included, with the troublemakers drawn often.
_ANY = st.one_of(st.characters(exclude_categories=()),
                 st.sampled_from("\x00\x08\x0b\x1f\t\n\r\ufdd0\ufffe\uffff\ud800\udfff\U0010ffff 张"))


@given(st.text(alphabet=_ANY, max_size=60), st.booleans())
def test_whatever_clean_text_returns_an_xml_file_can_hold(text, multiline):
    try:
        cleaned = clean_text(text, "备注", max_len=1000, multiline=multiline)
    except ValidationError:
        return
    assert not ILLEGAL_CHARACTERS_RE.search(cleaned)
    element = ET.Element("c")
    element.text = cleaned
    # xml.etree writes whatever it is given; the parser is what refuses a character XML cannot hold.
    assert ET.fromstring(ET.tostring(element, encoding="unicode")).text in (cleaned, None)


def test_a_pasted_non_character_or_control_is_dropped_not_saved():
    assert clean_text("来访\uffff事由\ufffe\x00\x01", "事由") == "来访事由"
    assert clean_text("第一行\r\n第二行\udc80", "备注", multiline=True) == "第一行\n第二行"


@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2067"])
def test_a_name_with_an_invisible_character_is_refused_at_the_field(database, hidden):
    with pytest.raises(ValidationError) as caught:
        clean_name(f"张三{hidden}", "姓名", field="name")
    assert caught.value.errors == {"name": "姓名中含有看不见的字符，请重新输入"}
    with pytest.raises(ValidationError) as caught:
        people.save_person(None, name=f"张{hidden}三")
    assert caught.value.errors["name"] == "姓名中含有看不见的字符，请重新输入"


def test_names_are_compared_after_nfkc(database, clock):
    assert name_key("ＬＩ　Ｌｅｉ") == "LI Lei"
    first = people.save_person(None, name="李雷（办公室）", mobile="13812345678")
    assert people.find_person("李雷(办公室)") == first
    assert people.phone_of("李雷(办公室)") == "13812345678"
    with pytest.raises(ValidationError) as caught:
        people.save_person(None, name="李雷(办公室)")
    assert "已有同名在岗人员“李雷（办公室）”" in caught.value.errors["name"]


def test_text_without_a_special_character_needs_only_trimming():
    """clean_text's one search (_SPECIAL) finds every character any of its other steps would act on:
    a CR, what XML cannot hold, what it refuses, an invisible character — checked on every code point."""
    from xiaoneng_desktop.core import validation

    every = "".join(map(chr, range(0x110000)))
    special = set(validation._SPECIAL.findall(every))
    for pattern in (validation._XML_ILLEGAL, validation._REFUSED, validation._INVISIBLE):
        acted_on = set(pattern.findall(every))
        assert acted_on and acted_on <= special, pattern.pattern
    assert "\r" in special and not {"\t", "\n", " ", "张", "\u3000"} & special
