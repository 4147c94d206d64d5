"""The shapes of demo data: plain, frozen records the loader turns into rows.

People, groups and agencies refer to one another by name (agencies by short
name) so the data files read like the seed documents they come from.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from governance.models import (
    AgendaPurpose,
    GroupKind,
    LogReaders,
    MeetingFrequency,
    MembershipRole,
    QuorumRule,
    SafeguardingPartnerRole,
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
    partner_role: SafeguardingPartnerRole | None = None


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
    log_readers: LogReaders = LogReaders.MEMBERS_AND_BOARD
    log_open_to_partners: bool = False


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


# A year of governance ------------------------------------------------------------------------------
# Meetings, agendas, papers, attendance, minutes and action logs (demo.year loads them).


@dataclass(frozen=True)
class StepSpec:
    """One entry in an action's trail, posted at the `after`-th held meeting of the group holding the
    action (1: the first after it was agreed or handed over), or `by_owner_days` after that meeting by
    an owner who has a login (else by the secretariat on their behalf).

    `{next GROUP}` in the text becomes the date of that group's next meeting (by short name).
    """

    after: int
    text: str
    status: str = ""
    revise_weeks: int | None = None  # the due date becomes the review date plus this many weeks
    revise_to_month_end: int | None = None  # …or the last day of the month this many months on
    reason: str = ""
    by_owner_days: int | None = None
    hand_to: str | None = None  # group name: handed over at this review
    hand_note: str = ""


@dataclass(frozen=True)
class ActionSpec:
    description: str
    owners: tuple[str, ...]
    title: str = ""
    due_days: int | None = 42  # after the meeting; None: "by the next meeting"
    steps: tuple[StepSpec, ...] = ()
    # Handed to another group's log as soon as it is agreed ("CB to pass to Chair of Strategic Group").
    hand_to: str | None = None
    hand_note: str = ""


class PaperTiming:
    ON_TIME = "on_time"
    LATE_ACCEPTED = "late_accepted"
    LATE_HELD_BACK = "late_held_back"


@dataclass(frozen=True)
class PaperSpec:
    title: str
    author: str | None = None  # the item's presenter unless given
    word: bool = False  # a .docx instead of a PDF
    timing: str = PaperTiming.ON_TIME
    accepted_reason: str = ""


@dataclass(frozen=True)
class ItemSpec:
    title: str
    presenter: str | None = None
    purpose: AgendaPurpose = AgendaPurpose.INFORMATION
    minutes_allowed: int | None = 15
    discussion: str = ""
    papers: tuple[PaperSpec, ...] = ()
    decision: str = ""
    actions: tuple[ActionSpec, ...] = ()
    sub_items: tuple["ItemSpec", ...] = ()
    confidential: bool = False


@dataclass(frozen=True)
class AmendmentSpec:
    """At this meeting the previous minutes are approved with an amendment to the item whose title
    contains `item_title`: its wording gains `addition`, at the request of `requested_by`."""

    item_title: str
    addition: str
    requested_by: str


class Scenario:
    """What happens at a meeting beyond the ordinary (attendance, papers, the minutes' fate)."""

    CANCELLED = "cancelled"
    # Everyone from this statutory partner (agency short name) sends apologies; no deputy comes.
    PARTNER_ABSENT = "partner_absent"
    # `person` leaves before the first item carrying a decision; nobody else represents their agency.
    LEAVES_BEFORE_DECISION = "leaves_before_decision"
    DEPUTY_ATTENDS = "deputy_attends"  # `person` sends apologies and their deputy comes instead
    ARRIVES_LATE = "arrives_late"  # `person` arrives for the first item after the opening ones
    IN_ATTENDANCE = "in_attendance"  # `person` (an adviser, say) is in attendance throughout
    ATTENDS_FOR_ITEM = "attends_for_item"  # `person` is in attendance for the item titled `item_title` only
    APOLOGIES = "apologies"  # `person` sends apologies (`reason`)
    ABSENT_WITHOUT_APOLOGIES = "absent_without_apologies"
    INVALID_APOLOGY = "invalid_apology"  # `person`'s apology has no valid reason
    LATE_PAPER_ACCEPTED = "late_paper_accepted"
    LATE_PAPER_HELD_BACK = "late_paper_held_back"


@dataclass(frozen=True)
class ScenarioSpec:
    kind: str
    person: str = ""
    agency: str = ""
    reason: str = ""
    item_title: str = ""
    # Business the scenario needs, added to the meeting's agenda (e.g. the decision taken inquorate).
    item: ItemSpec | None = None


@dataclass(frozen=True)
class MeetingPlanSpec:
    """A meeting's own agenda and happenings; the standing items come from the group's template."""

    items: tuple[ItemSpec, ...] = ()
    scenarios: tuple[ScenarioSpec, ...] = ()
    amendment: AmendmentSpec | None = None
    # Written into the minutes of the standing items, by StandingItem value.
    standing_minutes: dict[str, str] = field(default_factory=dict)
    # Minutes of the "messages to and from partnership groups" lines, by reporting group name.
    messages: dict[str, str] = field(default_factory=dict)
    # Ordinary meetings have a few apologies and advisers who come or not, chosen by a seeded dice;
    # a scripted meeting has exactly the attendance its scenarios say.
    ordinary: bool = True

    def with_scenarios(self, scenarios: tuple[ScenarioSpec, ...]) -> "MeetingPlanSpec":
        extra = tuple(scenario.item for scenario in scenarios if scenario.item is not None)
        return replace(self, items=self.items + extra, scenarios=self.scenarios + scenarios)


@dataclass(frozen=True)
class GroupYearSpec:
    """How one group met over the year, and what it talked about.

    Ordinary meetings take `recurring` items every time and the next `per_meeting` of `one_offs`
    (each used once; when they run out the meeting has only its recurring business).
    """

    group: str
    start: datetime.time
    end: datetime.time
    location: str = ""
    online_link: str = ""
    # A month-based group's first meeting: this many days after the start of the year, moved to `weekday`.
    first_offset_days: int = 0
    weekday: int = 1
    recurring: tuple[ItemSpec, ...] = ()
    one_offs: tuple[ItemSpec, ...] = ()
    per_meeting: int = 2
    publishes_minutes: bool = True
    # The latest meeting's minutes are still a draft (else circulated, awaiting approval).
    latest_minutes_draft: bool = False
    # Meetings counted back from the latest held one (1 = latest) and what happens there.
    scenarios: dict[int, tuple[ScenarioSpec, ...]] = field(default_factory=dict)
    amendments: dict[int, AmendmentSpec] = field(default_factory=dict)
    upcoming: int = 1


@dataclass(frozen=True)
class HistorySpec:
    """A year of governance for a partnership, ending on the day the demo is loaded.

    The board meets six-weekly through `anchor(today)`, the day its scripted meetings are set
    around: `anchor_plans(anchor)` gives the plans of the meetings two before, one before and on
    that day, in order. Board meetings counted back from the latest held one (skipping the
    scripted three) carry `board_scenarios`.
    """

    board: GroupYearSpec
    subgroups: tuple[GroupYearSpec, ...]
    anchor: Callable[[datetime.date], datetime.date]
    anchor_plans: Callable[[datetime.date], tuple[MeetingPlanSpec, MeetingPlanSpec, MeetingPlanSpec]]
    board_scenarios: tuple[tuple[ScenarioSpec, ...], ...] = ()


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
    # A year of meetings and action logs; None loads the structure only.
    history: HistorySpec | None = None

    @property
    def statutory_partner_names(self) -> set[str]:
        return {agency.name for agency in self.agencies if agency.statutory_role}
