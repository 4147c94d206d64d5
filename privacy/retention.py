"""The retention schedule: how long each kind of record is kept (a pure rule: no database,
no clock). UK GDPR Art. 5(1)(e), storage limitation. The periods are this product's defaults,
configurable in settings (RETENTION_*): the seeds set none.

- Meetings, their agendas, decisions and minutes: permanently (the partnership's record).
- Attendance: 6 years after the meeting; then the apology reasons (personal detail) are
  erased and the line kept, because the approved minutes list who attended and the
  governance record must stay whole (the product's own rule).
- Notifications: 1 year after they were made, then deleted.
- Authentication events and sessions: 1 year after they happened / were last seen, then deleted.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class RetentionPeriod:
    record_type: str
    label: str
    days: int | None  # None: kept permanently
    action: str  # what happens once due: "erase apology reasons", "delete" or "keep"

    def cutoff(self, today: datetime.date) -> datetime.date | None:
        """Records dated before this day are due; None when kept permanently."""
        return None if self.days is None else today - datetime.timedelta(days=self.days)


def years(count: int) -> int:
    """Days in `count` years, leap days included, so a record is never due a day early."""
    return count * 366


def schedule(
    *, attendance_years: int, notification_days: int, auth_event_days: int, session_days: int
) -> list[RetentionPeriod]:
    return [
        RetentionPeriod("meetings", "Meetings, agendas and decisions", None, "keep"),
        RetentionPeriod("minutes", "Minutes", None, "keep"),
        RetentionPeriod(
            "attendance", "Attendance (apology reasons)", years(attendance_years), "erase apology reasons"
        ),
        RetentionPeriod("notifications", "Notifications", notification_days, "delete"),
        RetentionPeriod("auth_events", "Authentication events", auth_event_days, "delete"),
        RetentionPeriod("sessions", "Sessions", session_days, "delete"),
    ]
