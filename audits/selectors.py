"""Reads for the audits pages and for the dashboards and reports: each limited to what the user
may see where a user is given, each a fixed number of queries (pinned in
audits/tests/test_queries.py at two sizes).

For the partner dashboard and the reports (other apps compose these): `programme_progress`,
`section11_heatmap`, `scorecard_latest`, `period_summary` and `group_period_summary`. They return
plain dicts and lists of what partners may read: no case references, no agency's unmoderated
evidence text.
"""

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from audits import rules
from audits.choices import AssessmentStatus, AuditStatus, Rag
from audits.models import (
    AgencyReturn,
    AssessmentCycle,
    AuditProgramme,
    CaseAudit,
    Indicator,
    IndicatorValue,
    Recommendation,
    SelfAssessment,
    SingleAgencyAudit,
    Standard,
    StandardAnswer,
)
from audits.permissions import visible_assessments, visible_programmes, visible_single_audits
from governance.models import Group


def _narrow(queryset: QuerySet, visible: Q | None) -> QuerySet:
    return queryset if visible is None else queryset.filter(visible)


# Pages --------------------------------------------------------------------------------


def programmes_for(user) -> QuerySet:
    """The programmes the user may read, with their audits' counts: one query."""
    return _narrow(AuditProgramme.objects.select_related("group"), visible_programmes(user)).annotate(
        audit_count=Count("audits"),
        completed_count=Count("audits", filter=Q(audits__status=AuditStatus.COMPLETED)),
    )


def programme_with_audits(pk: int) -> AuditProgramme:
    """A programme with its audits (lead, grade, original): two queries."""
    return (
        AuditProgramme.objects.select_related("group")
        .prefetch_related(
            Prefetch(
                "audits",
                queryset=CaseAudit.objects.select_related("lead", "grade", "original").annotate(
                    return_count=Count("returns", distinct=True),
                    received_count=Count(
                        "returns", filter=Q(returns__received_on__isnull=False), distinct=True
                    ),
                ),
            )
        )
        .get(pk=pk)
    )


def audit_with_details(pk: int) -> CaseAudit:
    """An audit with what its page shows: its returns, recommendations and their actions,
    re-audits. A fixed number of queries."""
    return (
        CaseAudit.objects.select_related(
            "programme__group",
            "lead",
            "grade",
            "moderation_meeting__group",
            "original__grade",
            "report_paper",
        )
        .prefetch_related(
            Prefetch("returns", queryset=AgencyReturn.objects.select_related("agency", "contact")),
            Prefetch("recommendations", queryset=Recommendation.objects.select_related("action")),
            Prefetch("reaudits", queryset=CaseAudit.objects.select_related("grade")),
        )
        .get(pk=pk)
    )


def audit_comparison(pk: int) -> tuple[CaseAudit, CaseAudit]:
    """(original, re-audit) for the side-by-side page, from the re-audit's id."""
    reaudit = audit_with_details(pk)
    if reaudit.original_id is None:
        raise CaseAudit.DoesNotExist
    return audit_with_details(reaudit.original_id), reaudit


def cycles_for(user) -> QuerySet:
    """The cycles the user may read, with counts of their self-assessments by status."""
    visible = visible_programmes(user)
    cycles = AssessmentCycle.objects.select_related("group")
    if visible is not None:
        cycles = cycles.filter(
            visible
            | Q(assessments__in=_narrow(SelfAssessment.objects.all(), visible_assessments(user)).values("pk"))
        ).distinct()
    return cycles.annotate(
        assessment_count=Count("assessments", distinct=True),
        submitted_count=Count(
            "assessments", filter=~Q(assessments__status=AssessmentStatus.DRAFT), distinct=True
        ),
    )


def assessments_for(user, *, cycle: AssessmentCycle | None = None) -> QuerySet:
    assessments = _narrow(
        SelfAssessment.objects.select_related("agency", "lead", "cycle"), visible_assessments(user)
    )
    return assessments.filter(cycle=cycle) if cycle is not None else assessments


def assessment_with_answers(pk: int) -> SelfAssessment:
    return (
        SelfAssessment.objects.select_related("cycle__group", "agency", "lead", "carried_from__cycle")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=StandardAnswer.objects.select_related("standard").prefetch_related("files"),
            ),
            Prefetch("challenges"),
        )
        .get(pk=pk)
    )


