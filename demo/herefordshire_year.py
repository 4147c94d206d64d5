# ruff: noqa: RUF001, RUF002, RUF003 -- the minutes use the seed's en dashes ("Completed –")
"""A year of the Herefordshire partnership's meetings and action logs, for the demo.

The board's meeting of 18 December last year follows the shape of seed 003 (the December 2019
board minutes): the previous minutes approved with an amendment, the action log reviewed with
its updates ("Action No 15 (23.10.19 ref 4.1) Finance / Funding – PG to draft letter…",
"deadline revised to March 2020", "…"), feedback from the Quality & Effectiveness
Group with the late-papers rule (item 2a), the child death review report, and actions passed to
subgroups ("CB to pass to Chair of Strategic Group"). The people are the demo's invented ones:
CA (council, chair), RT (ICB), IC (police), GW (education), JK (partnership business manager),
EV (public health), FD (independent scrutineer).

Every other meeting draws on each group's recurring business and a list of one-off items, each
with its papers, decision and actions; an action's `steps` are the updates it gets at the
group's following meetings, so the log ends the year with actions in every state.
"""

import datetime

from demo.herefordshire import BOARD, CEM, DP, EDUCATION, ICB, JCR, MASH, POLICE, QE
from demo.specs import (
    ActionSpec,
    AmendmentSpec,
    GroupYearSpec,
    HistorySpec,
    ItemSpec,
    MeetingPlanSpec,
    PaperSpec,
    PaperTiming,
    Scenario,
    ScenarioSpec,
    StepSpec,
)
from governance.models import ActionStatus, AgendaPurpose, StandingItem

time = datetime.time
INFORMATION = AgendaPurpose.INFORMATION
DISCUSSION = AgendaPurpose.DISCUSSION
DECISION = AgendaPurpose.DECISION
APPROVAL = AgendaPurpose.APPROVAL
ASSURANCE = AgendaPurpose.ASSURANCE
COMPLETED = ActionStatus.COMPLETED
IN_PROGRESS = ActionStatus.IN_PROGRESS
DEFERRED = ActionStatus.DEFERRED
CLOSED = ActionStatus.CLOSED
SUPERSEDED = ActionStatus.SUPERSEDED

# The board's key people, as the minutes name them by initials.
CA = "Catherine Adeyemi"
RT = "Rebecca Thornbury"
IC = "Imran Chaudhry"
GW = "Graham Whitcombe"
JK = "Joanna Kowalski"
DO = "Daniel Osei"
EV = "Eleanor Vaughan"
FD = "Frances Delahaye"
PR = "Priya Raman"
OP = "Owen Pritchard"
AN = "Angela Nkemelu"
# A member of the JCR's rapid review panel (Wye Valley NHS Trust), in attendance for the rapid review.
RAPID_REVIEW_PANEL = "Oluwaseun Adebayo"


# What becomes of an action at the group's following meetings ------------------------------------


def done(note: str, after: int = 1) -> tuple[StepSpec, ...]:
    return (StepSpec(after, note, COMPLETED),)


def progress_then_done(progress: str, note: str) -> tuple[StepSpec, ...]:
    return (StepSpec(1, progress, IN_PROGRESS), StepSpec(2, note, COMPLETED))


def slipping(progress: str, reason: str, weeks: int = 8) -> tuple[StepSpec, ...]:
    """In progress with a revised deadline, then nothing more: overdue once that passes."""
    return (StepSpec(1, progress, IN_PROGRESS, revise_weeks=weeks, reason=reason),)


def deferred(text: str, weeks: int = 16) -> tuple[StepSpec, ...]:
    return (StepSpec(1, text, DEFERRED, revise_weeks=weeks, reason=text),)


def closed(text: str) -> tuple[StepSpec, ...]:
    return (StepSpec(1, text, CLOSED),)


def superseded(text: str) -> tuple[StepSpec, ...]:
    return (StepSpec(1, text, SUPERSEDED),)


def by_owner(text: str, days: int, status: str = COMPLETED) -> tuple[StepSpec, ...]:
    """Posted by the owner between meetings (the demo's owners with a login post their own)."""
    return (StepSpec(1, text, status, by_owner_days=days),)


STALLED = ()  # no update at all: overdue once the due date passes


def action(description: str, *owners: str, title: str = "", due_days: int | None = 42, steps=(), **extra):
    return ActionSpec(description, tuple(owners), title=title, due_days=due_days, steps=steps, **extra)


def paper(title: str, **extra) -> tuple[PaperSpec, ...]:
    return (PaperSpec(title, **extra),)


def word(title: str, **extra) -> tuple[PaperSpec, ...]:
    return (PaperSpec(title, word=True, **extra),)


# The board's three scripted meetings, around 18 December ----------------------------------------


def anchor(today: datetime.date) -> datetime.date:
    """18 December of last year: the board meeting shaped like seed 003."""
    return datetime.date(today.year - 1, 12, 18)


def anchor_plans(day: datetime.date) -> tuple[MeetingPlanSpec, MeetingPlanSpec, MeetingPlanSpec]:
    return _two_before(day), _one_before(day), _seed_003(day)


def _all_present(*also: ScenarioSpec) -> tuple[ScenarioSpec, ...]:
    return (ScenarioSpec(Scenario.IN_ATTENDANCE, person=DO), *also)


