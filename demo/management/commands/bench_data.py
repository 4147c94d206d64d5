"""`manage.py bench_data`: ten years of a large partnership, for benchmarks and load tests
(issue 16), inserted in bulk in minutes on PostgreSQL or SQLite.

It starts from the Herefordshire demo (the five demo users and a year of real-looking meetings,
loaded first on an empty database) and tops each part up to its size: groups, people, meetings
with agendas and attendance, 50,000 actions in the board's log and 20,000 in the other groups'
logs, with owners and updates; then ten years of case reviews, audits, training sessions and
bookings (demo/bench_domains.py), each part sized by its own option (0 leaves it out). Each
part is counted before it is topped up, so a second run adds nothing. Bulk inserts bypass the
services: no change history, no notifications.

Where it refuses (the rule): a database holding anything it did not put there. It runs only on
an empty database (no people, groups or user accounts) or on one it generated before (its
marker agency is present); and, as load_demo, with DEBUG off only when given
--i-know-this-is-not-production with DEMO_PASSWORD and DEMO_TOTP_SECRET of the site's own.
"""

import contextlib
import datetime
import io
import itertools
import time
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from audits.models import CaseAudit
from demo import bench_domains as domains
from demo.herefordshire import BOARD
from demo.management.commands.load_demo import refuse_outside_development
from governance.models import (
    Action,
    ActionNumberSequence,
    ActionSource,
    ActionStatus,
    ActionUpdate,
    Agency,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Group,
    GroupKind,
    Meeting,
    MeetingStatus,
    Person,
    Sector,
)
from reviews.models import CaseReview
from training.models import Booking, Session

MARKER_AGENCY = "Bench data agency (manage.py bench_data)"
BATCH = 5000

FIRST_NAMES = [
    "Aisha",
    "Alan",
    "Amelia",
    "Andrew",
    "Bethan",
    "Carl",
    "Chloe",
    "Claire",
    "Daniel",
    "Dawn",
    "Eleanor",
    "Gareth",
    "Grace",
    "Hannah",
    "Ian",
    "Imran",
    "Jade",
    "Jason",
    "Joanne",
    "Kieran",
    "Laura",
    "Liam",
    "Lucy",
    "Mark",
    "Megan",
    "Nadia",
    "Neil",
    "Olivia",
    "Owen",
    "Paul",
    "Priya",
    "Rachel",
    "Rhys",
    "Ruth",
    "Sam",
    "Sarah",
    "Simon",
    "Sophie",
    "Stuart",
    "Tom",
    "Una",
    "Victoria",
    "Wendy",
    "Yasmin",
    "Zoe",
]
LAST_NAMES = [
    "Adams",
    "Ahmed",
    "Baker",
    "Bennett",
    "Bowen",
    "Carter",
    "Clarke",
    "Davies",
    "Edwards",
    "Evans",
    "Fletcher",
    "Griffiths",
    "Hall",
    "Hughes",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Morris",
    "Owen",
    "Parry",
    "Patel",
    "Powell",
    "Price",
    "Pritchard",
    "Roberts",
    "Thomas",
    "Turner",
    "Walker",
    "Watkins",
    "Williams",
    "Wright",
]
JOB_TITLES = (
    "Social Worker",
    "Designated Safeguarding Lead",
    "Named Nurse for Safeguarding",
    "Detective Sergeant",
    "Team Manager",
    "Early Help Coordinator",
    "Head Teacher",
    "Service Manager",
)
AGENDA = (
    "Welcome, introductions and apologies",
    "Minutes of the previous meeting and action log",
    "Performance dashboard: quarterly data",
    "Multi-agency audit findings",
    "Neglect strategy: progress report",
    "Child exploitation: risk and response",
    "Learning from rapid reviews",
    "Training and development update",
    "Budget and partner contributions",
    "Any other business",
)
ACTION_TEXTS = (
    "Circulate the threshold document to all partners",
    "Bring the neglect toolkit evaluation to the next meeting",
    "Review the escalation policy with the designated leads",
    "Share the audit findings with the practitioner forum",
    "Report the budget position and partner contributions",
    "Update the risk register with the exploitation data",
    "Arrange a learning event on the rapid review",
    "Check the training compliance figures by agency",
)
UPDATE_TEXTS = (
    "Discussed at the meeting: work continues.",
    "Draft circulated to members for comment.",
    "Awaiting figures from partners; due date kept.",
    "Completed and reported to the board.",
)
STATUS_MIX = (
    ActionStatus.OPEN,
    ActionStatus.IN_PROGRESS,
    ActionStatus.COMPLETED,
    ActionStatus.OPEN,
    ActionStatus.CLOSED,
    ActionStatus.COMPLETED,
    ActionStatus.DEFERRED,
)