def agency_comparison(*, agency_id: int, user) -> dict[str, Any]:
    """An agency's self-assessments across cycles, standard by standard (three queries)."""
    assessments = list(
        assessments_for(user).filter(agency_id=agency_id).order_by("cycle__kind", "cycle__opens_on")
    )
    answers = StandardAnswer.objects.filter(assessment__in=[a.pk for a in assessments]).select_related(
        "standard"
    )
    by_cell = {(answer.assessment_id, answer.standard_id): answer for answer in answers}
    standards = sorted({answer.standard for answer in by_cell.values()}, key=lambda s: (s.kind, s.number))
    rows = []
    for standard in standards:
        cells = []
        for assessment in assessments:
            answer = by_cell.get((assessment.pk, standard.pk))
            cells.append(_cell(assessment.cycle.rating_scale, answer) if answer else None)
        rows.append({"standard": standard, "cells": cells})
    return {"assessments": assessments, "rows": rows}


def single_audits_for(user) -> QuerySet:
    return _narrow(
        SingleAgencyAudit.objects.select_related("agency", "group", "escalation_action"),
        visible_single_audits(user),
    )


def indicators_with_values() -> list[Indicator]:
    """Every indicator with its values, oldest quarter first: two queries."""
    return list(
        Indicator.objects.prefetch_related(
            Prefetch("values", queryset=IndicatorValue.objects.order_by("quarter_start"))
        )
    )


def indicator_rag(indicator: Indicator, value) -> Rag:
    return rules.indicator_rag(
        value=value,
        polarity=indicator.polarity,
        green_threshold=indicator.green_threshold,
        red_threshold=indicator.red_threshold,
    )


# For the dashboards and reports -----------------------------------------------------


def programme_progress(*, year: int, today: datetime.date | None = None) -> dict[str, Any]:
    """The year's programmes (every owning group): planned, in progress, completed, overdue
    (planned or in progress after their target month) and cancelled audits. One query."""
    today = today or timezone.localdate()
    this_month = today.replace(day=1)
    open_statuses = [AuditStatus.PLANNED, AuditStatus.IN_PROGRESS]
    counts = CaseAudit.objects.filter(programme__year=year).aggregate(
        total=Count("pk"),
        planned=Count("pk", filter=Q(status=AuditStatus.PLANNED)),
        in_progress=Count("pk", filter=Q(status=AuditStatus.IN_PROGRESS)),
        completed=Count("pk", filter=Q(status=AuditStatus.COMPLETED)),
        cancelled=Count("pk", filter=Q(status=AuditStatus.CANCELLED)),
        overdue=Count("pk", filter=Q(status__in=open_statuses, target_month__lt=this_month)),
    )
    return {"year": year, "year_label": rules.financial_year_label(year), **counts}


def _cell(scale: str, answer: StandardAnswer) -> dict[str, Any]:
    """A heat map cell: the moderated rating when there is one, else the agency's own."""
    value = answer.moderated_rating or answer.rating
    label, colour = rules.rating_display(scale, value)
    return {
        "rating": value,
        "label": label,
        "colour": colour,
        "moderated": bool(answer.moderated_rating),
        "self_rating": answer.rating,
    }


def section11_heatmap(*, cycle: AssessmentCycle | None = None) -> dict[str, Any]:
    """Agencies by standards of a cycle (by default the latest opened), each cell the moderated
    rating or else the self-rating, with its label (never colour alone). Three queries."""
    if cycle is None:
        cycle = AssessmentCycle.objects.order_by("-opens_on", "-pk").first()
    if cycle is None:
        return {"cycle": None, "standards": [], "rows": [], "scale": []}
    standards = list(Standard.objects.filter(answers__assessment__cycle=cycle).distinct().order_by("number"))
    answers = StandardAnswer.objects.filter(assessment__cycle=cycle).select_related("assessment__agency")
    by_assessment: dict[int, dict[int, StandardAnswer]] = defaultdict(dict)
    assessments = {}
    for answer in answers:
        by_assessment[answer.assessment_id][answer.standard_id] = answer
        assessments[answer.assessment_id] = answer.assessment
    rows = []
    for assessment in sorted(assessments.values(), key=lambda a: a.agency.name):
        answers_of = by_assessment[assessment.pk]
        rows.append(
            {
                "agency": assessment.agency.label,
                "agency_id": assessment.agency_id,
                "assessment_id": assessment.pk,
                "status": assessment.get_status_display(),
                "cells": [
                    _cell(cycle.rating_scale, answers_of[standard.pk]) if standard.pk in answers_of else None
                    for standard in standards
                ],
            }
        )
    return {
        "cycle": cycle,
        "standards": [{"number": s.number, "title": s.title} for s in standards],
        "rows": rows,
        "scale": [{"value": v, "label": label, "colour": colour} for v, label, colour, _ in cycle.ratings],
    }


