import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Agency, Group, Membership, Person
from governance.tests.factories import AgencyFactory, MembershipFactory, PersonFactory, police

pytestmark = pytest.mark.django_db


def test_secretariat_adds_a_vice_chair_who_then_appears_on_the_group_page(client, secretariat, group):
    person = PersonFactory(name="Aisha Rahman")
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:membership_create", args=[group.pk]),
        {"person": person.pk, "role": "vice_chair", "start_date": "2025-01-06"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == group.get_absolute_url()
    membership = Membership.objects.get(person=person, group=group)
    assert membership.role == "vice_chair"
    assert membership.agency == person.agency
    page = response.content.decode()
    assert "Aisha Rahman" in page
    assert "Vice-chair" in page


def test_membership_form_with_an_error_keeps_what_was_typed(client, secretariat, group):
    person = PersonFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:membership_create", args=[group.pk]),
        {"person": person.pk, "role": "deputy", "start_date": "2025-01-06"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["deputy_for"] == ["Name the member this person deputises for."]
    assert response.context["form"]["start_date"].value() == "2025-01-06"
    assert response.context["form"]["role"].value() == "deputy"
    assert not Membership.objects.exists()


def test_secretariat_ends_a_membership_and_it_moves_to_past_members(client, secretariat, group):
    membership = MembershipFactory(group=group, person=PersonFactory(name="Leaving Person"))
    client.force_login(secretariat)
    today = timezone.localdate().isoformat()
    response = client.post(
        reverse("governance:membership_end", args=[group.pk, membership.pk]), {"end_date": today}, follow=True
    )
    membership.refresh_from_db()
    assert membership.end_date.isoformat() == today
    assert response.context["members_by_agency"] == []
    assert list(response.context["past_memberships"]) == [membership]


def test_ending_a_membership_before_it_started_shows_the_reason(client, secretariat, group):
    membership = MembershipFactory(group=group, start_date="2025-01-01")
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:membership_end", args=[group.pk, membership.pk]), {"end_date": "2024-12-31"}
    )
    assert "cannot be before the start date" in response.content.decode()
    membership.refresh_from_db()
    assert membership.end_date is None


def test_secretariat_adds_a_person(client, secretariat):
    agency = AgencyFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:person_create"),
        {"name": "Owen Price", "job_title": "Head of Service", "agency": agency.pk, "active": "on"},
    )
    person = Person.objects.get(name="Owen Price")
    assert response["Location"] == person.get_absolute_url()
    assert person.initials == "OP"


def test_adding_a_second_police_agency_shows_a_clear_error_and_keeps_the_input(client, admin_user):
    police()
    client.force_login(admin_user)
    response = client.post(
        reverse("governance:agency_create"),
        {"name": "Neighbouring Constabulary", "sector": "police", "statutory_role": "police", "active": "on"},
    )
    assert response.status_code == 200
    assert "Another agency already holds this statutory partner role." in response.content.decode()
    assert response.context["form"]["name"].value() == "Neighbouring Constabulary"
    assert not Agency.objects.filter(name="Neighbouring Constabulary").exists()


def test_chair_edits_the_remit_of_their_group(client, chair, group):
    client.force_login(chair)
    response = client.post(
        reverse("governance:group_remit_edit", args=[group.pk]),
        {"remit": "Keep children in education safe.", "terms_of_reference_review_date": "2027-03-31"},
    )
    assert response["Location"] == group.get_absolute_url()
    group.refresh_from_db()
    assert group.remit == "Keep children in education safe."
    assert group.history.first().history_user == chair


def test_secretariat_creates_a_group_reporting_to_the_board(client, secretariat):
    board = Group.objects.create(name="Board", kind="board")
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:group_create"),
        {
            "name": "Neglect Task and Finish Group",
            "kind": "task_and_finish",
            "reports_to": [board.pk],
            "meeting_frequency": "monthly",
            "paper_deadline_days": 7,
            "quorum_rule": "none",
            "log_readers": "members_and_board",  # who reads its action log (issue 9)
            "active": "on",
        },
    )
    created = Group.objects.get(name="Neglect Task and Finish Group")
    assert response["Location"] == created.get_absolute_url()
    assert list(created.reports_to.all()) == [board]


def test_new_membership_form_starts_today_as_a_member(client, secretariat, group):
    client.force_login(secretariat)
    form = client.get(reverse("governance:membership_create", args=[group.pk])).context["form"]
    assert form["start_date"].value() == timezone.localdate()
    assert form["role"].value() == "member"
