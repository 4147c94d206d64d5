from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "governance"

    def ready(self):
        from governance import permissions  # noqa: F401  registers the rules
        from governance.notifications import register_kinds
        from governance.scans import register_scans

        # Governance's kinds of notification and its reminder scans, with the mechanism.
        register_kinds()
        register_scans()
