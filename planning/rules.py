"""Pure rules of the planning app: no database, no clock (`today` is passed in)."""

import datetime
from decimal import Decimal

SCALE = range(1, 6)  # likelihood and impact, 1 (rare, minor) to 5 (almost certain, severe)


def risk_score(likelihood: int, impact: int) -> int:
    """Likelihood times impact, 1-25 (the usual 5x5 risk matrix; the product's own choice)."""
    return likelihood * impact


def risk_band(score: int) -> str:
    """The band a score falls in: 1-4 low, 5-9 medium, 10-16 high, 20-25 very high (the product's
    own bands; the arrangements s.25 name risks but no scoring)."""
    if score >= 20:
        return "very high"
    if score >= 10:
        return "high"
    if score >= 5:
        return "medium"
    return "low"


def review_overdue(review_date: datetime.date | None, *, today: datetime.date) -> bool:
    """A risk's review is overdue from the day after its review date (due on the day itself)."""
    return review_date is not None and review_date < today


def financial_year_of(day: datetime.date) -> int:
    """The English public sector's financial year (1 April to 31 March), named by the year it
    starts in: 31 March 2026 is in 2025 (2025-26), 1 April 2026 in 2026."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(year: int) -> str:
    """2025 -> '2025-26' (as seed 003 writes 'budget 20-21')."""
    return f"{year}-{(year + 1) % 100:02d}"


def quarter_of(day: datetime.date) -> int:
    """The financial-year quarter: April-June 1, July-September 2, October-December 3, January-March 4."""
    return (day.month - 4) % 12 // 3 + 1


def variance(budget: Decimal, spent: Decimal) -> Decimal:
    """Budget less spend: positive is under budget, negative over."""
    return budget - spent
