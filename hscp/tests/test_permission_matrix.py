"""The permission matrix, generated from the URL configuration (issue 11).

Every URL pattern is requested as every kind of user (core.access.KINDS) and the outcome
compared with the rule declared next to its view with `@access(...)`. A view without a
declaration fails here, so no page ships without saying who may open it. The admin site and
static files are declared once, as groups (ADMIN_RULE below). Each kind's request runs in a
savepoint rolled back afterwards, so a POST that changes something leaves the next kind the
same world.
"""

import datetime
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from core.access import KINDS, LOGIN, AccessRule, declared_rules, rule
from governance.models import Minutes
from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP
from governance.services.calendars import calendar_feed_create
from governance.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)
from governance.tests.factories_actions import record
from governance.tests.factories_meetings import AgendaItemFactory, AttendanceFactory, MeetingFactory
from governance.tests.factories_minutes import DecisionFactory
from governance.tests.factories_papers import PaperFactory
from notifications.models import Notification
from privacy.models import RetentionReview

# The Django admin, declared once for all its URLs: staff only, through its own login page.
ADMIN_RULE = rule("the Django admin", default=LOGIN, admin=200)

# Third-party views the project mounts, declared here because their code is not ours.
# (The accounts work replaces the login/logout views with its own, declared at the view.)
THIRD_PARTY_RULES = {
    "login": (rule("the login page", default=200, anonymous=200),),
    "logout": (rule("log out (POST only)", default=405),),
}

KWARG_OBJECTS = {
    "group_pk": "group",
    "meeting_pk": "meeting",
    "item_pk": "item",
    "token": "feed_token",
    # A password-reset link's user part (with the token above the link is invalid: the page says so).
    "uidb64": "reset_uid",
}
# `<pk>` names the object of the path segment before it.
SEGMENT_OBJECTS = {
    "groups": "group",
    "meetings": "meeting",
    "agenda-items": "item",
    "papers": "paper",
    "actions": "action",
    "action-review": "action",
    "agencies": "agency",
    "people": "person",
    "members": "membership",
    "memberships": "membership",
    "calendars": "feed",
    "notifications": "notification",
    "attendance": "attendance",
    "decisions": "decision",
    "minutes": "minutes",
    "reviews": "retention_review",
}


# The later apps bring their own part of the world: `<app>/tests/matrix.py` with SEGMENT_OBJECTS,
# KWARG_OBJECTS (as above) and `world_objects(*, users, groups, objects) -> dict` building the
# objects their URLs name (groups: "group", "other" and "jcr"; users: one per kind).
MATRIX_APPS = ("reviews", "audits", "training", "planning", "reporting", "dashboards")


def _app_matrix_modules() -> list:
    modules = []
    for app in MATRIX_APPS:
        try:
            modules.append(importlib.import_module(f"{app}.tests.matrix"))
        except ModuleNotFoundError as error:
            if error.name not in (f"{app}.tests", f"{app}.tests.matrix"):
                raise
    return modules


APP_MATRICES = _app_matrix_modules()
for _module in APP_MATRICES:
    for _mine, _theirs in (
        (SEGMENT_OBJECTS, _module.SEGMENT_OBJECTS),
        (KWARG_OBJECTS, _module.KWARG_OBJECTS),
    ):
        _clash = set(_mine) & set(_theirs)
        assert not _clash, f"{_module.__name__} names path segments already taken: {sorted(_clash)}"
        _mine.update(_theirs)


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    callback: object

    @property
    def rules(self) -> tuple[AccessRule, ...]:
        return THIRD_PARTY_RULES.get(self.name) or declared_rules(self.callback)


