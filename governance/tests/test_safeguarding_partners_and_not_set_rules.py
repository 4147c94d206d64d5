"""Lead and Delegated Safeguarding Partners on people (arrangements s.1.3, s.3.2), and a group's
frequency and quorum rule left "not set" when its terms of reference do not give them (seed 002)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import MeetingFrequency, QuorumRule, SafeguardingPartnerRole
from governance.quoracy import Presence, judge_quoracy
from governance.scheduling import series_dates
from governance.services.structure import person_save
from governance.tests.factories import AgencyFactory, GroupFactory, PersonFactory, council, icb

pytestmark = pytest.mark.django_db

LEAD = SafeguardingPartnerRole.LEAD
DELEGATED = SafeguardingPartnerRole.DELEGATED


def test_a_person_in_a_statutory_partner_can_be_its_lead_safeguarding_partner():
    person = PersonFactory(agency=council(), safeguarding_partner_role=LEAD)
    person_save(person=person)
    person.refresh_from_db()
    assert person.get_safeguarding_partner_role_display() == "Lead Safeguarding Partner"


def test_a_person_in_a_relevant_agency_cannot_be_a_safeguarding_partner():
    person = PersonFactory.build(agency=AgencyFactory(), safeguarding_partner_role=DELEGATED)
    with pytest.raises(ValidationError) as error:
        person_save(person=person)
    assert "Only people in one of the three statutory partners" in str(error.value)


def test_a_statutory_partner_has_one_active_delegated_safeguarding_partner_at_a_time():
    agency = icb()
    person_save(person=PersonFactory.build(agency=agency, safeguarding_partner_role=DELEGATED))
    second = PersonFactory.build(agency=agency, safeguarding_partner_role=DELEGATED)
    with pytest.raises(ValidationError) as error:
        person_save(person=second)
    assert "already has an active person in this safeguarding partner role" in str(error.value)
    # A former DSP, no longer active, does not block the new one.
    second.active = False
    person_save(person=second)


def test_the_person_form_records_the_safeguarding_partner_role_with_history(client, admin_user):
    client.force_login(admin_user)
    person = PersonFactory(agency=council())
    response = client.post(
        reverse("governance:person_edit", args=[person.pk]),
        {"name": person.name, "agency": person.agency_id, "safeguarding_partner_role": LEAD, "active": "on"},
    )
    assert response.status_code == 302, response.content.decode()
    person.refresh_from_db()
    assert person.safeguarding_partner_role == LEAD
    assert person.history.first().safeguarding_partner_role == LEAD


def test_the_person_form_refuses_a_partner_role_outside_the_statutory_partners_and_keeps_the_input(
    client, admin_user
):
    client.force_login(admin_user)
    person = PersonFactory(agency=AgencyFactory())
    response = client.post(
        reverse("governance:person_edit", args=[person.pk]),
        {"name": "Typed Name", "agency": person.agency_id, "safeguarding_partner_role": LEAD, "active": "on"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Only people in one of the three statutory partners" in page
    assert 'value="Typed Name"' in page


def test_the_agency_page_names_its_lead_and_delegated_safeguarding_partners(client, admin_user):
    client.force_login(admin_user)
    agency = council()
    PersonFactory(agency=agency, name="Lena Lead", safeguarding_partner_role=LEAD)
    page = client.get(reverse("governance:agency_detail", args=[agency.pk])).content.decode()
    assert "Lead Safeguarding Partner</dt>" in page
    assert "Lena Lead" in page.split("Lead Safeguarding Partner</dt>")[1].split("</dd>")[0]
    delegated = page.split("Delegated Safeguarding Partner</dt>")[1].split("</dd>")[0]
    assert "Not recorded" in delegated


def test_the_people_pages_show_who_is_a_delegated_safeguarding_partner(client, admin_user):
    client.force_login(admin_user)
    person = PersonFactory(agency=council(), name="Dana Delegate", safeguarding_partner_role=DELEGATED)
    directory = client.get(reverse("governance:person_list")).content.decode()
    row = directory.split("Dana Delegate")[1].split("</td>")[0]
    assert "Delegated Safeguarding Partner" in row
    detail = client.get(reverse("governance:person_detail", args=[person.pk])).content.decode()
    assert "Delegated Safeguarding Partner</span> for" in detail


def test_a_group_whose_quorum_rule_is_not_set_is_judged_neither_quorate_nor_inquorate():
    present = [Presence(status="present", statutory_role=None)]
    result = judge_quoracy(rule=QuorumRule.NOT_SET, presences=present)
    assert not result.applies
    assert str(result) == "Quorum rule not set"


def test_a_group_whose_frequency_is_not_set_has_no_series_to_schedule():
    with pytest.raises(ValidationError, match="meeting frequency is not set"):
        series_dates(frequency=MeetingFrequency.NOT_SET, first=datetime.date(2026, 1, 13), count=3)


def test_the_group_page_says_frequency_and_quorum_are_not_set_and_offers_no_series(client, admin_user):
    client.force_login(admin_user)
    group = GroupFactory(meeting_frequency=MeetingFrequency.NOT_SET, quorum_rule=QuorumRule.NOT_SET)
    page = client.get(reverse("governance:group_detail", args=[group.pk])).content.decode()
    assert "Not set: its terms of reference do not say how often it meets" in page
    assert "Not set: its terms of reference do not give a quorum" in page
    assert reverse("governance:meeting_schedule_series", args=[group.pk]) not in page
