"""Governance's kinds of notification and the messages it sends.

The kinds are registered with the notification mechanism in `GovernanceConfig.ready()`.
What each message may say is in its templates,
``governance/templates/governance/notifications/<kind>_subject.txt`` and ``<kind>_body.txt``;
the builders below only choose the recipients and gather the context (dates are
formatted here, in London time, so the templates hold the words).

No governance kind needs a permission beyond being a recipient: each recipient is chosen
by a governance rule (owner, member, chair, secretariat, line manager, board member), and
some (line managers, presenters) may have no login at all.
"""

import datetime
from collections.abc import Iterable, Sequence

from django.utils import timezone

from governance.agenda_rules import is_confidential
from governance.models import (
    Action,
    Agency,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Group,
    Meeting,
    Minutes,
    Paper,
    Person,
)
from notifications.registry import Kind, Message, register_kind

_KINDS = (
    ("agenda_published", "Meetings", "An agenda is published"),
    ("meeting_rescheduled", "Meetings", "A meeting moves"),
    ("meeting_cancelled", "Meetings", "A meeting is cancelled"),
    ("quoracy_forecast", "Meetings", "A meeting will not be quorate (daily warning before it)"),
    ("non_attendance", "Meetings", "Someone you line-manage missed a meeting without a valid reason"),
    ("line_manager_missing", "Meetings", "A member who missed a meeting has no line manager (secretariat)"),
    ("repeated_non_attendance", "Meetings", "A member missed three meetings in a row (chairs)"),
    ("paper_reminder", "Papers", "Your paper is due soon"),
    ("papers_after_deadline", "Papers", "Missing and late papers after the deadline (secretariat)"),
    ("late_paper", "Papers", "A late paper from your partner agency"),
    (
        "papers_missing_escalation",
        "Papers",
        "Papers still missing from your partner's staff as the deadline approaches",
    ),
    ("minutes_circulated", "Minutes", "Draft minutes are circulated"),
    ("minutes_overdue", "Minutes", "Minutes are still a draft after a meeting"),
    ("action_assigned", "Actions", "An action is given to you"),
    ("action_handed_over", "Actions", "An action is handed to your group"),
    ("action_due_soon", "Actions", "Your action is due within a week"),
    ("action_due_today", "Actions", "Your action is due today"),
    ("actions_overdue_weekly", "Actions", "Weekly list of your overdue actions"),
    ("group_actions_overdue_weekly", "Actions", "Weekly summary of your group's overdue actions (chairs)"),
)
KINDS: tuple[Kind, ...] = tuple(
    Kind(code=code, topic=topic, label=label, app_label="governance") for code, topic, label in _KINDS
)


def register_kinds() -> None:
    for kind in KINDS:
        register_kind(kind)


# Formatting (London time) ------------------------------------------------------------


def day(value: datetime.date) -> str:
    return f"{value:%a %-d %b %Y}"


def when(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%A %-d %B %Y at %H:%M}"


def _short(moment: datetime.datetime) -> str:
    return f"{timezone.localtime(moment):%H:%M on %-d %b %Y}"


def agreed_at_confidential_item(action: Action) -> bool:
    """An action agreed at a confidential agenda item is as confidential as the item (issue 9):
    a reminder, which leaves the product by e-mail, says only "a confidential action" with its
    number and due date, whoever it goes to. Read with the item and its parents selected."""
    return action.origin_item is not None and is_confidential(action.origin_item)


def action_line(action: Action, *, with_owners: bool = False) -> str:
    owners = ""
    if with_owners:
        initials = "/".join(person.initials for person in action.owners.all())
        owners = f" — {initials}" if initials else " — no owner"
    assert action.due_date is not None  # the lists are of actions due or overdue
    if agreed_at_confidential_item(action):
        return f"• Action {action.number}, due {day(action.due_date)}{owners}: a confidential action"
    reference = f" ({action.reference})" if action.reference else ""
    return (
        f"• Action {action.number}{reference}, due {day(action.due_date)}{owners}: "
        f"{action.title or action.description[:120]}"
    )


def late_paper_line(paper: Paper) -> str:
    author = f" by {paper.author.name} ({paper.author.agency.label})" if paper.author else ""
    accepted = ", accepted by the chair" if paper.late_accepted_at else ", not in the pack"
    submitted = _short(paper.submitted_at)
    return f"• {paper.agenda_item.number}. “{paper.title}”{author}, submitted {submitted}{accepted}"


# Sent by services ------------------------------------------------------------------


def action_assigned(*, action: Action, recipients: Iterable[Person], occasion: str) -> Message:
    return Message(
        kind="action_assigned",
        recipients=recipients,
        subject_ref=f"action:{action.pk}",
        occasion=occasion,
        url=action.get_absolute_url(),
        context={
            "action": action,
            "confidential": agreed_at_confidential_item(action),
            "due": f"{action.due_date:%-d %b %Y}" if action.due_date else "",
        },
    )


