"""The Herefordshire partnership's audits and performance (issue 13), in the seeds' own words:
the Quality & Effectiveness group's programme of multi-agency case audits for the year (seed 000,
seed 001 s.18: themes from performance data, case reviews and the partnership's priorities), one
completed audit with three agencies' returns (the police's late and chased), its findings, grade
and two recommendations in the group's action log, its re-audit scheduled; a section 11 cycle
carried forward from the one two years before, with a few agencies' returns, one moderated and
challenged (s.7.2); a single-agency audit escalated; the scorecard with a year of quarters
(seed 003 item 2a: "only 24% of contacts progressed to referral", "51% of S47s NFA'd").

Everything goes through the audits services, silenced (no e-mail to the invented people). Loaded
once: when a programme exists, nothing is added.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from audits import services
from audits.choices import AuditReason, AuditStatus, Polarity
from audits.models import AuditGrade, AuditProgramme, Indicator, SingleAgencyAudit, Standard
from audits.rules import financial_year_of, quarter_start
from audits.services import AnswerChange, Moderation
from governance.models import Meeting
from notifications.services import silenced

QE = "Quality & Effectiveness Group"
STANDARDS = [
    "Senior leadership and accountability",
    "A board-level lead",
    "Listening to children",
    "Whistleblowing and escalation",
    "Information sharing",
    "A designated practitioner",
    "Safe recruitment and safer working",
    "Training",
    "Supervision",
]
GRADES = ["Outstanding", "Good", "Requires improvement", "Inadequate"]

# (code, name, definition, unit, polarity, target, green, red, four quarters oldest first, commentary)
INDICATORS = [
    (
        "CONTACT_REFERRAL",
        "Contacts progressed to referral",
        "Contacts to the MASH in the quarter that progressed to a referral to children's social care.",
        "%",
        Polarity.HIGHER_IS_BETTER,
        Decimal(35),
        Decimal(35),
        Decimal(25),
        ("31", "24", "27", "29"),
        "Only 24% of contacts progressed to referral in Quarter 2. What happened to the other 76%? "
        "The MASH group is auditing a sample of contacts that did not progress.",
    ),
    (
        "S47_NFA",
        "Section 47 enquiries ending in no further action",
        "Section 47 enquiries completed in the quarter whose outcome was no further action.",
        "%",
        Polarity.LOWER_IS_BETTER,
        Decimal(30),
        Decimal(30),
        Decimal(40),
        ("44", "51", "46", "38"),
        "51% of S47s NFA'd in Quarter 2: thresholds and the shared understanding of levels of need are "
        "a priority area for the Quality & Effectiveness group.",
    ),
    (
        "POLICE_REFERRALS",
        "Referrals from the police",
        "The share of referrals to children's social care made by West Mercia Police.",
        "%",
        Polarity.LOWER_IS_BETTER,
        Decimal(35),
        Decimal(35),
        Decimal(45),
        ("48", "50", "47", "44"),
        "Police referrals account for 50% of referrals: is there an early help pathway from the Harm "
        "Assessment Unit?",
    ),
    (
        "CPP_REVIEW_TIMELY",
        "Child protection plans reviewed in timescale",
        "Child protection review conferences held within timescale in the quarter.",
        "%",
        Polarity.HIGHER_IS_BETTER,
        Decimal(95),
        Decimal(95),
        Decimal(85),
        ("92", "96", "97", "94"),
        "Core group functioning and outcome-focused plans remain a priority area.",
    ),
]


def _month(today: datetime.date, months: int) -> datetime.date:
    index = today.year * 12 + today.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def load(scene) -> dict[str, int]:
    if AuditProgramme.objects.exists() or QE not in scene.groups:
        return {}
    now = timezone.now()
    with silenced():
        return _load(scene, now, timezone.localdate(now))


def _defaults() -> None:
    """The defaults migration 0002 adds (the demo may run on a database built without it)."""
    for kind in ("section_11", "section_175"):
        for number, title in enumerate(STANDARDS, start=1):
            Standard.objects.get_or_create(kind=kind, number=number, defaults={"title": title})
    for rank, name in enumerate(GRADES, start=1):
        AuditGrade.objects.get_or_create(name=name, defaults={"rank": rank})


def _load(scene, now: datetime.datetime, today: datetime.date) -> dict[str, int]:
    _defaults()
    people, agencies, qe = scene.people, scene.agencies, scene.groups[QE]
    secretariat = getattr(people.get("Joanna Kowalski"), "user", None)
    year = financial_year_of(today)
    programme = services.programme_create(
        group=qe,
        year=year,
        notes="Themes from the performance scorecard, the case reviews and the partnership's priorities "
        "(arrangements s.18.1); the voice of children and families captured wherever possible (s.18.2).",
    )
    neglect = services.case_audit_plan(
        programme=programme,
        theme="Neglect: the use of the Graded Care Profile 2",
        reason=AuditReason.CASE_REVIEW,
        reason_detail="Case audits to pick up on findings from case reviews in relation to childhood neglect "
        "(business plan, Performance and Audit).",
        target_month=_month(today, -4),
        lead=people.get("Chloe Thackeray"),
        lines_of_enquiry="Was the Graded Care Profile 2 used, and did it inform the plan?\n"
        "Was the child seen and heard, and their lived experience recorded?\n"
        "Did agencies share information in time and escalate when progress stalled?",
    )
    thresholds = services.case_audit_plan(
        programme=programme,
        theme="Thresholds: contacts that did not progress to referral",
        reason=AuditReason.PERFORMANCE_DATA,
        reason_detail=(
            "Only 24% of contacts progressed to referral in Quarter 2: what happened to the other 76%?"
        ),
        target_month=_month(today, 1),
        lead=people.get("Ryan Bevan"),
        lines_of_enquiry=(
            "Was the level of need on the MASH referral form applied as the threshold "
            "document says?\n"
            "Was the family offered early help, and did the referrer hear the outcome?"
        ),
    )
    for theme, reason, months, lead, detail in (
        (
            "Early help: quality, effectiveness and availability",
            AuditReason.PRIORITY,
            4,
            "Marcus Greenaway",
            "Through audit, assess the quality, effectiveness and availability of early help support.",
        ),
        (
            "Child protection plans: outcome focus and core groups",
            AuditReason.PERFORMANCE_DATA,
            7,
            "Rosie Lambert",
            "Outcome focused plans and core group functioning (board, item 2a).",
        ),
    ):
        services.case_audit_plan(
            programme=programme,
            theme=theme,
            reason=reason,
            target_month=_month(today, months),
            lead=people.get(lead),
            reason_detail=detail,
        )

    # The completed neglect audit: three returns, the police's late and chased.
    requested = neglect.target_month - datetime.timedelta(days=45)
    due = requested + datetime.timedelta(days=21)
    returns = []
    for short, contact, received_after in (
        ("Herefordshire Council", "Gareth Hollis", 19),
        ("Wye Valley", "Megan Howells", 21),  # exactly on its deadline: on time
        ("West Mercia Police", "Tomasz Nowak", 29),
    ):
        if short not in agencies:
            continue
        agency_return = services.agency_return_request(
            audit=neglect,
            agency=agencies[short],
            contact=people.get(contact),
            requested_on=requested,
            due_on=due,
        )
        returns.append((agency_return, received_after))
    findings = {
        "Herefordshire Council": "GCP2 completed in 4 of 6 cases; in two the plan did not follow its scores.",
        "Wye Valley": (
            "Health visitors recorded home conditions well; the child's own words were rarely written down."
        ),
        "West Mercia Police": (
            "Officers attending incidents recorded the children present but not their presentation."
        ),
    }
    for agency_return, received_after in returns:
        received = requested + datetime.timedelta(days=received_after)
        if received > due:
            services.agency_return_chase(agency_return=agency_return, today=due + datetime.timedelta(days=3))
        services.agency_return_record(
            agency_return=agency_return,
            received_on=received,
            findings=findings[agency_return.agency.short_name or agency_return.agency.name]
            if (agency_return.agency.short_name or agency_return.agency.name) in findings
            else findings.get(agency_return.agency.name, ""),
            today=today,
        )
    moderation = (
        Meeting.objects.filter(group=qe, starts_at__date__lte=_month(today, -3))
        .order_by("-starts_at")
        .first()
    )
    neglect.sample_references = "HSCP-N-0412\nHSCP-N-0419\nHSCP-N-0433\nHSCP-N-0447\nHSCP-N-0452\nHSCP-N-0460"
    neglect.moderation_meeting = moderation
    neglect.strengths = (
        "Strategy discussions were timely and well attended; health visitors' records of "
        "home conditions were detailed."
    )
    neglect.areas_for_improvement = (
        "The Graded Care Profile 2 was not used consistently and plans did not follow its "
        "scores; chronologies were "
        "missing in three cases; drift when parents did not engage was not escalated."
    )
    neglect.voice_of_child = "partly"
    neglect.voice_of_child_how = (
        "Direct work recorded in 3 of 6 cases; in the others the child was seen but their "
        "words were not written down."
    )
    neglect.grade = AuditGrade.objects.get(name="Requires improvement")
    neglect.status = AuditStatus.COMPLETED
    services.case_audit_save(audit=neglect, today=neglect.target_month + datetime.timedelta(days=20))
    for text, owner, months in (
        (
            "Every neglect plan to record the Graded Care Profile 2 scores and how the plan answers them.",
            "Gareth Hollis",
            2,
        ),
        (
            "Agencies to record the child's own words and lived experience in every neglect "
            "case; guidance through the Development & Practice group.",
            "Kirsty Macdonald",
            3,
        ),
    ):
        services.recommendation_raise(
            audit=neglect,
            text=text,
            owners=[people[owner]] if owner in people else [],
            recorded_by=secretariat,
            due_date=_month(today, months),
        )
    services.case_audit_schedule_reaudit(
        original=neglect,
        target_month=_month(today, 5),
        lead=people.get("Chloe Thackeray"),
        reason_detail=(
            "Has practice changed since the neglect audit? The same lines of enquiry, a new sample."
        ),
    )
    services.agency_return_request(
        audit=thresholds,
        agency=agencies["West Mercia Police"],
        contact=people.get("Callum Reid"),
        requested_on=today - datetime.timedelta(days=10),
        due_on=today + datetime.timedelta(days=11),
    ) if "West Mercia Police" in agencies else None

    # Section 11: the cycle two years ago, moderated, carried forward into this year's.
    participants = [
        agencies[name] for name in ("West Mercia Police", "Wye Valley", "WMAS", "HWHCT") if name in agencies
    ]
    earlier = services.cycle_open(
        kind="section_11",
        name=f"Section 11 self-assessment {year - 2}/{(year - 1) % 100:02d}",
        frequency="two_yearly",
        rating_scale="rag",
        group=qe,
        opens_on=datetime.date(year - 2, 6, 1),
        due_on=datetime.date(year - 2, 9, 30),
        agencies=participants[:2],
    )
    for index, assessment in enumerate(earlier.assessments.order_by("agency__name")):
        services.assessment_answers_save(
            assessment=assessment,
            changes=[
                AnswerChange(
                    answer,
                    "amber" if answer.standard.number in (3, 9) else "green",
                    "Policy and annual report to the board." if index == 0 else "Safeguarding annual report.",
                    "",
                )
                for answer in assessment.answers.all()
            ],
        )
        services.assessment_submit(
            assessment=assessment, user=secretariat, now=now - datetime.timedelta(days=700)
        )
        services.assessment_moderate(
            assessment=assessment,
            moderations=[
                Moderation(
                    answer,
                    "red" if answer.standard.number == 9 else answer.rating,
                    "No evidence that supervision takes place." if answer.standard.number == 9 else "",
                )
                for answer in assessment.answers.all()
            ],
            user=secretariat,
            now=now - datetime.timedelta(days=680),
        )
    cycle = services.cycle_open(
        kind="section_11",
        name=f"Section 11 self-assessment {year}/{(year + 1) % 100:02d}",
        frequency="two_yearly",
        rating_scale="rag",
        group=qe,
        opens_on=_month(today, -2),
        due_on=today + datetime.timedelta(days=21),
        agencies=participants,
    )
    counts = {"section 11 self-assessments": earlier.assessments.count() + cycle.assessments.count()}
    for assessment in cycle.assessments.select_related("agency").order_by("agency__name"):
        short = assessment.agency.short_name
        if short == "West Mercia Police":
            services.assessment_lead_set(assessment=assessment, lead=people.get("Victoria Ashworth"))
            services.assessment_answers_save(
                assessment=assessment,
                changes=[
                    AnswerChange(
                        answer,
                        "green" if answer.standard.number != 9 else "amber",
                        answer.evidence,
                        "Quarterly supervision audit from April." if answer.standard.number == 9 else "",
                    )
                    for answer in assessment.answers.all()
                ],
            )
            services.assessment_submit(
                assessment=assessment, user=secretariat, now=now - datetime.timedelta(days=20)
            )
            services.assessment_moderate(
                assessment=assessment,
                moderations=[
                    Moderation(
                        a,
                        a.rating if a.standard.number != 9 else "amber",
                        "Supervision audit planned, not yet reported." if a.standard.number == 9 else "",
                    )
                    for a in assessment.answers.all()
                ],
                user=secretariat,
                now=now - datetime.timedelta(days=10),
            )
            services.challenge_record(
                assessment=assessment,
                held_on=today - datetime.timedelta(days=8),
                meeting=None,
                challenge=(
                    "How do you know officers attending domestic abuse incidents record the voice of "
                    "the child?"
                ),
                response=(
                    "A dip sample of 50 incident logs each quarter, reported to the Protecting "
                    "Vulnerable People board."
                ),
            )
        elif short == "Wye Valley":
            services.assessment_lead_set(assessment=assessment, lead=people.get("Patricia Lyle"))
            services.assessment_answers_save(
                assessment=assessment,
                changes=[
                    AnswerChange(answer, answer.rating or "green", answer.evidence, "")
                    for answer in assessment.answers.all()
                ],
            )
            services.assessment_submit(
                assessment=assessment, user=secretariat, now=now - datetime.timedelta(days=5)
            )
        elif short == "WMAS":
            services.assessment_lead_set(assessment=assessment, lead=people.get("Diane Rowlands"))
            first_four = list(assessment.answers.all())[:4]
            services.assessment_answers_save(
                assessment=assessment,
                changes=[
                    AnswerChange(answer, "green", "Safeguarding policy 2024; board minutes.", "")
                    for answer in first_four
                ],
            )

    # Section 175 for schools (seed 001 s.10.4), rated 0 to 3, moderated by the Education Group.
    schools = [agencies[name] for name in ("Schools", "FE and Post-16", "PRU") if name in agencies]
    if schools:
        s175 = services.cycle_open(
            kind="section_175",
            name=f"Section 175 safeguarding audit {year}/{(year + 1) % 100:02d}",
            frequency="annual",
            rating_scale="zero_to_three",
            group=scene.groups.get("Education Group", qe),
            opens_on=_month(today, -1),
            due_on=today + datetime.timedelta(days=45),
            agencies=schools,
        )
        counts["section 11 self-assessments"] += s175.assessments.count()
        first = s175.assessments.get(agency=schools[0])
        services.assessment_lead_set(assessment=first, lead=people.get("Rhys Jenkins"))
        services.assessment_answers_save(
            assessment=first,
            changes=[
                AnswerChange(
                    answer,
                    "2" if answer.standard.number in (3, 9) else "3",
                    "The designated safeguarding lead's annual report to governors; the single central "
                    "record checked.",
                    "Supervision for the designated safeguarding leads from September."
                    if answer.standard.number == 9
                    else "",
                )
                for answer in first.answers.all()
            ],
        )
        services.assessment_submit(assessment=first, user=secretariat, now=now - datetime.timedelta(days=2))

    # A single-agency audit, reviewed and escalated.
    if "Wye Valley" in agencies:
        single = services.single_audit_submit(
            audit=SingleAgencyAudit(
                agency=agencies["Wye Valley"],
                group=qe,
                topic="Midwifery: routine enquiry about domestic abuse at booking",
                audit_date=_month(today, -2),
                findings=(
                    "Routine enquiry recorded at booking in 41 of 50 records; partner present at 7 of "
                    "the 9 missed."
                ),
                issues_to_escalate=(
                    "Women seen only with a partner present cannot be asked: a second contact alone "
                    "is needed."
                ),
            ),
            submitted_by=secretariat,
        )
        services.single_audit_review(
            audit=single,
            today=_month(today, -1),
            review_comments="A good audit; the group asks how the 9 missed enquiries were followed up.",
            challenge=(
                "Show at the next meeting how midwives make a contact alone when a partner is always present."
            ),
        )
        if "Patricia Lyle" in people:
            services.single_audit_escalate(
                audit=single,
                description="Agree a contact alone with every pregnant woman at booking or the next visit.",
                owners=[people["Patricia Lyle"]],
                recorded_by=secretariat,
                due_date=_month(today, 2),
            )

    # The scorecard: the last four complete quarters.
    latest = quarter_start(today) - datetime.timedelta(days=1)
    quarters = []
    start = quarter_start(latest)
    for _ in range(4):
        quarters.insert(0, start)
        start = quarter_start(start - datetime.timedelta(days=1))
    for code, name, definition, unit, polarity, target, green, red, values, commentary in INDICATORS:
        indicator = services.indicator_save(
            indicator=Indicator(
                code=code,
                name=name,
                definition=definition,
                unit=unit,
                polarity=polarity,
                target=target,
                green_threshold=green,
                red_threshold=red,
            )
        )
        for index, (quarter, value) in enumerate(zip(quarters, values, strict=True)):
            services.indicator_value_record(
                indicator=indicator,
                quarter_start=quarter,
                value=Decimal(value),
                commentary=commentary if index == 1 else "",
            )
    counts.update({"audits": programme.audits.count() + 1, "scorecard indicators": len(INDICATORS)})
    return counts
