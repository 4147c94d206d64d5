"""The shapes of demo data: plain, frozen records the loader turns into rows.

People, groups and agencies refer to one another by name (agencies by short
name) so the data files read like the seed documents they come from.
"""

import datetime
from dataclasses import dataclass, field

from governance.models import (
    GroupKind,
    MeetingFrequency,
    MembershipRole,
    QuorumRule,
    Sector,
    StatutoryRole,
)


@dataclass(frozen=True)
class AgencySpec:
    name: str
    short_name: str
    sector: Sector
    # Staff e-mail addresses are firstname.lastname@<domain>.example.org.
    domain: str
    statutory_role: StatutoryRole | None = None


@dataclass(frozen=True)
class PersonSpec:
    name: str
    job_title: str
    agency: str
    line_manager: str | None = None
    active: bool = True


@dataclass(frozen=True)
class GroupSpec:
    name: str
    short_name: str
    kind: GroupKind
    meeting_frequency: MeetingFrequency
    remit: str = ""
    review_date: datetime.date | None = None
    reports_to: tuple[str, ...] = ()
    quorum_rule: QuorumRule = QuorumRule.ALL_STATUTORY_PARTNERS


@dataclass(frozen=True)
class SeatSpec:
    """One membership of a group; `agency` only when it is not the person's own."""

    person: str
    role: MembershipRole
    start: datetime.date
    end: datetime.date | None = None
    deputy_for: str | None = None
    agency: str | None = None


@dataclass(frozen=True)
class DemoUserSpec:
    username: str
    person: str
    superuser: bool = False
    auth_groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartnershipSpec:
    key: str
    title: str
    agencies: tuple[AgencySpec, ...]
    people: tuple[PersonSpec, ...]
    # Parents come before the groups that report to them.
    groups: tuple[GroupSpec, ...]
    seats: dict[str, tuple[SeatSpec, ...]] = field(default_factory=dict)
    users: tuple[DemoUserSpec, ...] = ()

    @property
    def statutory_partner_names(self) -> set[str]:
        return {agency.name for agency in self.agencies if agency.statutory_role}
