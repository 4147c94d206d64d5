from django.apps import AppConfig


class TrainingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "training"

    def ready(self):
        from training import permissions, tasks  # noqa: F401  registers the rules and the e-mail task
        from training.scans import register_scans

        register_scans()
