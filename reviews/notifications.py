"""The case reviews' kind of notification and its message.

A reminder names a review by its reference, its step and its deadline only: never a child,
a pseudonym or an agency (issue 12: restricted fields never appear in notifications). Its
kind declares the permission a recipient needs (`reviews.view_review` on the review), so the
mechanism drops anyone who may not see the review.
"""

from collections.abc import Iterable

from django.urls import reverse

from governance.models import Person
from notifications.registry import Kind, Message, register_kind
from reviews.clocks import Deadline
from reviews.models import CaseReview

KINDS = (
    Kind(
        code="case_review_deadline",
        topic="Case reviews",
        label="A case review deadline is 5 working days away, due today or overdue (JCR chair, officers)",
        app_label="reviews",
        permission="reviews.view_review",
    ),
)


def register_kinds() -> None:
    for kind in KINDS:
        register_kind(kind)


def review_deadline(
    *, review: CaseReview, deadline: Deadline, stage: str, recipients: Iterable[Person]
) -> Message:
    return Message(
        kind="case_review_deadline",
        recipients=list(recipients),
        subject_ref=f"case_review:{review.pk}",
        occasion=f"{deadline.code}:{deadline.due.isoformat()}:{stage}",
        url=reverse("reviews:review_detail", args=[review.pk]),
        about=review,
        context={
            "reference": review.reference,
            "step": review.get_step_display(),
            "deadline_name": deadline.name,
            "due": f"{deadline.due:%A %-d %B %Y}",
            "rule": deadline.label,
            "stage": stage,
        },
    )
