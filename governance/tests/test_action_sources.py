"""The action log's visibility hook: a source declares who may see the actions attached to it,
and every page, export and list of actions respects it, in the same number of queries.

An auth group stands in for a need-to-know source (a case review's panel): governance never
imports the apps whose objects are sources, so the tests register an unrelated model, as the
generic-relation tests do. The rule: only the users in that auth group see its actions.
"""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.action_sources import (
    actions_visible_to,
    actions_visible_to_person,
    register_action_source,
    registered_action_sources,
    unregister_action_source,
)
from governance.models import Action, ActionSource
from governance.permissions import SECRETARIAT_GROUP
from governance.selectors.actions import actions_reviewed_at
from governance.services.actions import action_record_for_source, action_update
from governance.tests.factories import GroupFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import MeetingFactory, bulk_actions, record
from governance.tests.test_queries_actions import LOG_QUERIES, MY_ACTIONS_QUERIES

pytestmark = pytest.mark.django_db

HOME_QUERIES = 20  # the ceiling of dashboards/tests/test_views_home.py for the secretariat (its work list)


def _only_its_users(user):
    return Q(user=user)


def _only_its_people(person):
    return Q(user__person=person)


@pytest.fixture
def need_to_know():
    """Register the stand-in source for one test only."""
    register_action_source(AuthGroup, visible_to=_only_its_users, visible_to_person=_only_its_people)
    # Django caches content types per process, as in production: warm them for every registered
    # source (the case reviews app registers its own), so a count below is the page's, not the cache's.
    ContentType.objects.get_for_models(*(rule.model for rule in registered_action_sources()))
    yield
    unregister_action_source(AuthGroup)


@pytest.fixture
def panel(need_to_know):
    return AuthGroup.objects.create(name="Case review panel: child A")


@pytest.fixture
def insider(panel):
    """Secretariat, and on the panel."""
    user = UserFactory(username="insider-user")
    user.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0], panel)
    PersonFactory(user=user, name="Ines Insider")
    return user


@pytest.fixture
def log(group, panel, insider, member):
    """The group's log: one ordinary action and one from the panel, both owned by the member
    (not on the panel) and the insider, both overdue so every list shows them."""
    today = timezone.localdate()
    owners = [member.person, insider.person]
    ordinary = record(
        group, owners=owners, description="Ordinary step", due_date=today - datetime.timedelta(days=3)
    )
    hidden = action_record_for_source(
        source_object=panel,
        source_kind=ActionSource.CASE_REVIEW,
        label="Case review: child A, recommendation 2",
        group=group,
        description="Need-to-know step",
        owners=owners,
        recorded_by=None,
        due_date=today - datetime.timedelta(days=2),
    )
    return {"ordinary": ordinary, "hidden": hidden}


def descriptions(actions) -> list[str]:
    return sorted(action.description for action in actions)


BOTH = ["Need-to-know step", "Ordinary step"]
ORDINARY = ["Ordinary step"]


# The hook ------------------------------------------------------------------------------------


def test_a_source_without_a_rule_is_seen_as_before(group, secretariat):
    action = action_record_for_source(
        source_object=GroupFactory(),
        source_kind=ActionSource.BUSINESS_PLAN,
        label="Business plan",
        group=group,
        description="Plan step",
        owners=[PersonFactory()],
        recorded_by=None,
    )
    assert type(action.source_object) not in [rule.model for rule in registered_action_sources()]
    assert list(actions_visible_to(Action.objects.all(), secretariat)) == [action]


def test_a_rule_narrows_by_user_and_by_person_in_one_query(log, secretariat, insider, member):
    with CaptureQueriesContext(connection) as context:
        assert descriptions(actions_visible_to(Action.objects.all(), secretariat)) == ORDINARY
    assert len(context.captured_queries) == 1
    assert descriptions(actions_visible_to(Action.objects.all(), insider)) == BOTH
    assert descriptions(actions_visible_to_person(Action.objects.all(), member.person)) == ORDINARY
    assert descriptions(actions_visible_to_person(Action.objects.all(), insider.person)) == BOTH


def test_a_rule_may_answer_with_a_queryset_of_sources_or_of_their_ids(log, panel, secretariat):
    register_action_source(
        AuthGroup,
        visible_to=lambda user: AuthGroup.objects.filter(pk=panel.pk),
        visible_to_person=lambda person: AuthGroup.objects.none().values_list("pk", flat=True),
    )
    assert descriptions(actions_visible_to(Action.objects.all(), secretariat)) == BOTH
    assert descriptions(actions_visible_to_person(Action.objects.all(), PersonFactory())) == ORDINARY


