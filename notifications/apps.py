from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """The notification mechanism: apps register their kinds and scans with it in their ready()."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        # Registers the Celery tasks, which the service queues by name.
        from notifications import tasks  # noqa: F401
