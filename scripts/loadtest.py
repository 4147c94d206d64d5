"""The load test (issue 16): `make loadtest`.

50 simulated people of the five kinds (scripts/locustfile.py) read their pages with think time
for 2 minutes against gunicorn (production settings, this repository's gunicorn.conf.py),
PostgreSQL (the `manage.py bench_data` database), Redis and a Celery worker, all on loopback.
It prints each page's requests, failures, median and 95th percentile, and exits non-zero when
any request failed. Needs locust (requirements-loadtest.txt). Too long for the test suite.

    .venv/bin/python scripts/loadtest.py [--users 50] [--run-time 2m] [--database-url ...]
"""

import argparse
import csv
import os
import signal
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # gunicorn, the environment and the login, shared with scripts/bench

BASE_DIR = bench.BASE_DIR


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hscp_bench"),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/9")
    )
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--run-time", default="2m")
    parser.add_argument("--conn-max-age", type=int, default=60)
    args = parser.parse_args()
    args.code = BASE_DIR
    return args


def kind_paths(sessions: dict[str, bench.Session]) -> dict[str, list[str]]:
    """The pages each kind of user reads, kept only where that user gets a 200."""
    from django.urls import NoReverseMatch, reverse

    from governance.models import Group

    pages = {name: path for name, _user, path in bench.targets(sessions)}
    board = Group.objects.get(name="Safeguarding Partners Board")
    log = reverse("governance:action_log", args=[board.pk])

    def group_log(username: str) -> list[str]:
        group = Group.objects.filter(memberships__person__user__username=username).order_by("pk").first()
        return [reverse("governance:action_log", args=[group.pk])] if group else []

    def named(*names: str) -> list[str]:
        found = []
        for name in names:
            try:
                found.append(reverse(name))
            except NoReverseMatch:
                continue
        return found

    meeting = next(path for name, path in pages.items() if name.startswith("meeting page"))
    wanted = {
        "secretariat": [
            "/",
            reverse("governance:structure"),
            reverse("governance:person_list"),
            log,
            f"{log}?q=budget",
            reverse("governance:meeting_list"),
            meeting,
            pages.get("minutes page", meeting),
        ],
        "chair": [
            "/",
            reverse("governance:my_actions"),
            *group_log("chair"),
            reverse("governance:meeting_list"),
        ],
        "partner": ["/", *named("dashboards:partner"), reverse("governance:meeting_list"), log],
        "jcr": ["/", reverse("governance:my_actions"), *group_log("jcr"), *named("reviews:review_list")],
        "admin": ["/", "/admin/governance/action/", reverse("governance:structure")],
    }
    kept: dict[str, list[str]] = {}
    for username, paths in wanted.items():
        kept[username] = []
        for path in paths:
            status, _headers, _content = sessions[username].get(path)
            if status == 200:
                kept[username].append(path)
            else:
                print(f"  left out: {path} answers {status} to {username}")
    return kept


def chairs_open_actions() -> list[int]:
    """Open actions the demo chair owns, to which the simulated chairs post updates."""
    from governance.models import Action

    return list(
        Action.objects.filter(owners__user__username="chair", status__in=["open", "in_progress"])
        .order_by("pk")
        .values_list("pk", flat=True)[:20]
    )


def main():
    args = parse_args()
    environment = bench.server_environment(args)
    environment.update(REDIS_URL=args.redis_url, CELERY_QUEUE=f"loadtest-{uuid.uuid4().hex[:8]}")
    bench.django_setup(environment, BASE_DIR)
    from django.conf import settings

    from governance.models import Agency

    if not Agency.objects.filter(name=bench.MARKER_AGENCY).exists():
        raise SystemExit("This database was not made by `manage.py bench_data`: see docs/scale.md.")
    log_dir = tempfile.mkdtemp(prefix="hscp-loadtest-")
    server = bench.start_server(args, environment, log_dir)
    worker = subprocess.Popen(
        [
            str(BASE_DIR / ".venv" / "bin" / "celery"),
            "-A",
            "hscp",
            "worker",
            "--loglevel=WARNING",
            "--concurrency=1",
            "-Q",
            environment["CELERY_QUEUE"],
            f"--logfile={log_dir}/worker.log",
        ],
        cwd=BASE_DIR,
        env=environment,
        start_new_session=True,
    )
    try:
        sessions = {
            username: bench.log_in(args.port, username, settings.DEMO_PASSWORD, settings.DEMO_TOTP_SECRET)
            for username in ("secretariat", "chair", "partner", "jcr", "admin")
        }
        paths = kind_paths(sessions)
        locust_env = dict(environment)
        locust_env["LOADTEST_PATHS"] = ";".join(f"{kind}={','.join(found)}" for kind, found in paths.items())
        locust_env["LOADTEST_UPDATE_ACTIONS"] = ",".join(str(pk) for pk in chairs_open_actions())
        locust_env["LOADTEST_COOKIES"] = "\n".join(
            f"{username}=" + "; ".join(f"{name}={value}" for name, value in session.cookies.items())
            for username, session in sessions.items()
        )
        locust_env["DEMO_PASSWORD"] = settings.DEMO_PASSWORD
        locust_env["DEMO_TOTP_SECRET"] = settings.DEMO_TOTP_SECRET
        prefix = f"{log_dir}/locust"
        print(f"locust: {args.users} users for {args.run_time}; logs in {log_dir}", flush=True)
        subprocess.run(
            [
                str(BASE_DIR / ".venv" / "bin" / "locust"),
                "-f",
                str(BASE_DIR / "scripts" / "locustfile.py"),
                "--headless",
                "--users",
                str(args.users),
                "--spawn-rate",
                str(args.spawn_rate),
                "--run-time",
                args.run_time,
                "--host",
                f"http://{bench.HOST}:{args.port}",
                "--csv",
                prefix,
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=locust_env,
            check=False,
        )
        failures = print_summary(f"{prefix}_stats.csv")
    finally:
        for process in (worker, server):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
    sys.exit(1 if failures else 0)


def print_summary(path: str) -> int:
    with open(path, newline="") as file:
        rows = list(csv.DictReader(file))
    print("\n| page | requests | failures | median ms | p95 ms | req/s |\n|---|---:|---:|---:|---:|---:|")
    failures = 0
    for row in rows:
        print(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
            f"{float(row['Median Response Time']):.0f} | {row['95%']} | {float(row['Requests/s']):.1f} |"
        )
        if row["Name"] != "Aggregated":
            failures += int(row["Failure Count"])
    return failures


if __name__ == "__main__":
    main()
