"""Run every registered scan (and the daily digests) once, the way beat's tasks do.

For the embedded default, which has no beat, or to see at once what a scan finds:
    python manage.py scan_reminders
"""

from django.core.management.base import BaseCommand

from notifications.scanning import scans_run
from notifications.services import digests_send


class Command(BaseCommand):
    help = "Record and send every reminder that is due now, and today's digests once their hour has passed."

    def handle(self, *args, **options):
        counts = scans_run()
        for name, count in counts.items():
            self.stdout.write(f"{name.replace('_', ' ')}: {count}")
        self.stdout.write(f"daily digests: {digests_send()}")
