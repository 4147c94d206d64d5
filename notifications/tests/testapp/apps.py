from django.apps import AppConfig


class TestAppConfig(AppConfig):
    name = "notifications.tests.testapp"
    label = "notifications_testapp"

    def ready(self):
        from notifications.tests.testapp.notifications import register

        register()
