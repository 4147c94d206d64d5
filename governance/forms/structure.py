from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.forms import CrispyForm, CrispyModelForm, DateInput
from core.partnership import partnership_settings
from governance.choices import AgendaSubNumbering
from governance.forms.typeahead import typeahead
from governance.models import Agency, Group, Membership, MembershipRole, Person, QuorumCounting
from governance.services import structure as services


class AgencyForm(CrispyModelForm):
    class Meta:
        model = Agency
        fields = ["name", "short_name", "sector", "statutory_role", "active"]


class PersonForm(CrispyModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "job_title",
            "agency",
            "email",
            "phone",
            "initials_override",
            "line_manager",
            "safeguarding_partner_role",
            "active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.active()
        people = Person.objects.active().select_related("agency")
        if self.instance.pk:
            people = people.exclude(pk=self.instance.pk)
        typeahead(self, "line_manager", people, url=reverse("governance:active_person_lookup"))


class GroupForm(CrispyModelForm):
    # Optional in the form: left out, a group keeps how it numbers (a new one: 2.1, 2.2).
    agenda_sub_numbering = forms.ChoiceField(
        choices=AgendaSubNumbering.choices,
        required=False,
        label="Agenda sub-items numbered",
        help_text="Sub-items of item 2 as 2.1, 2.2 or as 2a, 2b, as seed 003's board minutes do "
        "(this product's choice per group). Agendas already numbered keep their numbers.",
    )

    def clean_agenda_sub_numbering(self):
        return self.cleaned_data.get("agenda_sub_numbering") or self.instance.agenda_sub_numbering

    class Meta:
        model = Group
        fields = [
            "name",
            "short_name",
            "kind",
            "reports_to",
            "remit",
            "terms_of_reference_review_date",
            "meeting_frequency",
            "paper_deadline_days",
            "agenda_sub_numbering",
            "quorum_rule",
            "quorum_counting",
            "log_readers",
            "log_open_to_partners",
            "active",
        ]
        widgets = {
            "terms_of_reference_review_date": DateInput(),
            "reports_to": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Group.objects.active()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["reports_to"].queryset = parents
        partnership = partnership_settings()
        default = QuorumCounting(partnership.quorum_counting).label
        self.fields["quorum_counting"].choices = [
            ("", f"The partnership's default (settings page): {default}"),
            *QuorumCounting.choices,
        ]
        self.fields["quorum_counting"].help_text = (
            "Who may represent a statutory partner when quoracy is judged (arrangements s.8: "
            "a member or an authorised deputy). The product reads “authorised” as registered "
            "on this group as the member's deputy."
        )
        if not self.instance.pk and not self.is_bound:
            self.initial["paper_deadline_days"] = partnership.paper_deadline_days


class GroupRemitForm(CrispyModelForm):
    submit_label = "Save remit"

    class Meta:
        model = Group
        fields = ["remit", "terms_of_reference_review_date"]
        widgets = {"terms_of_reference_review_date": DateInput(), "remit": forms.Textarea(attrs={"rows": 14})}


class MembershipForm(CrispyModelForm):
    class Meta:
        model = Membership
        fields = ["person", "role", "deputy_for", "agency", "start_date", "end_date"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}
        help_texts = {"agency": "Leave blank to use the person's own agency."}

    def __init__(self, *args, group: Group, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.group = group
        people = Person.objects.active().select_related("agency")
        # Typed, not chosen from a list of every active person (issue 16).
        for name in ("person", "deputy_for"):
            typeahead(self, name, people, url=reverse("governance:active_person_lookup"))
        self.fields["agency"].queryset = Agency.objects.active()
        self.fields["agency"].required = False
        if not self.instance.pk:
            # form.initial (from the unsaved instance) outranks field.initial, so set it there.
            self.initial["start_date"] = self.initial.get("start_date") or timezone.localdate()
            self.initial["role"] = self.initial.get("role") or MembershipRole.MEMBER

    def clean(self):
        cleaned_data = super().clean()
        person, deputy_for = cleaned_data.get("person"), cleaned_data.get("deputy_for")
        try:
            services.membership_validate_deputy(
                role=cleaned_data.get("role"),
                person_id=person.pk if person else None,
                deputy_for_id=deputy_for.pk if deputy_for else None,
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned_data

    def _post_clean(self):
        # The agency defaults to the person's own: fill it before model validation.
        if not self.cleaned_data.get("agency") and self.cleaned_data.get("person"):
            self.cleaned_data["agency"] = self.cleaned_data["person"].agency
        super()._post_clean()


class MembershipEndForm(CrispyForm):
    submit_label = "End membership"
    submit_class = "btn-danger"

    end_date = forms.DateField(widget=DateInput(), help_text="The day the membership stopped.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("end_date", timezone.localdate())
