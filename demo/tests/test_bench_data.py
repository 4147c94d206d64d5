"""`manage.py bench_data` (issue 16): the scale in bulk, topped up part by part, and never on a
database holding data it did not generate."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from demo.management.commands.bench_data import MARKER_AGENCY
from governance.models import Action, ActionUpdate, AgendaItem, Attendance, Group, Meeting, Person
from governance.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def development(settings):
    settings.DEBUG = True  # as on a developer's machine or a benchmark's loader


SMALL = [
    "--no-demo-year",
    "--groups=15",
    "--people=150",
    "--meetings=30",
    "--items=4",
    "--attendance=5",
    "--actions=300",
    "--other-actions=60",
    "--reviews=0",
    "--audits=0",
    "--sessions=0",
    "--bookings=0",
    "--verbosity=0",
]


def test_bench_data_refuses_a_database_holding_data_it_did_not_generate():
    PersonFactory(name="A Real Person")

    with pytest.raises(CommandError, match="holds data bench_data did not generate"):
        call_command("bench_data", *SMALL)

    assert Person.objects.count() == 1
    assert not Action.objects.exists()


def test_bench_data_refuses_to_run_with_debug_off_unless_told_it_is_not_production(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("bench_data", *SMALL)

    assert not Person.objects.exists()


def test_bench_data_fills_an_empty_database_to_each_size_and_a_second_run_adds_nothing():
    call_command("bench_data", *SMALL)

    board = Group.objects.get(name="Safeguarding Partners Board")
    sizes = {
        "groups": Group.objects.count(),
        "people": Person.objects.count(),
        "meetings": Meeting.objects.count(),
        "board": board.actions.count(),
        "others": Action.objects.exclude(group=board).count(),
    }
    assert sizes == {"groups": 15, "people": 150, "meetings": 30, "board": 300, "others": 60}
    assert AgendaItem.objects.count() == 30 * 4
    assert Attendance.objects.count() == 30 * 5
    assert Action.owners.through.objects.filter(action__group=board).count() >= 300
    assert ActionUpdate.objects.exists()
    assert Person.objects.filter(agency__name=MARKER_AGENCY).count() == 0  # the marker holds no one
    # Numbers run on from the log's sequence without a gap or a clash.
    assert sorted(board.actions.values_list("number", flat=True)) == list(range(1, 301))

    call_command("bench_data", *SMALL)

    assert Person.objects.count() == 150
    assert Meeting.objects.count() == 30
    assert Action.objects.count() == 360
