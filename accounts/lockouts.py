"""Which accounts and addresses are locked out now (django-axes' records, read)."""

import datetime

from axes.helpers import get_cool_off
from django.utils import timezone


def cool_off_threshold(now: datetime.datetime | None = None) -> datetime.datetime:
    """Failures before this moment no longer count."""
    now = now or timezone.now()
    cool_off = get_cool_off()
    if cool_off is None:
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return now - cool_off
