"""The planning app's forms: crispy, with bounded text (core.forms)."""

import datetime

from django import forms
from django.urls import reverse

from core.forms import CrispyForm, CrispyModelForm, DateInput
from governance.forms.fields import PeopleChoiceField, active_people
from governance.forms.typeahead import typeahead
from governance.models import Group, GroupKind, Person, SafeguardingPartnerRole
from planning.choices import ProgressRag
from planning.models import BudgetLine, Contribution, Risk, ScrutinyPlan, ScrutinyReport
from planning.seed_plan import SEED_PRIORITIES, SEED_WORKSTREAMS


def active_groups():
    return Group.objects.active().order_by("name")


class PlanForm(CrispyForm):
    submit_label = "Create the plan"

    title = forms.CharField(max_length=200, initial="Business plan")
    starts_on = forms.DateField(widget=DateInput())
    ends_on = forms.DateField(widget=DateInput())
    priorities = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One strategic priority a line, in the order of the plan's columns.",
        initial="\n".join(title for title, _, _ in SEED_PRIORITIES),
    )
    workstreams = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One workstream a line, in the order of the plan's rows.",
        initial="\n".join(title for title, _ in SEED_WORKSTREAMS),
    )

    @staticmethod
    def _lines(value: str) -> list[str]:
        return [line.strip() for line in value.splitlines() if line.strip()]

    def clean_priorities(self):
        lines = self._lines(self.cleaned_data["priorities"])
        if len(lines) > 12 or any(len(line) > 200 for line in lines):
            raise forms.ValidationError("At most 12 priorities of up to 200 characters each.")
        return lines

    def clean_workstreams(self):
        lines = self._lines(self.cleaned_data["workstreams"])
        if len(lines) > 12 or any(len(line) > 200 for line in lines):
            raise forms.ValidationError("At most 12 workstreams of up to 200 characters each.")
        return lines


class PlanEditForm(CrispyForm):
    submit_label = "Save the plan"

    title = forms.CharField(max_length=200)
    starts_on = forms.DateField(widget=DateInput())
    ends_on = forms.DateField(widget=DateInput())
    introduction = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)


class PriorityForm(CrispyForm):
    submit_label = "Save the priority"

    title = forms.CharField(max_length=200, help_text="The column's heading: 'Neglect'.")
    aim = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    key_outcomes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), required=False, help_text="One outcome a line."
    )


class WorkstreamForm(CrispyForm):
    submit_label = "Save the workstream"

    title = forms.CharField(max_length=200)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ProgressForm(CrispyForm):
    submit_label = "Record progress"

    rag = forms.ChoiceField(label="Progress RAG", choices=ProgressRag.choices, widget=forms.RadioSelect)
    judged_on = forms.DateField(label="Judged on", widget=DateInput())
    commentary = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))


class ObjectiveForm(CrispyForm):
    submit_label = "Save the objective"

    text = forms.CharField(label="Objective", widget=forms.Textarea(attrs={"rows": 3}))
    owning_group = forms.ModelChoiceField(queryset=Group.objects.none(), label="Owning subgroup")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owning_group"].queryset = active_groups()


class CellOwnerForm(CrispyForm):
    submit_label = "Save"

    owning_group = forms.ModelChoiceField(
        queryset=Group.objects.none(), required=False, label="Owning subgroup (leads and judges this cell)"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owning_group"].queryset = active_groups()


class SourceActionForm(CrispyForm):
    """An action from a plan objective or a scrutiny report, for the one action log."""

    submit_label = "Record action"

    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    owners = PeopleChoiceField(queryset=Person.objects.none())
    due_date = forms.DateField(widget=DateInput(), required=False)

    def __init__(self, *args, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        typeahead(self, "owners", active_people(), url=reverse("governance:active_person_lookup"))
        if groups is not None:
            self.fields["group"] = forms.ModelChoiceField(queryset=groups, label="In the action log of")
            self.order_fields(["group", "description", "owners", "due_date"])


class EscalationForm(CrispyForm):
    submit_label = "Escalate to the board"

    from_group = forms.ModelChoiceField(queryset=Group.objects.none(), label="Escalated by (subgroup)")
    to_group = forms.ModelChoiceField(queryset=Group.objects.none(), label="To")
    title = forms.CharField(label="What is escalated", max_length=200)
    why = forms.CharField(label="Why it is escalated", widget=forms.Textarea(attrs={"rows": 3}))
    risk = forms.CharField(label="The risk if nothing is done", widget=forms.Textarea(attrs={"rows": 3}))
    tried = forms.CharField(label="What has been tried", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, from_group_ids=None, **kwargs):
        super().__init__(*args, **kwargs)
        groups = active_groups().exclude(kind=GroupKind.BOARD)
        if from_group_ids is not None:
            groups = groups.filter(pk__in=from_group_ids)
        self.fields["from_group"].queryset = groups
        boards = active_groups().filter(kind=GroupKind.BOARD)
        self.fields["to_group"].queryset = boards
        if not boards:
            self.fields["to_group"].help_text = (
                "No active group is marked as the board yet: an administrator marks it on the "
                "Structure pages."
            )
        if len(boards) == 1:
            self.fields["to_group"].initial = boards[0].pk


class EscalationResponseForm(CrispyForm):
    submit_label = "Record the response"

    response = forms.CharField(label="The board's response", widget=forms.Textarea(attrs={"rows": 4}))
    responded_on = forms.DateField(widget=DateInput(), initial=datetime.date.today)


class EscalationCloseForm(CrispyForm):
    submit_label = "Close with this outcome"

    outcome = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))
    closed_on = forms.DateField(widget=DateInput(), initial=datetime.date.today)


