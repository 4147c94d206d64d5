from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Data protection across the apps (UK GDPR): subject access exports and anonymising a
    person who leaves. It reads every domain app, so it sits above them in the import layers."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy"
    verbose_name = "Data protection"