class Command(BaseCommand):
    help = (
        "Generate ten years of a large partnership for benchmarks (issue 16): the demo, then groups, "
        "people, meetings with agendas and attendance, actions with owners and updates, case reviews, "
        "audits, training sessions and bookings, in bulk. Runs "
        "only on an empty database or one it generated; a second run adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, default=20, help="groups in all (default 20)")
        parser.add_argument("--people", type=int, default=2000, help="people in all (default 2,000)")
        parser.add_argument("--meetings", type=int, default=2000, help="meetings in all (default 2,000)")
        parser.add_argument("--items", type=int, default=10, help="agenda items per new meeting (default 10)")
        parser.add_argument("--attendance", type=int, default=10, help="attendance lines per new meeting")
        parser.add_argument(
            "--actions", type=int, default=50_000, help="actions in the board's log (default 50,000)"
        )
        parser.add_argument(
            "--other-actions", type=int, default=20_000, help="actions in the other groups' logs (20,000)"
        )
        parser.add_argument("--owners", type=int, default=3, help="owners of most actions (default 3)")
        parser.add_argument("--updates", type=int, default=2, help="updates of most actions (default 2)")
        parser.add_argument("--reviews", type=int, default=300, help="case reviews in all (default 300)")
        parser.add_argument("--audits", type=int, default=500, help="case audits in all (default 500)")
        parser.add_argument(
            "--sessions", type=int, default=5000, help="training sessions in all (default 5,000)"
        )
        parser.add_argument(
            "--bookings", type=int, default=100_000, help="training bookings in all (default 100,000)"
        )
        parser.add_argument(
            "--no-demo-year",
            action="store_false",
            dest="demo_year",
            help="Load the demo's structure and users only, without its year of meetings (quicker).",
        )
        parser.add_argument(
            "--i-know-this-is-not-production",
            action="store_true",
            dest="not_production",
            help="Run although DEBUG is off (a benchmark server with production settings).",
        )

    def handle(self, *args, not_production=False, **options):
        refuse_outside_development(not_production=not_production)
        self.verbosity = options["verbosity"]
        fresh = self._check_database()
        started = time.perf_counter()
        if fresh:
            self._step("the Herefordshire demo", lambda: self._demo(not_production, options["demo_year"]))
            Agency.objects.create(name=MARKER_AGENCY, sector=Sector.VOLUNTARY_COMMUNITY)
        self.today = timezone.localdate()
        self.board = Group.objects.get(name=BOARD)
        self._step("groups", lambda: self._groups(options["groups"]))
        self._step("people", lambda: self._people(options["people"]))
        self._step(
            "meetings", lambda: self._meetings(options["meetings"], options["items"], options["attendance"])
        )
        self._step(
            "actions",
            lambda: self._actions(
                options["actions"],
                options["other_actions"],
                owners=options["owners"],
                updates=options["updates"],
            ),
        )
        now = timezone.now()
        if options["reviews"]:
            self._step(
                "case reviews", lambda: domains.reviews_add(options["reviews"], today=self.today, now=now)
            )
        if options["audits"]:
            self._step("audits", lambda: domains.audits_add(options["audits"], today=self.today))
        if options["sessions"]:
            self._step(
                "training sessions", lambda: domains.sessions_add(options["sessions"], today=self.today)
            )
        if options["bookings"]:
            self._step("training bookings", lambda: domains.bookings_add(options["bookings"], now=now))
        self._step("vacuum and statistics", self._analyse, atomic=False)  # VACUUM runs outside one
        self.stdout.write(
            f"Done in {time.perf_counter() - started:.0f} s: {Group.objects.count():,} groups, "
            f"{Person.objects.count():,} people, {Meeting.objects.count():,} meetings, "
            f"{AgendaItem.objects.count():,} agenda items, {Attendance.objects.count():,} attendance lines, "
            f"{Action.objects.count():,} actions ({Action.objects.filter(group=self.board).count():,} in the "
            f"board's log), {Action.owners.through.objects.count():,} owner links, "
            f"{ActionUpdate.objects.count():,} updates; {CaseReview.objects.count():,} case reviews, "
            f"{CaseAudit.objects.count():,} case audits, {Session.objects.count():,} training sessions, "
            f"{Booking.objects.count():,} bookings."
        )

    def _demo(self, not_production: bool, year: bool) -> None:
        call_command(
            "load_demo",
            structure_only=not year,
            not_production=not_production,
            stdout=io.StringIO(),
        )

    def _check_database(self) -> bool:
        """True on an empty database; on one bench_data generated, False; otherwise refuse."""
        if Agency.objects.filter(name=MARKER_AGENCY).exists():
            return False
        if Person.objects.exists() or Group.objects.exists() or get_user_model().objects.exists():
            raise CommandError(
                "This database holds data bench_data did not generate: it runs only on an empty "
                "database (after migrate) or on one it generated before. Create a database for the "
                "benchmark (see docs/scale.md)."
            )
        return True

    def _step(self, label: str, run: Callable[[], object], *, atomic: bool = True) -> None:
        started = time.perf_counter()
        with transaction.atomic() if atomic else contextlib.nullcontext():
            run()
        if self.verbosity:
            self.stdout.write(f"  {label}: {time.perf_counter() - started:.1f} s", ending="\n")
            self.stdout.flush()

    def _groups(self, target: int) -> None:
        missing = target - Group.objects.count()
        start = Group.objects.filter(name__startswith="Bench Task and Finish Group ").count()
        Group.objects.bulk_create(
            [
                Group(
                    name=f"Bench Task and Finish Group {start + n + 1}",
                    short_name=f"T&F {start + n + 1}",
                    kind=GroupKind.TASK_AND_FINISH,
                    remit="A task and finish group generated for benchmarks.",
                )
                for n in range(max(missing, 0))
            ]
        )

    def _people(self, target: int) -> None:
        missing = target - Person.objects.count()
        if missing <= 0:
            return
        agencies = list(Agency.objects.exclude(name=MARKER_AGENCY).order_by("pk"))
        start = Person.objects.count()
        people = []
        for n in range(start, start + missing):
            first, last = (
                FIRST_NAMES[n % len(FIRST_NAMES)],
                LAST_NAMES[(n // len(FIRST_NAMES)) % len(LAST_NAMES)],
            )
            people.append(
                Person(
                    name=f"{first} {chr(65 + n % 26)}. {last}",
                    job_title=JOB_TITLES[n % len(JOB_TITLES)],
                    agency=agencies[n % len(agencies)],
                    email=f"bench.person.{n}@example.org",
                )
            )
        Person.objects.bulk_create(people, batch_size=BATCH)

    def _meetings(self, target: int, items: int, attendance: int) -> None:
        missing = target - Meeting.objects.count()
        if missing <= 0:
            return
        groups = list(Group.objects.order_by("pk"))
        people = list(Person.objects.order_by("pk").values_list("pk", "agency_id"))
        now = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
        meetings = []
        for n in range(missing):
            group = groups[n % len(groups)]
            # Ten years back, a meeting every few weeks per group, a year before the demo's year.
            starts = now - datetime.timedelta(days=400 + (n // len(groups)) * 35 + n % 7)
            status = MeetingStatus.CANCELLED if n % 50 == 0 else MeetingStatus.HELD
            meetings.append(
                Meeting(
                    group=group,
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=2),
                    location="Plough Lane, Hereford",
                    status=status,
                    cancellation_reason="Not quorate: rearranged."
                    if status == MeetingStatus.CANCELLED
                    else "",
                    paper_deadline=starts - datetime.timedelta(days=7),
                    agenda_published_at=starts - datetime.timedelta(days=5),
                )
            )
        created = Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        if any(meeting.pk is None for meeting in created):  # SQLite before 3.35 returns no ids
            created = list(Meeting.objects.order_by("-pk")[:missing])[::-1]
        agenda, lines = [], []
        for n, meeting in enumerate(created):
            for position in range(1, items + 1):
                agenda.append(
                    AgendaItem(
                        meeting_id=meeting.pk,
                        position=position,
                        number=str(position),
                        sort_key=f"{position:04d}",
                        title=AGENDA[(position - 1) % len(AGENDA)],
                        presenter_id=people[(n + position) % len(people)][0],
                        discussion="Members noted the report and agreed the actions below.",
                    )
                )
            for k in range(attendance):
                person_id, agency_id = people[(n * 7 + k * 13) % len(people)]
                lines.append(
                    Attendance(
                        meeting_id=meeting.pk,
                        person_id=person_id,
                        agency_id=agency_id,
                        status=AttendanceStatus.APOLOGIES if k % 5 == 4 else AttendanceStatus.PRESENT,
                        apology_reason="Annual leave" if k % 5 == 4 else "",
                    )
                )
        AgendaItem.objects.bulk_create(agenda, batch_size=BATCH)
        Attendance.objects.bulk_create(lines, batch_size=BATCH)

    def _actions(self, board_target: int, other_target: int, *, owners: int, updates: int) -> None:
        people = list(Person.objects.order_by("pk").values_list("pk", flat=True))
        agencies = list(
            Agency.objects.exclude(name=MARKER_AGENCY).order_by("pk").values_list("pk", flat=True)
        )
        self._log(self.board, board_target - self.board.actions.count(), people, agencies, owners, updates)
        others = list(Group.objects.exclude(pk=self.board.pk).order_by("pk"))
        missing = other_target - Action.objects.exclude(group=self.board).count()
        for index, group in enumerate(others):
            share = missing // len(others) + (1 if index < missing % len(others) else 0)
            self._log(group, share, people, agencies, owners - 1, updates - 1)

    def _log(
        self, group: Group, count: int, people: list[int], agencies: list[int], owners: int, updates: int
    ) -> None:
        """`count` actions more in one group's log, numbered on from its sequence, each agreed at
        one of the group's meetings, with owners and updates."""
        if count <= 0:
            return
        meetings = list(group.meetings.order_by("starts_at").values_list("pk", "starts_at"))
        sequence, _ = ActionNumberSequence.objects.get_or_create(group=group)
        first = sequence.last_number + 1
        owner_cycle = itertools.cycle(people[::7] + people[3::7])
        for start in range(0, count, BATCH):
            numbers = range(first + start, first + min(start + BATCH, count))
            actions = []
            for number in numbers:
                status = STATUS_MIX[number % len(STATUS_MIX)]
                meeting = meetings[number * len(meetings) // (first + count)] if meetings else None
                agreed = timezone.localtime(meeting[1]).date() if meeting else self.today
                due = agreed + datetime.timedelta(days=28 + number % 120)
                if status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS) and number % 3 == 0:
                    due = self.today + datetime.timedelta(days=number % 90 - 30)
                actions.append(
                    Action(
                        group=group,
                        number=number,
                        reference=f"{agreed:%d.%m.%y} ref {number % 9 + 1}",
                        origin_meeting_id=meeting[0] if meeting else None,
                        source=ActionSource.MEETING if meeting else ActionSource.GROUP,
                        title=("Finance / Funding", "Neglect", "Exploitation", "Training")[number % 4],
                        description=ACTION_TEXTS[number % len(ACTION_TEXTS)] + f" ({number}).",
                        lead_agency_id=agencies[number % len(agencies)] if number % 2 else None,
                        due_date=due,
                        original_due_date=due - datetime.timedelta(days=14) if number % 10 == 0 else due,
                        status=status,
                        completed_on=due if status in (ActionStatus.COMPLETED, ActionStatus.CLOSED) else None,
                    )
                )
            Action.objects.bulk_create(actions, batch_size=BATCH)
            saved = dict(
                Action.objects.filter(group=group, number__in=list(numbers)).values_list("number", "pk")
            )
            links, trail = [], []
            for number in numbers:
                action_id = saved[number]
                # Mostly `owners` owners, now and then one more or one fewer (never none in the board).
                chosen = {next(owner_cycle) for _ in range(max(owners + (number % 3) - 1, 1))}
                links += [Action.owners.through(action_id=action_id, person_id=pk) for pk in chosen]
                trail += [
                    ActionUpdate(action_id=action_id, text=UPDATE_TEXTS[(number + n) % len(UPDATE_TEXTS)])
                    for n in range(max(updates + (number % 3) - 1, 0))
                ]
            Action.owners.through.objects.bulk_create(links, batch_size=BATCH)
            ActionUpdate.objects.bulk_create(trail, batch_size=BATCH)
        sequence.last_number = first + count - 1
        sequence.save(update_fields=["last_number"])

    def _analyse(self) -> None:
        """Vacuum and refresh the planner's statistics, as autovacuum would after a bulk load: without
        the vacuum's visibility map PostgreSQL reads whole tables where an index would do (the
        searched log took 149 ms instead of 44), and autovacuum may be off or not yet round."""
        with connection.cursor() as cursor:
            # (A test runs the command inside its transaction, where VACUUM may not run.)
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
