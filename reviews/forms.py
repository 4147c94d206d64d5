"""The case review forms: bounded text (core.forms), dates with the browser's picker, people
labelled as governance labels them."""

from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from core.forms import CrispyForm, CrispyModelForm, DateInput, bound_text_fields
from governance.choices import PAPERLESS_STANDING_ITEMS, MeetingStatus
from governance.forms.fields import PeopleChoiceField, PersonChoiceField, active_people
from governance.forms.typeahead import MEETING, USER, TypeaheadChoiceField, typeahead
from governance.models import Agency, AgendaItem, GroupKind, Meeting, Person
from governance.permissions import SECRETARIAT_GROUP
from reviews.choices import AdultDecision, Harm, MilestoneKind, Recommendation, RequestStatus, ReviewType
from reviews.models import CaseReview, ClockRule, Theme
from reviews.permissions import case_review_group_short_name
from reviews.services import EDITABLE_FIELDS, MAX_CHILDREN

SECTION_FIELDS = {
    "notification": (
        "awareness_date",
        "abuse_or_neglect",
        "harm",
        "panel_notified_on",
        "agencies",
    ),
    "rapid_review": (
        "rapid_review_meeting",
        "recommendation",
        "recommendation_reasons",
        "reg11_improvements",
        "reg11_recurrent_themes",
        "reg11_multi_agency",
        "reg11_panel_suggested",
        "rapid_review_submitted_on",
        "panel_response_on",
        "panel_response",
        "scrutineer_name",
        "scrutineer_comments",
        "scrutineer_commented_on",
    ),
    "decision": ("decision", "decision_date"),
    "review": (
        "terms_of_reference",
        "lead_reviewer_name",
        "lead_reviewer_organisation",
        "contract_start",
        "contract_end",
        "completed_on",
        "home_office_approved_on",
    ),
    "publication": (
        "planned_publication_on",
        "sent_to_panel_on",
        "published_on",
        "published_summary",
        "closed_on",
    ),
}
SECTION_TITLES = {
    "notification": "Notification",
    "rapid_review": "Rapid review",
    "decision": "Decision whether to hold a review",
    "review": "The review",
    "publication": "Publication",
}


def sections_for(review_type: str) -> tuple[str, ...]:
    if review_type == ReviewType.CHILD:
        return ("notification", "rapid_review", "review", "publication")
    return ("notification", "decision", "review", "publication")


def rapid_review_meetings():
    """The meetings a rapid review may have been held at: the Joint Case Review group's."""
    return Meeting.objects.filter(group__short_name__iexact=case_review_group_short_name()).select_related(
        "group"
    )


def partner_representatives():
    """Who may speak for a safeguarding partner: active people of the three statutory partners."""
    return active_people().filter(agency__statutory_role__isnull=False)


def grantable_users():
    """Whom a review may be opened to: any active account."""
    return get_user_model().objects.filter(is_active=True).select_related("person")


