"""The audits app's kinds of notification, registered in AuditsConfig.ready(); what each says is
in audits/templates/audits/notifications/. Recipients are chosen by the audits rules (a return's
contact, a self-assessment's lead), who may have no login: no permission is required."""

from notifications.registry import Kind, register_kind

_KINDS = (
    ("audit_return_due", "Audits", "Your agency's return to a multi-agency audit is due soon"),
    ("audit_return_overdue", "Audits", "Your agency's return to a multi-agency audit is late (weekly)"),
    ("audit_return_chased", "Audits", "Your agency's late audit return is chased"),
    (
        "self_assessment_overdue",
        "Audits",
        "Your agency's section 11 / 175 self-assessment is overdue (weekly)",
    ),
)
KINDS: tuple[Kind, ...] = tuple(
    Kind(code=code, topic=topic, label=label, app_label="audits") for code, topic, label in _KINDS
)


def register_kinds() -> None:
    for kind in KINDS:
        register_kind(kind)
