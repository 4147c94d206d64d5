"""The Hertfordshire Safeguarding Children Board and its eight subgroups, from seed 002.

A second, differently shaped partnership, to show that the structure is data.
Group names and remits follow the seed, each remit in full. The seed gives no
meeting frequencies, quorum rules or review dates, so those are "not set"
rather than invented; chairs beyond the two independent chairs, and every
person, are invented.
"""

import datetime

from demo.specs import (
    AgencySpec,
    DemoUserSpec,
    GroupSpec,
    PartnershipSpec,
    PersonSpec,
    SeatSpec,
)
from governance.models import GroupKind, MeetingFrequency, MembershipRole, QuorumRule, Sector, StatutoryRole
from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP

date = datetime.date
CHAIR = MembershipRole.CHAIR
VICE_CHAIR = MembershipRole.VICE_CHAIR
MEMBER = MembershipRole.MEMBER
DEPUTY = MembershipRole.DEPUTY
ADVISER = MembershipRole.ADVISER
MINUTE_TAKER = MembershipRole.MINUTE_TAKER

COUNCIL = "HCC"
ICB = "HWE ICB"
POLICE = "Herts Police"

AGENCIES = (
    AgencySpec(
        "Hertfordshire County Council",
        COUNCIL,
        Sector.LOCAL_AUTHORITY,
        "hertfordshire-cc",
        StatutoryRole.LOCAL_AUTHORITY,
    ),
    AgencySpec(
        "NHS Hertfordshire and West Essex Integrated Care Board",
        ICB,
        Sector.HEALTH,
        "hwe-icb",
        StatutoryRole.INTEGRATED_CARE_BOARD,
    ),
    AgencySpec("Hertfordshire Constabulary", POLICE, Sector.POLICE, "herts-police", StatutoryRole.POLICE),
    AgencySpec("Hertfordshire Community NHS Trust", "HCT", Sector.HEALTH, "hct-nhs"),
    AgencySpec(
        "Hertfordshire Partnership University NHS Foundation Trust", "HPFT", Sector.HEALTH, "hpft-nhs"
    ),
    AgencySpec("East and North Hertfordshire NHS Trust", "ENHT", Sector.HEALTH, "enht-nhs"),
    AgencySpec("Hertfordshire Schools and Colleges", "Herts Schools", Sector.EDUCATION, "herts-schools"),
    AgencySpec(
        "Hertfordshire Probation Delivery Unit",
        "Herts Probation",
        Sector.PROBATION_JUSTICE,
        "herts-probation",
    ),
    AgencySpec(
        "Hertfordshire Youth Justice Service", "Herts Youth Justice", Sector.PROBATION_JUSTICE, "herts-yjs"
    ),
    AgencySpec("Hertfordshire Fire and Rescue Service", "Herts Fire", Sector.OTHER, "herts-fire"),
    AgencySpec("Independent Chairs, Safeguarding Board", "Independent Chairs", Sector.OTHER, "hscb-chairs"),
)

