"""The later apps' part of `manage.py bench_data` (issue 16): ten years of case reviews, audits,
training sessions and bookings, inserted in bulk beside the governance records.

Each function tops its part up to the size asked (a second run adds nothing) and shapes the rows
as the apps' services would: a review's step and next deadline are derived with reviews/clocks.py
from the dates recorded, an audit's returns fall due before its target month, a delivered
session's bookings carry their attendance, evaluations and impact answers. Bulk inserts bypass
the services: no change history, no notifications, no e-mail to anyone.
"""

import datetime
import itertools
import random
from collections.abc import Sequence

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from audits.choices import AuditReason, AuditStatus
from audits.models import AgencyReturn, AuditGrade, AuditProgramme, CaseAudit
from audits.models import Recommendation as AuditRecommendation
from audits.rules import financial_year_of
from core.workdays import add_working_days, closure_days
from governance.models import Agency, Group, Person, StatutoryRole
from reviews import clocks
from reviews import services as review_services
from reviews.choices import AdultDecision, MilestoneKind, Recommendation, RequestStatus, ReviewType
from reviews.models import (
    CaseChild,
    CaseReview,
    InformationRequest,
    Milestone,
    PartnerDecision,
    ReviewRecommendation,
    SignOff,
)
from training.choices import Attendance, BookingStatus, ImpactChange, Priority, SessionStatus
from training.models import (
    Booking,
    Course,
    CourseLevel,
    Evaluation,
    ImpactResponse,
    OutcomeConfidence,
    Session,
    Trainer,
)

BATCH = 5000
YEARS = 10
QE = "Quality & Effectiveness Group"
REVIEWS_OFFICER = "secretariat"  # the demo user bench.py measures the case review pages as

REFERENCE_PREFIX = {ReviewType.CHILD: "RR", ReviewType.DHR: "DHR", ReviewType.SAR: "SAR"}
# Seven in ten notifications are about children; the rest domestic homicides and adults.
TYPE_MIX = (ReviewType.CHILD,) * 7 + (ReviewType.DHR,) * 1 + (ReviewType.SAR,) * 2
# Days since the newest reviews' awareness dates: a notification this week, rapid reviews under
# way, decisions awaited, reviews in progress.
RECENT_AGES = (260, 130, 90, 45, 30, 12, 6, 2)
CHILD_DECISIONS = (
    Recommendation.LOCAL_REVIEW,
    Recommendation.OTHER_LEARNING,
    Recommendation.OTHER_LEARNING,
    Recommendation.LOCAL_REVIEW,
    Recommendation.OTHER_LEARNING,
    Recommendation.NATIONAL_REVIEW,
)
REVIEW_RECOMMENDATIONS = (
    "Agencies to record and share domestic abuse disclosures with the MASH within one working day.",
    "Schools to include online safety in every neglect referral and early help assessment.",
    "Health visitors to ask about adults in the household at every contact.",
    "Children's social care to hold a multi-agency strategy discussion before closing a case.",
)

AUDIT_THEMES = (
    ("Neglect: the use of the Graded Care Profile 2", AuditReason.CASE_REVIEW),
    ("Contacts that did not progress to referral", AuditReason.PERFORMANCE_DATA),
    ("Section 47 enquiries ending in no further action", AuditReason.PERFORMANCE_DATA),
    ("Child exploitation: return home interviews", AuditReason.PRIORITY),
    ("Domestic abuse: children in the household", AuditReason.CASE_REVIEW),
    ("Early help step-down from children's social care", AuditReason.PRIORITY),
    ("Core groups and outcome-focused child protection plans", AuditReason.PERFORMANCE_DATA),
    ("Escalation and professional challenge", AuditReason.OTHER),
    ("The voice of the child in strategy discussions", AuditReason.PRIORITY),
    ("Children missing education", AuditReason.OTHER),
)
AUDIT_FINDINGS = (
    "Agencies shared information in time in most cases; the child's lived experience was recorded "
    "in fewer than half.",
    "Strategy discussions included health in every case; schools were invited in two of six.",
    "The Graded Care Profile 2 was used in a third of cases and, where used, informed the plan.",
)
AUDIT_RECOMMENDATIONS = (
    "Share the audit's learning at the practitioner forum and in a seven-minute briefing.",
    "Re-audit in six months to test whether practice has changed.",
    "Agencies to include the voice of the child in every referral.",
)

