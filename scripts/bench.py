"""Benchmark every main page against /healthz and the Django admin, under gunicorn with
production settings on loopback (issue 16). Run it as `scripts/bench`.

    scripts/bench [--database-url postgres://postgres@127.0.0.1:5432/hscp_bench] [--seconds 5]
                  [--rounds 3] [--connections 8] [--workers 4] [--conn-max-age 60] [--code DIR]

The database must hold `manage.py bench_data` (see docs/scale.md): the script refuses any other.
It starts gunicorn (this repository's gunicorn.conf.py; `--code` runs another checkout, e.g. the
code before a change, against the same database), logs in as the demo users through the login
page and its second step (DEMO_PASSWORD, DEMO_TOTP_SECRET), then measures each target in
interleaved rounds with wrk (a small threaded Python client when wrk is not installed), so that a
busy moment of the machine falls on every target alike. It prints one table: requests per second,
p50 and p99 latency, /healthz's throughput over the page's (the target: at most 4), the page's
over the admin changelist's (at least 5), SQL queries per page and one request in-process
(CaptureQueriesContext); then the exports, PDFs and the reminder scan, timed once each.
A benchmark, not a test: the figures depend on the machine and on what else it is doing.
"""

import argparse
import base64
import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# demo.management.commands.bench_data.MARKER_AGENCY, named here so that `--code` may serve a
# checkout from before bench_data existed.
MARKER_AGENCY = "Bench data agency (manage.py bench_data)"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hscp_bench"),
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--seconds", type=float, default=5, help="length of each measurement")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds over the targets")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--conn-max-age", type=int, default=60, help="DB_CONN_MAX_AGE of the server")
    parser.add_argument("--code", type=Path, default=BASE_DIR, help="the checkout to serve (default: this)")
    parser.add_argument("--only", default="", help="comma-separated target names to measure")
    parser.add_argument(
        "--page-cache",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="serve with the page cache on a Redis (CACHE_URL below), as production does (default on)",
    )
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/2", help="the server's CACHE_URL")
    parser.add_argument("--no-timings", action="store_true", help="skip the exports, PDFs and the scan")
    return parser.parse_args()


def server_environment(args) -> dict[str, str]:
    """Production settings on loopback over plain HTTP."""
    environment = dict(os.environ)
    environment.update(
        DATABASE_URL=args.database_url,
        DEBUG="false",
        SECRET_KEY=environment.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        DB_CONN_MAX_AGE=str(args.conn_max_age),
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="hscp.settings",
    )
    environment.pop("REDIS_URL", None)  # tasks run in process; no page of the benchmark queues one
    # The page cache (core/page_cache.py) on a Redis of its own, with a prefix of this run's.
    # (scripts/loadtest.py shares this function; its arguments have neither option.)
    page_cache = getattr(args, "page_cache", True)
    environment.update(
        CACHE_URL=getattr(args, "cache_url", "redis://127.0.0.1:6379/2") if page_cache else "",
        CACHE_KEY_PREFIX=f"hscp-bench-{secrets.token_hex(4)}",
        PAGE_CACHE_SECONDS="300" if page_cache else "0",
    )
    return environment


# HTTP --------------------------------------------------------------------------------------