def _two_before(day: datetime.date) -> MeetingPlanSpec:
    """The September development session, where the business plan and engagement actions began
    (seed 003's 18.11.19 actions)."""
    next_year = day.year + 1
    return MeetingPlanSpec(
        ordinary=False,
        scenarios=_all_present(ScenarioSpec(Scenario.IN_ATTENDANCE, person=FD)),
        items=(
            ItemSpec(
                "Partnership priorities and the business plan",
                CA,
                DISCUSSION,
                45,
                discussion="The partners held a development session on the partnership's priorities: "
                "neglect, "
                "extra-familial harm and early help.",
                sub_items=(
                    ItemSpec(
                        "Business plan",
                        JK,
                        DISCUSSION,
                        None,
                        discussion="A new business plan is needed around the agreed priorities.",
                        actions=(
                            action(
                                "It was agreed that JK will lead on the production of the new plan.",
                                JK,
                                title="Business Plan",
                                due_days=70,
                                steps=(
                                    StepSpec(
                                        2,
                                        f"The deadline for this to be revised to March {next_year}.",
                                        IN_PROGRESS,
                                        revise_to_month_end=3,
                                        reason="The partners' priorities workshop moved to January.",
                                    ),
                                    StepSpec(
                                        4,
                                        "The business plan was approved and published.",
                                        COMPLETED,
                                    ),
                                ),
                            ),
                        ),
                    ),
                    ItemSpec(
                        "Neglect strategy",
                        CA,
                        DISCUSSION,
                        None,
                        discussion="The neglect strategy needs a named lead.",
                        actions=(
                            action(
                                "CA to identify a lead for neglect.",
                                CA,
                                title="Neglect strategy",
                                due_days=70,
                                steps=done("Gareth Hollis will be the lead for neglect.", after=2),
                            ),
                        ),
                    ),
                    ItemSpec(
                        "Engagement of children and young people",
                        CA,
                        DISCUSSION,
                        None,
                        discussion="Partners want purposeful engagement of children and young people, "
                        "building "
                        "on the groups and mechanisms that already exist.",
                        actions=(
                            action(
                                "Development & Practice Group to create a framework on ‘engagement of "
                                "children & "
                                "young people’ to include what is already in existence (existing groups and "
                                "mechanisms) and further recommendations as to what else should be in place "
                                "that "
                                "is purposeful.",
                                OP,
                                title="Engagement",
                                due_days=70,
                                steps=(
                                    StepSpec(
                                        2,
                                        "Ongoing – the final version needs to go to the next Q&E meeting on "
                                        "{next Q&E} for approval.",
                                        IN_PROGRESS,
                                    ),
                                    StepSpec(3, "The Q&E Group approved the framework.", COMPLETED),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            ItemSpec(
                "Independent scrutiny: work plan for the year",
                FD,
                DECISION,
                20,
                papers=paper("Independent scrutiny work plan"),
                discussion="FD presented the scrutiny work plan: a review of the rapid review process, a "
                "practitioner survey and attendance at two subgroups.",
                decision="The Board agreed the independent scrutineer's work plan for the year.",
                actions=(
                    action(
                        "FD to observe a meeting of the Q&E Group and of the Joint Case Review Group.",
                        FD,
                        title="Independent scrutiny",
                        due_days=70,
                        steps=(
                            StepSpec(
                                2,
                                "Deferred until the spring, when the JCR Group next considers a rapid "
                                "review.",
                                DEFERRED,
                                revise_weeks=16,
                                reason="No rapid review is due before the spring.",
                            ),
                        ),
                    ),
                ),
            ),
            ItemSpec(
                "Partnership budget: monitoring at month five",
                DO,
                INFORMATION,
                10,
                papers=word("Partnership budget monitoring, month five"),
                discussion="The budget is forecast to break even.",
            ),
        ),
    )


GOVERNANCE_WORDING = (
    "FD sought clarity around governance; the partners advised that the children and young people's "
    "partnership has specific groups and activity that address both children with disabilities and early "
    "help."
)


def _one_before(day: datetime.date) -> MeetingPlanSpec:
    """The November meeting: seed 003's 23.10.19, whose minutes December approves with an amendment."""
    return MeetingPlanSpec(
        ordinary=False,
        scenarios=_all_present(ScenarioSpec(Scenario.APOLOGIES, person=FD, reason="Annual leave")),
        items=(
            ItemSpec(
                "Finance and funding",
                JK,
                DISCUSSION,
                30,
                discussion="Partner contributions for next year were discussed.",
                sub_items=(
                    ItemSpec(
                        "Funding letter to partners",
                        JK,
                        DISCUSSION,
                        None,
                        discussion="The request for contributions should come from the council's Chief "
                        "Executive on behalf of the three partners.",
                        actions=(
                            action(
                                "JK to draft letter, and pass to Chief Executive for signature, before "
                                "circulating to partners.",
                                JK,
                                title="Finance / Funding",
                                due_days=28,
                                steps=(
                                    StepSpec(
                                        1,
                                        "Draft letters agreed with the Chief Executive, but JK has chased "
                                        "as there "
                                        "appeared to be hold up in getting letters out. JK to let LF know "
                                        "once "
                                        "letters have been sent.",
                                        IN_PROGRESS,
                                    ),
                                    StepSpec(
                                        2,
                                        "Letters signed and sent to the three partners.",
                                        COMPLETED,
                                    ),
                                ),
                            ),
                        ),
                    ),
                    ItemSpec(
                        "Budget monitoring",
                        DO,
                        INFORMATION,
                        None,
                        papers=word("Partnership budget monitoring, month seven"),
                        discussion="The forecast underspend will fund the partnership summit.",
                        actions=(
                            action(
                                "DO to report the forecast underspend to the three partners' finance leads.",
                                DO,
                                title="Budget",
                                due_days=28,
                                steps=closed(
                                    "Closed – the month seven report went to all three; nothing more needed."
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            ItemSpec("Partnership governance", CA, DISCUSSION, 20, discussion=GOVERNANCE_WORDING),
            ItemSpec(
                "Independent scrutiny: first impressions",
                DO,
                ASSURANCE,
                15,
                papers=paper("Independent scrutineer's first impressions", author=FD),
                discussion="DO presented the scrutineer's paper in FD's absence; the partners welcomed its "
                "challenge on the voice of the child.",
                actions=(
                    action(
                        "DO to run a practitioner survey on the voice of the child.",
                        DO,
                        title="Voice of the child",
                        due_days=56,
                        steps=superseded(
                            "Superseded – the national practitioner survey asks the same questions."
                        ),
                    ),
                ),
            ),
            ItemSpec(
                "Development & Practice Group",
                OP,
                ASSURANCE,
                20,
                discussion="OP presented the group's report.",
                sub_items=(
                    ItemSpec(
                        "Training programme",
                        OP,
                        INFORMATION,
                        None,
                        discussion="Take-up of multi-agency training is up on last year, with schools the "
                        "largest group of attendees.",
                    ),
                    ItemSpec(
                        "Neglect strategy and action plan",
                        OP,
                        DISCUSSION,
                        None,
                        discussion="The neglect strategy and its action plan are due for renewal.",
                        actions=(
                            action(
                                "Key members of the Development and Practice Group to update the neglect "
                                "strategy and accompanying action plan virtually, thus avoiding the need "
                                "for an "
                                "additional meeting.",
                                OP,
                                title="Development & Practice Group",
                                due_days=84,
                                steps=(
                                    StepSpec(
                                        1,
                                        "Gareth Hollis will be the lead for neglect, and will work on this "
                                        "with key "
                                        "members of the Development and Practice Group.",
                                        IN_PROGRESS,
                                        hand_to=DP,
                                        hand_note="CA to pass to the Chair of the Development & Practice "
                                        "Group, "
                                        "where the work now sits.",
                                    ),
                                    StepSpec(
                                        1, "Draft strategy circulated to the group for comment.", IN_PROGRESS
                                    ),
                                    StepSpec(2, "The refreshed strategy went to the Board.", COMPLETED),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )


def _seed_003(day: datetime.date) -> MeetingPlanSpec:
    """18 December: the meeting whose minutes are seed 003, with invented people."""
    next_year = day.year + 1
    budget_year = f"{next_year}-{(next_year + 1) % 100:02d}"
    contributions_by = day + datetime.timedelta(days=5)
    confirm_by = datetime.date(next_year, 1, 10)
    return MeetingPlanSpec(
        ordinary=False,
        amendment=AmendmentSpec(
            item_title="Partnership governance",
            addition="The early help group is an operational group, not a strategic group, although a more "
            "strategic group is being established.",
            requested_by=CA,
        ),
        scenarios=_all_present(
            ScenarioSpec(Scenario.APOLOGIES, person=FD, reason="Chairing another partnership's board"),
            ScenarioSpec(Scenario.ATTENDS_FOR_ITEM, person=EV, item_title="child death review process"),
        ),
        standing_minutes={
            StandingItem.WELCOME_APOLOGIES: "The Chair welcomed all to the December Herefordshire "
            "Safeguarding "
            "Partners Board meeting. It was agreed to take the partnership team proposal and budget at the "
            "end "
            "of the meeting. Apologies were received from Frances Delahaye.",
            StandingItem.MATTERS_ARISING: "None.",
        },
        messages={
            QE: "Feedback was discussed earlier in the meeting.",
            DP: "Gareth Hollis will be the lead for neglect, and will work on this with key members of the "
            "Development and Practice Group. The group will also need to look again at the referral form, "
            "the "
            "threshold document and the levels of need.",
            EDUCATION: "Partners will be reviewing how the Safeguarding Partnership engages with the "
            "education "
            "sector more effectively.",
            JCR: "Partners requested a thematic analysis of learning from case reviews to inform business "
            "planning.",
            MASH: "The MASH Group will report to the Quality & Effectiveness Group and be added to this "
            "section "
            "from the next meeting onwards.",
            CEM: "Partners wish to explore how assurance on the response to exploitation can be provided.",
        },
        items=(
            ItemSpec(
                "Performance & Scrutiny – feedback from the Quality & Effectiveness Group",
                PR,
                ASSURANCE,
                40,
                papers=paper("Quality & Effectiveness Group: highlight report"),
                discussion="PR presented feedback from the last Quality & Effectiveness Group, covering "
                "governance, the effectiveness of the safeguarding system, collaborative working, the "
                "learning "
                "system and what needs to happen. Late papers – it was agreed that in future any papers "
                "received "
                "after the seven day deadline set by the partnership team would not be included on the "
                "agenda. "
                "This will apply to all meetings which come under the Safeguarding Partners Board. Any "
                "instances "
                "of late papers from council, police or health staff shall be escalated in advance to CA, "
                "IC or "
                "RT so they can take action to secure the outstanding papers.",
                decision="Papers received after the seven day deadline set by the partnership team will not "
                "be "
                "included on the agenda of any meeting under the Board; late papers from council, police or "
                "health staff are escalated in advance to CA, IC or RT.",
                sub_items=(
                    ItemSpec(
                        "LADO",
                        None,
                        DISCUSSION,
                        None,
                        discussion="The Local Authority Designated Officer (LADO) service is working well. "
                        "FD had "
                        "asked whether health staff about whom there are concerns are routinely referred to "
                        "the "
                        "LADO service and this was not known.",
                        actions=(
                            action(
                                "RT agreed to follow up whether health staff about whom there are concerns "
                                "are "
                                "routinely referred to the LADO service.",
                                RT,
                                title="LADO",
                                due_days=None,
                                steps=done(
                                    "Health providers confirmed they refer to the LADO; the "
                                    "LADO's "
                                    "yearly report will show referrals by agency."
                                ),
                            ),
                        ),
                    ),
                    ItemSpec(
                        "Priority areas: thresholds and the early help pathway",
                        None,
                        DISCUSSION,
                        None,
                        discussion="Thresholds: only 24% of contacts progressed to referral in the second "
                        "quarter. "
                        "What happened to the other 76%? Is there an early help pathway, and if not how "
                        "does this "
                        "affect the volume of police referrals, which account for half of all referrals? "
                        "Shared "
                        "understanding of levels of need and risk is a challenge. IC outlined the police "
                        "process: "
                        "all relevant information goes to the harm assessment unit, which passes everything "
                        "to the "
                        "MASH. There should be a pathway directly from the harm assessment unit to early "
                        "help.",
                        actions=(
                            action(
                                "Development & Practice Group to lead on reworking the pathways, "
                                "arrangements and "
                                "thresholds, in conjunction with the MASH Group (CA to pass to Chair of the "
                                "Development & Practice Group).",
                                CA,
                                title="Early help pathways",
                                due_days=112,
                                hand_to=DP,
                                hand_note="CA to pass to the Chair of the Development & Practice Group.",
                                steps=(
                                    StepSpec(
                                        1,
                                        "Workshop held with the MASH Group; a draft pathway across levels 3 "
                                        "and 4 "
                                        "is being written.",
                                        IN_PROGRESS,
                                    ),
                                    StepSpec(
                                        2,
                                        "The draft pathway waits for the MASH reconfiguration.",
                                        IN_PROGRESS,
                                        revise_weeks=10,
                                        reason="Waiting for the MASH reconfiguration to settle.",
                                    ),
                                ),
                            ),
                        ),
                    ),
                    ItemSpec(
                        "MASH governance",
                        None,
                        DISCUSSION,
                        None,
                        discussion="Members agreed that the MASH Group needed a more robust governance and "
                        "reporting mechanism. In future it will report to the Quality & Effectiveness Group "
                        "and "
                        "will be included under 'messages to/from partnership groups' alongside the other "
                        "groups.",
                        actions=(
                            action(
                                "MASH Group to report in to the Quality & Effectiveness Group (CA to pass "
                                "to the "
                                "Co-Chairs of the MASH Group).",
                                CA,
                                title="MASH governance",
                                due_days=56,
                                hand_to=MASH,
                                hand_note="CA to pass to the Co-Chairs of the MASH Group.",
                                steps=done(
                                    "The MASH Group's highlight report now goes to every Q&E meeting."
                                ),
                            ),
                        ),
                    ),
                    ItemSpec(
                        "Quality & Effectiveness Group terms of reference",
                        None,
                        INFORMATION,
                        None,
                        discussion="The terms of reference need to reflect the MASH Group's new reporting "
                        "line.",
                        actions=(
                            action(
                                "Q&E Group Terms of Reference to be updated accordingly.",
                                JK,
                                title="Terms of reference",
                                steps=done("Revised terms of reference agreed and published."),
                            ),
                        ),
                    ),
                    ItemSpec(
                        "Representation from the voluntary and education sectors",
                        None,
                        DISCUSSION,
                        None,
                        discussion="Voluntary and community sector representation needs further "
                        "consideration: "
                        "are members there to represent the whole sector, or to act as its voice? Education "
                        "representatives attend but cannot speak for the whole sector.",
                        actions=(
                            action(
                                "Review how the Safeguarding Partnership engages with the education sector "
                                "and "
                                "voluntary / community sector.",
                                JK,
                                title="Engagement with sectors",
                                due_days=84,
                                steps=(
                                    StepSpec(
                                        1, "A survey of voluntary sector forums is under way.", IN_PROGRESS
                                    ),
                                    StepSpec(
                                        2,
                                        "Deferred until the Education Group has reviewed its own membership.",
                                        DEFERRED,
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            ItemSpec(
                "Performance & Scrutiny – report on the child death review process",
                RT,
                ASSURANCE,
                20,
                papers=word("Child death review: the new joint arrangements"),
                discussion="RT presented the report on the new child death review process, which has aligned "
                "the process across Herefordshire and Worcestershire. Confirmation was provided that the new "
                "arrangements had been signed off within the two statutory child death partners' governance "
                "arrangements. Operational aspects such as notification have not changed. Currently all work "
                "goes through the partnership team, and public health and the ICB had assumed this would "
                "continue; "
                "JK reported that the expectations on the team had not been made clear.",
                sub_items=(
                    ItemSpec(
                        "Child death review: pathways and resources",
                        None,
                        DISCUSSION,
                        None,
                        discussion="It was agreed that future pathways and resources for the child death "
                        "review "
                        "process need to be joined up with the agreed future plans for the partnership "
                        "team. In "
                        "future, themes from child death reviews will come back to the partners via the "
                        "Joint Case "
                        "Review Group.",
                        actions=(
                            action(
                                "Future pathways and resources to be joined up with the agreed "
                                "future plans "
                                "for the partnership team: RT/EV/JK to follow up outside the meeting.",
                                RT,
                                EV,
                                JK,
                                title="CDOP",
                                due_days=56,
                                steps=(
                                    StepSpec(
                                        1,
                                        "Meeting held with public health; options paper in preparation.",
                                        IN_PROGRESS,
                                    ),
                                    StepSpec(
                                        3,
                                        "Options paper delayed: the ICB's review of the service is not "
                                        "finished.",
                                        IN_PROGRESS,
                                        revise_weeks=12,
                                        reason="Waiting for the ICB's review of the child death review "
                                        "service.",
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            ItemSpec(
                "Local child safeguarding practice review – formal sign-off",
                CA,
                APPROVAL,
                15,
                papers=paper("LCSPR 'Child M': final report (anonymised)", author=AN),
                discussion="The partners considered the final report and the partnership's response.",
                decision="The partners signed off the local child safeguarding practice review 'Child M' for "
                "publication once the national panel has seen it.",
            ),
            ItemSpec(
                "Approval: partnership summit agenda and logo",
                JK,
                APPROVAL,
                15,
                discussion="Partnership summit agenda: it was agreed that JK would circulate the amended "
                "agenda to "
                "members for comment. Proposal for logo: members discussed the draft logo for the new "
                "safeguarding arrangements, produced by the council's design team, and asked for further "
                "work.",
                actions=(
                    action(
                        "JK to circulate the amended Partnership Summit agenda to members for comment.",
                        JK,
                        title="Partnership Summit",
                        due_days=14,
                        steps=done("Circulated; members' comments are in the final agenda."),
                    ),
                    action(
                        "Further work on the draft logo with the council's design team.",
                        JK,
                        title="Logo",
                        due_days=42,
                        steps=closed("Closed – the partners chose to keep the existing logo."),
                    ),
                ),
            ),
            ItemSpec(
                f"Partnership team proposal and {budget_year} budget",
                JK,
                DECISION,
                30,
                papers=word(f"Partnership team proposal and {budget_year} budget"),
                discussion="Partnership team resources were discussed alongside the functions of the "
                "partnership. "
                "Further discussion is needed with the Safeguarding Adults Board and Community Safety "
                "Partnership "
                "stakeholders.",
                actions=(
                    action(
                        "Further discussion with Adults Board and Community Safety Partnership stakeholders "
                        "on "
                        "partnership team resources – JK will take this forward.",
                        JK,
                        title="Partnership team resources",
                        due_days=84,
                        steps=(
                            StepSpec(
                                2,
                                "Superseded – now part of the joint review of the business unit agreed by "
                                "the "
                                "three boards.",
                                SUPERSEDED,
                            ),
                        ),
                    ),
                    action(
                        f"In the interim, JK will circulate no later than {contributions_by:%d/%m/%y} the "
                        f"cash "
                        "contribution required from the three partners to fund the arrangement that partners "
                        "expressed their support for in the meeting.",
                        JK,
                        title="Budget",
                        due_days=5,
                        steps=done("Contributions circulated to the three partners."),
                    ),
                    action(
                        f"Partners will confirm by {confirm_by:%-d/%-m/%y} when they will present a paper "
                        f"to their "
                        f"organisation on securing the necessary contribution to the budget for "
                        f"{budget_year}.",
                        CA,
                        RT,
                        IC,
                        title="Budget",
                        due_days=(confirm_by - day).days,
                        steps=progress_then_done(
                            "Council and police confirmed; the ICB's paper goes to its executive next month.",
                            "All three partners' contributions are agreed.",
                        ),
                    ),
                ),
            ),
        ),
    )


# The board's ordinary business ------------------------------------------------------------------

BOARD_YEAR = GroupYearSpec(
    group=BOARD,
    start=time(13, 0),
    end=time(14, 30),
    location="Mordiford Room, Plough Lane, Hereford",
    latest_minutes_draft=True,
    upcoming=2,
    recurring=(
        ItemSpec(
            "Performance & Scrutiny – feedback from the Quality & Effectiveness Group",
            PR,
            ASSURANCE,
            25,
            papers=paper("Quality & Effectiveness Group: highlight report"),
            discussion="PR presented the Q&E Group's highlight report: the performance scorecard, audit "
            "findings "
            "and the multi-agency audit programme. The Board noted the report.",
        ),
        ItemSpec(
            "Risk register and partnership budget",
            DO,
            DISCUSSION,
            15,
            papers=word("Partnership risk register and budget monitoring"),
            discussion="DO presented the risk register and the budget. No new risks were added; the budget "
            "is on "
            "course.",
        ),
    ),
    one_offs=(
        ItemSpec(
            "Yearly report: draft for approval",
            DO,
            APPROVAL,
            20,
            papers=paper("HSCP yearly report (draft)"),
            discussion="DO presented the draft yearly report, drawn from the partnership's own records of "
            "training, audits and reviews.",
            decision="The Board approved the yearly report for publication, subject to the scrutineer's "
            "comments.",
            actions=(
                action(
                    "DO to send the published yearly report to the national panel and the What Works Centre "
                    "within seven days of publication.",
                    DO,
                    title="Yearly report",
                    due_days=21,
                    steps=by_owner("Sent on the day of publication.", days=12),
                ),
            ),
        ),
        ItemSpec(
            "Business plan: priorities for the next two years",
            JK,
            DECISION,
            30,
            papers=paper("HSCP business plan (draft)"),
            discussion="JK presented the draft plan, built from the priorities workshop.",
            decision="The Board agreed three priorities for the plan: neglect, extra-familial harm and "
            "early help.",
            actions=(
                action(
                    "JK to publish the business plan on the partnership website and brief the subgroup "
                    "chairs.",
                    JK,
                    title="Business plan",
                    steps=progress_then_done(
                        "Plan published; briefing for the chairs booked.",
                        "Subgroup chairs briefed.",
                    ),
                ),
            ),
        ),
        ItemSpec(
            "Neglect strategy refresh",
            OP,
            DECISION,
            20,
            papers=paper("Neglect strategy (refreshed)"),
            discussion="OP presented the refreshed strategy and the graded care profile as the partnership's "
            "assessment tool for neglect.",
            decision="The Board approved the refreshed neglect strategy and the graded care profile.",
            actions=(
                action(
                    "OP to arrange multi-agency briefings on the graded care profile for practitioners.",
                    OP,
                    title="Neglect",
                    due_days=56,
                    steps=slipping(
                        "First two briefings held; more are needed for health visitors.",
                        "The trainers were not available until the new term.",
                    ),
                ),
            ),
        ),
        ItemSpec(
            "Independent scrutineer's report on the arrangements",
            FD,
            ASSURANCE,
            30,
            papers=paper("Independent scrutiny report"),
            discussion="FD presented five recommendations, on the voice of the child, the education sector's "
            "place in the arrangements and the use of data.",
            actions=(
                action(
                    "CA/RT/IC to agree the partners' response to the scrutineer's five recommendations.",
                    CA,
                    RT,
                    IC,
                    title="Independent scrutiny",
                    steps=(
                        StepSpec(1, "Draft response circulated to the three partners.", IN_PROGRESS),
                        StepSpec(2, "Deferred until the scrutineer's follow-up visit.", DEFERRED),
                    ),
                ),
            ),
        ),
        ItemSpec(
            "Working Together: review of the local arrangements",
            CA,
            DECISION,
            25,
            papers=word("Multi-agency safeguarding arrangements (revised draft)"),
            discussion="CA presented the revised arrangements, which name education as a fourth partner at "
            "the "
            "Board.",
            decision="The Board agreed the revised arrangements for consultation with relevant agencies.",
            actions=(
                action(
                    "JK to consult relevant agencies on the revised arrangements and report back.",
                    JK,
                    title="Arrangements",
                    due_days=56,
                    steps=done("Consultation closed; twelve responses, summarised for the Board.", 2),
                ),
            ),
        ),
        ItemSpec(
            "Levels of need: revision of the threshold document",
            "Bethan Morgan",
            DISCUSSION,
            20,
            discussion="BM presented the proposed changes to the levels of need, following the audit of "
            "contacts that did not progress.",
            actions=(
                action(
                    "BM to bring the revised levels of need document to the Board for sign-off.",
                    "Bethan Morgan",
                    title="Levels of need",
                    due_days=70,
                    steps=STALLED,
                ),
            ),
        ),
        ItemSpec(
            "Education: the Education Lead's report",
            GW,
            ASSURANCE,
            20,
            papers=paper("Education Lead's report"),
            discussion="GW reported on attendance, suspensions and the schools' safeguarding returns.",
            actions=(
                action(
                    "GW to report the Section 175 audit returns to the Board.",
                    GW,
                    title="Section 175",
                    due_days=84,
                    steps=done("Returns reported; three schools are being followed up.", 2),
                ),
            ),
        ),
        ItemSpec(
            "Exploitation: police operation update",
            IC,
            INFORMATION,
            15,
            discussion="IC updated the Board on the operation against county lines in Hereford and "
            "Leominster.",
            actions=(
                action(
                    "IC to share the operation's problem profile with the Child Exploitation & Missing "
                    "Group.",
                    IC,
                    title="Exploitation",
                    due_days=28,
                    steps=by_owner("Problem profile shared with the group's chair.", days=10),
                ),
            ),
        ),
        ItemSpec(
            "Domestic abuse: Operation Encompass notifications",
            "Grace Oduya",
            INFORMATION,
            15,
            papers=paper("Operation Encompass: notifications to schools"),
            discussion="GO reported that schools receive a notification for nine in ten incidents by the "
            "next "
            "school day.",
            actions=(
                action(
                    "Education Group to review how schools use Operation Encompass notifications (CA to "
                    "pass to "
                    "the Chair of the Education Group).",
                    CA,
                    title="Operation Encompass",
                    due_days=84,
                    hand_to=EDUCATION,
                    hand_note="CA to pass to the Chair of the Education Group.",
                    steps=progress_then_done(
                        "Survey of designated safeguarding leads sent.",
                        "Findings reported to the Board through the Education Group's highlight report.",
                    ),
                ),
            ),
        ),
        ItemSpec(
            "Partnership summit: feedback and next steps",
            JK,
            DISCUSSION,
            15,
            discussion="More than a hundred practitioners attended; neglect and online harm were the themes "
            "most "
            "asked about.",
            actions=(
                action(
                    "JK to circulate the summit's 'you said, we did' summary.",
                    JK,
                    title="Summit",
                    steps=superseded("Superseded – the summary is part of the yearly report instead."),
                ),
            ),
        ),
    ),
)

BOARD_SCENARIOS = (
    # Counted back from the latest held board meeting, past the three scripted ones: five fit in
    # any year. Inquorate decisions are ratified at the group's next held meeting.
    (),
    (
        # A rapid review's recommendation is decided by representatives of all three partners, quorate
        # (seed 001 s.15.7); the JCR's rapid review panel presents it.
        ScenarioSpec(
            Scenario.ATTENDS_FOR_ITEM,
            person=RAPID_REVIEW_PANEL,
            item_title="Rapid review 'Child T'",
            item=ItemSpec(
                "Rapid review 'Child T': decision on a local child safeguarding practice review",
                RAPID_REVIEW_PANEL,
                DECISION,
                15,
                discussion="The Joint Case Review Group's rapid review panel recommended a local child "
                "safeguarding practice review. The representatives of the three safeguarding partners "
                "considered the recommendation; the independent scrutineer will review the decision.",
                decision="The three safeguarding partners decided that the rapid review for 'Child T' met "
                "the criteria for a local child safeguarding practice review, and that one is commissioned.",
            ),
        ),
        # The ICB's partner leaves before a later decision item, so that decision is taken inquorate.
        ScenarioSpec(
            Scenario.LEAVES_BEFORE_DECISION,
            person=RT,
            item=ItemSpec(
                "Levels of need: the refreshed threshold document",
                CA,
                DECISION,
                15,
                discussion="RT had left the meeting, so the ICB was not represented when the decision was "
                "taken.",
                decision="The Board adopted the refreshed levels of need (threshold) document.",
            ),
        ),
        ScenarioSpec(
            Scenario.LATE_PAPER_ACCEPTED,
            reason="The quarter's data were published after the deadline; the chair agreed to take the "
            "paper.",
        ),
    ),
    (
        ScenarioSpec(
            Scenario.CANCELLED,
            reason="Too few partners were available during the summer holidays; the business moves to the "
            "next "
            "meeting.",
        ),
    ),
    (
        ScenarioSpec(
            Scenario.DEPUTY_ATTENDS,
            person=IC,
            reason="Leading a police operation",
            # A police paper two days late, held back from the pack (seed 003, item 2a).
            item=ItemSpec(
                "Police referrals to the MASH: quarterly report",
                "Callum Reid",
                INFORMATION,
                10,
                papers=paper("Police referrals to the MASH", timing=PaperTiming.LATE_HELD_BACK),
                discussion="The item was deferred to the next meeting.",
            ),
        ),
    ),
    (
        # The police absent with apologies and no deputy: the meeting is not quorate.
        ScenarioSpec(
            Scenario.PARTNER_ABSENT,
            agency=POLICE,
            item=ItemSpec(
                "Multi-agency dataset and risk register",
                "Tom Beddoes",
                DECISION,
                20,
                papers=paper("Multi-agency dataset"),
                discussion="The meeting was not quorate: the police were not represented. The Board took "
                "the item "
                "and recorded its decision for ratification at the next meeting.",
                decision="The Board adopted the multi-agency dataset and the refreshed risk register.",
            ),
        ),
    ),
)


# The six subgroups ------------------------------------------------------------------------------

QE_YEAR = GroupYearSpec(
    group=QE,
    per_meeting=1,  # the Q&E Group meets six-weekly
    start=time(10, 0),
    end=time(12, 0),
    online_link="https://teams.example.org/l/meetup-join/hscp-quality-effectiveness",
    first_offset_days=8,
    weekday=1,
    recurring=(
        ItemSpec(
            "Multi-agency performance scorecard",
            "Tom Beddoes",
            ASSURANCE,
            25,
            papers=paper("Multi-agency performance scorecard"),
            discussion="TB presented the scorecard: contacts progressing to referral, re-referrals within "
            "twelve "
            "months, repeat child protection plans and the timeliness of initial health assessments. Members "
            "challenged the low conversion of contacts to referrals.",
        ),
        ItemSpec(
            "Single-agency audits received",
            "Chloe Thackeray",
            ASSURANCE,
            15,
            discussion="Single-agency audits from the council and Wye Valley NHS Trust were received; "
            "nothing to "
            "escalate.",
        ),
    ),
    one_offs=(
        ItemSpec(
            "Multi-agency audit: neglect – findings",
            "Chloe Thackeray",
            DISCUSSION,
            30,
            papers=paper("Multi-agency neglect audit: findings"),
            discussion="The audit of twelve cases found good use of chronologies but weak recording of the "
            "voice "
            "of the child.",
            actions=(
                action(
                    "CT to write the learning briefing from the neglect audit with the Development & "
                    "Practice "
                    "Group.",
                    "Chloe Thackeray",
                    title="Neglect audit",
                    steps=progress_then_done("Draft briefing with D&P.", "Briefing published."),
                ),
            ),
        ),
        ItemSpec(
            "Section 11 self-assessments: returns and challenge",
            PR,
            DISCUSSION,
            20,
            papers=word("Section 11 returns: summary"),
            discussion="Fourteen of seventeen agencies have returned their self-assessment.",
            actions=(
                action(
                    "PR to write to the three agencies that have not returned their Section 11 "
                    "self-assessment.",
                    PR,
                    title="Section 11",
                    due_days=21,
                    steps=by_owner("Letters sent; two returns have since arrived.", days=9),
                ),
            ),
        ),
        ItemSpec(
            "Re-audit: strategy meetings",
            "Tomasz Nowak",
            ASSURANCE,
            20,
            papers=paper("Strategy meetings re-audit"),
            discussion="Police attendance at strategy meetings has improved but health attendance has not.",
            actions=(
                action(
                    "TN to confirm police attendance at strategy meetings for the next quarter's data.",
                    "Tomasz Nowak",
                    title="Strategy meetings",
                    steps=slipping(
                        "Data requested from the MASH.", "The MASH system upgrade delayed the data."
                    ),
                ),
            ),
        ),
        ItemSpec(
            "Children looked after: initial health assessments",
            "Lucy Penhaligon",
            ASSURANCE,
            20,
            papers=paper("Initial health assessments: timeliness"),
            discussion="Only six in ten initial health assessments are completed within twenty working days.",
            actions=(
                action(
                    "LP and CT to agree a joint escalation route for late initial health assessments.",
                    "Lucy Penhaligon",
                    "Chloe Thackeray",
                    title="Health assessments",
                    due_days=35,
                    steps=STALLED,
                ),
            ),
        ),
        ItemSpec(
            "Child protection conference quality report",
            "Rosie Lambert",
            ASSURANCE,
            15,
            discussion="Reports from partner agencies arrive on time for most conferences.",
            actions=(
                action(
                    "RL to report the proportion of conferences with police reports received in time.",
                    "Rosie Lambert",
                    title="Conference reports",
                    steps=done("87% in the last quarter."),
                ),
            ),
        ),
        ItemSpec(
            "Engagement framework for children and young people",
            "Chloe Thackeray",
            APPROVAL,
            15,
            papers=paper("Engagement framework for children and young people"),
            discussion="The framework builds on the youth council and the children in care council.",
            decision="The group approved the engagement framework for children and young people.",
        ),
        ItemSpec(
            "Probation: information sharing at child protection conferences",
            "Judith Okoro",
            DISCUSSION,
            15,
            discussion="Probation reports reach conferences late when the case is held outside the county.",
            actions=(
                action(
                    "JO to brief probation practitioners on the conference report template.",
                    "Judith Okoro",
                    title="Probation reports",
                    steps=deferred("Deferred until the new report template is agreed."),
                ),
            ),
        ),
        ItemSpec(
            "Walk the floor: members' visit to the MASH",
            PR,
            INFORMATION,
            10,
            discussion="Members agreed to visit the MASH once a year.",
            actions=(
                action(
                    "PR to arrange the members' yearly 'walk the floor' visit to the MASH.",
                    PR,
                    title="Walk the floor",
                    due_days=90,
                    steps=by_owner("Date agreed with the MASH service manager.", days=14, status=IN_PROGRESS),
                ),
            ),
        ),
        ItemSpec(
            "Dataset and risk register workshop",
            "Tom Beddoes",
            DISCUSSION,
            15,
            discussion="A multi-agency workshop will produce the dataset and update the risk register.",
            actions=(
                action(
                    "TB to run the dataset workshop with the three partners' analysts.",
                    "Tom Beddoes",
                    title="Dataset",
                    steps=closed("Closed – merged into the Board's dataset work."),
                ),
            ),
        ),
    ),
    scenarios={2: (ScenarioSpec(Scenario.LATE_PAPER_HELD_BACK),)},
    amendments={
        1: AmendmentSpec(
            item_title="performance scorecard",
            addition="SV asked that the minutes record the ICB's concern about the timeliness of initial "
            "health assessments.",
            requested_by="Sunil Varma",
        )
    },
)

DP_YEAR = GroupYearSpec(
    group=DP,
    start=time(14, 0),
    end=time(16, 0),
    location="Conference Room 2, Plough Lane, Hereford",
    first_offset_days=22,
    weekday=2,
    recurring=(
        ItemSpec(
            "Multi-agency training programme and take-up by agency",
            "Aisha Rahman",
            ASSURANCE,
            25,
            papers=paper("Training take-up by agency"),
            discussion="AR presented take-up by agency: schools and health lead; the police and GPs lag.",
        ),
        ItemSpec(
            "Communications and the partnership website",
            "Ben Carver",
            INFORMATION,
            10,
            discussion="BC reported the most visited pages: the levels of need and the referral form.",
        ),
    ),
    one_offs=(
        ItemSpec(
            "Training needs analysis",
            "Aisha Rahman",
            DECISION,
            25,
            papers=word("Training needs analysis"),
            discussion="The analysis draws on audits, case reviews and the practitioners' survey.",
            decision="The group agreed the training needs analysis and next year's priorities.",
            actions=(
                action(
                    "AR to publish next year's training programme on the website.",
                    "Aisha Rahman",
                    title="Training programme",
                    steps=progress_then_done("Programme drafted.", "Programme published."),
                ),
            ),
        ),
        ItemSpec(
            "Training pool: trainers' availability",
            "Aisha Rahman",
            DISCUSSION,
            15,
            discussion="The pool is short of trainers from health and the police.",
            actions=(
                action(
                    "AR, ZA and HG to confirm trainers for the pool for the next six months.",
                    "Aisha Rahman",
                    "Zara Ahmed",
                    "Hannah Greaves",
                    title="Training pool",
                    steps=slipping(
                        "Health trainers confirmed.", "Police trainers not yet released.", weeks=6
                    ),
                ),
            ),
        ),
        ItemSpec(
            "Neglect toolkit relaunch",
            "Gareth Hollis",
            INFORMATION,
            15,
            papers=paper("Graded care profile: briefing pack"),
            discussion="GH will relaunch the toolkit alongside the refreshed strategy.",
            actions=(
                action(
                    "GH to run two briefings on the graded care profile.",
                    "Gareth Hollis",
                    title="Neglect toolkit",
                    steps=done("Both briefings held, 74 attended."),
                ),
            ),
        ),
        ItemSpec(
            "Learning briefing: LCSPR 'Child M'",
            "Gareth Hollis",
            DISCUSSION,
            15,
            discussion="The briefing draws out professional curiosity and the voice of the child.",
            actions=(
                action(
                    "BC to publish the learning briefing and a seven-minute briefing on the website.",
                    "Ben Carver",
                    title="Learning briefing",
                    steps=done("Published and sent to all agencies."),
                ),
            ),
        ),
        ItemSpec(
            "Evaluation and impact on practice",
            "Aisha Rahman",
            DISCUSSION,
            20,
            discussion="Three-month impact surveys have a low response rate.",
            actions=(
                action(
                    "AR to send the three-month impact survey to attendees of the neglect course.",
                    "Aisha Rahman",
                    title="Impact survey",
                    due_days=28,
                    steps=STALLED,
                ),
            ),
        ),
        ItemSpec(
            "Faith settings: safeguarding training",
            "Samuel Okafor",
            DISCUSSION,
            15,
            discussion="Faith groups asked for training on allegations against volunteers.",
            actions=(
                action(
                    "SO to arrange a session for faith leaders with the LADO.",
                    "Samuel Okafor",
                    title="Faith settings",
                    steps=deferred("Deferred until the LADO's new deputy starts."),
                ),
            ),
        ),
        ItemSpec(
            "Safer sleep campaign",
            "Rachel Bright",
            INFORMATION,
            10,
            papers=paper("Safer sleep campaign materials"),
            discussion="Materials are ready for the winter campaign.",
            actions=(
                action(
                    "RB and ES to share the safer sleep materials with health visiting and early years "
                    "settings.",
                    "Rachel Bright",
                    "Emily Stanton",
                    title="Safer sleep",
                    steps=done("Shared with all settings."),
                ),
            ),
        ),
        ItemSpec(
            "Levels of need training",
            "Poppy Harrington",
            DISCUSSION,
            15,
            discussion="Practitioners ask for scenarios on the boundary between levels 3 and 4.",
            actions=(
                action(
                    "PH to add levels of need scenarios to the Working Together course.",
                    "Poppy Harrington",
                    title="Levels of need",
                    steps=superseded("Superseded – the new thresholds course covers it."),
                ),
            ),
        ),
    ),
    scenarios={
        1: (ScenarioSpec(Scenario.INVALID_APOLOGY, person="Andrew Kerr", reason="Diary clash"),),
        2: (
            ScenarioSpec(
                Scenario.CANCELLED,
                reason="The chair was unwell and too few members could attend; the items are carried "
                "forward.",
            ),
        ),
    },
)

JCR_YEAR = GroupYearSpec(
    group=JCR,
    start=time(9, 30),
    end=time(12, 0),
    location="Committee Room 1, Shire Hall, Hereford",
    first_offset_days=36,
    weekday=3,
    publishes_minutes=False,
    recurring=(
        ItemSpec(
            "Case review tracker",
            DO,
            ASSURANCE,
            20,
            papers=word("Case review tracker"),
            discussion="DO took the group through the tracker: rapid reviews, practice reviews, domestic "
            "homicide "
            "reviews and safeguarding adults reviews, with their statutory dates.",
        ),
        ItemSpec(
            "Rapid review (confidential)",
            "Kofi Mensah",
            DECISION,
            40,
            confidential=True,
            papers=paper("Rapid review report (confidential)"),
            discussion="Confidential: the details are recorded in the case review file.",
            decision="The partners agreed the rapid review's recommendation; the decision and its rationale "
            "go to "
            "the national panel.",
        ),
    ),
    one_offs=(
        ItemSpec(
            "LCSPR 'Child M': draft report",
            "Oluwaseun Adebayo",
            DISCUSSION,
            30,
            papers=paper("LCSPR 'Child M': draft report"),
            discussion="The lead reviewer's draft was discussed; the health chronology needs correcting.",
            actions=(
                action(
                    "OA to agree the health chronology corrections with the lead reviewer.",
                    "Oluwaseun Adebayo",
                    title="Child M",
                    due_days=21,
                    steps=by_owner("Corrections agreed with the lead reviewer.", days=12),
                ),
            ),
        ),
        ItemSpec(
            "Domestic homicide review: action plan",
            "Nicola Barnett",
            ASSURANCE,
            20,
            discussion="Four of nine actions are complete.",
            actions=(
                action(
                    "NB to update the review's action plan for the Community Safety Partnership.",
                    "Nicola Barnett",
                    title="DHR action plan",
                    steps=slipping(
                        "Two more actions complete.", "Waiting for the housing provider's evidence."
                    ),
                ),
            ),
        ),
        ItemSpec(
            "Safeguarding adults review: self-neglect themes",
            "Martin Ogunleye",
            DISCUSSION,
            20,
            discussion="Self-neglect themes overlap with the neglect of children in the same households.",
            actions=(
                action(
                    "MO to share the review's themes with the Adults Board's learning group.",
                    "Martin Ogunleye",
                    title="SAR themes",
                    steps=closed("Closed – the Adults Board took this on itself."),
                ),
            ),
        ),
        ItemSpec(
            "Child death reviews: themes for learning",
            "Ruth Carmichael",
            ASSURANCE,
            20,
            papers=paper("Child death review themes"),
            discussion="Modifiable factors in the year's reviews: unsafe sleep and smoking in pregnancy.",
            actions=(
                action(
                    "RC to bring the year's child death themes to the Board through the JCR chair.",
                    "Ruth Carmichael",
                    title="Child death themes",
                    steps=done("Reported to the Board."),
                ),
            ),
        ),
        ItemSpec(
            "Thematic analysis of learning from reviews",
            AN,
            DECISION,
            20,
            discussion="The Board asked for a thematic analysis of learning to inform business planning.",
            decision="The group agreed the scope of the thematic analysis of learning from reviews.",
            actions=(
                action(
                    "AN/DO to commission the thematic analysis.",
                    AN,
                    DO,
                    title="Thematic analysis",
                    steps=progress_then_done("Analyst identified.", "Analysis reported to the Board."),
                ),
            ),
        ),
        ItemSpec(
            "National panel: learning from its yearly report",
            "Gareth Hollis",
            DISCUSSION,
            15,
            discussion="The panel's themes were compared with local reviews.",
            actions=(
                action(
                    "GH to map the panel's themes against local reviews.",
                    "Gareth Hollis",
                    title="Panel themes",
                    due_days=35,
                    steps=STALLED,
                ),
            ),
        ),
        ItemSpec(
            "Youth justice: learning from a serious incident",
            "Amira Haddad",
            INFORMATION,
            15,
            discussion="AH shared the youth justice service's own learning review.",
        ),
    ),
    scenarios={
        2: (
            ScenarioSpec(
                Scenario.LATE_PAPER_ACCEPTED,
                reason="The rapid review's fifteen-working-day deadline falls before the next meeting.",
            ),
        )
    },
)

MASH_YEAR = GroupYearSpec(
    group=MASH,
    start=time(10, 0),
    end=time(11, 30),
    online_link="https://teams.example.org/l/meetup-join/hscp-mash",
    first_offset_days=50,
    weekday=0,
    publishes_minutes=False,
    recurring=(
        ItemSpec(
            "MASH performance data",
            "Ryan Bevan",
            ASSURANCE,
            25,
            papers=paper("MASH performance data"),
            discussion="RB presented contacts, referrals, decisions within one working day and strategy "
            "meetings.",
        ),
        ItemSpec(
            "Health staffing at the MASH",
            "Kirsty Macdonald",
            INFORMATION,
            10,
            discussion="Health cover is now in place every working day.",
        ),
    ),
    one_offs=(
        ItemSpec(
            "Contacts to referral conversion",
            "Ryan Bevan",
            DISCUSSION,
            25,
            papers=paper("Contacts that did not progress"),
            discussion="Only a quarter of contacts progress to referral.",
            actions=(
                action(
                    "RB/TN to sample thirty contacts that did not progress, with health.",
                    "Ryan Bevan",
                    "Tomasz Nowak",
                    title="Contacts sample",
                    steps=progress_then_done("Sample drawn.", "Findings went to the Q&E Group."),
                ),
            ),
        ),
        ItemSpec(
            "Harm assessment unit: pathway to early help",
            "Tomasz Nowak",
            DECISION,
            20,
            discussion="Level 3 police concerns could go straight to early help.",
            decision="The group agreed a direct pathway from the harm assessment unit to early help.",
            actions=(
                action(
                    "TN/PH to write the pathway and brief both teams.",
                    "Tomasz Nowak",
                    "Poppy Harrington",
                    title="Early help pathway",
                    steps=slipping("Pathway drafted.", "Waiting for the police IT change.", weeks=10),
                ),
            ),
        ),
        ItemSpec(
            "Multi-agency referral form revision",
            "Bethan Morgan",
            DISCUSSION,
            15,
            discussion="The form's level 3 and level 4 boxes confuse referrers.",
            actions=(
                action(
                    "BM to revise the referral form with the Development & Practice Group.",
                    "Bethan Morgan",
                    title="Referral form",
                    due_days=56,
                    steps=STALLED,
                ),
            ),
        ),
        ItemSpec(
            "Education resource in the MASH",
            "Bethan Morgan",
            DISCUSSION,
            15,
            discussion="The education post has been vacant since the spring.",
            actions=(
                action(
                    "BM to agree the education post's funding with the Director for Education.",
                    "Bethan Morgan",
                    title="Education post",
                    steps=deferred("Deferred to next year's budget round."),
                ),
            ),
        ),
        ItemSpec(
            "Audit of referrals that did not progress",
            "Leanne Fairweather",
            ASSURANCE,
            20,
            papers=paper("Referrals audit"),
            discussion="Partners reviewed the outcomes of their own referrals to close the learning loop.",
            actions=(
                action(
                    "LF to share the police findings with the harm assessment unit.",
                    "Leanne Fairweather",
                    title="Referrals audit",
                    steps=done("Shared at the unit's team meeting."),
                ),
            ),
        ),
        ItemSpec(
            "MASH reconfiguration",
            "Bethan Morgan",
            DECISION,
            25,
            papers=word("MASH reconfiguration proposal"),
            discussion="The proposal brings early help screening into the MASH.",
            decision="The group supported the reconfiguration, for the Board's approval.",
        ),
        ItemSpec(
            "Housing information at the front door",
            "Rosa Fernandes",
            INFORMATION,
            10,
            discussion="Housing checks take several days.",
            actions=(
                action(
                    "RF to set up a housing contact for MASH enquiries.",
                    "Rosa Fernandes",
                    title="Housing contact",
                    steps=done("A duty contact answers within a day."),
                ),
            ),
        ),
    ),
    scenarios={
        2: (
            ScenarioSpec(
                Scenario.DEPUTY_ATTENDS, person="Leanne Fairweather", reason="Covering the force control room"
            ),
            ScenarioSpec(Scenario.ARRIVES_LATE, person="Kirsty Macdonald"),
        )
    },
)

CEM_YEAR = GroupYearSpec(
    group=CEM,
    start=time(13, 30),
    end=time(15, 30),
    location="Mordiford Room, Plough Lane, Hereford",
    first_offset_days=64,
    weekday=1,
    publishes_minutes=False,
    latest_minutes_draft=True,
    recurring=(
        ItemSpec(
            "Missing children: return home interviews",
            "Jamal Idris",
            ASSURANCE,
            20,
            papers=paper("Missing episodes and return home interviews"),
            discussion="JI reported missing episodes and the proportion of return home interviews offered "
            "within "
            "72 hours.",
        ),
        ItemSpec(
            "Exploitation: police problem profile",
            "Siân Edwards",
            ASSURANCE,
            20,
            papers=paper("Exploitation problem profile"),
            discussion="SE presented the problem profile: county lines, online harm and the hotspots in the "
            "city.",
        ),
    ),
    one_offs=(
        ItemSpec(
            "Extra-familial harm strategy",
            "Bethan Morgan",
            DECISION,
            25,
            papers=paper("Extra-familial harm strategy (draft)"),
            discussion="The strategy covers exploitation, serious youth violence and online harm.",
            decision="The group agreed the extra-familial harm strategy for consultation.",
            actions=(
                action(
                    "BM to consult the youth council on the strategy.",
                    "Bethan Morgan",
                    title="Strategy",
                    steps=progress_then_done("Session booked.", "The youth council's views added."),
                ),
            ),
        ),
        ItemSpec(
            "County lines: disruption activity",
            "Siân Edwards",
            INFORMATION,
            15,
            discussion="Two lines were closed this quarter.",
            actions=(
                action(
                    "SE to share disruption outcomes with schools' designated leads.",
                    "Siân Edwards",
                    title="County lines",
                    due_days=35,
                    steps=STALLED,
                ),
            ),
        ),
        ItemSpec(
            "Children placed out of county: missing episodes",
            "Leila Sharif",
            DISCUSSION,
            20,
            discussion="Children placed out of county account for a third of missing episodes.",
            actions=(
                action(
                    "LS to agree notification arrangements with the three largest placing providers.",
                    "Leila Sharif",
                    title="Placements",
                    steps=slipping("Two providers agreed.", "The third provider changed its manager."),
                ),
            ),
        ),
        ItemSpec(
            "Substance misuse and exploitation",
            "Kieran Doyle",
            INFORMATION,
            15,
            discussion="Referrals for cannabis use often show exploitation.",
            actions=(
                action(
                    "KD to add an exploitation screening question to the young people's assessment.",
                    "Kieran Doyle",
                    title="Screening",
                    steps=done("Question in use since the start of the month."),
                ),
            ),
        ),
        ItemSpec(
            "Transport hubs: railway station safeguarding",
            "Patrick Quinn",
            INFORMATION,
            15,
            discussion="Children travelling alone late at night are referred by station staff.",
            actions=(
                action(
                    "PQ to share station safeguarding referrals with the MASH each month.",
                    "Patrick Quinn",
                    title="Stations",
                    steps=done("Monthly list set up."),
                ),
            ),
        ),
        ItemSpec(
            "Modern slavery: National Referral Mechanism",
            "Victor Abiodun",
            INFORMATION,
            15,
            discussion="Referrals of children to the National Referral Mechanism have doubled.",
            actions=(
                action(
                    "VA to brief the group on the devolved decision-making pilot.",
                    "Victor Abiodun",
                    title="NRM",
                    steps=deferred("Deferred until the pilot's evaluation is published."),
                ),
            ),
        ),
        ItemSpec(
            "Sexual health: exploitation screening",
            "Anjali Mehta",
            INFORMATION,
            10,
            discussion="The clinic screens every under-18 for exploitation.",
            actions=(
                action(
                    "AM to share the screening tool with school nursing.",
                    "Anjali Mehta",
                    title="Screening tool",
                    steps=superseded("Superseded – the new county-wide tool replaces it."),
                ),
            ),
        ),
    ),
    scenarios={
        1: (
            # The police member leaves before the decision: taken inquorate, to be ratified next time.
            ScenarioSpec(
                Scenario.LEAVES_BEFORE_DECISION,
                person="Siân Edwards",
                item=ItemSpec(
                    "Return home interview contract",
                    "Jamal Idris",
                    DECISION,
                    15,
                    discussion="SE had left, so the police were not represented when the decision was taken.",
                    decision="The group recommended extending the return home interview contract for a year.",
                ),
            ),
        ),
    },
)

EDUCATION_YEAR = GroupYearSpec(
    group=EDUCATION,
    start=time(15, 30),
    end=time(17, 0),
    online_link="https://teams.example.org/l/meetup-join/hscp-education",
    first_offset_days=78,
    weekday=2,
    recurring=(
        ItemSpec(
            "Designated safeguarding leads' network",
            "Sarah Llewellyn",
            INFORMATION,
            15,
            discussion="SL reported on the termly network: online safety and attendance were the main "
            "themes.",
        ),
        ItemSpec(
            "LADO: allegations in education settings",
            "Gavin Truscott",
            ASSURANCE,
            15,
            papers=paper("LADO report: education settings"),
            discussion="GT reported allegations against staff in education settings, by outcome.",
        ),
    ),
    one_offs=(
        ItemSpec(
            "Elective home education",
            "Helen Bracewell",
            DISCUSSION,
            20,
            papers=paper("Elective home education: numbers and checks"),
            discussion="Numbers of children electively home educated keep rising.",
            actions=(
                action(
                    "HB to share the monthly list of children newly electively home educated with health "
                    "visiting "
                    "and school nursing.",
                    "Helen Bracewell",
                    title="Home education",
                    steps=done("List shared monthly."),
                ),
            ),
        ),
        ItemSpec(
            "Children missing education",
            "Helen Bracewell",
            DISCUSSION,
            15,
            discussion="Most children missing education are found within twenty school days.",
            actions=(
                action(
                    "HB to agree a joint protocol for children missing education with the police.",
                    "Helen Bracewell",
                    "Grace Oduya",
                    title="Missing education",
                    steps=slipping("Draft protocol written.", "The police legal review is taking longer."),
                ),
            ),
        ),
        ItemSpec(
            "Early years safeguarding assurance",
            "Louise Marsh",
            DISCUSSION,
            20,
            discussion="Early years settings have no equivalent of the Section 175 audit.",
            actions=(
                action(
                    "LM/FM to design an early years safeguarding self-assessment.",
                    "Louise Marsh",
                    "Fiona MacLeod",
                    title="Early years",
                    steps=progress_then_done("Draft tested with four settings.", "Tool issued."),
                ),
            ),
        ),
        ItemSpec(
            "Operation Encompass in schools",
            "Grace Oduya",
            INFORMATION,
            15,
            discussion="Notifications reach schools by the next school day.",
            actions=(
                action(
                    "GO to check that every secondary school has a trained key adult.",
                    "Grace Oduya",
                    title="Key adults",
                    due_days=35,
                    steps=STALLED,
                ),
            ),
        ),
        ItemSpec(
            "Suspensions and exclusions",
            "Tracey Dunn",
            DISCUSSION,
            15,
            papers=paper("Suspensions and exclusions"),
            discussion="Suspensions of children with a social worker are rising.",
            actions=(
                action(
                    "TD to bring the data by year group to the next meeting.",
                    "Tracey Dunn",
                    title="Suspensions",
                    due_days=None,
                    steps=closed("Closed – the Board's education report now carries the data."),
                ),
            ),
        ),
        ItemSpec(
            "Virtual school: children in care",
            "Nadia Hussain",
            INFORMATION,
            15,
            discussion="Personal education plans are up to date for nine in ten children in care.",
        ),
        ItemSpec(
            "Post-16 safeguarding",
            "Yusuf Malik",
            DISCUSSION,
            15,
            discussion="Colleges see more exploitation concerns among 16 and 17 year olds.",
            actions=(
                action(
                    "YM to present the colleges' safeguarding data.",
                    "Yusuf Malik",
                    title="Post-16",
                    steps=deferred("Deferred until the colleges' year-end data are ready."),
                ),
            ),
        ),
    ),
    scenarios={
        3: (
            # The ICB's only member sends apologies and has no deputy: the meeting is not quorate.
            ScenarioSpec(
                Scenario.PARTNER_ABSENT,
                agency=ICB,
                item=ItemSpec(
                    "Section 175 audit tool",
                    "Sarah Llewellyn",
                    DECISION,
                    15,
                    papers=word("Section 175 audit tool"),
                    discussion="The meeting was not quorate (the ICB was not represented); the decision "
                    "goes to the "
                    "next meeting for ratification.",
                    decision="The group agreed the Section 175 audit tool for this year's returns.",
                ),
            ),
        ),
        2: (ScenarioSpec(Scenario.ABSENT_WITHOUT_APOLOGIES, person="Clare Fothergill"),),
    },
)

HISTORY = HistorySpec(
    board=BOARD_YEAR,
    subgroups=(QE_YEAR, DP_YEAR, JCR_YEAR, MASH_YEAR, CEM_YEAR, EDUCATION_YEAR),
    anchor=anchor,
    anchor_plans=anchor_plans,
    board_scenarios=BOARD_SCENARIOS,
)
