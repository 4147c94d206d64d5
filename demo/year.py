# ruff: noqa: RUF001 -- the minutes use the seed's en dashes ("Date of next meeting \u2013 ...")
"""A year of governance for the demo partnership: meetings, agendas, papers, attendance,
decisions, minutes and action logs, ending on the day the demo is loaded.

Everything is written through the services the product itself uses, in the order it would have
happened: the year is replayed as a queue of dated events (an agenda built three weeks before a
meeting, papers arriving before or after the deadline, the meeting held, its minutes drafted,
circulated and approved at the next meeting, actions reviewed there…). The clock is never moved:
each event's moment is passed to the services as `now=` (papers, agendas, minutes circulated,
approved and published, actions recorded, updated and handed over: an action update's date in the
trail is its `now`) or `today=` (holding a meeting, an action's completion day). The rows' own
`created_at`/`updated_at` and the history rows the services write are dated at the event's moment
too (`_dated_rows`, `_dated_history`), so the record reads as if the year had happened.

Nobody is told about any of it: the notifications these services send (agendas published,
minutes circulated, actions assigned, late papers) are for the live product, not for a year that
is being replayed, so they are silenced while the year loads (`notifications.services.silenced`).

The dates follow the day of loading, so the demo stays fresh: the board's scripted meetings sit
around `HistorySpec.anchor(today)` (18 December of last year for Herefordshire), and every group's
other meetings fill the twelve months before today, with a few still to come.
"""

import datetime
import heapq
import itertools
import random
import re
import zlib
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalChanges
from simple_history.signals import pre_create_historical_record

from core.workdays import closure_days
from demo.papers import docx_document, pdf_document
from demo.specs import (
    ActionSpec,
    GroupYearSpec,
    HistorySpec,
    ItemSpec,
    MeetingPlanSpec,
    PaperSpec,
    PaperTiming,
    Scenario,
    ScenarioSpec,
    StepSpec,
)
from governance.models import (
    FINISHED_STATUSES,
    Action,
    ActionHandover,
    ActionUpdate,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Group,
    Meeting,
    MeetingFrequency,
    Membership,
    MembershipRole,
    Minutes,
    MinutesAmendment,
    MinutesStatus,
    Paper,
    Person,
    StandingItem,
    TimeStampedModel,
)
from governance.scheduling import local_datetime, series_dates
from governance.selectors.meetings import meeting_quoracy
from governance.services import actions as action_services
from governance.services import agenda as agenda_services
from governance.services import attendance as attendance_services
from governance.services import meetings as meeting_services
from governance.services import minutes as minutes_services
from governance.services import papers as paper_services
from governance.services.attendance import NON_MEMBER_ROLES
from notifications.services import silenced

MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
YEAR = datetime.timedelta(days=365)
SIX_WEEKS = datetime.timedelta(weeks=6)
# When things happen around a meeting.
AGENDA_BUILT_BEFORE = 21 * DAY
AGENDA_PUBLISHED_BEFORE = 6 * DAY
LATE_PAPER_AFTER_DEADLINE = 2 * DAY
LATE_PAPER_ACCEPTED_BEFORE = DAY
MINUTES_DRAFTED_AFTER = 2 * DAY
MINUTES_CIRCULATED_AFTER = 8 * DAY
MINUTES_PUBLISHED_AFTER_APPROVAL = 5 * DAY
CANCELLED_BEFORE = 10 * DAY
SCHEDULED_BEFORE_FIRST = 8 * datetime.timedelta(weeks=1)
# A member (not the chair) sends apologies about one meeting in seven.
APOLOGY_RATE = 0.14
DEPUTY_COMES_RATE = 0.6
ADVISER_COMES_RATE = 0.7
APOLOGY_REASONS = (
    "Annual leave",
    "Unwell",
    "Attending a court hearing",
    "Clash with an inspection visit",
    "Chairing a strategy meeting",
    "Attending the ICB board",
    "Delivering training",
    "Bereavement leave",
)

COUNTED = {
    "meetings": Meeting,
    "agenda items": AgendaItem,
    "papers": Paper,
    "attendance": Attendance,
    "decisions": Decision,
    "minutes": Minutes,
    "amendments": MinutesAmendment,
    "actions": Action,
    "updates": ActionUpdate,
    "handovers": ActionHandover,
}


def history_counts() -> dict[str, int]:
    """Rows of each kind the year writes, for the load summary."""
    return {kind: model.objects.count() for kind, model in COUNTED.items()}


