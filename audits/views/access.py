"""Fetch-and-check helpers for the audits pages: 404 when there is no such record, 403 when the
user may not do this with it (audits/permissions.py)."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.urls import reverse_lazy

from audits import selectors
from audits.models import (
    AgencyReturn,
    AssessmentCycle,
    AuditProgramme,
    CaseAudit,
    EvidenceFile,
    Indicator,
    SelfAssessment,
    SingleAgencyAudit,
    StandardAnswer,
)
from governance.views.access import check_perm

AUDITS_CRUMB = ("Audits", reverse_lazy("audits:home"))
SCORECARD_CRUMB = ("Scorecard", reverse_lazy("audits:scorecard"))


def fetch(read: Callable[[], Any]):
    try:
        return read()
    except ObjectDoesNotExist:
        raise Http404 from None


def programme_for(request, pk: int, perm: str = "audits.view_programme") -> AuditProgramme:
    programme = fetch(lambda: selectors.programme_with_audits(pk))
    check_perm(request.user, perm, programme)
    return programme


def audit_for(request, pk: int, perm: str = "audits.view_audit") -> CaseAudit:
    audit = fetch(lambda: selectors.audit_with_details(pk))
    check_perm(request.user, perm, audit)
    return audit


def return_for_edit(request, pk: int) -> AgencyReturn:
    agency_return = fetch(
        lambda: AgencyReturn.objects.select_related("audit__programme__group", "agency").get(pk=pk)
    )
    check_perm(request.user, "audits.edit_audit", agency_return.audit)
    return agency_return


def cycle_for(request, pk: int) -> AssessmentCycle:
    cycle = fetch(lambda: AssessmentCycle.objects.select_related("group").get(pk=pk))
    check_perm(request.user, "audits.view_cycle", cycle)
    return cycle


def assessment_for(request, pk: int, perm: str = "audits.view_assessment") -> SelfAssessment:
    assessment = fetch(lambda: selectors.assessment_with_answers(pk))
    check_perm(request.user, perm, assessment)
    return assessment


def answer_for(request, pk: int, perm: str = "audits.view_assessment") -> StandardAnswer:
    answer = fetch(
        lambda: StandardAnswer.objects.select_related(
            "assessment__cycle", "assessment__agency", "standard"
        ).get(pk=pk)
    )
    check_perm(request.user, perm, answer.assessment)
    return answer


def evidence_for_view(request, pk: int) -> EvidenceFile:
    evidence = fetch(lambda: EvidenceFile.objects.select_related("answer__assessment__cycle").get(pk=pk))
    check_perm(request.user, "audits.view_assessment", evidence.answer.assessment)
    return evidence


def single_audit_for(request, pk: int, perm: str = "audits.view_single_audit") -> SingleAgencyAudit:
    audit = fetch(
        lambda: SingleAgencyAudit.objects.select_related("agency", "group", "escalation_action").get(pk=pk)
    )
    check_perm(request.user, perm, audit)
    return audit


def indicator_for(request, pk: int, perm: str = "audits.view_scorecard") -> Indicator:
    check_perm(request.user, perm)
    return fetch(lambda: Indicator.objects.get(pk=pk))
