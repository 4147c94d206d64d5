from django.apps import AppConfig


class HscpConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "hscp"
    verbose_name = "HSCP Governance"
