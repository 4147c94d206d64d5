"""Run the reminder scan (and the daily digests) once, the way beat's tasks do.

For the embedded default, which has no beat, or to see at once what a scan finds:
    python manage.py scan_reminders
"""

from django.core.management.base import BaseCommand

from governance.scans import reminders_scan
from notifications.services import digests_send


class Command(BaseCommand):
    help = "Record and send every reminder that is due now, and today's digests once their hour has passed."

    def handle(self, *args, **options):
        counts = reminders_scan()
        for name, count in counts.items():
            self.stdout.write(f"{name.replace('_', ' ')}: {count}")
        self.stdout.write(f"daily digests: {digests_send()}")
