import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from audits import services
from audits.choices import AssessmentStatus, AuditStatus
from audits.models import AssessmentCycle, CaseAudit, EvidenceFile, IndicatorValue, StandardAnswer
from audits.services import AnswerChange, Moderation, ScorecardImportError
from audits.tests.factories import (
    CaseAuditFactory,
    IndicatorFactory,
    ProgrammeFactory,
    ReturnFactory,
    SingleAuditFactory,
    ValueFactory,
    default_standards,
    grades,
)
from core.imports import read_table
from governance.choices import ActionSource
from governance.models import Action
from governance.tests.factories import AgencyFactory, PersonFactory
from governance.tests.factories_meetings import MeetingFactory
from notifications.models import Notification

D = datetime.date
pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


FIRST_OPENING = D(2024, 4, 1)


def _open_cycle(agencies, *, opens_on=FIRST_OPENING, name="Section 11 2024", group=None):
    return services.cycle_open(
        kind="section_11",
        name=name,
        frequency="annual",
        rating_scale="rag",
        group=group or ProgrammeFactory().group,
        opens_on=opens_on,
        due_on=opens_on + datetime.timedelta(days=90),
        agencies=agencies,
    )


def _answer_all(assessment, rating="green", evidence="Board minutes, March"):
    services.assessment_answers_save(
        assessment=assessment,
        changes=[AnswerChange(answer, rating, evidence, "") for answer in assessment.answers.all()],
    )


def test_carrying_forward_copies_answers_and_evidence_but_not_the_moderated_rating():
    default_standards(count=3)
    agency = AgencyFactory(name="West Mercia Police")
    first = _open_cycle([agency]).assessments.get()
    _answer_all(first, rating="amber", evidence="Supervision policy 2023")
    answer = first.answers.first()
    EvidenceFile.objects.create(
        answer=answer,
        file="audits/evidence/x.pdf",
        original_name="policy.pdf",
        content_type="application/pdf",
        size=3,
        uploaded_at=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC),
    )
    services.assessment_submit(assessment=first, user=None)
    services.assessment_moderate(
        assessment=first,
        moderations=[Moderation(a, "red", "Policy not yet in use") for a in first.answers.all()],
        user=None,
    )

    second = _open_cycle([agency], opens_on=D(2025, 4, 1), name="Section 11 2025").assessments.get()

    carried = second.answers.get(standard=answer.standard)
    assert second.carried_from == first
    assert (carried.rating, carried.evidence, carried.carried_forward) == (
        "amber",
        "Supervision policy 2023",
        True,
    )
    assert carried.moderated_rating == ""
    assert carried.moderation_comments == ""
    assert [f.original_name for f in carried.files.all()] == ["policy.pdf"]


def test_carried_forward_answers_must_be_confirmed_before_submitting():
    default_standards(count=2)
    agency = AgencyFactory()
    _answer_all(_open_cycle([agency]).assessments.get())
    second = _open_cycle([agency], opens_on=D(2025, 4, 1), name="2025").assessments.get()
    with pytest.raises(ValidationError, match="Confirm or change"):
        services.assessment_submit(assessment=second, user=None)
    _answer_all(second)  # saved: confirmed
    assert services.assessment_submit(assessment=second, user=None).status == AssessmentStatus.SUBMITTED


def test_a_self_assessment_with_an_unrated_standard_cannot_be_submitted_and_stays_a_draft():
    default_standards(count=2)
    assessment = _open_cycle([AgencyFactory()]).assessments.get()
    with pytest.raises(ValidationError, match="Rate every standard"):
        services.assessment_submit(assessment=assessment, user=None)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_moderation_needs_a_submitted_assessment_and_every_standard_rated_and_saves_nothing_otherwise():
    default_standards(count=2)
    assessment = _open_cycle([AgencyFactory()]).assessments.get()
    answers = list(assessment.answers.all())
    with pytest.raises(ValidationError, match="submitted"):
        services.assessment_moderate(assessment=assessment, moderations=[], user=None)
    _answer_all(assessment)
    services.assessment_submit(assessment=assessment, user=None)
    with pytest.raises(ValidationError, match="standard 2"):
        services.assessment_moderate(
            assessment=assessment,
            moderations=[Moderation(answers[0], "red", "x"), Moderation(answers[1], "", "")],
            user=None,
        )
    assert not StandardAnswer.objects.exclude(moderated_rating="").exists()


