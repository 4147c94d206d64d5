"""Governance's reminder scans: what is due now, found with indexed queries.

Each scan is a function of `now` that selects the rows that may be due (by stored dates:
action due dates, paper deadlines, meeting starts), applies the pure rules in
`governance.reminders`, and yields the messages due, built by `governance.notifications`,
one batch at a time. Rows are read in bounded batches (keyset on the primary key), each
batch in its own transaction, so e-mails are queued as each batch commits. The scans are
registered with the notification mechanism in `GovernanceConfig.ready()`; its one beat
task (`notifications.tasks.scan_reminders`) runs them and records each message once, by
its key (kind, subject, recipient, occasion), so running twice, or on two workers at once,
sends each reminder once.

Nothing is sent for cancelled meetings, inactive groups, ended memberships or inactive
people (`notify` skips inactive recipients).
"""

from governance.scans.actions import action_due_reminders, weekly_action_reminders
from governance.scans.meetings import non_attendance, quoracy_forecasts
from governance.scans.minutes import minutes_reminders
from governance.scans.papers import paper_reminders, papers_after_deadline, papers_missing_escalation
from notifications.registry import register_scan

# In the order they run; the names are the counts recorded in the ScanRun.
SCANS = (
    ("action_reminders", action_due_reminders),
    ("weekly_action_reminders", weekly_action_reminders),
    ("paper_reminders", paper_reminders),
    ("papers_missing_escalation", papers_missing_escalation),
    ("papers_after_deadline", papers_after_deadline),
    ("minutes_reminders", minutes_reminders),
    ("quoracy_forecasts", quoracy_forecasts),
    ("non_attendance", non_attendance),
)


def register_scans() -> None:
    for name, function in SCANS:
        register_scan(name, function)
