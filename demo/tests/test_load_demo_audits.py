"""The demo's audits (demo/scenarios/audits.py): the year's programme, the completed neglect audit
with three returns (the police's late and chased), two recommendations in the Q&E action log, its
re-audit; a section 11 cycle carried forward with one return moderated; the scorecard."""

import time

import pytest

from audits import selectors
from audits.choices import AssessmentStatus, AuditStatus
from audits.models import AgencyReturn, AuditProgramme, CaseAudit, Indicator, IndicatorValue, SelfAssessment
from audits.rules import return_status
from demo.tests.test_load_demo import demo_media_root, load_demo, loaded_once_per_class  # noqa: F401  (a fixture)
from governance.models import Action

herefordshire_audits_once = loaded_once_per_class()


def audit_counts() -> dict[str, int]:
    models = (AuditProgramme, CaseAudit, AgencyReturn, SelfAssessment, Indicator, IndicatorValue, Action)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
@pytest.mark.usefixtures("herefordshire_audits_once")
class TestHerefordshireAudits:
    def test_the_completed_audit_has_three_returns_one_late_and_chased_and_two_actions(self):
        audit = CaseAudit.objects.get(status=AuditStatus.COMPLETED)
        assert audit.programme.group.name == "Quality & Effectiveness Group"
        returns = list(audit.returns.all())
        assert len(returns) == 3
        late = [
            r
            for r in returns
            if return_status(due_on=r.due_on, received_on=r.received_on, today=r.received_on)
            == "received_late"
        ]
        assert [r.agency.short_name for r in late] == ["West Mercia Police"]
        assert late[0].chase_count == 1
        actions = [r.action for r in audit.recommendations.all()]
        assert len(actions) == 2 and all(a.group == audit.programme.group for a in actions)
        assert audit.reaudits.count() == 1

    def test_a_section_11_cycle_was_carried_forward_and_one_return_moderated(self):
        current = SelfAssessment.objects.filter(carried_from__isnull=False)
        assert current.exists()
        assert (
            SelfAssessment.objects.filter(
                status=AssessmentStatus.MODERATED, carried_from__isnull=False
            ).count()
            == 1
        )
        assert selectors.section11_heatmap()["rows"]

    def test_the_scorecard_holds_seed_003s_figures(self):
        latest = {row["code"]: row for row in selectors.scorecard_latest()}
        assert IndicatorValue.objects.filter(indicator__code="CONTACT_REFERRAL", value=24).exists()
        assert IndicatorValue.objects.filter(indicator__code="S47_NFA", value=51).exists()
        assert latest["S47_NFA"]["rag"] == "amber"

    def test_a_second_run_adds_no_audit_record_and_is_quick(self):
        before = audit_counts()
        started = time.monotonic()
        load_demo()
        assert audit_counts() == before
        assert time.monotonic() - started < 60