def test_a_rating_off_the_cycles_scale_is_refused():
    default_standards(count=1)
    assessment = _open_cycle([AgencyFactory()]).assessments.get()
    with pytest.raises(ValidationError, match="not a rating"):
        services.assessment_answers_save(
            assessment=assessment, changes=[AnswerChange(assessment.answers.get(), "3", "", "")]
        )


def test_a_reaudit_links_to_exactly_one_original_and_a_second_is_refused():
    lead = PersonFactory()
    original = CaseAuditFactory(target_month=D(2025, 6, 1), lead=lead)
    reaudit = services.case_audit_schedule_reaudit(original=original, target_month=D(2026, 3, 15))
    assert reaudit.original == original
    assert reaudit.target_month == D(2026, 3, 1)
    assert reaudit.lead == lead
    assert list(original.reaudits.all()) == [reaudit]
    assert reaudit.programme.year == 2025
    with pytest.raises(ValidationError, match="already scheduled"):
        services.case_audit_schedule_reaudit(original=original, target_month=D(2026, 6, 1))
    with pytest.raises(ValidationError, match="This is a re-audit"):
        services.case_audit_schedule_reaudit(original=reaudit, target_month=D(2026, 9, 1))


def test_a_reaudit_in_a_later_year_goes_in_that_years_programme_of_the_same_group():
    original = CaseAuditFactory(target_month=D(2025, 6, 1))
    reaudit = services.case_audit_schedule_reaudit(original=original, target_month=D(2026, 5, 1))
    assert (reaudit.programme.group, reaudit.programme.year) == (original.programme.group, 2026)


def test_a_reaudit_before_its_original_is_refused():
    original = CaseAuditFactory(target_month=D(2025, 6, 1))
    with pytest.raises(ValidationError):
        services.case_audit_schedule_reaudit(original=original, target_month=D(2025, 6, 1))
    assert not CaseAudit.objects.filter(original=original).exists()


def test_recommendations_become_numbered_actions_in_the_owning_groups_log_with_the_audit_as_origin():
    audit = CaseAuditFactory(theme="Neglect: the voice of the child")
    owner = PersonFactory()
    first = services.recommendation_raise(
        audit=audit, text="Use the chronology template", owners=[owner], recorded_by=None
    )
    second = services.recommendation_raise(
        audit=audit, text="Record the child's words", owners=[owner], recorded_by=None
    )
    assert (first.number, second.number) == (1, 2)
    action = Action.objects.get(pk=second.action_id)
    assert action.group == audit.programme.group
    assert action.source == ActionSource.AUDIT
    assert action.source_object == audit
    assert action.source_label == "Neglect: the voice of the child audit, recommendation 2"
    assert list(action.owners.all()) == [owner]


def test_completing_an_audit_needs_its_findings_and_a_grade():
    audit = CaseAuditFactory()
    audit.status = AuditStatus.COMPLETED
    with pytest.raises(ValidationError) as caught:
        services.case_audit_save(audit=audit, today=D(2025, 7, 1))
    assert set(caught.value.error_dict) == {"strengths", "areas_for_improvement", "voice_of_child", "grade"}
    audit.strengths, audit.areas_for_improvement, audit.voice_of_child = "Timely", "Chronologies", "partly"
    audit.grade = grades()[2]
    assert services.case_audit_save(audit=audit, today=D(2025, 7, 1)).completed_on == D(2025, 7, 1)


