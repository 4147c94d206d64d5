"""The action reminder scan at scale (issue 16): a first run records every reminder due in a
fixed number of queries (owners checked against a source's rule only for actions from such a
source; the notifications inserted together), whatever the number of due actions."""

import datetime

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.helpers_reminders import london, make_action
from notifications.models import Notification
from notifications.scanning import scans_run

THURSDAY = london(2026, 3, 12, 9)


def test_a_first_scan_records_every_reminder_in_the_same_queries_for_three_actions_as_for_forty(
    db, django_capture_on_commit_callbacks
):
    def first_scan_queries(count, day):
        group = GroupFactory()
        for _ in range(count):
            make_action(
                group, owners=[PersonFactory(), PersonFactory()], due=day.date() + datetime.timedelta(days=7)
            )
        before = Notification.objects.count()
        # Sending is the workers' job: the e-mails are queued on commit, not sent here.
        with (
            time_machine.travel(day, tick=False),
            django_capture_on_commit_callbacks(execute=False),
            CaptureQueriesContext(connection) as queries,
        ):
            scans_run()
        assert Notification.objects.count() - before == 2 * count
        return len(queries)

    small = first_scan_queries(3, THURSDAY)
    # (The first run also creates the ScanRun row: one query more.)
    assert first_scan_queries(40, THURSDAY + datetime.timedelta(days=1)) <= small
