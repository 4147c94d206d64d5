"""Training's forms, on core.forms' crispy base (bounded text, one submit button)."""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.layout import Layout
from django import forms
from django.urls import reverse

from core.forms import CrispyForm, CrispyModelForm, DateInput, TimeInput
from governance.forms.fields import active_people
from governance.forms.typeahead import TypeaheadChoiceField
from governance.models import Agency
from training.choices import Attendance, ImpactChange
from training.models import Course, Session, Trainer, TrainingNeed, TrainingSettings

RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


class CourseForm(CrispyModelForm):
    submit_label = "Save the course"

    class Meta:
        model = Course
        fields = [
            "title",
            "level",
            "audience",
            "learning_outcomes",
            "duration_hours",
            "priority",
            "multi_agency",
            "active",
        ]
        widgets = {"learning_outcomes": forms.Textarea(attrs={"rows": 4})}


class TrainerForm(CrispyModelForm):
    submit_label = "Save"

    class Meta:
        model = Trainer
        fields = ["person", "courses", "active", "notes"]
        widgets = {"courses": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Typed, not chosen from a list of every active person (issue 16).
        self.fields["person"] = TypeaheadChoiceField(
            active_people(),
            url=reverse("governance:active_person_lookup"),
            label="Person (from a partner agency)",
        )
        self.fields["courses"].queryset = Course.objects.filter(active=True)
        self.fields["courses"].label = "Courses they may deliver"
        if self.instance.pk:
            self.fields["person"].disabled = True


class SessionForm(CrispyModelForm):
    submit_label = "Save the session"

    class Meta:
        model = Session
        fields = ["course", "date", "start_time", "end_time", "venue", "online_link", "capacity", "trainers"]
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "trainers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = Course.objects.filter(active=True)
        self.fields["online_link"].assume_scheme = "https"
        self.fields["trainers"].queryset = Trainer.objects.filter(active=True).select_related(
            "person__agency"
        )
        self.fields["trainers"].label_from_instance = lambda t: f"{t.person.name} ({t.person.agency.label})"
        self.fields["trainers"].help_text = "From the training pool: each must be listed for this course."
        if self.instance.pk:
            self.fields["course"].disabled = True


class SessionCancelForm(CrispyForm):
    submit_label = "Cancel the session"
    submit_class = "btn-danger"
    reason = forms.CharField(max_length=300, help_text="Sent to everyone booked or waiting.")


class BookingForm(CrispyForm):
    """The secretariat books a practitioner, who may have no account."""

    submit_label = "Book"
    name = forms.CharField(max_length=200)
    email = forms.EmailField(label="E-mail")
    agency = forms.ModelChoiceField(queryset=Agency.objects.active())


class SelfBookingForm(CrispyForm):
    submit_label = "Book a place for me"
    agency = forms.ModelChoiceField(queryset=Agency.objects.active(), help_text="The agency you work for.")


class RegisterForm(CrispyForm):
    """One choice per booked practitioner."""

    submit_label = "Save the register"

    def __init__(self, *args, bookings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = list(bookings)
        for booking in self.bookings:
            self.fields[f"b{booking.pk}"] = forms.ChoiceField(
                label=f"{booking.name} ({booking.agency.label})",
                choices=Attendance.choices,
                widget=forms.RadioSelect,
                initial=booking.attendance or None,
            )

        self.helper.layout = Layout(*[InlineRadios(name) for name in self.fields])

    def marks(self) -> dict[int, str]:
        return {booking.pk: self.cleaned_data[f"b{booking.pk}"] for booking in self.bookings}


class EvaluationForm(CrispyForm):
    submit_label = "Send my evaluation"
    rating = forms.TypedChoiceField(
        label="Overall, how would you rate the session? (1 poor, 5 excellent)",
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, outcomes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = list(outcomes)
        for number, outcome in enumerate(self.outcomes, start=1):
            for when in ("before", "after"):
                self.fields[f"o{number}_{when}"] = forms.TypedChoiceField(
                    label=f"{outcome}: your confidence {when} the session (1 low, 5 high)",
                    choices=RATING_CHOICES,
                    coerce=int,
                    widget=forms.RadioSelect,
                )
        self.order_fields(["rating", *[f for f in self.fields if f.startswith("o")], "comments"])
        self.helper.layout = Layout(
            *[InlineRadios(name) for name in self.fields if name != "comments"], "comments"
        )

    def confidence(self) -> list[tuple[int, int]]:
        return [
            (self.cleaned_data[f"o{n}_before"], self.cleaned_data[f"o{n}_after"])
            for n in range(1, len(self.outcomes) + 1)
        ]


class ImpactForm(CrispyForm):
    submit_label = "Send"
    change = forms.ChoiceField(
        label="How much has the training changed your practice?",
        choices=ImpactChange.choices,
        widget=forms.RadioSelect,
    )
    what_changed = forms.CharField(
        label="What do you do differently now? An example helps.", widget=forms.Textarea(attrs={"rows": 5})
    )


class NeedForm(CrispyModelForm):
    submit_label = "Save the need"

    class Meta:
        model = TrainingNeed
        fields = [
            "title",
            "description",
            "source",
            "source_detail",
            "identified_on",
            "agency",
            "courses",
            "status",
        ]
        widgets = {
            "identified_on": DateInput(),
            "courses": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
        }


class TrainingSettingsForm(CrispyModelForm):
    submit_label = "Save the settings"

    class Meta:
        model = TrainingSettings
        fields = ["offer_hours", "notice_days", "impact_after_days", "link_days"]


class WorkforceForm(CrispyForm):
    submit_label = "Save"
    agency = forms.ModelChoiceField(queryset=Agency.objects.active())
    workforce = forms.IntegerField(
        min_value=0, max_value=1_000_000, required=False, help_text="Blank: not known (forgets the figure)."
    )
    as_of = forms.DateField(required=False, widget=DateInput(), label="As of")


class YearForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100)