def action_handed_over(
    *,
    action: Action,
    from_group: Group,
    to_group: Group,
    to_number: int,
    note: str,
    handover_pk: int,
    recipients,
) -> Message:
    return Message(
        kind="action_handed_over",
        recipients=recipients,
        subject_ref=f"action:{action.pk}",
        occasion=f"handover:{handover_pk}",
        url=action.get_absolute_url(),
        context={
            "action": action,
            "confidential": agreed_at_confidential_item(action),
            "from_group": from_group,
            "to_group": to_group,
            "to_number": to_number,
            "note": note,
        },
    )


def meeting_rescheduled(*, meeting: Meeting, starts_at: datetime.datetime, recipients) -> Message:
    local = timezone.localtime(starts_at)
    return Message(
        kind="meeting_rescheduled",
        recipients=recipients,
        subject_ref=f"meeting:{meeting.pk}",
        occasion=starts_at.isoformat(),
        url=meeting.get_absolute_url(),
        context={
            "meeting": meeting,
            "moved_to": f"{local:%-d %b %Y, %H:%M}",
            "when": f"{local:%-d %B %Y at %H:%M}",
        },
    )


def meeting_cancelled(*, meeting: Meeting, reason: str, recipients) -> Message:
    local = timezone.localtime(meeting.starts_at)
    return Message(
        kind="meeting_cancelled",
        recipients=recipients,
        subject_ref=f"meeting:{meeting.pk}",
        url=meeting.get_absolute_url(),
        context={
            "meeting": meeting,
            "reason": reason,
            "day": f"{local:%-d %b %Y}",
            "when": f"{local:%-d %B %Y at %H:%M}",
        },
    )


def agenda_published(*, meeting: Meeting, recipients) -> Message:
    local = timezone.localtime(meeting.starts_at)
    return Message(
        kind="agenda_published",
        recipients=recipients,
        subject_ref=f"meeting:{meeting.pk}",
        url=meeting.get_absolute_url(),
        context={"meeting": meeting, "day": f"{local:%-d %b %Y}", "when": f"{local:%-d %B %Y at %H:%M}"},
    )


def minutes_circulated(*, minutes: Minutes, meeting: Meeting, recipients, url: str, occasion: str) -> Message:
    return Message(
        kind="minutes_circulated",
        recipients=recipients,
        subject_ref=f"minutes:{minutes.pk}",
        occasion=occasion,
        url=url,
        context={"minutes": minutes, "meeting": meeting},
    )


def late_paper(*, paper: Paper, recipients, url: str, occasion: str) -> Message:
    meeting = paper.agenda_item.meeting
    return Message(
        kind="late_paper",
        recipients=recipients,
        subject_ref=f"paper:{paper.pk}",
        occasion=occasion,
        url=url,
        context={
            # A confidential item's notice names neither it nor its paper (issue 9): the partner's
            # board member told of it may sit outside the group.
            "confidential": is_confidential(paper.agenda_item),
            "on": f"{meeting.local_date:%-d %b %Y}",
            "paper": paper,
            "author": paper.author,
            "item": paper.agenda_item,
            "meeting": meeting,
            "submitted": _short(paper.submitted_at),
            "deadline": _short(meeting.paper_deadline),
        },
    )


# Sent by the scans -------------------------------------------------------------------


def action_due(*, action: Action, which: str, today: datetime.date, recipients=None) -> Message:
    """`which` is "due_soon" or "due_today" (governance.reminders.action_reminder); the
    recipients are its owners unless given."""
    assert action.due_date is not None  # only an action with a due date falls due
    return Message(
        kind=f"action_{which}",
        recipients=list(action.owners.all()) if recipients is None else recipients,
        subject_ref=f"action:{action.pk}",
        occasion=action.due_date.isoformat(),
        url=action.get_absolute_url(),
        context={
            "action": action,
            "confidential": agreed_at_confidential_item(action),
            "due": day(action.due_date),
            "days_left": (action.due_date - today).days,
        },
    )


def actions_overdue_weekly(*, person: Person, actions: Sequence[Action], occasion: str, url: str) -> Message:
    return Message(
        kind="actions_overdue_weekly",
        recipients=[person],
        subject_ref="actions:overdue",
        occasion=occasion,
        url=url,
        context={
            "count": len(actions),
            "lines": [f"{action_line(action)} [{action.group.label}]" for action in actions],
        },
    )


def group_actions_overdue_weekly(
    *, group: Group, actions: Sequence[Action], chairs, occasion: str, url: str
) -> Message:
    return Message(
        kind="group_actions_overdue_weekly",
        recipients=chairs,
        subject_ref=f"group:{group.pk}",
        occasion=occasion,
        url=url,
        context={
            "group": group,
            "count": len(actions),
            "lines": [action_line(action, with_owners=True) for action in actions],
        },
    )


