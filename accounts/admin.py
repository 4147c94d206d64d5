from django.contrib import admin

from accounts.models import AuthEvent, UserSession


@admin.register(AuthEvent)
class AuthEventAdmin(admin.ModelAdmin):
    """Read only: the log is written by the accounts services, never edited."""

    list_display = ("at", "kind", "username", "ip_address", "detail", "by")
    list_filter = ("kind",)
    search_fields = ("username", "ip_address")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(UserSession)
class UserSessionAdmin(admin.ModelAdmin):
    list_display = ("user", "started_at", "last_seen_at", "ip_address", "user_agent")
    search_fields = ("user__username",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
