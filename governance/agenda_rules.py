"""The agenda's confidentiality rule, as a pure function (no database, no clock).

An item marked confidential is confidential, and so is everything under it: a sub-item
(2.1) of a confidential item is confidential whether or not it is marked itself. Every
place that hides items (the meeting page, the papers list and agenda pack, the minutes,
calendar feeds, permissions on a single item) asks this rule.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar


class AgendaNode(Protocol):
    pk: int
    parent_id: int | None
    confidential: bool


Item = TypeVar("Item", bound=AgendaNode)


def is_confidential(item: AgendaNode, items_by_pk: Mapping[int, AgendaNode] | None = None) -> bool:
    """True if the item or any item above it is marked confidential.

    Parents are looked up in `items_by_pk` (the agenda already read); without it, through
    `item.parent` (a query unless the parent was selected with the item). A parent that is
    not in `items_by_pk` ends the walk.
    """
    node: AgendaNode | None = item
    seen: set[int] = set()
    while node is not None and node.pk not in seen:
        if node.confidential:
            return True
        seen.add(node.pk)
        if not node.parent_id:
            return False
        # Without the agenda at hand, the parent comes from the item (an AgendaItem's FK).
        node = node.parent if items_by_pk is None else items_by_pk.get(node.parent_id)  # type: ignore[attr-defined]
    return False


def confidential_item_ids(items: Iterable[AgendaNode]) -> set[int]:
    """The pks of the confidential items of an agenda (the whole agenda, in any order)."""
    items = list(items)
    by_pk = {item.pk: item for item in items}
    return {item.pk for item in items if is_confidential(item, by_pk)}


def without_confidential(items: Sequence[Item]) -> list[Item]:
    """The items that are not confidential, in the order given."""
    hidden = confidential_item_ids(items)
    return [item for item in items if item.pk not in hidden]


def sub_item_letters(ordinal: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa: the letter of a sub-item numbered as seed 003 does (2a, 2b)."""
    letters = ""
    while ordinal > 0:
        ordinal, remainder = divmod(ordinal - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


def item_number(*, ordinal: int | None, parent_number: str | None, letters: bool) -> str:
    """The printed number of an agenda item: `ordinal` counts the numbered items before it among
    its siblings (None for an unnumbered item, such as seed 003's Welcome, which prints none);
    a sub-item adds its ordinal to its parent's number, as 2.1 or, by the group's choice, 2a.
    Under an unnumbered item, sub-items are unnumbered too."""
    if ordinal is None or parent_number == "":
        return ""
    if parent_number is None:
        return str(ordinal)
    return f"{parent_number}{sub_item_letters(ordinal)}" if letters else f"{parent_number}.{ordinal}"
