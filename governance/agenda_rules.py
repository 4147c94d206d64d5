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
