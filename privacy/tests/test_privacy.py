"""Subject access exports and anonymising a person who left (issue 11, data protection)."""

import csv
import datetime
import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuthEvent
from governance.models import Attendance, Person
from governance.services.calendars import calendar_feed_create
from governance.tests.factories import AgencyFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import record
from governance.tests.factories_meetings import AttendanceFactory, MeetingFactory
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaver(group):
    user = UserFactory(username="leaver-user")
    person = PersonFactory(
        user=user,
        name="Lesley Leaver",
        job_title="",
        email="lesley@example.org",
        phone="01432 260000",
        agency=AgencyFactory(name="West Mercia Police"),
    )
    MembershipFactory(
        person=person, group=group, role="member", start_date="2020-01-01", end_date="2024-06-01"
    )
    AttendanceFactory(meeting=MeetingFactory(group=group), person=person)
    record(group, owners=[person], description="Review the MASH thresholds")
    Notification.objects.create(
        recipient=person, kind="digest", key="leaver", subject="Your digest", body="b"
    )
    AuthEvent.objects.create(
        kind=AuthEvent._meta.get_field("kind").choices[0][0],
        at=timezone.now(),
        user=user,
        username="leaver-user",
        ip_address="192.0.2.1",
    )
    return person


def _zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )


def _csv(archive, name) -> list[list[str]]:
    return list(csv.reader(io.StringIO(archive.read(name).decode())))


def test_an_admin_exports_everything_held_about_a_person_as_csvs_and_a_pdf(client, admin_user, leaver):
    client.force_login(admin_user)
    response = client.get(reverse("privacy:person_export", args=[leaver.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    archive = _zip(response)
    assert set(archive.namelist()) >= {
        "directory_entry.csv",
        "memberships.csv",
        "attendance.csv",
        "actions_owned.csv",
        "notifications.csv",
        "authentication_events.csv",
        "sessions.csv",
        "summary.pdf",
    }
    assert _csv(archive, "directory_entry.csv")[1][:5] == [
        "Lesley Leaver",
        "",
        "West Mercia Police",
        "lesley@example.org",
        "01432 260000",
    ]
    assert _csv(archive, "memberships.csv")[1][0] == "Education Group"
    assert len(_csv(archive, "attendance.csv")) == 2
    assert "Review the MASH thresholds" in _csv(archive, "actions_owned.csv")[1]
    assert "Your digest" in [row[2] for row in _csv(archive, "notifications.csv")]
    assert _csv(archive, "authentication_events.csv")[1][3] == "192.0.2.1"
    assert archive.read("summary.pdf").startswith(b"%PDF")


def test_text_a_spreadsheet_would_run_is_neutralised_in_the_export(client, admin_user, leaver):
    leaver.job_title = '=HYPERLINK("http://evil")'
    leaver.save()
    client.force_login(admin_user)
    archive = _zip(client.get(reverse("privacy:person_export", args=[leaver.pk])))
    assert _csv(archive, "directory_entry.csv")[1][1].startswith("'=")


@pytest.mark.parametrize("who", ["secretariat", "chair", "member", "partner", "outsider"])
def test_only_an_admin_exports_or_anonymises_a_person(client, request, who, leaver):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("privacy:person_export", args=[leaver.pk])).status_code == 403
    assert client.post(reverse("privacy:person_anonymise", args=[leaver.pk])).status_code == 403
    leaver.refresh_from_db()
    assert leaver.name == "Lesley Leaver"


def test_a_person_who_left_is_anonymised_and_their_governance_record_stays(client, admin_user, leaver):
    feed = calendar_feed_create(person=leaver)
    client.force_login(admin_user)
    response = client.post(reverse("privacy:person_anonymise", args=[leaver.pk]))
    assert response.status_code == 302
    leaver.refresh_from_db()
    assert leaver.name == "Former member (West Mercia Police)"
    assert (leaver.email, leaver.phone, leaver.active) == ("", "", False)
    assert Attendance.objects.filter(person=leaver).count() == 1
    assert leaver.actions_owned.count() == 1
    assert leaver.memberships.count() == 1
    assert not Notification.objects.filter(recipient=leaver).exists()
    assert not type(feed).objects.filter(pk=feed.pk).exists()
    user = leaver.user
    assert (
        not user.is_active
        and not user.has_usable_password()
        and user.username == f"former-member-{leaver.pk}"
    )
    assert not AuthEvent.objects.filter(username="leaver-user").exists()


def test_the_history_tab_no_longer_shows_an_anonymised_persons_old_name(client, admin_user, leaver):
    leaver.name = "Lesley Leaver-Smith"
    leaver.save()
    client.force_login(admin_user)
    client.post(reverse("privacy:person_anonymise", args=[leaver.pk]))
    values = list(Person.history.filter(id=leaver.pk).values_list("name", "email", "phone"))
    assert values and all(row == ("Former member (West Mercia Police)", "", "") for row in values)
    membership = leaver.memberships.get()
    page = client.get(reverse("governance:membership_history", args=[membership.pk])).content.decode()
    assert "Lesley" not in page


def test_someone_still_sitting_on_a_group_is_not_anonymised(client, admin_user, group):
    person = PersonFactory(name="Current Member")
    MembershipFactory(person=person, group=group, start_date=datetime.date(2020, 1, 1))
    client.force_login(admin_user)
    response = client.post(reverse("privacy:person_anonymise", args=[person.pk]))
    assert response.status_code == 400
    assert "End this person&#x27;s current memberships" in response.content.decode()
    person.refresh_from_db()
    assert person.name == "Current Member"


def test_the_anonymise_page_says_what_will_happen_before_it_happens(client, admin_user, leaver):
    client.force_login(admin_user)
    page = client.get(reverse("privacy:person_anonymise", args=[leaver.pk])).content.decode()
    assert "Former member (West Mercia Police)" in page
    leaver.refresh_from_db()
    assert leaver.name == "Lesley Leaver"


def test_only_an_admin_sees_the_export_and_anonymise_buttons_on_a_persons_page(
    client, admin_user, secretariat, leaver
):
    client.force_login(admin_user)
    page = client.get(leaver.get_absolute_url()).content.decode()
    assert reverse("privacy:person_export", args=[leaver.pk]) in page
    assert reverse("privacy:person_anonymise", args=[leaver.pk]) in page
    client.force_login(secretariat)
    assert (
        reverse("privacy:person_export", args=[leaver.pk])
        not in client.get(leaver.get_absolute_url()).content.decode()
    )
