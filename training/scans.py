"""Training's periodic work, run by the one reminder beat (notifications.tasks.scan_reminders):
lapsed offers pass to the next person waiting, booked practitioners are reminded before
the session, and impact questionnaires go out when due. Both
write their own e-mails (training.services), so they return no notification batches."""

import datetime
from collections.abc import Iterable

from notifications.registry import Message, register_scan
from training.services import impact_questionnaires_send, offers_expire, session_reminders_send


def waiting_list_offers(now: datetime.datetime) -> Iterable[Iterable[Message]]:
    offers_expire(now=now)
    return []


def impact_questionnaires(now: datetime.datetime) -> Iterable[Iterable[Message]]:
    impact_questionnaires_send(now=now)
    return []


def session_reminders(now: datetime.datetime) -> Iterable[Iterable[Message]]:
    session_reminders_send(now=now)
    return []


def register_scans() -> None:
    register_scan("training_waiting_list_offers", waiting_list_offers)
    register_scan("training_session_reminders", session_reminders)
    register_scan("training_impact_questionnaires", impact_questionnaires)
