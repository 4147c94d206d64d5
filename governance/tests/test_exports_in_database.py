"""The action log's export built by PostgreSQL (owners aggregated and the latest update joined in
one row query, no JIT compilation, issue 16) writes the same bytes as the export built in Python
from the owner links (the embedded default's way), for the same people and the same filters."""

import csv
import datetime
import io
import zipfile

import pytest
import time_machine
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import skip_or_fail
from governance.action_sources import (
    register_action_source,
    registered_action_sources,
    unregister_action_source,
)
from governance.models import ActionSource, ActionStatus, GroupKind
from governance.selectors import actions as selectors_actions
from governance.services.actions import action_hand_over, action_record_for_source, action_update
from governance.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)
from governance.tests.factories_actions import AgendaItemFactory, MeetingFactory, bulk_actions, london, record
from governance.tests.test_exports_at_scale import EXPORT_QUERIES

pytestmark = pytest.mark.django_db

NEED_TO_KNOW = "Need-to-know step for child A"
SECRET = "Contact the foster carers of Child Q"


def _requires_postgresql():
    if connection.vendor != "postgresql":
        skip_or_fail("the export built by the database is PostgreSQL's (DATABASE_URL is not PostgreSQL)")


@pytest.fixture
def need_to_know():
    """An auth group stands in for a case review (governance imports no source app): only the
    users in it see its actions, as test_action_sources does."""
    register_action_source(
        AuthGroup,
        visible_to=lambda user: Q(user=user),
        visible_to_person=lambda person: Q(user__person=person),
    )
    ContentType.objects.get_for_models(*(rule.model for rule in registered_action_sources()))
    yield AuthGroup.objects.create(name="Case review panel: child A")
    unregister_action_source(AuthGroup)


@pytest.fixture
def board(need_to_know, secretariat):
    """A log with what an export has to get right: owners with initials derived and overridden,
    an owning group, several updates (two at the same moment, one just after midnight in
    London), text a spreadsheet would run as a formula, unicode, commas, quotes and new lines,
    blank fields, a moved due date, finished actions, hand-overs both ways, an action agreed at a
    confidential item and one from a need-to-know source."""
    board = GroupFactory(name="Safeguarding Children Board", short_name="Board", kind=GroupKind.BOARD)
    board.log_open_to_partners = True
    board.save()
    mash = GroupFactory(name="MASH Group", short_name="MASH")
    dp = GroupFactory(name="Development & Practice Group", short_name="D&P Group")
    zoe = PersonFactory(name="Zoë O'Brien-Ng")
    emile = PersonFactory(name="Émile d. Dupont")
    kim = PersonFactory(name="Kim Walsh", initials_override="KW2")
    comma = PersonFactory(name="Åsa Ångström, OBE")
    police = AgencyFactory(name="West Mercia Police, Herefordshire")
    meeting = MeetingFactory(group=board, starts_at=london(2024, 5, 20))
    open_item = AgendaItemFactory(meeting=meeting, title="Budget")
    secret_item = AgendaItemFactory(meeting=meeting, title="Rapid review: Child Q", confidential=True)

    with time_machine.travel(london(2024, 5, 31, 23, 30), tick=False):
        formula = record(
            board,
            owners=[zoe, emile, kim],
            title='=cmd|" /C calc"!A0',
            description='Ring partners, then "report back",\nto the board',
            lead_agency=police,
            due_date=datetime.date(2024, 6, 10),
            origin_meeting=meeting,
            origin_item=open_item,
        )
        action_update(action=formula, author=None, text="First: asked.")
        action_update(action=formula, author=None, text="Second, at the same moment:\r\n«réponse» ☕")
        action_update(
            action=formula,
            author=None,
            text="@chair moved",
            revised_due_date=datetime.date(2024, 7, 1),
            revision_reason="Waiting for the police's figures",
        )
    record(board, owners=[], owner_group=dp, description="+44 1432 260000 to be called", title="")
    record(board, owners=[comma], description="-5% on the training budget", due_date=None)
    record(board, owners=[kim], description="\tTabbed, and\r\nsplit")
    finished = record(
        board, owners=[zoe], description="Publish the annual report", due_date=datetime.date(2024, 3, 1)
    )
    with time_machine.travel(london(2024, 6, 1, 0, 30), tick=False):
        action_update(action=finished, author=None, text="Published.", new_status=ActionStatus.COMPLETED)
    moved = record(board, owners=[emile], description="Pass to the MASH group")
    action_update(action=moved, author=None, text="Raised with the MASH chair.")
    action_hand_over(action=moved, to_group=mash, handed_by=secretariat)
    arrived = record(mash, owners=[kim, zoe], description="Came from MASH")
    action_hand_over(action=arrived, to_group=board, handed_by=secretariat)
    record(
        board,
        owners=[zoe],
        title="Child Q placement",
        description=SECRET,
        origin_meeting=meeting,
        origin_item=secret_item,
    )
    action_record_for_source(
        source_object=need_to_know,
        source_kind=ActionSource.CASE_REVIEW,
        label="Case review: child A, recommendation 2",
        group=board,
        description=NEED_TO_KNOW,
        owners=[zoe],
        recorded_by=None,
    )
    bulk_actions(board, 40, owners=[zoe, emile, kim, comma], owners_per_action=3, updates_per_action=2)
    return board