PEOPLE = (
    PersonSpec("Jonathan Pryce-Evans", "Director of Children's Services", COUNCIL),
    PersonSpec("Shirin Jafari", "Head of Safeguarding, Children's Services", COUNCIL, "Jonathan Pryce-Evans"),
    PersonSpec("Vikram Sethi", "Head of Performance and Intelligence", COUNCIL, "Jonathan Pryce-Evans"),
    PersonSpec("Deborah Kaye", "Head of Quality Assurance, Children's Services", COUNCIL, "Shirin Jafari"),
    PersonSpec("Connor Walsh", "Head of Service, Adolescent Safeguarding", COUNCIL, "Shirin Jafari"),
    PersonSpec("Priyanka Bose", "Head of Education Safeguarding", COUNCIL, "Jonathan Pryce-Evans"),
    PersonSpec("Patrice Dubois", "Safeguarding Board Manager", COUNCIL, "Shirin Jafari"),
    PersonSpec("Claire Donnelly", "Board Business Manager", COUNCIL, "Patrice Dubois"),
    PersonSpec("Ollie Grant", "Board Administrator", COUNCIL, "Claire Donnelly"),
    PersonSpec("Ruth Ellison", "Policy and Procedures Officer", COUNCIL, "Claire Donnelly"),
    PersonSpec("Tunde Bakare", "Multi-Agency Training Manager", COUNCIL, "Patrice Dubois"),
    PersonSpec("Malcolm Reeve", "Director of Public Health", COUNCIL),
    PersonSpec("Isobel Frost", "Consultant in Public Health", COUNCIL, "Malcolm Reeve"),
    PersonSpec("Sandra Oyelaran", "Director of Nursing and Quality", ICB),
    PersonSpec("Hollie Bennett", "Designated Nurse for Safeguarding Children", ICB, "Sandra Oyelaran"),
    PersonSpec("Arjun Nair", "Designated Doctor for Safeguarding Children", ICB, "Sandra Oyelaran"),
    PersonSpec("Miriam Goldberg", "Designated Doctor for Child Deaths", ICB, "Sandra Oyelaran"),
    PersonSpec("Dylan Rhodes", "Named GP for Safeguarding Children", ICB, "Hollie Bennett"),
    PersonSpec("Andrew Okoye", "Detective Chief Superintendent, Head of Public Protection", POLICE),
    PersonSpec("Elaine Bradshaw", "Detective Superintendent, Safeguarding Command", POLICE, "Andrew Okoye"),
    PersonSpec(
        "Gavin Moss", "Detective Chief Inspector, Child Abuse Investigation", POLICE, "Elaine Bradshaw"
    ),
    PersonSpec("Karolina Wiśniewska", "Detective Inspector, Missing and Exploitation", POLICE, "Gavin Moss"),
    PersonSpec("Rob Fielding", "Detective Sergeant, Child Death Investigation", POLICE, "Gavin Moss"),
    PersonSpec("Naomi Clarke", "Head of Safeguarding", "HCT"),
    PersonSpec("Bilal Qureshi", "Named Nurse for Safeguarding, School Nursing", "HCT", "Naomi Clarke"),
    PersonSpec("Gemma Lawson", "Named Nurse for Safeguarding Children", "HPFT"),
    PersonSpec("Olivia Stephens", "Named Midwife for Safeguarding", "ENHT"),
    PersonSpec("Ian Roper", "Headteacher, secondary school", "Herts Schools"),
    PersonSpec("Mariam Yusuf", "Designated Safeguarding Lead, primary school", "Herts Schools", "Ian Roper"),
    PersonSpec("Colin Webb", "Senior Probation Officer", "Herts Probation"),
    PersonSpec("Tasha Green", "Head of Youth Justice", "Herts Youth Justice"),
    PersonSpec("Pete Lowry", "Safeguarding Manager", "Herts Fire"),
    PersonSpec("Geraldine Ashdown", "Independent Chair, Safeguarding Board", "Independent Chairs"),
    PersonSpec("Hugh Pemberton", "Independent Chair, Case Review Subgroup", "Independent Chairs"),
)

BOARD = "Hertfordshire Safeguarding Children Board"
IMPROVING_OUTCOMES = "Improving Outcomes Subgroup"
LEARNING = "Learning and Development Subgroup"
POLICY = "Policy and Procedures Subgroup"
AUDIT = "Audit Subgroup"
PERFORMANCE = "Performance Subgroup"
CASE_REVIEW = "Case Review Subgroup"
CDOP = "Child Death Overview Panel"
ADOLESCENTS = "Strategic Safeguarding Adolescents Group"


def bullets(*lines: str) -> str:
    return "\n".join(f"- {line}" for line in lines)


def subgroup(name: str, short_name: str, remit: str) -> GroupSpec:
    """A subgroup of the Board; the seed gives no frequency, quorum or review date, so none is set."""
    return GroupSpec(
        name,
        short_name,
        GroupKind.SUBGROUP,
        MeetingFrequency.NOT_SET,
        remit=remit,
        reports_to=(BOARD,),
        quorum_rule=QuorumRule.NOT_SET,
    )


