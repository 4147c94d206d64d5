"""Who gets what from each accounts page (checked by hscp/tests/test_permission_matrix.py).

Every logged-in user has their own account pages; the Security page and its actions are for
admins. The login and password-reset pages need no login. (The matrix logs in with
force_login, so no second step is pending: the two-factor pages answer as they do after it.)
"""

from core.access import rule

# Your account, your sessions, password change, setting up an app: every logged-in user.
OWN_ACCOUNT = rule("every logged-in user: their own account", default=200)
# Pages that send you on: the second step when none is pending, recovery codes already shown.
OWN_ACCOUNT_MOVES_ON = rule("every logged-in user, sent on", default=302)
# A change to your own account, posted.
OWN_ACCOUNT_DONE = rule("every logged-in user: their own account", method="POST", default=302)
# Ending one session names it in the form: a blank form finds none (404).
OWN_SESSION_END = rule("every logged-in user: one of their sessions", method="POST", default=404)
POST_ONLY = rule("POST only", default=405)
# The authentication log, lockouts and two-factor resets (`accounts.administer`).
ADMINS = rule("admins", default=403, admin=200)
ADMINS_UNLOCK = rule("admins: unlock", method="POST", default=403, admin=302)
ADMINS_RESET = rule("admins: reset a second factor", method="POST", default=403, admin=400)
# Logging in and resetting a forgotten password: no login needed.
NO_LOGIN = rule("no login needed", default=200, anonymous=200)