@pytest.fixture
def board_member(board, need_to_know):
    """A board member on the case review's panel: sees both the confidential item's action and
    the need-to-know one."""
    user = UserFactory(username="board-member")
    user.groups.add(need_to_know)
    MembershipFactory(person=PersonFactory(user=user, name="Bea Boardmember"), group=board, role="member")
    return user


def _both_ways(client, monkeypatch, url, params=None) -> tuple[bytes, bytes]:
    with CaptureQueriesContext(connection) as in_database:
        built_by_database = _body(client.get(url, params or {}))
    assert any("array_agg" in query["sql"] for query in in_database.captured_queries)
    with monkeypatch.context() as patch:
        patch.setattr(selectors_actions, "export_aggregates_in_database", lambda: False)
        built_in_python = _body(client.get(url, params or {}))
    return built_by_database, built_in_python


def _body(response) -> bytes:
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    # A workbook's zip stamps each part with the time it was written: compare the sheet itself.
    with zipfile.ZipFile(io.BytesIO(response.content)) as workbook:
        return workbook.read("xl/worksheets/sheet1.xml")


@time_machine.travel(london(2024, 6, 5, 10), tick=False)
@pytest.mark.parametrize("name", ["action_log_csv", "action_log_xlsx"])
@pytest.mark.parametrize("who", ["secretariat", "partner", "board_member"])
def test_the_export_built_by_the_database_is_byte_for_byte_the_one_built_in_python(
    client, monkeypatch, request, board, name, who
):
    _requires_postgresql()
    client.force_login(request.getfixturevalue(who))
    url = reverse(f"governance:{name}", args=[board.pk])

    built_by_database, built_in_python = _both_ways(client, monkeypatch, url)

    assert built_by_database == built_in_python
    if name == "action_log_csv":
        rows = list(csv.reader(io.StringIO(built_by_database.decode("utf-8-sig"))))
        text = "\n".join(",".join(row) for row in rows)
        assert len(rows) == 1 + 40 + 7 + (who != "partner") + (who == "board_member")
        assert (SECRET in text) == (who != "partner")
        assert (NEED_TO_KNOW in text) == (who == "board_member")
        [formula] = [row for row in rows if row[3].startswith("Ring partners")]
        assert formula[2] == '\'=cmd|" /C calc"!A0'
        assert sorted(formula[4].split("/")) == ["KW2", "ZON", "ÉDD"]
        assert formula[7:9] == ["01/07/2024", "10/06/2024"]
        assert formula[11:13] == ["'@chair moved", "31/05/2024"]  # the last of three at one moment
        [finished] = [row for row in rows if row[3] == "Publish the annual report"]
        assert finished[11:13] == ["Published.", "01/06/2024"]  # 23:30 on 31 May in UTC


@time_machine.travel(london(2024, 6, 5, 10), tick=False)
def test_the_two_ways_agree_on_a_filtered_and_searched_log(client, monkeypatch, board, secretariat):
    _requires_postgresql()
    client.force_login(secretariat)
    url = reverse("governance:action_log_csv", args=[board.pk])

    for params in ({"status": "outstanding"}, {"q": "partners"}, {"status": "finished"}):
        built_by_database, built_in_python = _both_ways(client, monkeypatch, url, params)
        assert built_by_database == built_in_python, params


@pytest.mark.parametrize("in_database", [True, False])
def test_each_way_runs_the_same_queries_for_ten_actions_as_for_five_hundred(
    client, monkeypatch, secretariat, group, in_database, django_assert_max_num_queries
):
    if in_database:
        _requires_postgresql()
    monkeypatch.setattr(selectors_actions, "export_aggregates_in_database", lambda: in_database)
    people = [PersonFactory() for _ in range(6)]
    client.force_login(secretariat)
    url = reverse("governance:action_log_csv", args=[group.pk])
    # Django caches content types per process, as in production: the first request reads the
    # registered action sources' (whichever test ran before in this process), the rest do not.
    b"".join(client.get(url).streaming_content)
    counts = []
    for size in (10, 490):
        bulk_actions(group, size, owners=people, owners_per_action=3, updates_per_action=2)
        with CaptureQueriesContext(connection) as captured, django_assert_max_num_queries(EXPORT_QUERIES):
            content = b"".join(client.get(url).streaming_content)
        assert content.count(b"\r\n") == 1 + group.actions.count()
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_export_runs_without_jit_and_leaves_the_connection_as_it_found_it(group):
    _requires_postgresql()
    bulk_actions(group, 5, owners=[PersonFactory()], updates_per_action=1)

    def jit() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('jit')")
            return cursor.fetchone()[0]

    before = jit()
    rows = selectors_actions.action_log_export(
        selectors_actions.group_action_log(group=group, with_place=False),
        group=group,
        today=datetime.date(2024, 6, 1),
    )
    next(rows)
    during = jit()
    assert len(list(rows)) == 4

    assert (during, jit()) == ("off", before)
    assert connection.get_autocommit()
