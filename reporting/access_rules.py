"""Who gets what from each reporting page, by name (core.access; the permission matrix checks).

The matrix's highlight report is the Education Group's draft: its chair and the staff reach
it; to everyone else a draft does not exist yet (404). Its yearly report is a draft, read by
anyone with a role. None of the matrix's users is a lead or delegated safeguarding partner, so
approving is refused to them all.
"""

from core.access import rule
from governance.access_rules import (
    PARTNERSHIP_VIEWERS,
    STAFF,
    STAFF_DONE,
    STAFF_POST,
)

# The list of reports and the yearly reports: anyone with a role in the partnership.
REPORT_READERS = PARTNERSHIP_VIEWERS
# Starting a highlight report: the secretariat and any group's chair (for their own groups).
HIGHLIGHT_STARTERS = rule(
    "the staff and chairs (their own groups)",
    default=403,
    chair=200,
    other_chair=200,
    secretariat=200,
    admin=200,
)
HIGHLIGHT_STARTERS_POST = HIGHLIGHT_STARTERS.with_method("POST")
# A draft highlight report: its group's chair and the staff; unknown to everyone else.
DRAFT_HIGHLIGHT = rule(
    "a draft highlight report: its group's chair and the staff",
    default=404,
    no_role=404,
    chair=200,
    secretariat=200,
    admin=200,
)
DRAFT_HIGHLIGHT_POST = DRAFT_HIGHLIGHT.with_method("POST")
DRAFT_HIGHLIGHT_DONE = DRAFT_HIGHLIGHT.with_method("POST", chair=302, secretariat=302, admin=302)
# The yearly report's editing: the secretariat and admins.
YEARLY_EDITORS = STAFF
YEARLY_EDITORS_POST = STAFF_POST
YEARLY_EDITORS_DONE = STAFF_DONE
# Approving: a lead or delegated safeguarding partner of a statutory partner (none here).
YEARLY_APPROVERS_POST = rule("a statutory partner's safeguarding partner", method="POST", default=403)
