import copy
import datetime
import itertools

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet, construct_instance
from simple_history.admin import SimpleHistoryAdmin

from core.forms import BoundedTextMixin
from governance.models import (
    Action,
    ActionUpdate,
    Agency,
    AgendaItem,
    CalendarFeedToken,
    Decision,
    Group,
    Meeting,
    Membership,
    Minutes,
    Paper,
    Person,
)
from governance.services import structure as structure_services


class BoundedAdminForm(BoundedTextMixin, forms.ModelForm):
    """Every admin form's text is bounded as the pages' is (issue 9 point 8): a multi-line field
    takes at most FREE_TEXT_MAX_LENGTH characters, a single-line one no control characters."""


class MembershipAdminForm(BoundedAdminForm):
    """The admin keeps the rules the pages keep: `membership_validate` runs on every edit, so an
    overlapping role or a deputy without the right member is refused with a message."""

    class Meta:
        model = Membership
        fields = ["person", "group", "role", "deputy_for", "agency", "start_date", "end_date"]

    def clean(self):
        cleaned_data = super().clean()
        if any(cleaned_data.get(name) is None for name in ("person", "role", "start_date")):
            return cleaned_data  # the missing field has its own error
        membership = construct_instance(self, copy.copy(self.instance))
        try:
            structure_services.membership_validate(membership=membership)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned_data


def _dates_overlap(first: dict, second: dict) -> bool:
    def end(row: dict) -> datetime.date:
        return row.get("end_date") or datetime.date.max

    return first["start_date"] < end(second) and second["start_date"] < end(first)


class MembershipInlineFormSet(BaseInlineFormSet):
    """Each row is checked against the saved memberships by its form; rows added together are
    checked against one another here."""

    def clean(self):
        super().clean()
        rows = [
            form.cleaned_data
            for form in self.forms
            if form.has_changed()
            and not self._should_delete_form(form)
            and all(form.cleaned_data.get(name) for name in ("person", "role", "start_date"))
        ]
        for first, second in itertools.combinations(rows, 2):
            if (first["person"], first["role"]) == (second["person"], second["role"]) and _dates_overlap(
                first, second
            ):
                raise ValidationError(
                    f"{first['person']} is entered twice as {first['role']} for overlapping dates."
                )


def _save_membership(request, membership: Membership) -> None:
    membership._history_user = request.user  # as SimpleHistoryAdmin does
    structure_services.membership_save(membership=membership)


class MembershipInline(admin.TabularInline):
    model = Membership
    form = MembershipAdminForm
    formset = MembershipInlineFormSet
    fk_name = "group"
    extra = 0
    autocomplete_fields = ["person", "deputy_for", "agency"]


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    form = BoundedAdminForm
    list_display = ["name", "short_name", "sector", "statutory_role", "active"]
    list_filter = ["sector", "statutory_role", "active"]
    search_fields = ["name", "short_name"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    form = BoundedAdminForm
    list_display = ["name", "initials", "job_title", "agency", "user", "active"]
    list_filter = ["agency", "active"]
    list_select_related = ["agency", "user"]
    search_fields = ["name", "email", "job_title"]
    autocomplete_fields = ["agency", "line_manager", "user"]


@admin.register(Group)
class GroupAdmin(SimpleHistoryAdmin):
    form = BoundedAdminForm
    list_display = ["name", "short_name", "kind", "meeting_frequency", "quorum_rule", "active"]
    list_filter = ["kind", "meeting_frequency", "active"]
    search_fields = ["name", "short_name"]
    filter_horizontal = ["reports_to"]
    inlines = [MembershipInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        memberships = formset.save(commit=False)
        for membership in formset.deleted_objects:
            membership.delete()
        for membership in memberships:  # changed rows first, then new ones
            _save_membership(request, membership)
        formset.save_m2m()
        return None


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "group", "role", "agency", "start_date", "end_date"]
    list_filter = ["group", "role"]
    list_select_related = ["person", "group", "agency"]
    search_fields = ["person__name", "group__name"]
    autocomplete_fields = ["person", "group", "deputy_for", "agency"]
    form = MembershipAdminForm

    def save_model(self, request, obj, form, change):
        _save_membership(request, obj)


class AgendaItemInline(admin.TabularInline):
    form = BoundedAdminForm
    model = AgendaItem
    fk_name = "meeting"
    extra = 0
    fields = ["number", "title", "purpose", "presenter", "confidential", "standing_item"]
    readonly_fields = ["number"]
    autocomplete_fields = ["presenter"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    form = BoundedAdminForm
    list_display = ["__str__", "group", "starts_at", "status", "agenda_published_at"]
    list_filter = ["status", "group"]
    list_select_related = ["group"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["group", "chair", "minute_taker"]
    inlines = [AgendaItemInline]


@admin.register(Paper)
class PaperAdmin(SimpleHistoryAdmin):
    form = BoundedAdminForm
    list_display = ["title", "agenda_item", "author", "submitted_at", "is_late", "late_accepted_at"]
    list_filter = ["is_late"]
    list_select_related = ["agenda_item__meeting__group", "author"]
    search_fields = ["title", "original_name"]
    raw_id_fields = ["agenda_item", "author", "submitted_by", "late_accepted_by"]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    form = BoundedAdminForm
    list_display = ["__str__", "agenda_item", "taken_quorate", "needs_ratification", "ratified_on"]
    list_filter = ["taken_quorate", "needs_ratification"]
    raw_id_fields = ["agenda_item", "ratified_at_item", "recorded_by"]


@admin.register(Minutes)
class MinutesAdmin(SimpleHistoryAdmin):
    form = BoundedAdminForm
    list_display = ["__str__", "status", "circulated_at", "approved_on", "published_at"]
    list_filter = ["status"]
    raw_id_fields = ["meeting", "approved_at_item"]


class ActionUpdateInline(admin.TabularInline):
    form = BoundedAdminForm
    model = ActionUpdate
    extra = 0
    fields = ("created_at", "author", "text", "new_status", "revised_due_date", "revision_reason")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # updates are posted in the app, through the service


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    form = BoundedAdminForm
    list_display = ["number", "group", "reference", "status", "due_date"]
    list_filter = ["status", "source", "group"]
    list_select_related = ["group"]
    search_fields = ["description", "reference"]
    raw_id_fields = ["origin_meeting", "origin_item", "lead_agency", "created_by"]
    autocomplete_fields = ["owners"]
    inlines = [ActionUpdateInline]

    def has_add_permission(self, request):
        return False  # numbers come from the service, which locks the group's sequence


@admin.register(CalendarFeedToken)
class CalendarFeedTokenAdmin(admin.ModelAdmin):
    form = BoundedAdminForm
    list_display = ["__str__", "person", "group", "created_at", "revoked_at"]
    raw_id_fields = ["person", "group"]
    readonly_fields = ["token_hash"]

    def has_add_permission(self, request):
        return False  # an address is made on the calendar page, where its token is shown once
