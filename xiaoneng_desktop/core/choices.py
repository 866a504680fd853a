"""Lists the office owns: 问题类别, 信访目的, 来电方式 … — a named list with its default values, kept as a
list-type setting (JSON) that the office edits in 工具 → 单位设置 (one value a line).

A value already used in a record stays valid when it is taken off the list (old records keep it, and
may be saved again with it); any other value must be on the list. An import naming a value that is not says which list and how to add it
(``unknown_message``), and the import wizard can add the values (``add``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from xiaoneng_desktop.core import settings
from xiaoneng_desktop.core.validation import ValidationError

#: Where the lists are edited, as a user reads it.
WHERE = "工具→单位设置…"


@dataclass(frozen=True)
class ChoiceList:
    key: str  # the setting's key
    label: str  # 问题类别
    defaults: tuple[str, ...]
    group: str  # the settings dialog's tab
    max_len: int = 10

    def values(self) -> list[str]:
        return values(self.key)


_LISTS: dict[str, ChoiceList] = {}


def define(key: str, label: str, defaults: Iterable[str], group: str, *, max_len: int = 10,
           help: str = "") -> ChoiceList:
    """Declare a list (at module import, like settings.define); its values come from the setting."""
    defaults = tuple(defaults)
    choice = ChoiceList(key, label, defaults, group, max_len)
    _LISTS[key] = choice

    def validate(value: list) -> None:
        for item in value:
            if len(item) > max_len:
                raise ValidationError(key, f"{label}的每一项不能超过 {max_len} 个字（“{item}”）")

    settings.define(key, label, list(defaults), group, validator=validate,
                    help=help or f"{label}的可选值，每行一项；已用在记录中的值删去后，原记录仍保留")
    return choice


def lists() -> list[ChoiceList]:
    return list(_LISTS.values())


def get_list(key: str) -> ChoiceList:
    return _LISTS[key]


def values(key: str) -> list[str]:
    return list(_current(key))


def _current(key: str) -> Iterable[str]:
    """The list's values as stored (or its defaults), without building a list: ``allowed`` asks once
    for every row an import checks."""
    stored = settings.get(key)
    return map(str, stored) if stored else _LISTS[key].defaults


def allowed(key: str, value: str, used_in=None) -> bool:
    """``value`` may be saved: it is on the list, or records already hold it (``used_in``, a model's
    field: a value taken off the list stays valid for the records that have it)."""
    if value in _current(key):
        return True
    return used_in is not None and bool(value) and used_in.model.select().where(used_in == value).exists()


def where(key: str) -> str:
    choice = _LISTS[key]
    return f"{WHERE}“{choice.group}”页的“{choice.label}”"


def unknown_message(key: str, value: str) -> str:
    """“问题类别”没有“城建”这一项：请在 工具→单位设置…“来访接待”页的“问题类别”中添加，或改为列表中的值"""
    choice = _LISTS[key]
    return f"“{choice.label}”没有“{value}”这一项：请在 {where(key)} 中添加，或改为列表中的值"


_UNKNOWN = re.compile(r"^“(?P<label>.+?)”没有“(?P<value>.+?)”这一项：")


def unknown_in(message: str) -> tuple[str, str] | None:
    """(list key, value) of an ``unknown_message``; None for any other message."""
    found = _UNKNOWN.match(message or "")
    if not found:
        return None
    key = next((c.key for c in _LISTS.values() if c.label == found.group("label")), None)
    return (key, found.group("value")) if key else None


def check(key: str, value: str, field: str, used_in=None, required: bool = True) -> str:
    """The value as stored, or ValidationError(field, …) naming the list."""
    value = " ".join(str(value or "").split())
    if not value:
        if required:
            raise ValidationError(field, f"请选择{_LISTS[key].label}")
        return ""
    if not allowed(key, value, used_in):
        raise ValidationError(field, unknown_message(key, value))
    return value


def add(key: str, new_values: Iterable[str]) -> list[str]:
    """Append values to the list (one transaction, audited); returns the list as stored."""
    from xiaoneng_desktop.core import audit, session
    from xiaoneng_desktop.core.db import atomic

    session.require("settings")
    current = values(key)
    added = [v for v in dict.fromkeys(" ".join(str(v).split()) for v in new_values) if v and v not in current]
    if not added:
        return current
    with atomic():
        settings.save_all({key: current + added})
        audit.record("修改", "setting", 0, f"{_LISTS[key].label}：加入 {'、'.join(added)}",
                     changes=[(_LISTS[key].label, "、".join(current), "、".join(current + added))])
    return values(key)