def test_a_rule_that_answers_with_anything_else_is_an_error(log, secretariat):
    register_action_source(AuthGroup, visible_to=lambda user: [1, 2], visible_to_person=_only_its_people)
    with pytest.raises(TypeError, match="must return a Q or a queryset"):
        actions_visible_to(Action.objects.all(), secretariat)


# Every surface -----------------------------------------------------------------------------


def test_the_group_log_hides_an_action_its_source_hides(client, group, log, secretariat, insider):
    url = reverse("governance:action_log", args=[group.pk])
    client.force_login(secretariat)
    response = client.get(url)
    assert descriptions(response.context["actions"]) == ORDINARY
    assert response.context["page_obj"].paginator.count == 1
    assert "Need-to-know step" not in response.content.decode()
    assert descriptions(client.get(url, {"q": "step"}).context["actions"]) == ORDINARY
    client.force_login(insider)
    assert descriptions(client.get(url).context["actions"]) == BOTH


def test_the_exports_hide_an_action_its_source_hides(client, group, log, secretariat, insider):
    def exported(user) -> dict[str, list[str]]:
        client.force_login(user)
        csv_response = client.get(reverse("governance:action_log_csv", args=[group.pk]))
        csv_text = b"".join(csv_response.streaming_content).decode("utf-8-sig")
        xlsx_response = client.get(reverse("governance:action_log_xlsx", args=[group.pk]))
        sheet = openpyxl.load_workbook(io.BytesIO(xlsx_response.content))["Action log"]
        print_url = reverse("governance:action_log_print", args=[group.pk])
        pdf_response = client.get(print_url, {"format": "pdf"})
        assert pdf_response.content.startswith(b"%PDF")
        return {
            "csv": sorted(row[3] for row in list(csv.reader(io.StringIO(csv_text)))[1:]),
            "xlsx": sorted(row[3] for row in list(sheet.iter_rows(values_only=True))[1:]),
            "print": descriptions(client.get(print_url).context["actions"]),
            "pdf": descriptions(pdf_response.context["actions"]),
        }

    assert exported(secretariat) == {"csv": ORDINARY, "xlsx": ORDINARY, "print": ORDINARY, "pdf": ORDINARY}
    assert exported(insider) == {"csv": BOTH, "xlsx": BOTH, "print": BOTH, "pdf": BOTH}


def test_the_action_plan_neither_lists_nor_counts_an_action_its_source_hides(
    client, group, log, secretariat, insider
):
    url = reverse("governance:action_plan", args=[group.pk])

    def plan(user):
        client.force_login(user)
        response = client.get(url)
        listed = [action for line in response.context["plan"] for row in line.lines for action in row.actions]
        return descriptions(listed), response.context["totals"]["open"], response.context["totals"]["overdue"]

    assert plan(secretariat) == (ORDINARY, 1, 1)
    assert plan(insider) == (BOTH, 2, 2)
    client.force_login(secretariat)
    response = client.get(url)
    assert ActionSource.CASE_REVIEW not in [line.source for line in response.context["plan"]]
    assert "child A" not in response.content.decode()


def test_an_action_its_source_hides_is_not_found(client, log, secretariat, insider):
    hidden = log["hidden"]
    client.force_login(secretariat)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    update = client.post(reverse("governance:action_update", args=[hidden.pk]), {"text": "Seen it"})
    assert update.status_code == 404
    hand_over = client.post(reverse("governance:action_hand_over", args=[hidden.pk]), {"note": "x"})
    assert hand_over.status_code == 404
    assert not hidden.updates.exists()
    client.force_login(insider)
    assert client.get(hidden.get_absolute_url()).status_code == 200


def test_the_meeting_review_hides_an_action_its_source_hides(client, group, log, secretariat, insider):
    meeting = MeetingFactory(group=group, starts_at=timezone.now() + datetime.timedelta(days=7))
    for action in log.values():
        action_update(action=action, author=None, text="Reviewed.", reviewed_at_meeting=meeting)
    review_url = reverse("governance:meeting_action_review", args=[meeting.pk])
    row_url = reverse("governance:meeting_action_review_update", args=[meeting.pk, log["hidden"].pk])
    client.force_login(secretariat)
    rows = client.get(review_url).context["rows"]
    assert descriptions(row["action"] for row in rows) == ORDINARY
    assert client.post(row_url, {f"action-{log['hidden'].pk}-text": "Seen it"}).status_code == 404
    assert client.post(row_url, {}, headers={"HX-Request": "true"}).status_code == 404
    assert descriptions(actions_reviewed_at(meeting, user=secretariat)) == ORDINARY
    client.force_login(insider)
    assert descriptions(row["action"] for row in client.get(review_url).context["rows"]) == BOTH
    assert descriptions(actions_reviewed_at(meeting, user=insider)) == BOTH


