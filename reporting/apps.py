from django.apps import AppConfig


class ReportingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reporting"
    verbose_name = "Reports"

    def ready(self):
        from reporting import permissions  # noqa: F401  registers the rules
        from reporting.notifications import register_kinds
        from reporting.scans import register_scans

        register_kinds()
        register_scans()
