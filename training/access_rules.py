"""Who gets what from each training page, by name: the rules training's views declare with
`core.access.access(...)` and the permission matrix checks (read with training/permissions.py).

A POST is tried with an empty form: 200 for a form shown again with its errors, 302 for a
change made. Signed links need no login: the token is the key.
"""

from core.access import rule
from governance.access_rules import PARTNERSHIP_VIEWERS, PUBLIC, STAFF, STAFF_DONE, STAFF_POST

__all__ = ["PARTNERSHIP_VIEWERS", "PUBLIC", "STAFF", "STAFF_DONE", "STAFF_POST"]

# Booking oneself: anyone with a role and an entry in the directory (the matrix's partner reader
# and admin have none; an empty form is shown again).
SELF_BOOKERS_POST = rule(
    "anyone with a role and a directory entry",
    method="POST",
    default=200,
    no_role=403,
    ended_member=403,
    partner=403,
    admin=403,
)
# A state change named in the URL with nothing to fill in: the staff make it (302).
STAFF_ACTION = STAFF.with_method("POST", secretariat=302, admin=302)
# The staff's change refused by the service (e.g. a session already delivered): shown again (200).
STAFF_REFUSED = STAFF_POST
# A signed link: anyone holding it, logged in or not.
SIGNED_LINK = PUBLIC
SIGNED_LINK_POST = PUBLIC.with_method("POST", default=200, anonymous=200)
