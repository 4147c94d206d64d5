from django.db import migrations, models

FREQUENCIES = [
    ("six_weekly", "Six-weekly"),
    ("monthly", "Monthly"),
    ("bi_monthly", "Bi-monthly"),
    ("quarterly", "Quarterly"),
    ("twice_yearly", "Twice yearly"),
    ("annually", "Annually"),
    ("ad_hoc", "Ad hoc"),
    ("not_set", "Not set"),
]
QUORUM_RULES = [
    ("all_statutory_partners", "All three statutory partners represented"),
    ("none", "No quorum rule"),
    ("not_set", "Not set"),
]
PARTNER_ROLES = [("lead", "Lead Safeguarding Partner"), ("delegated", "Delegated Safeguarding Partner")]
PARTNER_ROLE_HELP = (
    "Only in a statutory partner: the Lead Safeguarding Partner (chief executive or chief constable) or the "
    "Delegated Safeguarding Partner they named (arrangements s.1.3, s.3.2)."
)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0004_calendar_feed_token_hashed"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="safeguarding_partner_role",
            field=models.CharField(
                blank=True, choices=PARTNER_ROLES, help_text=PARTNER_ROLE_HELP, max_length=20
            ),
        ),
        migrations.AddField(
            model_name="historicalperson",
            name="safeguarding_partner_role",
            field=models.CharField(
                blank=True, choices=PARTNER_ROLES, help_text=PARTNER_ROLE_HELP, max_length=20
            ),
        ),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                condition=models.Q(
                    ("active", True), models.Q(("safeguarding_partner_role", ""), _negated=True)
                ),
                fields=("agency", "safeguarding_partner_role"),
                name="one_safeguarding_partner_per_role_and_agency",
                violation_error_message="This agency already has an active person in this safeguarding "
                "partner role: clear theirs first.",
            ),
        ),
        migrations.AlterField(
            model_name="group",
            name="meeting_frequency",
            field=models.CharField(choices=FREQUENCIES, default="quarterly", max_length=20),
        ),
        migrations.AlterField(
            model_name="historicalgroup",
            name="meeting_frequency",
            field=models.CharField(choices=FREQUENCIES, default="quarterly", max_length=20),
        ),
        migrations.AlterField(
            model_name="group",
            name="quorum_rule",
            field=models.CharField(choices=QUORUM_RULES, default="all_statutory_partners", max_length=30),
        ),
        migrations.AlterField(
            model_name="historicalgroup",
            name="quorum_rule",
            field=models.CharField(choices=QUORUM_RULES, default="all_statutory_partners", max_length=30),
        ),
    ]