class Session:
    """One logged-in user over plain HTTP. The cookies are marked Secure with DEBUG off, so they
    are kept here by hand rather than by a cookie jar that would refuse them over HTTP."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
        headers = {"Host": HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, content

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path)

    def csrf_post(self, path: str, fields: dict) -> tuple[int, dict[str, str], bytes]:
        _status, _headers, page = self.get(path)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"no CSRF token on {path}"
        return self.request("POST", path, {"csrfmiddlewaretoken": token.group(1).decode(), **fields})


def totp_code(secret_base32: str, step: int = 0) -> str:
    """RFC 6238 (SHA-1, 6 digits, 30 s), as an authenticator app computes it."""
    import hashlib
    import hmac
    import struct

    cleaned = secret_base32.replace(" ", "").upper()
    key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    counter = int(time.time() // 30) + step
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def log_in(port: int, username: str, password: str, totp_secret: str) -> Session:
    session = Session(port)
    status, headers, _ = session.csrf_post(
        "/accounts/login/?next=/", {"username": username, "password": password}
    )
    assert status == 302, f"logging in as {username} answered {status}"
    location = urllib.parse.urlparse(headers["location"]).path
    if location.startswith("/accounts/two-factor/"):
        for step in (0, 1):  # a code already used in this 30 s window is refused: take the next
            status, headers, _ = session.csrf_post(location, {"code": totp_code(totp_secret, step)})
            if status == 302:
                break
        assert status == 302, f"the second step refused {username}"
    status, _headers, _ = session.get("/")
    assert status == 200, f"{username}'s home page answered {status}"
    return session


# Load generation ---------------------------------------------------------------------------


def run_wrk(url: str, cookie: str, seconds: float, connections: int) -> dict[str, float]:
    output = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds:g}s",
            "--latency",
            "--timeout",
            "30s",
            "-H",
            f"Cookie: {cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(_found(r"Requests/sec:\s+([\d.]+)", output)),
        "p50": _wrk_ms(_found(r"\s50%\s+([\d.]+\w+)", output)),
        "p99": _wrk_ms(_found(r"\s99%\s+([\d.]+\w+)", output)),
        "errors": float(errors.group(1)) if errors else 0.0,
        "socket_errors": 0.0 if socket_errors is None else 1.0,
    }


def _found(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    if match is None:
        raise SystemExit(f"wrk's output has no {pattern!r}:\n{text}")
    return match.group(1)


def _wrk_ms(text: str) -> float:
    value, unit = _found(r"([\d.]+)", text), _found(r"([a-z]+)$", text)
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_python_client(
    port: int, path: str, cookie: str, seconds: float, connections: int
) -> dict[str, float]:
    """wrk's measurement, slower: `connections` threads each sending requests back to back."""
    latencies: list[float] = []
    errors = [0]
    deadline = time.perf_counter() + seconds

    def worker():
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection.request("GET", path, headers={"Host": HOST, "Cookie": cookie})
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status >= 400:
                errors[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "rps": len(ordered) / elapsed,
        "p50": ordered[len(ordered) // 2],
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "errors": float(errors[0]),
        "socket_errors": 0.0,
    }


# In-process measurements -------------------------------------------------------------------


def django_setup(environment: dict[str, str], code: Path) -> None:
    os.environ.update(environment)
    sys.path.insert(0, str(code))
    import django

    django.setup()


def targets(sessions: dict[str, Session]) -> list[tuple[str, str, str]]:
    """(name, user, path) of each page measured, read from the bench database."""
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse

    from governance.models import Group, Meeting, Minutes, Person

    board = Group.objects.get(name="Safeguarding Partners Board")
    log = reverse("governance:action_log", args=[board.pk])
    # bench_data gives the board's log owners and its meetings agendas.
    owner = Person.objects.filter(actions_owned__group=board).order_by("pk").first()
    meeting = (
        Meeting.objects.filter(group=board)
        .annotate(items=Count("agenda_items"))
        .order_by("-items", "-starts_at")
        .first()
    )
    assert owner is not None and meeting is not None, "run manage.py bench_data first"
    minutes = (
        Minutes.objects.filter(meeting__group=board, status="approved")
        .annotate(items=Count("meeting__agenda_items"))
        .order_by("-items")
        .first()
    )
    pages = [
        ("/healthz", "secretariat", "/healthz"),
        ("admin changelist of actions", "admin", "/admin/governance/action/"),
        ("home", "secretariat", "/"),
        ("structure", "secretariat", reverse("governance:structure")),
        ("people", "secretariat", reverse("governance:person_list")),
        ("board log", "secretariat", log),
        ("board log, search 'budget'", "secretariat", f"{log}?q=budget"),
        ("board log, owner + overdue", "secretariat", f"{log}?owner={owner.pk}&overdue=on"),
        ("My actions", "chair", reverse("governance:my_actions")),
        ("meetings list", "secretariat", reverse("governance:meeting_list")),
        (
            f"meeting page ({meeting.items} items)",
            "secretariat",
            reverse("governance:meeting_detail", args=[meeting.pk]),
        ),
    ]
    if minutes is not None:
        pages.append(
            ("minutes page", "secretariat", reverse("governance:minutes_detail", args=[minutes.meeting_id]))
        )
    with contextlib.suppress(NoReverseMatch):  # once the dashboards app has it
        pages.append(("partner dashboard", "partner", reverse("dashboards:partner")))
    pages += domain_targets()
    return [page for page in pages if page[1] in sessions]


def domain_targets() -> list[tuple[str, str, str]]:
    """The case reviews', audits' and training's main pages, on bench_data's records (none when
    the database has none). The secretariat sees the reviews: bench_data names it a case review
    officer (need-to-know); the partner sees the counts only."""
    from django.db.models import Count
    from django.urls import NoReverseMatch, reverse

    try:
        from audits.models import AuditProgramme
        from reviews.models import CaseReview
        from training.models import Session as TrainingSession
    except ImportError:  # `--code` serving a checkout from before these apps
        return []
    pages = []
    with contextlib.suppress(NoReverseMatch):
        review = CaseReview.objects.filter(step="review").order_by("-awareness_date").first()
        pages += [
            ("case reviews", "secretariat", reverse("reviews:review_list")),
            ("case reviews, all", "secretariat", reverse("reviews:review_list") + "?all=1"),
            ("case review deadlines board", "secretariat", reverse("reviews:deadlines_board")),
            ("case reviews in numbers", "partner", reverse("reviews:in_numbers")),
        ]
        if review is not None:
            pages.append(
                ("case review page", "secretariat", reverse("reviews:review_detail", args=[review.pk]))
            )
    with contextlib.suppress(NoReverseMatch):
        pages.append(("audits", "secretariat", reverse("audits:home")))
        programme = AuditProgramme.objects.annotate(n=Count("audits")).order_by("-n", "-year").first()
        if programme is not None:
            pages.append(
                (
                    f"audit programme ({programme.n} audits)",
                    "secretariat",
                    reverse("audits:programme_detail", args=[programme.pk]),
                )
            )
    with contextlib.suppress(NoReverseMatch):
        pages += [
            ("training sessions", "secretariat", reverse("training:session_list")),
            ("training take-up", "secretariat", reverse("training:take_up")),
        ]
        session = TrainingSession.objects.annotate(n=Count("bookings")).order_by("-n", "-date").first()
        if session is not None:
            pages.append(
                (
                    f"training session ({session.n} bookings)",
                    "secretariat",
                    reverse("training:session_detail", args=[session.pk]),
                )
            )
    return pages


def in_process(session: Session, path: str) -> tuple[int, float]:
    """SQL queries and wall-clock ms of one request through Django in this process (the median
    of five, after one to warm up), with the page cache off: what rendering the page costs."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST=HOST)
    for name, value in session.cookies.items():
        client.cookies[name] = value
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(path)
        timings = []
        queries = 0
        for _ in range(5):
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
            queries = len(captured.captured_queries)
    return queries, statistics.median(timings)


def timed_download(session: Session, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    status, _headers, content = session.get(path)
    assert status == 200, (path, status)
    return time.perf_counter() - started, len(content)


def in_process_download(session: Session, path: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one download through Django in this process: the CPU time
    is the application's own, which a busy machine disturbs less (the database's is not in it)."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    for name, value in session.cookies.items():
        client.cookies[name] = value
    started, started_cpu = time.perf_counter(), time.process_time()
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    # Read the whole body: a streamed export does its work while it is read.
    _content = response.getvalue()
    return time.perf_counter() - started, time.process_time() - started_cpu


def scan_timings() -> tuple[float, int, float, int]:
    """The reminder scan run twice at the same moment in one transaction, rolled back: the first
    records what is due, the second finds it recorded and records nothing."""
    from django.db import transaction
    from django.utils import timezone

    from notifications.models import Notification
    from notifications.scanning import scans_run

    now = timezone.now()
    results = []
    with transaction.atomic():
        before = Notification.objects.count()
        for _ in range(2):
            started = time.perf_counter()
            scans_run(now=now)
            results.append(time.perf_counter() - started)
            results.append(Notification.objects.count() - before)
            before = Notification.objects.count()
        transaction.set_rollback(True)
    first, first_count, second, second_count = results
    return first, int(first_count), second, int(second_count)


# Main --------------------------------------------------------------------------------------


def start_server(args, environment: dict[str, str], log_dir: str) -> subprocess.Popen:
    # With DEBUG off, the pages name the static files by their hashed, collected names.
    subprocess.run(
        [str(BASE_DIR / ".venv" / "bin" / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=args.code.resolve(),
        env=environment,
        check=True,
    )
    gunicorn = BASE_DIR / ".venv" / "bin" / "gunicorn"
    command = [
        str(gunicorn),
        "-c",
        str(BASE_DIR / "gunicorn.conf.py"),
        "--chdir",
        str(args.code.resolve()),
        "--bind",
        f"{HOST}:{args.port}",
        "--workers",
        str(args.workers),
        "--access-logfile",
        f"{log_dir}/access.log",
        "--error-logfile",
        f"{log_dir}/error.log",
        "hscp.wsgi",
    ]
    server = subprocess.Popen(command, env=environment, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, args.port, timeout=2)
            connection.request("GET", "/healthz", headers={"Host": HOST})
            if connection.getresponse().status in (200, 503):
                return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on {HOST}:{args.port}; see {log_dir}/error.log")


def main():
    args = parse_args()
    environment = server_environment(args)
    django_setup(environment, BASE_DIR)
    this_code = args.code.resolve() == BASE_DIR
    from django.conf import settings

    from governance.models import Agency

    if not Agency.objects.filter(name=MARKER_AGENCY).exists():
        raise SystemExit("This database was not made by `manage.py bench_data`: see docs/scale.md.")
    log_dir = tempfile.mkdtemp(prefix="hscp-bench-")
    server = start_server(args, environment, log_dir)
    try:
        sessions = {
            username: log_in(args.port, username, settings.DEMO_PASSWORD, settings.DEMO_TOTP_SECRET)
            for username in ("secretariat", "chair", "partner", "admin")
        }
        pages = targets(sessions)
        if args.only:
            wanted = {name.strip() for name in args.only.split(",")}
            pages = [
                page
                for page in pages
                if page[0] in wanted or page[0] in ("/healthz", "admin changelist of actions")
            ]
        answered = []
        for name, user, path in pages:
            status, _headers, _content = sessions[user].get(path)
            if status == 200:
                answered.append((name, user, path))
            else:  # e.g. a page the code being served does not have yet
                print(f"  left out: {name} ({path}) answers {status} to {user}")
        pages = answered
        use_wrk = shutil.which("wrk") is not None
        print(
            f"gunicorn: {args.workers} sync workers, DB_CONN_MAX_AGE {args.conn_max_age}, "
            f"page cache {'on (' + args.cache_url + ')' if args.page_cache else 'off'}, code {args.code}; "
            f"{'wrk' if use_wrk else 'Python client'}: {args.connections} connections, "
            f"{args.rounds} rounds of {args.seconds:g} s per target",
            flush=True,
        )
        results: dict[str, list[dict[str, float]]] = {name: [] for name, _user, _path in pages}
        for round_number in range(args.rounds):
            for name, user, path in pages:
                cookie = "; ".join(f"{k}={v}" for k, v in sessions[user].cookies.items())
                if use_wrk:
                    measured = run_wrk(
                        f"http://{HOST}:{args.port}{path}", cookie, args.seconds, args.connections
                    )
                else:
                    measured = run_python_client(args.port, path, cookie, args.seconds, args.connections)
                results[name].append(measured)
            print(f"  round {round_number + 1} of {args.rounds} done", flush=True)
        median = {
            name: {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            for name, runs in results.items()
        }
        healthz = median["/healthz"]["rps"]
        admin = median["admin changelist of actions"]["rps"]
        print(
            "\n| target | req/s | p50 ms | p99 ms | /healthz ÷ page (≤ 4) | page ÷ admin (≥ 5) "
            "| SQL queries (rendered) | one request rendered in-process ms | errors |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, user, path in pages:
            row = median[name]
            # In-process figures only for this checkout: another one's templates and static
            # manifest are not the ones this process would load.
            queries, one = in_process(sessions[user], path) if this_code else (0, 0.0)
            print(
                f"| {name} | {row['rps']:.0f} | {row['p50']:.0f} | {row['p99']:.0f} | "
                f"{healthz / max(row['rps'], 0.01):.1f} | {row['rps'] / max(admin, 0.01):.1f} | "
                f"{queries} | {one:.0f} | "
                f"{sum(run['errors'] for run in results[name]):.0f} |",
                flush=True,
            )
        if not args.no_timings:
            print_timings(sessions, in_process_too=this_code)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def print_timings(sessions: dict[str, Session], *, in_process_too: bool) -> None:
    from django.urls import reverse

    from governance.models import Group, Meeting, Minutes

    board = Group.objects.get(name="Safeguarding Partners Board")
    rows = board.actions.count()
    secretariat = sessions["secretariat"]
    print("\n| single request | time | size |\n|---|---:|---:|")
    for label, name in (("CSV", "action_log_csv"), ("Excel", "action_log_xlsx")):
        path = reverse(f"governance:{name}", args=[board.pk])
        seconds, size = timed_download(secretariat, path)
        print(
            f"| {label} export of the board's log ({rows:,} actions) "
            f"| {seconds:.2f} s | {size / 1e6:.1f} MB |"
        )
        if in_process_too:
            seconds, cpu = in_process_download(secretariat, path)
            print(
                f"| the same in-process (of which the application's CPU) | {seconds:.2f} s ({cpu:.2f} s) | |"
            )
    minutes = (
        Minutes.objects.filter(meeting__group=board, status="approved")
        .order_by("-meeting__starts_at")
        .first()
    )
    if minutes is not None:
        seconds, size = timed_download(
            secretariat, reverse("governance:minutes_pdf", args=[minutes.meeting_id])
        )
        print(f"| minutes PDF | {seconds:.2f} s | {size / 1e3:.0f} kB |")
    meeting = (
        Meeting.objects.filter(group=board, agenda_items__papers__isnull=False).order_by("-starts_at").first()
    )
    if meeting is not None:
        seconds, size = timed_download(secretariat, reverse("governance:agenda_pack", args=[meeting.pk]))
        print(f"| agenda pack | {seconds:.2f} s | {size / 1e3:.0f} kB |")
    if not in_process_too:
        return
    first, recorded, second, again = scan_timings()
    print(f"| reminder scan, first run ({recorded:,} reminders recorded) | {first:.2f} s | |")
    print(f"| reminder scan, second run ({again:,} more) | {second:.2f} s | |")


if __name__ == "__main__":
    main()