def scorecard_latest() -> list[dict[str, Any]]:
    """Each active indicator's latest quarter: value, RAG, the quarter before, target and
    commentary. Two queries."""
    result = []
    for indicator in indicators_with_values():
        if not indicator.active:
            continue
        values = list(indicator.values.all())
        latest = values[-1] if values else None
        previous = values[-2] if len(values) > 1 else None
        result.append(
            {
                "indicator": indicator.name,
                "code": indicator.code,
                "unit": indicator.unit,
                "polarity": indicator.get_polarity_display(),
                "target": indicator.target,
                "quarter": latest.quarter if latest else None,
                "value": latest.value if latest else None,
                "rag": indicator_rag(indicator, latest.value).value if latest else None,
                "previous_quarter": previous.quarter if previous else None,
                "previous_value": previous.value if previous else None,
                "commentary": latest.commentary if latest else "",
                "url": indicator.get_absolute_url(),
            }
        )
    return result


def _audits_summary(audits: QuerySet, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    completed = list(
        audits.filter(status=AuditStatus.COMPLETED, completed_on__range=(start, end))
        .select_related("grade", "original__grade", "programme__group")
        .prefetch_related(
            Prefetch("recommendations", queryset=Recommendation.objects.select_related("action"))
        )
        .order_by("completed_on", "pk")
    )
    return {
        "audits_completed": [
            {
                "theme": audit.theme,
                "group": audit.programme.group.label,
                "completed_on": audit.completed_on,
                "grade": audit.grade.name if audit.grade else "",
                "strengths": audit.strengths,
                "areas_for_improvement": audit.areas_for_improvement,
                "url": audit.get_absolute_url(),
            }
            for audit in completed
        ],
        "voice_of_the_child": [
            {
                "theme": audit.theme,
                "captured": audit.get_voice_of_child_display(),
                "how": audit.voice_of_child_how,
            }
            for audit in completed
        ],
        "reaudits_compared": [
            {
                "theme": audit.theme,
                "original_grade": audit.original.grade.name
                if audit.original and audit.original.grade
                else "",
                "grade": audit.grade.name if audit.grade else "",
                "what_changed": audit.strengths,
                "still_to_improve": audit.areas_for_improvement,
                "url": audit.get_absolute_url(),
            }
            for audit in completed
            if audit.original_id
        ],
        "recommendations": [
            {
                "audit": audit.theme,
                "number": recommendation.number,
                "text": recommendation.text,
                "action_number": recommendation.action.number if recommendation.action else None,
                "action_status": recommendation.action.get_status_display() if recommendation.action else "",
                "action_due": recommendation.action.due_date if recommendation.action else None,
            }
            for audit in completed
            for recommendation in audit.recommendations.all()
        ],
    }


def period_summary(*, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """For the yearly report: the audits completed between `start` and `end` (inclusive) with
    their findings, voice-of-the-child notes, the re-audits among them against their originals,
    their recommendations and the actions' state; single-agency audits reviewed and
    self-assessments moderated in the period. Four queries."""
    summary = _audits_summary(CaseAudit.objects.all(), start, end)
    summary["single_agency_audits_reviewed"] = SingleAgencyAudit.objects.filter(
        reviewed_on__range=(start, end)
    ).count()
    summary["self_assessments_moderated"] = SelfAssessment.objects.filter(
        moderated_at__date__range=(start, end)
    ).count()
    return summary


def group_period_summary(*, group: Group, start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """For a subgroup's highlight report: `period_summary` limited to the group's programmes,
    its reviews of single-agency audits and its cycles' moderation, with the audits still
    planned or in progress. Five queries."""
    summary = _audits_summary(CaseAudit.objects.filter(programme__group=group), start, end)
    summary["single_agency_audits_reviewed"] = SingleAgencyAudit.objects.filter(
        group=group, reviewed_on__range=(start, end)
    ).count()
    summary["self_assessments_moderated"] = SelfAssessment.objects.filter(
        cycle__group=group, moderated_at__date__range=(start, end)
    ).count()
    summary["audits_under_way"] = [
        {"theme": audit.theme, "status": audit.get_status_display(), "target_month": audit.target_month}
        for audit in CaseAudit.objects.filter(
            programme__group=group,
            status__in=[AuditStatus.PLANNED, AuditStatus.IN_PROGRESS],
            target_month__lte=end,
        ).order_by("target_month")
    ]
    return summary
