from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared kernel: working days, PDFs, exports, form and view helpers. Imports no project app."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Partnership calendar and shared tools"

    def ready(self):
        from core.page_cache import connect_write_watcher
        from core.partnership import connect_request_signals

        connect_request_signals()
        connect_write_watcher()
