"""Filters of the group action log; the same filters drive the page and its CSV/Excel exports."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.partnership import partnership_settings
from governance import action_rules
from governance.forms.actions import FilterSelect, TypeaheadInput
from governance.models import (
    FINISHED_STATUSES,
    OUTSTANDING_STATUSES,
    Action,
    ActionSource,
    ActionStatus,
    Group,
    Person,
)
from governance.selectors import actions as selectors_actions

OUTSTANDING = "outstanding"
FINISHED = "finished"
STATUS_CHOICES = [
    (OUTSTANDING, "All outstanding"),
    (FINISHED, "All finished"),
    *ActionStatus.choices,
]


def _chosen_label(value, fetch) -> str:
    """The label of the person or meeting a type-ahead field holds, so the page shows who or
    which was chosen (one query, only when one is); text typed without JavaScript shows as typed."""
    value = (value or "").strip()
    return fetch(int(value)) if value.isdigit() and len(value) < 19 else ""


def _read_once(fetch, group: Group):
    """Choices read from the database when first needed, then kept for this request: the
    form's field asks for them to validate and again to render."""
    cache: list[list[tuple]] = []

    def choices():
        if not cache:
            cache.append(list(fetch(group)))
        return cache[0]

    return choices


CHECKBOX = forms.CheckboxInput(attrs={"class": "form-check-input"})

# A search is one query with a subquery per word, answered on PostgreSQL from trigram indexes;
# bounded, so a pasted page cannot tie up the database (issue 9).
SEARCH_MAX_LENGTH = 200
SEARCH_MAX_WORDS = 10


def search_words_validator(value: str) -> None:
    if len(value.split()) > SEARCH_MAX_WORDS:
        raise forms.ValidationError(
            f"Search for at most {SEARCH_MAX_WORDS} words: fewer, more telling words find the action."
        )


MEETING_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")


def meeting_date(value: str) -> datetime.date | None:
    for pattern in MEETING_DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def meeting_value_validator(value: str) -> None:
    """A meeting chosen from the list (its id) or a date typed without JavaScript."""
    if value.strip().isdigit() or meeting_date(value) is not None:
        return
    raise forms.ValidationError("Enter the meeting's date as dd/mm/yyyy, or choose a meeting from the list.")


class ActionLogFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label="Search",
        max_length=SEARCH_MAX_LENGTH,
        validators=[search_words_validator],
        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}),
    )
    status = django_filters.ChoiceFilter(
        choices=STATUS_CHOICES, method="with_status", empty_label="Any", widget=FilterSelect
    )
    # Type-ahead fields rather than drop-downs of every person and every meeting (issue 16): with
    # JavaScript, Tom Select offers matches from a small JSON endpoint and sends the chosen id;
    # without it, the box takes a name (owners) or a date (meetings).
    owner = django_filters.CharFilter(
        method="owned_by",
        label="Owner",
        max_length=SEARCH_MAX_LENGTH,
        widget=TypeaheadInput(placeholder="Anyone: type a name"),
    )
    lead_agency = django_filters.ChoiceFilter(label="Lead agency", empty_label="Any", widget=FilterSelect)
    meeting = django_filters.CharFilter(
        method="agreed_at",
        label="Meeting where agreed",
        max_length=20,
        validators=[meeting_value_validator],
        widget=TypeaheadInput(placeholder="Any: type a date, dd/mm/yyyy"),
    )
    source = django_filters.ChoiceFilter(choices=ActionSource.choices, empty_label="Any", widget=FilterSelect)
    overdue = django_filters.BooleanFilter(method="only_overdue", widget=CHECKBOX, label="Overdue")
    due_soon = django_filters.BooleanFilter(
        method="only_due_soon",
        widget=CHECKBOX,
        label=f"Due in the next {action_rules.DUE_SOON_DAYS} days",
    )

    class Meta:
        model = Action
        fields = ["q", "status", "owner", "lead_agency", "meeting", "source", "overdue", "due_soon"]

    def __init__(self, data=None, *args, group: Group, today: datetime.date | None = None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.group = group
        self.today = today or timezone.localdate()
        self.due_soon_days = partnership_settings().due_soon_days
        self.filters["due_soon"].label = f"Due in the next {self.due_soon_days} days"
        self.filters["lead_agency"].extra["choices"] = _read_once(
            selectors_actions.group_log_agency_choices, group
        )
        # The type-ahead fields ask these for matches, and show the label of the one chosen.
        chosen = self.data or {}
        self.filters["owner"].extra["widget"] = TypeaheadInput(
            placeholder="Anyone: type a name",
            url=reverse("governance:person_lookup"),
            label=_chosen_label(chosen.get("owner"), selectors_actions.person_label),
        )
        self.filters["meeting"].extra["widget"] = TypeaheadInput(
            placeholder="Any: type a date, dd/mm/yyyy",
            url=reverse("governance:action_log_meeting_lookup", args=[group.pk]),
            label=_chosen_label(chosen.get("meeting"), selectors_actions.meeting_label),
        )

    @property
    def searching(self) -> bool:
        """Whether the filters include a free-text search (which reads every action)."""
        return self.is_valid() and bool(self.form.cleaned_data.get("q", "").strip())

    def search(self, queryset, name, value):
        for word in value.split():
            # Owners by name through the people first: a join would read every owner link.
            people = Person.objects.filter(name__icontains=word).values("pk")
            owned = Action.owners.through.objects.filter(person__in=people).values("action_id")
            # The text as its own subquery, so PostgreSQL answers it from the trigram indexes
            # (migration 0011) rather than testing every row of the log against every column.
            text = Action.objects.filter(
                Q(description__icontains=word)
                | Q(title__icontains=word)
                | Q(reference__icontains=word)
                | Q(source_label__icontains=word)
            ).values("pk")
            matched = Q(pk__in=text)
            if "redacted" in queryset.query.annotations:
                # What a confidential action says is not searchable by those it is redacted for.
                matched &= Q(redacted=False)
            condition = matched | Q(pk__in=owned)
            if word.isdigit():
                condition |= Q(number=int(word))
            queryset = queryset.filter(condition)
        return queryset

    def owned_by(self, queryset, name, value):
        # Through the owner links' person index: a join would have the database read the whole log.
        value = value.strip()
        if value.isdigit():
            people = Person.objects.filter(pk=int(value)).values("pk")
        else:  # typed without JavaScript: owners whose name holds every word
            people = Person.objects.all()
            for word in value.split()[:SEARCH_MAX_WORDS]:
                people = people.filter(name__icontains=word)
            people = people.values("pk")
        return queryset.filter(
            pk__in=Action.owners.through.objects.filter(person__in=people).values("action_id")
        )

    def agreed_at(self, queryset, name, value):
        value = value.strip()
        if value.isdigit():
            return queryset.filter(origin_meeting_id=int(value))
        return queryset.filter(origin_meeting__starts_at__date=meeting_date(value))

    def with_status(self, queryset, name, value):
        # An action the group handed on is neither outstanding nor of any status in its log: it
        # is listed with the finished ones, as "handed to …" (issue 10 point 9).
        if value == OUTSTANDING:
            return queryset.filter(status__in=OUTSTANDING_STATUSES, group=self.group)
        if value == FINISHED:
            return queryset.filter(Q(status__in=FINISHED_STATUSES) | ~Q(group=self.group))
        return queryset.filter(status=value, group=self.group)

    def only_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(status__in=OUTSTANDING_STATUSES, due_date__lt=self.today, group=self.group)

    def only_due_soon(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            status__in=OUTSTANDING_STATUSES,
            group=self.group,
            due_date__gte=self.today,
            due_date__lte=self.today + datetime.timedelta(days=self.due_soon_days),
        )
