"""Forms for papers and calendar subscriptions. Validation of the file itself is the service's."""

from django import forms
from django.urls import reverse

from core.forms import CrispyForm, DateInput
from governance.forms.fields import active_people
from governance.forms.typeahead import TypeaheadChoiceField
from governance.models import Group, Person
from governance.paper_files import ACCEPTED_EXTENSIONS
from governance.permissions import is_staff_of_partnership


def paper_authors(user):
    """Who may be named as a paper's author. The author decides who is told of a late paper, so
    it is not anyone the uploader names (issue 9): the uploader or a colleague of their own agency;
    the secretariat, uploading for partners, chooses anyone (the product's own rule)."""
    if is_staff_of_partnership(user):
        return active_people()
    person = getattr(user, "person", None)
    return active_people().filter(agency_id=person.agency_id) if person else active_people().none()


class PaperForm(CrispyForm):
    submit_label = "Upload the paper"

    title = forms.CharField(max_length=300, help_text="As it should appear in the agenda pack.")
    # Typed, not chosen from a list of every active person (issue 16).
    author = TypeaheadChoiceField(
        queryset=Person.objects.none(),
        help_text="The person who wrote the paper. Late papers from a statutory partner's staff "
        "are escalated to that partner's board member.",
    )
    file = forms.FileField(
        help_text="PDF, Word, Excel or PowerPoint. PDF papers are bound into the agenda pack; "
        "other files are supplied separately.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )
    received_on = forms.DateField(
        required=False,
        widget=DateInput(),
        label="Received on",
        help_text="Entering a past meeting? The day the paper actually arrived: it decides whether "
        "the paper was late (on the deadline's day counts as on time). Blank: received now.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        author = self.fields["author"]
        author.queryset = paper_authors(user)
        author.set_url(reverse("governance:paper_author_lookup"))
        if not is_staff_of_partnership(user):
            author.help_text = (
                "You, or a colleague of your agency who wrote the paper. Late papers from a statutory "
                "partner's staff are escalated to that partner's board member."
            )


class PaperReplaceForm(CrispyForm):
    submit_label = "Replace the paper"

    file = forms.FileField(
        label="New version",
        help_text="It counts as submitted now: after the deadline it is a late paper.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )


class AcceptLatePaperForm(CrispyForm):
    submit_label = "Accept the late paper"

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the chair agreed to take this paper after the deadline; recorded with the paper.",
    )


class GroupFeedForm(CrispyForm):
    submit_label = "Create a feed address for this group"
    submit_class = "btn-outline-primary"

    group = forms.ModelChoiceField(queryset=Group.objects.active().order_by("name"))
