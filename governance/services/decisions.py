"""A decision's quoracy, judged when it is recorded and judged again whenever the meeting's
attendance changes, until the meeting's minutes are approved (issue 10, point 2).

Shared by the minutes services (recording a decision, approving minutes) and the
attendance services (re-judging after a change), so neither imports the other.
"""

from django.db import transaction

from governance import decision_rules
from governance.models import Decision, Meeting, MinutesStatus
from governance.quoracy import Quoracy
from governance.selectors.meetings import agenda_items_in_order, attendance_for_quoracy, item_quoracy
from governance.services.agenda import agenda_ratification_item_ensure, group_next_meeting


def decision_judge(decision: Decision, quoracy: Quoracy) -> bool:
    """Set the decision's quoracy fields from `quoracy`; True if any of them changed (not saved)."""
    judged = (
        quoracy.quorate,
        ", ".join(quoracy.missing_names),
        decision_rules.needs_ratification(key_decision=decision.key_decision, quorate=quoracy.quorate),
    )
    if (decision.taken_quorate, decision.missing_partners, decision.needs_ratification) == judged:
        return False
    decision.taken_quorate, decision.missing_partners, decision.needs_ratification = judged
    return True


def ratification_item_ensure(*, meeting: Meeting) -> None:
    """A decision of `meeting` waits for ratification: put the item on the group's next meeting."""
    next_meeting = group_next_meeting(group=meeting.group, after=meeting.starts_at)
    if next_meeting is not None:
        agenda_ratification_item_ensure(meeting=next_meeting)


@transaction.atomic
def decisions_rejudge(*, meeting: Meeting) -> list[Decision]:
    """Judge again the quoracy of the meeting's decisions from its attendance as it now stands.

    Not once the minutes are approved (the record is then locked, and a correction
    is an amendment), and not for a decision already ratified (its ratification
    stands). Returns the decisions that changed. One query when the meeting has
    no decisions; three, plus one write per changed decision, otherwise.
    """
    decisions = list(
        Decision.objects.select_for_update(of=("self",))
        .filter(agenda_item__meeting=meeting, ratified_on__isnull=True)
        .exclude(agenda_item__meeting__minutes__status=MinutesStatus.APPROVED)
        .select_related("agenda_item")
    )
    if not decisions:
        return []
    attendance = attendance_for_quoracy(meeting=meeting)
    items = agenda_items_in_order(meeting=meeting)
    changed = []
    for decision in decisions:
        quoracy = item_quoracy(meeting=meeting, item=decision.agenda_item, attendance=attendance, items=items)
        if decision_judge(decision, quoracy):
            decision.save(
                update_fields=["taken_quorate", "missing_partners", "needs_ratification", "updated_at"]
            )
            changed.append(decision)
    if any(decision.needs_ratification for decision in changed):
        ratification_item_ensure(meeting=meeting)
    return changed
