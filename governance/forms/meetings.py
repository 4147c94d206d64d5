"""Forms for scheduling meetings, building agendas and recording attendance."""

import datetime

from django import forms
from django.urls import reverse
from django.utils import timezone

from core.forms import BoundedTextMixin, CrispyForm, DateInput, TimeInput
from governance.forms.fields import active_people, label_people
from governance.forms.typeahead import typeahead
from governance.models import (
    AgendaItem,
    AgendaPurpose,
    AttendanceStatus,
    Group,
    Meeting,
    Membership,
    Person,
)
from governance.scheduling import MAX_SERIES, local_datetime
from governance.services.attendance import AttendanceLine
from governance.services.meetings import (
    NON_WORKING_DAY_CONFIRMATION,
    group_default_chair,
    group_default_minute_taker,
    non_working_day_warning,
)


class _TimesMixin:
    """Start and end times on one day, checked and turned into aware datetimes."""

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_time"), cleaned_data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The meeting must end after it starts.")
        if not cleaned_data.get("location") and not cleaned_data.get("online_link"):
            self.add_error("location", "Give a place or an online link for the meeting.")
        return cleaned_data


class MeetingForm(_TimesMixin, CrispyForm):
    """Schedule a meeting, or change one (date, times, place, chair, minute-taker)."""

    date = forms.DateField(widget=DateInput())
    start_time = forms.TimeField(widget=TimeInput(), initial=datetime.time(10, 0))
    end_time = forms.TimeField(widget=TimeInput(), initial=datetime.time(12, 0))
    location = forms.CharField(max_length=200, required=False, label="Place")
    online_link = forms.URLField(required=False, label="Online link", assume_scheme="https")
    chair = forms.ModelChoiceField(
        queryset=Person.objects.none(), required=False, label="Chair for the meeting"
    )
    minute_taker = forms.ModelChoiceField(
        queryset=Person.objects.none(), required=False, label="Minute-taker"
    )
    # Shown, with the warning, only when the day chosen is not a working day.
    confirm_non_working_day = forms.BooleanField(
        required=False, label=NON_WORKING_DAY_CONFIRMATION, widget=forms.HiddenInput
    )

    def __init__(self, *args, group: Group, meeting: Meeting | None = None, **kwargs):
        self.submit_label = "Save changes" if meeting else "Schedule the meeting"
        self.meeting = meeting
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        # Anyone who has been a member, so that a past meeting entered now can name its chair then.
        members = Person.objects.filter(
            pk__in=Membership.objects.filter(group=group, start_date__lte=today).values("person_id")
        ).select_related("agency")
        self.fields["chair"].queryset = members.order_by("name")
        label_people(self.fields["chair"])  # the group's members: a short list
        typeahead(self, "minute_taker", active_people(), url=reverse("governance:active_person_lookup"))
        if meeting is not None:
            start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
            self.initial.update(
                date=start.date(),
                start_time=start.time(),
                end_time=end.time(),
                location=meeting.location,
                online_link=meeting.online_link,
                chair=meeting.chair_id,
                minute_taker=meeting.minute_taker_id,
            )
        else:
            # Left blank, each is whoever held the role on the meeting's date (issue 10 point 11):
            # a past meeting entered now gets its chair then, not today's.
            self.fields["chair"].empty_label = "The group's chair on the meeting's date"
            self.fields["minute_taker"].empty_label = "The group's minute-taker on the meeting's date"
            current = [
                f"{role} today: {person.name}"
                for role, person in (
                    ("Chair", group_default_chair(group=group, on=today)),
                    ("Minute-taker", group_default_minute_taker(group=group, on=today)),
                )
                if person is not None
            ]
            self.fields["chair"].help_text = (
                "Leave blank for whoever chaired the group on the meeting's date, or choose someone."
                + (f" ({'; '.join(current)}.)" if current else "")
            )

    def starts_at(self):
        return local_datetime(self.cleaned_data["date"], self.cleaned_data["start_time"])

    def ends_at(self):
        return local_datetime(self.cleaned_data["date"], self.cleaned_data["end_time"])

    def clean(self):
        cleaned_data = super().clean()
        day = cleaned_data.get("date")
        if day is None or (self.meeting is not None and day == self.meeting.local_date):
            return cleaned_data
        warning = non_working_day_warning(day)
        if warning:
            self.fields["confirm_non_working_day"].widget = forms.CheckboxInput()
            if not cleaned_data.get("confirm_non_working_day"):
                self.add_error("confirm_non_working_day", warning)
        return cleaned_data


