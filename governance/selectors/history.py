"""A record's history, field by field, for its History tab: simple-history's rows, newest
first, each compared with the row before it. Two queries for a page whatever its length: the
count, and the page's rows plus the one just older than the page's last (to diff it)."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import models

HISTORY_PAGE_SIZE = 25
CHANGE_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}
# Bookkeeping every row carries; not a change anyone made.
SKIPPED_FIELDS = {"id", "created_at", "updated_at"}


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: Any
    who: str
    what: str
    reason: str
    changes: list[FieldChange]


def _display(field: models.Field, value) -> str:
    if value is None or value == "":
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(field, models.ForeignKey):
        return f"#{value}"
    return str(value)


def _tracked_fields(model: type[models.Model]) -> list[models.Field]:
    """The record's own columns (many-to-many relations are left out: their history is a
    query per row, and the records that have one show it on their own page: an action's
    hand-overs, a group's reporting line)."""
    return [field for field in model._meta.concrete_fields if field.name not in SKIPPED_FIELDS]


def _who(row) -> str:
    user = row.history_user
    if user is None:
        return "The system"
    person = getattr(user, "person", None)
    return person.name if person is not None else user.get_username()


def _entry(row, older, fields: list[models.Field]) -> HistoryEntry:
    changes = []
    for field in fields:
        new = getattr(row, field.attname)
        old = getattr(older, field.attname) if older is not None else None
        if row.history_type == "+" or old != new:
            if row.history_type == "+" and new in (None, ""):
                continue
            changes.append(
                FieldChange(str(field.verbose_name).capitalize(), _display(field, old), _display(field, new))
            )
    return HistoryEntry(
        when=row.history_date,
        who=_who(row),
        what=CHANGE_TYPES.get(row.history_type, row.history_type),
        reason=row.history_change_reason or "",
        changes=changes,
    )


def record_history(instance: models.Model, *, page_number: Any = None) -> tuple[Page, list[HistoryEntry]]:
    """The page of the record's history the request asks for, and its entries with their changes."""
    rows = instance.history.select_related("history_user__person").order_by("-history_date", "-history_id")  # type: ignore[attr-defined]
    page = Paginator(rows, HISTORY_PAGE_SIZE).get_page(page_number)
    if not page.paginator.count:
        return page, []
    start = page.start_index() - 1
    window = list(rows[start : page.end_index() + 1])
    fields = _tracked_fields(type(instance))
    on_page = window[: page.end_index() - start]
    entries = [
        _entry(row, window[index + 1] if index + 1 < len(window) else None, fields)
        for index, row in enumerate(on_page)
    ]
    return page, entries
