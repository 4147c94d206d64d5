"""The Herefordshire partnership's multi-agency training (issue 14), from the seeds' own words:
courses on the business plan's priorities (seed 004: neglect and the Graded Care Profile 2, the CSE
toolkit, early help, effective safeguarding, learning from case reviews), a training pool lent by
partner agencies (seed 001 s.17.1, 17.4), a year of sessions delivered with registers, evaluations
and impact three months on, sessions to come with bookings across agencies and a waiting list,
training needs the Development & Practice group recorded, and workforce sizes for take-up.

Everything goes through training's services, replayed at the moments it happened and silenced
(no e-mail goes to the invented practitioners). Loaded once: when a course exists, nothing is added.
"""

import datetime
import itertools
import random

from django.utils import timezone
from django.utils.text import slugify

from notifications.services import silenced
from training import services
from training.choices import Attendance, ImpactChange, NeedSource, Priority
from training.models import Booking, Course, CourseLevel, Session, Trainer, TrainingNeed

COURSES = [
    (
        "Neglect and the Graded Care Profile 2",
        "Foundation",
        Priority.NEGLECT,
        "All practitioners working with children and families",
        "Recognise the signs and impact of childhood neglect\n"
        "Use the Graded Care Profile 2 to assess the care a child receives\n"
        "Apply the levels of need to concerns about neglect",
        6,
    ),
    (
        "Child sexual exploitation and missing: using the CSE toolkit",
        "Advanced",
        Priority.CSE,
        "Practitioners working with young people at risk of exploitation",
        "Identify the indicators of child sexual exploitation\n"
        "Use the CSE toolkit and refer through the right pathway\n"
        "Understand return home interviews after a child goes missing",
        3,
    ),
    (
        "Early help: assessment and the levels of need",
        "Foundation",
        Priority.EARLY_HELP,
        "Early help practitioners, schools and early years settings",
        "Decide between early help, early triage and a referral to MASH\n"
        "Complete a common assessment with the family",
        3,
    ),
    (
        "Working together: multi-agency safeguarding",
        "Foundation",
        Priority.EFFECTIVE_SAFEGUARDING,
        "Practitioners new to multi-agency safeguarding",
        "Know each agency's role in strategy meetings and section 47 enquiries\n"
        "Share information lawfully and in time",
        3,
    ),
    (
        "Learning from case reviews: professional curiosity",
        "Specialist",
        Priority.EFFECTIVE_SAFEGUARDING,
        "Designated and named safeguarding leads",
        "Apply the learning from local child safeguarding practice reviews\n"
        "Practise professional curiosity and respectful challenge",
        2.5,
    ),
]

# Trainer, the courses (by index in COURSES) they may deliver.
POOL = [
    ("Aisha Rahman", (0, 3, 4)),
    ("Zara Ahmed", (0, 3)),
    ("Grace Oduya", (1, 3)),
    ("Jamal Idris", (1,)),
    ("Poppy Harrington", (2, 0)),
    ("Megan Howells", (0, 4)),
    ("Sarah Llewellyn", (2, 3)),
]

WORKFORCE = {
    "Herefordshire Council": 1850,
    "HW ICB": 420,
    "West Mercia Police": 960,
    "Wye Valley": 2700,
    "Schools": 3400,
    "Early Years": 640,
    "HVOSS": 310,
}

# Agencies whose practitioners book (by short name), weighted by how often.
BOOKING_AGENCIES = [
    "Herefordshire Council",
    "Herefordshire Council",
    "Herefordshire Council",
    "Wye Valley",
    "Wye Valley",
    "West Mercia Police",
    "Schools",
    "Schools",
    "Early Years",
    "HVOSS",
    "HWHCT",
    "GPs",
    "Domestic Abuse",
    "Youth Offending",
    "Housing",
    "FE and Post-16",
]

FIRST = [
    "Alys",
    "Bryony",
    "Carys",
    "Dafydd",
    "Eira",
    "Ffion",
    "Gethin",
    "Hollie",
    "Ifan",
    "Jodie",
    "Kieran",
    "Lowri",
    "Mali",
    "Nia",
    "Osian",
    "Phoebe",
    "Rhodri",
    "Seren",
    "Tegan",
    "Wyn",
    "Amira",
    "Bilal",
    "Chen",
    "Divya",
    "Emeka",
    "Farah",
    "Gabriel",
    "Hana",
    "Isaac",
    "Jasmin",
]
LAST = [
    "Bevington",
    "Caddick",
    "Dorrell",
    "Eckley",
    "Fennimore",
    "Gittins",
    "Hatfield",
    "Jelfs",
    "Kinsey",
    "Lippett",
    "Mapp",
    "Nott",
    "Okafor",
    "Powles",
    "Quarrell",
    "Rudge",
    "Skyrme",
    "Tranter",
    "Vobe",
    "Whittall",
]

