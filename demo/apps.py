from django.apps import AppConfig


class DemoConfig(AppConfig):
    """`manage.py load_demo` and the scenario data for every app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
