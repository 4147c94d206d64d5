"""The page cache (core/page_cache.py): a page is kept per session until the next write."""

import datetime
import uuid
from unittest import mock

import pytest
import time_machine
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection, transaction
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import skip_or_fail
from core import page_cache
from governance.tests.factories import PersonFactory, UserFactory

Person = PersonFactory._meta.model  # core imports no app's models; tests may use governance's factories


def _structure(client):
    return client.get(reverse("governance:structure"))


def _hit(response) -> bool:
    return response.get("X-Page-Cache") == "hit"


@pytest.mark.django_db(transaction=True)
def test_a_second_visit_to_a_main_page_is_served_from_the_cache(page_cache_on, client, secretariat):
    client.force_login(secretariat)
    first = _structure(client)
    with CaptureQueriesContext(connection) as queries:
        second = _structure(client)
    assert first.status_code == second.status_code == 200
    assert not _hit(first) and _hit(second)
    assert second.content == first.content
    assert len(queries) <= 2  # the session and the user: the page itself reads nothing


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_shows_on_the_next_visit(page_cache_on, client, secretariat):
    client.force_login(secretariat)
    _structure(client)
    Person.objects.filter(user=secretariat).update(name="Samira Secretariat")
    response = _structure(client)
    assert not _hit(response)
    assert "Samira Secretariat" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_write_advances_the_generation_only_when_its_transaction_commits(page_cache_on, secretariat):
    before = page_cache.current_generation()
    with transaction.atomic():
        Person.objects.filter(user=secretariat).update(name="Samira Secretariat")
        PersonFactory(name="Another Person")
        assert page_cache.current_generation() == before
    assert page_cache.current_generation() == before + 1  # once per transaction


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_leaves_the_generation_as_it_was(page_cache_on, secretariat):
    before = page_cache.current_generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        PersonFactory(name="Never Saved")
        raise RuntimeError
    assert page_cache.current_generation() == before


@pytest.mark.django_db(transaction=True)
def test_saving_a_session_is_not_counted_as_a_write(page_cache_on, client, secretariat):
    client.force_login(secretariat)
    before = page_cache.current_generation()
    session = client.session
    session["something"] = "kept"
    session.save()
    assert page_cache.current_generation() == before


@pytest.mark.django_db(transaction=True)
def test_each_session_has_pages_of_its_own(page_cache_on, client, secretariat):
    client.force_login(secretariat)
    _structure(client)
    other = UserFactory(username="second-secretariat")
    other.groups.set(secretariat.groups.all())
    PersonFactory(user=other, name="Second Secretariat")
    client.force_login(other)  # a new session
    response = _structure(client)
    assert not _hit(response)
    assert "Second Secretariat" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_page_showing_a_message_is_neither_served_from_nor_kept_in_the_cache(
    page_cache_on, client, secretariat, rf
):
    client.force_login(secretariat)
    _structure(client)
    with mock.patch.object(page_cache, "_has_waiting_messages", return_value=True):
        assert not _hit(_structure(client))
    # and a real message: the page that shows it is rendered, and shows it once
    storage = CookieStorage(rf.get("/"))
    client.cookies[storage.cookie_name] = storage._encode(
        [Message(constants.SUCCESS, "The group was saved.")]
    )
    shown = _structure(client)
    assert not _hit(shown) and "The group was saved." in shown.content.decode()
    again = _structure(client)
    assert "The group was saved." not in again.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_new_day_renders_the_page_afresh(page_cache_on, client, secretariat):
    with time_machine.travel(datetime.datetime(2026, 12, 1, 23, 59, tzinfo=datetime.UTC), tick=False):
        client.force_login(secretariat)
        _structure(client)
        assert _hit(_structure(client))
    with time_machine.travel(datetime.datetime(2026, 12, 2, 0, 1, tzinfo=datetime.UTC), tick=False):
        assert not _hit(_structure(client))


@pytest.mark.django_db(transaction=True)
def test_with_the_cache_off_every_visit_is_rendered(page_cache_on, settings, client, secretariat):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(secretariat)
    _structure(client)
    assert not _hit(_structure(client))


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_cache_still_serves_the_page(page_cache_on, client, secretariat):
    client.force_login(secretariat)
    with mock.patch.object(page_cache.cache, "get", side_effect=ConnectionError("cache down")):
        response = _structure(client)
    assert response.status_code == 200 and not _hit(response)


@pytest.mark.django_db(transaction=True)
def test_a_form_post_is_never_answered_from_the_cache(page_cache_on, client, secretariat):
    client.force_login(secretariat)
    _structure(client)
    response = client.post(reverse("governance:structure"))
    assert not _hit(response)


@pytest.mark.parametrize(
    ("sql", "write"),
    [
        ('SELECT "governance_person"."id" FROM "governance_person"', False),
        ("  select 1", False),
        ('SAVEPOINT "s1"', False),
        ('INSERT INTO "governance_person" ("name") VALUES (%s)', True),
        ('UPDATE "governance_action" SET "status" = %s', True),
        ('DELETE FROM "governance_owner"', True),
        ('WITH moved AS (DELETE FROM "x" RETURNING *) SELECT 1', True),
        ('UPDATE "django_session" SET "expire_date" = %s', False),
        ('UPDATE "accounts_usersession" SET "last_seen_at" = %s', False),
    ],
)
def test_which_statements_count_as_writes(sql, write):
    assert page_cache.is_write(sql) is write


@pytest.mark.django_db(transaction=True)
def test_the_page_cache_works_on_the_shared_redis_cache(settings, client, secretariat):
    if not settings.CACHE_URL:
        skip_or_fail("CACHE_URL (or REDIS_URL) is not set, so there is no shared cache")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.CACHE_URL,
            "KEY_PREFIX": f"page-cache-test-{uuid.uuid4().hex}",
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    client.force_login(secretariat)
    assert not _hit(_structure(client))
    assert _hit(_structure(client))
    Person.objects.filter(user=secretariat).update(name="Samira Secretariat")
    response = _structure(client)
    assert not _hit(response) and "Samira Secretariat" in response.content.decode()
    # Its keys expire on their own: clear() would empty the whole Redis database, the broker's too.


@pytest.mark.django_db(transaction=True)
def test_a_page_from_the_cache_keeps_its_content_type_and_the_middlewares_no_store(
    page_cache_on, client, secretariat
):
    client.force_login(secretariat)
    first = _structure(client)
    second = _structure(client)
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Cache-Control"] == first["Cache-Control"]  # no-store: the middleware's, on both


def test_a_stored_page_comes_back_with_the_status_and_headers_its_view_set(page_cache_on):
    answer = HttpResponse("<p>partial</p>", status=200, content_type="text/html; charset=utf-8")
    answer["HX-Trigger"] = "logUpdated"
    page_cache.cache.set("page-cache:round-trip", page_cache._stored(answer))
    restored = page_cache._restored(page_cache.cache.get("page-cache:round-trip"))
    assert restored.content == b"<p>partial</p>" and restored.status_code == 200
    assert restored["HX-Trigger"] == "logUpdated"
    assert restored["Content-Type"] == "text/html; charset=utf-8"


@pytest.mark.django_db
def test_a_connection_is_watched_once_however_often_it_reconnects():
    page_cache.watch_connection(sender=None, connection=connection)
    page_cache.watch_connection(sender=None, connection=connection)
    watchers = [
        wrapper for wrapper in connection.execute_wrappers if isinstance(wrapper, page_cache.WriteWatcher)
    ]
    assert len(watchers) == 1
