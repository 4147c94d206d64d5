"""Standing users for every test (healthchecks' owner / member / outsider pattern)."""

import os

import pytest
import time_machine
from django.contrib.auth.models import Group as AuthGroup

from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP
from governance.tests.factories import MembershipFactory, PersonFactory, UserFactory
from notifications.scanning import scans_run

IN_CI = os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str):
    """Locally a missing service skips the test; in CI it fails it."""
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fast_tests(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Pages are rendered afresh in tests: inside a test's transaction nothing commits, so the
    # page cache's generation would never advance. core/tests/test_page_cache.py turns it on.
    settings.PAGE_CACHE_SECONDS = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _celery_in_process(request):
    """Tasks run in-process in tests, even when REDIS_URL is set (CI); only tests
    marked `services` send them to the real broker for a real worker."""
    from celery._state import _set_task_join_will_block

    from hscp.celery import app

    # Celery keeps "inside a task, joining would block" in one global: eager tasks run by two
    # threads at once (the concurrency tests) can leave it set, and the next test's
    # `.apply().get()` would then be refused. Each test starts outside any task.
    _set_task_join_will_block(False)
    previous = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager = request.node.get_closest_marker("services") is None
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = previous


@pytest.fixture
def page_cache_on(settings):
    """The page cache (core/page_cache.py) on a cache of this test's own."""
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin-user", is_superuser=True, is_staff=True)


@pytest.fixture
def secretariat(db):
    user = UserFactory(username="secretariat-user")
    user.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    PersonFactory(user=user, name="Sam Secretariat")
    return user


@pytest.fixture
def partner(db):
    user = UserFactory(username="partner-user")
    user.groups.add(AuthGroup.objects.get_or_create(name=PARTNER_READER_GROUP)[0])
    return user


@pytest.fixture
def group(db):
    from governance.tests.factories import GroupFactory

    return GroupFactory(name="Education Group", short_name="EDU")


@pytest.fixture
def chair(group):
    user = UserFactory(username="chair-user")
    person = PersonFactory(user=user, name="Chris Chair")
    MembershipFactory(person=person, group=group, role="chair")
    return user


@pytest.fixture
def member(group):
    user = UserFactory(username="member-user")
    person = PersonFactory(user=user, name="Morgan Member")
    MembershipFactory(person=person, group=group, role="member")
    return user


@pytest.fixture
def outsider(db):
    """Logged in, but with no role in the partnership."""
    return UserFactory(username="outsider-user")


@pytest.fixture
def scan_at(django_capture_on_commit_callbacks):
    """Run the reminder scan at a London moment, with e-mails sent as its batches commit."""

    def run(moment):
        with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
            return scans_run()

    return run
