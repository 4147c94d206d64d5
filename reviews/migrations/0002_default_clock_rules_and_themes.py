"""The clocks and themes a partnership starts with (statutory-timescales.md; issue 12's themes).
Written out here, not imported, so this migration never changes when the code's defaults do."""

from django.db import migrations

RULES = (
    (
        "panel_notification",
        "Notify the national Panel",
        5,
        "working_days",
        "awareness",
        False,
        "working_together",
    ),
    (
        "rapid_review",
        "Rapid review sent to the Panel with the partners' decision",
        15,
        "working_days",
        "panel_notification",
        False,
        "panel",
    ),
    (
        "agency_information",
        "Agency information returned",
        7,
        "working_days",
        "information_request",
        False,
        "local",
    ),
    (
        "lcspr_publication",
        "LCSPR final report published",
        6,
        "months",
        "decision",
        False,
        "statutory_guidance",
    ),
    (
        "lcspr_sent_to_panel",
        "Report sent to the Panel and the Secretary of State",
        7,
        "working_days",
        "planned_publication",
        True,
        "statutory_guidance",
    ),
    (
        "dhr_decision",
        "Decision whether to hold a DHR, Home Office told",
        1,
        "months",
        "police_notification",
        False,
        "statutory_guidance",
    ),
    (
        "dhr_completion",
        "DHR overview report to Home Office quality assurance",
        6,
        "months",
        "decision",
        False,
        "statutory_guidance",
    ),
    (
        "sar_completion",
        "Safeguarding adults review completed",
        6,
        "months",
        "decision",
        False,
        "statutory_guidance",
    ),
)
THEMES = (
    "Neglect",
    "Child sexual exploitation",
    "Domestic abuse",
    "Mental health",
    "Substance misuse",
    "Online harm",
)


def seed(apps, schema_editor):
    ClockRule = apps.get_model("reviews", "ClockRule")
    HistoricalClockRule = apps.get_model("reviews", "HistoricalClockRule")
    Theme = apps.get_model("reviews", "Theme")
    from django.utils import timezone

    for code, name, length, unit, counted_from, before, source in RULES:
        rule, created = ClockRule.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "length": length,
                "unit": unit,
                "counted_from": counted_from,
                "before": before,
                "source": source,
            },
        )
        if created:
            # The first version in the rule's history: the default it started from.
            HistoricalClockRule.objects.create(
                id=rule.pk,
                code=code,
                name=name,
                length=length,
                unit=unit,
                counted_from=counted_from,
                before=before,
                source=source,
                created_at=rule.created_at,
                updated_at=rule.updated_at,
                history_date=timezone.now(),
                history_type="+",
                history_change_reason="The default (statutory-timescales)",
            )
    for name in THEMES:
        Theme.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
