"""Benchmark the group action log with a big log: how long its first page takes to render.

    .venv/bin/python scripts/bench_action_log.py [--actions 50000] [--runs 50]

Creates a throwaway database (a temporary SQLite file by default; with DATABASE_URL
set, a `test_…` database on that server, dropped afterwards), inserts the actions in
bulk with owners and updates, then renders the log's first page through the Django
test client and prints the median and 95th percentile in milliseconds and the number
of SQL queries per page, with the median CPU time of this process (the database is in
process for SQLite), which a busy machine disturbs less than the wall-clock time.
A benchmark, not a test: the figures depend on the machine.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test import Client

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actions", type=int, default=50_000, help="actions in the group's log")
    parser.add_argument("--runs", type=int, default=50, help="timed renders of each page")
    parser.add_argument("--people", type=int, default=300, help="people who own actions")
    return parser.parse_args()


def configure(temp_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hscp.settings")
    sqlite = not os.environ.get("DATABASE_URL")
    if sqlite:
        os.environ["DATABASE_URL"] = f"sqlite:///{temp_dir}/bench.sqlite3"
    import django

    django.setup()
    if sqlite:
        from django.db import connection

        # The test database machinery makes the throwaway copy: a file, not memory, to be realistic.
        connection.settings_dict["TEST"]["NAME"] = f"{temp_dir}/bench-test.sqlite3"


def settle() -> None:
    """Refresh the planner's statistics, as autovacuum would on a settled PostgreSQL database:
    straight after a bulk load its plans are guesses (and its index-only scans need VACUUM)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def populate(*, actions: int, people: int):
    import datetime

    from django.contrib.auth.models import Group as AuthGroup
    from django.utils import timezone

    from governance.models import Action, Agency, Group, GroupKind, Meeting, Person, Sector
    from governance.permissions import SECRETARIAT_GROUP
    from governance.tests.factories_actions import bulk_actions

    agencies = Agency.objects.bulk_create(
        [Agency(name=f"Agency {n}", sector=Sector.VOLUNTARY_COMMUNITY) for n in range(20)]
    )
    owners = Person.objects.bulk_create(
        [Person(name=f"Owner Person {n}", agency=agencies[n % len(agencies)]) for n in range(people)]
    )
    board = Group.objects.create(name="Safeguarding Partners Board", short_name="Board", kind=GroupKind.BOARD)
    other = Group.objects.create(
        name="Quality and Effectiveness Group", short_name="Q&E", kind=GroupKind.SUBGROUP
    )
    today = timezone.localdate()
    started = time.perf_counter()
    bulk_actions(
        board, actions, owners=owners, owners_per_action=3, updates_per_action=2, today=today, batch_size=5000
    )
    bulk_actions(other, actions // 10, owners=owners, owners_per_action=2, updates_per_action=1, today=today)
    meetings = []
    for n in range(40):
        starts = timezone.now() - datetime.timedelta(days=42 * n)
        meetings.append(
            Meeting.objects.create(
                group=board,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=2),
                paper_deadline=starts - datetime.timedelta(days=7),
            )
        )
    per_meeting = actions // len(meetings)
    for index, meeting in enumerate(meetings):
        Action.objects.filter(
            group=board, number__gt=index * per_meeting, number__lte=(index + 1) * per_meeting
        ).update(origin_meeting=meeting)
    Action.objects.filter(group=board, number__lte=actions // 2).update(lead_agency=agencies[0])
    inserted = time.perf_counter() - started
    settle()

    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("bench-secretariat", password="unused-password-1")
    user.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    return board, user, inserted


def owner_user(board):
    from django.contrib.auth import get_user_model

    person = board.actions.order_by("number").first().owners.order_by("pk").first()
    person.user = get_user_model().objects.create_user("bench-owner", password="unused-password-1")
    person.save(update_fields=["user"])
    return person.user


def count_queries(client, url: str) -> int:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # the log keeps 9,000 queries at most: start counting from empty
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries.captured_queries)


def measure(pages: list[tuple[str, "Client", str]], runs: int) -> dict[str, tuple[list[float], list[float]]]:
    """Render each page `runs` times, taking the pages in turn so that a busy moment on the
    machine falls on all of them alike rather than on one."""
    for _label, client, url in pages:
        for _ in range(3):  # warm the caches (templates, URL resolver, the database's pages)
            client.get(url)
    results: dict[str, tuple[list[float], list[float]]] = {label: ([], []) for label, _client, _url in pages}
    for _ in range(runs):
        for label, client, url in pages:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            results[label][0].append((time.perf_counter() - started) * 1000)
            results[label][1].append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-actions-") as temp_dir:
        configure(temp_dir)
        from django.conf import settings
        from django.db import connection
        from django.test import Client
        from django.urls import reverse

        # Not setup_test_environment(): its instrumented template rendering would slow every page.
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        print(f"Creating a throwaway {connection.vendor} database…", flush=True)
        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            board, user, inserted = populate(actions=args.actions, people=args.people)
            from governance.models import Action, ActionUpdate

            in_log = Action.objects.filter(group=board).count()
            print(
                f"Inserted {Action.objects.count():,} actions ({in_log:,} in the board's log), "
                f"{Action.owners.through.objects.count():,} owner links and "
                f"{ActionUpdate.objects.count():,} updates in {inserted:.1f} s.",
                flush=True,
            )
            client = Client()
            client.force_login(user)
            log = reverse("governance:action_log", args=[board.pk])
            pages = [
                ("group log, first page", log),
                ("group log, overdue filter", f"{log}?overdue=on"),
                (
                    "group log, search 'threshold' + owner",
                    f"{log}?q=threshold&owner={board.actions.first().owners.first().pk}",
                ),
            ]
            owner_client = Client()
            owner_client.force_login(owner_user(board))
            pages.append(("My actions (an owner of ~500)", reverse("governance:my_actions")))
            print(
                f"\n{'page':<40} {'median ms':>9} {'p95 ms':>7} {'CPU median ms':>14} {'queries':>8}"
                f"   ({args.runs} renders each)"
            )
            pages = [(label, owner_client if url.endswith("/mine/") else client, url) for label, url in pages]
            results = measure(pages, args.runs)
            for label, client_, url in pages:
                timings, cpu = results[label]
                median, p95 = statistics.median(timings), percentile(timings, 0.95)
                queries = count_queries(client_, url)
                print(f"{label:<40} {median:>9.1f} {p95:>7.1f} {statistics.median(cpu):>14.1f} {queries:>8}")
        finally:
            connection.creation.destroy_test_db(test_name, verbosity=0)


if __name__ == "__main__":
    main()
