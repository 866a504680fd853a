"""Checks shared by every register. A failed check raises ValidationError naming the field, so the
form can show the Chinese message beside it; a service collects all of a form's errors at once."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata


class ValidationError(Exception):
    """Bad input. ``errors`` maps a field name to its Chinese message."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.errors: dict[str, str] = {field: message}

    @classmethod
    def many(cls, errors: dict[str, str]) -> ValidationError:
        field, message = next(iter(errors.items()))
        exc = cls(field, message)
        exc.errors = dict(errors)
        return exc

    @property
    def field(self) -> str:
        return next(iter(self.errors))

    def __str__(self) -> str:
        return "；".join(self.errors.values())


class Checker:
    """Collects the errors of one form; ``raise_if_any`` at the end."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def run(self, field: str, check, /, *args, **kwargs):
        """Call ``check``; on ValidationError note the message under ``field`` and return None."""
        try:
            return check(*args, **kwargs)
        except ValidationError as exc:
            self.add(field, exc.errors.get(field) or next(iter(exc.errors.values())))
            return None

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError.many(self.errors)


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return (
        code > 0xFFFF  # emoji and other characters most office fonts and printers cannot show
        or 0x2600 <= code <= 0x27BF  # miscellaneous symbols, dingbats
        or code in (0x200D, 0xFE0F, 0xFE0E, 0x20E3)  # joiners and emoji variation selectors
    )


def clean_text(value: str | None, label: str, *, field: str = "", max_len: int = 200,
               required: bool = False, multiline: bool = False) -> str:
    """Trimmed text, or ValidationError: empty when required, too long, emoji, control characters."""
    field = field or label
    text = (value or "").strip()
    if not multiline:
        text = " ".join(text.split())
    if required and not text:
        raise ValidationError(field, f"请填写{label}")
    if len(text) > max_len:
        raise ValidationError(field, f"{label}不能超过 {max_len} 个字（现有 {len(text)} 个字）")
    for char in text:
        if _is_emoji(char):
            raise ValidationError(field, f"{label}中不能包含表情符号等特殊字符（“{char}”），请删除后再保存")
        if unicodedata.category(char) == "Cc" and char not in "\n\t":
            raise ValidationError(field, f"{label}中含有不可见的控制字符，请删除后再保存")
    return text


_PHONE_ALLOWED = re.compile(r"^[0-9\-\s()（）+转]*$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")  # a local number without area code
_SERVICE = re.compile(r"^(1\d{2}|1\d{4}|[48]00\d{7})$")  # 110, 12345, 400/800 numbers


def clean_phone(value: str | None, label: str = "联系电话", *, field: str = "", required: bool = False) -> str:
    """A Chinese mobile, landline (with or without area code and extension) or service number."""
    field = field or label
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError(field, f"请填写{label}")
        return ""
    if not _PHONE_ALLOWED.match(text):
        raise ValidationError(field, f"{label}只能包含数字和“-”，例如 13812345678 或 0731-12345678")
    digits = re.sub(r"\D", "", text.split("转")[0])  # the extension after 转 is kept, not checked
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not (_MOBILE.match(digits) or _LANDLINE.match(digits) or _LOCAL.match(digits) or _SERVICE.match(digits)):
        raise ValidationError(field, f"{label}“{text}”不是有效的手机号或固定电话号码")
    return " ".join(text.split())


def check_order(earlier: dt.datetime | None, later: dt.datetime | None, field: str, message: str) -> None:
    if earlier is not None and later is not None and later < earlier:
        raise ValidationError(field, message)