def test_a_sample_with_a_name_in_it_is_refused():
    audit = CaseAuditFactory()
    audit.sample_references = "HSCP-A-0142\nJane Smith"
    with pytest.raises(ValidationError) as caught:
        services.case_audit_save(audit=audit)
    assert "Line 2" in str(caught.value.error_dict["sample_references"])


def test_a_return_cannot_be_received_after_today_or_before_it_was_requested():
    agency_return = ReturnFactory()
    with pytest.raises(ValidationError):
        services.agency_return_record(
            agency_return=agency_return, received_on=D(2025, 6, 2), findings="", today=D(2025, 6, 1)
        )
    with pytest.raises(ValidationError):
        services.agency_return_record(
            agency_return=agency_return, received_on=D(2025, 4, 30), findings="", today=D(2025, 6, 1)
        )


def test_requesting_a_return_starts_the_audit_and_a_second_request_to_the_same_agency_is_refused():
    audit = CaseAuditFactory()
    agency = AgencyFactory()
    services.agency_return_request(
        audit=audit, agency=agency, requested_on=D(2025, 5, 1), due_on=D(2025, 5, 20)
    )
    audit.refresh_from_db()
    assert audit.status == AuditStatus.IN_PROGRESS
    with pytest.raises(ValidationError, match="already been asked"):
        services.agency_return_request(
            audit=audit, agency=agency, requested_on=D(2025, 5, 1), due_on=D(2025, 5, 20)
        )


def test_chasing_a_late_return_counts_it_and_tells_its_contact():
    contact = PersonFactory()
    agency_return = ReturnFactory(contact=contact, agency=contact.agency)
    chased = services.agency_return_chase(agency_return=agency_return, today=D(2025, 5, 25))
    assert (chased.chased_on, chased.chase_count) == (D(2025, 5, 25), 1)
    notification = Notification.objects.get(kind="audit_return_chased")
    assert notification.recipient == contact
    assert agency_return.audit.theme in notification.subject


def test_a_return_not_yet_due_or_already_received_cannot_be_chased():
    agency_return = ReturnFactory()
    with pytest.raises(ValidationError):
        services.agency_return_chase(agency_return=agency_return, today=D(2025, 5, 20))  # due today
    services.agency_return_record(
        agency_return=agency_return, received_on=D(2025, 5, 20), findings="x", today=D(2025, 6, 1)
    )
    with pytest.raises(ValidationError):
        services.agency_return_chase(agency_return=agency_return, today=D(2025, 6, 1))


def test_the_report_goes_on_a_meeting_of_the_owning_group_as_a_paper_under_its_own_item(secretariat):
    audit = CaseAuditFactory(theme="Neglect")
    meeting = MeetingFactory(group=audit.programme.group)
    services.case_audit_report_attach(
        audit=audit,
        meeting=meeting,
        uploaded_file=SimpleUploadedFile("report.pdf", PDF),
        title="",
        submitted_by=secretariat,
    )
    audit.refresh_from_db()
    assert audit.report_paper.agenda_item.meeting == meeting
    assert audit.report_paper.agenda_item.title == "Multi-agency audit report: Neglect"
    other = MeetingFactory()
    with pytest.raises(ValidationError):
        services.case_audit_report_attach(
            audit=audit,
            meeting=other,
            uploaded_file=SimpleUploadedFile("r.pdf", PDF),
            title="",
            submitted_by=secretariat,
        )


def test_an_escalation_from_a_single_agency_audit_becomes_one_action_in_the_reviewing_groups_log():
    audit = SingleAuditFactory(issues_to_escalate="Health staffing at the MASH")
    action = services.single_audit_escalate(
        audit=audit, description="Review MASH health staffing", owners=[PersonFactory()], recorded_by=None
    )
    assert action.group == audit.group
    assert action.lead_agency == audit.agency
    with pytest.raises(ValidationError):
        services.single_audit_escalate(
            audit=audit, description="again", owners=[PersonFactory()], recorded_by=None
        )


