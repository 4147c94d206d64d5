"""The partnership's settings page and its closure days (admins only)."""

from django import forms

from core.forms import CrispyForm, CrispyModelForm, DateInput
from core.models import PartnershipSettings
from core.partnership import EDITABLE_FIELDS


class PartnershipSettingsForm(CrispyModelForm):
    submit_label = "Save settings"

    class Meta:
        model = PartnershipSettings
        fields = list(EDITABLE_FIELDS)


class ClosureDayForm(CrispyForm):
    submit_label = "Add closure day"

    date = forms.DateField(widget=DateInput())
    reason = forms.CharField(max_length=200, help_text="As staff will see it, e.g. “Christmas closure”.")
