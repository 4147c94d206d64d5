from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction

from notifications.models import Notification, NotificationPreference, NotificationState, ScanRun
from notifications.services import notification_resend


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Recent notifications and where their e-mail is; failed ones can be resent."""

    list_display = ["created_at", "recipient", "kind", "subject", "state", "attempts", "sent_at", "read_at"]
    list_filter = ["state", "kind", "delivery", "created_at"]
    list_select_related = ["recipient"]
    search_fields = ["subject", "recipient__name", "recipient__email", "key"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    actions = ["resend_failed"]
    fields = (
        "recipient",
        "kind",
        "key",
        "subject",
        "body",
        "url",
        "delivery",
        "state",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "next_attempt_at",
        "sent_at",
        "read_at",
        "digest",
    )
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a record of what was sent: read-only, resent only through the action

    def has_resend_permission(self, request):
        return request.user.has_perm("notifications.change_notification")

    @admin.action(description="Resend the selected failed notifications", permissions=["resend"])
    def resend_failed(self, request, queryset):
        resent, skipped = 0, 0
        for notification in queryset.select_related("recipient"):
            try:
                with transaction.atomic():
                    notification_resend(notification=notification)
                resent += 1
            except ValidationError:
                skipped += 1
        if resent:
            self.message_user(
                request, f"Queued {resent} notification{'s' if resent != 1 else ''} to send again."
            )
        if skipped:
            self.message_user(
                request,
                f"Skipped {skipped} that had not failed (or whose recipient has no e-mail address).",
                messages.WARNING,
            )

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body")

    def changelist_view(self, request, extra_context=None):
        failed = Notification.objects.filter(state=NotificationState.FAILED).count()
        if failed and "state__exact" not in request.GET:
            self.message_user(
                request,
                f"{failed} notification{'s' if failed != 1 else ''} failed to send: filter by state “Failed” "
                "and resend them once the mail server is fixed.",
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["person", "kind", "delivery"]
    list_filter = ["delivery", "kind"]
    list_select_related = ["person"]
    search_fields = ["person__name"]
    raw_id_fields = ["person"]


@admin.register(ScanRun)
class ScanRunAdmin(admin.ModelAdmin):
    list_display = ["name", "last_started_at", "last_finished_at", "last_duration_ms"]
    readonly_fields = ["name", "last_started_at", "last_finished_at", "last_duration_ms", "last_counts"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