def _table(text: str):
    return read_table(SimpleUploadedFile("values.csv", text.encode()))


def test_an_import_with_a_duplicate_indicator_quarter_row_is_rejected_whole():
    IndicatorFactory(code="CONTACT_REFERRAL")
    IndicatorFactory(code="S47_NFA")
    table = _table(
        "indicator,quarter,value,commentary\n"
        "CONTACT_REFERRAL,2019/20 Q2,24,What happened to the other 76%?\n"
        "S47_NFA,2019/20 Q2,51,\n"
        "contact_referral,2019/20 Q2,25,\n"
    )
    with pytest.raises(ScorecardImportError) as caught:
        services.scorecard_import(table=table)
    assert [(e.row, "also on row 2" in e.reason) for e in caught.value.row_errors] == [(4, True)]
    assert not IndicatorValue.objects.exists()


def test_an_import_reports_each_bad_row_by_number_and_reason_and_saves_nothing():
    IndicatorFactory(code="CONTACT_REFERRAL")
    table = _table(
        "indicator,quarter,value,commentary\n"
        "CONTACT_REFERRAL,2019/20 Q1,30,\n"
        "UNKNOWN,2019/20 Q2,24,\n"
        "CONTACT_REFERRAL,Q2 2019,24,\n"
        "CONTACT_REFERRAL,2019/20 Q3,lots,\n"
    )
    with pytest.raises(ScorecardImportError) as caught:
        services.scorecard_import(table=table)
    errors = caught.value.row_errors
    assert [e.row for e in errors] == [3, 4, 5]
    assert "UNKNOWN" in errors[0].reason
    assert "not a quarter" in errors[1].reason
    assert "not a number" in errors[2].reason
    assert not IndicatorValue.objects.exists()


def test_a_good_import_saves_every_row_and_replaces_a_value_already_recorded():
    indicator = IndicatorFactory(code="CONTACT_REFERRAL")
    ValueFactory(indicator=indicator, quarter_start=D(2019, 7, 1), value=Decimal("20"))
    services.scorecard_import(
        table=_table("Indicator,Quarter,Value,Commentary\nCONTACT_REFERRAL,2019/20 Q2,24%,Q2 figure\n")
    )
    value = IndicatorValue.objects.get()
    assert (value.value, value.commentary) == (Decimal("24.00"), "Q2 figure")


def test_thresholds_the_wrong_way_round_are_refused_on_the_indicator():
    indicator = IndicatorFactory.build(
        polarity="lower", green_threshold=Decimal(40), red_threshold=Decimal(30)
    )
    with pytest.raises(ValidationError, match="red threshold"):
        services.indicator_save(indicator=indicator)


def test_evidence_must_be_a_document_and_is_refused_once_moderated():
    default_standards(count=1)
    assessment = _open_cycle([AgencyFactory()]).assessments.get()
    answer = assessment.answers.get()
    with pytest.raises(ValidationError):
        services.evidence_add(answer=answer, uploaded_file=SimpleUploadedFile("x.exe", b"MZ\x90"), user=None)
    evidence = services.evidence_add(
        answer=answer, uploaded_file=SimpleUploadedFile("policy.pdf", PDF), user=None
    )
    assert evidence.content_type == "application/pdf"


def test_an_empty_cycle_is_refused_and_nothing_is_opened():
    default_standards(count=1)
    with pytest.raises(ValidationError):
        _open_cycle([])
    assert not AssessmentCycle.objects.exists()


def test_recording_a_return_after_it_was_chased_keeps_the_chase():
    agency_return = ReturnFactory()
    services.agency_return_chase(agency_return=agency_return, today=D(2025, 5, 25))
    services.agency_return_record(
        agency_return=agency_return, received_on=D(2025, 5, 27), findings="x", today=D(2025, 6, 1)
    )
    agency_return.refresh_from_db()
    assert (agency_return.chase_count, agency_return.received_on) == (1, D(2025, 5, 27))
