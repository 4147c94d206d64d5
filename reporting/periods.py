"""Pure rules of the reports' periods and deadlines: no database, no clock (pass `today`).

- A highlight report covers one quarter of the financial year (April to June is Q1), as
  English public bodies report; the quarter's label reads "Q3 2025/26 (Oct to Dec 2025)". The
  financial quarter is this product's choice: the arrangements (seed 001 s.7.10) say only
  that subgroups report to the board.
- The yearly report covers twelve months (seed 001 s.19.1) and is published within three
  months of the period's end (statutory-timescales.md: "yearly report published: 3 months,
  end of the 12-month reporting period", statutory guidance, configurable), then sent to the
  Panel and the What Works body within 7 days of publication.
"""

import calendar
import datetime
from dataclasses import dataclass

# statutory-timescales.md, "Child cases": both configurable, these are the defaults.
PUBLICATION_MONTHS = 3
PANEL_DAYS_AFTER_PUBLICATION = 7
PUBLICATION_RULE = "3 months after the end of the 12-month period (Working Together 2023, statutory guidance)"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`months` calendar months later; a day past the new month's end is its last day, and the
    last day of a month stays the last day (31 Mar + 3 months is 30 Jun; 30 Sep is 31 Dec)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    was_last = day.day == calendar.monthrange(day.year, day.month)[1]
    return datetime.date(year, month, last if was_last else min(day.day, last))


@dataclass(frozen=True)
class Quarter:
    start: datetime.date
    end: datetime.date

    @property
    def financial_year(self) -> int:
        """The year the financial year starts in (2025 for 2025/26)."""
        return self.start.year if self.start.month >= 4 else self.start.year - 1

    @property
    def number(self) -> int:
        return (self.start.month - 4) % 12 // 3 + 1

    @property
    def label(self) -> str:
        year = self.financial_year
        return f"Q{self.number} {year}/{(year + 1) % 100:02d} ({self.start:%b} to {self.end:%b %Y})"

    @property
    def short_label(self) -> str:
        year = self.financial_year
        return f"Q{self.number} {year}-{(year + 1) % 100:02d}"


def quarter_containing(day: datetime.date) -> Quarter:
    first_month = day.month - (day.month - 1) % 3  # 1, 4, 7 or 10: financial quarters start there too
    start = datetime.date(day.year, first_month, 1)
    return Quarter(start=start, end=add_months(start, 3) - datetime.timedelta(days=1))


def quarter_starting(day: datetime.date) -> Quarter | None:
    """The quarter that starts on `day`, or None when no quarter starts on it."""
    quarter = quarter_containing(day)
    return quarter if quarter.start == day else None


def last_finished_quarter(today: datetime.date) -> Quarter:
    """The quarter before today's: the one a subgroup reports on now."""
    return quarter_containing(quarter_containing(today).start - datetime.timedelta(days=1))


def recent_quarters(today: datetime.date, count: int = 8) -> list[Quarter]:
    """Today's quarter and the `count - 1` before it, newest first."""
    quarters = [quarter_containing(today)]
    while len(quarters) < count:
        quarters.append(quarter_containing(quarters[-1].start - datetime.timedelta(days=1)))
    return quarters


def twelve_months_from(start: datetime.date) -> datetime.date:
    """The last day of the twelve months starting on `start` (the first of a month)."""
    return add_months(start, 12) - datetime.timedelta(days=1)


def publication_deadline(period_end: datetime.date, *, months: int = PUBLICATION_MONTHS) -> datetime.date:
    """The last day to publish the yearly report: `months` after the period's end."""
    return add_months(period_end, months)


# The secretariat is reminded once when the deadline comes within this many days, then weekly
# once it has passed with the report unpublished (the product's default cadence).
REMINDER_DAYS_BEFORE = 30


def publication_reminder(
    *, deadline: datetime.date, published_on: datetime.date | None, today: datetime.date
) -> tuple[str, str] | None:
    """(kind, occasion) of the reminder due today about an unpublished yearly report, or None:
    "yearly_report_due" once from REMINDER_DAYS_BEFORE days before the deadline to the deadline
    day itself, then "yearly_report_overdue" once per ISO week after it."""
    if published_on is not None or today < deadline - datetime.timedelta(days=REMINDER_DAYS_BEFORE):
        return None
    if today <= deadline:
        return "yearly_report_due", f"due:{deadline.isoformat()}"
    year, week, _ = today.isocalendar()
    return "yearly_report_overdue", f"overdue:{year}-W{week:02d}"


@dataclass(frozen=True)
class DeadlineStatus:
    """What the page says about the deadline, with a colour never used alone (WCAG 1.4.1)."""

    label: str
    css_class: str
    late: bool


def deadline_status(
    *, deadline: datetime.date, published_on: datetime.date | None, today: datetime.date
) -> DeadlineStatus:
    """Published on or before the deadline is on time; a report published on the deadline day
    is not late; unpublished, it is overdue from the day after the deadline."""
    if published_on is not None:
        if published_on <= deadline:
            return DeadlineStatus(f"Published on time ({published_on:%-d %b %Y})", "text-bg-success", False)
        days = (published_on - deadline).days
        return DeadlineStatus(
            f"Published {days} day{'s' if days != 1 else ''} late ({published_on:%-d %b %Y})",
            "text-bg-danger",
            True,
        )
    days = (deadline - today).days
    if days < 0:
        return DeadlineStatus(f"Overdue by {-days} day{'s' if days != -1 else ''}", "text-bg-danger", True)
    if days == 0:
        return DeadlineStatus("Due today", "text-bg-warning", False)
    return DeadlineStatus(
        f"Due in {days} day{'s' if days != 1 else ''}",
        "text-bg-warning" if days <= 30 else "text-bg-secondary",
        False,
    )
