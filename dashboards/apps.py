from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    """The home page and partner dashboards, composed from each app's selectors."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "dashboards"
