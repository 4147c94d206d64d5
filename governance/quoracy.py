"""The quoracy rule, as a pure function (no database, no clock).

Arrangements s.8: a multi-agency meeting is quorate only if all three
statutory partners (the local authority, the ICB and the police) are
represented by a present member or an authorised deputy from that agency.
Quoracy is judged for the meeting, and for each item from who was in the
room for it (arrival and departure), so a decision taken after the police
representative left was taken inquorate.

Who counts for a partner is a rule of the group (Group.quorum_counting, default on the
partnership's settings page): by default a current member of the group from that
partner's agency, or a deputy registered on the group (a deputy membership naming such
a member); "anyone present from the agency" is the looser choice. "Member or registered
deputy" is the product's reading of s.8's "authorised deputy". Attendance not yet
recorded never counts.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from governance.choices import (
    REPRESENTING_STATUSES,
    AttendanceStatus,
    QuorumCounting,
    QuorumRule,
    StatutoryRole,
)

PARTNER_NAMES = {
    StatutoryRole.LOCAL_AUTHORITY: "local authority",
    StatutoryRole.INTEGRATED_CARE_BOARD: "ICB",
    StatutoryRole.POLICE: "police",
}


@dataclass(frozen=True)
class Presence:
    """One attendance line, reduced to what the rule needs.

    Positions are the item's place in agenda order (0, 1, 2…):
    `arrived_for` is the first item they were there for (None: from the start),
    `left_before` the first item they missed after leaving (None: stayed).
    `member`: a current member of the group for that partner's agency on the day;
    `registered_deputy`: a deputy whose deputy membership of the group names the
    member they attend for, that member being one for the same agency.
    """

    status: str
    statutory_role: str | None
    arrived_for: int | None = None
    left_before: int | None = None
    member: bool = False
    registered_deputy: bool = False

    def counts(self, counting: str) -> bool:
        """Whether this line may represent its partner at all, under the group's counting rule."""
        if self.status not in REPRESENTING_STATUSES or not self.statutory_role:
            return False
        if counting == QuorumCounting.ANYONE_FROM_PARTNER:
            return True
        if self.status == AttendanceStatus.DEPUTY:
            return self.registered_deputy
        return self.member

    def represents_at(
        self, position: int | None, counting: str = QuorumCounting.MEMBERS_AND_REGISTERED_DEPUTIES
    ) -> bool:
        if not self.counts(counting):
            return False
        if position is None:
            return True
        arrived = self.arrived_for is None or self.arrived_for <= position
        still_there = self.left_before is None or position < self.left_before
        return arrived and still_there


@dataclass(frozen=True)
class Quoracy:
    applies: bool
    missing: tuple[str, ...] = ()
    # The group's quorum rule is not recorded yet (not "no rule"): nothing is judged either way.
    rule_not_set: bool = False

    @property
    def quorate(self) -> bool:
        return not self.missing

    @property
    def missing_names(self) -> list[str]:
        return [PARTNER_NAMES[StatutoryRole(role)] for role in self.missing]

    def __str__(self) -> str:
        if not self.applies:
            return "Quorum rule not set" if self.rule_not_set else "No quorum rule"
        if self.quorate:
            return "Quorate"
        names = self.missing_names
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"Not quorate — {listed} not represented"


def judge_quoracy(
    *,
    rule: str,
    presences: Iterable[Presence],
    at_position: int | None = None,
    counting: str = QuorumCounting.MEMBERS_AND_REGISTERED_DEPUTIES,
) -> Quoracy:
    """Judge the meeting (at_position None) or one agenda item (its position), counting
    the lines the group's `counting` rule lets represent a partner."""
    if rule in (QuorumRule.NONE, QuorumRule.NOT_SET):
        return Quoracy(applies=False, rule_not_set=rule == QuorumRule.NOT_SET)
    represented = {p.statutory_role for p in presences if p.represents_at(at_position, counting)}
    missing = tuple(role for role in StatutoryRole.values if role not in represented)
    return Quoracy(applies=True, missing=missing)
