"""The case reviews' reminder scan: open reviews whose stored next deadline is near or past
(an indexed query on `next_deadline`), told to the JCR chair and the case review officers."""

import datetime
from collections.abc import Iterator

from django.contrib.auth.models import Group as AuthGroup
from django.utils import timezone

from core.workdays import add_working_days, closure_days
from governance.models import CHAIRING_ROLES, Membership, Person
from governance.permissions import SECRETARIAT_GROUP
from notifications.registry import Message, register_scan
from reviews import notifications, reminders, services
from reviews.choices import OPEN_STEPS
from reviews.clocks import DUE_SOON_WORKING_DAYS
from reviews.models import CaseReview, CaseReviewOfficer
from reviews.permissions import case_review_group_short_name


def reminder_recipients(today: datetime.date) -> list[Person]:
    """The JCR chair(s) and the named case review officers still in the secretariat (2 queries)."""
    chairs = Person.objects.filter(
        active=True,
        pk__in=Membership.objects.current(today)
        .filter(group__short_name__iexact=case_review_group_short_name(), role__in=CHAIRING_ROLES)
        .values("person"),
    )
    secretariat = AuthGroup.objects.filter(name=SECRETARIAT_GROUP).values("user")
    officers = Person.objects.filter(
        active=True,
        user__in=CaseReviewOfficer.objects.filter(user__in=secretariat, user__is_active=True).values("user"),
    )
    return list((chairs | officers).select_related("user").distinct().order_by("name"))


def case_review_deadlines(now: datetime.datetime) -> Iterator[list[Message]]:
    today = timezone.localdate(now)
    closures = closure_days()
    horizon = add_working_days(today, DUE_SOON_WORKING_DAYS, closures)
    reviews = list(
        CaseReview.objects.filter(step__in=OPEN_STEPS, next_deadline__lte=horizon).order_by(
            "next_deadline", "pk"
        )
    )
    if not reviews:
        return
    recipients = reminder_recipients(today)
    rules = services.clock_rules()
    messages = []
    for review in reviews:
        upcoming = next(
            (
                d
                for d in services.review_deadlines(review, rules, closures)
                if d.code == review.next_deadline_code
            ),
            None,
        )
        if upcoming is None or upcoming.met:
            continue
        stage = reminders.reminder_stage(upcoming.due, today, closures)
        if stage is None or not recipients:
            continue
        messages.append(
            notifications.review_deadline(
                review=review, deadline=upcoming, stage=stage, recipients=recipients
            )
        )
    yield messages


def register_scans() -> None:
    register_scan("case_review_deadlines", case_review_deadlines)