class MeetingSeriesForm(_TimesMixin, CrispyForm):
    submit_label = "Schedule the series"

    first_date = forms.DateField(widget=DateInput(), label="Date of the first meeting")
    count = forms.IntegerField(min_value=1, max_value=MAX_SERIES, initial=8, label="Number of meetings")
    start_time = forms.TimeField(widget=TimeInput(), initial=datetime.time(10, 0))
    end_time = forms.TimeField(widget=TimeInput(), initial=datetime.time(12, 0))
    location = forms.CharField(max_length=200, required=False, label="Place")
    online_link = forms.URLField(required=False, label="Online link", assume_scheme="https")

    def __init__(self, *args, group: Group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_date"].help_text = (
            f"{group} meets {group.get_meeting_frequency_display().lower()}. Dates that fall on a weekend, "
            "a bank holiday or a closure day move to the next working day."
        )


class MeetingCancelForm(CrispyForm):
    submit_label = "Cancel the meeting"
    submit_class = "btn-danger"

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="Members are told, with this reason."
    )


class AgendaItemForm(CrispyForm):
    title = forms.CharField(max_length=300)
    parent = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        label="Sub-item of",
        help_text="Leave as “a main item” for a numbered item; choose an item to add a sub-item (2.1).",
    )
    presenter = forms.ModelChoiceField(queryset=Person.objects.none(), required=False)
    purpose = forms.ChoiceField(choices=AgendaPurpose.choices, initial=AgendaPurpose.INFORMATION)
    minutes_allowed = forms.IntegerField(
        min_value=1, max_value=600, required=False, label="Time allowed (minutes)"
    )
    confidential = forms.BooleanField(
        required=False, help_text="Hidden from people without access to confidential items."
    )
    unnumbered = forms.BooleanField(
        required=False,
        label="No number",
        help_text="For an item such as Welcome (seed 003): it takes no number and the next item is 1.",
    )

    def __init__(self, *args, meeting: Meeting, item: AgendaItem | None = None, **kwargs):
        self.submit_label = "Save item" if item else "Add the item"
        super().__init__(*args, **kwargs)
        typeahead(self, "presenter", active_people(), url=reverse("governance:active_person_lookup"))
        if item is None:
            tops = meeting.agenda_items.filter(parent__isnull=True).order_by("sort_key")
            self.fields["parent"].choices = [("", "A main item")] + [(i.pk, str(i)) for i in tops]
        else:
            del self.fields["parent"]
            del self.fields["unnumbered"]  # set when the item is added; its number is quoted since
            self.initial.update(
                title=item.title,
                presenter=item.presenter_id,
                purpose=item.purpose,
                minutes_allowed=item.minutes_allowed,
                confidential=item.confidential,
            )


# Attendance ------------------------------------------------------------------

STATUS_CHOICES = AttendanceStatus.choices
NOT_HERE = ("", "Not at this meeting")
VALIDITY_CHOICES = [("", "Not judged"), ("yes", "Valid reason"), ("no", "Not a valid reason")]


def _bootstrap(form: forms.Form, small: bool = False) -> None:
    """Bootstrap classes for fields rendered by hand (in a table, not through crispy)."""
    size = "-sm" if small else ""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        base = "form-select" if isinstance(widget, forms.Select) else "form-control"
        widget.attrs["class"] = f"{base} {base}{size}" if small else base


