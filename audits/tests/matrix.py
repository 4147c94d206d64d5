"""The audits app's part of the permission matrix's world (hscp/tests/test_permission_matrix.py).

The programme, the cycle and the single-agency audit belong to the matrix's "group" (standing for
the Quality & Effectiveness group); the self-assessment and the single-agency audit are those of
the other chair's agency, so the other chair is the agency user. The case audit is a re-audit
(its comparison page needs an original); its return is late and not received (it can be chased).
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from audits import services
from audits.models import AgencyReturn, CaseAudit, EvidenceFile, Indicator
from audits.tests.factories import ProgrammeFactory, SingleAuditFactory, default_standards

SEGMENT_OBJECTS = {
    "audit-programmes": "audit_programme",
    "case-audits": "case_audit",
    "audit-returns": "audit_return",
    "s11-cycles": "s11_cycle",
    "self-assessments": "self_assessment",
    "s11-answers": "s11_answer",
    "s11-evidence": "s11_evidence",
    "s11-agencies": "s11_agency",
    "single-audits": "single_audit",
    "scorecard-indicators": "scorecard_indicator",
}
KWARG_OBJECTS: dict[str, str] = {}


def world_objects(*, users, groups, objects) -> dict:
    group = groups["group"]
    agency = users["other_chair"].person.agency
    programme = ProgrammeFactory(group=group, year=2025)
    original = CaseAudit.objects.create(
        programme=programme,
        theme="Neglect",
        reason="performance_data",
        target_month=datetime.date(2025, 5, 1),
    )
    reaudit = CaseAudit.objects.create(
        programme=programme,
        theme="Neglect",
        reason="performance_data",
        target_month=datetime.date(2025, 11, 1),
        original=original,
    )
    agency_return = AgencyReturn.objects.create(
        audit=reaudit,
        agency=agency,
        requested_on=datetime.date(2025, 5, 1),
        due_on=datetime.date(2025, 5, 20),
    )
    default_standards(count=2)
    cycle = services.cycle_open(
        kind="section_11",
        name="Section 11 2025",
        frequency="annual",
        rating_scale="rag",
        group=group,
        opens_on=datetime.date(2025, 4, 1),
        due_on=datetime.date(2025, 6, 30),
        agencies=[agency],
    )
    assessment = cycle.assessments.get()
    answer = assessment.answers.first()
    evidence = EvidenceFile(
        answer=answer,
        original_name="policy.pdf",
        content_type="application/pdf",
        size=9,
        uploaded_at=timezone.now(),
    )
    evidence.file.save("evidence.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    indicator = Indicator.objects.create(
        code="CONTACT_REFERRAL",
        name="Contacts progressed to referral",
        polarity="higher",
        green_threshold=Decimal(30),
        red_threshold=Decimal(20),
    )
    return {
        "audit_programme": programme,
        "case_audit": reaudit,
        "audit_return": agency_return,
        "s11_cycle": cycle,
        "self_assessment": assessment,
        "s11_answer": answer,
        "s11_evidence": evidence,
        "s11_agency": agency,
        "single_audit": SingleAuditFactory(agency=agency, group=group),
        "scorecard_indicator": indicator,
    }