def test_my_actions_hides_an_action_its_source_hides_even_from_its_owner(client, log, member, insider):
    url = reverse("governance:my_actions")
    client.force_login(member)
    assert descriptions(client.get(url).context["actions"]) == ORDINARY
    client.force_login(insider)
    assert descriptions(client.get(url).context["actions"]) == BOTH


def test_the_home_page_neither_lists_nor_counts_an_action_its_source_hides(client, log, member, insider):
    client.force_login(member)
    response = client.get(reverse("home"))
    assert descriptions(response.context["my_outstanding_actions"]) == ORDINARY
    assert response.context["my_overdue_count"] == 1
    client.force_login(insider)
    response = client.get(reverse("home"))
    assert descriptions(response.context["my_outstanding_actions"]) == BOTH
    assert response.context["my_overdue_count"] == 2


def test_a_reminder_scan_can_leave_out_what_a_person_may_not_be_told(log, member, insider):
    overdue = Action.objects.filter(due_date__lt=timezone.localdate())
    assert (
        descriptions(actions_visible_to_person(overdue.filter(owners=member.person), member.person))
        == ORDINARY
    )
    assert (
        descriptions(actions_visible_to_person(overdue.filter(owners=insider.person), insider.person)) == BOTH
    )


# Query counts ------------------------------------------------------------------------------


def _count(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params or {}).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("page", ["action_log", "action_log_searching", "my_actions", "home", "action_plan"])
def test_a_rule_adds_no_query_to_a_page(client, group, secretariat, page, django_assert_max_num_queries):
    """Each page runs as many queries with the rule registered as without, within its ceiling."""
    people = [secretariat.person, *(PersonFactory() for _ in range(3))]
    bulk_actions(group, 60, owners=people, owners_per_action=2, updates_per_action=2)
    panel = AuthGroup.objects.create(name="Panel")
    secretariat.groups.add(panel)
    action_record_for_source(
        source_object=panel,
        source_kind=ActionSource.CASE_REVIEW,
        label="Case review",
        group=group,
        description="Need-to-know step",
        owners=people[:1],
        recorded_by=None,
    )
    url, params, ceiling = {
        "action_log": (reverse("governance:action_log", args=[group.pk]), {}, LOG_QUERIES),
        "action_log_searching": (
            reverse("governance:action_log", args=[group.pk]),
            {"q": "step", "status": "outstanding", "page": 2},
            LOG_QUERIES,
        ),
        "my_actions": (reverse("governance:my_actions"), {"page": 2}, MY_ACTIONS_QUERIES),
        "home": (reverse("home"), {}, HOME_QUERIES),
        "action_plan": (reverse("governance:action_plan", args=[group.pk]), {}, LOG_QUERIES),
    }[page]
    client.force_login(secretariat)
    without_rules = _count(client, url, params)
    register_action_source(AuthGroup, visible_to=_only_its_users, visible_to_person=_only_its_people)
    try:
        ContentType.objects.get_for_model(AuthGroup)
        with django_assert_max_num_queries(ceiling):
            assert client.get(url, params).status_code == 200
        assert _count(client, url, params) == without_rules
    finally:
        unregister_action_source(AuthGroup)


def test_the_reviewed_actions_of_the_minutes_keep_their_three_queries(
    group, need_to_know, secretariat, django_assert_num_queries
):
    # A week after the actions were recorded: a meeting reviews only actions that existed at it.
    meeting = MeetingFactory(group=group, starts_at=timezone.now() + datetime.timedelta(days=7))
    bulk_actions(group, 20, owners=[PersonFactory()], owners_per_action=1, updates_per_action=1)
    for action in group.actions.all()[:4]:
        action_update(action=action, author=None, text="Reviewed.", reviewed_at_meeting=meeting)
    # The user's roles are read once per request, as the page's permission check has done
    # (which logs the user may read: issue 9).
    assert secretariat.has_perm("governance.view_partnership")
    with django_assert_num_queries(3):
        assert len(actions_reviewed_at(meeting, user=secretariat)) == 4
