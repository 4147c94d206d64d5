"""Amendments name what they change (an item's minutes, someone's attendance, a decision) and
why; the approval of minutes is a decision of the approving meeting (issue 10)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0006_group_log_readers"),
    ]

    operations = [
        migrations.AddField(
            model_name="minutes",
            name="approval_decision",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="approval_of",
                to="governance.decision",
            ),
        ),
        migrations.AddField(
            model_name="historicalminutes",
            name="approval_decision",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="governance.decision",
            ),
        ),
        migrations.AddField(
            model_name="minutesamendment",
            name="kind",
            field=models.CharField(
                choices=[
                    ("item", "Minutes of an item"),
                    ("attendance", "Attendance"),
                    ("decision", "Decision"),
                ],
                default="item",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="minutesamendment",
            name="agenda_item",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="amendments",
                to="governance.agendaitem",
            ),
        ),
        migrations.AddField(
            model_name="minutesamendment",
            name="person",
            field=models.ForeignKey(
                blank=True,
                help_text="For an attendance correction: whose attendance.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="governance.person",
            ),
        ),
        migrations.AddField(
            model_name="minutesamendment",
            name="decision",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="amendments",
                to="governance.decision",
            ),
        ),
        migrations.AddField(
            model_name="minutesamendment",
            name="reason",
            field=models.TextField(blank=True, help_text="Why the approved record was corrected."),
        ),
        migrations.AddConstraint(
            model_name="minutesamendment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "item"), ("agenda_item__isnull", False)),
                    models.Q(("kind", "attendance"), ("person__isnull", False)),
                    models.Q(("kind", "decision"), ("decision__isnull", False)),
                    _connector="OR",
                ),
                name="amendment_names_what_it_changes",
                violation_error_message="An amendment names the item, the person or the decision it changes.",
            ),
        ),
    ]
