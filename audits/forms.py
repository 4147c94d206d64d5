"""The audits app's forms, on core.forms (bounded text, one submit button)."""

import datetime
from typing import Any

from django import forms
from django.urls import reverse

from audits import rules
from audits.choices import AssessmentKind, CycleFrequency, RatingScale
from audits.models import (
    AssessmentCycle,
    AuditGrade,
    AuditProgramme,
    CaseAudit,
    ChallengeSession,
    Indicator,
    SingleAgencyAudit,
)
from core.forms import BoundedTextMixin, CrispyForm, CrispyModelForm, DateInput, submit_helper
from governance.forms.fields import active_people
from governance.forms.typeahead import MEETING, typeahead
from governance.models import Agency, Group, Meeting, Person


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m", **kwargs)


class MonthField(forms.DateField):
    """A month, as the browser's month picker writes it (2025-06), stored as its first day."""

    widget = MonthInput
    input_formats = ["%Y-%m", "%Y-%m-%d"]


def _field(form: forms.BaseForm, name: str) -> Any:
    """A field whose queryset, choices or labels are set late (django-stubs types it as Field)."""
    return form.fields[name]


def _groups():
    return Group.objects.filter(active=True).order_by("name")


def _agencies():
    return Agency.objects.active().order_by("name")


# What the type-ahead fields over meetings and people choose from (issue 16); the endpoints in
# views answer from the same querysets.
def group_meetings(group: Group):
    return Meeting.objects.filter(group=group).select_related("group")


def moderation_meetings(audit: CaseAudit):
    return Meeting.objects.filter(group_id=audit.programme.group_id).select_related("group")


def agency_people(agency: Agency):
    """A section 11 lead: someone active of the agency assessed."""
    return active_people().filter(agency=agency)


class ProgrammeForm(CrispyModelForm):
    submit_label = "Create the programme"

    class Meta:
        model = AuditProgramme
        fields = ["group", "year", "notes"]
        labels = {"group": "Owning group", "year": "Financial year starting in"}
        help_texts = {"year": "2025 for 2025/26 (April to March)."}
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _field(self, "group").queryset = _groups()
        self.fields["year"].min_value = 2000
        self.fields["year"].max_value = 2100


class AuditPlanForm(CrispyModelForm):
    submit_label = "Add to the programme"
    target_month = MonthField(help_text="The month the audit is due to report.")

    class Meta:
        model = CaseAudit
        fields = ["theme", "reason", "reason_detail", "target_month", "lead", "lines_of_enquiry"]
        widgets = {
            "reason_detail": forms.Textarea(attrs={"rows": 2}),
            "lines_of_enquiry": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        typeahead(self, "lead", active_people(), url=reverse("governance:active_person_lookup"))


class AuditForm(CrispyModelForm):
    """The audit's plan, sample, moderation meeting and overall findings."""

    submit_label = "Save the audit"
    target_month = MonthField()

    class Meta:
        model = CaseAudit
        fields = [
            "theme",
            "reason",
            "reason_detail",
            "target_month",
            "lead",
            "status",
            "lines_of_enquiry",
            "sample_references",
            "moderation_meeting",
            "strengths",
            "areas_for_improvement",
            "voice_of_child",
            "voice_of_child_how",
            "grade",
        ]
        widgets = {
            field: forms.Textarea(attrs={"rows": 3})
            for field in (
                "reason_detail",
                "lines_of_enquiry",
                "sample_references",
                "strengths",
                "areas_for_improvement",
                "voice_of_child_how",
            )
        }
        labels = {"moderation_meeting": "Multi-agency moderation meeting"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        audit = self.instance
        typeahead(self, "lead", active_people(), url=reverse("governance:active_person_lookup"))
        _field(self, "grade").queryset = AuditGrade.objects.filter(active=True)
        typeahead(
            self,
            "moderation_meeting",
            moderation_meetings(audit),
            url=reverse("audits:audit_meeting_lookup", args=[audit.pk]),
            kind=MEETING,
        )
        self.fields[
            "status"
        ].help_text = "Completing it needs its findings, the voice of the child and a grade."


class ReturnRequestForm(CrispyForm):
    submit_label = "Request the return"
    agency = forms.ModelChoiceField(queryset=Agency.objects.none())
    contact = forms.ModelChoiceField(
        queryset=Person.objects.none(), required=False, help_text="Who is reminded and chased."
    )
    requested_on = forms.DateField(widget=DateInput())
    due_on = forms.DateField(widget=DateInput(), label="Due on")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _field(self, "agency").queryset = _agencies()
        typeahead(self, "contact", active_people(), url=reverse("governance:active_person_lookup"))


class ReturnRecordForm(CrispyForm):
    submit_label = "Save the return"
    received_on = forms.DateField(
        widget=DateInput(), required=False, help_text="Leave blank until it arrives."
    )
    findings = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)


class RecommendationForm(BoundedTextMixin, forms.Form):
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 3}))
    owners = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(),
        help_text="Who owns the action: type part of a name, as many as needed.",
    )
    lead_agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False)
    due_date = forms.DateField(widget=DateInput(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        typeahead(self, "owners", active_people(), url=reverse("governance:active_person_lookup"))
        _field(self, "lead_agency").queryset = _agencies()
        self.helper = submit_helper("Raise the recommendation")


class ReportForm(CrispyForm):
    submit_label = "Attach the report"
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), label="Meeting of the group")
    title = forms.CharField(max_length=300, required=False)
    file = forms.FileField(help_text="PDF, Word, Excel or PowerPoint, without macros.")

    def __init__(self, *args, group: Group, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        _field(self, "meeting").queryset = Meeting.objects.filter(
            group=group, starts_at__date__gte=today, status="scheduled"
        ).select_related("group")
        _field(self, "meeting").label_from_instance = lambda meeting: (
            f"{meeting.group.label}, {meeting.local_date:%-d %b %Y}"
        )


class ReauditForm(CrispyForm):
    submit_label = "Schedule the re-audit"
    target_month = MonthField(help_text="When the re-audit is due to report.")
    lead = forms.ModelChoiceField(queryset=Person.objects.none(), required=False)
    reason_detail = forms.CharField(
        label="What it tests", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        typeahead(self, "lead", active_people(), url=reverse("governance:active_person_lookup"))


# Section 11 -------------------------------------------------------------------------


class CycleForm(CrispyForm):
    submit_label = "Open the cycle"
    kind = forms.ChoiceField(choices=AssessmentKind.choices)
    name = forms.CharField(max_length=200, help_text="Such as 'Section 11 self-assessment 2025'.")
    frequency = forms.ChoiceField(choices=CycleFrequency.choices)
    rating_scale = forms.ChoiceField(choices=RatingScale.choices)
    group = forms.ModelChoiceField(queryset=Group.objects.none(), label="Moderating group")
    opens_on = forms.DateField(widget=DateInput())
    due_on = forms.DateField(
        widget=DateInput(), help_text="Returns not submitted by then are reminded weekly."
    )
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Each agency's last answers of this kind are carried forward for it to confirm or change.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _field(self, "group").queryset = _groups()
        _field(self, "agencies").queryset = _agencies()

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("due_on") and data["due_on"] <= data["opens_on"]:
            self.add_error("due_on", "The due date comes after the cycle opens.")
        return data


class AnswerForm(BoundedTextMixin, forms.Form):
    """One standard's answer, in the self-assessment's form (prefix: the answer's id)."""

    rating = forms.ChoiceField(label="Self-rating", required=False)
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    action_plan = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, scale: str, **kwargs):
        super().__init__(*args, **kwargs)
        _field(self, "rating").choices = [("", "Not yet rated")] + [
            (value, label) for value, label, *_ in AssessmentCycle(rating_scale=scale).ratings
        ]


class ModerationForm(BoundedTextMixin, forms.Form):
    moderated_rating = forms.ChoiceField(label="Moderated rating")
    comments = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, scale: str, **kwargs):
        super().__init__(*args, **kwargs)
        _field(self, "moderated_rating").choices = [("", "Choose")] + [
            (value, label) for value, label, *_ in AssessmentCycle(rating_scale=scale).ratings
        ]


