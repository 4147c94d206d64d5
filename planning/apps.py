"""The business plan, escalations and challenge, the risk register, independent scrutiny and the
budget (issue 15)."""

from django.apps import AppConfig


class PlanningConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "planning"

    def ready(self):
        from planning import permissions  # noqa: F401  registers the rules
        from planning.notifications import register_kinds
        from planning.scans import register_scans

        # The risk review reminder and its scan, with the notification mechanism.
        register_kinds()
        register_scans()
