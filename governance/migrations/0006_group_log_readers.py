from django.db import migrations, models


def _fields():
    return [
        (
            "log_readers",
            models.CharField(
                choices=[
                    ("members_and_board", "Its members and the members of the board it reports to"),
                    ("members_only", "Only its members (need-to-know, e.g. the Joint Case Review group)"),
                ],
                default="members_and_board",
                help_text="The secretariat reads every log. A need-to-know group's log (case names, case "
                "actions) is read only by its members.",
                max_length=20,
                verbose_name="who may read the action log",
            ),
        ),
        (
            "log_open_to_partners",
            models.BooleanField(
                default=False,
                help_text="Partner readers may read this group's action log. Never for a need-to-know group.",
                verbose_name="action log open to partner readers",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        # After both migrations numbered 0005 (each made from 0004 at the same time).
        ("governance", "0005_action_owner_group"),
        ("governance", "0005_person_safeguarding_partner_role_and_not_set"),
    ]

    operations = [
        *(
            migrations.AddField(model_name=model, name=name, field=field)
            for model in ("group", "historicalgroup")
            for name, field in _fields()
        ),
        migrations.AddConstraint(
            model_name="group",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("log_open_to_partners", True), ("log_readers", "members_only"), _negated=True
                ),
                name="need_to_know_log_not_open_to_partners",
                violation_error_message="A log read only by the group's members cannot be open to "
                "partner readers.",
            ),
        ),
    ]
