"""Who may do what in the business plan, escalations, the risk register, scrutiny and the budget.

Reading: anyone with a role in the partnership (governance.view_partnership), as the partner
dashboard and the yearly report draw on these. Writing: the secretariat and admins; besides them, a
cell's owning-group chair records its progress and an objective's owning-group chair its actions;
a subgroup's chair escalates from their group; the board's chair records the board's response.
"""

import rules

from governance.permissions import can_view_partnership, chaired_group_ids, is_staff_of_partnership


@rules.predicate
def chairs_cell_group(user, cell):
    return cell is not None and cell.owning_group_id in chaired_group_ids(user)


@rules.predicate
def chairs_objective_group(user, objective):
    return objective is not None and objective.owning_group_id in chaired_group_ids(user)


@rules.predicate
def chairs_any_group(user):
    return bool(chaired_group_ids(user))


@rules.predicate
def chairs_board_of(user, escalation):
    return escalation is not None and escalation.to_group_id in chaired_group_ids(user)


rules.add_perm("planning.view_planning", can_view_partnership)
rules.add_perm("planning.manage_planning", is_staff_of_partnership)
rules.add_perm("planning.judge_cell", is_staff_of_partnership | chairs_cell_group)
rules.add_perm("planning.record_objective_action", is_staff_of_partnership | chairs_objective_group)
rules.add_perm("planning.edit_objective", is_staff_of_partnership | chairs_objective_group)
rules.add_perm("planning.raise_escalation", is_staff_of_partnership | chairs_any_group)
rules.add_perm("planning.respond_escalation", is_staff_of_partnership | chairs_board_of)


def escalating_group_ids(user) -> set[int] | None:
    """The groups the user may escalate from: None for every group (the staff), else those they chair."""
    if is_staff_of_partnership(user):
        return None
    return chaired_group_ids(user)
