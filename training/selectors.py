"""Reads for training pages, dashboards and reports: each a fixed number of queries, with the
counting done in the database.

For dashboards and reports (other apps compose them):
- `take_up_by_agency(start=, end=)`: places booked, attended, no-shows and cancellations per
  agency for sessions dated in [start, end], with the agency's workforce where known;
- `period_summary(start=, end=)`: the yearly report's training paragraph;
- `group_period_summary(group=, start=, end=)`: the Development & Practice highlight report's.
"""

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Prefetch, Q, Sum
from django.db.models.functions import ExtractQuarter

from governance.models import Group, Sector
from training import rules
from training.choices import (
    ACTIVE,
    ATTENDED,
    HOLDS_PLACE,
    Attendance,
    BookingStatus,
    ImpactChange,
    SessionStatus,
)
from training.models import (
    Booking,
    Course,
    Evaluation,
    ImpactResponse,
    OutcomeConfidence,
    Session,
    Trainer,
    TrainingNeed,
)

SECTORS = dict(Sector.choices)


def _in_period(start: datetime.date, end: datetime.date, prefix: str = "session__") -> Q:
    return Q(**{f"{prefix}date__gte": start, f"{prefix}date__lte": end})


# A place taken: booked (whatever the register then said) on a session that was not cancelled.
_PLACE = Q(status=BookingStatus.BOOKED) & ~Q(session__status=SessionStatus.CANCELLED)
TAKE_UP_COUNTS = {
    "booked": Count("id", filter=_PLACE | Q(status=BookingStatus.CANCELLED)),
    "attended": Count("id", filter=Q(attendance__in=ATTENDED)),
    "no_shows": Count("id", filter=Q(attendance=Attendance.NO_SHOW)),
    "cancellations": Count("id", filter=Q(status=BookingStatus.CANCELLED)),
    "late_cancellations": Count("id", filter=Q(status=BookingStatus.CANCELLED, late_cancellation=True)),
}


def _take_up_rows(values: list[dict], extra_keys: tuple[str, ...] = ()) -> list[dict]:
    rows = []
    for value in values:
        workforce = value["agency__training_workforce__workforce"]
        rows.append(
            {
                **{key: value[key] for key in extra_keys},
                "agency_id": value["agency_id"],
                "agency": value["agency__short_name"] or value["agency__name"],
                "agency_name": value["agency__name"],
                "sector": SECTORS.get(value["agency__sector"], value["agency__sector"]),
                "booked": value["booked"],
                "attended": value["attended"],
                "no_shows": value["no_shows"],
                "cancellations": value["cancellations"],
                "late_cancellations": value["late_cancellations"],
                "workforce": workforce,
                "attended_per_hundred": rules.per_hundred(value["attended"], workforce),
            }
        )
    return rows


_AGENCY_VALUES = (
    "agency_id",
    "agency__name",
    "agency__short_name",
    "agency__sector",
    "agency__training_workforce__workforce",
)


def take_up_by_agency(*, start: datetime.date, end: datetime.date) -> list[dict[str, Any]]:
    """One row per agency with a booking on a session dated from `start` to `end` (inclusive):
    agency, sector, booked (places taken, including those later cancelled), attended, no_shows,
    cancellations (late_cancellations among them), workforce (None when unknown). One query."""
    values = (
        Booking.objects.filter(_in_period(start, end))
        .exclude(status__in=(BookingStatus.WAITING, BookingStatus.LAPSED))
        .values(*_AGENCY_VALUES)
        .annotate(**TAKE_UP_COUNTS)
        .order_by("agency__name")
    )
    return _take_up_rows(list(values))


