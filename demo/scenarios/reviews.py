"""The Joint Case Review group's case reviews (issue 12), as the `jcr` user sees them: a rapid
review in progress with agency returns and two of the three partners' decisions, an LCSPR
awaiting publication with its lead reviewer, milestones and sign-off, a published LCSPR with its
learning briefing, and a domestic homicide review awaiting its decision. The children are
invented and pseudonymised; no name or date of birth resembles a real case.

Dates are counted back from today in working days, so the clocks read as they would in a live
partnership. Everything goes through the reviews' services, silenced. Loaded once: when a case
review exists, nothing is added. The Partnership Business Manager is named a case review officer
(seed 001 s.15.4: the Partnership Team coordinates rapid reviews).
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.workdays import add_working_days, closure_days
from notifications.services import silenced
from reviews import services
from reviews.choices import AdultDecision, MilestoneKind, Recommendation, RequestStatus, ReviewType
from reviews.models import CaseReview

JCR = "Joint Case Review Group"


def load(scene) -> dict[str, int]:
    if CaseReview.objects.exists():
        return {"case reviews": 0}
    today = timezone.localdate()
    closures = closure_days()

    def wd(n: int) -> datetime.date:
        return add_working_days(today, n, closures)

    def moment(day: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))

    people, agencies = scene.people, scene.agencies
    themes = services.themes_ensure_defaults()
    group = scene.groups[JCR]
    jcr_user = get_user_model().objects.filter(username="jcr").first()
    council, icb, police = (
        agencies[name] for name in ("Herefordshire Council", "HW ICB", "West Mercia Police")
    )
    recommendations = 0
    with silenced():
        officer = get_user_model().objects.filter(username="secretariat").first()
        if officer is not None:
            services.officer_name(user=officer, named_by=None, now=moment(wd(-60)))

        # 1. A rapid review in progress: the Panel told on time, agencies' returns coming in.
        aware = wd(-9)
        rapid = services.case_review_record(
            review_type=ReviewType.CHILD,
            awareness_date=aware,
            panel_notified_on=add_working_days(aware, 3, closures),
            abuse_or_neglect=True,
            harm="seriously_harmed",
            agencies=[council, agencies["Wye Valley"], agencies["Schools"], police, agencies["Early Years"]],
            themes=[themes["Neglect"], themes["Substance misuse"]],
            children=[{"pseudonym": "Child M", "full_name": "Mia Example-Jones", "date_of_birth": wd(-700)}],
            recorded_by=jcr_user,
            now=moment(aware),
        )
        for agency, status, days in (
            (agencies["Wye Valley"], RequestStatus.RECEIVED, 5),
            (agencies["Schools"], RequestStatus.RECEIVED, 6),
            (police, RequestStatus.CHASED, 8),
            (agencies["Early Years"], RequestStatus.REQUESTED, 0),
        ):
            request = services.information_request_record(
                review=rapid, agency=agency, requested_on=add_working_days(aware, 4, closures)
            )
            if days:
                services.information_request_update(
                    request=request, status=status, on=add_working_days(aware, days, closures)
                )
        meeting = group.meetings.filter(starts_at__date__lte=today).order_by("-starts_at").first()
        services.case_review_update(
            review=rapid,
            values={
                "rapid_review_meeting": meeting,
                "recommendation": Recommendation.LOCAL_REVIEW,
                "recommendation_reasons": "Reg 11: the case highlights improvements needed in recognising "
                "neglect of a pre-school child, a recurrent theme of the partnership's reviews, and concerns "
                "about how health, early years and children's social care shared information.",
                "reg11_improvements": True,
                "reg11_recurrent_themes": True,
                "reg11_multi_agency": True,
            },
            user=jcr_user,
        )
        for person in (people["Catherine Adeyemi"], people["Rebecca Thornbury"]):
            services.partner_decision_record(
                review=rapid,
                representative=person,
                decision=Recommendation.LOCAL_REVIEW,
                decided_on=wd(-1),
                user=jcr_user,
            )

        # 2. An LCSPR awaiting publication: decided five months ago, signed off, sent to the Panel soon.
        aware = wd(-130)
        awaiting = services.case_review_record(
            review_type=ReviewType.CHILD,
            awareness_date=aware,
            panel_notified_on=add_working_days(aware, 2, closures),
            abuse_or_neglect=True,
            harm="seriously_harmed",
            agencies=[council, icb, police, agencies["Domestic Abuse"], agencies["GPs"]],
            themes=[themes["Domestic abuse"], themes["Mental health"]],
            children=[{"pseudonym": "Child J"}, {"pseudonym": "Child K"}],
            recorded_by=jcr_user,
            now=moment(aware),
        )
        decided = add_working_days(aware, 14, closures)
        services.case_review_update(
            review=awaiting,
            values={
                "recommendation": Recommendation.LOCAL_REVIEW,
                "recommendation_reasons": "Reg 11: two or more agencies did not work together effectively to "
                "respond to domestic abuse in the household.",
                "reg11_multi_agency": True,
                "rapid_review_submitted_on": add_working_days(aware, 15, closures),
                "scrutineer_name": "Independent Scrutineer",
                "scrutineer_comments": "The decision is proportionate; the terms of reference should "
                "include the voice of the children.",
                "scrutineer_commented_on": add_working_days(aware, 20, closures),
            },
            user=jcr_user,
        )
        for person in (people["Catherine Adeyemi"], people["Rebecca Thornbury"], people["Victoria Ashworth"]):
            services.partner_decision_record(
                review=awaiting,
                representative=person,
                decision=Recommendation.LOCAL_REVIEW,
                decided_on=decided,
                user=jcr_user,
            )
        awaiting.refresh_from_db()
        services.case_review_update(
            review=awaiting,
            values={
                "terms_of_reference": "How agencies recognised and responded to domestic abuse in the "
                "household; how the children's lived experience was heard; information sharing between GP, "
                "police and children's social care.",
                "lead_reviewer_name": "Dr Helen Marsh",
                "lead_reviewer_organisation": "Marsh Safeguarding Associates",
                "contract_start": add_working_days(decided, 10, closures),
                "contract_end": wd(30),
                "planned_publication_on": wd(12),
            },
            user=jcr_user,
        )
        for kind, due, done in (
            (MilestoneKind.PRACTITIONER_EVENT, -80, -80),
            (MilestoneKind.FAMILY_INVOLVEMENT, -60, -55),
            (MilestoneKind.DRAFT_REPORT, -30, -28),
            (MilestoneKind.QUALITY_ASSURANCE, -15, -12),
        ):
            services.milestone_record(review=awaiting, kind=kind, due_on=wd(due), done_on=wd(done))
        for person, capacity in (
            (people["Catherine Adeyemi"], "Delegated Safeguarding Partner, Herefordshire Council"),
            (people["Rebecca Thornbury"], "Delegated Safeguarding Partner, HW ICB"),
            (people["Imran Chaudhry"], "Delegated Safeguarding Partner, West Mercia Police"),
        ):
            services.sign_off_record(review=awaiting, person=person, capacity=capacity, signed_on=wd(-5))
        for text, owner, lead in (
            (
                "GP practices to record and share domestic abuse disclosures with the MASH within one "
                "working day.",
                "Hamid Karimi",
                agencies["GPs"],
            ),
            (
                "Police and children's social care to review joint attendance at domestic abuse incidents "
                "where children live in the household.",
                "Stuart McAllister",
                police,
            ),
        ):
            services.recommendation_add(
                review=awaiting,
                text=text,
                group=group,
                owners=[people[owner] if owner in people else people["Angela Nkemelu"]],
                lead_agency=lead,
                due_date=wd(60),
                recorded_by=jcr_user,
                now=moment(wd(-3)),
            )
            recommendations += 1

        # 3. A published LCSPR, with its learning briefing.
        aware = wd(-340)
        published = services.case_review_record(
            review_type=ReviewType.CHILD,
            awareness_date=aware,
            panel_notified_on=add_working_days(aware, 4, closures),
            abuse_or_neglect=True,
            harm="died",
            agencies=[council, icb, police, agencies["Wye Valley"], agencies["Schools"]],
            themes=[themes["Neglect"], themes["Online harm"]],
            children=[{"pseudonym": "Child S"}],
            recorded_by=jcr_user,
            now=moment(aware),
        )
        decided = add_working_days(aware, 13, closures)
        services.case_review_update(
            review=published,
            values={
                "recommendation": Recommendation.LOCAL_REVIEW,
                "recommendation_reasons": "Reg 11: recurrent themes of neglect and online harm.",
                "reg11_recurrent_themes": True,
                "rapid_review_submitted_on": add_working_days(aware, 15, closures),
            },
            user=jcr_user,
        )
        for person in (people["Catherine Adeyemi"], people["Rebecca Thornbury"], people["Victoria Ashworth"]):
            services.partner_decision_record(
                review=published,
                representative=person,
                decision=Recommendation.LOCAL_REVIEW,
                decided_on=decided,
                user=jcr_user,
            )
        services.recommendation_add(
            review=published,
            text="Schools to include online safety in every neglect referral and early help assessment.",
            group=group,
            owners=[people["Angela Nkemelu"]],
            lead_agency=agencies["Schools"],
            due_date=wd(20),
            recorded_by=jcr_user,
            now=moment(wd(-70)),
        )
        recommendations += 1
        published.refresh_from_db()
        services.case_review_update(
            review=published,
            values={
                "lead_reviewer_name": "Samuel Reid",
                "lead_reviewer_organisation": "Independent",
                "terms_of_reference": "Neglect and online harm in adolescence; how the signs were "
                "recognised.",
                "planned_publication_on": wd(-60),
                "sent_to_panel_on": wd(-68),
                "published_on": wd(-60),
                "published_summary": "Child S was 14. The review found that neglect at home and harm online "
                "were seen separately by different agencies. It recommends joint recognition of both in "
                "referrals and early help.",
            },
            user=jcr_user,
        )
        services.briefing_record(
            review=published,
            title="Seven-minute briefing: neglect and online harm",
            date=wd(-55),
            audience="Designated safeguarding leads in schools and early help practitioners",
        )

        # 4. A domestic homicide review awaiting its decision (one month from the police notification).
        aware = wd(-15)
        services.case_review_record(
            review_type=ReviewType.DHR,
            awareness_date=aware,
            agencies=[police, agencies["Domestic Abuse"], agencies["Housing"], agencies["Probation"]],
            themes=[themes["Domestic abuse"]],
            recorded_by=jcr_user,
            now=moment(aware),
        )
        # 5. A safeguarding adults review decided on and under way.
        aware = wd(-45)
        sar = services.case_review_record(
            review_type=ReviewType.SAR,
            awareness_date=aware,
            agencies=[council, icb, agencies["Substance Misuse"]],
            themes=[themes["Substance misuse"], themes["Mental health"]],
            recorded_by=jcr_user,
            now=moment(aware),
        )
        services.case_review_update(
            review=sar, values={"decision": AdultDecision.HOLD, "decision_date": wd(-30)}, user=jcr_user
        )

        # The CDOP's annual report, its themes and recommendations routed through the JCR (seed 003
        # item 2b: "themes/leads from CDOP/CDR would come back to the partners via the Joint case
        # Review group").
        cdop = services.cdop_report_record(
            year_label=f"{today.year - 1}-{str(today.year)[2:]}",
            received_on=wd(-40),
            summary="The Herefordshire and Worcestershire Child Death Overview Panel reviewed the deaths of "
            "children in both counties. Modifiable factors most often included unsafe sleep and parental "
            "substance misuse; the panel asks partners to strengthen safe sleep messages.",
            themes=[themes["Substance misuse"], themes["Neglect"]],
        )
        for text, owner in (
            (
                "Safe sleep advice at every health visitor and midwife contact, recorded in the notes.",
                "Ruth Carmichael",
            ),
            (
                "Substance misuse services to ask about infants in the household at every assessment.",
                "Kofi Mensah",
            ),
        ):
            services.cdop_recommendation_add(
                report=cdop,
                text=text,
                group=group,
                owners=[people[owner]],
                due_date=wd(40),
                recorded_by=jcr_user,
                now=moment(wd(-35)),
            )
            recommendations += 1
        # The chair's draft for the last quarter, ready to edit.
        start, end = services.quarter_of(services.quarter_of(today)[0] - datetime.timedelta(days=1))
        services.quarterly_report_draft(start=start, end=end, user=jcr_user, today=today)
    return {"case reviews": CaseReview.objects.count(), "review recommendations": recommendations}