def paper_reminder(*, item: AgendaItem, meeting: Meeting, url: str) -> Message:
    deadline = timezone.localtime(meeting.paper_deadline)
    return Message(
        kind="paper_reminder",
        recipients=[item.presenter],
        subject_ref=f"agenda_item:{item.pk}",
        occasion=meeting.paper_deadline.isoformat(),
        url=url,
        context={
            "item": item,
            "meeting": meeting,
            "when": when(meeting.starts_at),
            "deadline": f"{deadline:%H:%M on %-d %b %Y}",
            "deadline_long": f"{deadline:%H:%M on %A %-d %B %Y}",
        },
    )


def papers_missing_escalation(
    *, meeting: Meeting, partner: Agency, items: Sequence[AgendaItem], recipients, url: str
) -> Message:
    """Seed 003 item 2a: the partner's board member is told in advance which of its staff's
    papers are still missing, to secure them before the deadline. A confidential item is
    named by its number only."""
    deadline = timezone.localtime(meeting.paper_deadline)
    lines = []
    for item in items:
        title = "a confidential item" if is_confidential(item) else item.title
        presenter = item.presenter
        by = f", presented by {presenter.name} ({presenter.agency.label})" if presenter else ""
        lines.append(f"• {item.number}. {title}{by}")
    return Message(
        kind="papers_missing_escalation",
        recipients=recipients,
        subject_ref=f"meeting:{meeting.pk}:partner:{partner.pk}",
        occasion=meeting.paper_deadline.isoformat(),
        url=url,
        context={
            "meeting": meeting,
            "partner": partner,
            "lines": lines,
            "count": len(lines),
            "when": when(meeting.starts_at),
            "deadline": f"{deadline:%H:%M on %-d %b %Y}",
            "deadline_long": f"{deadline:%H:%M on %A %-d %B %Y}",
        },
    )


def papers_after_deadline(
    *, meeting: Meeting, missing: Sequence[AgendaItem], late: Sequence[Paper], recipients, url: str
) -> Message:
    return Message(
        kind="papers_after_deadline",
        recipients=recipients,
        subject_ref=f"meeting:{meeting.pk}",
        occasion=meeting.paper_deadline.isoformat(),
        url=url,
        context={
            "meeting": meeting,
            "when": when(meeting.starts_at),
            "deadline": _short(meeting.paper_deadline),
            "missing": missing,
            "late": [late_paper_line(paper) for paper in late],
        },
    )


def minutes_overdue(*, meeting: Meeting, working_days: int, recipients, url: str) -> Message:
    return Message(
        kind="minutes_overdue",
        recipients=recipients,
        subject_ref=f"meeting:{meeting.pk}",
        url=url,
        context={"meeting": meeting, "when": when(meeting.starts_at), "working_days": working_days},
    )


def quoracy_forecast(
    *,
    meeting: Meeting,
    problems: Sequence[tuple[str, Agency | None, str]],
    recipients,
    occasion: str,
) -> Message:
    """`problems`: (partner name, its agency or None, why it will not be represented)."""
    names = [name for name, _, _ in problems]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return Message(
        kind="quoracy_forecast",
        recipients=recipients,
        subject_ref=f"meeting:{meeting.pk}",
        occasion=occasion,
        url=meeting.get_absolute_url(),
        context={"meeting": meeting, "when": when(meeting.starts_at), "listed": listed, "problems": problems},
    )


def _absence_context(line: Attendance, meeting: Meeting) -> dict:
    return {
        "person": line.person,
        "agency": line.agency,
        "meeting": meeting,
        "when": when(meeting.starts_at),
        "absent": line.status == AttendanceStatus.ABSENT,
        "apology_reason": line.apology_reason,
    }


def non_attendance(*, line: Attendance, meeting: Meeting, manager: Person) -> Message:
    return Message(
        kind="non_attendance",
        recipients=[manager],
        subject_ref=f"attendance:{line.pk}",
        url=meeting.get_absolute_url(),
        context=_absence_context(line, meeting),
    )


def line_manager_missing(*, line: Attendance, meeting: Meeting, recipients) -> Message:
    return Message(
        kind="line_manager_missing",
        recipients=recipients,
        subject_ref=f"attendance:{line.pk}",
        url=line.person.get_absolute_url(),
        context=_absence_context(line, meeting),
    )


def repeated_non_attendance(
    *, person: Person, agency: Agency, meeting: Meeting, dates: str, recipients
) -> Message:
    return Message(
        kind="repeated_non_attendance",
        recipients=recipients,
        subject_ref=f"group:{meeting.group_id}:person:{person.pk}",
        occasion=f"meeting:{meeting.pk}",
        url=person.get_absolute_url(),
        context={"person": person, "agency": agency, "meeting": meeting, "dates": dates},
    )
