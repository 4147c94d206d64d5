from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Two-factor authentication, lockout, passwords, sessions and the authentication log.

    It sits above governance: who must use a second factor depends on governance's roles
    (admins, the secretariat, the Joint Case Review group). Governance never imports it:
    ending a membership reaches it through governance.signals.membership_ended, connected here.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"

    def ready(self) -> None:
        from accounts import receivers

        receivers.connect()