@contextmanager
def _dated_rows(moment: Callable[[], datetime.datetime]):
    """Date the rows saved inside at `moment()`, the event being replayed, not the clock.

    `created_at` and `updated_at` fill themselves from the clock on every save, so the moments are
    noted as rows are saved and written afterwards, in one pass per model (a bulk update writes no
    history and leaves the clock-filled fields alone)."""
    moments: dict[type[TimeStampedModel], dict[int, list]] = defaultdict(dict)

    def note(sender, instance, created, raw=False, **kwargs):
        if raw or not issubclass(sender, TimeStampedModel):
            return
        when = moment()
        row = moments[sender].setdefault(instance.pk, [when if created else None, when])
        row[1] = when

    post_save.connect(note, weak=False, dispatch_uid="demo-year-row-dates")
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid="demo-year-row-dates")
    for model, rows in moments.items():
        created = [
            model(pk=pk, created_at=first, updated_at=last) for pk, (first, last) in rows.items() if first
        ]
        updated = [model(pk=pk, updated_at=last) for pk, (first, last) in rows.items() if not first]
        if created:
            model._base_manager.bulk_update(created, ["created_at", "updated_at"], batch_size=500)
        if updated:
            model._base_manager.bulk_update(updated, ["updated_at"], batch_size=500)


@contextmanager
def _dated_history(moment: Callable[[], datetime.datetime]):
    """Date the history rows written inside at `moment()`, the event being replayed, not the clock.

    Rows a service writes in bulk (an agenda renumbered after an item is added) send no signal and
    carry the clock's date; they belong to the event of the row written just before them in their
    table (the item added), so they take its date afterwards."""
    started = timezone.now()

    def date_it(sender, history_instance, **kwargs):
        history_instance.history_date = moment()

    pre_create_historical_record.connect(date_it, weak=False, dispatch_uid="demo-year-history-date")
    try:
        yield
    finally:
        pre_create_historical_record.disconnect(dispatch_uid="demo-year-history-date")
    for model in apps.get_app_config("governance").get_models():
        dated = issubclass(model, HistoricalChanges) and hasattr(model, "history_date")  # not an m2m's
        if not dated or not model.objects.filter(history_date__gte=started).exists():
            continue
        rows, previous = [], None
        ordered = model.objects.order_by("history_id").values_list("history_id", "history_date")
        for history_id, history_date in ordered:
            if history_date >= started and previous is not None:
                rows.append(model(history_id=history_id, history_date=previous))
            else:
                previous = history_date
        model.objects.bulk_update(rows, ["history_date"], batch_size=500)


def _seeded(*parts) -> random.Random:
    """A random source that gives the same choices for the same meeting on every run."""
    return random.Random(zlib.crc32("|".join(str(part) for part in parts).encode()))


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment)


