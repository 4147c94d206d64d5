"""Who gets what from each case review page, by name (read against reviews/permissions.py).

Relative to the matrix's world (hscp/tests/test_permission_matrix.py): `jcr` is a current
member (not the chair) of the Joint Case Review group; no other kind is in it, none is a named
case review officer and none holds a grant. To everyone outside the case a review does not
exist (404), the list and the deadlines board included; the anonymised numbers page is for
anyone with a role in the partnership.
"""

from core.access import rule
from governance.access_rules import ADMINS, ADMINS_POST, ADMINS_REMOVE_POST, PARTNERSHIP_VIEWERS

# A review's pages and the lists of reviews: JCR members, case review officers (and, for one
# review's read-only pages, those granted access to it).
REVIEWERS = rule("case reviewers only (JCR members, named officers, grants)", default=404, jcr=200)
# A blank form posted is shown again with its errors.
REVIEWERS_POST = REVIEWERS.with_method("POST")
# State changes posted from the review's page (a request chased or received): GET is refused;
# a blank POST goes back to the review with a message.
REVIEWERS_POST_ONLY = rule("POST only, case reviewers", default=405)
REVIEWERS_DONE = REVIEWERS.with_method("POST", jcr=302)
# Giving and withdrawing access to a review: admins and the JCR chair; other reviewers 403.
GRANT_MANAGERS = rule("admins and the JCR chair", default=404, jcr=403, admin=200)
GRANT_MANAGERS_POST = GRANT_MANAGERS.with_method("POST")
# Withdrawing names the grant in the form: a blank form finds none (404) for an admin.
GRANT_WITHDRAW_POST = GRANT_MANAGERS.with_method("POST", admin=404)
# The clock rules: read by reviewers and admins, changed by admins.
CLOCK_READERS = rule("case reviewers and admins", default=403, jcr=200, admin=200)
# Counts only, no case material.
NUMBERS = PARTNERSHIP_VIEWERS.but("anonymised counts: anyone with a role")

__all__ = [
    "ADMINS",
    "ADMINS_POST",
    "ADMINS_REMOVE_POST",
    "CLOCK_READERS",
    "GRANT_MANAGERS",
    "GRANT_MANAGERS_POST",
    "GRANT_WITHDRAW_POST",
    "NUMBERS",
    "REPORT_SENDERS_POST",
    "REVIEWERS",
    "REVIEWERS_DONE",
    "REVIEWERS_POST",
    "REVIEWERS_POST_ONLY",
]
# Sending the quarterly report to the board: the JCR chair and the officers; other reviewers 403.
REPORT_SENDERS_POST = rule("the JCR chair and officers", method="POST", default=404, jcr=403)
