"""The test app's kinds, its scan, and what it has that is due (a list the tests fill)."""

import datetime
from collections.abc import Iterator

from notifications.models import Delivery
from notifications.registry import Kind, Message, register_kind, register_scan

APP = "notifications_testapp"
KINDS = (
    # Free text, for the mechanism's own tests.
    Kind(code="note", topic="Test", label="A note", app_label=APP),
    Kind(code="other_note", topic="Test", label="Another note", app_label=APP),
    # Only for people whose login may view notifications.
    Kind(
        code="secret_note",
        topic="Test",
        label="A secret note",
        app_label=APP,
        permission="notifications.view_notification",
    ),
    # The reminder its scan sends.
    Kind(
        code="parcel_due",
        topic="Parcels",
        label="A parcel is due",
        app_label=APP,
        default_delivery=Delivery.IMMEDIATE,
    ),
)
# (recipient, parcel name, due date): what the scan looks at.
PARCELS: list[tuple[object, str, datetime.date]] = []


def parcels_due(now: datetime.datetime) -> Iterator[list[Message]]:
    """The recipient of each parcel due today or earlier, once per parcel."""
    yield [
        Message(
            kind="parcel_due",
            recipients=[recipient],
            subject_ref=f"parcel:{name}",
            occasion=due.isoformat(),
            url=f"/parcels/{name}/",
            context={"name": name, "due": due},
        )
        for recipient, name, due in PARCELS
        if due <= now.date()
    ]


def register() -> None:
    for kind in KINDS:
        register_kind(kind)
    register_scan("parcels_due", parcels_due)
