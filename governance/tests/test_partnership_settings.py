"""Issue 10 point 15: the settings a partnership changes are set in the product by admins, on a
settings page with history; the environment's values are only the first defaults."""

import datetime

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse

from core.models import ClosureDay, PartnershipSettings
from core.partnership import partnership_settings, partnership_settings_update
from governance.forms.structure import GroupForm
from governance.models import Group
from governance.selectors.actions import actions_for_list, decorate
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory
from governance.tests.helpers_reminders import london, make_action, sent_to

pytestmark = pytest.mark.django_db

SETTINGS_URL = "governance:partnership_settings"
CLOSURES_URL = "governance:closure_day_list"


def settings_form(**changes):
    values = {
        "paper_deadline_days": 7,
        "due_soon_days": 14,
        "paper_reminder_working_days": 3,
        "paper_escalation_working_days": 1,
        "minutes_reminder_working_days": 10,
        "quoracy_forecast_working_days": 3,
        "reminder_weekly_hour": 8,
        "notification_digest_hour": 7,
        "quorum_counting": "members_and_deputies",
    }
    return {**values, **changes}


def test_until_an_admin_saves_the_page_the_environment_values_are_the_first_defaults(settings):
    settings.PAPER_REMINDER_WORKING_DAYS = 5
    settings.NOTIFICATION_DIGEST_HOUR = 6
    current = partnership_settings()
    assert (current.paper_reminder_working_days, current.notification_digest_hour) == (5, 6)
    assert not PartnershipSettings.objects.exists()


def test_once_saved_the_product_setting_wins_over_the_environment(settings):
    settings.PAPER_REMINDER_WORKING_DAYS = 5
    partnership_settings_update(values={"paper_reminder_working_days": 2})
    assert partnership_settings().paper_reminder_working_days == 2


def test_an_admin_changes_a_reminder_cadence_on_the_settings_page_and_it_is_kept_in_history(
    client, admin_user
):
    client.force_login(admin_user)
    response = client.post(reverse(SETTINGS_URL), settings_form(minutes_reminder_working_days=5))
    assert response.status_code == 302
    client.post(reverse(SETTINGS_URL), settings_form(minutes_reminder_working_days=4))
    assert partnership_settings().minutes_reminder_working_days == 4
    assert PartnershipSettings.history.count() == 2
    assert PartnershipSettings.history.first().history_user == admin_user
    page = client.get(reverse(SETTINGS_URL)).content.decode()
    assert "minutes chasing (working days after the meeting): 4" in page


def test_the_settings_page_refuses_an_hour_outside_the_day_and_keeps_what_was_typed(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse(SETTINGS_URL), settings_form(notification_digest_hour=25, due_soon_days=21)
    )
    assert response.status_code == 200
    assert response.context["form"].errors["notification_digest_hour"] == [
        "Ensure this value is less than or equal to 23."
    ]
    assert response.context["form"]["due_soon_days"].value() == "21"
    assert not PartnershipSettings.objects.exists()


@pytest.mark.parametrize("url", [SETTINGS_URL, CLOSURES_URL])
def test_only_admins_reach_the_settings_and_closure_day_pages(client, secretariat, url):
    client.force_login(secretariat)
    assert client.get(reverse(url)).status_code == 403


def test_the_paper_reminders_follow_the_cadence_set_in_the_product(scan_at):
    meeting = MeetingFactory(starts_at=london(2026, 3, 26, 10))  # papers due Thursday 19 March
    AgendaItemFactory(meeting=meeting, presenter=PersonFactory(name="Paula Presenter"))
    scan_at(london(2026, 3, 12, 9))  # five working days before: too early by default (three)
    assert sent_to("paper_reminder") == []
    partnership_settings_update(values={"paper_reminder_working_days": 5})
    scan_at(london(2026, 3, 12, 10))
    assert sent_to("paper_reminder") == ["Paula Presenter"]


def test_the_action_logs_due_soon_window_is_the_product_setting():
    owner = PersonFactory()
    action = make_action(GroupFactory(), owners=[owner], due=datetime.date(2026, 4, 21))
    today = datetime.date(2026, 4, 1)  # due in 20 days
    [row] = decorate(as_listed(action), today=today)
    assert row.rag.label == "On track"
    partnership_settings_update(values={"due_soon_days": 30})
    [row] = decorate(as_listed(action), today=today)
    assert row.rag.label == "Due soon"


def as_listed(action):
    """The action as the log reads it (with the settings' window read in the same query)."""
    return actions_for_list().filter(pk=action.pk)


def test_a_new_group_starts_with_the_partnerships_default_paper_deadline():
    partnership_settings_update(values={"paper_deadline_days": 10})
    assert GroupForm(instance=Group())["paper_deadline_days"].value() == 10


def test_a_request_reads_the_settings_once_however_often_it_asks(django_assert_num_queries):
    # As Django's test client does: a real request's signals would also close the database
    # connection, which on PostgreSQL holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.send(sender=None)
    try:
        with django_assert_num_queries(1):
            for _ in range(3):
                partnership_settings()
    finally:
        request_finished.send(sender=None)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_an_admin_adds_and_removes_a_closure_day(client, admin_user):
    client.force_login(admin_user)
    day = datetime.date.today() + datetime.timedelta(days=30)
    client.post(reverse(CLOSURES_URL), {"date": day.isoformat(), "reason": "Office move"})
    closure = ClosureDay.objects.get(date=day)
    assert closure.reason == "Office move"
    assert "Office move" in client.get(reverse(CLOSURES_URL)).content.decode()
    client.post(reverse("governance:closure_day_delete"), {"day": closure.pk})
    assert not ClosureDay.objects.exists()
    assert ClosureDay.history.count() == 2


def test_a_closure_day_already_listed_is_refused_and_the_form_keeps_what_was_typed(client, admin_user):
    day = datetime.date.today() + datetime.timedelta(days=30)
    ClosureDay.objects.create(date=day, reason="Office move")
    client.force_login(admin_user)
    response = client.post(reverse(CLOSURES_URL), {"date": day.isoformat(), "reason": "Twice"})
    assert response.status_code == 200
    assert response.context["form"].errors["date"] == [f"{day:%-d %B %Y} is already a closure day."]
    assert response.context["form"]["reason"].value() == "Twice"


def test_the_closure_day_page_says_when_there_are_none(client, admin_user):
    client.force_login(admin_user)
    assert "No closure days from today on." in client.get(reverse(CLOSURES_URL)).content.decode()
