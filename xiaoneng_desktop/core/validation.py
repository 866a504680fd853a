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


# What XML 1.0 cannot hold (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF and the other
# non-characters): one such character pasted into a field makes every .xlsx/.docx export malformed.
_XML_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
    + "]"
)
# Invisible characters that change nothing on screen but make "张三" and "张三\u200b" two people, or
# turn a name around (bidi overrides and isolates).
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


# The first character clean_text refuses: an emoji (see _is_emoji) or a control character (Unicode
# category Cc) other than newline and tab.
_REFUSED = re.compile("[\U00010000-\U0010ffff\u2600-\u27bf\u200d\ufe0f\ufe0e\u20e3"
                      "\x00-\x08\x0b-\x1f\x7f-\x9f]")


# Any character clean_text does more with than trim: a CR, what XML cannot hold, what it refuses, an
# invisible character. Most text has none and is then searched once instead of three times (an import
# checks a million cells).
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069"
                      "\u2600-\u27bf\u20e3\ud800-\udfff\ufdd0-\ufdef\ufe0e\ufe0f\ufffe\uffff\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (see _XML_ILLEGAL)."""
    return _XML_ILLEGAL.sub("", text)


def clean_text(value: str | None, label: str, *, field: str = "", max_len: int = 200,
               required: bool = False, multiline: bool = False, name: bool = False) -> str:
    """Trimmed text, or ValidationError: empty when required, too long, emoji, control characters.

    Characters XML cannot hold are dropped silently (they are never meant: a paste brings them).
    ``name``: a person's name, which may not hold invisible characters either (see clean_name)."""
    field = field or label
    text = value or ""
    special = _SPECIAL.search(text) is not None
    if special:
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = xml_safe(text)
    text = text.strip() if multiline else " ".join(text.split())
    if required and not text:
        raise ValidationError(field, f"请填写{label}")
    if len(text) > max_len:
        raise ValidationError(field, f"{label}不能超过 {max_len} 个字（现有 {len(text)} 个字）")
    if not special:
        return text
    if name and _INVISIBLE.search(text):
        raise ValidationError(field, f"{label}中含有看不见的字符，请重新输入")
    refused = _REFUSED.search(text)  # one search: an import checks a million cells
    if refused is not None:
        char = refused.group()
        if _is_emoji(char):
            raise ValidationError(field, f"{label}中不能包含表情符号等特殊字符（“{char}”），请删除后再保存")
        raise ValidationError(field, f"{label}中含有不可见的控制字符，请删除后再保存")
    return text


def clean_name(value: str | None, label: str = "姓名", *, field: str = "", max_len: int = 30,
               required: bool = False) -> str:
    """A person's name: clean_text without invisible characters (zero-width, direction overrides)."""
    return clean_text(value, label, field=field, max_len=max_len, required=required, name=True)


def name_key(name: str | None) -> str:
    """What two names are compared by: NFKC (full-width Ａ is A, compatibility ideographs are the
    unified ones), whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name or "").split())


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


def existing(model, record_id, field: str, message: str):
    """The ``model`` record with this id, or ValidationError(field, message) when there is none: another
    window or process may have deleted it, and the user is told so at the field instead of a crash."""
    record = model.get_or_none(model._meta.primary_key == record_id) if record_id is not None else None
    if record is None:
        raise ValidationError(field, message)
    return record


def live(record, field: str, message: str):
    """``record`` unless it was 作废 (voided): then ValidationError(field, message) — a voided record
    stays in the registers as it was and takes no more changes."""
    if record.voided_at is not None:
        raise ValidationError(field, message)
    return record


def check_order(earlier: dt.datetime | None, later: dt.datetime | None, field: str, message: str) -> None:
    if earlier is not None and later is not None and later < earlier:
        raise ValidationError(field, message)


# --- 身份证号 (GB 11643-1999) ----------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_18 = re.compile(r"^\d{17}[\dX]$")
_ID_15 = re.compile(r"^\d{15}$")
#: Born before this year is not a living visitor's number.
ID_EARLIEST_BIRTH_YEAR = 1900


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits: Σ(digit × weight) mod 11 → "10X98765432"."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def _id_birth(text: str) -> dt.date | None:
    digits = text[6:14] if len(text) == 18 else "19" + text[6:12]
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def clean_id_number(value: str | None, label: str = "身份证号", *, field: str = "", required: bool = False,
                    today: dt.date | None = None) -> str:
    """A 18-character 居民身份证号码 with a valid check character and birth date, or an old 15-digit one;
    "" when empty (a visitor may refuse to give it). Returned upper-case (x → X), without spaces.

    The messages never repeat the number: personal data stays out of error texts and logs."""
    from xiaoneng_desktop.core import clock

    field = field or label
    text = re.sub(r"[\s\-]", "", value or "").upper().replace("Ｘ", "X")
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if not text:
        if required:
            raise ValidationError(field, f"请填写{label}")
        return ""
    if not (_ID_18.match(text) or _ID_15.match(text)):
        raise ValidationError(field, f"{label}应为 18 位（最后一位可以是 X），旧号码为 15 位数字"
                                     f"（现有 {len(text)} 位）")
    birth = _id_birth(text)
    if birth is None:
        raise ValidationError(field, f"{label}中的出生日期不存在，请核对第 7 至 14 位")
    if birth > (today or clock.today()) or birth.year < ID_EARLIEST_BIRTH_YEAR:
        raise ValidationError(field, f"{label}中的出生日期不合理，请核对第 7 至 14 位")
    if len(text) == 18 and id_check_digit(text[:17]) != text[17]:
        raise ValidationError(field, f"{label}校验位不对（最后一位），请核对是否抄错")
    return text


def id_number_key(value: str) -> str:
    """The 18-character form a number is matched by: an old 15-digit number is widened (19 + check)."""
    if len(value) == 15 and value.isdigit():
        first17 = value[:6] + "19" + value[6:]
        return first17 + id_check_digit(first17)
    return value


def is_old_id_number(value: str) -> bool:
    return len(value) == 15


def mask_id_number(value: str | None) -> str:
    """4306**********1234: the first four and last four characters, the rest hidden; "" stays ""."""
    text = (value or "").strip()
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


#: A 身份证号 inside free text (18 or 15 characters, not part of a longer run of digits).
_ID_IN_TEXT = re.compile(r"(?<![0-9])[1-9][0-9]{5}(?:(?:18|19|20)[0-9]{9}[0-9Xx]|[0-9]{9})(?![0-9])")


def mask_id_numbers_in(text: str) -> str:
    """Free text with every 身份证号 in it masked, for what is written where the full number may not
    be (the audit log, error reports, logs)."""
    return _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(0)), text)


def clean_personal_phone(value: str | None, label: str = "联系电话", *, field: str = "",
                         required: bool = False) -> str:
    """A person's own mobile or landline (not 110, 12345 or a 400 number). Messages never repeat
    the number itself."""
    field = field or label
    try:
        text = clean_phone(value, label, field=field, required=required)
    except ValidationError as exc:
        if "请填写" in exc.errors[field] or "只能包含" in exc.errors[field]:
            raise
        text = None
    if text == "":
        return ""
    digits = phone_key(text or "")
    if text is None or not (_MOBILE.match(digits) or _LANDLINE.match(digits) or _LOCAL.match(digits)):
        raise ValidationError(field, f"{label}不是有效的手机号（11 位）或固定电话（如 0736-7654321）")
    return text


def phone_key(value: str | None) -> str:
    """The digits a phone number is matched by: no separators, no +86, no extension after 转."""
    digits = re.sub(r"\D", "", (value or "").split("转")[0])
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits
