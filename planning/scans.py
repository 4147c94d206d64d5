"""Planning's reminder scan: overdue risk reviews (functions of `now` returning batches of messages)."""

import datetime
from collections.abc import Iterator

from django.utils import timezone

from notifications.registry import Message, register_scan
from planning import rules
from planning.notifications import risk_review_overdue
from planning.selectors import risks_due_review


def risk_reviews_overdue(now: datetime.datetime) -> Iterator[list[Message]]:
    """Open risks past their review date (one indexed query), one message each to the owner."""
    today = timezone.localdate(now)
    yield [
        risk_review_overdue(risk)
        for risk in risks_due_review(today=today)
        if rules.review_overdue(risk.review_date, today=today)
    ]


def register_scans() -> None:
    register_scan("planning_risk_reviews_overdue", risk_reviews_overdue)
