"""Forms for papers and calendar subscriptions. Validation of the file itself is the service's."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from governance.models import Group, Person
from governance.paper_files import ACCEPTED_EXTENSIONS


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return f"{person.name} ({person.agency.label})"


def _helper(submit_label: str, *, css_class: str = "btn-primary") -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.add_input(Submit("submit", submit_label, css_class=css_class))
    return helper


class PaperForm(forms.Form):
    title = forms.CharField(max_length=300, help_text="As it should appear in the agenda pack.")
    author = PersonChoiceField(
        queryset=Person.objects.active().select_related("agency").order_by("name"),
        help_text="The person who wrote the paper. Late papers from a statutory partner's staff "
        "are escalated to that partner's board member.",
    )
    file = forms.FileField(
        help_text="PDF, Word, Excel or PowerPoint. PDF papers are bound into the agenda pack; "
        "other files are supplied separately.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Upload the paper")


class PaperReplaceForm(forms.Form):
    file = forms.FileField(
        label="New version",
        help_text="It counts as submitted now: after the deadline it is a late paper.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Replace the paper")


class AcceptLatePaperForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the chair agreed to take this paper after the deadline; recorded with the paper.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Accept the late paper")


class GroupFeedForm(forms.Form):
    group = forms.ModelChoiceField(queryset=Group.objects.active().order_by("name"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Create a feed address for this group", css_class="btn-outline-primary")