COURSES = (
    ("Neglect and the Graded Care Profile 2", "Foundation", Priority.NEGLECT, 6),
    ("Child sexual exploitation and missing: using the CSE toolkit", "Advanced", Priority.CSE, 3),
    ("Early help: assessment and the levels of need", "Foundation", Priority.EARLY_HELP, 3),
    ("Working together: multi-agency safeguarding", "Foundation", Priority.EFFECTIVE_SAFEGUARDING, 3),
    (
        "Learning from case reviews: professional curiosity",
        "Specialist",
        Priority.EFFECTIVE_SAFEGUARDING,
        2.5,
    ),
    ("Domestic abuse and its impact on children", "Foundation", Priority.EFFECTIVE_SAFEGUARDING, 3),
    (
        "Harmful sexual behaviour: the Brook traffic light tool",
        "Advanced",
        Priority.EFFECTIVE_SAFEGUARDING,
        3,
    ),
    ("Parental mental health and substance misuse", "Advanced", Priority.NEGLECT, 3),
    ("Child criminal exploitation and county lines", "Advanced", Priority.CSE, 3),
    ("Safer recruitment", "Specialist", Priority.STRONG_LEADERSHIP, 6),
    ("Managing allegations against staff: the LADO", "Specialist", Priority.STRONG_LEADERSHIP, 2),
    ("Online safety for practitioners", "Foundation", Priority.EFFECTIVE_SAFEGUARDING, 2),
    ("Escalation and resolving professional disagreements", "Foundation", Priority.STRONG_LEADERSHIP, 2),
    ("Female genital mutilation and honour-based abuse", "Advanced", Priority.OTHER, 3),
    ("Supervision for safeguarding leads", "Specialist", Priority.STRONG_LEADERSHIP, 6),
    ("Child protection conferences and core groups", "Advanced", Priority.EARLY_HELP, 3),
)
OUTCOMES = (
    "Recognise the signs and their impact on the child",
    "Know each agency's role and the pathway to refer through",
    "Record and share information lawfully and in time",
)
VENUES = ("Plough Lane, Hereford", "The Shirehall, Hereford", "Leominster Community Centre", "")
FIRST = ("Alys", "Bryony", "Carys", "Dafydd", "Eira", "Ffion", "Gethin", "Hollie", "Ifan", "Jodie")
LAST = ("Bevington", "Caddick", "Dorrell", "Eckley", "Gittins", "Hatfield", "Jelfs", "Kinsey", "Mapp")


def _chunks(rows: Sequence, size: int = BATCH):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _created(model, rows: list, query) -> list:
    """The rows with their ids: bulk_create returns them on PostgreSQL and SQLite 3.35+; before,
    read them back (the newest `len(rows)` of `query`)."""
    made = model.objects.bulk_create(rows, batch_size=BATCH)
    if made and made[0].pk is None:  # pragma: no cover - SQLite before 3.35
        made = list(query.order_by("-pk")[: len(rows)])[::-1]
    return made


