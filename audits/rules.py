"""The audits app's pure rules: no database, no clock (`today` is passed in).

Sources: arrangements s.18 (the audit programme and scorecard), s.3.4 (section 11 / 175
assurance), seed 003 item 2a (quarterly performance figures), the issue's rules for lateness,
carrying forward and RAG polarity.
"""

import calendar
import datetime
import re
from decimal import Decimal

from audits.choices import (
    OPEN_AUDIT_STATUSES,
    SCALE_RATINGS,
    AssessmentStatus,
    CycleFrequency,
    Polarity,
    Rag,
    RatingScale,
    ReturnStatus,
)

# Days before a return's due date that its contact is reminded (the product's own choice).
RETURN_NOTICE_DAYS = 5


def financial_year_label(year: int) -> str:
    """The financial year starting in April of `year`, as partnerships write it: 2025/26."""
    return f"{year}/{(year + 1) % 100:02d}"


def financial_year_of(day: datetime.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def quarter_start(day: datetime.date) -> datetime.date:
    """The first day of the calendar quarter holding `day`."""
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_label(start: datetime.date) -> str:
    """A quarter of the financial year (Q1 is April to June), as seed 003 says 'Quarter 2':
    2019/20 Q2."""
    year = financial_year_of(start)
    number = ((start.month - 4) % 12) // 3 + 1
    return f"{financial_year_label(year)} Q{number}"


_QUARTER = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2})\s*Q([1-4])\s*$", re.IGNORECASE)


def parse_quarter(text: str) -> datetime.date:
    """'2019/20 Q2' (or 2019-20 Q2) as the quarter's first day; ValueError says why not."""
    match = _QUARTER.match(text or "")
    if not match:
        raise ValueError(
            f"“{text}” is not a quarter: write it as 2019/20 Q2 (financial year, Q1 is April to June)."
        )
    year, next_two, number = int(match[1]), int(match[2]), int(match[3])
    if (year + 1) % 100 != next_two:
        raise ValueError(f"“{text}”: {year} is followed by {(year + 1) % 100:02d}, not {next_two:02d}.")
    month = 3 * (number - 1) + 4
    return datetime.date(year + (month > 12), (month - 1) % 12 + 1, 1)


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def audit_overdue(*, status: str, target_month: datetime.date, today: datetime.date) -> bool:
    """An audit still planned or in progress once its target month has ended."""
    return status in OPEN_AUDIT_STATUSES and today > month_end(target_month)


def return_status(
    *, due_on: datetime.date, received_on: datetime.date | None, today: datetime.date
) -> ReturnStatus:
    """A return received on its due date is on time; late only when received after it, or not
    received once the due date has passed."""
    if received_on is not None:
        return ReturnStatus.RECEIVED_LATE if received_on > due_on else ReturnStatus.RECEIVED
    return ReturnStatus.OVERDUE if today > due_on else ReturnStatus.REQUESTED


def return_reminder(
    *,
    due_on: datetime.date,
    received_on: datetime.date | None,
    today: datetime.date,
    notice_days: int = RETURN_NOTICE_DAYS,
) -> tuple[str, str] | None:
    """(kind, occasion) of the reminder due for an outstanding return today, or None: once when
    it falls due within `notice_days`, then weekly once it is late (chasing, each ISO week an
    occasion of its own)."""
    if received_on is not None:
        return None
    if today > due_on:
        year, week, _ = today.isocalendar()
        return "audit_return_overdue", f"{due_on.isoformat()}:week:{year}-{week:02d}"
    if (due_on - today).days <= notice_days:
        return "audit_return_due", due_on.isoformat()
    return None


def assessment_overdue(*, status: str, due_on: datetime.date, today: datetime.date) -> bool:
    """A self-assessment not submitted by the cycle's due date (submitted on it is on time)."""
    return status == AssessmentStatus.DRAFT and today > due_on


def next_cycle_opens(opens_on: datetime.date, frequency: str) -> datetime.date:
    """When the next cycle of the same kind opens: a year or two after this one."""
    years = 2 if frequency == CycleFrequency.TWO_YEARLY else 1
    try:
        return opens_on.replace(year=opens_on.year + years)
    except ValueError:  # 29 February
        return opens_on.replace(year=opens_on.year + years, day=28)


def rating_values(scale: str) -> list[str]:
    return [value for value, *_ in SCALE_RATINGS[RatingScale(scale)]]


def rating_display(scale: str, value: str) -> tuple[str, str]:
    """(label, colour class) of a rating on its scale; ('Not rated', 'secondary') when blank."""
    for rating, label, colour, _ in SCALE_RATINGS[RatingScale(scale)]:
        if rating == value:
            return label, colour
    return "Not rated", "secondary"


def indicator_rag(*, value: Decimal, polarity: str, green_threshold: Decimal, red_threshold: Decimal) -> Rag:
    """Higher is better: green at or above the green threshold, red below the red threshold.
    Lower is better: green at or below the green threshold, red above the red threshold. A value
    exactly on the red threshold is amber either way."""
    if polarity == Polarity.LOWER_IS_BETTER:
        if value > red_threshold:
            return Rag.RED
        return Rag.GREEN if value <= green_threshold else Rag.AMBER
    if value < red_threshold:
        return Rag.RED
    return Rag.GREEN if value >= green_threshold else Rag.AMBER


def thresholds_error(*, polarity: str, green_threshold: Decimal, red_threshold: Decimal) -> str | None:
    """Why the thresholds cannot both hold, or None."""
    if polarity == Polarity.LOWER_IS_BETTER and red_threshold < green_threshold:
        return "When lower is better, the red threshold is at or above the green one."
    if polarity == Polarity.HIGHER_IS_BETTER and red_threshold > green_threshold:
        return "When higher is better, the red threshold is at or below the green one."
    return None


# A pseudonymised reference: letters, digits, / - _ , with at least one digit, no spaces (a
# name has spaces or no digits), at most 30 characters.
_REFERENCE = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9/_-]{1,29}$")


def sample_reference_errors(lines: list[str]) -> list[str]:
    """Why each line of an audit's sample is not a pseudonymised case reference."""
    errors = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        reference = line.strip()
        if not reference:
            continue
        if not _REFERENCE.match(reference):
            errors.append(
                f"Line {number} (“{reference[:40]}”) is not a pseudonymised case reference: use codes "
                "such as HSCP-A-0142 (letters, digits, - and /, with a digit, no spaces or names)."
            )
        elif reference.upper() in seen:
            errors.append(f"Line {number}: {reference} is already in the sample.")
        seen.add(reference.upper())
    return errors
