# Who counts towards quoracy is a rule of the group (blank: the partnership's default), and an
# attendance line not yet marked is its own state ("not yet recorded").

from django.db import migrations, models

STATUS_CHOICES = [
    ("present", "Present"),
    ("in_attendance", "In attendance"),
    ("apologies", "Apologies"),
    ("deputy", "Deputy (attending for a member)"),
    ("absent", "Absent without apologies"),
    ("not_recorded", "Not yet recorded"),
]
COUNTING_CHOICES = [
    (
        "members_and_deputies",
        "Current members from the partner agency, or a deputy registered for one of them",
    ),
    ("anyone_from_partner", "Anyone present from the partner agency"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0009_agenda_sub_numbering_and_unnumbered_items"),
    ]

    operations = [
        migrations.AddField(
            model_name="group",
            name="quorum_counting",
            field=models.CharField(
                blank=True,
                choices=COUNTING_CHOICES,
                help_text="Blank: the partnership's default, set on the settings page.",
                max_length=30,
                verbose_name="who counts towards quoracy",
            ),
        ),
        migrations.AddField(
            model_name="historicalgroup",
            name="quorum_counting",
            field=models.CharField(
                blank=True,
                choices=COUNTING_CHOICES,
                help_text="Blank: the partnership's default, set on the settings page.",
                max_length=30,
                verbose_name="who counts towards quoracy",
            ),
        ),
        migrations.AlterField(
            model_name="attendance",
            name="status",
            field=models.CharField(choices=STATUS_CHOICES, max_length=20),
        ),
        migrations.AlterField(
            model_name="historicalattendance",
            name="status",
            field=models.CharField(choices=STATUS_CHOICES, max_length=20),
        ),
    ]
