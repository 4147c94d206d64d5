"""The partner dashboard's filters (period and group) and those of the records behind a figure.
Read from the query string: a bad value is an error on the form and the default is used."""

from django import forms

from core.forms import CrispyForm
from dashboards import rules
from dashboards.selectors.partner import NO_AGENCY
from governance.models import ActionStatus, Agency, Group

PERIOD_CHOICES = [(str(months), f"Last {months} months") for months in rules.PERIOD_MONTHS]


class DashboardFilterForm(CrispyForm):
    submit_label = "Show"

    period = forms.TypedChoiceField(
        choices=PERIOD_CHOICES, coerce=int, initial=rules.DEFAULT_PERIOD_MONTHS, required=False
    )
    group = forms.ModelChoiceField(queryset=Group.objects.none(), required=False, empty_label="All groups")

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.helper.form_method = "get"
        self.helper.form_class = "row row-cols-sm-auto g-2 align-items-end"

    def chosen(self) -> tuple[int, Group | None]:
        """The period in months and the group, the defaults where a value was bad."""
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("period") or rules.DEFAULT_PERIOD_MONTHS, data.get("group")


def _agency_value(value: str) -> str:
    if value in ("", NO_AGENCY):
        return value
    if not value.isdigit():
        raise forms.ValidationError("Choose an agency from the dashboard.")
    return value


class ActionsBehindForm(DashboardFilterForm):
    agency = forms.CharField(required=False, max_length=12)
    status = forms.ChoiceField(choices=[("", "Any"), *ActionStatus.choices], required=False)
    overdue = forms.BooleanField(required=False, label="Overdue now")
    overdue_on = forms.DateField(required=False, label="Overdue at the end of")

    def clean_agency(self):
        return _agency_value(self.cleaned_data.get("agency", ""))


class AttendanceBehindForm(DashboardFilterForm):
    agency = forms.ModelChoiceField(queryset=Agency.objects.order_by("name"), empty_label=None)
