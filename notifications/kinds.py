"""Every kind of notification the product sends, named for the preferences page.

A kind not listed here is still sent (e-mail straight away); listing it lets
people choose how they get it. The daily digest itself is not a choice.
"""

from dataclasses import dataclass

DIGEST_KIND = "digest"


@dataclass(frozen=True)
class Kind:
    code: str
    topic: str
    label: str


KINDS: tuple[Kind, ...] = (
    Kind("agenda_published", "Meetings", "An agenda is published"),
    Kind("meeting_rescheduled", "Meetings", "A meeting moves"),
    Kind("meeting_cancelled", "Meetings", "A meeting is cancelled"),
    Kind("quoracy_forecast", "Meetings", "A meeting will not be quorate (daily warning before it)"),
    Kind("non_attendance", "Meetings", "Someone you line-manage missed a meeting without a valid reason"),
    Kind(
        "line_manager_missing", "Meetings", "A member who missed a meeting has no line manager (secretariat)"
    ),
    Kind("repeated_non_attendance", "Meetings", "A member missed three meetings in a row (chairs)"),
    Kind("paper_reminder", "Papers", "Your paper is due soon"),
    Kind("papers_after_deadline", "Papers", "Missing and late papers after the deadline (secretariat)"),
    Kind("late_paper", "Papers", "A late paper from your partner agency"),
    Kind("minutes_circulated", "Minutes", "Draft minutes are circulated"),
    Kind("minutes_overdue", "Minutes", "Minutes are still a draft after a meeting"),
    Kind("action_assigned", "Actions", "An action is given to you"),
    Kind("action_handed_over", "Actions", "An action is handed to your group"),
    Kind("action_due_soon", "Actions", "Your action is due within a week"),
    Kind("action_due_today", "Actions", "Your action is due today"),
    Kind("actions_overdue_weekly", "Actions", "Weekly list of your overdue actions"),
    Kind(
        "group_actions_overdue_weekly", "Actions", "Weekly summary of your group's overdue actions (chairs)"
    ),
)
KIND_CODES = frozenset(kind.code for kind in KINDS)
