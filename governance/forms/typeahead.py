"""Type-ahead fields over people and meetings (issue 16): a form field whose page renders only
what is chosen, never a drop-down of every person or meeting.

With JavaScript, static/js/typeahead.js turns the text box into a Tom Select field fed by a
small JSON endpoint (`typeahead_response`), which answers from the same queryset the field
validates against, and the box submits the chosen ids ("12" or "12,34"). Without JavaScript the
box shows the names chosen ("Jane Smith (Police); Ali Khan (Council)") and takes names typed
the same way, or a meeting's date; a name that matches no one, or several people, is refused
with the matches to choose between. Either way an id outside the field's queryset is refused.
"""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import JsonResponse
from django.utils import timezone

from governance.forms.fields import person_label

LOOKUP_LIMIT = 20  # options an endpoint answers with
LOOKUP_QUERY_MAX_LENGTH = 100  # what a type-ahead box sends is cut to this
LOOKUP_MAX_WORDS = 5
MAX_CHOSEN = 50  # ids a multiple field takes in one post
MAX_TEXT_LENGTH = 2_000  # what a box without JavaScript takes
AMBIGUOUS_SHOWN = 5
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


def _date(word: str) -> datetime.date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(word, pattern).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class Kind:
    """What a type-ahead field chooses: how to narrow a queryset by the words typed, the option's
    label, and the text a box without JavaScript shows for a chosen one (read back by `match`)."""

    noun: str
    plural: str
    related: tuple[str, ...]
    match: Callable[[QuerySet, str], QuerySet]
    order: tuple[str, ...]
    label: Callable[[Any], str]
    text: Callable[[Any], str]
    placeholder: str


def _match_people(queryset: QuerySet, text: str) -> QuerySet:
    # "Jane Smith (Police)", as the box shows a chosen person: the name's words, then the agency.
    name, _, agency = text.partition("(")
    for word in name.split()[:LOOKUP_MAX_WORDS]:
        queryset = queryset.filter(name__icontains=word)
    agency = agency.rstrip(") ").strip()
    if agency:
        queryset = queryset.filter(Q(agency__short_name__iexact=agency) | Q(agency__name__iexact=agency))
    return queryset


def _match_meetings(queryset: QuerySet, text: str) -> QuerySet:
    # A date (18/12/2025), a month and a year ("dec 2025"), or words of the group's name.
    for word in text.replace("—", " ").split()[:LOOKUP_MAX_WORDS]:
        lowered = word.lower().strip(",.")
        day = _date(lowered)
        if day is not None:
            queryset = queryset.filter(starts_at__date=day)
        elif lowered.isdigit() and len(lowered) == 4:
            queryset = queryset.filter(starts_at__year=int(lowered))
        elif lowered.isdigit() and int(lowered) <= 31:
            queryset = queryset.filter(starts_at__day=int(lowered))
        elif lowered in MONTHS:
            queryset = queryset.filter(starts_at__month=MONTHS[lowered])
        else:
            queryset = queryset.filter(Q(group__short_name__icontains=word) | Q(group__name__icontains=word))
    return queryset


