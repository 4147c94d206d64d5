import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits import services
from audits.choices import AuditStatus
from audits.models import IndicatorValue, SelfAssessment
from audits.tests.factories import (
    CaseAuditFactory,
    IndicatorFactory,
    ProgrammeFactory,
    ReturnFactory,
    SingleAuditFactory,
    ValueFactory,
    default_standards,
)
from governance.tests.factories import AgencyFactory, PersonFactory, UserFactory

D = datetime.date
pytestmark = pytest.mark.django_db


def _agency_user(agency, username):
    user = UserFactory(username=username)
    PersonFactory(user=user, agency=agency)
    return user


@pytest.fixture
def two_agencies():
    default_standards(count=2)
    police, health = AgencyFactory(name="West Mercia Police"), AgencyFactory(name="Wye Valley NHS Trust")
    cycle = services.cycle_open(
        kind="section_11",
        name="Section 11 2025",
        frequency="annual",
        rating_scale="rag",
        group=ProgrammeFactory().group,
        opens_on=D(2025, 4, 1),
        due_on=D(2025, 6, 30),
        agencies=[police, health],
    )
    return cycle, SelfAssessment.objects.get(agency=police), SelfAssessment.objects.get(agency=health)


def test_an_agency_user_sees_and_edits_only_their_own_agencys_self_assessment(client, two_agencies):
    _, police_assessment, health_assessment = two_agencies
    client.force_login(_agency_user(police_assessment.agency, "police-lead"))
    assert client.get(reverse("audits:assessment_detail", args=[police_assessment.pk])).status_code == 200
    assert client.get(reverse("audits:assessment_edit", args=[police_assessment.pk])).status_code == 200
    assert client.get(reverse("audits:assessment_detail", args=[health_assessment.pk])).status_code == 403
    answer = health_assessment.answers.first()
    response = client.post(
        reverse("audits:assessment_edit", args=[health_assessment.pk]),
        {f"a{answer.pk}-rating": "red", f"a{answer.pk}-evidence": "x", f"a{answer.pk}-action_plan": ""},
    )
    assert response.status_code == 403
    answer.refresh_from_db()
    assert answer.rating == ""
    home = client.get(reverse("audits:home")).content.decode()
    assert "Your agency" in home and "Section 11 2025" in home


def test_an_agency_user_cannot_moderate_their_own_self_assessment(client, two_agencies):
    _, police_assessment, _ = two_agencies
    client.force_login(_agency_user(police_assessment.agency, "police-lead"))
    assert client.get(reverse("audits:assessment_moderate", args=[police_assessment.pk])).status_code == 403


def test_saving_answers_with_a_bad_rating_keeps_what_was_typed_and_saves_nothing(
    client, secretariat, two_agencies
):
    _, assessment, _ = two_agencies
    client.force_login(secretariat)
    first, second = assessment.answers.all()
    data = {
        f"a{first.pk}-rating": "green",
        f"a{first.pk}-evidence": "Named board lead since 2023",
        f"a{first.pk}-action_plan": "",
        f"a{second.pk}-rating": "purple",
        f"a{second.pk}-evidence": "x",
        f"a{second.pk}-action_plan": "",
    }
    response = client.post(reverse("audits:assessment_edit", args=[assessment.pk]), data)
    assert response.status_code == 200
    assert "Named board lead since 2023" in response.content.decode()
    first.refresh_from_db()
    assert first.rating == ""


def _sized_world(size: int):
    programme = ProgrammeFactory()
    for n in range(size):
        audit = CaseAuditFactory(programme=programme, theme=f"Audit {n}")
        for _ in range(size):
            ReturnFactory(audit=audit, contact=PersonFactory())
            services.recommendation_raise(
                audit=audit, text="Do it", owners=[PersonFactory()], recorded_by=None
            )
        SingleAuditFactory(group=programme.group)
        indicator = IndicatorFactory()
        ValueFactory(indicator=indicator, quarter_start=D(2019, 4, 1))
        ValueFactory(indicator=indicator, quarter_start=D(2019, 7, 1))
    default_standards(count=3)
    cycle = services.cycle_open(
        kind="section_11",
        name="S11",
        frequency="annual",
        rating_scale="zero_to_three",
        group=programme.group,
        opens_on=D(2025, 4, 1),
        due_on=D(2025, 6, 30),
        agencies=[AgencyFactory() for _ in range(size)],
    )
    return programme, programme.audits.first(), cycle


