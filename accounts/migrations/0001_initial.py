import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AuthEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("login", "Logged in (password)"),
                            ("login_failed", "Login failed"),
                            ("locked_out", "Locked out"),
                            ("unlocked", "Unlocked by an admin"),
                            ("logout", "Logged out"),
                            ("otp_passed", "Second factor passed"),
                            ("otp_failed", "Second factor failed"),
                            ("recovery_code_used", "Recovery code used"),
                            ("2fa_set_up", "Two-factor authentication set up"),
                            ("2fa_reset", "Two-factor authentication reset"),
                            ("recovery_codes_renewed", "Recovery codes renewed"),
                            ("password_changed", "Password changed"),
                            ("password_reset_requested", "Password reset requested"),
                            ("password_reset", "Password reset by e-mail"),
                            ("sessions_ended", "Sessions ended"),
                            ("session_expired", "Session expired"),
                        ],
                        max_length=32,
                    ),
                ),
                ("at", models.DateTimeField(db_index=True)),
                ("username", models.CharField(blank=True, max_length=150)),
                ("ip_address", models.GenericIPAddressField(blank=True, null=True)),
                ("user_agent", models.CharField(blank=True, max_length=300)),
                ("detail", models.CharField(blank=True, max_length=300)),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        help_text="The admin who did it, when it was not the account's own holder.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="auth_events",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-at", "-pk"],
                "indexes": [
                    models.Index(fields=["user", "-at"], name="accounts_au_user_id_8c6a1e_idx"),
                    models.Index(fields=["kind", "-at"], name="accounts_au_kind_3b1f0d_idx"),
                ],
            },
        ),
        migrations.CreateModel(
            name="UserSession",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("session_key", models.CharField(max_length=40, unique=True)),
                ("user_agent", models.CharField(blank=True, max_length=300)),
                ("ip_address", models.GenericIPAddressField(blank=True, null=True)),
                ("started_at", models.DateTimeField()),
                ("last_seen_at", models.DateTimeField()),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="login_sessions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-last_seen_at", "-pk"],
                "indexes": [models.Index(fields=["user", "-last_seen_at"], name="accounts_us_user_id_5d2c7b_idx")],
            },
        ),
    ]
