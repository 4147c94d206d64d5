"""Actions agreed at a confidential agenda item: as confidential as the item (issue 9).

Those who may see the item (the secretariat, current members of the group whose meeting agreed
it: the meetings' `view_confidential_items` rule) see the action in full. Everyone else who may
read the log sees "a confidential action": its number, owners' initials, due date and status, so
a chair can still chase it; exports leave it out. The rows are marked in the query that lists
them (`redacted`, no query more) and stripped in `governance.selectors.actions.decorate`.
"""

import datetime

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When

from governance.models import Action, Membership, Person
from governance.permissions import is_staff_of_partnership, member_group_ids

CONFIDENTIAL_ACTION_TITLE = "A confidential action"

# Under a confidential item is confidential too (governance.agenda_rules); items nest as 4, 4.1
# and at most 4.1.1.
AGREED_AT_CONFIDENTIAL_ITEM = (
    Q(origin_item__confidential=True)
    | Q(origin_item__parent__confidential=True)
    | Q(origin_item__parent__parent__confidential=True)
)


def _redacted_unless(may_see_item: Q) -> Case:
    return Case(
        When(AGREED_AT_CONFIDENTIAL_ITEM & ~may_see_item, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def with_redaction(queryset: QuerySet, user) -> QuerySet:
    """Annotate `redacted` on each action agreed at a confidential item `user` may not see. No
    query of its own: the user's roles and memberships are cached on the user."""
    if user is None or is_staff_of_partnership(user):
        return queryset
    members = member_group_ids(user)
    return queryset.annotate(redacted=_redacted_unless(Q(origin_item__meeting__group_id__in=members)))


def with_redaction_for_person(queryset: QuerySet, person: Person, *, today: datetime.date) -> QuerySet:
    """`with_redaction` for what a person may be told (My actions without a user, reminders)."""
    groups = Membership.objects.current(today).filter(person=person).values("group_id")
    return queryset.annotate(redacted=_redacted_unless(Q(origin_item__meeting__group_id__in=groups)))


def redact(action: Action) -> None:
    """Leave a fetched action marked `redacted` its number, owners' initials, due date and status:
    what it says, where it came from and its trail are taken off the row in memory. Services
    re-read (and lock) the row they change, so nothing redacted is ever saved."""
    action.redacted = True
    action.title = CONFIDENTIAL_ACTION_TITLE
    action.description = ""
    action.reference = ""
    action.source_label = ""
    action.completion_note = ""
    action.owner_names = ""
    action.lead_agency = None
    action.origin_item = None
    action.trail = []
    action.reviewed_updates = []
    action.latest_update = None
