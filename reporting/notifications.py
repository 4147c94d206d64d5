"""The reporting app's kinds of notification, registered in ReportingConfig.ready(); what each
says is in reporting/templates/reporting/notifications/. Sent to the secretariat, who write the
yearly report on the partners' behalf (arrangements s.20.7), and to subgroups' chairs, who
report to the board each quarter."""

from notifications.registry import Kind, register_kind

KINDS: tuple[Kind, ...] = (
    Kind(
        code="highlight_report_due",
        topic="Reports",
        label="Your group's highlight report for the quarter just ended is due",
        app_label="reporting",
    ),
    Kind(
        code="yearly_report_due",
        topic="Reports",
        label="The yearly report's publication deadline is near",
        app_label="reporting",
    ),
    Kind(
        code="yearly_report_overdue",
        topic="Reports",
        label="The yearly report is past its publication deadline (weekly)",
        app_label="reporting",
    ),
)


def register_kinds() -> None:
    for kind in KINDS:
        register_kind(kind)
