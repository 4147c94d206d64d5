"""Who may do what with audits, self-assessments and the scorecard (django-rules predicates).

- A programme's audits: its owning group's members (the Quality & Effectiveness group) and the
  secretariat run them; partner readers read them.
- A self-assessment: the people of its agency (any active person of that agency with a login:
  the product's choice, as the hosted tools give each agency its own login) see and edit only
  their own agency's; the cycle's group (Q&E) and the secretariat moderate; partners read.
- A single-agency audit: submitted by its agency's people or the secretariat; the reviewing
  group and the secretariat review it; partners read.
- The scorecard: anyone with a role reads it; the secretariat keeps it.
"""

import rules
from django.db.models import Q

from governance.permissions import (
    can_view_partnership,
    is_partner_reader,
    is_staff_of_partnership,
    member_group_ids,
)


def person_agency_id(user) -> int | None:
    """The agency of the user's active person (cached on the user), or None."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_audits_agency_id"):
        person = getattr(user, "person", None)
        user._audits_agency_id = person.agency_id if person is not None and person.active else None
    return user._audits_agency_id


@rules.predicate
def has_agency(user):
    return person_agency_id(user) is not None


@rules.predicate
def is_member_of_owning_group(user, obj):
    """A member of the group owning a programme, cycle or single-agency audit."""
    return obj is not None and obj.group_id in member_group_ids(user)


@rules.predicate
def is_member_of_audit_group(user, audit):
    return audit is not None and audit.programme.group_id in member_group_ids(user)


@rules.predicate
def is_member_of_cycle_group(user, assessment):
    return assessment is not None and assessment.cycle.group_id in member_group_ids(user)


@rules.predicate
def is_of_agency(user, obj):
    """The user's person works for the record's agency."""
    return obj is not None and obj.agency_id == person_agency_id(user)


may_open_audits = can_view_partnership | has_agency

rules.add_perm("audits.open", may_open_audits)
rules.add_perm("audits.manage", is_staff_of_partnership)

rules.add_perm(
    "audits.view_programme", is_staff_of_partnership | is_partner_reader | is_member_of_owning_group
)
rules.add_perm("audits.edit_programme", is_staff_of_partnership | is_member_of_owning_group)
rules.add_perm("audits.view_audit", is_staff_of_partnership | is_partner_reader | is_member_of_audit_group)
rules.add_perm("audits.edit_audit", is_staff_of_partnership | is_member_of_audit_group)

rules.add_perm("audits.view_cycle", is_staff_of_partnership | is_partner_reader | is_member_of_owning_group)
rules.add_perm(
    "audits.view_assessment",
    is_staff_of_partnership | is_partner_reader | is_member_of_cycle_group | is_of_agency,
)
rules.add_perm("audits.edit_assessment", is_staff_of_partnership | is_of_agency)
# An agency does not moderate its own self-assessment, nor review its own audit, even when its
# person sits on the moderating group (the product's choice).
rules.add_perm(
    "audits.moderate_assessment", is_staff_of_partnership | (is_member_of_cycle_group & ~is_of_agency)
)

rules.add_perm(
    "audits.view_single_audit",
    is_staff_of_partnership | is_partner_reader | is_member_of_owning_group | is_of_agency,
)
rules.add_perm(
    "audits.review_single_audit", is_staff_of_partnership | (is_member_of_owning_group & ~is_of_agency)
)
rules.add_perm("audits.submit_single_audit", is_staff_of_partnership | has_agency)

rules.add_perm("audits.view_scorecard", can_view_partnership)


def visible_programmes(user) -> Q | None:
    """A Q over AuditProgramme (or anything with a `group`) the user may read; None: all."""
    if is_staff_of_partnership(user) or is_partner_reader(user):
        return None
    return Q(group_id__in=member_group_ids(user))


def visible_assessments(user) -> Q | None:
    """A Q over SelfAssessment the user may read; None: all."""
    if is_staff_of_partnership(user) or is_partner_reader(user):
        return None
    return Q(cycle__group_id__in=member_group_ids(user)) | Q(agency_id=person_agency_id(user))


def visible_single_audits(user) -> Q | None:
    if is_staff_of_partnership(user) or is_partner_reader(user):
        return None
    return Q(group_id__in=member_group_ids(user)) | Q(agency_id=person_agency_id(user))