def _match_users(queryset: QuerySet, text: str) -> QuerySet:
    # A user name ("jbloggs", as the box shows a chosen account), or words of the person's name.
    for word in text.replace("(", " ").replace(")", " ").split()[:LOOKUP_MAX_WORDS]:
        queryset = queryset.filter(
            Q(username__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(person__name__icontains=word)
        )
    return queryset


def _user_label(user) -> str:
    person = getattr(user, "person", None)
    name = person.name if person is not None else user.get_full_name()
    return f"{name} ({user.username})" if name else user.username


PERSON = Kind(
    noun="person",
    plural="people",
    related=("agency",),
    match=_match_people,
    order=("name", "pk"),
    label=person_label,
    text=person_label,
    placeholder="Type part of a name",
)

USER = Kind(
    noun="user",
    plural="users",
    related=("person",),
    match=_match_users,
    order=("username", "pk"),
    label=_user_label,
    text=lambda user: user.username,
    placeholder="Type part of a name or a user name",
)

MEETING = Kind(
    noun="meeting",
    plural="meetings",
    related=("group",),
    match=_match_meetings,
    order=("-starts_at", "-pk"),
    label=str,
    text=lambda meeting: f"{timezone.localtime(meeting.starts_at):%d/%m/%Y}",
    placeholder="Type a date (dd/mm/yyyy) or the group's name",
)


def typeahead_options(queryset: QuerySet, query: str, *, kind: Kind = PERSON, limit: int = LOOKUP_LIMIT):
    """The options a type-ahead endpoint answers with: at most `limit` rows of `queryset` matching
    the words typed (words and length capped), as [{value, text}], in one query."""
    query = query[:LOOKUP_QUERY_MAX_LENGTH]
    rows = kind.match(queryset, query).select_related(*kind.related).order_by(*kind.order)[:limit]
    return [{"value": row.pk, "text": kind.label(row)} for row in rows]


def typeahead_response(request, queryset: QuerySet, *, kind: Kind = PERSON) -> JsonResponse:
    """A type-ahead endpoint's answer to ?q= from `queryset`: what the form's field accepts."""
    return JsonResponse({"results": typeahead_options(queryset, request.GET.get("q", ""), kind=kind)})


def _split(value) -> list[str]:
    """The pieces of what a box posted: ids from Tom Select ("12,34" or several values), or
    names typed without JavaScript separated by ';' (or ',' when there is no ';')."""
    if value in (None, ""):
        return []
    values = value if isinstance(value, list | tuple) else [value]
    pieces: list[str] = []
    for item in values:
        text = str(item)[:MAX_TEXT_LENGTH]
        separator = ";" if ";" in text else ","
        pieces.extend(piece.strip() for piece in text.split(separator))
    return [piece for piece in pieces if piece]


class TypeaheadWidget(forms.TextInput):
    """The text box of a type-ahead field. `chosen` (set by the field) turns the value into the
    objects chosen, so the page shows them and nothing else."""

    def __init__(self, *, url: str = "", multiple: bool = False, placeholder: str = ""):
        super().__init__({"class": "form-control", "autocomplete": "off"})
        self.url = url
        self.multiple = multiple
        self.placeholder = placeholder
        self.chosen: Callable[[list[str]], tuple[list[object], list[str]]] = lambda pieces: ([], pieces)
        self.kind: Kind = PERSON

    def value_from_datadict(self, data, files, name):
        if not self.multiple:
            return super().value_from_datadict(data, files, name)
        getlist = getattr(data, "getlist", None)
        values = getlist(name) if getlist else data.get(name)
        if isinstance(values, list | tuple):
            return [value for value in values if value not in (None, "")]
        return values

    def format_value(self, value):
        return value  # turned into names in get_context

    def get_context(self, name, value, attrs):
        pieces = _split(value if not isinstance(value, int) else str(value))
        objects, typed = self.chosen(pieces)
        options = [{"value": str(obj.pk), "text": self.kind.label(obj)} for obj in objects]
        context = super().get_context(name, None, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-typeahead"] = self.url
        widget_attrs["data-typeahead-options"] = json.dumps(options)
        if self.multiple:
            widget_attrs["data-typeahead-multiple"] = "true"
        widget_attrs.setdefault("placeholder", self.placeholder or self.kind.placeholder)
        shown = [self.kind.text(obj) for obj in objects] + typed
        context["widget"]["value"] = "; ".join(shown) if shown else None
        return context


class TypeaheadMixin:
    """Shared by the single and multiple fields: reads ids or typed names within the queryset."""

    kind: Kind
    queryset: Any
    help_text: Any
    multiple = False

    def __init__(
        self,
        queryset,
        *,
        kind: Kind = PERSON,
        url: str = "",
        placeholder: str = "",
        help_text: str | None = None,
        **kwargs,
    ):
        super().__init__(queryset, **kwargs)  # type: ignore[call-arg]  # the model choice field, next in line
        self._setup(kind=kind, url=url, placeholder=placeholder, help_text=help_text)

    def _setup(self, *, kind: Kind, url: str, placeholder: str, help_text: str | None):
        self.kind = kind
        widget = TypeaheadWidget(url=url, multiple=self.multiple, placeholder=placeholder)
        widget.kind = kind
        widget.chosen = self._chosen
        widget.is_required = self.required
        self.widget = widget
        if help_text is None:
            help_text = f"{kind.placeholder} and choose from the list."
            if self.multiple:
                help_text += " Choose as many as needed."
        self.help_text = help_text

    def set_url(self, url: str) -> None:
        self.widget.url = url

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.chosen = result._chosen
        return result

    def _chosen(self, pieces: list[str]) -> tuple[list[object], list[str]]:
        """The objects of the queryset the ids among `pieces` name (one query, only when any
        does) and the other pieces (text typed without JavaScript, shown back as typed)."""
        ids = [int(piece) for piece in pieces if piece.isdigit() and len(piece) < 19][:MAX_CHOSEN]
        typed = [piece for piece in pieces if not (piece.isdigit() and len(piece) < 19)]
        if not ids:
            return [], typed
        found = {obj.pk: obj for obj in self.queryset.filter(pk__in=ids).select_related(*self.kind.related)}
        return [found[pk] for pk in dict.fromkeys(ids) if pk in found], typed

    def _resolve(self, pieces: list[str]) -> list[object]:
        if len(pieces) > MAX_CHOSEN:
            raise ValidationError(f"Choose at most {MAX_CHOSEN} {self.kind.plural}.", code="too_many")
        chosen: list[object] = []
        errors: list[str] = []
        ids = [piece for piece in pieces if piece.isdigit() and len(piece) < 19]
        if ids:
            found = {str(obj.pk): obj for obj in self.queryset.filter(pk__in=[int(pk) for pk in ids])}
            missing = [pk for pk in ids if pk not in found]
            if missing:
                # Django's own words first, then which: the id was not one the field offers.
                errors.append(
                    f"Select a valid choice: that {self.kind.noun} cannot be chosen here"
                    if len(missing) == 1
                    else f"Select a valid choice: {len(missing)} of those {self.kind.plural} cannot be "
                    "chosen here"
                )
        for piece in pieces:
            if piece.isdigit() and len(piece) < 19:
                if piece in found:
                    chosen.append(found[piece])
                continue
            matches = list(
                self.kind.match(self.queryset, piece)
                .select_related(*self.kind.related)
                .order_by(*self.kind.order)[: AMBIGUOUS_SHOWN + 1]
            )
            exact = [match for match in matches if self.kind.text(match).lower() == piece.lower()]
            if len(matches) == 1 or len(exact) == 1:
                chosen.append(exact[0] if exact else matches[0])
            elif not matches:
                errors.append(f"No {self.kind.noun} that can be chosen here matches “{piece}”")
            else:
                names = "; ".join(self.kind.text(match) for match in matches[:AMBIGUOUS_SHOWN])
                more = " and more" if len(matches) > AMBIGUOUS_SHOWN else ""
                errors.append(f"“{piece}” matches several {self.kind.plural} ({names}{more}): say which")
        if errors:
            raise ValidationError(
                "; ".join(errors) + f". Choose from the {self.kind.plural} offered as you type.",
                code="invalid_choice",
            )
        return list({obj.pk: obj for obj in chosen}.values())


class TypeaheadChoiceField(TypeaheadMixin, forms.ModelChoiceField):
    """One person or meeting, chosen by typing (see the module's docstring)."""

    def to_python(self, value):
        pieces = _split(value)
        if not pieces:
            return None
        if len(pieces) > 1:
            raise ValidationError(f"Choose one {self.kind.noun}.", code="invalid_choice")
        return self._resolve(pieces)[0]

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return [self.prepare_value(item) for item in value]
        return super().prepare_value(value)

    def has_changed(self, initial, data):
        return str(self.prepare_value(initial) or "") != ",".join(_split(data))


class TypeaheadMultipleChoiceField(TypeaheadMixin, forms.ModelMultipleChoiceField):
    """Several people, chosen by typing (see the module's docstring)."""

    multiple = True

    def clean(self, value):
        pieces = _split(value)
        if not pieces:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return self.queryset.none()
        chosen = self._resolve(pieces)
        self.run_validators(chosen)
        return self.queryset.filter(pk__in=[obj.pk for obj in chosen])

    def prepare_value(self, value):
        if isinstance(value, str):
            return value
        if value is not None and hasattr(value, "__iter__"):
            return [str(getattr(item, "pk", item)) for item in value]
        return super().prepare_value(value)

    def has_changed(self, initial, data):
        before = {str(pk) for pk in (self.prepare_value(initial) or [])}
        return before != set(_split(data))


def typeahead(
    form: forms.BaseForm, name: str, queryset: QuerySet, *, url: str, kind: Kind = PERSON, **kwargs
) -> None:
    """Replace the form's field `name` (a select over people or meetings) with a type-ahead field
    over `queryset` fed by `url`, keeping its label, required-ness and help text."""
    old = form.fields[name]
    field_class = (
        TypeaheadMultipleChoiceField
        if isinstance(old, forms.ModelMultipleChoiceField)
        else TypeaheadChoiceField
    )
    extra = {"help_text": old.help_text} if old.help_text else {}
    form.fields[name] = field_class(
        queryset,
        kind=kind,
        url=url,
        label=old.label,
        required=old.required,
        initial=old.initial,
        **{**extra, **kwargs},
    )