def _validity(value):
    return {"yes": True, "no": False}.get(value)


class AttendanceLineForm(BoundedTextMixin, forms.Form):
    """One person's line. Choices are passed in, built once for the whole page."""

    person = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(required=False)
    deputy_for = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label="Deputy for")
    apology_reason = forms.CharField(
        max_length=300,
        required=False,
        label="Reason for apologies",
        widget=forms.TextInput(attrs={"placeholder": "Reason"}),
    )
    apology_valid = forms.TypedChoiceField(
        choices=VALIDITY_CHOICES, coerce=_validity, required=False, empty_value=None, label="Valid reason?"
    )
    arrived_for_item = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label="Arrived for item"
    )
    arrived_at = forms.TimeField(widget=TimeInput(), required=False, label="Arrived at")
    left_before_item = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label="Left before item"
    )
    left_at = forms.TimeField(widget=TimeInput(), required=False, label="Left at")

    def __init__(
        self, *args, item_choices=(), member_choices=(), line: AttendanceLine | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.line = line
        member = line.is_member if line else False
        self.fields["status"].choices = STATUS_CHOICES if member else [NOT_HERE, *STATUS_CHOICES]
        self.fields["status"].required = member
        self.fields["deputy_for"].choices = [("", "—"), *member_choices]
        self.fields["arrived_for_item"].choices = [("", "From the start"), *item_choices]
        self.fields["left_before_item"].choices = [("", "Stayed to the end"), *item_choices]
        _bootstrap(self, small=True)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == AttendanceStatus.DEPUTY and not cleaned_data.get("deputy_for"):
            self.add_error("deputy_for", "Name the member this deputy attends for.")
        return cleaned_data


def attendance_initial(line: AttendanceLine) -> dict:
    return {
        "person": line.person.pk,
        "status": line.status,
        "deputy_for": line.deputy_for.pk if line.deputy_for else None,
        "apology_reason": line.apology_reason,
        "apology_valid": {True: "yes", False: "no", None: ""}[line.apology_valid],
        "arrived_for_item": line.arrived_for_item_id,
        "arrived_at": line.arrived_at,
        "left_before_item": line.left_before_item_id,
        "left_at": line.left_at,
    }


class BaseAttendanceFormSet(forms.BaseFormSet):
    def __init__(self, *args, lines: list[AttendanceLine], **kwargs):
        self.lines = lines
        kwargs.setdefault("initial", [attendance_initial(line) for line in lines])
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["line"] = self.lines[index] if index is not None and index < len(self.lines) else None
        return kwargs

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        expected = [line.person.pk for line in self.lines]
        if [form.cleaned_data.get("person") for form in self.forms] != expected:
            raise forms.ValidationError(
                "The attendance list changed while you were editing it: reload the page."
            )


AttendanceFormSet = forms.formset_factory(AttendanceLineForm, formset=BaseAttendanceFormSet, extra=0)


class AttendanceAddForm(CrispyForm):
    """Add someone who is not on the membership list: a visitor, an officer, a deputy."""

    submit_label = "Add to the attendance"

    person = forms.ModelChoiceField(queryset=Person.objects.none())
    status = forms.ChoiceField(choices=STATUS_CHOICES, initial=AttendanceStatus.IN_ATTENDANCE)
    deputy_for = forms.ModelChoiceField(
        queryset=Person.objects.none(), required=False, label="Deputy for", help_text="Only for a deputy."
    )

    def __init__(self, *args, meeting: Meeting, listed_person_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        typeahead(
            self,
            "person",
            active_people().exclude(pk__in=listed_person_ids),
            url=reverse("governance:attendance_person_lookup", args=[meeting.pk]),
        )
        members = Membership.objects.current(meeting.local_date).filter(group=meeting.group)
        # The group's current members: a short list.
        self.fields["deputy_for"].queryset = active_people().filter(pk__in=members.values("person_id"))
        label_people(self.fields["deputy_for"])
        _bootstrap(self)
