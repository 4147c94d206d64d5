"""The partnership's own settings: read them, change them, and the closure days.

`partnership_settings()` is how every app reads a setting. Within a request, or one run of
the reminder scans (`read_once`), it reads the row once (a page adds at most one query
however many settings it reads), and core.workdays reads the closure days once likewise;
elsewhere (tasks, the shell) it reads the row on each call, so a change made on the
settings page applies to the next scan. With no row yet, the environment's values
(hscp/settings.py) are the first defaults.
"""

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from asgiref.local import Local
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signals import request_finished, request_started
from django.db import transaction

from core.models import ClosureDay, PartnershipSettings, QuorumCounting

# Defaults of the settings that have no environment variable.
DEFAULT_PAPER_DEADLINE_DAYS = 7
DEFAULT_DUE_SOON_DAYS = 14
DEFAULT_PAPER_ESCALATION_WORKING_DAYS = 1

EDITABLE_FIELDS = (
    "paper_deadline_days",
    "due_soon_days",
    "paper_reminder_working_days",
    "paper_escalation_working_days",
    "minutes_reminder_working_days",
    "quoracy_forecast_working_days",
    "reminder_weekly_hour",
    "notification_digest_hour",
    "quorum_counting",
)

_request = Local()
T = TypeVar("T")


def first_defaults() -> PartnershipSettings:
    """The settings before an admin has saved the page: the environment's values."""
    return PartnershipSettings(
        pk=PartnershipSettings.SINGLETON_PK,
        paper_deadline_days=DEFAULT_PAPER_DEADLINE_DAYS,
        due_soon_days=DEFAULT_DUE_SOON_DAYS,
        paper_reminder_working_days=settings.PAPER_REMINDER_WORKING_DAYS,
        paper_escalation_working_days=DEFAULT_PAPER_ESCALATION_WORKING_DAYS,
        minutes_reminder_working_days=settings.MINUTES_REMINDER_WORKING_DAYS,
        quoracy_forecast_working_days=settings.QUORACY_FORECAST_WORKING_DAYS,
        reminder_weekly_hour=settings.REMINDER_WEEKLY_HOUR,
        notification_digest_hour=settings.NOTIFICATION_DIGEST_HOUR,
        quorum_counting=QuorumCounting.MEMBERS_AND_REGISTERED_DEPUTIES,
    )


def read_once_in_scope(name: str, read: Callable[[], T]) -> T:
    """`read()` once per request or reminder-scan run (see `read_once`); each call outside one."""
    if not getattr(_request, "active", False):
        return read()
    value = getattr(_request, name, None)
    if value is None:
        value = read()
        setattr(_request, name, value)
    return value


def partnership_settings() -> PartnershipSettings:
    """The settings in force (one query, once per request or scan run)."""
    return read_once_in_scope(
        "settings",
        lambda: (
            PartnershipSettings.objects.filter(pk=PartnershipSettings.SINGLETON_PK).first()
            or first_defaults()
        ),
    )


def _forget() -> None:
    _request.settings = None
    _request.closures = None


@contextmanager
def read_once() -> Iterator[None]:
    """Within the block, the settings and the closure days are read once (a reminder-scan run,
    whose scans each ask for them; a request gets the same from the signals below)."""
    was_active = getattr(_request, "active", False)
    _request.active = True
    _forget()
    try:
        yield
    finally:
        _request.active = was_active
        _forget()


def _request_began(**kwargs) -> None:
    _request.active = True
    _forget()


def _request_ended(**kwargs) -> None:
    _request.active = False
    _forget()


def connect_request_signals() -> None:
    """Called from CoreConfig.ready(): the per-request cache starts and ends with each request."""
    request_started.connect(_request_began, dispatch_uid="core.partnership.request_started")
    request_finished.connect(_request_ended, dispatch_uid="core.partnership.request_finished")


@transaction.atomic
def partnership_settings_update(*, values: dict) -> PartnershipSettings:
    """Change the partnership's settings (history kept); unknown names are refused."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"Not a partnership setting: {', '.join(sorted(unknown))}.")
    row = (
        PartnershipSettings.objects.select_for_update().filter(pk=PartnershipSettings.SINGLETON_PK).first()
        or first_defaults()
    )
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    _forget()
    return row


@transaction.atomic
def closure_day_add(*, date: datetime.date, reason: str) -> ClosureDay:
    """Add a day the partnership does not work (reminders and schedules skip it)."""
    reason = (reason or "").strip()
    if ClosureDay.objects.filter(date=date).exists():
        raise ValidationError({"date": f"{date:%-d %B %Y} is already a closure day."})
    day = ClosureDay(date=date, reason=reason)
    day.full_clean()
    day.save()
    _forget()
    return day


@transaction.atomic
def closure_day_remove(*, day: ClosureDay) -> None:
    day.delete()
    _forget()
