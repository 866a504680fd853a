"""身份证号 (GB 11643) and personal phone checks shared by every register; messages never echo the number."""

from __future__ import annotations

import datetime as dt

import pytest

from xiaoneng_desktop.core.validation import (
    ValidationError,
    clean_id_number,
    clean_personal_phone,
    id_check_digit,
    id_number_key,
    is_old_id_number,
    mask_id_number,
    phone_key,
)

TODAY = dt.date(2026, 10, 9)


def valid(first17: str) -> str:
    return first17 + id_check_digit(first17)


def test_known_check_digits():
    assert id_check_digit("11010519491231002") == "X"  # the standard's own example
    assert clean_id_number("11010519491231002x", today=TODAY) == "11010519491231002X"
    spaced = " ".join(valid("44052419800101001"))
    assert clean_id_number(spaced, today=TODAY) == valid("44052419800101001")


def test_empty_is_allowed_unless_required():
    assert clean_id_number("", today=TODAY) == ""
    assert clean_id_number(None, today=TODAY) == ""
    with pytest.raises(ValidationError) as caught:
        clean_id_number(" ", required=True, field="id_number", today=TODAY)
    assert caught.value.errors == {"id_number": "请填写身份证号"}


@pytest.mark.parametrize(("number", "words"), [
    ("430624199003071235", "校验位"),  # one digit off
    (valid("43062419900230123"), "出生日期不存在"),  # 30 February
    (valid("43062420301003123"), "不合理"),  # born in the future
    (valid("43062418991231123"), "不合理"),  # before 1900
    ("4306241990030712", "18 位"),
    ("43062419900307123A", "18 位"),
    ("430624900230123", "出生日期不存在"),  # old number, 1990-02-30
])
def test_bad_numbers_say_why_without_echoing(number, words):
    with pytest.raises(ValidationError) as caught:
        clean_id_number(number, field="id_number", today=TODAY)
    message = caught.value.errors["id_number"]
    assert words in message
    assert number not in message and number[-4:] not in message


def test_old_fifteen_digit_numbers_are_accepted_and_matched_as_eighteen():
    old = "430624900307123"
    assert clean_id_number(old, today=TODAY) == old
    assert is_old_id_number(old)
    new = id_number_key(old)
    assert new == valid("43062419900307123") and len(new) == 18
    assert id_number_key(new) == new and not is_old_id_number(new)


def test_mask():
    assert mask_id_number("430624199003071234") == "4306**********1234"
    assert mask_id_number("430624900307123") == "4306*******7123"
    assert mask_id_number("") == ""


def test_birth_date_today_is_plausible_tomorrow_not():
    assert clean_id_number(valid("43062420261009123"), today=TODAY)
    with pytest.raises(ValidationError):
        clean_id_number(valid("43062420261010123"), today=TODAY)


@pytest.mark.parametrize("phone", ["13812345678", "0736-7212345", "7212345", "+86 138 1234 5678",
                                   "0736-7212345转801"])
def test_personal_phones(phone):
    assert clean_personal_phone(phone) == " ".join(phone.split())


@pytest.mark.parametrize("phone", ["12345", "110", "4008123456", "1381234567", "23812345678"])
def test_not_a_personal_phone_and_not_echoed(phone):
    with pytest.raises(ValidationError) as caught:
        clean_personal_phone(phone, field="phone")
    assert "不是有效的手机号" in caught.value.errors["phone"] and phone not in caught.value.errors["phone"]


def test_phone_key():
    assert phone_key("+86 138-1234-5678") == "13812345678"
    assert phone_key("0736-7212345转801") == "07367212345"
    assert phone_key("") == ""
