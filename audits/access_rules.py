"""Who gets what from each audits page, by name: the rules views declare with
`core.access.access(...)` and the permission matrix checks. Read against audits/permissions.py.

In the matrix's world the programme, the cycle and the single-agency audit belong to the group
(standing for the Quality & Effectiveness group: its member and chair run audits and moderate);
the self-assessment and the single-agency audit are those of the other chair's agency (an agency
user, who is no member of the group).
"""

from core.access import rule
from governance.access_rules import GROUP_MEMBERS, POST_ONLY, STAFF, STAFF_DONE, STAFF_POST

__all__ = ["POST_ONLY", "STAFF", "STAFF_DONE", "STAFF_POST"]

# The audits home: anyone with a role, or a person of an agency (their own self-assessments).
AUDITS_HOME = rule("anyone with a role or an agency", default=200, no_role=403)
# The scorecard: anyone with a role in the partnership.
SCORECARD_READERS = rule("anyone with a role", default=200, no_role=403, ended_member=403)

# A programme and its audits: the owning group's members and the staff run them; partners read.
AUDIT_EDITORS = GROUP_MEMBERS.but("the owning group's members and the staff")
AUDIT_EDITORS_POST = AUDIT_EDITORS.with_method("POST")
AUDIT_EDITORS_DONE = AUDIT_EDITORS.with_method("POST", member=302, chair=302, secretariat=302, admin=302)
AUDIT_READERS = AUDIT_EDITORS.but("the owning group's members, partner readers and the staff", partner=200)

# A self-assessment: its agency's people too.
ASSESSMENT_READERS = AUDIT_READERS.but(
    "the agency's people, the moderators and partner readers", other_chair=200
)
ASSESSMENT_EDITORS = STAFF.but("the agency's people and the staff", other_chair=200)
ASSESSMENT_EDITORS_POST = ASSESSMENT_EDITORS.with_method("POST")
ASSESSMENT_EDITORS_DONE = ASSESSMENT_EDITORS.with_method("POST", other_chair=302, secretariat=302, admin=302)
MODERATORS = AUDIT_EDITORS.but("the cycle's group and the staff")
MODERATORS_POST = MODERATORS.with_method("POST")
# Submitting a single-agency audit: the staff and anyone who works for an agency.
SINGLE_SUBMITTERS = rule("anyone of an agency, and the staff", default=200, no_role=403, partner=403)
SINGLE_SUBMITTERS_POST = SINGLE_SUBMITTERS.with_method("POST")
