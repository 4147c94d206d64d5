"""Meeting pages: permissions, forms that keep their input, and fixed query counts."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import AgendaItem, Attendance, Meeting, MeetingStatus, Paper, StandingItem
from governance.services import agenda as agenda_services
from governance.services import attendance as attendance_services
from governance.services import meetings as meeting_services
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, council, icb, police
from governance.tests.factories_meetings import AgendaItemFactory, AttendanceFactory, MeetingFactory
from notifications.models import Notification

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")

VIEWERS = ["admin_user", "secretariat", "partner", "chair", "member"]
MANAGERS = ["admin_user", "secretariat", "chair"]
ALL_USERS = [*VIEWERS, "outsider"]


@pytest.fixture
def meeting(group):
    starts = datetime.datetime(2030, 3, 12, 10, tzinfo=LONDON)
    return meeting_services.meeting_schedule(
        group=group, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), location="Plough Lane"
    )


def page_urls(meeting):
    group = meeting.group
    item = meeting.agenda_items.get(standing_item=StandingItem.MATTERS_ARISING)
    return {
        "meeting_list": (reverse("governance:meeting_list"), VIEWERS),
        "group_meetings": (reverse("governance:group_meetings", args=[group.pk]), VIEWERS),
        "meeting_detail": (meeting.get_absolute_url(), VIEWERS),
        "meeting_schedule": (reverse("governance:meeting_schedule", args=[group.pk]), MANAGERS),
        "meeting_schedule_series": (reverse("governance:meeting_schedule_series", args=[group.pk]), MANAGERS),
        "meeting_reschedule": (reverse("governance:meeting_reschedule", args=[meeting.pk]), MANAGERS),
        "meeting_cancel": (reverse("governance:meeting_cancel", args=[meeting.pk]), MANAGERS),
        "agenda_edit": (reverse("governance:agenda_edit", args=[meeting.pk]), MANAGERS),
        "agenda_item_add": (reverse("governance:agenda_item_add", args=[meeting.pk]), MANAGERS),
        "agenda_item_edit": (reverse("governance:agenda_item_edit", args=[item.pk]), MANAGERS),
        "agenda_item_delete": (reverse("governance:agenda_item_delete", args=[item.pk]), MANAGERS),
        "attendance_edit": (reverse("governance:attendance_edit", args=[meeting.pk]), MANAGERS),
        "attendance_add": (reverse("governance:attendance_add", args=[meeting.pk]), MANAGERS),
    }


PAGES = [
    "meeting_list",
    "group_meetings",
    "meeting_detail",
    "meeting_schedule",
    "meeting_schedule_series",
    "meeting_reschedule",
    "meeting_cancel",
    "agenda_edit",
    "agenda_item_add",
    "agenda_item_edit",
    "agenda_item_delete",
    "attendance_edit",
    "attendance_add",
]


def post_urls(meeting):
    item = meeting.agenda_items.get(standing_item=StandingItem.MATTERS_ARISING)
    return {
        "meeting_mark_held": (reverse("governance:meeting_mark_held", args=[meeting.pk]), {}),
        "agenda_item_move": (reverse("governance:agenda_item_move", args=[item.pk]), {"direction": "up"}),
        "agenda_standing_items_add": (reverse("governance:agenda_standing_items_add", args=[meeting.pk]), {}),
        "agenda_publish": (reverse("governance:agenda_publish", args=[meeting.pk]), {}),
    }


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_user_is_sent_to_login(client, meeting, page):
    url, _ = page_urls(meeting)[page]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ALL_USERS)
def test_each_role_gets_the_page_or_a_403(client, request, meeting, page, who):
    url, allowed = page_urls(meeting)[page]
    client.force_login(request.getfixturevalue(who))
    response = client.get(url)
    assert response.status_code == (200 if who in allowed else 403)


@pytest.mark.parametrize(
    "action", ["meeting_mark_held", "agenda_item_move", "agenda_standing_items_add", "agenda_publish"]
)
def test_state_changes_refuse_get(client, secretariat, meeting, action):
    url, _ = post_urls(meeting)[action]
    client.force_login(secretariat)
    assert client.get(url).status_code == 405


@pytest.mark.parametrize(
    "action", ["meeting_mark_held", "agenda_item_move", "agenda_standing_items_add", "agenda_publish"]
)
@pytest.mark.parametrize("who", ["partner", "member", "outsider"])
def test_state_changes_without_permission_are_refused_and_change_nothing(
    client, request, meeting, action, who
):
    url, data = post_urls(meeting)[action]
    before = [(i.pk, i.number) for i in meeting.agenda_items.order_by("sort_key")]
    client.force_login(request.getfixturevalue(who))
    assert client.post(url, data).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED
    assert meeting.agenda_published_at is None
    assert [(i.pk, i.number) for i in meeting.agenda_items.order_by("sort_key")] == before


def test_a_chair_cannot_manage_another_groups_meeting(client, chair):
    other = MeetingFactory(group=GroupFactory(name="MASH Group"))
    client.force_login(chair)
    assert client.get(reverse("governance:agenda_edit", args=[other.pk])).status_code == 403
    assert client.get(other.get_absolute_url()).status_code == 403
    assert client.get(reverse("governance:meeting_schedule", args=[other.group.pk])).status_code == 403


def test_a_missing_meeting_is_404(client, secretariat):
    client.force_login(secretariat)
    assert client.get(reverse("governance:meeting_detail", args=[999999])).status_code == 404


# Lists ------------------------------------------------------------------------


def test_my_meetings_lists_only_my_groups_meetings(client, member, meeting):
    MeetingFactory(group=GroupFactory(name="Other Group"), starts_at=meeting.starts_at)
    client.force_login(member)
    response = client.get(reverse("governance:meeting_list"))
    assert list(response.context["meetings"]) == [meeting]


def test_the_secretariat_sees_every_groups_meetings_and_can_filter_by_group(client, secretariat, meeting):
    other = MeetingFactory(group=GroupFactory(name="Other Group"), starts_at=meeting.starts_at)
    client.force_login(secretariat)
    response = client.get(reverse("governance:meeting_list"))
    assert set(response.context["meetings"]) == {meeting, other}
    response = client.get(reverse("governance:meeting_list"), {"group": other.group.pk, "when": "upcoming"})
    assert list(response.context["meetings"]) == [other]


def test_past_meetings_are_listed_latest_first(client, secretariat, group):
    older = MeetingFactory(group=group, starts_at=datetime.datetime(2020, 1, 7, 10, tzinfo=LONDON))
    newer = MeetingFactory(group=group, starts_at=datetime.datetime(2021, 1, 7, 10, tzinfo=LONDON))
    client.force_login(secretariat)
    response = client.get(reverse("governance:group_meetings", args=[group.pk]), {"when": "past"})
    assert list(response.context["meetings"]) == [newer, older]


def test_meeting_list_is_paginated_by_25(client, secretariat, group):
    for _ in range(30):
        MeetingFactory(group=group)
    client.force_login(secretariat)
    response = client.get(reverse("governance:group_meetings", args=[group.pk]))
    assert len(response.context["meetings"]) == 25
    assert response.context["page_obj"].paginator.num_pages == 2


def test_the_group_page_panel_shows_next_meetings_and_the_schedule_button(client, chair, meeting):
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = chair
    html = Template('{% include "governance/partials/_group_meetings.html" %}').render(
        Context({"group": meeting.group, "request": request})
    )
    assert meeting.get_absolute_url() in html
    assert "Schedule a meeting" in html


# Scheduling ----------------------------------------------------------------------


def test_secretariat_schedules_a_meeting_with_the_groups_chair_by_default(client, secretariat, chair, group):
    client.force_login(secretariat)
    form = client.get(reverse("governance:meeting_schedule", args=[group.pk])).context["form"]
    # Blank means the group's chair on the meeting's date (issue 10 point 11); today's is named.
    assert form["chair"].value() is None
    assert "Chair today: Chris Chair" in form.fields["chair"].help_text
    response = client.post(
        reverse("governance:meeting_schedule", args=[group.pk]),
        {"date": "2030-04-09", "start_time": "14:00", "end_time": "16:00", "location": "Room 1"},
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url()
    assert timezone.localtime(meeting.starts_at) == datetime.datetime(2030, 4, 9, 14, tzinfo=LONDON)
    assert timezone.localtime(meeting.paper_deadline) == datetime.datetime(2030, 4, 2, 14, tzinfo=LONDON)
    assert meeting.chair == chair.person
    assert meeting.agenda_items.count() == 6


def test_schedule_form_with_an_error_keeps_what_was_typed(client, secretariat, group):
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:meeting_schedule", args=[group.pk]),
        {"date": "2030-04-09", "start_time": "14:00", "end_time": "13:00", "location": "Room 1"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["end_time"] == ["The meeting must end after it starts."]
    assert form["location"].value() == "Room 1"
    assert form["date"].value() == "2030-04-09"
    assert not Meeting.objects.exists()


def test_series_form_schedules_the_meetings(client, secretariat, group):
    group.meeting_frequency = "six_weekly"
    group.save()
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:meeting_schedule_series", args=[group.pk]),
        {
            "first_date": "2026-11-16",
            "count": 3,
            "start_time": "10:00",
            "end_time": "12:00",
            "location": "Hall",
        },
        follow=True,
    )
    assert Meeting.objects.count() == 3
    assert "28 Dec" not in response.content.decode()
    assert [m.local_date for m in Meeting.objects.order_by("starts_at")][1] == datetime.date(2026, 12, 29)


def test_series_form_for_an_ad_hoc_group_shows_why_and_keeps_the_input(client, secretariat, group):
    group.meeting_frequency = "ad_hoc"
    group.save()
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:meeting_schedule_series", args=[group.pk]),
        {
            "first_date": "2030-01-08",
            "count": 3,
            "start_time": "10:00",
            "end_time": "12:00",
            "location": "Hall",
        },
    )
    assert response.status_code == 200
    assert "ad hoc" in response.content.decode()
    assert response.context["form"]["location"].value() == "Hall"
    assert not Meeting.objects.exists()


def test_rescheduling_through_the_page_moves_the_meeting(client, secretariat, meeting):
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:meeting_reschedule", args=[meeting.pk]),
        {"date": "2030-03-19", "start_time": "10:00", "end_time": "12:00", "location": "Plough Lane"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.local_date == datetime.date(2030, 3, 19)


def test_cancel_without_a_reason_keeps_the_form(client, secretariat, meeting):
    client.force_login(secretariat)
    response = client.post(reverse("governance:meeting_cancel", args=[meeting.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_cancel_with_a_reason(client, secretariat, meeting):
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:meeting_cancel", args=[meeting.pk]), {"reason": "Snow"}, follow=True
    )
    assert "This meeting was cancelled." in response.content.decode()


# Agenda -------------------------------------------------------------------------


def test_chair_adds_a_sub_item_and_moves_it(client, chair, meeting):
    client.force_login(chair)
    parent = meeting.agenda_items.get(standing_item=StandingItem.MATTERS_ARISING)
    client.post(
        reverse("governance:agenda_item_add", args=[meeting.pk]),
        {"title": "Scorecard", "parent": parent.pk, "purpose": "assurance", "minutes_allowed": "15"},
    )
    client.post(
        reverse("governance:agenda_item_add", args=[meeting.pk]),
        {"title": "Audit", "parent": parent.pk, "purpose": "information"},
    )
    audit = AgendaItem.objects.get(title="Audit")
    assert audit.number == "3.2"
    client.post(reverse("governance:agenda_item_move", args=[audit.pk]), {"direction": "up"})
    audit.refresh_from_db()
    assert audit.number == "3.1"
    assert AgendaItem.objects.get(title="Scorecard").number == "3.2"


def test_the_first_item_has_no_working_up_button(client, secretariat, meeting):
    client.force_login(secretariat)
    items = client.get(reverse("governance:agenda_edit", args=[meeting.pk])).context["items"]
    assert items[0].is_first and not items[0].is_last
    assert items[-1].is_last


def test_agenda_item_form_with_an_error_keeps_what_was_typed(client, secretariat, meeting):
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:agenda_item_add", args=[meeting.pk]),
        {"title": "Budget", "purpose": "decision", "minutes_allowed": "-5"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "minutes_allowed" in form.errors
    assert form["title"].value() == "Budget"
    assert form["purpose"].value() == "decision"


def test_deleting_the_previous_minutes_item_shows_why_not(client, secretariat, meeting):
    item = meeting.agenda_items.get(standing_item=StandingItem.PREVIOUS_MINUTES)
    client.force_login(secretariat)
    response = client.post(reverse("governance:agenda_item_delete", args=[item.pk]), follow=True)
    assert "stays on every agenda" in response.content.decode()
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_publishing_the_agenda_notifies_members(client, secretariat, chair, member, meeting):
    client.force_login(secretariat)
    response = client.post(reverse("governance:agenda_publish", args=[meeting.pk]), follow=True)
    assert "The agenda is published" in response.content.decode()
    assert (
        Notification.objects.filter(kind="agenda_published", key__contains=f"meeting:{meeting.pk}").count()
        == 2
    )


def test_confidential_items_are_hidden_from_partner_readers_but_shown_to_members(
    client, partner, member, meeting
):
    agenda_services.agenda_item_add(meeting=meeting, title="Case of Child Q", confidential=True)
    meeting.agenda_published_at = meeting.starts_at - datetime.timedelta(days=5)  # issue 9 point 5
    meeting.save()
    client.force_login(partner)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Case of Child Q" not in page
    assert "1 confidential item not shown" in page
    client.force_login(member)
    assert "Case of Child Q" in client.get(meeting.get_absolute_url()).content.decode()


# Attendance and quoracy ---------------------------------------------------------


@pytest.fixture
def partner_members(group):
    people = {}
    for key, agency in (("council", council()), ("icb", icb()), ("police", police())):
        people[key] = PersonFactory(name=f"{agency.name} Rep", agency=agency)
        MembershipFactory(person=people[key], group=group)
    return people


def _attendance_post(response, changes):
    """The formset as the page rendered it, with some lines changed."""
    formset = response.context["formset"]
    data = {f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()}
    for form in formset.forms:
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            data[f"{form.prefix}-{name}"] = "" if value is None else value
        data.update({f"{form.prefix}-{k}": v for k, v in changes.get(form.initial["person"], {}).items()})
    return data


def test_attendance_page_is_prefilled_and_police_absent_shows_not_quorate(
    client, secretariat, meeting, partner_members
):
    client.force_login(secretariat)
    url = reverse("governance:attendance_edit", args=[meeting.pk])
    response = client.get(url)
    names = [line.person.name for line, _ in response.context["rows"]]
    assert {"Shire Council Rep", "Shire ICB Rep", "Shire Police Rep"} <= set(names)
    changes = {
        partner_members["council"].pk: {"status": "present"},
        partner_members["icb"].pk: {"status": "present"},
        partner_members["police"].pk: {
            "status": "apologies",
            "apology_reason": "Court",
            "apology_valid": "yes",
        },
    }
    response = client.post(url, _attendance_post(response, changes), follow=True)
    assert "Attendance saved." in response.content.decode()
    assert "Not quorate — police not represented" in response.content.decode()
    police_line = Attendance.objects.get(person=partner_members["police"])
    assert (police_line.status, police_line.apology_reason, police_line.apology_valid) == (
        "apologies",
        "Court",
        True,
    )


def test_the_reason_for_apologies_box_says_what_it_is_for(client, secretariat, meeting, partner_members):
    client.force_login(secretariat)
    response = client.get(reverse("governance:attendance_edit", args=[meeting.pk]))
    form = response.context["rows"][0][1]
    assert 'placeholder="Reason"' in str(form["apology_reason"])


def test_a_deputy_from_the_wrong_agency_is_shown_on_its_line_and_the_input_kept(
    client, secretariat, meeting, partner_members
):
    client.force_login(secretariat)
    url = reverse("governance:attendance_edit", args=[meeting.pk])
    response = client.get(url)
    changes = {
        partner_members["council"].pk: {"status": "deputy", "deputy_for": partner_members["police"].pk},
        partner_members["icb"].pk: {"status": "present"},
    }
    response = client.post(url, _attendance_post(response, changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert "A deputy must be from the same agency as the member they stand in for" in page
    icb_form = next(form for line, form in response.context["rows"] if line.person == partner_members["icb"])
    assert icb_form["status"].value() == "present"
    assert not Attendance.objects.exists()


def test_someone_in_attendance_is_added(client, secretariat, meeting):
    visitor = PersonFactory(name="Vera Visitor")
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:attendance_add", args=[meeting.pk]),
        {"person": visitor.pk, "status": "in_attendance"},
        follow=True,
    )
    assert "Vera Visitor" in [line.person.name for line, _ in response.context["rows"]]
    assert Attendance.objects.get(person=visitor).is_member is False


def test_meeting_page_marks_the_item_after_the_police_left(client, secretariat, meeting, partner_members):
    item = agenda_services.agenda_item_add(meeting=meeting, title="Budget decision", purpose="decision")
    for key in ("council", "icb"):
        attendance_services.attendance_record(meeting=meeting, person=partner_members[key], status="present")
    attendance_services.attendance_record(
        meeting=meeting, person=partner_members["police"], status="present", left_before_item=item
    )
    client.force_login(secretariat)
    response = client.get(meeting.get_absolute_url())
    page = response.context["page"]
    assert str(page.quoracy) == "Quorate"
    marked = {i.number: str(i.quoracy) for i in page.items if not i.quoracy.quorate}
    assert marked == {
        item.number: "Not quorate — police not represented",
        **{
            i.number: "Not quorate — police not represented" for i in page.items if i.sort_key > item.sort_key
        },
    }
    assert "Not quorate — police not represented" in response.content.decode()
    assert f"Not quorate from item {item.number}: police not represented" in response.content.decode()


def test_a_meeting_inquorate_throughout_says_so_once_not_at_every_item(
    client, secretariat, meeting, partner_members
):
    for key in ("council", "icb"):
        attendance_services.attendance_record(meeting=meeting, person=partner_members[key], status="present")
    attendance_services.attendance_record(
        meeting=meeting, person=partner_members["police"], status="apologies"
    )
    client.force_login(secretariat)
    response = client.get(meeting.get_absolute_url())
    page = response.context["page"]
    assert len(page.items) > 1 and not any(item.quoracy.quorate for item in page.items)
    assert response.content.decode().count("Not quorate — police not represented") == 1


# Query counts -------------------------------------------------------------------


def _populate(meeting, size):
    agencies = [council(), icb(), police()]
    for index in range(size):
        person = PersonFactory(agency=agencies[index % 3])
        MembershipFactory(person=person, group=meeting.group)
        AttendanceFactory(meeting=meeting, person=person, status="present" if index % 4 else "apologies")
    base = meeting.agenda_items.count()
    for index in range(size):
        presenter = PersonFactory()
        item = AgendaItemFactory(
            meeting=meeting, position=base + index + 1, presenter=presenter, title=f"Item {index}"
        )
        AgendaItemFactory(meeting=meeting, parent=item, position=1, title=f"Sub-item {index}")
        Paper.objects.create(
            agenda_item=item,
            title=f"Paper {index}",
            file="papers/x.pdf",
            original_name="x.pdf",
            content_type="application/pdf",
            size=10,
            author=presenter,
            submitted_at=meeting.paper_deadline - datetime.timedelta(days=1),
        )


# Measured: meeting page 12, agenda 8, attendance 12, at every size (two spare for the partials).
PAGE_BUDGET = {"meeting_detail": 14, "agenda_edit": 10, "attendance_edit": 14}


@pytest.mark.parametrize("page", ["meeting_detail", "agenda_edit", "attendance_edit"])
@pytest.mark.parametrize("size", [5, 40])
def test_meeting_pages_run_a_fixed_number_of_queries(
    client, secretariat, meeting, django_assert_max_num_queries, page, size
):
    _populate(meeting, size)
    client.force_login(secretariat)
    url = reverse(f"governance:{page}", args=[meeting.pk])
    with django_assert_max_num_queries(PAGE_BUDGET[page]):
        response = client.get(url)
    assert response.status_code == 200
    assert f"Item {size - 1}" in response.content.decode() or page == "attendance_edit"


def test_query_count_does_not_grow_with_the_meeting(client, secretariat, meeting):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(secretariat)
    counts = {}
    for page in ("meeting_detail", "agenda_edit", "attendance_edit"):
        with CaptureQueriesContext(connection) as small:
            client.get(reverse(f"governance:{page}", args=[meeting.pk]))
        counts[page] = [len(small)]
    _populate(meeting, 40)
    for page in ("meeting_detail", "agenda_edit", "attendance_edit"):
        with CaptureQueriesContext(connection) as large:
            client.get(reverse(f"governance:{page}", args=[meeting.pk]))
        counts[page].append(len(large))
    assert all(small == large for small, large in counts.values()), counts
