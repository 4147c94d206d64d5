"""The choices of governance's models (TextChoices) and the sets of them the rules use.

Models and the pure rule modules (quoracy, action_rules, reminders, agenda_rules) both
import from here, so a status set is written once rather than copied "in step".
`governance.models` re-exports everything here, so `from governance.models import
ActionStatus` keeps working.
"""

from django.db import models

# Who counts towards quoracy: core holds it because the partnership's settings hold the default.
from core.models import QuorumCounting as QuorumCounting


class Sector(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    HEALTH = "health", "Health"
    POLICE = "police", "Police"
    EDUCATION = "education", "Education"
    PROBATION_JUSTICE = "probation_justice", "Probation / justice"
    VOLUNTARY_COMMUNITY = "voluntary_community", "Voluntary and community"
    HOUSING = "housing", "Housing"
    OTHER = "other", "Other"


class StatutoryRole(models.TextChoices):
    """The three statutory safeguarding partners (arrangements s.2)."""

    LOCAL_AUTHORITY = "local_authority", "Local authority"
    INTEGRATED_CARE_BOARD = "icb", "Integrated Care Board"
    POLICE = "police", "Police"


class GroupKind(models.TextChoices):
    BOARD = "board", "Board"
    SUBGROUP = "subgroup", "Subgroup"
    TASK_AND_FINISH = "task_and_finish", "Task and finish group"
    FORUM = "forum", "Forum or summit"
    PARTNER_BODY = "partner_body", "Partner body outside the partnership"


class LogReaders(models.TextChoices):
    """Who may read a group's action log besides the secretariat (the product's own rule)."""

    MEMBERS_AND_BOARD = "members_and_board", "Its members and the members of the board it reports to"
    MEMBERS_ONLY = "members_only", "Only its members (need-to-know, e.g. the Joint Case Review group)"


class MeetingFrequency(models.TextChoices):
    SIX_WEEKLY = "six_weekly", "Six-weekly"
    MONTHLY = "monthly", "Monthly"
    BI_MONTHLY = "bi_monthly", "Bi-monthly"
    QUARTERLY = "quarterly", "Quarterly"
    TWICE_YEARLY = "twice_yearly", "Twice yearly"
    ANNUALLY = "annually", "Annually"
    AD_HOC = "ad_hoc", "Ad hoc"
    # The terms of reference do not say (seed 002 gives no frequencies): recorded as unknown, not guessed.
    NOT_SET = "not_set", "Not set"


class AgendaSubNumbering(models.TextChoices):
    """How a group numbers sub-items: 2.1, 2.2, or 2a, 2b as seed 003's board minutes do (a
    choice of each group, this product's own; the seeds use both)."""

    DECIMAL = "decimal", "2.1, 2.2"
    LETTERS = "letters", "2a, 2b (as seed 003's board minutes)"


class QuorumRule(models.TextChoices):
    ALL_STATUTORY_PARTNERS = (
        "all_statutory_partners",
        "All three statutory partners represented",
    )
    NONE = "none", "No quorum rule"
    # The terms of reference do not say (seed 002): no quoracy is judged until a rule is chosen.
    NOT_SET = "not_set", "Not set"


class SafeguardingPartnerRole(models.TextChoices):
    """Each statutory partner names a lead and a delegated safeguarding partner (arrangements s.1.3, 3.2)."""

    LEAD = "lead", "Lead Safeguarding Partner"
    DELEGATED = "delegated", "Delegated Safeguarding Partner"


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    CO_CHAIR = "co_chair", "Co-chair"
    MEMBER = "member", "Member"
    DEPUTY = "deputy", "Deputy"
    ADVISER = "adviser", "Adviser"
    MINUTE_TAKER = "minute_taker", "Minute-taker"
    IN_ATTENDANCE = "in_attendance", "In attendance"


CHAIRING_ROLES = (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.CO_CHAIR)
# Membership roles that are not members for attendance and quoracy: they come when asked
# (an adviser, someone in attendance) or in someone's place (a deputy).
NON_MEMBER_ROLES = frozenset(
    {MembershipRole.MINUTE_TAKER, MembershipRole.IN_ATTENDANCE, MembershipRole.DEPUTY, MembershipRole.ADVISER}
)
ROLE_ORDER = {role: position for position, role in enumerate(MembershipRole.values)}


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class AgendaPurpose(models.TextChoices):
    INFORMATION = "information", "Information"
    DISCUSSION = "discussion", "Discussion"
    DECISION = "decision", "Decision"
    APPROVAL = "approval", "Approval"
    ASSURANCE = "assurance", "Assurance"


class StandingItem(models.TextChoices):
    """Items every agenda carries (arrangements; seed 003's board agenda)."""

    WELCOME_APOLOGIES = "welcome_apologies", "Welcome, introductions and apologies"
    PREVIOUS_MINUTES = "previous_minutes", "Minutes of the previous meeting and action log"
    RATIFICATION = "ratification", "Decisions for ratification"
    MATTERS_ARISING = "matters_arising", "Matters arising"
    MESSAGES = "messages", "Messages to and from partnership groups"
    AOB = "aob", "Any other business"
    NEXT_MEETING = "next_meeting", "Date of next meeting"


# Standing items that never carry a paper: no "Upload a paper" under them and no paper
# reminder for them. "Messages to and from partnership groups" does carry papers.
PAPERLESS_STANDING_ITEMS = frozenset(
    {
        StandingItem.WELCOME_APOLOGIES,
        StandingItem.PREVIOUS_MINUTES,
        StandingItem.RATIFICATION,
        StandingItem.MATTERS_ARISING,
        StandingItem.AOB,
        StandingItem.NEXT_MEETING,
    }
)


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    IN_ATTENDANCE = "in_attendance", "In attendance"
    APOLOGIES = "apologies", "Apologies"
    DEPUTY = "deputy", "Deputy (attending for a member)"
    ABSENT = "absent", "Absent without apologies"
    # A member's line before anyone has marked it: neither present nor absent, so it never
    # makes a meeting quorate nor reaches a line manager, and a meeting is not marked held
    # while any line is still in this state.
    NOT_RECORDED = "not_recorded", "Not yet recorded"


# Attendance statuses that represent an agency for quoracy: members present and deputies.
REPRESENTING_STATUSES = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY})


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    CIRCULATED = "circulated", "Circulated to members"
    APPROVED = "approved", "Approved"


class AmendmentKind(models.TextChoices):
    """What a recorded amendment to minutes changes (approved minutes are never edited silently)."""

    ITEM = "item", "Minutes of an item"
    ATTENDANCE = "attendance", "Attendance"
    DECISION = "decision", "Decision"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    CLOSED = "closed", "Closed"
    DEFERRED = "deferred", "Deferred"
    SUPERSEDED = "superseded", "Superseded"


OUTSTANDING_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DEFERRED)
FINISHED_STATUSES = (ActionStatus.COMPLETED, ActionStatus.CLOSED, ActionStatus.SUPERSEDED)


class ActionSource(models.TextChoices):
    """Where an action came from; other apps attach theirs through `source_object`."""

    MEETING = "meeting", "Meeting"
    GROUP = "group", "Recorded for the group"
    AUDIT = "audit", "Audit"
    CASE_REVIEW = "case_review", "Case review"
    BUSINESS_PLAN = "business_plan", "Business plan"
    OTHER = "other", "Other"
