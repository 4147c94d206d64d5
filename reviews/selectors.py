"""Reads for the case review pages and for other apps' summaries.

Pages' selectors take the user and return only the reviews they may see (reviews/permissions.py),
with what the page shows already fetched, in a fixed number of queries. `pipeline_summary` and
`period_summary` are for dashboards and reports: anonymised counts only, no reference, no
pseudonym, no text, so they may be shown to anyone the page allows.
"""

import datetime
from collections import Counter
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from core.workdays import add_working_days, closure_days
from governance.choices import FINISHED_STATUSES, OUTSTANDING_STATUSES
from reviews.choices import OPEN_STEPS, DueStatus, ReviewType, Step
from reviews.clocks import DUE_SOON_WORKING_DAYS
from reviews.models import CaseReview, ReviewRecommendation, Theme
from reviews.permissions import visible_reviews_q

OPEN = Q(step__in=OPEN_STEPS)


def _deadline_counts(today: datetime.date, **more: Count) -> dict[str, int]:
    """Open reviews by due status of their next deadline, and any `more` counts (one query; the
    closure days are read once per request)."""
    soon = add_working_days(today, DUE_SOON_WORKING_DAYS, closure_days())
    return CaseReview.objects.aggregate(
        overdue=Count("pk", filter=OPEN & Q(next_deadline__lt=today)),
        due_soon=Count("pk", filter=OPEN & Q(next_deadline__gte=today, next_deadline__lte=soon)),
        on_track=Count("pk", filter=OPEN & (Q(next_deadline__gt=soon) | Q(next_deadline__isnull=True))),
        **more,
    )


def pipeline_summary(*, today: datetime.date) -> dict[str, Any]:
    """Anonymised counts for the partner dashboard (3 queries): open reviews by type and by
    step, by due status of their next deadline (overdue / due within 5 working days / on
    track), and reviews published this calendar year."""
    rows = list(
        CaseReview.objects.filter(OPEN)
        .values_list("review_type", "step")
        .annotate(count=Count("pk"))
        .order_by("review_type", "step")
    )
    by_type = dict.fromkeys(ReviewType.values, 0)
    by_step: list[dict[str, Any]] = []
    for review_type, step, count in rows:
        by_type[review_type] += count
        by_step.append(
            {
                "review_type": review_type,
                "review_type_label": ReviewType(review_type).label,
                "step": step,
                "step_label": Step(step).label,
                "count": count,
            }
        )
    counts = _deadline_counts(
        today,
        published=Count(
            "pk", filter=Q(published_on__gte=datetime.date(today.year, 1, 1), published_on__lte=today)
        ),
    )
    return {
        "open_total": sum(by_type.values()),
        "open_by_type": by_type,
        "open_by_type_and_step": by_step,
        "by_deadline": {status: counts[status] for status in DueStatus.values},
        "published_this_year": counts["published"],
    }


def _by(rows, labels) -> dict[str, int]:
    counts = dict.fromkeys(labels, 0)
    for key, count in rows:
        if key in counts:
            counts[key] += count
    return counts


def period_summary(*, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """Anonymised counts of what happened between `start` and `end` inclusive (6 queries): reviews
    opened (by awareness date) by type; decisions made by outcome; reviews published; open
    reviews overdue at the end; recommendations made and their actions open / finished; the
    themes of the reviews opened."""
    opened = CaseReview.objects.filter(awareness_date__gte=start, awareness_date__lte=end)
    opened_by_type = _by(
        opened.values_list("review_type").annotate(n=Count("pk")).order_by(), ReviewType.values
    )
    decisions = dict(
        CaseReview.objects.filter(decision_date__gte=start, decision_date__lte=end)
        .values_list("decision")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = CaseReview.objects.aggregate(
        published=Count("pk", filter=Q(published_on__gte=start, published_on__lte=end)),
        overdue_at_end=Count(
            "pk",
            filter=Q(step__in=OPEN_STEPS, next_deadline__lt=end, awareness_date__lte=end),
        ),
    )
    recommendations = ReviewRecommendation.objects.filter(
        created_at__date__gte=start, created_at__date__lte=end
    ).aggregate(
        made=Count("pk"),
        actions_open=Count("pk", filter=Q(action__status__in=OUTSTANDING_STATUSES)),
        actions_finished=Count("pk", filter=Q(action__status__in=FINISHED_STATUSES)),
    )
    themes = dict(
        Theme.objects.filter(reviews__in=opened)
        .values_list("name")
        .annotate(n=Count("reviews"))
        .order_by("name")
    )
    return {
        "start": start,
        "end": end,
        "opened": sum(opened_by_type.values()),
        "opened_by_type": opened_by_type,
        "decisions": decisions,
        "decisions_made": sum(decisions.values()),
        "published": counts["published"],
        "overdue_at_end": counts["overdue_at_end"],
        "recommendations": recommendations["made"],
        "actions_open": recommendations["actions_open"],
        "actions_finished": recommendations["actions_finished"],
        "themes": themes,
    }


# Pages ---------------------------------------------------------------------------------------


def visible_reviews(user) -> QuerySet[CaseReview]:
    return CaseReview.objects.filter(visible_reviews_q(user))


def review_list(user, *, open_only: bool = False) -> QuerySet[CaseReview]:
    """The reviews `user` may see with their children's pseudonyms (2 queries a page)."""
    reviews = visible_reviews(user).prefetch_related(Prefetch("children", to_attr="child_list"))
    if open_only:
        reviews = reviews.filter(OPEN)
    return reviews


def deadlines_board(user) -> QuerySet[CaseReview]:
    """Every open review `user` may see, nearest deadline first (2 queries)."""
    return (
        visible_reviews(user)
        .filter(OPEN)
        .prefetch_related(Prefetch("children", to_attr="child_list"))
        .order_by("next_deadline", "reference")
    )


def review_for_page(pk: int) -> CaseReview:
    return (
        CaseReview.objects.select_related("rapid_review_meeting__group", "recorded_by")
        .prefetch_related(
            "children",
            "agencies",
            "themes",
            "information_requests__agency",
            "partner_decisions__representative",
            "partner_decisions__agency",
            "milestones",
            "sign_offs__person",
            "recommendations__action",
            "briefings",
            "corrections__made_by",
        )
        .get(pk=pk)
    )


def thematic_analysis() -> dict[str, Any]:
    """Themes across reviews by year of awareness (1 query): rows per theme, a column per year."""
    rows = list(
        Theme.objects.filter(reviews__isnull=False)
        .values_list("name", "reviews__awareness_date__year")
        .annotate(n=Count("reviews"))
        .order_by("name")
    )
    years = sorted({year for _, year, _ in rows})
    table: dict[str, Counter] = {}
    for name, year, count in rows:
        table.setdefault(name, Counter())[year] += count
    return {
        "years": years,
        "rows": [
            {"theme": name, "counts": [counts[year] for year in years], "total": sum(counts.values())}
            for name, counts in table.items()
        ],
    }
