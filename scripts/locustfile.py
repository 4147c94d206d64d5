"""The load test's simulated people (issue 16): the five kinds of demo user reading the pages
they use, with think time. Run through `make loadtest` (scripts/loadtest.py starts gunicorn, a
Celery worker and locust against the bench database); not part of the test suite.

Each kind logs in once through the login page and its second step, and its simulated users share
that session: the authenticator refuses a code twice, as a person's phone would.

The chairs also write: now and then one posts an update to an action they own (its page, then
the form, with the page's CSRF token), so the page cache is emptied at each commit, as a
partnership at work empties it, and the readers' next pages are rendered afresh.
"""

import os
import random
import re
import sys
import threading
from pathlib import Path

from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import log_in  # the same two-step login as scripts/bench

PATHS: dict[str, list[str]] = {}  # filled from LOADTEST_PATHS (scripts/loadtest.py)
_sessions: dict[str, str] = {}
_lock = threading.Lock()


def _paths() -> dict[str, list[str]]:
    if not PATHS:
        for line in os.environ["LOADTEST_PATHS"].split(";"):
            kind, _, paths = line.partition("=")
            PATHS[kind] = paths.split(",")
    return PATHS


def _given_cookies() -> dict[str, str]:
    """The sessions scripts/loadtest.py logged in already (user=cookie header, one per line): a
    second login within the same 30 s would offer the authenticator's code again, and be refused."""
    given = {}
    for line in os.environ.get("LOADTEST_COOKIES", "").splitlines():
        username, _, cookie = line.partition("=")
        if cookie:
            given[username] = cookie
    return given


def _cookie(username: str, port: int) -> str:
    with _lock:
        if username not in _sessions and username in _given_cookies():
            _sessions[username] = _given_cookies()[username]
        if username not in _sessions:
            session = log_in(port, username, os.environ["DEMO_PASSWORD"], os.environ["DEMO_TOTP_SECRET"])
            _sessions[username] = "; ".join(f"{name}={value}" for name, value in session.cookies.items())
        return _sessions[username]


class DemoUser(HttpUser):
    abstract = True
    username = ""
    wait_time = between(2, 6)  # reading a page before the next

    def on_start(self):
        port = int(self.host.rsplit(":", 1)[1])
        # Secure cookies (DEBUG off) over plain HTTP: sent by hand, as scripts/bench does.
        self.client.headers["Cookie"] = _cookie(self.username, port)

    def visit(self):
        path = random.choice(_paths()[self.username])
        with self.client.get(path, name=_label(path), catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"{path} answered {response.status_code}")


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _label(path: str) -> str:
    """Pages named by their shape, numbers hidden: /meetings/<id>/, as the report groups them."""
    return "/".join("<id>" if part.isdigit() else part for part in path.split("/"))


class Secretariat(DemoUser):
    username = "secretariat"
    weight = 12

    @task
    def page(self):
        self.visit()


class Chair(DemoUser):
    username = "chair"
    weight = 14

    @task(8)
    def page(self):
        self.visit()

    @task(1)
    def post_an_update(self):
        writes = os.environ.get("LOADTEST_UPDATE_ACTIONS", "")
        if not writes:
            return
        action = random.choice(writes.split(","))
        page = self.client.get(f"/actions/{action}/", name="/actions/<id>/")
        token = CSRF_FIELD.search(page.text)
        if page.status_code != 200 or token is None:
            return
        with self.client.post(
            f"/actions/{action}/update/",
            data={"csrfmiddlewaretoken": token.group(1), "text": "Progress reported at the load test."},
            name="/actions/<id>/update/ (POST)",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            if response.status_code != 302:
                response.failure(f"posting an update answered {response.status_code}")


class Partner(DemoUser):
    username = "partner"
    weight = 14

    @task
    def page(self):
        self.visit()


class JointCaseReview(DemoUser):
    username = "jcr"
    weight = 5

    @task
    def page(self):
        self.visit()


class Admin(DemoUser):
    username = "admin"
    weight = 5

    @task
    def page(self):
        self.visit()
