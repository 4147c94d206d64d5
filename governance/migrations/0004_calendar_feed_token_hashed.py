"""Calendar feed tokens stored hashed (issue 11): each existing token's SHA-256 replaces it,
so an address already in someone's calendar keeps working (the feed is found by the hash of
the token in its URL), and the database holds no usable token any more."""

import hashlib

from django.db import migrations, models


def hash_existing_tokens(apps, schema_editor):
    CalendarFeedToken = apps.get_model("governance", "CalendarFeedToken")
    for feed in CalendarFeedToken.objects.only("pk", "token").iterator():
        feed.token_hash = hashlib.sha256(feed.token.encode()).hexdigest()
        feed.save(update_fields=["token_hash"])


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0003_calendar_feed_tokens"),
    ]

    operations = [
        migrations.AddField(
            model_name="calendarfeedtoken",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        # Irreversible by nature: a hash cannot give the token back.
        migrations.RunPython(hash_existing_tokens, migrations.RunPython.noop),
        migrations.RemoveField(model_name="calendarfeedtoken", name="token"),
        migrations.AlterField(
            model_name="calendarfeedtoken",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
    ]
