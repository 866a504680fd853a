"""What the command line and the window share before any work starts: the demo data module if this
build includes it, whether the open data file is still empty, and a progress callback's arguments in
words. Qt-free, so that ``app`` needs nothing from ``cli`` (cli starts app, never the other way).
"""

from __future__ import annotations


class FeatureMissing(Exception):
    """A part of the program this build does not include; the message is for the user."""


def load_demo_module():
    import importlib

    try:
        demo = importlib.import_module("xiaoneng_desktop.demo")
    except ModuleNotFoundError as exc:
        if exc.name != "xiaoneng_desktop.demo":
            raise
        raise FeatureMissing("本版本尚未包含演示数据功能。") from exc
    return demo


def database_is_empty() -> bool:
    """No people, no departments and no register records in the open data file."""
    from xiaoneng_desktop import schema
    from xiaoneng_desktop.core.models import CORE_MODELS, Department, Person

    preset = getattr(schema, "PRESET_MODELS", [])
    models = [Department, Person, *(m for m in schema.MODELS if m not in CORE_MODELS and m not in preset)]
    return not any(model.select().exists() for model in models)


def describe_progress(*args, **kwargs) -> tuple[int | None, str]:
    """(percent or None, text) from whatever a progress callback is given:
    ``(done, total)``, a fraction ``0.0–1.0``, and/or a text."""
    values = [*args, *kwargs.values()]
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    text = " ".join(v for v in values if isinstance(v, str))
    percent = None
    if len(numbers) >= 2 and numbers[1] > 0:
        percent = numbers[0] * 100 / numbers[1]
    elif len(numbers) == 1 and isinstance(numbers[0], float) and 0 <= numbers[0] <= 1:
        percent = numbers[0] * 100
    if percent is not None:
        percent = max(0, min(100, round(percent)))
    return percent, text
