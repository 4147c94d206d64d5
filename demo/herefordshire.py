"""The Herefordshire Safeguarding Children Partnership, from seeds 000 and 001.

Agencies, groups, remits, chairing roles and frequencies follow the seeds.
Every person is invented: names, e-mail addresses and phone numbers belong to
nobody, and no named official from the seeds appears.
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
from governance.models import (
    GroupKind,
    LogReaders,
    MeetingFrequency,
    MembershipRole,
    QuorumRule,
    SafeguardingPartnerRole,
    Sector,
    StatutoryRole,
)
from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP

date = datetime.date
CHAIR = MembershipRole.CHAIR
VICE_CHAIR = MembershipRole.VICE_CHAIR
CO_CHAIR = MembershipRole.CO_CHAIR
MEMBER = MembershipRole.MEMBER
DEPUTY = MembershipRole.DEPUTY
ADVISER = MembershipRole.ADVISER
MINUTE_TAKER = MembershipRole.MINUTE_TAKER
IN_ATTENDANCE = MembershipRole.IN_ATTENDANCE
LEAD = SafeguardingPartnerRole.LEAD
DELEGATED = SafeguardingPartnerRole.DELEGATED

COUNCIL = "Herefordshire Council"
ICB = "HW ICB"
POLICE = "West Mercia Police"

AGENCIES = (
    AgencySpec(
        "Herefordshire Council",
        COUNCIL,
        Sector.LOCAL_AUTHORITY,
        "herefordshire-council",
        StatutoryRole.LOCAL_AUTHORITY,
    ),
    AgencySpec(
        "NHS Herefordshire and Worcestershire Integrated Care Board",
        ICB,
        Sector.HEALTH,
        "hw-icb",
        StatutoryRole.INTEGRATED_CARE_BOARD,
    ),
    AgencySpec("West Mercia Police", POLICE, Sector.POLICE, "westmercia-police", StatutoryRole.POLICE),
    # Relevant agencies, seed 001 section 6.3.
    AgencySpec("Wye Valley NHS Trust", "Wye Valley", Sector.HEALTH, "wyevalley-nhs"),
    AgencySpec(
        "Herefordshire and Worcestershire Health and Care NHS Trust", "HWHCT", Sector.HEALTH, "hwhct-nhs"
    ),
    AgencySpec("West Midlands Ambulance NHS Trust", "WMAS", Sector.HEALTH, "wmas-nhs"),
    AgencySpec("Herefordshire General Practice and Primary Care", "GPs", Sector.HEALTH, "hereford-gps"),
    AgencySpec(
        "Herefordshire Substance Misuse Service", "Substance Misuse", Sector.HEALTH, "hereford-substance"
    ),
    AgencySpec(
        "Herefordshire Sexual Health Service", "Sexual Health", Sector.HEALTH, "hereford-sexualhealth"
    ),
    AgencySpec("NHS England", "NHS England", Sector.HEALTH, "nhs-england"),
    AgencySpec(
        "UK Health Security Agency and the Office for Health Improvement and Disparities",
        "UKHSA/OHID",
        Sector.HEALTH,
        "ukhsa-ohid",
    ),
    AgencySpec(
        "Herefordshire Early Years and Children Centre Providers",
        "Early Years",
        Sector.EDUCATION,
        "hereford-earlyyears",
    ),
    AgencySpec(
        "Herefordshire Primary, Secondary and Special Schools",
        "Schools",
        Sector.EDUCATION,
        "hereford-schools",
    ),
    AgencySpec(
        "Herefordshire Further Education and Post-16 Providers",
        "FE and Post-16",
        Sector.EDUCATION,
        "hereford-fe",
    ),
    AgencySpec("Herefordshire Pupil Referral Unit", "PRU", Sector.EDUCATION, "hereford-pru"),
    AgencySpec(
        "Herefordshire Voluntary Organisations Support Service",
        "HVOSS",
        Sector.VOLUNTARY_COMMUNITY,
        "hvoss",
    ),
    AgencySpec("Herefordshire Faith Organisations", "Faith", Sector.VOLUNTARY_COMMUNITY, "hereford-faith"),
    AgencySpec(
        "Herefordshire Domestic Abuse Service",
        "Domestic Abuse",
        Sector.VOLUNTARY_COMMUNITY,
        "hereford-domesticabuse",
    ),
    AgencySpec(
        "Herefordshire and Worcestershire Youth Offending Service",
        "Youth Offending",
        Sector.PROBATION_JUSTICE,
        "hw-yos",
    ),
    AgencySpec(
        "Herefordshire and Worcestershire Fire and Rescue Service", "Fire and Rescue", Sector.OTHER, "hwfire"
    ),
    AgencySpec("Herefordshire Housing Providers", "Housing", Sector.HOUSING, "hereford-housing"),
    AgencySpec("British Transport Police", "BTP", Sector.POLICE, "btp"),
    AgencySpec("National Probation Service", "Probation", Sector.PROBATION_JUSTICE, "probation-hereford"),
    AgencySpec("CAFCASS", "Cafcass", Sector.PROBATION_JUSTICE, "cafcass"),
    AgencySpec(
        "Herefordshire Children's Residential Providers",
        "Residential",
        Sector.OTHER,
        "hereford-residential",
    ),
    AgencySpec("Border Force and Immigration Services", "Border Force", Sector.OTHER, "borderforce"),
    AgencySpec("Independent Scrutiny", "Scrutiny", Sector.OTHER, "hscp-scrutiny"),
)

PEOPLE = (
    # The three Lead Safeguarding Partners (seed 001 s.1.3) and the Delegated Safeguarding Partners they
    # named (s.3.2); invented people in the seed's posts.
    PersonSpec("Jonathan Ashby", "Chief Executive", COUNCIL, partner_role=LEAD),
    PersonSpec("Helena Marchetti", "Chief Executive", ICB, partner_role=LEAD),
    PersonSpec("Douglas Wainwright", "Chief Constable", POLICE, partner_role=LEAD),
    # Herefordshire Council, including the partnership team it hosts (seed 001 s.20).
    PersonSpec("Catherine Adeyemi", "Director of Children's Services", COUNCIL, partner_role=DELEGATED),
    PersonSpec("Eleanor Vaughan", "Director of Public Health", COUNCIL),
    PersonSpec(
        "Graham Whitcombe", "Director for Education, Skills and Learning", COUNCIL, "Catherine Adeyemi"
    ),
    PersonSpec(
        "Priya Raman",
        "Service Director for Safeguarding and Quality Assurance",
        COUNCIL,
        "Catherine Adeyemi",
    ),
    PersonSpec(
        "Alan Prothero",
        "Interim Service Director for Safeguarding and Quality Assurance",
        COUNCIL,
        "Catherine Adeyemi",
        active=False,
    ),
    PersonSpec("Owen Pritchard", "Head of Service for Safeguarding and Review", COUNCIL, "Priya Raman"),
    PersonSpec("Bethan Morgan", "Head of Service for MASH and Assessment", COUNCIL, "Priya Raman"),
    PersonSpec("Marcus Greenaway", "Head of Early Help", COUNCIL, "Catherine Adeyemi"),
    PersonSpec("Kofi Mensah", "Head of Service for Children in Care", COUNCIL, "Priya Raman"),
    PersonSpec("Gareth Hollis", "Principal Social Worker", COUNCIL, "Owen Pritchard"),
    PersonSpec("Rosie Lambert", "Child Protection Conference Chair", COUNCIL, "Owen Pritchard"),
    PersonSpec("Gavin Truscott", "Local Authority Designated Officer (LADO)", COUNCIL, "Owen Pritchard"),
    PersonSpec("Chloe Thackeray", "Service Manager, Quality Assurance", COUNCIL, "Priya Raman"),
    PersonSpec("Ryan Bevan", "Service Manager, MASH", COUNCIL, "Bethan Morgan"),
    PersonSpec("Jamal Idris", "Exploitation and Missing Co-ordinator", COUNCIL, "Bethan Morgan"),
    PersonSpec("Poppy Harrington", "Team Manager, Early Help", COUNCIL, "Marcus Greenaway"),
    PersonSpec("Leila Sharif", "Commissioning Manager, Children's Placements", COUNCIL, "Catherine Adeyemi"),
    PersonSpec("Sarah Llewellyn", "Safeguarding Children in Education Officer", COUNCIL, "Graham Whitcombe"),
    PersonSpec("Nadia Hussain", "Virtual School Headteacher", COUNCIL, "Graham Whitcombe"),
    PersonSpec("Fiona MacLeod", "Early Years Education Officer", COUNCIL, "Graham Whitcombe"),
    PersonSpec("Kwame Asante", "Post-16 Education Officer", COUNCIL, "Graham Whitcombe"),
    PersonSpec("Helen Bracewell", "Social Inclusion Manager", COUNCIL, "Graham Whitcombe"),
    PersonSpec("Daniel Osei", "Partnership Team Manager", COUNCIL, "Catherine Adeyemi"),
    PersonSpec("Joanna Kowalski", "Partnership Business Manager", COUNCIL, "Daniel Osei"),
    PersonSpec("Liam Fairclough", "Partnership Business Support Officer", COUNCIL, "Joanna Kowalski"),
    PersonSpec("Ben Carver", "Partnership Communications Officer", COUNCIL, "Joanna Kowalski"),
    PersonSpec("Aisha Rahman", "Partnership Learning and Development Officer", COUNCIL, "Daniel Osei"),
    PersonSpec("Tom Beddoes", "Partnership Performance Analyst", COUNCIL, "Daniel Osei"),
    # NHS Herefordshire and Worcestershire Integrated Care Board.
    PersonSpec("Rebecca Thornbury", "Chief Nursing Officer", ICB, partner_role=DELEGATED),
    PersonSpec(
        "Angela Nkemelu",
        "Head of Safeguarding and Designated Nurse for Safeguarding Adults, Children and "
        "Children Looked After",
        ICB,
        "Rebecca Thornbury",
    ),
    PersonSpec("Sunil Varma", "Designated Doctor for Safeguarding", ICB, "Rebecca Thornbury"),
    PersonSpec("Ruth Carmichael", "Designated Doctor for Child Deaths", ICB, "Rebecca Thornbury"),
    PersonSpec("Kirsty Macdonald", "Designated Nurse for Safeguarding Children", ICB, "Angela Nkemelu"),
    PersonSpec("Lucy Penhaligon", "Designated Nurse for Children Looked After", ICB, "Angela Nkemelu"),
    PersonSpec("Hamid Karimi", "Named GP for Safeguarding Children", ICB, "Angela Nkemelu"),
    PersonSpec("Martin Ogunleye", "Lead Nurse for Safeguarding Adults", ICB, "Angela Nkemelu"),
    PersonSpec("Zara Ahmed", "Safeguarding Children Training Lead", ICB, "Kirsty Macdonald"),
    # West Mercia Police.
    PersonSpec("Victoria Ashworth", "Chief Superintendent, Head of Protecting Vulnerable People", POLICE),
    PersonSpec(
        "Imran Chaudhry",
        "Superintendent, Local Policing Commander for Herefordshire",
        POLICE,
        "Victoria Ashworth",
        partner_role=DELEGATED,
    ),
    PersonSpec(
        "Mark Dunmore",
        "Superintendent, former Local Policing Commander for Herefordshire",
        POLICE,
        "Victoria Ashworth",
        active=False,
    ),
    PersonSpec(
        "Stuart McAllister", "Detective Superintendent, Public Protection", POLICE, "Victoria Ashworth"
    ),
    PersonSpec(
        "Leanne Fairweather", "Detective Chief Inspector, Public Protection", POLICE, "Stuart McAllister"
    ),
    PersonSpec("Tomasz Nowak", "Detective Inspector, Herefordshire MASH", POLICE, "Leanne Fairweather"),
    PersonSpec(
        "Siân Edwards", "Detective Inspector, Child Exploitation and Missing", POLICE, "Leanne Fairweather"
    ),
    PersonSpec("Callum Reid", "Detective Sergeant, Harm Assessment Unit", POLICE, "Tomasz Nowak"),
    PersonSpec("Grace Oduya", "Inspector, Prevention and Schools Liaison", POLICE, "Imran Chaudhry"),
    PersonSpec(
        "Hannah Greaves", "Public Protection Learning and Development Lead", POLICE, "Stuart McAllister"
    ),
    # Relevant agencies.
    PersonSpec("Patricia Lyle", "Head of Safeguarding", "Wye Valley"),
    PersonSpec("Megan Howells", "Named Nurse for Safeguarding Children", "Wye Valley", "Patricia Lyle"),
    PersonSpec("Oluwaseun Adebayo", "Named Doctor for Safeguarding Children", "Wye Valley", "Patricia Lyle"),
    PersonSpec("Rachel Bright", "Named Midwife for Safeguarding", "Wye Valley", "Patricia Lyle"),
    PersonSpec("Sanjay Mistry", "Head of Safeguarding", "HWHCT"),
    PersonSpec("Emily Stanton", "Named Nurse for Safeguarding Children", "HWHCT", "Sanjay Mistry"),
    PersonSpec(
        "Jade Crowther",
        "Specialist Safeguarding Practitioner, Health Visiting and School Nursing",
        "HWHCT",
        "Emily Stanton",
    ),
    PersonSpec("Tariq Aziz", "Named Nurse for Safeguarding, CAMHS", "HWHCT", "Sanjay Mistry"),
    PersonSpec("Diane Rowlands", "Head of Safeguarding", "WMAS"),
    PersonSpec(
        "Dominic Henshaw", "Safeguarding Lead, Herefordshire and Worcestershire", "WMAS", "Diane Rowlands"
    ),
    PersonSpec("Harriet Coombes", "Service Manager", "Substance Misuse"),
    PersonSpec(
        "Kieran Doyle", "Young People's Substance Misuse Team Leader", "Substance Misuse", "Harriet Coombes"
    ),
    PersonSpec("Anjali Mehta", "Lead Nurse, Young People's Sexual Health", "Sexual Health"),
    PersonSpec("Louise Marsh", "Nursery Manager and Early Years Sector Representative", "Early Years"),
    PersonSpec(
        "Alison Mercer",
        "Headteacher; Chair of the Herefordshire Association of Secondary Heads (HASH)",
        "Schools",
    ),
    PersonSpec("Neil Hardcastle", "Deputy Headteacher, secondary academy", "Schools", "Alison Mercer"),
    PersonSpec(
        "Farah Siddiqui", "Designated Safeguarding Lead, secondary academy", "Schools", "Alison Mercer"
    ),
    PersonSpec("Rhys Jenkins", "Headteacher; Chair of the Primary Headteachers Forum", "Schools"),
    PersonSpec("Owain Price", "Headteacher, special school", "Schools"),
    PersonSpec("Clare Fothergill", "Designated Safeguarding Lead, independent school", "Schools"),
    PersonSpec("Yusuf Malik", "Head of Student Welfare and Safeguarding", "FE and Post-16"),
    PersonSpec("Tracey Dunn", "Head of the Pupil Referral Unit", "PRU"),
    PersonSpec("Gillian Rees", "Chief Officer", "HVOSS"),
    PersonSpec("Samuel Okafor", "Safeguarding Adviser to faith groups", "Faith"),
    PersonSpec("Nicola Barnett", "Children and Young People's Service Manager", "Domestic Abuse"),
    PersonSpec("Darren Whitehouse", "Head of Youth Offending Service", "Youth Offending"),
    PersonSpec(
        "Amira Haddad", "Youth Justice Team Manager, Herefordshire", "Youth Offending", "Darren Whitehouse"
    ),
    PersonSpec("Beverley Adams", "Group Commander, Prevention and Protection", "Fire and Rescue"),
    PersonSpec(
        "Andrew Kerr",
        "Station Commander, Community Risk and Safeguarding",
        "Fire and Rescue",
        "Beverley Adams",
    ),
    PersonSpec("Rosa Fernandes", "Tenancy Sustainment and Safeguarding Manager", "Housing"),
    PersonSpec("Patrick Quinn", "Detective Sergeant, Safeguarding Hub", "BTP"),
    PersonSpec("Judith Okoro", "Head of the Herefordshire Probation Delivery Unit", "Probation"),
    PersonSpec("Lewis Hartley", "Senior Probation Officer, Public Protection", "Probation", "Judith Okoro"),
    PersonSpec("Mei Ling Chan", "Service Manager, Family Court Advisers", "Cafcass"),
    PersonSpec("Shauna Kelly", "Registered Manager, children's home", "Residential"),
    PersonSpec("Victor Abiodun", "Safeguarding and Modern Slavery Lead", "Border Force"),
    PersonSpec("Frances Delahaye", "Independent Scrutineer", "Scrutiny"),
    PersonSpec("Nasreen Qadir", "Consultant in Health Protection, West Midlands", "UKHSA/OHID"),
)

LSP_FORUM = "Lead Safeguarding Partners' Forum"
BOARD = "Safeguarding Partners Board"
SUMMIT = "HSCP Summit"
PRACTITIONER_FORUM = "Practitioner Forum"
QE = "Quality & Effectiveness Group"
DP = "Development & Practice Group"
JCR = "Joint Case Review Group"
MASH = "MASH Group"
CEM = "Child Exploitation & Missing Group"
EDUCATION = "Education Group"
ADULTS_BOARD = "Herefordshire Safeguarding Adults Board"
COMMUNITY_SAFETY = "Herefordshire Community Safety Partnership"


def bullets(*lines: str) -> str:
    return "\n".join(f"- {line}" for line in lines)


GROUPS = (
    GroupSpec(
        LSP_FORUM,
        "LSP Forum",
        GroupKind.FORUM,
        MeetingFrequency.TWICE_YEARLY,
        remit="The Lead Safeguarding Partners have responsibility for setting the strategic direction, "
        "vision and culture for our partnership. To support them in their functions, the Lead "
        "Safeguarding Partners meet twice yearly as a combined Herefordshire and Worcestershire forum in "
        "recognition of the shared geographic footprint for both ICB and West Mercia Police. The Delegated "
        "Safeguarding Partners and Independent Scrutineers also attend this meeting to ensure strong links "
        "within the leadership structure and as an opportunity to escalate risks and issues as required. "
        "The Lead Safeguarding Partners:\n"
        + bullets(
            "Agree and review the partnership's shared priorities and resources",
            "Hold delegates to account for the delivery against their own agencies and the partnership's "
            "commitments",
            "Review and sign off key partnership documents",
            "Provide shared oversight of learning from independent scrutiny, local and national reviews and "
            "ensure these have a demonstrable impact on practice",
            "Agree each year the independent scrutineer's scrutiny plan and schedule for delivery",
        ),
    ),
    GroupSpec(
        BOARD,
        "SPB",
        GroupKind.BOARD,
        MeetingFrequency.SIX_WEEKLY,
        remit="The Delegated Safeguarding Partners and the Education Lead meet six-weekly as the "
        "Safeguarding Partners Board. The Board will:\n"
        + bullets(
            "Have strategic ownership of the safeguarding arrangements in Herefordshire, with stronger "
            "joint responsibility for the whole system",
            "Drive the work of the partnership, delivering on priorities and ensuring learning from practice "
            "and development opportunities have an impact",
            "Be responsible for financial, strategic and reputational risk",
            "Be responsible for ensuring cross-partnership collaboration and agency participation, convening "
            "and supporting participation in the HSCP subgroups",
            "Have responsibility for ensuring that independent scrutiny of the partnership's effectiveness "
            "is regular and has impact",
            "Review progress of priorities work",
        ),
        review_date=date(2027, 3, 31),
        # "This group is accountable to the Lead Safeguarding Partners" (seed 001 s.7.1).
        reports_to=(LSP_FORUM,),
        log_open_to_partners=True,
    ),
    GroupSpec(
        ADULTS_BOARD,
        "HSAB",
        GroupKind.PARTNER_BODY,
        MeetingFrequency.QUARTERLY,
        remit="Brings together agencies in Herefordshire to work in partnership to protect adults. "
        "Shares the Joint Case Review Group with the Safeguarding Children Partnership and the "
        "Community Safety Partnership.",
        quorum_rule=QuorumRule.NONE,
    ),
    GroupSpec(
        COMMUNITY_SAFETY,
        "CSP",
        GroupKind.PARTNER_BODY,
        MeetingFrequency.QUARTERLY,
        remit="Helps improve the safety and well-being of residents and visitors to the county: reducing "
        "reoffending, addressing the harm caused by domestic violence and abuse, minimising the impact of "
        "alcohol and drugs, and cutting antisocial behaviour.",
        quorum_rule=QuorumRule.NONE,
    ),
    GroupSpec(
        QE,
        "Q&E",
        GroupKind.SUBGROUP,
        MeetingFrequency.SIX_WEEKLY,
        remit=bullets(
            "Collates and analyses relevant performance data to draw out themes and hold partners to account",
            "Conducts a series of multi-agency audits per year, informed by data intelligence, partnership "
            "priorities and findings from case reviews",
            "Develops and monitors action plans resulting from multi-agency audits or identified performance "
            "risks and ensure that actions are completed in a timely way",
            "Identifies whether practice has changed as a result of completed audits and action plans, "
            "through performance data review and re-auditing where necessary",
            "Ensures that all relevant safeguarding partners are included in multi-agency performance data "
            "analysis and audits including schools",
            "Reviews, analyses and challenges relevant single agency audit reports and performance reviews "
            "and identifies significant issues that need to be monitored and/or raised to the partnership",
            "Analyses relevant partners annual reports to measure for children against set objectives",
            "Analyses MASH performance and inter-agency collaboration at the front door including the "
            "effectiveness of Strategy meetings, Child Protection Investigations, Child Protection "
            "Conferences and most importantly the voice of the child",
            "Analyses audit information to learn lessons, agree and monitor",
            "Reports through a quarterly highlight report on findings",
        ),
        review_date=date(2027, 1, 31),
        reports_to=(BOARD,),
    ),
    GroupSpec(
        DP,
        "D&P",
        GroupKind.SUBGROUP,
        MeetingFrequency.QUARTERLY,
        remit=bullets(
            "Is responsible for planning and organising appropriate multi-agency safeguarding learning and "
            "development activities as well as challenging or influencing the activities delivered by "
            "individual agencies",
            "Ensures identified multi-agency safeguarding learning needs are addressed for the children's "
            "workforce",
            "Delivers consistently high-quality multi-agency safeguarding learning and developmental "
            "activities that incorporate relevant research, national good practice, and learning from case "
            "reviews and safeguarding adult reviews",
            "Takes ownership of maintaining, and further development of, the training pool",
            "Evaluates multi-agency learning and development activities to seek assurance that delivery is "
            "of high quality and has met the requirements and to inform future learning",
            "Reports annually to the HSCP Board on multi-agency training delivered and impact across the "
            "agencies",
            "Responds to specific training needs around the partnership priorities, identifies training "
            "needs across the partnership, ensuring the best practice standards; professional curiosity and "
            "creativity",
            "Manages partnership communications and the website",
        ),
        review_date=date(2026, 3, 31),
        reports_to=(BOARD,),
    ),
    GroupSpec(
        JCR,
        "JCR",
        GroupKind.SUBGROUP,
        MeetingFrequency.QUARTERLY,
        remit="The Safeguarding Children Partnership, Community Safety Partnership and Safeguarding Adults "
        "Board have a Joint Case Review Group to identify linkages and crosscutting themes. The JCR group "
        "undertake work around:\n"
        + bullets(
            "Rapid Reviews",
            "Local Child Safeguarding Practice Reviews (CSPRs)",
            "Domestic Homicide Reviews (DHRs)",
            "Safeguarding Adults Reviews (SARs)",
        ),
        review_date=date(2027, 4, 30),
        reports_to=(BOARD, ADULTS_BOARD, COMMUNITY_SAFETY),
        # Case names and case actions: its log is need-to-know (issue 9).
        log_readers=LogReaders.MEMBERS_ONLY,
    ),
    GroupSpec(
        MASH,
        "MASH",
        GroupKind.SUBGROUP,
        MeetingFrequency.QUARTERLY,
        remit="The MASH (Multi Agency Safeguarding Hub) Group provides a forum for development and oversight "
        "of the MASH to ensure the continuous improvement of partnership arrangements, that they are "
        "effective, well understood and are accessible across the County. The remit of the MASH Group is:\n"
        + bullets(
            "To analyse MASH data to monitor and improve performance and track referral trends and risk "
            "across the borough",
            "Drive operational responses to identified gaps and recognised risks across the borough",
            "Be accountable for the monitoring, reviewing and continual improvement of the effectiveness of "
            "the service in achieving timely and proportionate decision making for children in need of help "
            "and protection",
            "Identify and resolve obstacles to the improvement and development of MASH services",
            "Ensure compliance with legislation, policy and guidance relative to safeguarding children and "
            "information sharing",
            "Produce reports detailing the effectiveness of the service",
            "Agree communication strategies and service level interface across the wider partnership",
            "Escalate risk and issues, as appropriate, to the Safeguarding Children Partnership",
        ),
        review_date=date(2025, 11, 30),
        # "The MASH group reports back … to the Quality & Effectiveness Group" (seed 000; seed 001 s.7.15;
        # agreed at the board, seed 003 item 2.3), and like every subgroup sends the board its messages
        # (seed 000: the subgroups "report on their work to the … Board"; seed 003 item 2.3).
        reports_to=(QE, BOARD),
    ),
    GroupSpec(
        CEM,
        "CE&M",
        GroupKind.SUBGROUP,
        MeetingFrequency.QUARTERLY,
        remit=bullets(
            "Provides strategic oversight, scrutiny and challenge of the multi-agency approach and response "
            "to extra familial risk",
            "Understands how agencies are working together to identify, respond, prevent and protect against "
            "extra familial risk",
            "Agrees, monitors and reviews the effectiveness of the HSCP extra familial risk strategies, "
            "framework, policies and interventions",
            "Ensures that national requirements and developments are incorporated effectively in to the HSCP "
            "response to extra familial risk",
        ),
        review_date=date(2027, 6, 30),
        reports_to=(BOARD,),
    ),
    GroupSpec(
        EDUCATION,
        "Education",
        GroupKind.SUBGROUP,
        MeetingFrequency.QUARTERLY,
        remit="The Education Group seeks to ensure that all children and young people, aged between 0 and 19 "
        "within any educational provision, including universal childcare, remain safe. The group will:\n"
        + bullets(
            "enable engagement with providers' designated safeguarding leads and promote effective practice "
            "and intelligence reporting on emerging themes and trends within all education provisions",
            "work collaboratively with single agency partners to ensure effective multi-agency working takes "
            "place",
        ),
        review_date=date(2027, 2, 28),
        reports_to=(BOARD,),
    ),
    GroupSpec(
        SUMMIT,
        "Summit",
        GroupKind.FORUM,
        MeetingFrequency.TWICE_YEARLY,
        remit="The Safeguarding Partners hold twice yearly summits, the purpose of which are to update the "
        "executive leads of relevant agencies of the work of the Partnership and its effectiveness, as well "
        "as to highlight any gaps and where further support and engagement is required (s.5.7). The HSCP "
        "Summit is an opportunity for the Safeguarding Partners to meet and review the successes and any "
        "areas for development resulting from the work of the partnership. It is open to senior leads of all "
        "relevant agencies (s.7.6-7.7). The aims of the summit are:\n"
        + bullets(
            "To provide all strategic leaders and senior managers with opportunity for input, engagement and "
            "ownership in the work of the Herefordshire Safeguarding Children Partnership (HSCP)",
            "To update on the implementation of the HSCP Strategic Plan",
            "To reflect and input on how to improve effectiveness within the children's systems and "
            "partnership working with children, young people and families",
            "Provide feedback by relevant agencies on their contribution to the safeguarding partnership",
        ),
        reports_to=(BOARD,),
    ),
    GroupSpec(
        PRACTITIONER_FORUM,
        "Practitioner Forum",
        GroupKind.FORUM,
        MeetingFrequency.TWICE_YEARLY,
        remit="A joint multi-agency practitioner forum event takes place twice a year, which provides "
        "practitioners with a summary of updates arising from work undertaken across Herefordshire relating "
        "to the HSCP and HSAB. The forum provides the opportunity to share good practice and update "
        "practitioners on developments relating to safeguarding practice. This forum is to engage and hear "
        "the views of practitioners; administrative support from the Partnership Team is provided. All "
        "professionals working with adults or children are welcome to attend (s.7.8). It has a mixed agenda "
        "of tri-partnership/boards business, presentations, workshops and consultations (s.6.16).",
        # Developed by the children's Safeguarding Partners, the HSAB and the CSP (seed 001 s.6.16).
        reports_to=(BOARD, ADULTS_BOARD, COMMUNITY_SAFETY),
    ),
)

SEATS = {
    # The Lead Safeguarding Partners meet; the DSPs and the independent scrutineer attend (s.3.1).
    LSP_FORUM: (
        SeatSpec("Jonathan Ashby", MEMBER, date(2023, 4, 1)),
        SeatSpec("Helena Marchetti", MEMBER, date(2023, 4, 1)),
        SeatSpec("Douglas Wainwright", MEMBER, date(2024, 1, 1)),
        SeatSpec("Catherine Adeyemi", IN_ATTENDANCE, date(2024, 4, 1)),
        SeatSpec("Rebecca Thornbury", IN_ATTENDANCE, date(2023, 4, 1)),
        SeatSpec("Imran Chaudhry", IN_ATTENDANCE, date(2024, 4, 1)),
        SeatSpec("Frances Delahaye", IN_ATTENDANCE, date(2023, 9, 1)),
    ),
    SUMMIT: (
        SeatSpec("Catherine Adeyemi", MEMBER, date(2024, 4, 1)),
        SeatSpec("Rebecca Thornbury", MEMBER, date(2023, 4, 1)),
        SeatSpec("Imran Chaudhry", MEMBER, date(2024, 4, 1)),
        SeatSpec("Patricia Lyle", MEMBER, date(2023, 4, 1)),
        SeatSpec("Sanjay Mistry", MEMBER, date(2024, 2, 1)),
        SeatSpec("Diane Rowlands", MEMBER, date(2023, 4, 1)),
        SeatSpec("Alison Mercer", MEMBER, date(2024, 9, 1)),
        SeatSpec("Judith Okoro", MEMBER, date(2024, 5, 1)),
        SeatSpec("Darren Whitehouse", MEMBER, date(2023, 4, 1)),
        SeatSpec("Gillian Rees", MEMBER, date(2023, 4, 1)),
        SeatSpec("Beverley Adams", MEMBER, date(2023, 4, 1)),
        SeatSpec("Nasreen Qadir", MEMBER, date(2024, 9, 1)),
        SeatSpec("Frances Delahaye", ADVISER, date(2023, 9, 1)),
        SeatSpec("Joanna Kowalski", MINUTE_TAKER, date(2023, 4, 1)),
    ),
    PRACTITIONER_FORUM: (
        SeatSpec("Gareth Hollis", MEMBER, date(2023, 6, 1)),
        SeatSpec("Megan Howells", MEMBER, date(2023, 6, 1)),
        SeatSpec("Jade Crowther", MEMBER, date(2024, 3, 1)),
        SeatSpec("Callum Reid", MEMBER, date(2024, 1, 8)),
        SeatSpec("Farah Siddiqui", MEMBER, date(2023, 9, 1)),
        SeatSpec("Andrew Kerr", MEMBER, date(2024, 1, 10)),
        SeatSpec("Aisha Rahman", ADVISER, date(2023, 6, 1)),
        SeatSpec("Liam Fairclough", MINUTE_TAKER, date(2023, 9, 1)),
    ),
    BOARD: (
        # The chair passed from the police to the council's DSP in 2024 (seed 001, 5.2).
        SeatSpec("Mark Dunmore", CHAIR, date(2023, 4, 1), end=date(2024, 4, 1)),
        SeatSpec("Catherine Adeyemi", MEMBER, date(2023, 4, 1), end=date(2024, 4, 1)),
        SeatSpec("Catherine Adeyemi", CHAIR, date(2024, 4, 1)),
        SeatSpec("Rebecca Thornbury", MEMBER, date(2023, 4, 1)),
        SeatSpec("Imran Chaudhry", MEMBER, date(2024, 4, 1)),
        SeatSpec("Graham Whitcombe", MEMBER, date(2024, 9, 1)),
        SeatSpec("Priya Raman", DEPUTY, date(2024, 4, 1), deputy_for="Catherine Adeyemi"),
        SeatSpec("Angela Nkemelu", DEPUTY, date(2023, 4, 1), deputy_for="Rebecca Thornbury"),
        SeatSpec("Stuart McAllister", DEPUTY, date(2024, 4, 1), deputy_for="Imran Chaudhry"),
        SeatSpec("Daniel Osei", ADVISER, date(2023, 6, 1)),
        SeatSpec("Frances Delahaye", ADVISER, date(2023, 9, 1)),
        SeatSpec("Eleanor Vaughan", ADVISER, date(2023, 4, 1)),
        SeatSpec("Joanna Kowalski", MINUTE_TAKER, date(2023, 4, 1)),
    ),
    QE: (
        SeatSpec("Alan Prothero", CHAIR, date(2023, 3, 1), end=date(2024, 4, 1)),
        SeatSpec("Priya Raman", CHAIR, date(2024, 4, 1)),
        SeatSpec("Sunil Varma", VICE_CHAIR, date(2023, 3, 1)),
        SeatSpec("Owen Pritchard", MEMBER, date(2023, 3, 1), end=date(2024, 7, 1)),
        SeatSpec("Chloe Thackeray", MEMBER, date(2023, 5, 1)),
        SeatSpec("Rosie Lambert", MEMBER, date(2024, 7, 1)),
        SeatSpec("Tom Beddoes", MEMBER, date(2023, 9, 1)),
        SeatSpec("Lucy Penhaligon", MEMBER, date(2023, 6, 1)),
        SeatSpec("Tomasz Nowak", MEMBER, date(2024, 1, 15)),
        SeatSpec("Patricia Lyle", MEMBER, date(2023, 3, 1)),
        SeatSpec("Sanjay Mistry", MEMBER, date(2024, 2, 1)),
        SeatSpec("Judith Okoro", MEMBER, date(2024, 5, 1)),
        SeatSpec("Farah Siddiqui", MEMBER, date(2025, 1, 10)),
        SeatSpec("Liam Fairclough", MINUTE_TAKER, date(2023, 9, 1)),
    ),
    DP: (
        SeatSpec("Owen Pritchard", CHAIR, date(2023, 6, 1)),
        SeatSpec("Aisha Rahman", MEMBER, date(2023, 6, 1)),
        SeatSpec("Ben Carver", MEMBER, date(2024, 2, 1)),
        SeatSpec("Gareth Hollis", MEMBER, date(2023, 6, 1)),
        SeatSpec("Marcus Greenaway", MEMBER, date(2023, 6, 1), end=date(2025, 4, 1)),
        SeatSpec("Poppy Harrington", MEMBER, date(2025, 4, 1)),
        SeatSpec("Zara Ahmed", MEMBER, date(2023, 6, 1)),
        SeatSpec("Hamid Karimi", MEMBER, date(2024, 9, 1)),
        SeatSpec("Grace Oduya", MEMBER, date(2023, 6, 1), end=date(2024, 3, 1)),
        SeatSpec("Hannah Greaves", MEMBER, date(2024, 3, 1)),
        SeatSpec("Megan Howells", MEMBER, date(2023, 6, 1)),
        SeatSpec("Rachel Bright", MEMBER, date(2025, 5, 12)),
        SeatSpec("Emily Stanton", MEMBER, date(2025, 2, 1)),
        SeatSpec("Gillian Rees", MEMBER, date(2023, 9, 1)),
        SeatSpec("Samuel Okafor", MEMBER, date(2025, 4, 1)),
        SeatSpec("Andrew Kerr", MEMBER, date(2024, 1, 10)),
        SeatSpec("Mei Ling Chan", MEMBER, date(2024, 6, 1)),
        SeatSpec("Liam Fairclough", MINUTE_TAKER, date(2023, 9, 1)),
    ),
    JCR: (
        SeatSpec("Angela Nkemelu", CHAIR, date(2023, 4, 1)),
        SeatSpec("Martin Ogunleye", MEMBER, date(2023, 4, 1)),
        SeatSpec("Ruth Carmichael", ADVISER, date(2023, 10, 1)),
        SeatSpec("Kofi Mensah", MEMBER, date(2023, 4, 1)),
        SeatSpec("Gareth Hollis", MEMBER, date(2023, 4, 1)),
        SeatSpec("Stuart McAllister", MEMBER, date(2023, 4, 1)),
        SeatSpec("Patricia Lyle", MEMBER, date(2023, 4, 1), end=date(2024, 1, 1)),
        SeatSpec("Oluwaseun Adebayo", MEMBER, date(2024, 1, 1)),
        SeatSpec("Lewis Hartley", MEMBER, date(2023, 4, 1)),
        SeatSpec("Nicola Barnett", MEMBER, date(2023, 11, 1)),
        SeatSpec("Amira Haddad", MEMBER, date(2024, 4, 1)),
        SeatSpec("Daniel Osei", ADVISER, date(2023, 6, 1)),
        SeatSpec("Liam Fairclough", MINUTE_TAKER, date(2023, 9, 1)),
    ),
    MASH: (
        SeatSpec("Bethan Morgan", CO_CHAIR, date(2023, 7, 1)),
        SeatSpec("Stuart McAllister", CO_CHAIR, date(2023, 7, 1), end=date(2024, 10, 1)),
        SeatSpec("Leanne Fairweather", CO_CHAIR, date(2024, 10, 1)),
        SeatSpec("Ryan Bevan", DEPUTY, date(2024, 1, 8), deputy_for="Bethan Morgan"),
        SeatSpec("Callum Reid", DEPUTY, date(2024, 10, 1), deputy_for="Leanne Fairweather"),
        SeatSpec("Poppy Harrington", MEMBER, date(2023, 7, 1)),
        SeatSpec("Tomasz Nowak", MEMBER, date(2023, 7, 1)),
        SeatSpec("Kirsty Macdonald", MEMBER, date(2023, 7, 1)),
        SeatSpec("Jade Crowther", MEMBER, date(2024, 3, 1)),
        SeatSpec("Megan Howells", MEMBER, date(2023, 7, 1), end=date(2025, 1, 1)),
        SeatSpec("Dominic Henshaw", MEMBER, date(2025, 1, 15)),
        SeatSpec("Rosa Fernandes", MEMBER, date(2024, 5, 1)),
        SeatSpec("Liam Fairclough", MINUTE_TAKER, date(2023, 9, 1)),
    ),
    CEM: (
        SeatSpec("Bethan Morgan", CHAIR, date(2023, 9, 1)),
        SeatSpec("Jamal Idris", MEMBER, date(2023, 9, 1)),
        SeatSpec("Leila Sharif", ADVISER, date(2024, 11, 1)),
        SeatSpec("Siân Edwards", MEMBER, date(2023, 9, 1)),
        SeatSpec("Kirsty Macdonald", MEMBER, date(2023, 9, 1)),
        SeatSpec("Tariq Aziz", MEMBER, date(2024, 2, 1)),
        SeatSpec("Kieran Doyle", MEMBER, date(2024, 1, 1)),
        SeatSpec("Anjali Mehta", MEMBER, date(2024, 4, 1)),
        SeatSpec("Amira Haddad", MEMBER, date(2023, 9, 1)),
        SeatSpec("Patrick Quinn", MEMBER, date(2024, 7, 1)),
        SeatSpec("Yusuf Malik", MEMBER, date(2024, 9, 1)),
        SeatSpec("Tracey Dunn", MEMBER, date(2023, 9, 1)),
        SeatSpec("Rosa Fernandes", MEMBER, date(2023, 9, 1), end=date(2025, 1, 1)),
        SeatSpec("Shauna Kelly", MEMBER, date(2025, 1, 20)),
        SeatSpec("Victor Abiodun", ADVISER, date(2025, 3, 1)),
        SeatSpec("Liam Fairclough", MINUTE_TAKER, date(2023, 9, 1)),
    ),
    EDUCATION: (
        # Chaired by an educational professional (seed 000); the previous chair stepped down in 2024.
        SeatSpec("Neil Hardcastle", CHAIR, date(2023, 9, 1), end=date(2024, 9, 1)),
        SeatSpec("Alison Mercer", CHAIR, date(2024, 9, 1)),
        SeatSpec("Sarah Llewellyn", VICE_CHAIR, date(2023, 9, 1)),
        SeatSpec("Fiona MacLeod", MEMBER, date(2023, 9, 1)),
        SeatSpec("Kwame Asante", MEMBER, date(2023, 9, 1)),
        SeatSpec("Nadia Hussain", MEMBER, date(2023, 9, 1)),
        SeatSpec("Helen Bracewell", MEMBER, date(2024, 1, 8)),
        SeatSpec("Marcus Greenaway", MEMBER, date(2023, 9, 1)),
        SeatSpec("Chloe Thackeray", MEMBER, date(2024, 2, 1)),
        SeatSpec("Gavin Truscott", MEMBER, date(2023, 9, 1)),
        SeatSpec("Joanna Kowalski", MEMBER, date(2023, 9, 1)),
        SeatSpec("Kirsty Macdonald", MEMBER, date(2023, 9, 1)),
        SeatSpec("Grace Oduya", MEMBER, date(2024, 3, 1)),
        SeatSpec("Louise Marsh", MEMBER, date(2023, 9, 1)),
        SeatSpec("Rhys Jenkins", MEMBER, date(2023, 9, 1)),
        SeatSpec("Farah Siddiqui", MEMBER, date(2023, 9, 1)),
        SeatSpec("Owain Price", MEMBER, date(2023, 9, 1)),
        SeatSpec("Clare Fothergill", MEMBER, date(2024, 1, 8)),
        SeatSpec("Yusuf Malik", MEMBER, date(2023, 9, 1)),
        SeatSpec("Tracey Dunn", MEMBER, date(2023, 9, 1)),
        SeatSpec("Liam Fairclough", MINUTE_TAKER, date(2023, 9, 1)),
    ),
}

USERS = (
    DemoUserSpec("admin", "Daniel Osei", superuser=True),
    DemoUserSpec("secretariat", "Joanna Kowalski", auth_groups=(SECRETARIAT_GROUP,)),
    DemoUserSpec("chair", "Priya Raman"),
    DemoUserSpec("partner", "Imran Chaudhry", auth_groups=(PARTNER_READER_GROUP,)),
    DemoUserSpec("jcr", "Oluwaseun Adebayo"),
)

PARTNERSHIP = PartnershipSpec(
    key="herefordshire",
    title="Herefordshire Safeguarding Children Partnership",
    agencies=AGENCIES,
    people=PEOPLE,
    groups=GROUPS,
    seats=SEATS,
    users=USERS,
)
