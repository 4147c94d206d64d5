"""Bringing an existing action log in (issue 10 point 10): every row saved, or none."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from governance.action_import import ImportRow
from governance.choices import FINISHED_STATUSES
from governance.models import Action, ActionNumberSequence, ActionSource, ActionUpdate, Agency, Group, Person
from governance.services.actions import _dated, _person_of


@transaction.atomic
def actions_import(
    *,
    group: Group,
    rows: list[ImportRow],
    imported_by,
    file_name: str = "",
    now: datetime.datetime | None = None,
) -> list[Action]:
    """Save checked rows in the group's log with their own numbers and references, in one
    transaction: a number taken meanwhile or an owner still unresolved saves nothing. The
    group's sequence then continues after the highest number. Owners are not notified: these
    actions are already known to them. A finished row without a completion date is dated the
    day of the import."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if not rows:
        raise ValidationError("There are no actions to import.")
    unresolved = sorted({word for row in rows for word in row.unresolved})
    if unresolved:
        raise ValidationError(f"Say who these owners are first: {', '.join(unresolved)}.")
    sequence, _ = ActionNumberSequence.objects.select_for_update().get_or_create(group=group)
    taken = set(
        Action.objects.filter(group=group, number__in=[row.number for row in rows]).values_list(
            "number", flat=True
        )
    )
    if taken:
        listed = ", ".join(str(number) for number in sorted(taken))
        raise ValidationError(f"Action numbers already in the log since the file was checked: {listed}.")
    people = Person.objects.in_bulk({pk for row in rows for pk in row.people})
    groups = Group.objects.in_bulk({row.group for row in rows if row.group})
    agencies = Agency.objects.in_bulk({row.lead_agency for row in rows if row.lead_agency})
    label = f"Imported from {file_name}" if file_name else "Imported action log"
    author = imported_by if getattr(imported_by, "pk", None) else None
    saved = []
    for row in rows:
        finished = row.status in FINISHED_STATUSES
        action = Action(
            group=group,
            number=row.number,
            reference=row.reference,
            source=ActionSource.GROUP,
            source_label=label,
            title=row.title,
            description=row.description,
            owner_group=groups.get(row.group) if row.group else None,
            lead_agency=agencies.get(row.lead_agency) if row.lead_agency else None,
            due_date=row.due_date,
            original_due_date=row.due_date,
            status=row.status,
            completed_on=(row.completed_on or today) if finished else None,
            completion_note=row.latest_update if row.status == "completed" else "",
            created_by=author,
        )
        try:
            action.full_clean(exclude=["created_by"])
        except ValidationError as error:
            raise ValidationError(f"Row {row.row}: {'; '.join(error.messages)}") from error
        action.save()
        _dated(action, now)
        action.owners.set([people[pk] for pk in row.people])
        if row.latest_update:
            update = ActionUpdate.objects.create(
                action=action, author=author, author_person=_person_of(imported_by), text=row.latest_update
            )
            _dated(update, now)
        saved.append(action)
    highest = Action.objects.filter(group=group).aggregate(highest=Max("number"))["highest"] or 0
    sequence.last_number = max(sequence.last_number, highest)
    sequence.save(update_fields=["last_number"])
    return saved