COMMENTS = [
    "The Graded Care Profile exercise with a real case made it click.",
    "Good mix of agencies: hearing how the police triage a referral was useful.",
    "Would like more time on the levels of need.",
    "Clear trainers, practical examples from Herefordshire cases.",
]
# What changed in practice, by the course's priority.
CHANGES = {
    Priority.NEGLECT: [
        "I now use the Graded Care Profile 2 before a referral and attach it.",
        "I look at the levels of need with the family before deciding on early help or a referral.",
    ],
    Priority.CSE: [
        "I ask about missing episodes at every review and record return home interviews.",
        "I use the CSE toolkit with young people I am worried about and share it with the MASH.",
    ],
    Priority.EARLY_HELP: ["I complete the common assessment with the family rather than for them."],
    Priority.EFFECTIVE_SAFEGUARDING: [
        "I challenge a decision I disagree with and escalate when I need to.",
        "I ask who else lives in the household, and check with the other agencies.",
    ],
}
NEEDS = [
    (
        "Neglect: using the Graded Care Profile 2 consistently",
        NeedSource.AUDIT,
        "Multi-agency audit of neglect cases",
        0,
    ),
    (
        "Professional curiosity about adults in the household",
        NeedSource.CASE_REVIEW,
        "Local child safeguarding practice review, learning brief",
        4,
    ),
    ("Early help for schools' designated safeguarding leads", NeedSource.PARTNER, "Education Group", 2),
    (
        "Exploitation through online contact",
        NeedSource.TRAINING_NEEDS_ANALYSIS,
        "Training needs analysis",
        None,
    ),
]


def _email(name: str, agency) -> str:
    first, *_, last = name.split()
    return f"{slugify(first)}.{slugify(last)}@{slugify(agency.short_name or agency.name)}.example.org"


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load(scene) -> dict[str, int]:
    if Course.objects.exists():
        return {}
    rng = random.Random(14)
    now = timezone.now()
    today = timezone.localdate(now)
    with silenced():
        return _load(scene, rng, now, today)


