"""Forms of the reporting pages (core.forms: bounded text, one submit button)."""

import datetime

from django import forms

from core.forms import CrispyForm, CrispyModelForm, DateInput
from reporting.models import HighlightReport, YearlyReport
from reporting.periods import PUBLICATION_MONTHS, last_finished_quarter, recent_quarters
from reporting.services.yearly import NARRATIVE_FIELDS


class HighlightStartForm(CrispyForm):
    submit_label = "Draft the report from the records"

    group: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=None, empty_label=None, help_text="A subgroup of the board."
    )
    quarter = forms.TypedChoiceField(
        coerce=datetime.date.fromisoformat, help_text="Quarters of the financial year (April to June is Q1)."
    )
    include_training = forms.BooleanField(
        label="Include the partnership's training figures",
        required=False,
        help_text="For the group that oversees multi-agency training (the Development & Practice Group).",
    )

    def __init__(self, *args, groups, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        group_field = self.fields["group"]
        quarter_field = self.fields["quarter"]
        assert isinstance(group_field, forms.ModelChoiceField)
        assert isinstance(quarter_field, forms.ChoiceField)
        group_field.queryset = groups
        quarter_field.choices = [
            (quarter.start.isoformat(), quarter.label) for quarter in recent_quarters(today)
        ]
        quarter_field.initial = last_finished_quarter(today).start.isoformat()


NARRATIVE_WIDGET = forms.Textarea(attrs={"rows": 6})


class HighlightNarrativeForm(CrispyModelForm):
    submit_label = "Save the narrative"

    class Meta:
        model = HighlightReport
        fields = ["achievements", "concerns", "asks_of_board"]
        widgets = {name: NARRATIVE_WIDGET for name in fields}
        help_texts = {
            "achievements": "What the group did and what changed for children in the quarter.",
            "concerns": "What worries the group: risks, gaps, agencies not engaging.",
            "asks_of_board": "Decisions, support or escalation the group needs from the board.",
        }


class YearlyStartForm(CrispyForm):
    submit_label = "Assemble the draft from the records"

    period_start = forms.DateField(
        label="The year starts on", widget=DateInput(), help_text="The first day of a month, such as 1 April."
    )
    publication_months = forms.IntegerField(
        label="Publish within (months after the year)",
        min_value=1,
        max_value=12,
        initial=PUBLICATION_MONTHS,
        help_text="Statutory guidance: 3 months after the end of the 12-month period.",
    )

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        year = today.year if today.month >= 4 else today.year - 1
        self.fields["period_start"].initial = datetime.date(year - 1, 4, 1)


class YearlyNarrativeForm(CrispyModelForm):
    submit_label = "Save the sections"

    class Meta:
        model = YearlyReport
        fields = list(NARRATIVE_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in NARRATIVE_FIELDS}


class PublishForm(CrispyForm):
    submit_label = "Record the publication"

    published_on = forms.DateField(label="Published on", widget=DateInput())
