"""Signed links for practitioners without an account: one token names one booking, works for
that booking only, and expires (django.core.signing.TimestampSigner with max_age)."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "training.booking-link"


class LinkExpired(Exception):
    """The link was genuine but is older than the links' lifetime (410 Gone)."""


class LinkInvalid(Exception):
    """The link was altered or never issued (403)."""


def booking_token(booking_id: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(booking_id))


def booking_id_from_token(token: str, *, max_age: datetime.timedelta) -> int:
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired(str(error)) from error
    except signing.BadSignature as error:
        raise LinkInvalid(str(error)) from error
    try:
        return int(value)
    except ValueError as error:  # pragma: no cover - only a leaked key could sign this
        raise LinkInvalid("not a booking") from error


def booking_links(booking_id: int) -> dict[str, str]:
    """The absolute addresses an e-mail about the booking may carry."""
    token = booking_token(booking_id)
    base = settings.SITE_URL.rstrip("/")
    return {
        name: base + reverse(f"training:link_{name}", kwargs={"signed": token})
        for name in ("accept", "cancel", "evaluate", "impact", "certificate")
    }
