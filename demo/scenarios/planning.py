"""The demo's planning records: the business plan in seed 004's layout with its objectives (seed 004's
own words) and dated progress RAGs, a few risks (arrangements s.25), an escalation from the MASH
Group (seed 003: health staffing at the MASH), the independent scrutineer's plan agreed by the Lead
Safeguarding Partners with a report and the partners' response (s.3.3), and the year's contributions
and budget (s.20; seed 003 item 7). Each part is added once: a second run adds nothing.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from planning import rules
from planning.choices import ContributionKind
from planning.models import (
    BudgetLine,
    BusinessPlan,
    Contribution,
    Escalation,
    Risk,
    ScrutinyPlan,
    ScrutinyReport,
)
from planning.seed_plan import SEED_PRIORITIES, SEED_WORKSTREAMS
from planning.services.escalations import escalation_raise
from planning.services.plan import objective_action_record, objective_add, plan_create, progress_record
from planning.services.registers import (
    budget_line_save,
    contribution_save,
    risk_save,
    scrutiny_action_record,
    scrutiny_plan_agree,
    scrutiny_plan_save,
    scrutiny_report_add,
    scrutiny_response_record,
    spend_record,
)

SECRETARIAT = "Joanna Kowalski"
BOARD = "Safeguarding Partners Board"
QE, DP, JCR, MASH, CEM = (
    "Quality & Effectiveness Group",
    "Development & Practice Group",
    "Joint Case Review Group",
    "MASH Group",
    "Child Exploitation & Missing Group",
)
# The subgroup owning each workstream (seed 004 names the sub groups; the CSE column is CE&M's).
WORKSTREAM_OWNERS = [DP, DP, DP, QE, JCR, QE]

# (priority, workstream) -> objectives, in seed 004's words (the "What will we do" table).
OBJECTIVES = {
    (1, 1): [
        "Develop and implement a Childhood Neglect strategy.",
        "Embed an effective childhood neglect assessment tool: Graded Care Profile 2 (GCP2), and GCP2 "
        "links with the Threshold / Levels of Need Guidance.",
    ],
    (2, 1): [
        "Review 'Children who abuse others' procedure and ensure appropriate guidance is available to "
        "practitioners within Herefordshire."
    ],
    (3, 1): [
        "Maintain up to date procedures that align with regional arrangements, legislation and "
        "statutory guidance to inform the journey of the child through the child protection process."
    ],
    (4, 1): ["Update of MARF and Threshold of need guidance.", "Procedures support the early help strategy."],
    (5, 1): [
        "Partner agencies assure the partnership that their staff are aware of and can access the "
        "multi-agency procedures, and that they have effective single agency safeguarding procedures."
    ],
    (1, 2): [
        "Deliver a launch event for the Childhood Neglect Strategy and associated changes to business "
        "practice."
    ],
    (2, 2): ["Support ongoing local and national CSE awareness campaigns."],
    (3, 2): [
        "Inform about and promote multi-agency procedures and guidance, when they have been reviewed or "
        "updated."
    ],
    (4, 2): ["Raise awareness of early help support available and appropriate referral routes."],
    (5, 2): [
        "Partner agencies can demonstrate that safeguarding messages are disseminated effectively "
        "through their organisations."
    ],
    (1, 3): [
        "Deliver appropriate multi-agency neglect training, to include use of the shared assessment tool "
        "(Graded Care Profile 2), and evaluate its impact on practice."
    ],
    (2, 3): [
        "Improve knowledge and understanding of the CSE toolkit within agencies through inclusion in the "
        "multi-agency CSE training."
    ],
    (3, 3): ["Ensure that multi-agency training reflects learning from case reviews and audits."],
    (4, 3): ["Early Help Practitioners to attend partnership training."],
    (5, 3): [
        "Partner agencies can demonstrate effective single agency safeguarding training (audited through "
        "section 11), and that staff attend multi-agency safeguarding training as appropriate."
    ],
    (1, 4): [
        "Through case audit and performance information, report on the use of the GCP2 assessment tool "
        "and the extent of the understanding of neglect between partner agencies."
    ],
    (2, 4): [
        "Develop the quality of commentary accompanying the CSE scorecard.",
        "Check the effectiveness of the response to previous CSE audit findings.",
    ],
    (3, 4): [
        "Routinely use multi-agency performance data to audit the application of thresholds and the "
        "quality of child protection plans."
    ],
    (4, 4): [
        "Through audit, assess the quality, effectiveness and availability of early help support and "
        "interventions."
    ],
    (5, 4): [
        "Partner agencies provide performance information when requested, with a narrative analysis, and "
        "engage fully in multi-agency case audits."
    ],
    (1, 5): [
        "Ensure the actions from previous reviews into childhood neglect cases are embedded within "
        "training and action plans are properly completed."
    ],
    (2, 5): [
        "Identify opportunities to review the partnership response to 'peer on peer' abuse and "
        "disseminate any learning for partner agencies."
    ],
    (3, 5): [
        "Ensure learning from reviews is used to improve the journey of the child through the child "
        "protection process."
    ],
    (4, 5): ["Use Child Death Overview Panel learning to address modifiable risk factors."],
    (5, 5): [
        "Partner agencies refer appropriately to the JCR cases that may fit the criteria for a case "
        "review, and respond in a timely manner to requests for information."
    ],
    (1, 6): [
        "The evaluation of the GCP2 should include the views and experiences of children, young people "
        "and their families."
    ],
    (2, 6): [
        "Secure qualitative feedback from victims of CSE and their families about the services received."
    ],
    (3, 6): [
        "Receive feedback from children and young people subject to a child protection plan or looked "
        "after, to understand the effectiveness of the local safeguarding system."
    ],
    (4, 6): [
        "Receive feedback from children, young people and their parents/carers about their experience "
        "of early help."
    ],
    (5, 6): [
        "Partner agencies feed back to the board the views of children and families regarding services, "
        "and what they have done as a result."
    ],
}
# Dated progress judgements: (priority, workstream) -> [(months after the plan starts, RAG, commentary)].
JUDGEMENTS = {
    (1, 1): [
        (3, "amber", "Neglect strategy drafted; consultation with partners open until the autumn."),
        (6, "green", "Neglect strategy agreed by the board; GCP2 linked to the Levels of Need guidance."),
    ],
    (1, 3): [(6, "amber", "Two GCP2 cohorts trained; health visitors and school nurses still to attend.")],
    (1, 4): [(6, "red", "No GCP2 usage data yet: the case recording system cannot report it.")],
    (2, 1): [(6, "green", "'Children who abuse others' procedure reviewed against the regional procedures.")],
    (2, 4): [(6, "amber", "Scorecard commentary improved; re-audit of CSE findings booked for the spring.")],
    (3, 1): [(6, "green", "Procedures updated with the West Midlands regional changes.")],
    (3, 4): [(6, "amber", "Threshold audit complete; child protection plan audit delayed by staffing.")],
    (4, 1): [(6, "amber", "MARF revised; threshold guidance refresh waits for the early help strategy.")],
    (4, 4): [
        (3, "red", "No early help audit yet."),
        (6, "red", "Early help audit postponed again: no lead agency."),
    ],
    (4, 6): [(6, "amber", "Parents' survey designed with Families First; results due next quarter.")],
    (5, 2): [(6, "green", "Safeguarding briefings cascaded by every statutory partner.")],
    (5, 5): [(6, "green", "Requests for information answered within timescales by all partners.")],
}


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)


def _plan(scene, now) -> dict[str, int]:
    today = timezone.localdate(now)
    start_year = rules.financial_year_of(today) - 1
    title = f"Business plan {rules.financial_year_label(start_year)[:5]}{(start_year + 2) % 100:02d}"
    if BusinessPlan.objects.filter(title=title).exists():
        return {}
    plan = plan_create(
        title=title,
        starts_on=datetime.date(start_year, 4, 1),
        ends_on=datetime.date(start_year + 2, 3, 31),
        priorities=SEED_PRIORITIES,
        workstreams=SEED_WORKSTREAMS,
        introduction="This plan sets out the partnership's strategic objectives. These strategic priorities "
        "inform the business and action plans of the subgroups; the multi-agency performance dataset, audit "
        "programme and other learning and improvement activity evaluate its impact (seed 004).",
    )
    secretariat = scene.people[SECRETARIAT].user
    cells = {
        (c.priority.position, c.workstream.position): c
        for c in plan.cells.select_related("priority", "workstream")
    }
    objectives = 0
    judgements = 0
    first_objectives = {}
    for (priority, workstream), texts in OBJECTIVES.items():
        owner = CEM if priority == 2 and workstream in (1, 4) else WORKSTREAM_OWNERS[workstream - 1]
        for text in texts:
            objective = objective_add(
                cell=cells[priority, workstream], text=text, owning_group=scene.groups[owner]
            )
            first_objectives.setdefault((priority, workstream), objective)
            objectives += 1
    for key, entries in JUDGEMENTS.items():
        for months, rag, commentary in entries:
            judged_on = _add_months(plan.starts_on, months)
            if judged_on > today:
                continue
            progress_record(
                cell=cells[key],
                rag=rag,
                judged_on=judged_on,
                commentary=commentary,
                judged_by=secretariat,
                now=now,
            )
            judgements += 1
    actions = 0
    for key, description, owner, months in (
        ((1, 3), "Book GCP2 trainers for health visitors and school nurses.", "Aisha Rahman", 2),
        (
            (1, 4),
            "Agree how GCP2 use is recorded and reported from the case recording system.",
            "Tom Beddoes",
            3,
        ),
    ):
        objective_action_record(
            objective=first_objectives[key],
            description=description,
            owners=[scene.people[owner]],
            recorded_by=secretariat,
            due_date=today + datetime.timedelta(days=30 * months),
            now=now,
        )
        actions += 1
    return {
        "business plans": 1,
        "plan objectives": objectives,
        "progress judgements": judgements,
        "plan actions": actions,
    }


def _escalation(scene, now) -> dict[str, int]:
    title = "Health staffing at the MASH"
    if Escalation.objects.filter(title=title).exists():
        return {}
    chair = scene.people["Bethan Morgan"]
    escalation_raise(
        from_group=scene.groups[MASH],
        to_group=scene.groups[BOARD],
        title=title,
        why="Issues were raised about the level of health staffing at the MASH; there are differing opinions "
        "about whether sufficient operational cover is in place at all times, and education resource in the "
        "MASH has not been operating at the agreed level.",
        risk="Contacts wait for health and education checks, so decisions at the front door are delayed or "
        "made without partners' information.",
        tried="Raised by the MASH manager at two MASH Group meetings and with the ICB's named leads; the "
        "rota was revised but gaps remain out of hours.",
        raised_by=chair.user or scene.people[SECRETARIAT].user,
        now=now,
    )
    return {"escalations": 1}


def _risks(scene, now) -> dict[str, int]:
    today = timezone.localdate(now)
    mash_escalation = Escalation.objects.filter(title="Health staffing at the MASH").first()
    created = 0
    for title, description, owner, scores, controls, review, escalated_from, escalation in (
        (
            "Changes to the arrangements weaken scrutiny and quality assurance",
            "There is a risk that the quality of scrutiny and quality assurance could be compromised if "
            "arrangements are changed (arrangements s.25.1).",
            "Catherine Adeyemi",
            (3, 4, 2, 3),
            "All partners have agreed that clear principles must be adhered to when considering any future "
            "changes; any change must enhance partnership working and safeguarding practice.",
            today + datetime.timedelta(days=60),
            None,
            None,
        ),
        (
            "Funding of the multi-agency safeguarding arrangements",
            "The financial implication of supporting the multi-agency safeguarding arrangements, as this is "
            "key to their effectiveness (arrangements s.25.2).",
            "Daniel Osei",
            (4, 4, 3, 3),
            "The three statutory partners address all financial matters so it is clear what is expected of "
            "all partners; contributions agreed annually by the Lead Safeguarding Partners.",
            today - datetime.timedelta(days=10),  # its review is overdue: the reminder is shown
            None,
            None,
        ),
        (
            "Front door decisions without health and education checks",
            "Gaps in health and education staffing at the MASH delay or weaken decisions on contacts.",
            "Bethan Morgan",
            (4, 5, 3, 4),
            "Revised MASH rota; ICB named leads cover by telephone out of hours.",
            today + datetime.timedelta(days=30),
            MASH,
            mash_escalation,
        ),
        (
            "No shared multi-agency dataset",
            "Without a multi-agency dataset the partnership cannot evidence the impact of its priorities.",
            "Tom Beddoes",
            (3, 3, 2, 2),
            "Multi-agency workshop to produce the dataset and update this register (seed 003).",
            today + datetime.timedelta(days=90),
            QE,
            None,
        ),
    ):
        if Risk.objects.filter(title=title).exists():
            continue
        likelihood, impact, residual_likelihood, residual_impact = scores
        risk_save(
            risk=Risk(
                title=title,
                description=description,
                owner=scene.people[owner],
                likelihood=likelihood,
                impact=impact,
                residual_likelihood=residual_likelihood,
                residual_impact=residual_impact,
                controls=controls,
                review_date=review,
                escalated_from=scene.groups[escalated_from] if escalated_from else None,
                escalation=escalation,
            )
        )
        created += 1
    return {"risks": created} if created else {}


def _scrutiny(scene, now) -> dict[str, int]:
    today = timezone.localdate(now)
    year = rules.financial_year_of(today)
    if ScrutinyPlan.objects.filter(year=year).exists():
        return {}
    secretariat = scene.people[SECRETARIAT].user
    plan = scrutiny_plan_save(
        plan=ScrutinyPlan(
            year=year,
            scrutineer=scene.people["Frances Delahaye"],
            scope="Quarter 1: the delegated safeguarding partners' decisions on rapid reviews (s.15.7).\n"
            "Quarter 2: the voice of children and families in multi-agency audits.\n"
            "Quarter 3: the impact of the Lead and Delegated Safeguarding Partners' strategic oversight.\n"
            "Quarter 4: the yearly report.",
        ),
        by=secretariat,
    )
    plan_start = datetime.date(year, 4, 1)
    scrutiny_plan_agree(
        plan=plan,
        agreed_by=[
            scene.people[name] for name in ("Jonathan Ashby", "Helena Marchetti", "Douglas Wainwright")
        ],
        agreed_on=min(plan_start + datetime.timedelta(days=30), today),
        by=secretariat,
    )
    created = {"scrutiny plans": 1}
    presented = plan_start + datetime.timedelta(days=100)
    if presented <= today:
        report = scrutiny_report_add(
            report=ScrutinyReport(
                plan=plan, title="Scrutiny of rapid review decisions", presented_on=presented
            ),
            by=secretariat,
        )
        scrutiny_response_record(
            report=report,
            response="The partners accept the recommendations: rapid review decisions will record the "
            "reasons when a review is not recommended to the National Panel.",
            responded_on=min(presented + datetime.timedelta(days=14), today),
            by=secretariat,
        )
        scrutiny_action_record(
            report=report,
            group=scene.groups[BOARD],
            description="Add the reasons for the decision to the rapid review template.",
            owners=[scene.people["Owen Pritchard"]],
            recorded_by=secretariat,
            due_date=today + datetime.timedelta(days=45),
            now=now,
        )
        created["scrutiny reports"] = 1
    return created


def _budget(scene, now) -> dict[str, int]:
    today = timezone.localdate(now)
    year = rules.financial_year_of(today)
    if BudgetLine.objects.filter(year=year).exists() or Contribution.objects.filter(year=year).exists():
        return {}
    secretariat = scene.people[SECRETARIAT].user
    agreed_on = datetime.date(year, 3, 1) - datetime.timedelta(days=365)  # agreed before the year starts
    for agency, kind, amount, description in (
        ("Herefordshire Council", ContributionKind.CASH, "112000", ""),
        ("HW ICB", ContributionKind.CASH, "68000", ""),
        ("West Mercia Police", ContributionKind.CASH, "41000", ""),
        (
            "HW ICB",
            ContributionKind.IN_KIND,
            "6300",
            "Trainers' time: the Safeguarding Children Training "
            "Lead delivers 18 days of multi-agency training",
        ),
        (
            "West Mercia Police",
            ContributionKind.IN_KIND,
            "2800",
            "Trainers' time: 8 days on the CSE and missing courses",
        ),
    ):
        contribution_save(
            contribution=Contribution(
                year=year,
                agency=scene.agencies[agency],
                kind=kind,
                amount=Decimal(amount),
                description=description,
                agreed_on=agreed_on,
            ),
            by=secretariat,
        )
    # The Partnership Team's functions (arrangements s.20.6) as budget lines.
    lines = (
        ("Partnership Team staffing", "148000"),
        ("Independent scrutineer", "18000"),
        ("Multi-agency training programme", "16000"),
        ("Rapid reviews and local child safeguarding practice reviews", "24000"),
        ("Website, communications and safeguarding week", "6000"),
        ("Performance analyst capacity (SLA with the local authority)", "9000"),
    )
    quarters_done = rules.quarter_of(today) - 1
    for title, budget in lines:
        line = budget_line_save(
            line=BudgetLine(year=year, title=title, budget=Decimal(budget)), by=secretariat
        )
        for quarter in range(1, quarters_done + 1):
            # A quarter's share, a little over or under.
            share = (line.budget / 4 * (Decimal("0.9") + Decimal(quarter % 3) / 10)).quantize(Decimal("1"))
            spend_record(line=line, quarter=quarter, amount=share, by=secretariat)
    return {"contributions": 5, "budget lines": len(lines)}


def load(scene) -> dict[str, int]:
    now = timezone.now()
    created: dict[str, int] = {}
    for part in (_plan, _escalation, _risks, _scrutiny, _budget):
        created.update(part(scene, now))
    return created
