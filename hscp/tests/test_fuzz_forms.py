"""Every form, fuzzed (issue 11, robustness): hypothesis posts strings with control
characters, huge lengths, wrong types, other objects' ids, missing and extra fields to every
URL that takes a POST, as every kind of user. No answer is a 500, and an answer that is not a
redirect (a form shown again, a 400, a 403, a 404) has saved nothing.

The forms' field names are read from the pages themselves; a POST-only URL gets the names of
every form in the world. Each example runs in a savepoint rolled back afterwards.
"""

import re

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from core.access import KINDS
from hscp.tests.test_permission_matrix import ROUTES, _url
from hscp.tests.test_permission_matrix import world as world  # the fixture

POST_ROUTES = [route for route in ROUTES if any(rule.method == "POST" for rule in route.rules)]
FIELD_NAME = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')
# Tables whose row counts must not move unless the answer is a redirect (a change made).
COUNTED_APPS = ("governance", "notifications", "privacy", "core")

# Text a form must survive: control characters (NUL included), right-to-left marks,
# a string far beyond any column, numbers of every size, dates that do not exist.
control_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=("Cc", "Cf", "L", "N", "P", "Zs")), max_size=40
)
huge_text = st.builds(lambda char, size: char * size, st.sampled_from("aé😀\x00"), st.integers(300, 70_000))
numbers = st.integers(min_value=-(2**70), max_value=2**70).map(str)
odd_values = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "1e309",
        "NaN",
        "true",
        "null",
        "[]",
        "{}",
        "2026-02-30",
        "31/12/9999",
        "25:61",
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '=HYPERLINK("x")',
    ]
)


def _ids(objects) -> list[str]:
    return [str(value.pk) for value in objects.values() if hasattr(value, "pk")] + ["999999"]


def _field_names(client: Client, url: str) -> list[str]:
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    return sorted(set(FIELD_NAME.findall(response.content.decode())) - {"csrfmiddlewaretoken"})


# The names a POST-only URL is tried with (it has no page of its own to read them from).
COMMON_FIELDS = [
    "title", "description", "status", "note", "text", "reason", "date", "person", "group", "owners",
    "due_date", "decision", "role", "start_date", "end_date", "name", "email", "position", "direction",
    "items", "agenda_item", "minutes", "line-TOTAL_FORMS", "line-0-person",
]  # fmt: skip


def _row_counts() -> tuple[int, ...]:
    """Every counted table's row count, in one query."""
    tables = [
        model._meta.db_table
        for app in COUNTED_APPS
        for model in apps.get_app_config(app).get_models()
        if model._meta.managed
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {table})" for table in tables))
        return tuple(cursor.fetchone())


@pytest.mark.parametrize("route", POST_ROUTES, ids=[route.name for route in POST_ROUTES])
def test_a_form_given_garbage_by_any_kind_of_user_never_fails_and_saves_nothing_by_half(route, world):
    users, objects = world
    url = _url(route, objects)
    admin = Client()
    admin.force_login(users["admin"])
    names = _field_names(admin, url)
    names = names or COMMON_FIELDS
    value = st.one_of(control_text, huge_text, numbers, odd_values, st.sampled_from(_ids(objects)))
    form = st.fixed_dictionaries(
        {},
        optional={
            **{name: st.one_of(value, st.lists(value, min_size=2, max_size=3)) for name in names},
            "unexpected_field": value,
            "id": st.sampled_from(_ids(objects)),
        },
    )

    @settings(
        max_examples=10,
        deadline=None,
        derandomize=True,
        # The first failing example is reported as found: shrinking it would cost minutes.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(kind=st.sampled_from([kind for kind in KINDS if kind != "anonymous"]), data=form)
    def post(kind, data):
        client = Client(raise_request_exception=False)
        with transaction.atomic():
            client.force_login(users[kind])
            before = _row_counts()
            response = client.post(url, data)
            after = _row_counts() if response.status_code != 302 else before
            transaction.set_rollback(True)
        assert response.status_code < 500, f"{kind} posting {data!r} to {url}: {response.status_code}"
        assert before == after, (
            f"{kind} got {response.status_code} from {url} posting {data!r}, yet rows changed"
        )

    post()


def test_an_attendance_post_without_its_lines_saves_nothing_and_shows_the_lines_again(client, world):
    """Found by the fuzz: a POST without the formset's management form was a 500."""
    users, objects = world
    client.force_login(users["chair"])
    url = f"/meetings/{objects['meeting'].pk}/attendance/"
    before = _row_counts()
    response = client.post(url, {"deputy_for": ""})
    assert response.status_code == 200
    assert "nothing was saved" in response.content.decode()
    assert _row_counts() == before
