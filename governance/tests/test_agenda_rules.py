from dataclasses import dataclass

from governance.agenda_rules import confidential_item_ids, is_confidential, without_confidential


@dataclass
class Item:
    pk: int
    parent_id: int | None = None
    confidential: bool = False


def test_an_item_marked_confidential_is_confidential():
    assert is_confidential(Item(1, confidential=True), {})


def test_a_sub_item_of_a_confidential_item_is_confidential_at_any_depth():
    top, sub, subsub = Item(1, confidential=True), Item(2, parent_id=1), Item(3, parent_id=2)
    assert confidential_item_ids([subsub, sub, top]) == {1, 2, 3}


def test_items_outside_a_confidential_branch_are_kept_in_order():
    items = [Item(1), Item(2, confidential=True), Item(3, parent_id=2), Item(4, parent_id=1)]
    assert [item.pk for item in without_confidential(items)] == [1, 4]


def test_a_parent_missing_from_the_agenda_ends_the_walk():
    assert not is_confidential(Item(2, parent_id=99), {})


def test_a_loop_in_the_tree_does_not_hang():
    a, b = Item(1, parent_id=2), Item(2, parent_id=1)
    assert not is_confidential(a, {1: a, 2: b})
