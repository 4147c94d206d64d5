import datetime
from types import SimpleNamespace

import pytest

from governance import action_rules
from governance.action_rules import Rag, action_rag, format_reference, owner_initials
from governance.models import FINISHED_STATUSES, OUTSTANDING_STATUSES

TODAY = datetime.date(2019, 12, 18)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("status", "due_date", "expected"),
    [
        ("open", days(-1), Rag.RED),
        ("open", days(-400), Rag.RED),
        ("open", days(0), Rag.AMBER),  # due today is not yet overdue
        ("open", days(1), Rag.AMBER),
        ("open", days(14), Rag.AMBER),  # due in exactly 14 days
        ("open", days(15), Rag.GREEN),
        ("open", None, Rag.GREEN),
        ("in_progress", days(-1), Rag.RED),
        ("deferred", days(3), Rag.AMBER),
        ("deferred", days(30), Rag.GREEN),
        ("completed", days(-30), Rag.GREY),
        ("closed", days(-30), Rag.GREY),
        ("superseded", days(5), Rag.GREY),
        ("completed", None, Rag.GREY),
    ],
)
def test_rag_is_derived_from_status_and_dates(status, due_date, expected):
    assert action_rag(status, due_date, TODAY) is expected


@pytest.mark.parametrize(
    ("due_date", "overdue"),
    [(days(-1), True), (days(0), False), (days(1), False), (None, False)],
)
def test_an_action_is_overdue_only_once_its_due_date_has_passed(due_date, overdue):
    assert action_rules.is_overdue("open", due_date, TODAY) is overdue


def test_a_finished_action_is_never_overdue():
    assert action_rules.is_overdue("completed", days(-10), TODAY) is False


def test_every_rag_marker_has_words_as_well_as_a_colour():
    for rag in Rag:
        marker = action_rules.RAG_MARKERS[rag]
        assert marker.label and marker.css_class.startswith("text-bg-")
    assert action_rules.rag_marker("open", days(-1), TODAY).label == "Overdue"


@pytest.mark.parametrize(
    ("meeting_date", "item_number", "expected"),
    [
        (datetime.date(2019, 10, 23), "4.1", "23.10.19 ref 4.1"),
        (datetime.date(2019, 11, 18), "2.2", "18.11.19 ref 2.2"),
        (datetime.date(2020, 1, 5), "7", "05.01.20 ref 7"),
        (datetime.date(2020, 1, 5), "3.", "05.01.20 ref 3"),
        (datetime.date(2020, 1, 5), None, "05.01.20"),
        (datetime.date(2020, 1, 5), " ", "05.01.20"),
    ],
)
def test_reference_quotes_the_meeting_date_and_item(meeting_date, item_number, expected):
    assert format_reference(meeting_date, item_number) == expected


def test_owner_initials_are_joined_with_slashes_in_order():
    people = [SimpleNamespace(initials=initials) for initials in ("EF", "KW", "PG")]
    assert owner_initials(people) == "EF/KW/PG"
    assert owner_initials([]) == ""


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (datetime.date(2024, 1, 1), datetime.date(2024, 1, 1)),
        (datetime.date(2024, 3, 31), datetime.date(2024, 1, 1)),
        (datetime.date(2024, 4, 1), datetime.date(2024, 4, 1)),
        (datetime.date(2024, 9, 30), datetime.date(2024, 7, 1)),
        (datetime.date(2024, 12, 31), datetime.date(2024, 10, 1)),
    ],
)
def test_quarter_starts_on_the_first_of_january_april_july_or_october(today, start):
    assert action_rules.quarter_start(today) == start


def test_next_meeting_is_the_first_strictly_after_the_date():
    dates = [datetime.date(2020, 1, 31), datetime.date(2019, 12, 18), datetime.date(2020, 3, 16)]
    assert action_rules.next_meeting_date(dates, after=datetime.date(2019, 12, 18)) == datetime.date(
        2020, 1, 31
    )
    assert action_rules.next_meeting_date(dates, after=datetime.date(2020, 3, 16)) is None


def test_rule_statuses_match_the_models():
    assert {str(s) for s in OUTSTANDING_STATUSES} == action_rules.OUTSTANDING
    assert {str(s) for s in FINISHED_STATUSES} == action_rules.FINISHED
