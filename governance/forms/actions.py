"""Forms of the action log. Plain forms: the services do the writing and the rules."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.forms import BoundedTextMixin, DateInput, submit_helper
from governance.forms.fields import active_people
from governance.forms.typeahead import TypeaheadMultipleChoiceField
from governance.models import FINISHED_STATUSES, ActionStatus, Agency, Group, Person


class TypeaheadInput(forms.TextInput):
    """A text box that static/js/typeahead.js turns into a Tom Select field fed by `url` (a JSON
    endpoint answering ?q= with {"results": [{"value", "text"}]}), showing `label` for the id it
    holds. Without JavaScript it stays a text box (issue 16: no drop-down of every person)."""

    def __init__(self, *, placeholder: str = "", url: str = "", label: str = ""):
        attrs = {"class": "form-control", "autocomplete": "off", "placeholder": placeholder}
        if url:
            attrs["data-typeahead"] = url
        if label:
            attrs["data-typeahead-label"] = label
        super().__init__(attrs)


class FilterSelect(forms.Select):
    """A select for optional filters whose options are written in Python rather than one
    template per option: the log's owner filter can list hundreds of people."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "form-select", **(attrs or {})}, choices)

    def use_required_attribute(self, initial):
        return False  # a filter is never required; asking would run the choices query twice

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = {str(v) for v in self.format_value(value)}
        # The standard library's escape: Django's, made for lazy strings, costs ten times as much.
        options = [
            f'<option value="{escape(str(option_value))}"'
            f"{' selected' if str(option_value) in selected else ''}>"
            f"{escape(str(label))}</option>"
            for option_value, label in self.choices
        ]
        return format_html("<select{}>\n{}\n</select>", flatatt(final_attrs), mark_safe("\n".join(options)))


class ActionRecordForm(BoundedTextMixin, forms.Form):
    title = forms.CharField(
        max_length=200, required=False, help_text="A short heading, e.g. 'Finance / Funding'."
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), help_text="What is to be done, and by whom."
    )
    # Typed, not chosen from a list of every active person (issue 16).
    owners = TypeaheadMultipleChoiceField(
        queryset=Person.objects.none(),
        required=False,
        help_text="One or more people: type part of a name and choose from the list.",
    )
    owner_group = forms.ModelChoiceField(
        queryset=Group.objects.none(),
        required=False,
        label="Owning group",
        help_text=(
            "A group that owns the action ('key members of the Development & Practice Group'), "
            "with or without people named above; its reminders go to the group's chair."
        ),
    )
    lead_agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False)
    due_date = forms.DateField(widget=DateInput(), required=False)
    due_by_next_meeting = forms.BooleanField(
        required=False,
        label="Due by the next meeting",
        help_text="The due date becomes the date of the group's next scheduled meeting.",
    )

    def __init__(self, *args, submit_label: str = "Record action", **kwargs):
        super().__init__(*args, **kwargs)
        owners = self.fields["owners"]
        owners.queryset = active_people()
        owners.set_url(reverse("governance:active_person_lookup"))
        self.fields["owner_group"].queryset = Group.objects.filter(active=True).order_by("name")
        self.fields["lead_agency"].queryset = Agency.objects.active().order_by("name")
        self.helper = submit_helper(submit_label)

    def clean(self):
        cleaned_data = super().clean()
        has_owner = cleaned_data.get("owners") or cleaned_data.get("owner_group")
        if not has_owner and "owners" not in self.errors:
            self.add_error("owners", "Name at least one owner: a person or a group.")
        if cleaned_data.get("due_date") and cleaned_data.get("due_by_next_meeting"):
            self.add_error("due_date", "Give either a due date or 'by the next meeting', not both.")
        return cleaned_data


class ActionUpdateForm(BoundedTextMixin, forms.Form):
    text = forms.CharField(
        label="Update",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="When completing the action, say what was done: this is the completion note.",
    )
    new_status = forms.ChoiceField(label="Status", required=False)
    revised_due_date = forms.DateField(label="Revised due date", widget=DateInput(), required=False)
    revision_reason = forms.CharField(
        label="Reason for the new date",
        required=False,
        max_length=500,
        help_text="Needed when the due date is revised.",
    )

    def __init__(self, *args, action, form_tag: bool = True, submit_label: str = "Post update", **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        choices = [("", f"No change ({action.get_status_display().lower()})")]
        for value, label in ActionStatus.choices:
            if value == action.status:
                continue
            if value == ActionStatus.COMPLETED and action.status in FINISHED_STATUSES:
                continue  # a finished action cannot be completed again
            choices.append((value, label))
        self.fields["new_status"].choices = choices
        self.helper = submit_helper(submit_label, form_tag=form_tag)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("revised_due_date") and not cleaned_data.get("revision_reason", "").strip():
            self.add_error("revision_reason", "Give a reason for revising the due date.")
        return cleaned_data


class ActionHandOverForm(BoundedTextMixin, forms.Form):
    to_group = forms.ModelChoiceField(label="Hand to", queryset=Group.objects.none())
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example: 'CB to pass to the Chair of the Strategic Group'.",
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_group"].queryset = Group.objects.active().exclude(pk=action.group_id).order_by("name")
        self.helper = submit_helper("Hand over", css_class="btn-outline-primary")
