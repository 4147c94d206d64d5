import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.helpers_reminders import london, make_action

pytestmark = pytest.mark.django_db


def test_the_command_runs_one_scan_and_reports_what_it_found(django_capture_on_commit_callbacks):
    make_action(GroupFactory(), owners=[PersonFactory()], due=datetime.date(2026, 3, 19))
    output = io.StringIO()
    with (
        time_machine.travel(london(2026, 3, 12, 9), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("scan_reminders", stdout=output)
        call_command("scan_reminders", stdout=io.StringIO())
    assert "action reminders: 1" in output.getvalue()
    assert "daily digests: 0" in output.getvalue()
    assert len(mail.outbox) == 1
