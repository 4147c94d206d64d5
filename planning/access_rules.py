"""Who gets what from each planning page, by name (core.access; checked by the permission matrix).

The matrix's world (planning/tests/matrix.py): the plan cell and objective are owned by the group
the matrix's member and chair sit in; the escalation goes from that group to a board none of the
kinds chairs."""

from core.access import rule
from governance.access_rules import (
    GROUP_RUNNERS,
    GROUP_RUNNERS_POST,
    PARTNERSHIP_VIEWERS,
    STAFF,
    STAFF_DONE,
    STAFF_POST,
)

# Reading the plan, escalations, risks, scrutiny and the budget: anyone with a role.
VIEWERS = PARTNERSHIP_VIEWERS
# Keeping the registers: the secretariat and admins.
KEEPERS = STAFF
KEEPERS_POST = STAFF_POST
KEEPERS_DONE = STAFF_DONE
# A cell's progress and objectives, an objective's actions: its owning group's chair and the staff.
CELL_JUDGES = GROUP_RUNNERS
CELL_JUDGES_POST = GROUP_RUNNERS_POST
# Escalating: any current chair (from the group they chair) and the staff.
ESCALATORS = rule(
    "chairs (from their group) and the staff",
    default=403,
    chair=200,
    other_chair=200,
    secretariat=200,
    admin=200,
)
ESCALATORS_POST = ESCALATORS.with_method("POST")
