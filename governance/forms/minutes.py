"""Forms for decisions and minutes: the editor, recording a decision, approval with amendments."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.db.models import Q
from django.utils import timezone

from core.forms import BoundedTextMixin, CrispyForm, CrispyModelForm, bound_text_fields, submit_helper
from governance.forms.fields import label_people
from governance.models import AgendaItem, AttendanceStatus, Decision, Meeting, Person


def people_for_meeting(meeting: Meeting):
    """Those who could ask for an amendment: the meeting's attendees and the group's current members."""
    today = timezone.localdate()
    current = Q(memberships__group_id=meeting.group_id, memberships__start_date__lte=today) & (
        Q(memberships__end_date__isnull=True) | Q(memberships__end_date__gt=today)
    )
    return (
        Person.objects.filter(Q(attendance__meeting=meeting) | current)
        .select_related("agency")
        .distinct()
        .order_by("name")
    )


class MinutesEditorForm(forms.Form):
    """One textarea per agenda item, in agenda order: the discussion minuted at each item; each
    bounded as every free text is (`bound_text_fields`)."""

    def __init__(self, *args, items: list[AgendaItem], form_id: str = "minutes-form", **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[self.field_name(item)] = forms.CharField(
                label=f"{item.number}. {item.title}",
                required=False,
                initial=item.discussion,
                widget=forms.Textarea(attrs={"rows": 5, "form": form_id, "class": "form-control"}),
            )
        bound_text_fields(self)
        self.helper = submit_helper("Save the minutes", form_tag=False)

    @staticmethod
    def field_name(item: AgendaItem) -> str:
        return f"item_{item.pk}"

    def bound_field(self, item: AgendaItem):
        return self[self.field_name(item)]

    def discussions(self) -> dict[AgendaItem, str]:
        return {item: self.cleaned_data[self.field_name(item)] for item in self.items}


class DecisionForm(CrispyModelForm):
    submit_label = "Record decision"
    submit_class = "btn-sm"

    class Meta:
        model = Decision
        fields = ["text", "key_decision"]
        labels = {"text": "Decision", "key_decision": "A key decision (needs all three statutory partners)"}
        help_texts = {
            "key_decision": (
                "Arrangements s.8: the three statutory partners must be part of any key decision. A key "
                "decision taken while one of them is not represented needs ratification at a later "
                "quorate meeting of the group; any other decision taken inquorate is flagged in the "
                "minutes but needs no ratification. (Ratification is this product's way of putting a "
                "key decision right; the arrangements do not set one.)"
            )
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class ApprovalForm(BoundedTextMixin, forms.Form):
    """Approve as an accurate record, or with the amendments given in the formset below it."""

    confirm = forms.BooleanField(
        label="The meeting agreed these minutes (with any amendments listed below)", required=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class AmendmentForm(BoundedTextMixin, forms.Form):
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), label="Item", required=False)
    new_text = forms.CharField(label="New wording", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    requested_by = forms.ModelChoiceField(
        queryset=Person.objects.none(), label="Requested by", required=False
    )

    def __init__(self, *args, items, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = items
        self.fields["agenda_item"].label_from_instance = lambda item: f"{item.number}. {item.title}"
        self.fields["requested_by"].queryset = people
        label_people(self.fields["requested_by"])
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        data = super().clean()
        filled = [data.get("agenda_item"), (data.get("new_text") or "").strip(), data.get("requested_by")]
        if any(filled) and not all(filled):
            raise forms.ValidationError("An amendment needs the item, the new wording and who asked for it.")
        return data

    @property
    def is_filled(self) -> bool:
        return bool(self.is_valid() and self.cleaned_data.get("agenda_item"))


class BaseAmendmentFormSet(forms.BaseFormSet):
    def __init__(self, *args, items, people, **kwargs):
        self.items, self.people = items, people
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"items": self.items, "people": self.people}


AmendmentFormSet = forms.formset_factory(AmendmentForm, formset=BaseAmendmentFormSet, extra=3, max_num=20)


REASON_FIELD_LABEL = "Why it is corrected"


def _reason_field() -> forms.CharField:
    return forms.CharField(
        label=REASON_FIELD_LABEL,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Kept with the amendment and shown in the minutes.",
    )


class FurtherAmendmentForm(AmendmentForm):
    """An amendment to minutes already approved: every field is needed, and why."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"] = _reason_field()
        bound_text_fields(self)
        for name in ("agenda_item", "new_text", "requested_by"):
            self.fields[name].required = True
        self.helper.form_tag = True
        self.helper.disable_csrf = False
        self.helper.add_input(Submit("submit", "Record the amendment"))


NOT_ON_THE_LIST = ("", "Not at this meeting (recorded in error)")
APOLOGY_VALIDITY = [("", "Not judged"), ("yes", "Valid reason"), ("no", "Not a valid reason")]


class AttendanceAmendmentForm(CrispyForm):
    """Correct one person's attendance in approved minutes: a recorded amendment."""

    submit_label = "Record the correction"

    person = forms.ModelChoiceField(queryset=Person.objects.none(), label="Whose attendance")
    status = forms.ChoiceField(label="Should read", required=False)
    deputy_for = forms.ModelChoiceField(
        queryset=Person.objects.none(), label="Deputy for (if a deputy)", required=False
    )
    apology_reason = forms.CharField(label="Reason for apologies", required=False, max_length=300)
    apology_valid = forms.TypedChoiceField(
        label="Apologies with a valid reason?",
        choices=APOLOGY_VALIDITY,
        required=False,
        coerce=lambda value: value == "yes",
        empty_value=None,
    )
    requested_by = forms.ModelChoiceField(queryset=Person.objects.none(), label="Requested by")
    reason = _reason_field()

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("person", "deputy_for", "requested_by"):
            self.fields[name].queryset = people
            label_people(self.fields[name])
        self.fields["status"].choices = [NOT_ON_THE_LIST, *AttendanceStatus.choices]


class DecisionAmendmentForm(CrispyForm):
    """Correct the wording of a decision in approved minutes: a recorded amendment."""

    submit_label = "Record the correction"

    new_text = forms.CharField(label="New wording", widget=forms.Textarea(attrs={"rows": 3}))
    requested_by = forms.ModelChoiceField(queryset=Person.objects.none(), label="Requested by")
    reason = _reason_field()

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_by"].queryset = people
        label_people(self.fields["requested_by"])
