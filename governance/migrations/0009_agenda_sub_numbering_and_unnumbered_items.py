from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0008_paper_received_on"),
    ]

    operations = [
        migrations.AddField(
            model_name="group",
            name="agenda_sub_numbering",
            field=models.CharField(
                choices=[("decimal", "2.1, 2.2"), ("letters", "2a, 2b (as seed 003's board minutes)")],
                default="decimal",
                help_text="Sub-items of item 2 as 2.1, 2.2 or as 2a, 2b (this product's choice per group). "
                "Agendas already numbered keep their numbers.",
                max_length=10,
                verbose_name="agenda sub-items numbered",
            ),
        ),
        migrations.AddField(
            model_name="historicalgroup",
            name="agenda_sub_numbering",
            field=models.CharField(
                choices=[("decimal", "2.1, 2.2"), ("letters", "2a, 2b (as seed 003's board minutes)")],
                default="decimal",
                help_text="Sub-items of item 2 as 2.1, 2.2 or as 2a, 2b (this product's choice per group). "
                "Agendas already numbered keep their numbers.",
                max_length=10,
                verbose_name="agenda sub-items numbered",
            ),
        ),
        migrations.AlterField(
            model_name="agendaitem",
            name="number",
            field=models.CharField(blank=True, max_length=12),
        ),
        migrations.AlterField(
            model_name="historicalagendaitem",
            name="number",
            field=models.CharField(blank=True, max_length=12),
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="numbered",
            field=models.BooleanField(default=True),
        ),
        migrations.AddField(
            model_name="historicalagendaitem",
            name="numbered",
            field=models.BooleanField(default=True),
        ),
    ]
