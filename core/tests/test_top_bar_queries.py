"""The top bar's entries cost no query of Django's permission tables."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

APP_ENTRIES = Template(
    '{% include "audits/_nav.html" %}{% include "training/_nav.html" %}{% include "planning/_nav.html" %}'
)


def _entries(user) -> tuple[str, list[str]]:
    user = get_user_model().objects.get(pk=user.pk)  # fresh: nothing cached from the fixtures
    request = RequestFactory().get("/")
    request.user = user
    request.resolver_match = None
    with CaptureQueriesContext(connection) as queries:
        html = APP_ENTRIES.render(Context({"user": user, "request": request}))
    return html, [query["sql"] for query in queries]


@pytest.mark.parametrize("who", ["chair", "partner", "secretariat"])
def test_the_top_bar_asks_the_rules_without_reading_the_permission_tables(who, request):
    _, queries = _entries(request.getfixturevalue(who))
    assert not [sql for sql in queries if '"auth_permission"' in sql]


def test_the_top_bar_still_shows_each_app_to_those_its_rules_allow(partner, chair):
    html, _ = _entries(partner)
    assert all(f'href="{reverse(name)}"' in html for name in ("audits:home", "training:session_list"))
    html, _ = _entries(chair)
    assert f'href="{reverse("planning:plan_current")}"' in html
