from django.apps import AppConfig


class AuditsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "audits"

    def ready(self):
        from audits import permissions  # noqa: F401  registers the rules
        from audits.notifications import register_kinds
        from audits.scans import register_scans

        register_kinds()
        register_scans()
