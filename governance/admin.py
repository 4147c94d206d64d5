from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.models import Agency, Group, Membership, Person


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "group"
    extra = 0
    autocomplete_fields = ["person", "deputy_for", "agency"]


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "sector", "statutory_role", "active"]
    list_filter = ["sector", "statutory_role", "active"]
    search_fields = ["name", "short_name"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "initials", "job_title", "agency", "user", "active"]
    list_filter = ["agency", "active"]
    list_select_related = ["agency", "user"]
    search_fields = ["name", "email", "job_title"]
    autocomplete_fields = ["agency", "line_manager", "user"]


@admin.register(Group)
class GroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "meeting_frequency", "quorum_rule", "active"]
    list_filter = ["kind", "meeting_frequency", "active"]
    search_fields = ["name", "short_name"]
    filter_horizontal = ["reports_to"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "group", "role", "agency", "start_date", "end_date"]
    list_filter = ["group", "role"]
    list_select_related = ["person", "group", "agency"]
    search_fields = ["person__name", "group__name"]
    autocomplete_fields = ["person", "group", "deputy_for", "agency"]
