"""Who gets what from each governance page, by name: the rules views declare with
`core.access.access(...)` and the permission matrix checks (hscp/tests/test_permission_matrix.py).

Read against governance/permissions.py; the kinds of user are those of core.access.KINDS,
relative to the group the URL names (its member, its chair, the chair of another group, a
member of the Joint Case Review group, someone whose membership of it has ended). A POST is
tried with an empty form: 200 for a form shown again with its errors, 302 for a change made.
"""

from core.access import rule

# Anyone with a role in the partnership (`governance.view_partnership`).
PARTNERSHIP_VIEWERS = rule("anyone with a role", default=200, no_role=403, ended_member=403)
# Every logged-in user: their own pages (My actions, calendars, notifications, home).
LOGGED_IN = rule("every logged-in user", default=200)
# No login: the token in the address is the key (calendar feeds), or nothing is private.
PUBLIC = rule("no login needed", default=200, anonymous=200)

# A group's own business: its members, its chair, the secretariat and admins.
GROUP_MEMBERS = rule(
    "the group's members and the staff", default=403, member=200, chair=200, secretariat=200, admin=200
)
# A group's meetings: also partner readers (who never see confidential items).
MEETING_VIEWERS = GROUP_MEMBERS.but("the group's members, partner readers and the staff", partner=200)
# Running a group's meetings and log: its chair and the secretariat (`governance.manage_meeting`).
GROUP_RUNNERS = rule("the group's chair and the staff", default=403, chair=200, secretariat=200, admin=200)
GROUP_RUNNERS_POST = GROUP_RUNNERS.with_method("POST")
GROUP_RUNNERS_DONE = GROUP_RUNNERS.with_method("POST", chair=302, secretariat=302, admin=302)
# The partnership's structure: the secretariat and admins (`governance.manage_structure`).
STAFF = rule("the secretariat and admins", default=403, secretariat=200, admin=200)
STAFF_POST = STAFF.with_method("POST")
STAFF_DONE = STAFF.with_method("POST", secretariat=302, admin=302)
# Owners (none of the kinds here), the group's chair and the staff post updates.
ACTION_UPDATERS_POST = GROUP_RUNNERS_POST

# GET-only pages answer every other method with 405 (after the login check).
POST_ONLY = rule("POST only", default=405)

# Particular pages.
# The minutes (the matrix's are a draft): those running the meeting; its members once the
# draft is circulated; anyone with a role once published (governance.selectors.minutes_access).
DRAFT_MINUTES = GROUP_RUNNERS.but("draft minutes: those running the meeting")
# The agenda pack before the agenda is published: only those running the meeting; readers
# of the meeting are told there is no pack yet (404).
AGENDA_PACK = GROUP_RUNNERS.but("the pack: runners; readers once published", member=404, partner=404)
# Amending minutes needs published minutes: 404 for the runners until then.
MINUTES_AMEND = GROUP_RUNNERS.but("amend published minutes", chair=404, secretariat=404, admin=404)
MINUTES_AMEND_POST = MINUTES_AMEND.with_method("POST")
# Ratifying names the decision in the form: a blank form finds none (404) for the runners.
DECISION_RATIFY_POST = GROUP_RUNNERS.with_method("POST", chair=404, secretariat=404, admin=404)
# A personal calendar address: anyone with an entry in the directory (the matrix's admin and
# partner reader have none).
CALENDAR_FEED_CREATE = rule(
    "anyone in the directory", method="POST", default=302, no_role=403, partner=403, admin=403
)
# Revoking a group's address: the staff; to anyone else it does not exist.
CALENDAR_FEED_REVOKE = rule(
    "a group's address: the staff", method="POST", default=404, secretariat=302, admin=302
)
# The partnership's settings and closure days: admins only (`governance.manage_partnership_settings`).
ADMINS = rule("admins", default=403, admin=200)
ADMINS_POST = ADMINS.with_method("POST")
# Removing a closure day names it in the form: a blank form finds none (404) for an admin.
ADMINS_REMOVE_POST = rule("admins: remove the day named", method="POST", default=403, admin=404)
# A paper under a draft agenda: before publication its runners, presenters and submitter only
# (issue 9); to the rest of the group and partner readers it does not exist yet (the matrix's
# meeting is unpublished).
DRAFT_HELD_BACK = {"member": 404, "partner": 404}
PAPER_READERS = MEETING_VIEWERS.but(
    "a paper: the meeting's viewers once the agenda is published", **DRAFT_HELD_BACK
)
PAPER_UPLOADERS = GROUP_MEMBERS.but("upload: the group's members once the agenda is seen", **DRAFT_HELD_BACK)
PAPER_UPLOADERS_POST = PAPER_UPLOADERS.with_method("POST")
PAPER_RUNNERS = GROUP_RUNNERS.but(
    "a paper's runners (a draft's paper is unknown to others)", **DRAFT_HELD_BACK
)
PAPER_RUNNERS_POST = PAPER_RUNNERS.with_method("POST")
PAPER_RUNNERS_DONE = PAPER_RUNNERS.with_method("POST", chair=302, secretariat=302, admin=302)