def _load(scene, rng: random.Random, now: datetime.datetime, today: datetime.date) -> dict[str, int]:
    levels = {
        name: CourseLevel.objects.get_or_create(name=name, defaults={"order": order})[0]
        for name, order in (("Foundation", 1), ("Advanced", 2), ("Specialist", 3))
    }
    courses = [
        services.course_save(
            course=Course(
                title=title,
                level=levels[level],
                priority=priority,
                audience=audience,
                learning_outcomes=outcomes,
                duration_hours=hours,
                multi_agency=True,
            )
        )
        for title, level, priority, audience, outcomes, hours in COURSES
    ]
    pool: dict[int, list[Trainer]] = {index: [] for index in range(len(courses))}
    trainers = 0
    for name, indexes in POOL:
        person = scene.people.get(name)
        if person is None:
            continue
        trainer = services.trainer_save(trainer=Trainer(person=person), courses=[courses[i] for i in indexes])
        trainers += 1
        for index in indexes:
            pool[index].append(trainer)
    for short_name, size in WORKFORCE.items():
        if short_name in scene.agencies:
            services.workforce_set(
                agency=scene.agencies[short_name],
                workforce=size,
                as_of=today.replace(month=4, day=1)
                if today.month >= 4
                else today.replace(year=today.year - 1, month=4, day=1),
            )
    agencies = [scene.agencies[name] for name in BOOKING_AGENCIES if name in scene.agencies]
    names = (f"{first} {last}" for first, last in itertools.product(FIRST, LAST))
    shuffled = list(names)
    rng.shuffle(shuffled)
    people = iter(shuffled)

    # (days from today, course index, capacity, places booked, waiting)
    plan = [
        (-330, 0, 20, 18, 0),
        (-290, 1, 16, 16, 0),
        (-240, 3, 24, 20, 0),
        (-200, 0, 20, 20, 2),
        (-160, 2, 18, 15, 0),
        (-120, 4, 14, 12, 0),
        (-95, 1, 16, 14, 0),
        (-60, 0, 20, 19, 0),
        (-30, 3, 24, 18, 0),
        (-10, 2, 18, 16, 0),
        (12, 0, 20, 20, 3),
        (26, 1, 16, 9, 0),
        (40, 3, 24, 6, 0),
        (75, 4, 14, 2, 0),
    ]
    sessions = bookings = evaluations = impacts = 0
    for offset, index, capacity, booked, waiting in plan:
        day = today + datetime.timedelta(days=offset)
        while day.weekday() >= 5:
            day += datetime.timedelta(days=1)
        session = services.session_save(
            session=Session(
                course=courses[index],
                date=day,
                start_time=datetime.time(9, 30),
                end_time=datetime.time(12, 30)
                if courses[index].duration_hours <= 3
                else datetime.time(16, 0),
                venue=rng.choice(
                    ["Plough Lane, Hereford", "The Shirehall, Hereford", "Leominster Community Centre"]
                ),
                capacity=capacity,
            ),
            trainers=pool[index][:2],
        )
        sessions += 1
        opened = min(now, _at(day, 9) - datetime.timedelta(days=40))
        made = []
        for n in range(booked + waiting):
            name = next(people)
            agency = rng.choice(agencies)
            made.append(
                services.booking_create(
                    session=session,
                    name=name,
                    email=_email(name, agency),
                    agency=agency,
                    now=opened + datetime.timedelta(hours=n),
                )
            )
            bookings += 1
        if offset < 0:
            # Two cancellations: one in good time, one inside the notice period.
            services.booking_cancel(booking=made[1], now=_at(day, 9) - datetime.timedelta(days=14))
            services.booking_cancel(booking=made[2], now=_at(day, 9) - datetime.timedelta(days=1))
            placed = list(Booking.objects.filter(session=session, status="booked"))
            marks = {}
            for booking in placed:
                roll = rng.random()
                marks[booking.pk] = (
                    Attendance.NO_SHOW
                    if roll < 0.1
                    else Attendance.LATE
                    if roll < 0.16
                    else Attendance.LEFT_EARLY
                    if roll < 0.2
                    else Attendance.PRESENT
                )
            evening = _at(day, 17)
            services.attendance_record(session=session, marks=marks, now=evening)
            outcomes = len(courses[index].outcomes)
            for booking in placed:
                if marks[booking.pk] == Attendance.NO_SHOW or rng.random() < 0.35:
                    continue
                before = rng.randint(1, 3)
                services.evaluation_submit(
                    booking=booking,
                    rating=rng.choice([3, 4, 4, 5, 5]),
                    comments=rng.choice(COMMENTS) if rng.random() < 0.4 else "",
                    confidence=[(before, min(5, before + rng.randint(1, 2))) for _ in range(outcomes)],
                    now=evening + datetime.timedelta(hours=2),
                )
                evaluations += 1
        elif waiting:
            # A full session to come: someone gives up a place and the first person waiting is offered it.
            services.booking_cancel(booking=made[4], now=now - datetime.timedelta(hours=3))
    services.impact_questionnaires_send(now=now, batch=1000)
    answered = Booking.objects.filter(impact_sent_at__isnull=False).select_related("session__course")
    for booking in answered.order_by("id")[::3]:
        services.impact_submit(
            booking=booking,
            change=rng.choice([ImpactChange.A_LOT, ImpactChange.SOME, ImpactChange.SOME]),
            what_changed=rng.choice(CHANGES[booking.session.course.priority]),
            now=now,
        )
        impacts += 1
    for title, source, detail, course_index in NEEDS:
        services.need_save(
            need=TrainingNeed(
                title=title,
                source=source,
                source_detail=detail,
                identified_on=today - datetime.timedelta(days=rng.randint(60, 300)),
                status="addressed" if course_index is not None else "open",
            ),
            courses=[courses[course_index]] if course_index is not None else [],
        )
    return {
        "training courses": len(courses),
        "training pool trainers": trainers,
        "training sessions": sessions,
        "training bookings": bookings,
        "training evaluations": evaluations,
        "training impact responses": impacts,
        "training needs": len(NEEDS),
    }