# Each remit is the seed's text in full, its headings ("Overall objectives") left out.
GROUPS = (
    GroupSpec(
        BOARD,
        "Strategic Board",
        GroupKind.BOARD,
        MeetingFrequency.NOT_SET,
        remit="Senior managers in partner agencies set the overall strategy for the Safeguarding Board, "
        "overseeing the annual business plan and allocating resources to meet key targets (chaired by an "
        "independent person).\n"
        + bullets(
            "Improve outcomes for children and young people in Hertfordshire in relation to all aspects of "
            "the 'stay safe' outcome.",
            "Ensure that appropriate structures and working arrangements are in place for the co-ordination "
            "of work to safeguard and promote the welfare of children in Hertfordshire.",
            "Ensure that the Safeguarding Board has a business plan which is properly resourced by the "
            "constituent bodies in order to safeguard children in Hertfordshire.",
            "Ensure full and effective implementation of the Working Together guidance, including those "
            "aspects of the guidance which deal specifically with the operation of the Safeguarding Board "
            "itself.",
            "Ensure that the Safeguarding Board makes efficient and effective use of its resources.",
        ),
        quorum_rule=QuorumRule.NOT_SET,
    ),
    subgroup(
        IMPROVING_OUTCOMES,
        "Improving Outcomes",
        bullets(
            "Identify areas of good practice, both locally and nationally on which to base our aspirations.",
            "Identify areas of poor performance across agencies, propose improvements and monitor "
            "progress. Where solutions cannot be found, recommendations for action will be made to the "
            "Strategic Board. The Improving Outcomes Group will only escalate to the Strategic Board issues "
            "of significant risk. That includes those that have countywide or national implications, extend "
            "beyond the remit of the Strategic Board, or result from a serious lack of co-operation of one "
            "or more of the agencies.",
            "Identify a shared vision of the outcomes it aims to achieve which will be drawn from the "
            "Safeguarding Board business plan, yet be sufficiently flexible to identify where issues arise "
            "mid-year which may affect safeguarding. The group will only focus on multi-agency issues.",
            "Identify operational priorities based on data.",
            "Maintain a register of issues to monitor and follow up progress.",
        ),
    ),
    subgroup(
        LEARNING,
        "L&D",
        bullets(
            "To ensure constituent agencies have an effective training programme for their staff in relation "
            "to safeguarding and promoting the welfare of children.",
            "Ensure that additional multi-agency training is provided to meet local needs in line with the "
            "requirements of Working Together.",
        ),
    ),
    subgroup(
        POLICY,
        "P&P",
        bullets(
            "Ensure that the Safeguarding Board (and member agencies) have procedures for inter-agency "
            "working to safeguard and promote the welfare of children as required by Working Together to "
            "Safeguard Children 2015 and other government regulation and statutory guidance.",
        ),
    ),
    subgroup(
        AUDIT,
        "Audit",
        bullets(
            "Receive reports of single agency audits and identify issues for Safeguarding Board.",
            "Conduct audits on behalf of the Safeguarding Board to give insight into the effectiveness of "
            "multi-agency safeguarding processes. This includes overseeing the multi-agency audit "
            "requirements of unannounced Ofsted inspections.",
            "Oversee the audit component of the multi-agency Serious Case Review action plans.",
        ),
    ),
    subgroup(
        PERFORMANCE,
        "Performance",
        bullets("Analyse safeguarding performance data and inform the Safeguarding Board of risks."),
    ),
    subgroup(
        CASE_REVIEW,
        "Case Review",
        bullets(
            "Ensure the Safeguarding Board carries out its responsibilities in respect of serious case "
            "reviews, as per present guidance.",
            "Establish whether there are lessons to be learnt from the case in terms of how professionals "
            "worked together to safeguard and promote the welfare of children.",
            "Record any lessons learnt.",
            "Analyse the practice of the professionals involved to inform future developments, both in terms "
            "of best practice and the need for change.",
            "Consider other forms of review such as partnership case reviews where cases do not meet the "
            "criteria for a serious case review.",
        )
        + "\nThe group is made up of senior managers from a number of agencies covering children's social "
        "care, education, health and the police.\n"
        "It meets regularly to consider whether serious case reviews should be undertaken, following "
        "notifications to Hertfordshire Safeguarding Children Board.\n"
        "It is chaired by an independent person and the group is accountable to the chair of the "
        "Safeguarding Board.",
    ),
    subgroup(
        CDOP,
        "CDOP",
        bullets(
            "Identify and review trends surrounding child deaths so recommendations can be made to prevent "
            "further deaths. This is by addressing and improving the education of agencies and the public.",
            "Gather and assess data on the deaths of all children and young people from birth (excluding "
            "those babies who are stillborn) up to the age of 18 years who normally live in the "
            "Hertfordshire area.",
        )
        + "\nThis includes neonatal deaths, expected and unexpected deaths in infants and in older "
        "children.\nWhen a child who lives in another area dies in Hertfordshire, the death shall be "
        "notified to the Child Death Overview Panel in the area where the child lives. Similarly, when a "
        "child normally living in Hertfordshire dies outside of Hertfordshire, the Hertfordshire Child Death "
        "Overview Panel should be notified. In both cases, an agreement should be made as to which panel "
        "will review the child's death (normally where the child lives) and how they will report to the "
        "other.",
    ),
    subgroup(
        ADOLESCENTS,
        "SSAG",
        bullets(
            "Provide a local framework in which all partner agencies can work to deliver the best protection "
            "for missing children, those at risk of child sexual exploitation and trafficking. This is done "
            "through sharing best practice, improving data and intelligence collection, and continuous "
            "monitoring of performance.",
        ),
    ),
)

