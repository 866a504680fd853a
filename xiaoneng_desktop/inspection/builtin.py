"""The built-in template: seed 000 §二(二)4, the 五查 and their check points in the seed's words.
Written when a data file is created or upgraded (schema.py), so every file has it from the start."""

from __future__ import annotations

from xiaoneng_desktop.core import clock
from xiaoneng_desktop.inspection.models import CheckItem, CheckPoint, Template

BUILTIN_NAME = "五查（机关作风整顿自查）"

BUILTIN_CHECKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("查思想认识", (
        "是否牢固树立“一盘棋”思想、大局意识",
        "是否自觉搞好协调配合",
        "有无各自为阵、相互扯皮拆台等现象",
    )),
    ("查工作效率", (
        "有无自由散漫、精神萎靡现象",
        "工作是否雷厉风行",
        "有无作风拖拉、不在状态、故意设障、拖延不办等现象",
    )),
    ("查工作纪律", (
        "是否遵守作息时间",
        "有无迟到早退、脱岗串岗、聊天玩游戏和乱发议论等现象",
        "有无参与打牌赌博现象",
    )),
    ("查服务质量", (
        "服务基层、服务群众、服务委员的意识是否够强",
        "有无“门难进、人难找、脸难看、事难办”的现象",
        "接待委员或来访对象是否热情，有无态度冷漠、敷衍推诿等现象",
    )),
    ("查廉政建设", (
        "是否按有关规定廉洁自律",
        "有无收受现金、礼品等现象",
        "有无参与违规经商办企业现象",
    )),
)


def install_builtin_template() -> Template | None:
    """Insert the built-in template unless the file has one (even retired); caller holds the transaction."""
    if Template.select().where(Template.builtin == True).exists():  # noqa: E712
        return None
    template = Template.create(name=BUILTIN_NAME, version=1, builtin=True, created_at=clock.now())
    for i, (check, points) in enumerate(BUILTIN_CHECKS, start=1):
        item = CheckItem.create(template=template, position=i, name=check)
        for j, text in enumerate(points, start=1):
            CheckPoint.create(item=item, position=j, text=text)
    return template
