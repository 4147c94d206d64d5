"""The statutory clocks of a case review: pure rules, no database, no clock (`today` is passed in).

Every deadline comes from a clock rule stored as data (ClockRule: its length, unit, the event it
counts from and its source), so a partnership changes a rule without a release and each
deadline says where it came from ("15 working days from the Panel notification — Panel's
expectation"). Defaults: ../shared/docs/statutory-timescales.md (Working Together 2023 ch.5,
the Panel's practice guidance, SI 2018/789, the Home Office DHR guidance, the Care Act 2014).

Counting (core/workdays.py): "within N working days of X" is the Nth working day after X, X
not counted; England's bank holidays (substitute days included) and the partnership's closure
days are not working days. A deadline counted in calendar days or months that lands on a
non-working day moves to the next working day (to the previous one for a clock counted
*before* an event, such as sending the report to the Panel before publication): the product's
own choice, as an office cannot act on a closed day.

Due status (the product's own thresholds, not the guidance's): overdue after the deadline;
due soon from 5 working days before it (the first reminder's day) to the day itself; on
track before that.
"""

import calendar
import datetime
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Protocol

from core.workdays import (
    NO_CLOSURES,
    add_working_days,
    is_working_day,
    working_day_on_or_after,
    working_days_between,
)
from reviews.choices import (
    AdultDecision,
    ClockCode,
    ClockEvent,
    ClockSource,
    ClockUnit,
    DueStatus,
    Recommendation,
    ReviewType,
    Step,
)

ONE_DAY = datetime.timedelta(days=1)
# Due soon from this many working days before the deadline (the first reminder's day).
DUE_SOON_WORKING_DAYS = 5


class ClockRuleLike(Protocol):
    code: str
    name: str
    length: int
    unit: str
    counted_from: str
    before: bool
    source: str


