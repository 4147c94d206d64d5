import datetime
import importlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits import services
from audits.choices import SingleAuditStatus
from audits.models import SingleAgencyAudit
from audits.tests.factories import (
    CaseAuditFactory,
    ProgrammeFactory,
    SingleAuditFactory,
    default_standards,
    grades,
)
from governance.models import Action
from governance.tests.factories import AgencyFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_meetings import MeetingFactory

D = datetime.date
pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _person_user(username, *, agency=None, group=None):
    user = UserFactory(username=username)
    person = PersonFactory(user=user, **({"agency": agency} if agency else {}))
    if group is not None:
        MembershipFactory(person=person, group=group)
    return user


def test_an_agency_user_submits_a_single_agency_audit_for_their_own_agency_only(client):
    quality = ProgrammeFactory().group
    mine, theirs = AgencyFactory(name="Wye Valley NHS Trust"), AgencyFactory(name="West Mercia Police")
    client.force_login(_person_user("midwife-lead", agency=mine))
    data = {
        "agency": theirs.pk,
        "group": quality.pk,
        "topic": "Routine enquiry at booking",
        "audit_date": "2025-05-01",
        "findings": "41 of 50 records",
        "issues_to_escalate": "",
    }
    response = client.post(reverse("audits:single_create"), data)
    assert response.status_code == 200  # not a choice for them
    assert not SingleAgencyAudit.objects.exists()
    response = client.post(reverse("audits:single_create"), {**data, "agency": mine.pk})
    assert response.status_code == 302
    assert SingleAgencyAudit.objects.get().agency == mine


def test_a_qe_member_reviews_challenges_and_escalates_a_single_agency_audit_into_the_groups_log(client):
    audit = SingleAuditFactory(issues_to_escalate="Health staffing at the MASH")
    member = _person_user("qe-member", group=audit.group)
    client.force_login(member)
    response = client.post(
        reverse("audits:single_review", args=[audit.pk]),
        {"review_comments": "A good audit", "challenge": "How were the 9 missed followed up?"},
    )
    assert response.status_code == 302
    owner = PersonFactory()
    response = client.post(
        reverse("audits:single_escalate", args=[audit.pk]),
        {"text": "Review MASH health staffing", "owners": [owner.pk]},
    )
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.status == SingleAuditStatus.REVIEWED
    assert audit.escalation_action.group == audit.group
    assert Action.objects.filter(group=audit.group).count() == 1


def test_someone_of_another_agency_outside_the_group_cannot_open_a_single_agency_audit(client):
    audit = SingleAuditFactory()
    client.force_login(_person_user("stranger"))
    assert client.get(audit.get_absolute_url()).status_code == 403


