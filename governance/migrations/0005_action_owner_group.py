import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0004_calendar_feed_token_hashed"),
    ]

    operations = [
        migrations.AlterField(
            model_name="action",
            name="owners",
            field=models.ManyToManyField(blank=True, related_name="actions_owned", to="governance.person"),
        ),
        migrations.AddField(
            model_name="action",
            name="owner_group",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="actions_owned_as_group",
                to="governance.group",
            ),
        ),
        migrations.AddField(
            model_name="historicalaction",
            name="owner_group",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="governance.group",
            ),
        ),
    ]
