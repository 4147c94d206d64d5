"""The audits' fields over people and meetings are type-ahead fields (issue 16): an audit's lead,
a return's contact, a recommendation's owners, a re-audit's lead, a section 11 lead, the moderation
meeting and a challenge session's meeting. Each refuses an id outside what it offers; the
endpoints of the audits answer from the same querysets, to those who may change the record."""

import datetime

import pytest
from django.urls import reverse

from audits import services
from audits.forms import (
    AuditForm,
    AuditPlanForm,
    ChallengeForm,
    EscalateForm,
    LeadForm,
    ReauditForm,
    RecommendationForm,
    ReturnRequestForm,
)
from audits.models import SelfAssessment
from audits.tests.factories import CaseAuditFactory, ProgrammeFactory, default_standards
from governance.tests.factories import AgencyFactory, GroupFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import MeetingFactory, london

pytestmark = pytest.mark.django_db

REFUSED = "cannot be chosen here"
D = datetime.date


@pytest.fixture
def assessment():
    default_standards(count=2)
    police, health = AgencyFactory(name="West Mercia Police"), AgencyFactory(name="Wye Valley NHS Trust")
    services.cycle_open(
        kind="section_11",
        name="Section 11 2025",
        frequency="annual",
        rating_scale="rag",
        group=ProgrammeFactory().group,
        opens_on=D(2025, 4, 1),
        due_on=D(2025, 6, 30),
        agencies=[police, health],
    )
    return SelfAssessment.objects.get(agency=police)


def offered(client, name, pk, query):
    response = client.get(reverse(name, args=[pk]), {"q": query})
    assert response.status_code == 200
    return [row["text"] for row in response.json()["results"]]


PEOPLE_FIELDS = {
    "audit plan's lead": (lambda audit, data: AuditPlanForm(data), "lead"),
    "audit's lead": (lambda audit, data: AuditForm(data, instance=audit), "lead"),
    "return's contact": (lambda audit, data: ReturnRequestForm(data), "contact"),
    "recommendation's owners": (lambda audit, data: RecommendationForm(data), "owners"),
    "escalation's owners": (lambda audit, data: EscalateForm(data), "owners"),
    "re-audit's lead": (lambda audit, data: ReauditForm(data), "lead"),
}


@pytest.mark.parametrize("which", list(PEOPLE_FIELDS))
def test_each_people_field_refuses_an_inactive_person_and_renders_no_one_else(which):
    form_for, field = PEOPLE_FIELDS[which]
    audit = CaseAuditFactory()
    gone = PersonFactory(name="Gareth Gone", active=False)
    here = PersonFactory(name="Gareth Here")

    refused = form_for(audit, {field: str(gone.pk)})
    taken = form_for(audit, {field: str(here.pk)})
    refused.is_valid(), taken.is_valid()

    assert REFUSED in refused.errors[field][0]
    assert field not in taken.errors
    blank = str(form_for(CaseAuditFactory(), None)[field])  # (a ModelForm's clean changed `audit`)
    assert "Gareth Here" not in blank
    assert reverse("governance:active_person_lookup") in blank


def test_the_moderation_meeting_is_one_of_the_programme_groups_meetings(client, admin_user):
    audit = CaseAuditFactory()
    ours = MeetingFactory(group=audit.programme.group, starts_at=london(2025, 6, 12, 10))
    theirs = MeetingFactory(group=GroupFactory(name="Board", short_name="SPB"), starts_at=london(2025, 6, 12))
    client.force_login(admin_user)

    found = offered(client, "audits:audit_meeting_lookup", audit.pk, "12/06/2025")
    refused = AuditForm({"moderation_meeting": theirs.pk}, instance=audit)
    taken = AuditForm({"moderation_meeting": ours.pk}, instance=audit)
    refused.is_valid(), taken.is_valid()

    assert found == [str(ours)]
    assert REFUSED in refused.errors["moderation_meeting"][0]
    assert "moderation_meeting" not in taken.errors


def test_a_section_11_lead_is_someone_of_the_agency_assessed(client, admin_user, assessment):
    ours = PersonFactory(name="Tomasz Ours", agency=assessment.agency)
    theirs = PersonFactory(name="Tomasz Theirs", agency=AgencyFactory(name="Another agency"))
    client.force_login(admin_user)

    found = offered(client, "audits:assessment_lead_lookup", assessment.pk, "tomasz")
    refused = LeadForm({"lead": theirs.pk}, agency=assessment.agency)
    taken = LeadForm({"lead": ours.pk}, agency=assessment.agency)
    refused.is_valid(), taken.is_valid()

    assert [text.split(" (")[0] for text in found] == ["Tomasz Ours"]
    assert REFUSED in refused.errors["lead"][0]
    assert taken.cleaned_data["lead"] == ours


def test_another_agencys_user_gets_no_people_from_the_section_11_lead_lookup(client, assessment):
    user = UserFactory(username="health-lead")
    PersonFactory(user=user, agency=AgencyFactory(name="Somewhere else"))
    client.force_login(user)

    response = client.get(reverse("audits:assessment_lead_lookup", args=[assessment.pk]), {"q": "a"})

    assert response.status_code in (403, 404)


def test_a_challenge_sessions_meeting_is_one_of_the_moderating_groups(client, admin_user, assessment):
    group = assessment.cycle.group
    ours = MeetingFactory(group=group, starts_at=london(2025, 7, 3, 10))
    theirs = MeetingFactory(group=GroupFactory(name="Board", short_name="SPB"), starts_at=london(2025, 7, 3))
    client.force_login(admin_user)

    found = offered(client, "audits:challenge_meeting_lookup", assessment.pk, "jul 2025")
    refused = ChallengeForm({"meeting": theirs.pk}, group=group)
    refused.is_valid()

    assert found == [str(ours)]
    assert REFUSED in refused.errors["meeting"][0]