def take_up_by_sector(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The agency rows added up by sector (no query)."""
    totals: dict[str, dict[str, Any]] = {}
    for row in rows:
        total = totals.setdefault(
            row["sector"],
            {
                "sector": row["sector"],
                "booked": 0,
                "attended": 0,
                "no_shows": 0,
                "cancellations": 0,
                "late_cancellations": 0,
            },
        )
        for key in ("booked", "attended", "no_shows", "cancellations", "late_cancellations"):
            total[key] += row[key]
    return sorted(totals.values(), key=lambda total: total["sector"])


def take_up_by_quarter(*, year: int) -> dict[int, list[dict[str, Any]]]:
    """Each calendar quarter of `year`: its agency rows (as take_up_by_agency). One query."""
    values = (
        Booking.objects.filter(session__date__year=year)
        .exclude(status__in=(BookingStatus.WAITING, BookingStatus.LAPSED))
        .annotate(quarter=ExtractQuarter("session__date"))
        .values("quarter", *_AGENCY_VALUES)
        .annotate(**TAKE_UP_COUNTS)
        # Unordered, so that PostgreSQL groups with a hash rather than sorting every booking by
        # the agency's name (3x quicker over 100,000 bookings); the few rows are sorted here.
        .order_by()
    )
    ordered = sorted(values, key=lambda value: (value["quarter"], value["agency__name"]))
    quarters: dict[int, list[dict]] = {quarter: [] for quarter in (1, 2, 3, 4)}
    for row in _take_up_rows(ordered, ("quarter",)):
        quarters[row["quarter"]].append(row)
    return quarters


def take_up_of_year(quarters: dict[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The year's agency rows (as take_up_by_agency from 1 January to 31 December) added up from
    its quarters' rows: the take-up page has those already, so no second pass over the bookings."""
    by_agency: dict[int, dict[str, Any]] = {}
    for quarter in sorted(quarters):
        for row in quarters[quarter]:
            total = by_agency.get(row["agency_id"])
            if total is None:
                by_agency[row["agency_id"]] = {key: value for key, value in row.items() if key != "quarter"}
            else:
                for key in ("booked", "attended", "no_shows", "cancellations", "late_cancellations"):
                    total[key] += row[key]
    rows = sorted(by_agency.values(), key=lambda total: total["agency_name"])
    for total in rows:
        total["attended_per_hundred"] = rules.per_hundred(total["attended"], total["workforce"])
    return rows


def take_up_chart(rows: list[dict[str, Any]]) -> dict:
    """A Chart.js bar chart of the same figures as the table beside it."""
    labels = [row["agency"] for row in rows]
    series = (
        ("Booked", "booked", "#1f5f8b"),
        ("Attended", "attended", "#2e7d32"),
        ("No-shows", "no_shows", "#c62828"),
        ("Cancellations", "cancellations", "#ef6c00"),
    )
    return {
        "type": "bar",
        "data": {
            "labels": labels,
            "datasets": [
                {"label": label, "data": [row[key] for row in rows], "backgroundColor": colour}
                for label, key, colour in series
            ],
        },
        "options": {
            "plugins": {"legend": {"position": "bottom"}},
            "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}},
        },
    }


# Pages -----------------------------------------------------------------------------------------


def courses_for_list():
    """Courses with their level and the count of upcoming sessions. One query."""
    return (
        Course.objects.select_related("level")
        .annotate(session_count=Count("sessions", filter=~Q(sessions__status=SessionStatus.CANCELLED)))
        .order_by("-active", "title")
    )


def sessions_for_list(*, today: datetime.date, past: bool = False):
    """Sessions from today on (or before today), with course, level and places held. One query
    for the page (trainers prefetched: one more)."""
    sessions = (
        Session.objects.select_related("course__level")
        .annotate(
            held=Count("bookings", filter=Q(bookings__status__in=HOLDS_PLACE)),
            waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
        )
        .prefetch_related(Prefetch("trainers", queryset=Trainer.objects.select_related("person__agency")))
    )
    if past:
        return sessions.filter(date__lt=today).order_by("-date", "-start_time")
    return sessions.filter(date__gte=today).order_by("date", "start_time")


def session_with_details(pk: int) -> Session:
    return (
        Session.objects.select_related("course__level")
        .prefetch_related(Prefetch("trainers", queryset=Trainer.objects.select_related("person__agency")))
        .get(pk=pk)
    )


def session_bookings(session: Session) -> dict[str, list[Booking]]:
    """The session's bookings by state, in order: places, offers, the waiting list, the rest.
    One query."""
    groups: dict[str, list[Booking]] = {"booked": [], "offered": [], "waiting": [], "closed": []}
    bookings = session.bookings.select_related("agency", "evaluation", "impact").order_by("created_at", "id")
    for booking in bookings:
        if booking.status == BookingStatus.BOOKED:
            groups["booked"].append(booking)
        elif booking.status == BookingStatus.OFFERED:
            groups["offered"].append(booking)
        elif booking.status == BookingStatus.WAITING:
            groups["waiting"].append(booking)
        else:
            groups["closed"].append(booking)
    groups["waiting"].sort(key=lambda b: (b.waiting_since or b.created_at, b.pk))
    return groups


def own_bookings(*, person, session: Session) -> list[Booking]:
    if person is None:
        return []
    return list(session.bookings.filter(person=person, status__in=ACTIVE))


def pool_for_list():
    """The training pool with each trainer's agency and courses, and hours delivered. Two queries."""
    hours = ExpressionWrapper(
        F("sessions__end_time") - F("sessions__start_time"), output_field=DurationField()
    )
    return (
        Trainer.objects.select_related("person__agency")
        .prefetch_related("courses")
        .annotate(
            delivered=Count("sessions", filter=Q(sessions__status=SessionStatus.DELIVERED)),
            delivered_time=Sum(hours, filter=Q(sessions__status=SessionStatus.DELIVERED)),
        )
        .order_by("-active", "person__name")
    )


def evaluation_results(*, session: Session | None = None, course: Course | None = None) -> dict[str, Any]:
    """Ratings, confidence before and after per learning outcome, comments and impact, for one
    session or every session of a course. Four queries."""
    scope = Q(booking__session=session) if session is not None else Q(booking__session__course=course)
    evaluations = Evaluation.objects.filter(scope)
    summary = evaluations.aggregate(count=Count("id"), rating=Avg("rating"))
    outcomes = list(
        OutcomeConfidence.objects.filter(
            **{f"evaluation__{key}": value for key, value in _scope_kwargs(session, course).items()}
        )
        .values("number", "outcome")
        .annotate(before=Avg("before"), after=Avg("after"), answers=Count("id"))
        .order_by("number")
    )
    comments = list(
        evaluations.exclude(comments="")
        .select_related("booking__agency", "booking__session")
        .order_by("-submitted_at")[:50]
    )
    impact = list(
        ImpactResponse.objects.filter(scope)
        .select_related("booking__agency", "booking__session")
        .order_by("-submitted_at")[:50]
    )
    return {
        "count": summary["count"],
        "rating": summary["rating"],
        "outcomes": outcomes,
        "comments": comments,
        "impact": impact,
    }


def _scope_kwargs(session: Session | None, course: Course | None) -> dict:
    return {"booking__session": session} if session is not None else {"booking__session__course": course}


def needs_for_list():
    return (
        TrainingNeed.objects.select_related("agency")
        .prefetch_related("courses")
        .order_by("-identified_on", "title")
    )


# Reports ---------------------------------------------------------------------------------------


def period_summary(*, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """The training delivered from `start` to `end` (inclusive), for the yearly report (seed 001
    s.17.5, s.19): sessions delivered, places, attendance, evaluation averages, impact
    highlights, and each agency's contribution in kind (trainer hours). Six queries."""
    delivered = Session.objects.filter(_in_period(start, end, ""), status=SessionStatus.DELIVERED)
    sessions = delivered.aggregate(sessions=Count("id", distinct=True), places=Sum("capacity"))
    bookings = Booking.objects.filter(
        _in_period(start, end), session__status=SessionStatus.DELIVERED
    ).aggregate(
        booked=Count("id", filter=Q(status=BookingStatus.BOOKED)),
        attended=Count("id", filter=Q(attendance__in=ATTENDED)),
        no_shows=Count("id", filter=Q(attendance=Attendance.NO_SHOW)),
    )
    evaluations = Evaluation.objects.filter(_in_period(start, end, "booking__session__")).aggregate(
        count=Count("id"), rating=Avg("rating")
    )
    confidence = OutcomeConfidence.objects.filter(
        _in_period(start, end, "evaluation__booking__session__")
    ).aggregate(before=Avg("before"), after=Avg("after"))
    impact_counts = dict(
        ImpactResponse.objects.filter(_in_period(start, end, "booking__session__"))
        .values_list("change")
        .annotate(n=Count("id"))
        .values_list("change", "n")
    )
    hours = ExpressionWrapper(F("session__end_time") - F("session__start_time"), output_field=DurationField())
    in_kind = (
        Session.trainers.through.objects.filter(
            _in_period(start, end), session__status=SessionStatus.DELIVERED
        )
        .values("trainer__person__agency__name")
        .annotate(sessions=Count("id"), time=Sum(hours))
        .order_by("trainer__person__agency__name")
    )
    attended = bookings["attended"]
    return {
        "start": start,
        "end": end,
        "sessions_delivered": sessions["sessions"] or 0,
        "places": sessions["places"] or 0,
        "booked": bookings["booked"],
        "attended": attended,
        "no_shows": bookings["no_shows"],
        "attendance_rate": round(100 * attended / bookings["booked"]) if bookings["booked"] else None,
        "evaluations": evaluations["count"],
        "average_rating": _round(evaluations["rating"]),
        "confidence_before": _round(confidence["before"]),
        "confidence_after": _round(confidence["after"]),
        "impact": [
            {"change": label, "responses": impact_counts.get(value, 0)}
            for value, label in ImpactChange.choices
        ],
        "in_kind": [
            {
                "agency": row["trainer__person__agency__name"],
                "sessions": row["sessions"],
                "hours": round(row["time"].total_seconds() / 3600, 1) if row["time"] else 0,
            }
            for row in in_kind
        ],
    }


def group_period_summary(*, group: Group, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """The Development & Practice group's highlight report: the period summary, plus the training
    needs it recorded in the period and those still open. Eight queries."""
    summary = period_summary(start=start, end=end)
    needs = TrainingNeed.objects.prefetch_related("courses")
    summary["group"] = group.name
    summary["needs_identified"] = list(needs.filter(identified_on__gte=start, identified_on__lte=end))
    summary["needs_open"] = TrainingNeed.objects.filter(status="open").count()
    return summary


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def take_up_totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        for key in ("booked", "attended", "no_shows", "cancellations", "late_cancellations"):
            totals[key] += row[key]
    return dict(totals)