SEATS = {
    BOARD: (
        SeatSpec("Geraldine Ashdown", CHAIR, date(2023, 4, 1)),
        SeatSpec("Jonathan Pryce-Evans", MEMBER, date(2023, 4, 1)),
        SeatSpec("Sandra Oyelaran", MEMBER, date(2023, 4, 1)),
        SeatSpec("Elaine Bradshaw", MEMBER, date(2023, 4, 1), end=date(2024, 7, 1)),
        SeatSpec("Andrew Okoye", MEMBER, date(2024, 7, 1)),
        SeatSpec("Shirin Jafari", DEPUTY, date(2023, 4, 1), deputy_for="Jonathan Pryce-Evans"),
        SeatSpec("Naomi Clarke", MEMBER, date(2023, 4, 1)),
        SeatSpec("Ian Roper", MEMBER, date(2024, 1, 8)),
        SeatSpec("Colin Webb", MEMBER, date(2023, 10, 1)),
        SeatSpec("Malcolm Reeve", ADVISER, date(2023, 4, 1)),
        SeatSpec("Patrice Dubois", ADVISER, date(2023, 4, 1)),
        SeatSpec("Claire Donnelly", MINUTE_TAKER, date(2023, 4, 1)),
    ),
    IMPROVING_OUTCOMES: (
        SeatSpec("Shirin Jafari", CHAIR, date(2023, 5, 1)),
        SeatSpec("Vikram Sethi", MEMBER, date(2023, 5, 1)),
        SeatSpec("Gavin Moss", MEMBER, date(2023, 5, 1)),
        SeatSpec("Arjun Nair", MEMBER, date(2023, 5, 1)),
        SeatSpec("Naomi Clarke", MEMBER, date(2023, 5, 1)),
        SeatSpec("Ian Roper", MEMBER, date(2024, 1, 8)),
        SeatSpec("Tasha Green", MEMBER, date(2024, 6, 1)),
        SeatSpec("Ollie Grant", MINUTE_TAKER, date(2023, 5, 1)),
    ),
    LEARNING: (
        SeatSpec("Hollie Bennett", CHAIR, date(2023, 6, 1)),
        SeatSpec("Tunde Bakare", MEMBER, date(2023, 6, 1)),
        SeatSpec("Priyanka Bose", MEMBER, date(2023, 6, 1)),
        SeatSpec("Deborah Kaye", MEMBER, date(2023, 6, 1), end=date(2024, 9, 1)),
        SeatSpec("Karolina Wiśniewska", MEMBER, date(2023, 6, 1)),
        SeatSpec("Dylan Rhodes", MEMBER, date(2024, 3, 1)),
        SeatSpec("Bilal Qureshi", MEMBER, date(2023, 6, 1)),
        SeatSpec("Pete Lowry", MEMBER, date(2024, 9, 1)),
        SeatSpec("Gemma Lawson", MEMBER, date(2025, 2, 1)),
        SeatSpec("Ollie Grant", MINUTE_TAKER, date(2023, 6, 1)),
    ),
    POLICY: (
        SeatSpec("Deborah Kaye", CHAIR, date(2023, 6, 1)),
        SeatSpec("Ruth Ellison", MEMBER, date(2023, 6, 1)),
        SeatSpec("Gavin Moss", MEMBER, date(2023, 6, 1)),
        SeatSpec("Hollie Bennett", MEMBER, date(2023, 6, 1)),
        SeatSpec("Gemma Lawson", MEMBER, date(2023, 6, 1)),
        SeatSpec("Colin Webb", MEMBER, date(2024, 4, 1)),
        SeatSpec("Ollie Grant", MINUTE_TAKER, date(2023, 6, 1)),
    ),
    AUDIT: (
        SeatSpec("Gavin Moss", CHAIR, date(2023, 7, 1)),
        SeatSpec("Deborah Kaye", MEMBER, date(2023, 7, 1)),
        SeatSpec("Arjun Nair", MEMBER, date(2023, 7, 1)),
        SeatSpec("Bilal Qureshi", MEMBER, date(2023, 7, 1)),
        SeatSpec("Mariam Yusuf", MEMBER, date(2024, 9, 1)),
        SeatSpec("Ollie Grant", MINUTE_TAKER, date(2023, 7, 1)),
    ),
    PERFORMANCE: (
        SeatSpec("Vikram Sethi", CHAIR, date(2023, 7, 1)),
        SeatSpec("Arjun Nair", VICE_CHAIR, date(2023, 7, 1)),
        SeatSpec("Elaine Bradshaw", MEMBER, date(2023, 7, 1)),
        SeatSpec("Naomi Clarke", MEMBER, date(2023, 7, 1)),
        SeatSpec("Tasha Green", MEMBER, date(2023, 7, 1)),
        SeatSpec("Ollie Grant", MINUTE_TAKER, date(2023, 7, 1)),
    ),
    CASE_REVIEW: (
        SeatSpec("Hugh Pemberton", CHAIR, date(2023, 4, 1)),
        SeatSpec("Shirin Jafari", MEMBER, date(2023, 4, 1)),
        SeatSpec("Hollie Bennett", MEMBER, date(2023, 4, 1)),
        SeatSpec("Gavin Moss", MEMBER, date(2023, 4, 1)),
        SeatSpec("Naomi Clarke", MEMBER, date(2023, 4, 1)),
        SeatSpec("Colin Webb", MEMBER, date(2023, 4, 1)),
        SeatSpec("Patrice Dubois", ADVISER, date(2023, 4, 1)),
        SeatSpec("Ollie Grant", MINUTE_TAKER, date(2023, 4, 1)),
    ),
    CDOP: (
        SeatSpec("Isobel Frost", CHAIR, date(2023, 5, 1)),
        SeatSpec("Miriam Goldberg", VICE_CHAIR, date(2023, 5, 1)),
        SeatSpec("Connor Walsh", MEMBER, date(2023, 5, 1)),
        SeatSpec("Rob Fielding", MEMBER, date(2023, 5, 1)),
        SeatSpec("Olivia Stephens", MEMBER, date(2023, 5, 1)),
        SeatSpec("Bilal Qureshi", MEMBER, date(2024, 5, 1)),
        SeatSpec("Ollie Grant", MINUTE_TAKER, date(2023, 5, 1)),
    ),
    ADOLESCENTS: (
        SeatSpec("Elaine Bradshaw", CHAIR, date(2023, 9, 1)),
        SeatSpec("Connor Walsh", MEMBER, date(2023, 9, 1)),
        SeatSpec("Karolina Wiśniewska", MEMBER, date(2023, 9, 1)),
        SeatSpec("Hollie Bennett", MEMBER, date(2023, 9, 1)),
        SeatSpec("Priyanka Bose", MEMBER, date(2023, 9, 1)),
        SeatSpec("Tasha Green", MEMBER, date(2023, 9, 1)),
        SeatSpec("Gemma Lawson", MEMBER, date(2024, 2, 1)),
        SeatSpec("Ollie Grant", MINUTE_TAKER, date(2023, 9, 1)),
    ),
}

USERS = (
    DemoUserSpec("admin", "Patrice Dubois", superuser=True),
    DemoUserSpec("secretariat", "Claire Donnelly", auth_groups=(SECRETARIAT_GROUP,)),
    DemoUserSpec("chair", "Shirin Jafari"),
    DemoUserSpec("partner", "Andrew Okoye", auth_groups=(PARTNER_READER_GROUP,)),
    DemoUserSpec("jcr", "Colin Webb"),
)

PARTNERSHIP = PartnershipSpec(
    key="hertfordshire",
    title="Hertfordshire Safeguarding Children Board",
    agencies=AGENCIES,
    people=PEOPLE,
    groups=GROUPS,
    seats=SEATS,
    users=USERS,
)