class RiskForm(CrispyModelForm):
    submit_label = "Save the risk"

    class Meta:
        model = Risk
        fields = [
            "title",
            "description",
            "owner",
            "likelihood",
            "impact",
            "controls",
            "residual_likelihood",
            "residual_impact",
            "review_date",
            "escalated_from",
            "escalation",
            "status",
        ]
        widgets = {"review_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        typeahead(self, "owner", active_people(), url=reverse("governance:active_person_lookup"))
        self.fields["escalated_from"].queryset = active_groups()
        self.fields["escalation"].queryset = self.fields["escalation"].queryset.select_related("from_group")
        for name in ("likelihood", "impact", "residual_likelihood", "residual_impact"):
            self.fields[name].widget = forms.Select(choices=[(n, str(n)) for n in range(1, 6)])


class ScrutinyPlanForm(CrispyModelForm):
    submit_label = "Save the plan"

    class Meta:
        model = ScrutinyPlan
        fields = ["year", "scrutineer", "scope"]
        labels = {"year": "Financial year starting (e.g. 2025 for 2025-26)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        typeahead(self, "scrutineer", active_people(), url=reverse("governance:active_person_lookup"))


class ScrutinyAgreeForm(CrispyForm):
    submit_label = "Record the agreement"

    agreed_by = PeopleChoiceField(
        queryset=Person.objects.none(),
        label="Agreed by (Lead Safeguarding Partners)",
        widget=forms.CheckboxSelectMultiple,
    )
    agreed_on = forms.DateField(widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreed_by"].queryset = active_people().filter(
            safeguarding_partner_role=SafeguardingPartnerRole.LEAD
        )


class ScrutinyReportForm(CrispyModelForm):
    submit_label = "Add the report"

    class Meta:
        model = ScrutinyReport
        fields = ["title", "presented_on", "file"]
        widgets = {"presented_on": DateInput()}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and getattr(upload, "size", 0) > 20 * 1024 * 1024:
            raise forms.ValidationError("The file is larger than 20 MB.")
        if upload and not upload.name.lower().endswith((".pdf", ".docx", ".odt")):
            raise forms.ValidationError("Upload the report as PDF, Word (.docx) or OpenDocument (.odt).")
        return upload


class ScrutinyResponseForm(CrispyForm):
    submit_label = "Record the response"

    response = forms.CharField(label="The partners' response", widget=forms.Textarea(attrs={"rows": 4}))
    responded_on = forms.DateField(widget=DateInput())


class ContributionForm(CrispyModelForm):
    submit_label = "Save the contribution"

    class Meta:
        model = Contribution
        fields = ["year", "agency", "kind", "amount", "description", "agreed_on"]
        labels = {"year": "Financial year starting (e.g. 2025 for 2025-26)"}
        widgets = {"agreed_on": DateInput()}


class BudgetLineForm(CrispyModelForm):
    submit_label = "Save the budget line"

    class Meta:
        model = BudgetLine
        fields = ["year", "title", "budget"]
        labels = {"year": "Financial year starting (e.g. 2025 for 2025-26)"}


class SpendForm(CrispyForm):
    submit_label = "Record the spend"

    quarter = forms.TypedChoiceField(
        coerce=int,
        choices=[
            (1, "Q1 April-June"),
            (2, "Q2 July-September"),
            (3, "Q3 October-December"),
            (4, "Q4 January-March"),
        ],
    )
    amount = forms.DecimalField(
        label="Spent in the quarter (£)", min_value=0, max_digits=12, decimal_places=2
    )
