from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0007_amendments_and_approval_decision"),
    ]

    operations = [
        migrations.AddField(
            model_name="paper",
            name="received_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="historicalpaper",
            name="received_on",
            field=models.DateField(blank=True, null=True),
        ),
    ]
