"""The quoracy rule, as a pure function (no database, no clock).

Arrangements s.8: a multi-agency meeting is quorate only if all three
statutory partners (the local authority, the ICB and the police) are
represented by a present member or an authorised deputy from that agency.
Quoracy is judged for the meeting, and for each item from who was in the
room for it (arrival and departure), so a decision taken after the police
representative left was taken inquorate.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from governance.choices import REPRESENTING_STATUSES, QuorumRule, StatutoryRole

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
    """

    status: str
    statutory_role: str | None
    arrived_for: int | None = None
    left_before: int | None = None

    def represents_at(self, position: int | None) -> bool:
        if self.status not in REPRESENTING_STATUSES or not self.statutory_role:
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


def judge_quoracy(*, rule: str, presences: Iterable[Presence], at_position: int | None = None) -> Quoracy:
    """Judge the meeting (at_position None) or one agenda item (its position)."""
    if rule in (QuorumRule.NONE, QuorumRule.NOT_SET):
        return Quoracy(applies=False, rule_not_set=rule == QuorumRule.NOT_SET)
    represented = {p.statutory_role for p in presences if p.represents_at(at_position)}
    missing = tuple(role for role in StatutoryRole.values if role not in represented)
    return Quoracy(applies=True, missing=missing)
