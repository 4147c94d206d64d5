"""Every change to the partnership's structure goes through these functions.

Views, the admin, management commands and tasks call them; none re-implements
them. Each runs in a transaction and validates before it writes.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.choices import NON_MEMBER_ROLES
from governance.models import Agency, Group, Membership, MembershipRole, Person
from governance.services.common import save_validated
from governance.signals import membership_ended


@transaction.atomic
def agency_save(*, agency: Agency) -> Agency:
    """Create or update an agency; the database enforces one agency per statutory role."""
    return save_validated(agency)


@transaction.atomic
def person_save(*, person: Person) -> Person:
    if person.line_manager_id and person.pk and person.line_manager_id == person.pk:
        raise ValidationError({"line_manager": "A person cannot be their own line manager."})
    return save_validated(person)


@transaction.atomic
def group_save(*, group: Group, reports_to=None) -> Group:
    save_validated(group)
    if reports_to is not None:
        if any(parent.pk == group.pk for parent in reports_to):
            raise ValidationError({"reports_to": "A group cannot report to itself."})
        group.reports_to.set(reports_to)
    return group


@transaction.atomic
def group_update_remit(
    *, group: Group, remit: str, terms_of_reference_review_date: datetime.date | None
) -> Group:
    group.remit = remit
    group.terms_of_reference_review_date = terms_of_reference_review_date
    return save_validated(group)


def membership_validate_deputy(*, role: str, person_id: int | None, deputy_for_id: int | None) -> None:
    """A deputy names the member they stand in for; nobody else names one."""
    errors = {}
    if role == MembershipRole.DEPUTY:
        if not deputy_for_id:
            errors["deputy_for"] = "Name the member this person deputises for."
        elif deputy_for_id == person_id:
            errors["deputy_for"] = "A person cannot deputise for themselves."
    elif deputy_for_id:
        errors["deputy_for"] = "Only a deputy stands in for a named member."
    if errors:
        raise ValidationError(errors)


def _validate_deputy_agency(membership: Membership) -> None:
    """A deputy represents the same agency as the member they stand in for (as the attendance
    page already insists), so a registered deputy counts for that partner's quoracy and no other."""
    if membership.role != MembershipRole.DEPUTY or not membership.deputy_for_id or not membership.group_id:
        return
    member = (
        Membership.objects.filter(group_id=membership.group_id, person_id=membership.deputy_for_id)
        .exclude(role__in=NON_MEMBER_ROLES)
        .select_related("agency", "person")
        .order_by("-start_date")
        .first()
    )
    member_agency = (
        member.agency
        if member
        else Person.objects.select_related("agency").get(pk=membership.deputy_for_id).agency
    )
    own_agency_id = membership.agency_id or (membership.person.agency_id if membership.person_id else None)
    if own_agency_id is not None and own_agency_id != member_agency.pk:
        own_agency = Agency.objects.get(pk=own_agency_id)
        raise ValidationError(
            {
                "deputy_for": f"A deputy must be from the same agency as the member they stand in for: "
                f"{membership.deputy_for} represents {member_agency.label}, {membership.person} is "
                f"from {own_agency.label}."
            }
        )


def _overlapping_same_role(membership: Membership):
    """Another membership of the same person, group and role whose dates overlap."""
    others = Membership.objects.filter(
        person_id=membership.person_id, group_id=membership.group_id, role=membership.role
    ).exclude(pk=membership.pk)
    end = membership.end_date or datetime.date.max
    return [
        other
        for other in others
        if other.start_date < end and (other.end_date is None or other.end_date > membership.start_date)
    ]


def membership_validate(*, membership: Membership) -> None:
    """The rules a membership keeps wherever it is edited (pages, admin): a deputy names the
    member they stand in for, and nobody holds the same role in a group twice at once."""
    membership_validate_deputy(
        role=membership.role, person_id=membership.person_id, deputy_for_id=membership.deputy_for_id
    )
    _validate_deputy_agency(membership)
    if _overlapping_same_role(membership):
        raise ValidationError(
            f"{membership.person} already holds the role of {membership.get_role_display().lower()} "
            f"in {membership.group} for part of these dates."
        )


@transaction.atomic
def membership_save(*, membership: Membership) -> Membership:
    """Add or change a membership. The agency defaults to the person's own."""
    if not membership.agency_id and membership.person_id:
        membership.agency_id = membership.person.agency_id
    membership_validate(membership=membership)
    return save_validated(membership)


@transaction.atomic
def membership_end(
    *, membership: Membership, end_date: datetime.date | None = None, today: datetime.date | None = None
) -> Membership:
    """End a membership. It stays in the group's history; it leaves the current list.

    `end_date` defaults to `today` (default the clock's date)."""
    today = today or timezone.localdate()
    end_date = end_date or today
    if membership.end_date is not None and membership.end_date <= today:
        raise ValidationError("This membership has already ended.")
    if end_date < membership.start_date:
        raise ValidationError(
            {"end_date": f"The end date cannot be before the start date ({membership.start_date:%d %b %Y})."}
        )
    membership.end_date = end_date
    saved = save_validated(membership)
    if end_date <= today:
        transaction.on_commit(lambda: membership_ended.send(sender=Membership, membership=saved))
    return saved