def _spread(n: int, count: int, *, days: int, today: datetime.date, ahead: int = 0) -> datetime.date:
    """The n-th of `count` dates spread evenly from `days` ago to `ahead` days to come."""
    return (
        today - datetime.timedelta(days=days) + datetime.timedelta(days=(days + ahead) * n // max(count, 1))
    )


# Case reviews ------------------------------------------------------------------------------


def officer_ensure(now: datetime.datetime) -> None:
    """The user the benchmark reads the case reviews as is entitled to them (need-to-know)."""
    user = get_user_model().objects.filter(username=REVIEWS_OFFICER).first()
    if user is not None:
        review_services.officer_name(user=user, named_by=None, now=now)


def reviews_add(target: int, *, today: datetime.date, now: datetime.datetime) -> int:
    officer_ensure(now)
    missing = target - CaseReview.objects.count()
    if missing <= 0:
        return 0
    rng = random.Random(12)
    rules = review_services.clock_rules()
    closures = closure_days()
    themes = list(review_services.themes_ensure_defaults().values())
    agencies = list(Agency.objects.filter(active=True).order_by("pk").values_list("pk", flat=True))
    partners = {agency.statutory_role: agency for agency in Agency.objects.statutory_partners()}
    people = list(Person.objects.order_by("pk").values_list("pk", "agency_id"))
    representatives = {
        role: [pk for pk, agency_id in people if agency_id == agency.pk] or [people[0][0]]
        for role, agency in partners.items()
    }
    taken = set(CaseReview.objects.values_list("reference", flat=True))
    counters: dict[str, int] = {}

    def reference(review_type: str, year: int) -> str:
        prefix = f"{REFERENCE_PREFIX[ReviewType(review_type)]}-{year}-"
        while True:
            counters[prefix] = counters.get(prefix, 0) + 1
            candidate = f"{prefix}{counters[prefix]:02d}"
            if candidate not in taken:
                taken.add(candidate)
                return candidate

    def wd(day: datetime.date, n: int) -> datetime.date:
        return add_working_days(day, n, closures)

    reviews = []
    for n in range(missing):
        review_type = TYPE_MIX[n % len(TYPE_MIX)]
        aware = _spread(n, missing, days=YEARS * 365, today=today, ahead=-3)
        if n >= missing - len(RECENT_AGES):  # the newest at each open step, whatever the size
            aware = max(aware, today - datetime.timedelta(days=RECENT_AGES[n - missing]))
        age = (today - aware).days
        review = CaseReview(
            review_type=review_type,
            awareness_date=aware,
            abuse_or_neglect=review_type == ReviewType.CHILD,
            harm=("seriously_harmed", "died")[n % 4 == 0] if review_type == ReviewType.CHILD else "",
        )
        if review_type == ReviewType.CHILD:
            if age > 3:
                review.panel_notified_on = wd(aware, 3 + n % 3)
            if age > 25:
                review.rapid_review_submitted_on = wd(aware, 15)
                review.decision = CHILD_DECISIONS[n % len(CHILD_DECISIONS)]
                review.decision_date = wd(aware, 14)
                review.recommendation = review.decision
                review.recommendation_reasons = "Reg 11: the case highlights improvements needed."
                review.reg11_improvements = True
            if review.decision == Recommendation.LOCAL_REVIEW:
                review.terms_of_reference = "How agencies recognised and responded to neglect."
                review.lead_reviewer_name = "Independent Reviewer"
                review.contract_start = wd(aware, 30)
                review.planned_publication_on = wd(aware, 120 + n % 60)
                if age > 250:
                    review.sent_to_panel_on = wd(review.planned_publication_on, -8)
                if age > 300:
                    review.published_on = review.planned_publication_on
                    review.published_summary = "The review found that agencies saw the signs separately."
        else:
            if age > 40:
                review.decision = (AdultDecision.HOLD, AdultDecision.NO_REVIEW)[n % 3 == 0]
                review.decision_date = wd(aware, 20)
            if review.decision == AdultDecision.HOLD and age > 400:
                review.completed_on = aware + datetime.timedelta(days=380)
                if review_type == ReviewType.DHR and age > 520:
                    review.home_office_approved_on = aware + datetime.timedelta(days=500)
                if age > 600:
                    review.published_on = aware + datetime.timedelta(days=580)
            elif review.decision == AdultDecision.NO_REVIEW and age > 60:
                review.closed_on = review.decision_date
        facts = review_services.review_facts(review)
        review.step = clocks.current_step(facts)
        upcoming = clocks.next_deadline(clocks.deadlines(facts, rules, closures), review.step)
        review.next_deadline = upcoming.due if upcoming else None
        review.next_deadline_code = upcoming.code if upcoming else ""
        review.reference = reference(review_type, aware.year)
        reviews.append(review)
    made = _created(CaseReview, reviews, CaseReview.objects.all())

    children, requests, decisions, milestones, sign_offs, recommendations = [], [], [], [], [], []
    agency_links, theme_links = [], []
    for n, review in enumerate(made):
        involved = rng.sample(agencies, k=min(len(agencies), 3 + n % 3))
        agency_links += [
            CaseReview.agencies.through(casereview_id=review.pk, agency_id=pk) for pk in involved
        ]
        theme_links += [
            CaseReview.themes.through(casereview_id=review.pk, theme_id=theme.pk)
            for theme in rng.sample(themes, k=min(len(themes), 1 + n % 2))
        ]
        if review.review_type == ReviewType.CHILD:
            children += [
                CaseChild(review_id=review.pk, pseudonym=f"Child {chr(65 + k)}")
                for k in range(1 + (n % 5 == 0))
            ]
        if review.panel_notified_on:
            for k, agency_id in enumerate(involved):
                requested = wd(review.awareness_date, 4)
                due = wd(requested, 5)
                received = (today - due).days > 5 or k % 2 == 0
                requests.append(
                    InformationRequest(
                        review_id=review.pk,
                        agency_id=agency_id,
                        requested_on=requested,
                        due_on=due,
                        status=RequestStatus.RECEIVED if received else RequestStatus.REQUESTED,
                        received_on=wd(requested, 3 + k) if received else None,
                    )
                )
        if review.review_type == ReviewType.CHILD and review.decision_date:
            for role in StatutoryRole.values:
                if role in partners:
                    decisions.append(
                        PartnerDecision(
                            review_id=review.pk,
                            statutory_role=role,
                            agency_id=partners[role].pk,
                            representative_id=representatives[role][n % len(representatives[role])],
                            decision=review.decision,
                            decided_on=review.decision_date,
                        )
                    )
        if review.review_type == ReviewType.CHILD and review.decision == Recommendation.LOCAL_REVIEW:
            start = review.contract_start
            for k, kind in enumerate(
                (
                    MilestoneKind.PRACTITIONER_EVENT,
                    MilestoneKind.DRAFT_REPORT,
                    MilestoneKind.QUALITY_ASSURANCE,
                )
            ):
                due = start + datetime.timedelta(days=30 * (k + 1))
                milestones.append(
                    Milestone(
                        review_id=review.pk, kind=kind, due_on=due, done_on=due if due < today else None
                    )
                )
            recommendations += [
                ReviewRecommendation(
                    review_id=review.pk,
                    number=k + 1,
                    text=REVIEW_RECOMMENDATIONS[(n + k) % len(REVIEW_RECOMMENDATIONS)],
                )
                for k in range(2)
            ]
            if review.sent_to_panel_on:
                signed = wd(review.sent_to_panel_on, -3)
                sign_offs += [
                    SignOff(
                        review_id=review.pk,
                        person_id=representatives[role][0],
                        capacity="Delegated Safeguarding Partner",
                        signed_on=signed,
                    )
                    for role in partners
                ]
    for model, rows in (
        (CaseReview.agencies.through, agency_links),
        (CaseReview.themes.through, theme_links),
        (CaseChild, children),
        (InformationRequest, requests),
        (PartnerDecision, decisions),
        (Milestone, milestones),
        (SignOff, sign_offs),
        (ReviewRecommendation, recommendations),
    ):
        model.objects.bulk_create(rows, batch_size=BATCH)
    return len(made)


# Audits ------------------------------------------------------------------------------------


def audits_add(target: int, *, today: datetime.date) -> int:
    """`target` multi-agency case audits in all, over yearly programmes of the Quality &
    Effectiveness group (the board's when there is none): about fifty a year, each with its
    agencies' returns, the completed ones graded with findings and recommendations, one in ten a
    re-audit of an earlier one."""
    missing = target - CaseAudit.objects.count()
    if missing <= 0:
        return 0
    group = Group.objects.filter(name=QE).first() or Group.objects.order_by("pk").first()
    grades = list(AuditGrade.objects.order_by("rank").values_list("pk", flat=True))
    if not grades:
        grades = [
            AuditGrade.objects.create(name=name, rank=rank).pk
            for rank, name in enumerate(
                ("Outstanding", "Good", "Requires improvement", "Inadequate"), start=1
            )
        ]
    agencies = list(Agency.objects.filter(active=True).order_by("pk").values_list("pk", flat=True))
    people = list(Person.objects.order_by("pk").values_list("pk", "agency_id"))
    contacts = {}
    for pk, agency_id in people:
        contacts.setdefault(agency_id, pk)
    first_year = financial_year_of(today) - YEARS + 1
    programmes = {
        year: AuditProgramme.objects.get_or_create(
            group=group, year=year, defaults={"notes": "Themes from the scorecard and the case reviews."}
        )[0]
        for year in range(first_year, financial_year_of(today) + 1)
    }
    audits = []
    for n in range(missing):
        month = _spread(n, missing, days=YEARS * 365 - 45, today=today, ahead=150).replace(day=1)
        theme, reason = AUDIT_THEMES[n % len(AUDIT_THEMES)]
        past = month < today.replace(day=1)
        status = (
            AuditStatus.CANCELLED
            if n % 25 == 0
            else AuditStatus.COMPLETED
            if past and n % 12
            else AuditStatus.IN_PROGRESS
            if month <= today + datetime.timedelta(days=60)
            else AuditStatus.PLANNED
        )
        completed = status == AuditStatus.COMPLETED
        audits.append(
            CaseAudit(
                programme=programmes[min(max(financial_year_of(month), first_year), max(programmes))],
                theme=theme,
                reason=reason,
                reason_detail="From the partnership's performance data and case reviews.",
                target_month=month,
                lead_id=people[n % len(people)][0],
                status=status,
                lines_of_enquiry="Was the child seen and heard?\nDid agencies share information in time?",
                sample_references="\n".join(f"HSCP-A-{n:04d}{k}" for k in range(6)),
                strengths="Good information sharing between health and police." if completed else "",
                areas_for_improvement=AUDIT_FINDINGS[n % len(AUDIT_FINDINGS)] if completed else "",
                voice_of_child=("yes", "partly", "no")[n % 3] if completed else "",
                grade_id=grades[n % len(grades)] if completed else None,
                completed_on=month + datetime.timedelta(days=20) if completed else None,
            )
        )
    made = _created(CaseAudit, audits, CaseAudit.objects.all())
    # One in ten is a re-audit of the audit of the same theme ten places earlier.
    reaudits = []
    for n, audit in enumerate(made):
        if n >= 10 and n % 10 == 3:
            audit.original_id = made[n - 10].pk
            reaudits.append(audit)
    CaseAudit.objects.bulk_update(reaudits, ["original"], batch_size=BATCH)
    returns, recommendations = [], []
    for n, audit in enumerate(made):
        if audit.status == AuditStatus.PLANNED:
            continue
        requested = audit.target_month - datetime.timedelta(days=60)
        due = audit.target_month - datetime.timedelta(days=30)
        for k, agency_id in enumerate(agencies[n % 5 :: max(len(agencies) // 4, 1)][:4]):
            received = audit.status == AuditStatus.COMPLETED or (k % 2 == 0 and due < today)
            late = k == 3
            returns.append(
                AgencyReturn(
                    audit_id=audit.pk,
                    agency_id=agency_id,
                    contact_id=contacts.get(agency_id),
                    requested_on=requested,
                    due_on=due,
                    received_on=(due + datetime.timedelta(days=9 if late else -2)) if received else None,
                    chased_on=due + datetime.timedelta(days=3) if late else None,
                    chase_count=1 if late else 0,
                    findings="The child's voice was recorded at assessment but not in the plan."
                    if received
                    else "",
                )
            )
        if audit.status == AuditStatus.COMPLETED:
            recommendations += [
                AuditRecommendation(
                    audit_id=audit.pk,
                    number=k + 1,
                    text=AUDIT_RECOMMENDATIONS[(n + k) % len(AUDIT_RECOMMENDATIONS)],
                )
                for k in range(2)
            ]
    AgencyReturn.objects.bulk_create(returns, batch_size=BATCH)
    AuditRecommendation.objects.bulk_create(recommendations, batch_size=BATCH)
    return len(made)


# Training ----------------------------------------------------------------------------------


def _courses() -> list[Course]:
    """The demo's courses and more, to sixteen: a partnership's multi-agency offer."""
    levels = {
        name: CourseLevel.objects.get_or_create(name=name, defaults={"order": order})[0]
        for name, order in (("Foundation", 1), ("Advanced", 2), ("Specialist", 3))
    }
    have = set(Course.objects.values_list("title", flat=True))
    Course.objects.bulk_create(
        [
            Course(
                title=title,
                level=levels[level],
                audience="Practitioners working with children and families",
                learning_outcomes="\n".join(OUTCOMES[: 2 + n % 2]),
                duration_hours=hours,
                priority=priority,
            )
            for n, (title, level, priority, hours) in enumerate(COURSES)
            if title not in have
        ]
    )
    return list(Course.objects.order_by("pk"))


def _pool(courses: list[Course], people: list[int]) -> dict[int, list[int]]:
    """Trainers by course id: the pool topped up to thirty people lent by partner agencies."""
    missing = 30 - Trainer.objects.count()
    if missing > 0:
        taken = set(Trainer.objects.values_list("person_id", flat=True))
        free = [pk for pk in people[5::11] if pk not in taken][:missing]
        made = _created(Trainer, [Trainer(person_id=pk) for pk in free], Trainer.objects.all())
        Trainer.courses.through.objects.bulk_create(
            [
                Trainer.courses.through(trainer_id=trainer.pk, course_id=courses[(n + k) % len(courses)].pk)
                for n, trainer in enumerate(made)
                for k in (0, 5, 11)
            ],
            ignore_conflicts=True,
        )
    pool: dict[int, list[int]] = {course.pk: [] for course in courses}
    for trainer_id, course_id in Trainer.courses.through.objects.values_list("trainer_id", "course_id"):
        pool.setdefault(course_id, []).append(trainer_id)
    return pool


def sessions_add(target: int, *, today: datetime.date) -> int:
    """Sessions in all to `target`, ten years of them and four months to come, weekdays only;
    those past delivered (one in twenty cancelled), those to come scheduled."""
    missing = target - Session.objects.count()
    if missing <= 0:
        return 0
    courses = _courses()
    people = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    pool = _pool(courses, people)
    sessions = []
    for n in range(missing):
        day = _spread(n, missing, days=YEARS * 365, today=today, ahead=120)
        day += datetime.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)
        course = courses[n % len(courses)]
        cancelled = n % 20 == 7
        venue = VENUES[n % len(VENUES)]
        sessions.append(
            Session(
                course=course,
                date=day,
                start_time=datetime.time(9, 30),
                end_time=datetime.time(12, 30) if course.duration_hours <= 3 else datetime.time(16, 0),
                venue=venue,
                online_link="" if venue else "https://meet.example.org/hscp-training",
                capacity=(12, 16, 20, 24, 30)[n % 5],
                status=SessionStatus.CANCELLED
                if cancelled
                else SessionStatus.DELIVERED
                if day < today
                else SessionStatus.SCHEDULED,
                cancelled_reason="Trainer unavailable: rearranged." if cancelled else "",
            )
        )
    made = _created(Session, sessions, Session.objects.all())
    links = []
    for n, session in enumerate(made):
        trainers = pool.get(session.course_id) or []
        links += [
            Session.trainers.through(session_id=session.pk, trainer_id=pk)
            for pk in trainers[n % 3 : n % 3 + 2]
        ]
    Session.trainers.through.objects.bulk_create(links, batch_size=BATCH)
    return len(made)


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def bookings_add(target: int, *, now: datetime.datetime) -> int:
    """Bookings in all to `target`, shared among the sessions that have none (every session when
    all have some), up to each one's capacity and then its waiting list. On a delivered session
    the register is taken (one in ten did not attend), one in ten cancelled (some late); half of
    those who attended evaluated it, with their confidence on each outcome before and after; a
    third answered the impact questionnaire three months on. A session to come has bookings and,
    when full, people waiting; a cancelled session's places were released."""
    missing = target - Booking.objects.count()
    if missing <= 0:
        return 0
    rng = random.Random(14)
    today = timezone.localdate(now)
    sessions = list(
        Session.objects.filter(bookings__isnull=True).select_related("course").order_by("date", "pk")
    ) or list(Session.objects.select_related("course").order_by("date", "pk"))
    if not sessions:
        return 0
    agencies = list(Agency.objects.filter(active=True).order_by("pk").values_list("pk", "short_name"))
    people = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    names = [f"{first} {last}" for first, last in itertools.product(FIRST, LAST)]
    serial = itertools.count(Booking.objects.count())
    made_total = 0
    plans = []  # (booking, attendance, session) in the order made
    for index, session in enumerate(sessions):
        share = missing // len(sessions) + (1 if index < missing % len(sessions) else 0)
        starts = _at(session.date, 9)
        opened = starts - datetime.timedelta(days=40)
        for k in range(share):
            number = next(serial)
            agency_id, short_name = agencies[number % len(agencies)]
            person_id = people[number % len(people)] if number % 4 == 0 else None
            booked_at = opened + datetime.timedelta(hours=3 * k)
            booking = Booking(
                session_id=session.pk,
                person_id=person_id,
                name=names[number % len(names)],
                email=f"practitioner.{number}@{slugify(short_name or 'agency')}.example.org",
                agency_id=agency_id,
            )
            over = k >= session.capacity
            attendance = ""
            if session.status == SessionStatus.CANCELLED:
                booking.status = BookingStatus.RELEASED
                booking.cancelled_at = starts - datetime.timedelta(days=7)
            elif over:
                booking.status = BookingStatus.LAPSED if session.date < today else BookingStatus.WAITING
                booking.waiting_since = booked_at
            elif k % 10 == 3:
                booking.status = BookingStatus.CANCELLED
                booking.late_cancellation = k % 20 == 3
                booking.cancelled_at = starts - datetime.timedelta(
                    days=1 if booking.late_cancellation else 14
                )
            else:
                booking.status = BookingStatus.BOOKED
                if session.date < today:
                    roll = rng.random()
                    attendance = (
                        Attendance.NO_SHOW
                        if roll < 0.1
                        else Attendance.LATE
                        if roll < 0.16
                        else Attendance.LEFT_EARLY
                        if roll < 0.2
                        else Attendance.PRESENT
                    )
                    booking.attendance = attendance
                    if attendance != Attendance.NO_SHOW:
                        evening = _at(session.date, 17)
                        booking.evaluation_sent_at = evening
                        booking.impact_due_at = evening + datetime.timedelta(days=90)
                        if booking.impact_due_at < now:
                            booking.impact_sent_at = booking.impact_due_at
            plans.append((booking, attendance, session))
    for chunk in _chunks(plans):
        made = _created(Booking, [booking for booking, _a, _s in chunk], Booking.objects.all())
        evaluations, impacts = [], []
        for (_booking, attendance, session), booking in zip(chunk, made, strict=True):
            if not attendance or attendance == Attendance.NO_SHOW:
                continue
            if rng.random() < 0.5:
                evaluations.append(
                    Evaluation(
                        booking_id=booking.pk,
                        rating=rng.choice((3, 4, 4, 5, 5)),
                        comments="Good mix of agencies." if rng.random() < 0.3 else "",
                        submitted_at=_at(session.date, 19),
                    )
                )
            if booking.impact_sent_at and rng.random() < 0.33:
                impacts.append(
                    ImpactResponse(
                        booking_id=booking.pk,
                        change=rng.choice((ImpactChange.A_LOT, ImpactChange.SOME, ImpactChange.SOME)),
                        what_changed="I ask who else lives in the household.",
                        submitted_at=booking.impact_sent_at + datetime.timedelta(days=3),
                    )
                )
        outcomes_of = {session.pk: session.course.outcomes for _b, _a, session in chunk}
        session_of = {booking.pk: session.pk for (_b, _a, session), booking in zip(chunk, made, strict=True)}
        evaluations = _created(Evaluation, evaluations, Evaluation.objects.all())
        confidences = []
        for evaluation in evaluations:
            for number, outcome in enumerate(outcomes_of[session_of[evaluation.booking_id]], start=1):
                before = rng.randint(1, 3)
                confidences.append(
                    OutcomeConfidence(
                        evaluation_id=evaluation.pk,
                        number=number,
                        outcome=outcome[:500],
                        before=before,
                        after=min(5, before + rng.randint(1, 2)),
                    )
                )
        OutcomeConfidence.objects.bulk_create(confidences, batch_size=BATCH)
        ImpactResponse.objects.bulk_create(impacts, batch_size=BATCH)
        made_total += len(made)
    # A session to come with people waiting is full, as booking_create leaves it.
    waiting = {session.pk for booking, _a, session in plans if booking.status == BookingStatus.WAITING}
    Session.objects.filter(pk__in=waiting, status=SessionStatus.SCHEDULED).update(status=SessionStatus.FULL)
    return made_total
