"""Who may do what with reports (django-rules), read with governance's roles.

Highlight reports and the yearly report are partnership documents: anyone with a role in the
partnership reads them (a highlight report once submitted); the secretariat drafts and edits;
a subgroup's chair drafts and submits their own group's highlight report; the yearly report is
approved by the three statutory partners' lead or delegated safeguarding partners (s.19.2).
"""

import rules

from governance.choices import SafeguardingPartnerRole
from governance.permissions import (
    can_view_partnership,
    chaired_group_ids,
    is_chair_of_group,
    is_staff_of_partnership,
)
from reporting.choices import HighlightStatus, YearlyStatus


@rules.predicate
def is_chair_of_report_group(user, report):
    return report is not None and report.group_id in chaired_group_ids(user)


@rules.predicate
def is_submitted(user, report):
    return report is not None and report.status == HighlightStatus.SUBMITTED


@rules.predicate
def chairs_any_group(user):
    return bool(chaired_group_ids(user))


def partner_person(user):
    """The user's person when they are a lead or delegated safeguarding partner of one of the
    three statutory partners (an active person in a statutory agency), else None."""
    person = getattr(user, "person", None) if user.is_authenticated else None
    if (
        person is None
        or not person.active
        or person.safeguarding_partner_role
        not in (SafeguardingPartnerRole.LEAD, SafeguardingPartnerRole.DELEGATED)
        or not person.agency.statutory_role
    ):
        return None
    return person


@rules.predicate
def is_safeguarding_partner(user):
    return partner_person(user) is not None


@rules.predicate
def is_draft_yearly(user, report):
    return report is not None and report.status == YearlyStatus.DRAFT


rules.add_perm(
    "reporting.view_highlight_report",
    is_staff_of_partnership | is_chair_of_report_group | (can_view_partnership & is_submitted),
)
rules.add_perm("reporting.manage_highlight_report", is_staff_of_partnership | is_chair_of_report_group)
# Drafting for a group: the secretariat, or its chair (for the form's list: any chair).
rules.add_perm("reporting.draft_highlight_report", is_staff_of_partnership | is_chair_of_group)
rules.add_perm("reporting.start_highlight_report", is_staff_of_partnership | chairs_any_group)
rules.add_perm("reporting.view_yearly_report", can_view_partnership)
rules.add_perm("reporting.manage_yearly_report", is_staff_of_partnership)
rules.add_perm("reporting.approve_yearly_report", is_safeguarding_partner)
