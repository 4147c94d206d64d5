import pytest
import time_machine

from hscp.scans import reminders_scan


@pytest.fixture
def scan_at(django_capture_on_commit_callbacks):
    """Run the reminder scan at a London moment, with e-mails sent as its batches commit."""

    def run(moment):
        with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
            return reminders_scan()

    return run