def _routes(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith("admin/"):
            continue  # the admin, as one group (ADMIN_RULE)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _routes(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            yield Route(f"{namespace}{pattern.name}", route, pattern.callback)


ROUTES = sorted(_routes(get_resolver()), key=lambda route: route.name)


def _kwarg_names(route: str) -> list[tuple[str, str]]:
    """(kwarg, the path segment before it) for each converter in the route."""
    return [(name, segment) for segment, name in re.findall(r"([\w.-]+)/<(?:\w+:)?(\w+)>", "/" + route)]


@pytest.fixture
def world(db):
    """The objects every URL names, and one user of each kind."""
    group = GroupFactory(name="Education Group", short_name="EDU")
    other = GroupFactory(name="MASH Group", short_name="MASH")
    jcr = GroupFactory(name="Joint Case Review Group", short_name="JCR")
    secretariat_group = AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0]
    partner_group = AuthGroup.objects.get_or_create(name=PARTNER_READER_GROUP)[0]

    def person_user(kind, **membership):
        user = UserFactory(username=f"matrix-{kind}")
        person = PersonFactory(user=user, name=f"Matrix {kind}")
        if membership:
            MembershipFactory(person=person, **membership)
        return user

    users = {
        "no_role": UserFactory(username="matrix-no-role"),
        "member": person_user("member", group=group, role="member"),
        "chair": person_user("chair", group=group, role="chair"),
        "other_chair": person_user("other-chair", group=other, role="chair"),
        "partner": UserFactory(username="matrix-partner"),
        "secretariat": person_user("secretariat"),
        "jcr": person_user("jcr", group=jcr, role="member"),
        "ended_member": person_user("ended", group=group, role="member", end_date="2024-06-01"),
        "admin": UserFactory(username="matrix-admin", is_superuser=True, is_staff=True),
    }
    users["partner"].groups.add(partner_group)
    users["secretariat"].groups.add(secretariat_group)

    meeting = MeetingFactory(group=group)
    item = AgendaItemFactory(meeting=meeting, title="Neglect strategy")
    owner = PersonFactory(name="Olive Owner")
    MembershipFactory(person=owner, group=group)
    feed = calendar_feed_create(group=group)
    objects = {
        "group": group,
        "meeting": meeting,
        "item": item,
        "paper": PaperFactory(agenda_item=item),
        "action": record(group, owners=[owner]),
        "agency": AgencyFactory(),
        "person": owner,
        "membership": owner.memberships.get(),
        "feed": feed,
        "feed_token": feed.token,
        "notification": Notification.objects.create(
            recipient=users["member"].person, kind="digest", key="matrix", subject="s", body="b"
        ),
        "attendance": AttendanceFactory(meeting=meeting, person=owner),
        "decision": DecisionFactory(agenda_item=item),
        "minutes": Minutes.objects.create(meeting=meeting),
        "retention_review": RetentionReview.objects.create(
            record_type="notifications",
            cutoff=datetime.date(2020, 1, 1),
            due_count=0,
            listed_at=timezone.now(),
        ),
        "reset_uid": "MQ",
    }
    groups = {"group": group, "other": other, "jcr": jcr}
    for module in APP_MATRICES:
        objects.update(module.world_objects(users=users, groups=groups, objects=objects))
    return users, objects


def _url(route: Route, objects: dict) -> str:
    kwargs = {}
    for name, segment in _kwarg_names(route.route):
        key = KWARG_OBJECTS.get(name) or (SEGMENT_OBJECTS.get(segment) if name == "pk" else None)
        assert key, f"{route.name}: no object for <{name}> after {segment}/ (add it to the matrix's world)"
        value = objects[key]
        kwargs[name] = value if isinstance(value, str) else value.pk
    return reverse(route.name, kwargs=kwargs)


def _outcome(response, login_url: str) -> object:
    """The status code, or LOGIN for a redirect to a login page (the site's or the admin's)."""
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith((login_url, reverse("admin:login"))):
            return LOGIN
    return response.status_code


def _request_as(kind: str, users: dict, method: str, url: str):
    """The request as one kind of user, in a savepoint rolled back afterwards."""
    client = Client()
    with transaction.atomic():
        if kind != "anonymous":
            client.force_login(users[kind])
        response = getattr(client, method.lower())(url)
        transaction.set_rollback(True)
    return response


def test_every_view_declares_who_may_open_it():
    undeclared = [f"{route.name} ({route.route})" for route in ROUTES if not route.rules]
    assert not undeclared, "Declare @access(...) on: " + ", ".join(undeclared)


def test_the_matrix_has_a_case_for_every_url_and_every_kind_of_user():
    cases = sum(len(route.rules) for route in ROUTES) * len(KINDS)
    assert cases >= len(ROUTES) * len(KINDS)


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_each_kind_of_user_gets_the_declared_outcome(route, world, settings):
    users, objects = world
    # /healthz answers as on the embedded default: who may open it is what is tested here, and
    # its answers with a broker and a stale scan are test_healthz's.
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_URL = "memory://"
    if not route.rules:
        pytest.fail(f"{route.name} declares no access rule")
    url = _url(route, objects)
    login_url = reverse("login")
    wrong = []
    for declared in route.rules:
        for kind in KINDS:
            got = _outcome(_request_as(kind, users, declared.method, url), login_url)
            if got != declared.outcomes[kind]:
                wrong.append(f"{declared.method} as {kind}: expected {declared.outcomes[kind]}, got {got}")
    assert not wrong, f"{route.name} ({url}):\n" + "\n".join(wrong)


@pytest.mark.parametrize("path", ["admin/", "admin/governance/group/", "admin/auth/user/"])
def test_the_admin_site_is_for_admins_only(path, world):
    users, _ = world
    wrong = []
    for kind in KINDS:
        got = _outcome(_request_as(kind, users, "GET", "/" + path), reverse("login"))
        if got != ADMIN_RULE.outcomes[kind]:
            wrong.append(f"{kind}: expected {ADMIN_RULE.outcomes[kind]}, got {got}")
    assert not wrong, "\n".join(wrong)