def test_evidence_is_downloaded_by_its_agency_and_refused_to_another_agency(client):
    default_standards(count=1)
    police, health = AgencyFactory(), AgencyFactory()
    cycle = services.cycle_open(
        kind="section_11",
        name="S11",
        frequency="annual",
        rating_scale="rag",
        group=ProgrammeFactory().group,
        opens_on=D(2025, 4, 1),
        due_on=D(2025, 6, 30),
        agencies=[police, health],
    )
    answer = cycle.assessments.get(agency=police).answers.get()
    client.force_login(_person_user("police-lead", agency=police))
    response = client.post(
        reverse("audits:evidence_upload", args=[answer.pk]), {"file": SimpleUploadedFile("policy.pdf", PDF)}
    )
    assert response.status_code == 302
    evidence = answer.files.get()
    response = client.get(reverse("audits:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(_person_user("health-lead", agency=health))
    assert client.get(reverse("audits:evidence_download", args=[evidence.pk])).status_code == 403


def test_the_comparison_across_cycles_shows_each_cycles_rating_for_an_agency(client, secretariat):
    default_standards(count=2)
    police = AgencyFactory(name="West Mercia Police")
    group = ProgrammeFactory().group
    for year, rating in ((2023, "amber"), (2025, "green")):
        cycle = services.cycle_open(
            kind="section_11",
            name=f"Section 11 {year}",
            frequency="two_yearly",
            rating_scale="rag",
            group=group,
            opens_on=D(year, 4, 1),
            due_on=D(year, 6, 30),
            agencies=[police],
        )
        assessment = cycle.assessments.get()
        services.assessment_answers_save(
            assessment=assessment,
            changes=[services.AnswerChange(a, rating, "", "") for a in assessment.answers.all()],
        )
    client.force_login(secretariat)
    page = client.get(reverse("audits:agency_comparison", args=[police.pk])).content.decode()
    assert page.index("Section 11 2023") < page.index("Section 11 2025")
    assert "Amber: partly met" in page and "Green: met" in page


def test_the_audit_report_is_attached_as_a_paper_to_a_meeting_of_the_group(client, secretariat):
    audit = CaseAuditFactory()
    meeting = MeetingFactory(group=audit.programme.group)
    client.force_login(secretariat)
    response = client.post(
        reverse("audits:report_attach", args=[audit.pk]),
        {
            "meeting": meeting.pk,
            "title": "Neglect audit report",
            "file": SimpleUploadedFile("report.pdf", PDF),
        },
    )
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.report_paper.title == "Neglect audit report"
    assert audit.report_paper.agenda_item.meeting == meeting


def test_the_side_by_side_page_compares_a_reaudit_with_its_original(client, partner):
    good, requires = grades()[1], grades()[2]
    original = CaseAuditFactory(grade=requires, strengths="Timely strategy meetings")
    reaudit = services.case_audit_schedule_reaudit(original=original, target_month=D(2026, 1, 1))
    reaudit.grade = good
    reaudit.save()
    client.force_login(partner)
    page = client.get(reverse("audits:audit_compare", args=[reaudit.pk])).content.decode()
    assert "Requires improvement" in page and "Good" in page and "Timely strategy meetings" in page


def test_the_default_standards_are_the_issues_nine_for_both_kinds():
    migration = importlib.import_module("audits.migrations.0002_default_standards_and_grades")
    titles = [title for title, _ in migration.STANDARDS]
    assert titles[0] == "Senior leadership and accountability"
    assert titles[-1] == "Supervision"
    assert len(titles) == 9
    assert migration.GRADES == ["Outstanding", "Good", "Requires improvement", "Inadequate"]


def test_a_new_cycle_is_offered_a_year_or_two_after_the_last_one_on_its_scale(client, secretariat):
    default_standards(count=1)
    services.cycle_open(
        kind="section_11",
        name="S11 2024",
        frequency="two_yearly",
        rating_scale="zero_to_three",
        group=ProgrammeFactory().group,
        opens_on=D(2024, 6, 1),
        due_on=D(2024, 9, 30),
        agencies=[AgencyFactory()],
    )
    client.force_login(secretariat)
    form = client.get(reverse("audits:cycle_create")).context["form"]
    assert form.initial["opens_on"] == D(2026, 6, 1)
    assert form.initial["rating_scale"] == "zero_to_three"


def test_a_moderator_from_the_agency_itself_may_not_moderate_its_self_assessment(client):
    default_standards(count=1)
    police = AgencyFactory()
    group = ProgrammeFactory().group
    cycle = services.cycle_open(
        kind="section_11",
        name="S11",
        frequency="annual",
        rating_scale="rag",
        group=group,
        opens_on=D(2025, 4, 1),
        due_on=D(2025, 6, 30),
        agencies=[police, AgencyFactory()],
    )
    client.force_login(_person_user("police-on-qe", agency=police, group=group))
    own = cycle.assessments.get(agency=police)
    other = cycle.assessments.exclude(agency=police).get()
    assert client.get(reverse("audits:assessment_moderate", args=[own.pk])).status_code == 403
    assert client.get(reverse("audits:assessment_moderate", args=[other.pk])).status_code == 200


def test_a_partner_reads_an_audit_without_any_way_to_change_it(client, partner):
    audit = CaseAuditFactory()
    client.force_login(partner)
    page = client.get(audit.get_absolute_url()).content.decode()
    assert "Record findings and grade" not in page and "Raise a recommendation" not in page
    assert client.get(reverse("audits:audit_edit", args=[audit.pk])).status_code == 403
