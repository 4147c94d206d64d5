"""Planning's kinds of notification and its reminder scan: a risk whose review date has passed is
reminded to its owner once per review date (the occasion), so a scan run twice sends nothing new
and a new review date, once it passes, is reminded again."""

from notifications.registry import Kind, Message, register_kind
from planning import rules

KINDS = (
    Kind(
        code="escalation_raised",
        topic="Escalations",
        label="A subgroup escalates an issue to the board you chair",
        app_label="planning",
    ),
    Kind(
        code="escalation_responded",
        topic="Escalations",
        label="The board responds to your group's escalation",
        app_label="planning",
    ),
    Kind(
        code="risk_review_overdue",
        topic="Risk register",
        label="A risk you own is due for review",
        app_label="planning",
    ),
)


def risk_review_overdue(risk) -> Message:
    return Message(
        kind="risk_review_overdue",
        recipients=[risk.owner],
        subject_ref=f"risk:{risk.pk}",
        occasion=risk.review_date.isoformat(),
        url=risk.get_absolute_url(),
        context={
            "risk": risk,
            "review_date": f"{risk.review_date:%-d %B %Y}",
            "residual_score": risk.residual_score,
            "band": rules.risk_band(risk.residual_score),
        },
    )


def _escalation_context(escalation) -> dict:
    item = escalation.agenda_item
    return {
        "escalation": escalation,
        "raised_on": f"{escalation.raised_on:%-d %B %Y}",
        "on_agenda": f"{item.meeting}, item {item.number}" if item is not None else "",
    }


def escalation_raised(escalation, *, recipients) -> Message:
    """To the board's chairs: what is escalated, by whom, and where it is on their agenda."""
    return Message(
        kind="escalation_raised",
        recipients=recipients,
        subject_ref=f"escalation:{escalation.pk}",
        url=escalation.get_absolute_url(),
        context=_escalation_context(escalation),
    )


def escalation_responded(escalation, *, recipients) -> Message:
    """To the escalating group's chairs: the board's response (once per response date)."""
    return Message(
        kind="escalation_responded",
        recipients=recipients,
        subject_ref=f"escalation:{escalation.pk}",
        occasion=escalation.responded_on.isoformat(),
        url=escalation.get_absolute_url(),
        context={**_escalation_context(escalation), "responded_on": f"{escalation.responded_on:%-d %B %Y}"},
    )


def register_kinds() -> None:
    for kind in KINDS:
        register_kind(kind)
