import datetime

import pytest
from django.core import mail

from governance.tests.factories import PersonFactory
from governance.tests.factories_actions import london
from notifications.models import Notification
from notifications.scanning import scans_run
from planning.choices import RiskStatus
from planning.tests.factories import RiskFactory

pytestmark = pytest.mark.django_db


def test_an_overdue_risk_review_is_reminded_to_its_owner_once_per_review_date(
    django_capture_on_commit_callbacks,
):
    owner = PersonFactory(name="Rita Owner", email="rita@example.org")
    risk = RiskFactory(
        owner=owner, title="Funding of the arrangements", review_date=datetime.date(2025, 11, 30)
    )
    RiskFactory(owner=owner, review_date=datetime.date(2025, 12, 1))  # due today: not yet overdue
    RiskFactory(owner=owner, review_date=datetime.date(2025, 1, 1), status=RiskStatus.CLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        scans_run(now=london(2025, 12, 1, 9))
    scans_run(now=london(2025, 12, 1, 17))  # the same review date again: nothing new
    sent = Notification.objects.filter(kind="risk_review_overdue")
    assert sent.count() == 1
    assert sent.get().recipient == owner
    assert "Funding of the arrangements" in sent.get().subject
    assert any("rita@example.org" in message.to for message in mail.outbox)
    risk.review_date = datetime.date(2026, 1, 31)
    risk.save()
    scans_run(now=london(2026, 2, 1, 9))
    assert sent.filter(subject__contains="Funding of the arrangements").count() == 2
