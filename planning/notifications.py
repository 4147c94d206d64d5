"""Planning's kinds of notification and its reminder scan: a risk whose review date has passed is
reminded to its owner once per review date (the occasion), so a scan run twice sends nothing new
and a new review date, once it passes, is reminded again."""

from notifications.registry import Kind, Message, register_kind
from planning import rules

KINDS = (
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


def register_kinds() -> None:
    for kind in KINDS:
        register_kind(kind)