class EvidenceForm(CrispyForm):
    submit_label = "Upload"
    file = forms.FileField(label="Evidence file", help_text="PDF, Word, Excel or PowerPoint, without macros.")


class LeadForm(CrispyForm):
    submit_label = "Save the lead"
    lead = forms.ModelChoiceField(queryset=Person.objects.none(), required=False, label="Section 11 lead")

    def __init__(self, *args, agency: Agency, lookup_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        typeahead(self, "lead", agency_people(agency), url=lookup_url)


class ChallengeForm(CrispyModelForm):
    submit_label = "Record the session"

    class Meta:
        model = ChallengeSession
        fields = ["held_on", "meeting", "challenge", "response"]
        widgets = {
            "held_on": DateInput(),
            "challenge": forms.Textarea(attrs={"rows": 3}),
            "response": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, group: Group, lookup_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        typeahead(self, "meeting", group_meetings(group), url=lookup_url, kind=MEETING)


# Single-agency audits -----------------------------------------------------------------


class SingleAuditForm(CrispyModelForm):
    submit_label = "Submit the summary"

    class Meta:
        model = SingleAgencyAudit
        fields = ["agency", "group", "topic", "audit_date", "findings", "issues_to_escalate"]
        labels = {"group": "Reviewed by", "audit_date": "Date of the audit"}
        widgets = {
            "audit_date": DateInput(),
            "findings": forms.Textarea(attrs={"rows": 4}),
            "issues_to_escalate": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, agency_id: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = _agencies()
        if agency_id is not None:  # an agency's people submit their own agency's audits only
            agencies = agencies.filter(pk=agency_id)
            self.fields["agency"].initial = agency_id
        _field(self, "agency").queryset = agencies
        _field(self, "group").queryset = _groups()
        quality = _groups().filter(name__icontains="quality").first()
        if quality is not None:
            self.fields["group"].initial = quality.pk


class SingleReviewForm(CrispyForm):
    submit_label = "Record the review"
    review_comments = forms.CharField(label="The group's review", widget=forms.Textarea(attrs={"rows": 3}))
    challenge = forms.CharField(
        label="Challenge to the agency", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class EscalateForm(RecommendationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = "The action"
        del self.fields["lead_agency"]
        self.helper = submit_helper("Escalate as an action")


# The scorecard ------------------------------------------------------------------------


class IndicatorForm(CrispyModelForm):
    submit_label = "Save the indicator"

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "definition",
            "unit",
            "polarity",
            "target",
            "green_threshold",
            "red_threshold",
            "active",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "green_threshold": (
                "Green at or beyond this value (above it when higher is better, below it when lower is)."
            ),
            "red_threshold": (
                "Red beyond this value: below it when higher is better, above it when lower is better."
            ),
        }


class ValueForm(CrispyForm):
    submit_label = "Save the value"
    quarter = forms.CharField(max_length=20, help_text="As 2019/20 Q2 (financial year; Q1 is April to June).")
    value = forms.DecimalField(max_digits=12, decimal_places=2)
    commentary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean_quarter(self):
        try:
            return rules.parse_quarter(self.cleaned_data["quarter"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


class ImportForm(CrispyForm):
    submit_label = "Import"
    file = forms.FileField(
        help_text="An Excel (.xlsx) or CSV file with the columns indicator, quarter, value, commentary."
    )