PAGES = [
    ("home", lambda programme, audit, cycle: reverse("audits:home"), 13),
    ("programme", lambda programme, audit, cycle: programme.get_absolute_url(), 11),
    ("audit", lambda programme, audit, cycle: audit.get_absolute_url(), 13),
    ("cycle", lambda programme, audit, cycle: cycle.get_absolute_url(), 13),
    ("heat map", lambda programme, audit, cycle: reverse("audits:heatmap"), 13),
    ("single-agency audits", lambda programme, audit, cycle: reverse("audits:single_list"), 11),
    ("scorecard", lambda programme, audit, cycle: reverse("audits:scorecard"), 11),
    ("assessment", lambda programme, audit, cycle: cycle.assessments.first().get_absolute_url(), 13),
]


@pytest.mark.parametrize(("name", "url", "most"), PAGES, ids=[page[0] for page in PAGES])
@pytest.mark.parametrize("size", [1, 6])
def test_each_list_page_runs_a_fixed_number_of_queries_whatever_its_size(
    name, url, most, size, client, secretariat, django_assert_max_num_queries
):
    address = url(*_sized_world(size))
    client.force_login(secretariat)
    client.get(address)  # sessions, content types and the like warmed up
    with django_assert_max_num_queries(most):
        response = client.get(address)
    assert response.status_code == 200


def test_the_import_page_lists_each_bad_row_saves_nothing_then_takes_the_corrected_file(client, secretariat):
    IndicatorFactory(code="CONTACT_REFERRAL", name="Contacts progressed to referral")
    IndicatorFactory(
        code="S47_NFA",
        name="Section 47 enquiries ending in no further action",
        polarity="lower",
        green_threshold=Decimal(30),
        red_threshold=Decimal(40),
    )
    client.force_login(secretariat)
    bad = (
        "indicator,quarter,value,commentary\n"
        "CONTACT_REFERRAL,2019/20 Q2,24,76% did not\n"
        "S47_NFA,2019/20 Q2,fifty-one,\n"
    )
    response = client.post(
        reverse("audits:scorecard_import"), {"file": SimpleUploadedFile("q2.csv", bad.encode())}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Row 3: the value “fifty-one” is not a number" in page
    assert not IndicatorValue.objects.exists()
    good = bad.replace("fifty-one", "51")
    response = client.post(
        reverse("audits:scorecard_import"), {"file": SimpleUploadedFile("q2.csv", good.encode())}
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.count() == 2
    scorecard = client.get(reverse("audits:scorecard")).content.decode()
    assert "Red" in scorecard  # 51% of S47s NFA'd, lower is better, above 40


def test_the_template_lists_each_active_indicator_as_csv(client, secretariat):
    IndicatorFactory(code="CONTACT_REFERRAL")
    client.force_login(secretariat)
    response = client.get(reverse("audits:scorecard_template") + "?format=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert body.splitlines()[0] == "indicator,quarter,value,commentary"
    assert "CONTACT_REFERRAL" in body


def test_the_indicator_page_draws_the_trend_from_json_and_shows_the_same_figures_in_a_table(client, partner):
    indicator = IndicatorFactory(name="Contacts progressed to referral")
    ValueFactory(indicator=indicator, quarter_start=D(2019, 7, 1), value=Decimal("24"))
    client.force_login(partner)
    page = client.get(indicator.get_absolute_url()).content.decode()
    assert f'data-chart="indicator-chart-{indicator.pk}"' in page
    assert "2019/20 Q2" in page and "24%" in page
    assert "<script>" not in page.replace('<script type="application/json"', "")


def test_chasing_from_the_audit_page_records_the_chase(client, secretariat):
    agency_return = ReturnFactory(due_on=D(2020, 1, 10), requested_on=D(2020, 1, 1))
    agency_return.audit.status = AuditStatus.IN_PROGRESS
    agency_return.audit.save()
    client.force_login(secretariat)
    response = client.post(reverse("audits:return_chase", args=[agency_return.pk]))
    assert response.status_code == 302
    agency_return.refresh_from_db()
    assert agency_return.chase_count == 1
