"""The mechanism's own rules, as pure functions: no database and no clock."""

import datetime
import hashlib
import zoneinfo

LONDON = zoneinfo.ZoneInfo("Europe/London")


def digest_occasion(*, now: datetime.datetime, hour: int) -> str | None:
    """Today's London date once the daily digest hour has passed; else None."""
    local = now.astimezone(LONDON)
    return local.date().isoformat() if local.hour >= hour else None


def email_retry_delay(attempt: int, *, base: int, cap: int) -> int:
    """Seconds before retry number `attempt` (1, 2, …): doubling from `base`, never above `cap`."""
    return min(cap, base * 2 ** max(attempt - 1, 0))


# The readable part of a key is cut to this, leaving room for ":" and the 64-character hash.
KEY_READABLE_LENGTH = 190


def notification_key(*, kind: str, subject_ref: str, recipient_id: int, occasion: str = "") -> str:
    """The uniqueness key of one notification: "<kind>:<subject>:" to read at a glance (cut
    to KEY_READABLE_LENGTH), then a SHA-256 of kind, subject, recipient and occasion, so no
    part that tells two notifications apart is ever cut off. At most 255 characters."""
    whole = "\x1f".join((kind, subject_ref, str(recipient_id), occasion))
    digest = hashlib.sha256(whole.encode()).hexdigest()
    return f"{f'{kind}:{subject_ref}'[:KEY_READABLE_LENGTH]}:{digest}"


def legacy_notification_key(*, kind: str, subject_ref: str, recipient_id: int, occasion: str = "") -> str:
    """The key rows recorded before keys were hashed carry (cut at 255)."""
    return f"{kind}:{subject_ref}:{recipient_id}:{occasion}"[:255]
