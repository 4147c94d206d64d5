"""The audits app's configuration in the admin: the standards agencies rate themselves against
(section 11 and section 175) and the grades audits are given. Everything else has its pages."""

from django import forms
from django.contrib import admin

from audits.models import AuditGrade, Standard
from core.forms import BoundedTextMixin


class BoundedAdminForm(BoundedTextMixin, forms.ModelForm):
    """Bounded text, as the pages' forms (10,000 characters; one line without control characters)."""


@admin.register(Standard)
class StandardAdmin(admin.ModelAdmin):
    form = BoundedAdminForm
    list_display = ["kind", "number", "title", "active"]
    list_filter = ["kind", "active"]
    ordering = ["kind", "number"]


@admin.register(AuditGrade)
class AuditGradeAdmin(admin.ModelAdmin):
    form = BoundedAdminForm
    list_display = ["rank", "name", "active"]
    ordering = ["rank"]