@dataclass(frozen=True)
class Rule:
    """A clock rule as the pure rules read it (ClockRule rows satisfy the same protocol)."""

    code: str
    name: str
    length: int
    unit: str
    counted_from: str
    source: str
    before: bool = False


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier), the month's last day when it has no such day
    (31 August + 6 months is 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _previous_working_day_on_or_before(
    day: datetime.date, closures: Collection[datetime.date]
) -> datetime.date:
    while not is_working_day(day, closures):
        day -= ONE_DAY
    return day


def deadline(
    rule: ClockRuleLike, event: datetime.date, closures: Collection[datetime.date] = NO_CLOSURES
) -> datetime.date:
    """The day a step is due: `rule.length` units after (or before) `event`."""
    sign = -1 if rule.before else 1
    if rule.unit == ClockUnit.WORKING_DAYS:
        return add_working_days(event, sign * rule.length, closures)
    if rule.unit == ClockUnit.MONTHS:
        day = add_months(event, sign * rule.length)
    else:
        day = event + sign * rule.length * ONE_DAY
    if rule.before:
        return _previous_working_day_on_or_before(day, closures)
    return working_day_on_or_after(day, closures)


def unit_label(rule: ClockRuleLike) -> str:
    label = ClockUnit(rule.unit).label
    if rule.length == 1:
        label = {"working days": "working day", "days": "day", "months": "month"}[label]
    return label


def rule_label(rule: ClockRuleLike) -> str:
    """'15 working days from the Panel notification — Panel's expectation'."""
    direction = "before" if rule.before else "from"
    return (
        f"{rule.length} {unit_label(rule)} {direction} {ClockEvent(rule.counted_from).label}"
        f" — {ClockSource(rule.source).label}"
    )


def due_status(
    due: datetime.date, today: datetime.date, closures: Collection[datetime.date] = NO_CLOSURES
) -> DueStatus:
    if today > due:
        return DueStatus.OVERDUE
    if working_days_between(today, due, closures) <= DUE_SOON_WORKING_DAYS:
        return DueStatus.DUE_SOON
    return DueStatus.ON_TRACK


@dataclass(frozen=True)
class Facts:
    """What has been recorded of a review: the dates its clocks count from and stop at."""

    review_type: str
    awareness_date: datetime.date | None = None  # child: LA aware; DHR: police notification; SAR: referral
    panel_notified_on: datetime.date | None = None
    rapid_review_submitted_on: datetime.date | None = None
    decision: str = ""
    decision_date: datetime.date | None = None  # child: the day the third partner decided
    planned_publication_on: datetime.date | None = None
    sent_to_panel_on: datetime.date | None = None
    completed_on: datetime.date | None = None
    home_office_approved_on: datetime.date | None = None
    published_on: datetime.date | None = None
    closed_on: datetime.date | None = None


@dataclass(frozen=True)
class Deadline:
    code: str
    name: str
    due: datetime.date
    label: str  # the rule it came from, in words
    met_on: datetime.date | None

    @property
    def met(self) -> bool:
        return self.met_on is not None


def _holds_review(facts: Facts) -> bool:
    if facts.review_type == ReviewType.CHILD:
        return facts.decision == Recommendation.LOCAL_REVIEW and facts.decision_date is not None
    return facts.decision == AdultDecision.HOLD and facts.decision_date is not None


def _clocks(facts: Facts) -> list[tuple[str, datetime.date | None, datetime.date | None]]:
    """(clock code, the event date it counts from, the date it was met) for the review's type."""
    if facts.review_type == ReviewType.CHILD:
        clocks: list[tuple[str, datetime.date | None, datetime.date | None]] = [
            (ClockCode.PANEL_NOTIFICATION, facts.awareness_date, facts.panel_notified_on),
            (ClockCode.RAPID_REVIEW, facts.panel_notified_on, facts.rapid_review_submitted_on),
        ]
        if _holds_review(facts):
            clocks.append((ClockCode.LCSPR_PUBLICATION, facts.decision_date, facts.published_on))
        return clocks
    if facts.review_type == ReviewType.DHR:
        clocks = [(str(ClockCode.DHR_DECISION), facts.awareness_date, facts.decision_date)]
        if _holds_review(facts):
            clocks.append((ClockCode.DHR_COMPLETION, facts.decision_date, facts.completed_on))
        return clocks
    if _holds_review(facts):
        return [(ClockCode.SAR_COMPLETION, facts.decision_date, facts.completed_on or facts.published_on)]
    return []


def deadlines(
    facts: Facts, rules: Mapping[str, ClockRuleLike], closures: Collection[datetime.date] = NO_CLOSURES
) -> list[Deadline]:
    """Every deadline whose event has happened, in order; changing an event date (the awareness
    date, say) moves every deadline counted from it and from the ones after it."""
    result = []
    for code, event, met_on in _clocks(facts):
        if event is None or code not in rules:
            continue
        rule = rules[code]
        result.append(Deadline(code, rule.name, deadline(rule, event, closures), rule_label(rule), met_on))
    if facts.review_type == ReviewType.CHILD and _holds_review(facts):
        # Sent to the Panel and the Secretary of State before publication: counted back from the
        # planned publication date, or from the publication deadline until one is planned.
        publication = facts.planned_publication_on or next(
            (d.due for d in result if d.code == ClockCode.LCSPR_PUBLICATION), None
        )
        sent_rule = rules.get(ClockCode.LCSPR_SENT_TO_PANEL)
        if publication is not None and sent_rule is not None:
            result.append(
                Deadline(
                    sent_rule.code,
                    sent_rule.name,
                    deadline(sent_rule, publication, closures),
                    rule_label(sent_rule),
                    facts.sent_to_panel_on,
                )
            )
    return sorted(result, key=lambda d: d.due)


def next_deadline(all_deadlines: list[Deadline], step: str) -> Deadline | None:
    """The nearest deadline not yet met, while the review is open."""
    if step in (Step.PUBLISHED, Step.CLOSED):
        return None
    return next((d for d in sorted(all_deadlines, key=lambda d: d.due) if not d.met), None)


def current_step(facts: Facts) -> Step:
    """The step a review is at, from what has been recorded."""
    if facts.published_on is not None:
        return Step.PUBLISHED
    if facts.closed_on is not None:
        return Step.CLOSED
    if facts.review_type == ReviewType.CHILD:
        if facts.panel_notified_on is None:
            return Step.PANEL_NOTIFICATION
        if facts.decision_date is None:
            return Step.RAPID_REVIEW
        if facts.decision != Recommendation.LOCAL_REVIEW:
            return Step.CLOSED if facts.rapid_review_submitted_on else Step.RAPID_REVIEW
        return Step.PUBLICATION if facts.sent_to_panel_on else Step.REVIEW
    if facts.decision_date is None:
        return Step.DECISION
    if facts.decision != AdultDecision.HOLD:
        return Step.CLOSED
    if facts.completed_on is None:
        return Step.REVIEW
    if facts.review_type == ReviewType.DHR and facts.home_office_approved_on is None:
        return Step.HOME_OFFICE_QA
    return Step.PUBLICATION


def partners_decision_final(roles_decided: Collection[str], roles_needed: Collection[str]) -> bool:
    """A decision on a local review is final only when every one of the three safeguarding
    partners has made it (seed 001 s.15.7: 'representatives of the three Safeguarding
    Partners')."""
    return bool(roles_needed) and set(roles_needed) <= set(roles_decided)


# The clocks a partnership starts with (statutory-timescales.md); admins change them.
DEFAULT_RULES = (
    Rule(
        ClockCode.PANEL_NOTIFICATION,
        "Notify the national Panel",
        5,
        ClockUnit.WORKING_DAYS,
        ClockEvent.AWARENESS,
        ClockSource.WORKING_TOGETHER,
    ),
    Rule(
        ClockCode.RAPID_REVIEW,
        "Rapid review sent to the Panel with the partners' decision",
        15,
        ClockUnit.WORKING_DAYS,
        ClockEvent.PANEL_NOTIFICATION,
        ClockSource.PANEL,
    ),
    Rule(
        ClockCode.AGENCY_INFORMATION,
        "Agency information returned",
        7,
        ClockUnit.WORKING_DAYS,
        ClockEvent.INFORMATION_REQUEST,
        ClockSource.LOCAL,
    ),
    Rule(
        ClockCode.LCSPR_PUBLICATION,
        "LCSPR final report published",
        6,
        ClockUnit.MONTHS,
        ClockEvent.DECISION,
        ClockSource.STATUTORY_GUIDANCE,
    ),
    Rule(
        ClockCode.LCSPR_SENT_TO_PANEL,
        "Report sent to the Panel and the Secretary of State",
        7,
        ClockUnit.WORKING_DAYS,
        ClockEvent.PLANNED_PUBLICATION,
        ClockSource.STATUTORY_GUIDANCE,
        before=True,
    ),
    Rule(
        ClockCode.DHR_DECISION,
        "Decision whether to hold a DHR, Home Office told",
        1,
        ClockUnit.MONTHS,
        ClockEvent.POLICE_NOTIFICATION,
        ClockSource.STATUTORY_GUIDANCE,
    ),
    Rule(
        ClockCode.DHR_COMPLETION,
        "DHR overview report to Home Office quality assurance",
        6,
        ClockUnit.MONTHS,
        ClockEvent.DECISION,
        ClockSource.STATUTORY_GUIDANCE,
    ),
    Rule(
        ClockCode.SAR_COMPLETION,
        "Safeguarding adults review completed",
        6,
        ClockUnit.MONTHS,
        ClockEvent.DECISION,
        ClockSource.STATUTORY_GUIDANCE,
    ),
)