def _dates(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if isinstance(field, forms.DateField):
            field.widget = DateInput()


class NotificationForm(CrispyForm):
    """A serious incident notification (or a DHR / SAR referral) and its first facts."""

    submit_label = "Record the notification"

    review_type = forms.ChoiceField(label="Type of review", choices=ReviewType.choices)
    awareness_date = forms.DateField(
        label="Date the local authority became aware (DHR: police notification; SAR: referral)"
    )
    panel_notified_on = forms.DateField(label="Date the national Panel was notified", required=False)
    abuse_or_neglect = forms.BooleanField(label="Abuse or neglect known or suspected", required=False)
    harm = forms.ChoiceField(label="Harm", choices=[("", "—"), *Harm.choices], required=False)
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies involved",
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.active().order_by("name")
        self.fields["themes"].queryset = Theme.objects.filter(active=True)
        for n in range(1, MAX_CHILDREN + 1):
            who = f"Child {n}"
            self.fields[f"child_{n}_pseudonym"] = forms.CharField(
                label=f"{who}: pseudonym",
                max_length=40,
                required=False,
                help_text="As the review will name them, e.g. “Child A”." if n == 1 else "",
            )
            self.fields[f"child_{n}_full_name"] = forms.CharField(
                label=f"{who}: full name (restricted)", max_length=200, required=False
            )
            self.fields[f"child_{n}_date_of_birth"] = forms.DateField(
                label=f"{who}: date of birth (restricted)", required=False
            )
        _dates(self)
        self.helper.form_tag = True

    def children(self) -> list[dict]:
        rows = []
        for n in range(1, MAX_CHILDREN + 1):
            pseudonym = self.cleaned_data.get(f"child_{n}_pseudonym", "").strip()
            name = self.cleaned_data.get(f"child_{n}_full_name", "").strip()
            born = self.cleaned_data.get(f"child_{n}_date_of_birth")
            if pseudonym or name or born:
                rows.append({"pseudonym": pseudonym, "full_name": name, "date_of_birth": born})
        return rows

    def clean(self):
        cleaned = super().clean()
        for n in range(1, MAX_CHILDREN + 1):
            has_details = cleaned.get(f"child_{n}_full_name") or cleaned.get(f"child_{n}_date_of_birth")
            if has_details and not cleaned.get(f"child_{n}_pseudonym", "").strip():
                self.add_error(f"child_{n}_pseudonym", "Give this child a pseudonym (Child A).")
        return cleaned


class ReviewSectionForm(CrispyModelForm):
    """One section of a review's record; a published review's changes need a reason."""

    class Meta:
        model = CaseReview
        fields = (*EDITABLE_FIELDS, "agencies")
        widgets = {"agencies": forms.CheckboxSelectMultiple}

    correction_reason = forms.CharField(
        label="Why this correction is made",
        max_length=300,
        required=False,
        help_text="This review is published: every change is recorded as a correction.",
    )

    def __init__(self, *args, section: str, **kwargs):
        super().__init__(*args, **kwargs)
        review = self.instance
        keep = set(SECTION_FIELDS[section]) | {"correction_reason"}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        if review.published_on is None:
            del self.fields["correction_reason"]
        elif "agencies" in self.fields:
            del self.fields["agencies"]  # a published review's agencies are part of the record
        if "agencies" in self.fields:
            agencies = cast(forms.ModelMultipleChoiceField, self.fields["agencies"])
            agencies.queryset = Agency.objects.active().order_by("name")
            agencies.label = "Agencies involved"
        if "recommendation" in self.fields:
            self.fields["recommendation"] = forms.ChoiceField(
                label="The rapid review's recommendation",
                choices=[("", "—"), *Recommendation.choices],
                required=False,
                initial=review.recommendation,
            )
            self.fields[
                "recommendation_reasons"
            ].label = "Reasons, against the criteria of SI 2018/789 reg 11"
        if "decision" in self.fields:
            self.fields["decision"] = forms.ChoiceField(
                choices=[("", "—"), *AdultDecision.choices], required=False, initial=review.decision
            )
        if "rapid_review_meeting" in self.fields:
            # Typed, not chosen from ten years of the group's meetings (issue 16).
            typeahead(
                self,
                "rapid_review_meeting",
                rapid_review_meetings(),
                url=reverse("reviews:meeting_lookup", args=[review.pk]),
                kind=MEETING,
            )
            self.fields["rapid_review_meeting"].label = "Rapid review meeting (a meeting of the JCR group)"
        if review.review_type == ReviewType.CHILD:
            for name in ("completed_on", "home_office_approved_on"):
                self.fields.pop(name, None)
        elif review.review_type == ReviewType.SAR:
            self.fields.pop("home_office_approved_on", None)
        _dates(self)
        # Bounded again: some fields were swapped after the base bounded them.
        bound_text_fields(self)


class InformationRequestForm(CrispyForm):
    submit_label = "Request information"

    agency = forms.ModelChoiceField(queryset=Agency.objects.none())
    requested_on = forms.DateField(initial=timezone.localdate)
    due_on = forms.DateField(
        required=False, help_text="Leave blank for the agency information clock (7 working days by default)."
    )

    def __init__(self, *args, review: CaseReview, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = Agency.objects.active().order_by(
            "name"
        )
        _dates(self)


class RequestStatusForm(CrispyForm):
    submit_label = "Save"

    status = forms.ChoiceField(
        choices=[(RequestStatus.CHASED, "Chased"), (RequestStatus.RECEIVED, "Received")]
    )
    on = forms.DateField(label="On", initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self)


class PartnerDecisionForm(CrispyForm):
    submit_label = "Record this partner's decision"

    representative = TypeaheadChoiceField(
        queryset=Person.objects.none(),
        label="The partner's representative",
        help_text="Someone of the council, the ICB or the police.",
    )
    decision = forms.ChoiceField(choices=Recommendation.choices)
    decided_on = forms.DateField(label="Decided on", initial=timezone.localdate)

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        representative = cast(TypeaheadChoiceField, self.fields["representative"])
        representative.queryset = partner_representatives()
        representative.set_url(reverse("reviews:representative_lookup", args=[review.pk]))
        _dates(self)


class MilestoneForm(CrispyForm):
    submit_label = "Add the milestone"

    kind = forms.ChoiceField(choices=MilestoneKind.choices)
    due_on = forms.DateField()
    done_on = forms.DateField(required=False)
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self)


class SignOffForm(CrispyForm):
    submit_label = "Record the sign-off"

    person = PersonChoiceField(queryset=Person.objects.none(), label="Signed off by")
    capacity = forms.CharField(
        max_length=200, help_text="“Delegated Safeguarding Partner, Herefordshire Council”."
    )
    signed_on = forms.DateField(initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = active_people().exclude(safeguarding_partner_role="")
        _dates(self)


class RecommendationForm(CrispyForm):
    submit_label = "Add the recommendation and its action"

    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 3}))
    owners = PeopleChoiceField(
        queryset=Person.objects.none(), help_text="Who owns the action in the JCR log."
    )
    lead_agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False)
    due_date = forms.DateField(required=False)

    def __init__(self, *args, owners_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owners"].queryset = owners_queryset
        self.fields["lead_agency"].queryset = Agency.objects.active().order_by("name")
        _dates(self)


class BriefingForm(CrispyForm):
    submit_label = "Add the learning briefing"

    title = forms.CharField(max_length=200)
    date = forms.DateField()
    audience = forms.CharField(max_length=200, help_text="“Health visitors and school nurses”.")
    file = forms.FileField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self)