def _month_end(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - DAY


def _on_weekday(day: datetime.date, weekday: int) -> datetime.date:
    """The first `weekday` on or after `day`, kept within the first four weeks of its month
    so a month-based series has the same place in every month ("the second Tuesday")."""
    day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    while day.day > 28:
        day += datetime.timedelta(weeks=1)
    return day


@dataclass
class _BuiltItem:
    spec: ItemSpec
    item: AgendaItem
    parent: "_BuiltItem | None" = None
    held_back: list[str] = field(default_factory=list)
    accepted: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _MeetingRun:
    meeting: Meeting
    spec: GroupYearSpec
    plan: MeetingPlanSpec
    past: bool
    built: list[_BuiltItem] = field(default_factory=list)
    members: list[Membership] | None = None

    @property
    def group(self) -> Group:
        return self.meeting.group

    @property
    def date(self) -> datetime.date:
        return self.meeting.local_date

    def scenarios(self, kind: str) -> list[ScenarioSpec]:
        return [scenario for scenario in self.plan.scenarios if scenario.kind == kind]

    @property
    def cancelled_reason(self) -> str:
        cancelled = self.scenarios(Scenario.CANCELLED)
        return cancelled[0].reason if cancelled else ""


@dataclass
class _ActionRun:
    """An action being replayed: the steps of its trail still to come, counted in the held
    meetings of whichever group holds it now."""

    action: Action
    steps: tuple[StepSpec, ...]
    held_since: int = 0


class _YearLoader:
    def __init__(
        self,
        history: HistorySpec,
        *,
        people: dict[str, Person],
        groups: dict[str, Group],
        now: datetime.datetime,
    ):
        self.history = history
        self.people = people
        self.groups = groups
        self.now = now
        self.today = timezone.localdate(now)
        self.moment = now  # of the event being replayed: what "now" is to the services it calls
        self.secretariat = get_user_model().objects.get(username="secretariat")
        self.queue: list = []
        self.sequence = itertools.count()
        self.runs: dict[int, list[_MeetingRun]] = {}  # by group id, in date order
        self.logs: dict[int, list[_ActionRun]] = defaultdict(list)  # outstanding actions by group id
        self.closures = closure_days()

    # The clock -----------------------------------------------------------------------------

    def at(self, moment: datetime.datetime, task: Callable, *args, latest: datetime.timedelta | None = None):
        """Queue `task` for `moment`. A moment still to come is dropped, or, given `latest`, moved to
        that long before now (for what must have happened by now, such as the latest draft minutes)."""
        if moment >= self.now:
            if latest is None:
                return
            moment = self.now - latest
        heapq.heappush(self.queue, (moment, next(self.sequence), task, args))

    @property
    def day(self) -> datetime.date:
        """The local date of the event being replayed."""
        return timezone.localdate(self.moment)

    def replay(self) -> None:
        while self.queue:
            self.moment, _, task, args = heapq.heappop(self.queue)
            task(*args)

    # Loading -------------------------------------------------------------------------------

    def load(self) -> None:
        with silenced(), _dated_rows(lambda: self.moment), _dated_history(lambda: self.moment):
            self._schedule_board()
            for spec in self.history.subgroups:
                self._schedule_subgroup(spec)
            for runs in self.runs.values():
                for run in runs:
                    self._queue_meeting(run)
            self.replay()

    def person(self, name: str) -> Person:
        try:
            return self.people[name]
        except KeyError:
            raise ValueError(f"The demo year names an unknown person: {name!r}.") from None

    def group_named(self, name: str) -> Group:
        try:
            return self.groups[name]
        except KeyError:
            raise ValueError(f"The demo year names an unknown group: {name!r}.") from None

    def _schedule_series(self, spec: GroupYearSpec, first: datetime.date, count: int) -> list[Meeting]:
        """The group's calendar for the year, set some weeks before its first meeting."""
        self.moment = local_datetime(first, spec.start) - SCHEDULED_BEFORE_FIRST
        return meeting_services.meeting_schedule_series(
            group=self.group_named(spec.group),
            first_date=first,
            count=count,
            start_time=spec.start,
            end_time=spec.end,
            location=spec.location,
            online_link=spec.online_link,
            closures=self.closures,
        )

    def _count_to_schedule(self, spec: GroupYearSpec, frequency: str, first: datetime.date) -> int:
        days = series_dates(frequency=frequency, first=first, count=40, closures=self.closures)
        past = sum(1 for day in days if local_datetime(day, spec.end) <= self.now)
        return past + spec.upcoming

    def _schedule_board(self) -> None:
        spec = self.history.board
        anchor = self.history.anchor(self.today)
        # The year before today, and at least the two meetings before the anchor meeting.
        start = min(self.today - YEAR, anchor - 2 * SIX_WEEKS)
        steps_back = -(-(anchor - start).days // 42)  # whole six-week steps, rounded up
        first = anchor - steps_back * SIX_WEEKS
        count = self._count_to_schedule(spec, MeetingFrequency.SIX_WEEKLY, first)
        meetings = self._schedule_series(spec, first, count)
        scripted = dict(
            zip((steps_back - 2, steps_back - 1, steps_back), self.history.anchor_plans(anchor), strict=True)
        )
        runs = self._runs(spec, meetings, scripted=scripted)
        unscripted = [run for index, run in enumerate(runs) if run.past and index not in scripted]
        for run, scenarios in zip(reversed(unscripted), self.history.board_scenarios, strict=False):
            run.plan = run.plan.with_scenarios(scenarios)

    def _schedule_subgroup(self, spec: GroupYearSpec) -> None:
        group = self.group_named(spec.group)
        first = _on_weekday(self.today - YEAR + datetime.timedelta(days=spec.first_offset_days), spec.weekday)
        count = self._count_to_schedule(spec, group.meeting_frequency, first)
        runs = self._runs(spec, self._schedule_series(spec, first, count), scripted={})
        past = [run for run in runs if run.past]
        for back, scenarios in spec.scenarios.items():
            if back <= len(past):
                past[-back].plan = past[-back].plan.with_scenarios(scenarios)
        for back, amendment in spec.amendments.items():
            if back <= len(past):
                past[-back].plan = replace(past[-back].plan, amendment=amendment)

    def _runs(self, spec: GroupYearSpec, meetings: list[Meeting], *, scripted: dict) -> list[_MeetingRun]:
        """A run per meeting: past ones and the first one to come get their business; later ones
        have only the standing items for now."""
        one_offs = iter(spec.one_offs)
        runs = []
        for index, meeting in enumerate(meetings):
            past = meeting.ends_at <= self.now
            if index in scripted:
                plan = scripted[index]
            elif past or all(run.past for run in runs):
                chosen = tuple(itertools.islice(one_offs, spec.per_meeting))
                plan = MeetingPlanSpec(items=spec.recurring[:1] + chosen + spec.recurring[1:])
            else:
                plan = MeetingPlanSpec()
            runs.append(_MeetingRun(meeting=meeting, spec=spec, plan=plan, past=past))
        self.runs[meetings[0].group_id] = runs
        return runs

    def _queue_meeting(self, run: _MeetingRun) -> None:
        start, end = run.meeting.starts_at, run.meeting.ends_at
        if run.cancelled_reason:
            self.at(start - CANCELLED_BEFORE, self._cancel, run, latest=HOUR)
            return
        if not run.plan.items and not run.past:
            return
        self.at(start - AGENDA_BUILT_BEFORE, self._build_agenda, run, latest=3 * HOUR)
        if run.past or (run.spec is self.history.board and run is self._first_upcoming(run.group)):
            self.at(start - AGENDA_PUBLISHED_BEFORE, self._publish_agenda, run, latest=HOUR)
        if run.past:
            self.at(end, self._hold, run)
            self.at(end + MINUTES_DRAFTED_AFTER, self._draft_minutes, run, latest=5 * MINUTE)
            if not (run.spec.latest_minutes_draft and self._is_latest_held(run)):
                self.at(end + MINUTES_CIRCULATED_AFTER, self._circulate_minutes, run)

    def _first_upcoming(self, group: Group) -> _MeetingRun | None:
        return next((run for run in self.runs[group.pk] if not run.past), None)

    def _held_runs(self, group: Group) -> list[_MeetingRun]:
        return [run for run in self.runs[group.pk] if run.past and not run.cancelled_reason]

    def _is_latest_held(self, run: _MeetingRun) -> bool:
        held = self._held_runs(run.group)
        return bool(held) and held[-1] is run

    def _previous_held(self, run: _MeetingRun) -> _MeetingRun | None:
        earlier = [
            other for other in self._held_runs(run.group) if other.meeting.starts_at < run.meeting.starts_at
        ]
        return earlier[-1] if earlier else None

    def _next_meeting(self, run: _MeetingRun) -> Meeting | None:
        later = [
            other.meeting
            for other in self.runs[run.group.pk]
            if other.meeting.starts_at > run.meeting.starts_at and not other.cancelled_reason
        ]
        return later[0] if later else None

    # Before the meeting --------------------------------------------------------------------

    def _cancel(self, run: _MeetingRun) -> None:
        meeting_services.meeting_cancel(meeting=run.meeting, reason=run.cancelled_reason)

    def _build_agenda(self, run: _MeetingRun) -> None:
        for spec in run.plan.items:
            built = self._add_item(run, spec, parent=None)
            for sub_spec in spec.sub_items:
                self._add_item(run, sub_spec, parent=built)
        self._queue_papers(run)

    def _add_item(self, run: _MeetingRun, spec: ItemSpec, parent: _BuiltItem | None) -> _BuiltItem:
        item = agenda_services.agenda_item_add(
            meeting=run.meeting,
            title=spec.title,
            parent=parent.item if parent else None,
            presenter=self.person(spec.presenter) if spec.presenter else None,
            purpose=spec.purpose,
            minutes_allowed=spec.minutes_allowed,
            confidential=spec.confidential,
        )
        built = _BuiltItem(spec=spec, item=item, parent=parent)
        run.built.append(built)
        return built

    def _queue_papers(self, run: _MeetingRun) -> None:
        """Papers arrive before the deadline, except the late ones a scenario asks for: one from a
        statutory partner's staff that is held back, or one the chair accepts."""
        deadline = run.meeting.paper_deadline
        held_back = list(run.scenarios(Scenario.LATE_PAPER_HELD_BACK))
        accepted = list(run.scenarios(Scenario.LATE_PAPER_ACCEPTED))
        rng = _seeded(run.group.name, run.date, "papers")
        not_before = self.moment + MINUTE
        for built in run.built:
            for paper in built.spec.papers:
                timing, reason = paper.timing, paper.accepted_reason
                if timing == PaperTiming.ON_TIME and held_back and self._from_partner(built, paper):
                    timing = PaperTiming.LATE_HELD_BACK
                    held_back.pop()
                elif timing == PaperTiming.ON_TIME and accepted:
                    timing = PaperTiming.LATE_ACCEPTED
                    reason = accepted.pop().reason
                if timing == PaperTiming.ON_TIME:
                    moment = deadline - datetime.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 6))
                    if not run.past and moment >= self.now and rng.random() < 0.5:
                        # For a meeting still to come, some authors have sent their papers already.
                        moment = self.now - datetime.timedelta(hours=rng.randint(2, 60))
                else:
                    moment = (
                        deadline + LATE_PAPER_AFTER_DEADLINE + datetime.timedelta(hours=rng.randint(0, 5))
                    )
                self.at(max(moment, not_before), self._submit_paper, run, built, paper, timing, reason)

    def _author(self, built: _BuiltItem, paper: PaperSpec) -> Person | None:
        name = paper.author or built.spec.presenter
        return self.person(name) if name else None

    def _from_partner(self, built: _BuiltItem, paper: PaperSpec) -> bool:
        """A paper by a statutory partner's staff: the kind whose lateness is escalated (seed 003, 2a)."""
        author = self._author(built, paper)
        return author is not None and bool(author.agency.statutory_role)

    def _submit_paper(self, run, built: _BuiltItem, spec: PaperSpec, timing: str, reason: str) -> None:
        author = self._author(built, spec)
        paragraphs = [
            f"{run.group.name}: meeting on {run.date:%-d %B %Y}, agenda item {built.item.number}, "
            f"{built.item.title}.",
            f"Author: {author.name}, {author.job_title}, {author.agency.name}." if author else "",
            self._fill(built.spec.discussion, run.date) or "For the group's information.",
            "Recommendation: the group is asked to note the report and agree the actions it proposes.",
        ]
        if spec.word:
            content, extension = docx_document(spec.title, paragraphs), "docx"
        else:
            content, extension = pdf_document(spec.title, paragraphs), "pdf"
        paper = paper_services.paper_submit(
            agenda_item=built.item,
            uploaded_file=SimpleUploadedFile(f"{slugify(spec.title)[:80]}.{extension}", content),
            title=spec.title,
            author=author,
            submitted_by=self.secretariat,
            now=self.moment,
        )
        if timing == PaperTiming.LATE_ACCEPTED:
            self.at(
                run.meeting.starts_at - LATE_PAPER_ACCEPTED_BEFORE,
                self._accept_late_paper,
                built,
                paper,
                reason,
            )
        elif paper.is_late:
            built.held_back.append(paper.title)

    def _accept_late_paper(self, built: _BuiltItem, paper: Paper, reason: str) -> None:
        paper_services.paper_accept_late(
            paper=paper, reason=reason, accepted_by=self.secretariat, now=self.moment
        )
        built.accepted.append((paper.title, reason))

    def _publish_agenda(self, run: _MeetingRun) -> None:
        agenda_services.agenda_publish(meeting=run.meeting, now=self.moment)

    # The meeting ---------------------------------------------------------------------------

    def _hold(self, run: _MeetingRun) -> None:
        meeting_services.meeting_mark_held(meeting=run.meeting, today=run.date)
        self._record_attendance(run)
        self._approve_previous_minutes(run)
        self._ratify(run)
        self._review_actions(run)
        for built in run.built:
            if built.spec.decision:
                minutes_services.decision_record(
                    agenda_item=built.item, text=built.spec.decision, recorded_by=self.secretariat
                )
        for built in run.built:
            for spec in built.spec.actions:
                self._record_action(run, built, spec)

    def _members(self, run: _MeetingRun) -> list[Membership]:
        """The group's membership on the day, one line per person (their membership role first)."""
        if run.members is not None:
            return run.members
        memberships = (
            Membership.objects.current(run.date)
            .filter(group=run.group, person__active=True)
            .select_related("person__agency", "agency")
            .order_by("person__name", "start_date")
        )
        unique: dict[int, Membership] = {}
        for membership in memberships:
            held = unique.get(membership.person_id)
            if held is None or (held.role in NON_MEMBER_ROLES and membership.role not in NON_MEMBER_ROLES):
                unique[membership.person_id] = membership
        run.members = list(unique.values())
        return run.members

    def _record_attendance(self, run: _MeetingRun) -> None:
        # The agency each person represents and whether they are a member are known from the
        # membership already read, so they are passed rather than looked up again for every line.
        represents = {
            m.person_id: {"agency": m.agency, "is_member": m.role not in NON_MEMBER_ROLES}
            for m in self._members(run)
        }
        for person, line in self._attendance_lines(run).items():
            known = represents.get(person.pk, {"agency": person.agency, "is_member": False})
            attendance_services.attendance_record(meeting=run.meeting, person=person, **{**known, **line})

    def _attendance_lines(self, run: _MeetingRun) -> dict[Person, dict]:
        """Who came, and how: members present, the minute-taker in attendance, then the plan's
        scenarios and, at an ordinary meeting, a few apologies that never leave a partner unrepresented."""
        meeting, plan = run.meeting, run.plan
        rng = _seeded(run.group.name, run.date, "attendance")
        members = self._members(run)
        by_name = {membership.person.name: membership for membership in members}
        deputies = {m.deputy_for_id: m.person for m in members if m.role == MembershipRole.DEPUTY}
        lines: dict[Person, dict] = {}
        for membership in members:
            person, role = membership.person, membership.role
            if role == MembershipRole.MINUTE_TAKER or person.pk == meeting.minute_taker_id:
                lines[person] = {"status": AttendanceStatus.IN_ATTENDANCE}
            elif role == MembershipRole.ADVISER:
                if plan.ordinary and rng.random() < ADVISER_COMES_RATE:
                    lines[person] = {"status": AttendanceStatus.IN_ATTENDANCE}
            elif role not in NON_MEMBER_ROLES:
                lines[person] = {"status": AttendanceStatus.PRESENT}

        named = {scenario.person for scenario in plan.scenarios if scenario.person}
        absent = {scenario.agency for scenario in run.scenarios(Scenario.PARTNER_ABSENT)}
        for membership in members:
            if membership.agency.short_name in absent and membership.person in lines:
                lines[membership.person] = self._apologies(rng)
        if plan.ordinary:
            for membership in members:
                person = membership.person
                if (
                    lines.get(person, {}).get("status") != AttendanceStatus.PRESENT
                    or person.pk == meeting.chair_id
                    or person.name in named
                    or rng.random() >= APOLOGY_RATE
                ):
                    continue
                deputy = deputies.get(person.pk)
                if deputy and deputy.name not in named and rng.random() < DEPUTY_COMES_RATE:
                    lines[person] = self._apologies(rng)
                    lines[deputy] = {"status": AttendanceStatus.DEPUTY, "deputy_for": person}
                elif self._still_represented(members, lines, without=membership):
                    lines[person] = self._apologies(rng)

        start = _local(meeting.starts_at)
        for scenario in plan.scenarios:
            if not scenario.person:
                continue
            person = (
                by_name[scenario.person].person
                if scenario.person in by_name
                else self.person(scenario.person)
            )
            if scenario.kind == Scenario.DEPUTY_ATTENDS:
                lines[person] = self._apologies(rng, reason=scenario.reason)
                lines[deputies[person.pk]] = {"status": AttendanceStatus.DEPUTY, "deputy_for": person}
            elif scenario.kind == Scenario.APOLOGIES:
                lines[person] = self._apologies(rng, reason=scenario.reason)
            elif scenario.kind == Scenario.INVALID_APOLOGY:
                lines[person] = self._apologies(rng, reason=scenario.reason, valid=False)
            elif scenario.kind == Scenario.ABSENT_WITHOUT_APOLOGIES:
                lines[person] = {"status": AttendanceStatus.ABSENT}
            elif scenario.kind == Scenario.IN_ATTENDANCE:
                lines[person] = {"status": AttendanceStatus.IN_ATTENDANCE}
            elif scenario.kind == Scenario.ATTENDS_FOR_ITEM:
                built = next(b for b in run.built if scenario.item_title.lower() in b.item.title.lower())
                lines[person] = self._for_item(run, built)
            elif scenario.kind == Scenario.ARRIVES_LATE:
                lines[person] = {
                    "status": AttendanceStatus.PRESENT,
                    "arrived_for_item": run.built[0].item,
                    "arrived_at": (start + datetime.timedelta(minutes=25)).time(),
                }
            elif scenario.kind == Scenario.LEAVES_BEFORE_DECISION:
                decision_item = next(
                    built.item
                    for built in run.built
                    if built.spec.decision and (scenario.item is None or built.spec == scenario.item)
                )
                lines[person] = {
                    "status": AttendanceStatus.PRESENT,
                    "left_before_item": decision_item,
                    "left_at": (start + datetime.timedelta(minutes=50)).time(),
                }
                # Nobody else is there for that partner, so the decision is taken inquorate.
                agency_id = by_name[scenario.person].agency_id
                for other in members:
                    if other.person != person and other.agency_id == agency_id and other.person in lines:
                        if other.role in NON_MEMBER_ROLES:
                            del lines[other.person]
                        else:
                            lines[other.person] = self._apologies(rng)
        # Presenters from outside the group are in attendance for their item only (seed 003:
        # "attended for item").
        for built in run.built:
            presenter = self.person(built.spec.presenter) if built.spec.presenter else None
            if presenter is not None and presenter not in lines and presenter.name not in by_name:
                lines[presenter] = self._for_item(run, built)
        return lines

    def _for_item(self, run: _MeetingRun, built: _BuiltItem) -> dict:
        top = built.parent.item if built.parent else built.item
        following = (
            AgendaItem.objects.filter(meeting=run.meeting, parent=None, sort_key__gt=top.sort_key)
            .order_by("sort_key")
            .first()
        )
        return {
            "status": AttendanceStatus.IN_ATTENDANCE,
            "is_member": False,
            "arrived_for_item": top,
            "left_before_item": following,
        }

    @staticmethod
    def _apologies(rng: random.Random, *, reason: str = "", valid: bool = True) -> dict:
        return {
            "status": AttendanceStatus.APOLOGIES,
            "apology_reason": reason or rng.choice(APOLOGY_REASONS),
            "apology_valid": valid,
        }

    @staticmethod
    def _still_represented(members: list[Membership], lines: dict, *, without: Membership) -> bool:
        role = without.agency.statutory_role
        if not role:
            return True
        return any(
            other.person_id != without.person_id
            and other.agency.statutory_role == role
            and lines.get(other.person, {}).get("status")
            in (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY)
            for other in members
        )

    def _approve_previous_minutes(self, run: _MeetingRun) -> None:
        previous = self._previous_held(run)
        if previous is None:
            return
        minutes = Minutes.objects.filter(meeting=previous.meeting).first()
        if minutes is None or minutes.status != MinutesStatus.CIRCULATED:
            return
        at_item = run.meeting.agenda_items.get(standing_item=StandingItem.PREVIOUS_MINUTES)
        amendments = []
        spec = run.plan.amendment
        if spec is not None:
            item = next(
                built.item for built in previous.built if spec.item_title.lower() in built.item.title.lower()
            )
            item.refresh_from_db()
            amendments.append(
                {
                    "agenda_item": item,
                    "new_text": f"{item.discussion} {spec.addition}",
                    "requested_by": self.person(spec.requested_by),
                }
            )
        minutes_services.minutes_approve(
            minutes=minutes,
            at_item=at_item,
            amendments=amendments,
            approved_by=self.secretariat,
            now=self.moment,
        )
        if run.spec.publishes_minutes:
            self.at(self.moment + MINUTES_PUBLISHED_AFTER_APPROVAL, self._publish_minutes, minutes)

    def _publish_minutes(self, minutes: Minutes) -> None:
        minutes_services.minutes_publish(minutes=minutes, published_by=self.secretariat, now=self.moment)

    def _ratify(self, run: _MeetingRun) -> None:
        item = run.meeting.agenda_items.filter(standing_item=StandingItem.RATIFICATION).first()
        if item is None:
            return
        for decision in agenda_services.pending_ratification(meeting=run.meeting):
            minutes_services.decision_ratify(decision=decision, at_item=item, ratified_by=self.secretariat)

    # The action log ------------------------------------------------------------------------

    def _record_action(self, run: _MeetingRun, built: _BuiltItem, spec: ActionSpec) -> None:
        owners = [self.person(name) for name in spec.owners]
        action = action_services.action_record(
            group=run.group,
            title=spec.title,
            description=self._fill(spec.description, run.date),
            owners=owners,
            lead_agency=owners[0].agency,
            due_date=run.date + datetime.timedelta(days=spec.due_days) if spec.due_days is not None else None,
            due_by_next_meeting=spec.due_days is None,
            origin_item=built.item,
            recorded_by=self.secretariat,
            today=run.date,
            now=self.moment,
        )
        action_run = _ActionRun(action=action, steps=spec.steps)
        self.logs[run.group.pk].append(action_run)
        if spec.hand_to:
            self._hand_over(action_run, spec.hand_to, spec.hand_note)

    def _hand_over(self, action_run: _ActionRun, group_name: str, note: str) -> None:
        to_group = self.group_named(group_name)
        self.logs[action_run.action.group_id].remove(action_run)
        action_services.action_hand_over(
            action=action_run.action,
            to_group=to_group,
            handed_by=self.secretariat,
            note=note,
            now=self.moment,
        )
        action_run.held_since = 0
        self.logs[to_group.pk].append(action_run)

    def _review_actions(self, run: _MeetingRun) -> None:
        for action_run in list(self.logs[run.group.pk]):
            action_run.held_since += 1
            for step in [step for step in action_run.steps if step.after == action_run.held_since]:
                if step.by_owner_days is None:
                    self._post_update(action_run, step, reviewed_at=run.meeting, day=run.date)
                else:
                    self.at(
                        run.meeting.ends_at + step.by_owner_days * DAY, self._owner_update, action_run, step
                    )
                if step.hand_to:  # the rest of the trail is written in the receiving group's meetings
                    break

    def _owner_update(self, action_run: _ActionRun, step: StepSpec) -> None:
        self._post_update(action_run, step, reviewed_at=None, day=self.day)

    def _post_update(self, action_run: _ActionRun, step: StepSpec, *, reviewed_at, day) -> None:
        action = action_run.action
        if action.status in FINISHED_STATUSES:
            return
        revised = None
        if step.revise_weeks is not None:
            revised = day + datetime.timedelta(weeks=step.revise_weeks)
        elif step.revise_to_month_end is not None:
            revised = _month_end(day, step.revise_to_month_end)
        author = self.secretariat
        if reviewed_at is None:  # between meetings: the owner posts it if they have a login
            author = next((owner.user for owner in action.owners.all() if owner.user_id), self.secretariat)
        action_services.action_update(
            action=action,
            author=author,
            text=self._fill(step.text, day),
            new_status=step.status,
            revised_due_date=revised,
            revision_reason=step.reason if revised else "",
            reviewed_at_meeting=reviewed_at,
            today=day,
            now=self.moment,
        )
        if action.status in FINISHED_STATUSES and action_run in self.logs[action.group_id]:
            self.logs[action.group_id].remove(action_run)
        if step.hand_to:
            action_run.steps = action_run.steps[action_run.steps.index(step) + 1 :]
            self._hand_over(action_run, step.hand_to, step.hand_note)

    def _fill(self, text: str, day: datetime.date) -> str:
        """Put in the dates the text refers to: `{next Q&E}` is that group's next meeting after `day`."""

        def next_meeting(match: re.Match) -> str:
            label = match.group(1)
            group = next((g for g in self.groups.values() if label in (g.short_name, g.name)), None)
            if group is None:
                raise ValueError(f"The demo year refers to an unknown group: {label!r}.")
            meeting = (
                Meeting.objects.not_cancelled()
                .filter(group=group, starts_at__date__gt=day)
                .order_by("starts_at")
                .first()
            )
            return f"{meeting.local_date:%-d %B}" if meeting else "a date to be confirmed"

        return re.sub(r"\{next ([^}]+)\}", next_meeting, text)

    # After the meeting ---------------------------------------------------------------------

    def _draft_minutes(self, run: _MeetingRun) -> None:
        discussions = {}
        items = list(run.meeting.agenda_items.select_related("reporting_group").order_by("sort_key"))
        built_by_pk = {built.item.pk: built for built in run.built}
        for item in items:
            built = built_by_pk.get(item.pk)
            text = self._item_minutes(run, item, built)
            if text:
                discussions[item] = text
        minutes_services.minutes_update_items(meeting=run.meeting, discussions=discussions)

    def _item_minutes(self, run: _MeetingRun, item: AgendaItem, built: _BuiltItem | None) -> str:
        plan = run.plan
        if built is not None:
            parts = [self._fill(built.spec.discussion, run.date)] if built.spec.discussion else []
            parts += [
                f"The paper “{title}” arrived after the seven-day deadline and was held back; it comes to "
                "the next meeting."
                for title in built.held_back
            ]
            parts += [
                f"The chair accepted the late paper “{title}”: {reason}" for title, reason in built.accepted
            ]
            return " ".join(parts) or "The group noted the update."
        if item.reporting_group_id:
            written = plan.messages.get(item.reporting_group.name)
            return written or self._message_minutes(run, item.reporting_group)
        if item.standing_item in plan.standing_minutes:
            return self._fill(plan.standing_minutes[item.standing_item], run.date)
        return self._standing_minutes(run, item)

    def _message_minutes(self, run: _MeetingRun, reporting: Group) -> str:
        runs = self.runs.get(reporting.pk, [])
        last = [
            r
            for r in runs
            if r.past and not r.cancelled_reason and r.meeting.starts_at < run.meeting.starts_at
        ]
        if not last:
            return f"No meeting of the {reporting.label} since the last report."
        when = last[-1].date
        return f"Highlight report from the {reporting.label} meeting on {when:%-d %B} noted; no escalations."

    def _standing_minutes(self, run: _MeetingRun, item: AgendaItem) -> str:
        meeting = run.meeting
        key = item.standing_item
        if key == StandingItem.WELCOME_APOLOGIES:
            apologies = (
                Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.APOLOGIES)
                .select_related("person")
                .order_by("person__name")
            )
            names = ", ".join(row.person.name for row in apologies)
            chair = meeting.chair.name if meeting.chair else "The chair"
            text = f"{chair} welcomed members to the meeting. " + (
                f"Apologies were received from {names}." if names else "There were no apologies."
            )
            quoracy = meeting_quoracy(meeting=meeting)
            if not quoracy.quorate:
                missing = " and ".join(
                    f"the {name} {'were' if name == 'police' else 'was'}" for name in quoracy.missing_names
                )
                text += (
                    f" The meeting was not quorate: {missing} not represented. Decisions taken are recorded "
                    "for ratification at the next meeting."
                )
            return text
        if key == StandingItem.PREVIOUS_MINUTES:
            previous = self._previous_held(run)
            when = f" on {previous.date:%-d %B %Y}" if previous else ""
            amended = " with the amendment recorded below" if run.plan.amendment else ""
            return (
                f"Minutes: the minutes of the previous meeting{when} were approved as an accurate "
                f"record{amended}. "
                "Action log: members reviewed the outstanding actions; the updates are recorded in the log."
            )
        if key == StandingItem.RATIFICATION:
            decisions = Decision.objects.filter(ratified_at_item=item).select_related("agenda_item__meeting")
            return (
                " ".join(
                    f"The group ratified the decision taken on {d.agenda_item.meeting.local_date:%-d %B} "
                    f"while not "
                    f"quorate ({d.missing_partners} not represented): {d.text}"
                    for d in decisions
                )
                or "No decisions were waiting for ratification."
            )
        if key == StandingItem.MATTERS_ARISING:
            return "None."
        if key == StandingItem.MESSAGES:
            if meeting.agenda_items.filter(parent=item).exists():
                return "Highlight reports from the partnership groups were received."
            board = self.group_named(self.history.board.group)
            following = next(
                (
                    other.meeting
                    for other in self.runs[board.pk]
                    if other.meeting.starts_at > meeting.starts_at
                ),
                None,
            )
            when = f" on {following.local_date:%-d %B}" if following else ""
            return f"The group's highlight report goes to the {board.name}{when}."
        if key == StandingItem.AOB:
            return "None."
        if key == StandingItem.NEXT_MEETING:
            following = self._next_meeting(run)
            if following is None:
                return "Date of next meeting – to be confirmed."
            return f"Date of next meeting – {following.local_date:%-d %B %Y}."
        return ""

    def _circulate_minutes(self, run: _MeetingRun) -> None:
        minutes = Minutes.objects.filter(meeting=run.meeting).first()
        if minutes is not None and minutes.status == MinutesStatus.DRAFT:
            minutes_services.minutes_circulate(
                minutes=minutes, circulated_by=self.secretariat, now=self.moment
            )


def load_year(history: HistorySpec, *, people: dict[str, Person], groups: dict[str, Group], now=None) -> None:
    """Load the year into a database whose structure (people, groups, the demo users) is loaded."""
    _YearLoader(history, people=people, groups=groups, now=now or timezone.now()).load()
