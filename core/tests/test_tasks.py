import datetime

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from core.tasks import clear_expired_sessions

pytestmark = pytest.mark.django_db


def _session(expires_in: datetime.timedelta) -> str:
    store = SessionStore()
    store["user"] = "someone"
    store.create()
    assert store.session_key is not None  # create() saved it under a new key
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def test_expired_sessions_are_cleared_and_live_ones_kept():
    expired = _session(datetime.timedelta(minutes=-1))
    live = _session(datetime.timedelta(hours=1))
    assert clear_expired_sessions.apply().get() == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert expired != live