class ThemesForm(CrispyForm):
    submit_label = "Save the themes"

    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(active=True)


class ThemeAddForm(CrispyForm):
    submit_label = "Add the theme"

    name = forms.CharField(label="New theme", max_length=100)


class ClockRuleForm(CrispyModelForm):
    submit_label = "Save the rule"

    reason = forms.CharField(label="Why it changes", max_length=100)

    class Meta:
        model = ClockRule
        fields = ("name", "length", "unit", "before", "source")


class GrantForm(CrispyForm):
    submit_label = "Give access"

    # Typed, not chosen from every account (issue 16).
    user = TypeaheadChoiceField(queryset=get_user_model().objects.none(), label="Who", kind=USER)
    reason = forms.CharField(max_length=300, help_text="“Lead reviewer commissioned for this review”.")

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        user = cast(TypeaheadChoiceField, self.fields["user"])
        user.queryset = grantable_users()
        user.set_url(reverse("reviews:grant_user_lookup", args=[review.pk]))


class OfficerForm(CrispyForm):
    submit_label = "Name as a case review officer"

    user = forms.ModelChoiceField(queryset=get_user_model().objects.none(), label="Member of the secretariat")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, groups__name=SECRETARIAT_GROUP)
            .order_by("username")
        )


class QuarterForm(CrispyForm):
    submit_label = "Draft the report"

    day = forms.DateField(label="A day in the quarter", help_text="The report covers that calendar quarter.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self)


class QuarterlyReportForm(CrispyForm):
    submit_label = "Save the draft"

    title = forms.CharField(max_length=200)
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text="This goes to the board as a paper: counts and learning only, no child or family named.",
    )


def _agenda_item_label(item: AgendaItem) -> str:
    number = f"{item.number} " if item.number else ""
    return f"{item.meeting.group.label}, {item.meeting.local_date:%-d %b %Y}: {number}{item.title}"


class AttachForm(CrispyForm):
    submit_label = "Attach to the board meeting"

    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), label="Agenda item")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["agenda_item"])
        field.queryset = (
            AgendaItem.objects.filter(
                meeting__group__kind=GroupKind.BOARD,
                meeting__starts_at__date__gte=timezone.localdate(),
                meeting__status=MeetingStatus.SCHEDULED,
            )
            .exclude(standing_item__in=PAPERLESS_STANDING_ITEMS)
            .select_related("meeting__group")
            .order_by("meeting__starts_at", "sort_key")
        )
        field.label_from_instance = _agenda_item_label


class CdopReportForm(CrispyForm):
    submit_label = "Record the report"

    year_label = forms.CharField(label="Reporting year", max_length=20, help_text="“2025-26”.")
    received_on = forms.DateField()
    summary = forms.CharField(
        label="Its findings, in summary", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    file = forms.FileField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["themes"]).queryset = Theme.objects.filter(
            active=True
        )
        _dates(self)
