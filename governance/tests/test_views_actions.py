import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from governance.models import Action, ActionStatus, ActionUpdate, MeetingStatus
from governance.services.actions import action_update
from governance.tests.factories import AgencyFactory, GroupFactory, PersonFactory
from governance.tests.factories_actions import AgendaItemFactory, MeetingFactory, london, record

pytestmark = pytest.mark.django_db


def log_url(group):
    return reverse("governance:action_log", args=[group.pk])


@pytest.fixture
def owners():
    return [PersonFactory(name="Ellen Footman"), PersonFactory(name="Karen Wright")]


@pytest.fixture
def action(group, owners):
    return record(
        group, owners=owners, description="Draft the funding letter", due_date=datetime.date(2030, 1, 1)
    )


# Recording -------------------------------------------------------------------------------------


def test_secretariat_records_an_action_at_a_meeting_item_with_two_owners(client, secretariat, group, owners):
    meeting = MeetingFactory(group=group, starts_at=london(2019, 10, 23))
    item = AgendaItemFactory(meeting=meeting, number="4.1", title="Finance / Funding")
    client.force_login(secretariat)
    url = reverse("governance:action_create", args=[group.pk]) + f"?item={item.pk}"

    page = client.get(url)
    assert page.status_code == 200
    assert "item 4.1" in page.content.decode()

    response = client.post(
        url,
        {
            "title": "Finance / Funding",
            "description": "PG to draft letter, and pass to Chief Executive for signature.",
            "owners": [owner.pk for owner in owners],
            "due_date": "2019-12-18",
        },
    )
    action = Action.objects.get()
    assert response.status_code == 302
    assert response.url == action.get_absolute_url()
    assert action.reference == "23.10.19 ref 4.1"
    assert action.number == 1
    detail = client.get(action.get_absolute_url()).content.decode()
    assert "EF/KW" in detail
    assert "Action No 1 (23.10.19 ref 4.1)" in detail


def test_recording_keeps_what_was_typed_when_it_fails(client, secretariat, group):
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:action_create", args=[group.pk]),
        {"description": "Write the neglect strategy", "owners": []},
    )
    assert response.status_code == 200
    assert "Write the neglect strategy" in response.content.decode()
    assert not Action.objects.exists()


def test_recording_by_next_meeting_without_one_scheduled_explains_why(client, secretariat, group, owners):
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:action_create", args=[group.pk]),
        {"description": "Report back", "owners": [owners[0].pk], "due_by_next_meeting": "on"},
    )
    assert response.status_code == 200
    assert "Schedule the next meeting" in response.content.decode()


def test_recording_returns_to_a_safe_next_page(client, secretariat, group, owners):
    client.force_login(secretariat)
    url = reverse("governance:action_create", args=[group.pk])
    data = {"description": "x", "owners": [owners[0].pk]}
    assert client.post(url + "?next=/somewhere/", data).url == "/somewhere/"
    assert (
        client.post(url + "?next=https://evil.example/", data).url == Action.objects.last().get_absolute_url()
    )


def test_an_item_of_another_groups_meeting_is_not_found(client, secretariat, group):
    item = AgendaItemFactory(meeting=MeetingFactory(group=GroupFactory()))
    client.force_login(secretariat)
    url = reverse("governance:action_create", args=[group.pk]) + f"?item={item.pk}"
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("user", ["partner", "member", "outsider"])
def test_only_the_secretariat_and_the_chair_record_actions(client, group, user, request):
    client.force_login(request.getfixturevalue(user))
    assert client.get(reverse("governance:action_create", args=[group.pk])).status_code == 403


def test_the_chair_may_record_an_action_for_their_group(client, chair, group):
    client.force_login(chair)
    assert client.get(reverse("governance:action_create", args=[group.pk])).status_code == 200


# Updating ---------------------------------------------------------------------------------------


def test_an_owner_posts_an_update_and_revises_the_due_date(client, group, member, action):
    action.owners.add(member.person)
    client.force_login(member)
    response = client.post(
        reverse("governance:action_update", args=[action.pk]),
        {
            "text": "Draft agreed with the Chief Executive.",
            "new_status": ActionStatus.IN_PROGRESS,
            "revised_due_date": "2030-03-31",
            "revision_reason": "Waiting for the budget",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.due_date == datetime.date(2030, 3, 31)
    assert action.original_due_date == datetime.date(2030, 1, 1)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Originally due 1 Jan 2030" in page
    assert "Draft agreed with the Chief Executive." in page
    assert "Morgan Member" in page


def test_the_chair_posts_an_update_to_any_action_of_their_group(client, chair, action):
    client.force_login(chair)
    response = client.post(reverse("governance:action_update", args=[action.pk]), {"text": "Chased."})
    assert response.status_code == 302
    assert action.updates.get().author == chair


def test_a_revised_due_date_without_a_reason_is_refused_on_the_page(client, secretariat, action):
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:action_update", args=[action.pk]),
        {"text": "Later", "revised_due_date": "2030-03-31"},
    )
    assert response.status_code == 200
    assert "Give a reason for revising the due date." in response.content.decode()
    assert not action.updates.exists()


def test_completing_twice_is_refused_on_the_page(client, secretariat, action):
    client.force_login(secretariat)
    url = reverse("governance:action_update", args=[action.pk])
    client.post(url, {"text": "Letters sent.", "new_status": ActionStatus.COMPLETED})
    response = client.post(url, {"text": "Sent again.", "new_status": ActionStatus.COMPLETED})
    assert response.status_code == 200
    assert action.updates.count() == 1


@pytest.mark.parametrize("user", ["partner", "member", "outsider"])
def test_only_owners_the_chair_and_the_secretariat_update(client, action, user, request):
    client.force_login(request.getfixturevalue(user))
    response = client.post(reverse("governance:action_update", args=[action.pk]), {"text": "Sneaky"})
    assert response.status_code == 403
    assert not action.updates.exists()


def test_a_partner_reader_sees_the_log_and_the_action_but_no_forms(client, partner, group, action):
    # Issue 9 point 2: only a log marked open to partners (it was every log before).
    group.log_open_to_partners = True
    group.save()
    client.force_login(partner)
    log = client.get(log_url(group))
    assert log.status_code == 200
    assert "Draft the funding letter" in log.content.decode()
    assert "Record an action" not in log.content.decode()
    detail = client.get(action.get_absolute_url())
    assert detail.status_code == 200
    assert detail.context["update_form"] is None
    assert detail.context["handover_form"] is None


def test_an_outsider_cannot_see_the_log(client, outsider, group, action):
    client.force_login(outsider)
    assert client.get(log_url(group)).status_code == 403
    assert client.get(action.get_absolute_url()).status_code == 403


def test_an_owner_without_a_role_still_sees_their_own_action(client, outsider, action):
    person = PersonFactory(user=outsider)
    action.owners.add(person)
    client.force_login(outsider)
    assert client.get(action.get_absolute_url()).status_code == 200


def test_updates_need_post(client, secretariat, action):
    client.force_login(secretariat)
    assert client.get(reverse("governance:action_update", args=[action.pk])).status_code == 405


# Hand-over --------------------------------------------------------------------------------------


def test_secretariat_hands_an_action_to_a_subgroup(client, secretariat, group, action):
    subgroup = GroupFactory(name="Early Help Strategic Group")
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:action_hand_over", args=[action.pk]),
        {"to_group": subgroup.pk, "note": "CB to pass to Chair of Strategic Group"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.group == subgroup
    assert "Draft the funding letter" in client.get(log_url(subgroup)).content.decode()
    # It stays in the giving log too, as handed over (issue 10 point 9).
    assert "Handed to Early Help Strategic Group" in client.get(log_url(group)).content.decode()


@pytest.mark.parametrize("user", ["partner", "member"])
def test_only_the_secretariat_and_the_chair_hand_over(client, action, user, request):
    client.force_login(request.getfixturevalue(user))
    response = client.post(
        reverse("governance:action_hand_over", args=[action.pk]), {"to_group": GroupFactory().pk}
    )
    assert response.status_code == 403


# The log, its filters and its exports -----------------------------------------------------------------


@pytest.fixture
def mixed_log(group, owners):
    agency = AgencyFactory(name="Shire Council")
    today = datetime.date(2024, 6, 1)
    overdue = record(
        group, owners=owners[:1], description="Overdue letter", due_date=today - datetime.timedelta(days=3)
    )
    soon = record(
        group, owners=owners[1:], description="Soon plan", due_date=today + datetime.timedelta(days=10)
    )
    later = record(
        group,
        owners=owners,
        description="Later strategy",
        lead_agency=agency,
        due_date=datetime.date(2024, 9, 1),
    )
    done = record(group, owners=owners[:1], description='=HYPERLINK("x") done thing')
    action_update(
        action=done, author=None, new_status=ActionStatus.COMPLETED, text="Completed in May.", today=today
    )
    old = record(group, owners=owners[:1], description="Ancient thing")
    action_update(
        action=old,
        author=None,
        new_status=ActionStatus.COMPLETED,
        text="Long ago.",
        today=datetime.date(2023, 1, 1),
    )
    return {"overdue": overdue, "soon": soon, "later": later, "done": done, "old": old, "agency": agency}


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
def test_the_log_lists_outstanding_by_due_date_then_the_most_recently_finished(
    client, secretariat, group, mixed_log
):
    client.force_login(secretariat)
    response = client.get(log_url(group))
    descriptions = [action.description for action in response.context["actions"]]
    assert descriptions == [
        "Overdue letter",
        "Soon plan",
        "Later strategy",
        '=HYPERLINK("x") done thing',
        "Ancient thing",
    ]
    page = response.content.decode()
    assert "Overdue</span>" in page and "Due soon</span>" in page and "On track</span>" in page
    assert "Finished</span>" in page


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"overdue": "on"}, ["Overdue letter"]),
        ({"due_soon": "on"}, ["Soon plan"]),
        ({"status": "completed"}, ['=HYPERLINK("x") done thing', "Ancient thing"]),
        ({"status": "outstanding"}, ["Overdue letter", "Soon plan", "Later strategy"]),
        ({"q": "strategy"}, ["Later strategy"]),
        ({"q": "karen"}, ["Soon plan", "Later strategy"]),
        (
            {"source": "group"},
            ["Overdue letter", "Soon plan", "Later strategy", '=HYPERLINK("x") done thing', "Ancient thing"],
        ),
        ({"status": "finished", "q": "ancient"}, ["Ancient thing"]),
        ({"q": "thing"}, ['=HYPERLINK("x") done thing', "Ancient thing"]),
        ({"q": "3"}, ["Later strategy"]),
    ],
)
def test_the_log_filters(client, secretariat, group, mixed_log, query, expected):
    client.force_login(secretariat)
    response = client.get(log_url(group), query)
    assert [action.description for action in response.context["actions"]] == expected


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
def test_the_log_filters_by_owner_lead_agency_and_meeting(client, secretariat, group, owners, mixed_log):
    meeting = MeetingFactory(group=group, starts_at=london(2024, 5, 1))
    at_meeting = record(group, owners=owners[:1], origin_item=AgendaItemFactory(meeting=meeting, number="3"))
    client.force_login(secretariat)

    def listed(query):
        return {action.pk for action in client.get(log_url(group), query).context["actions"]}

    assert listed({"owner": owners[1].pk}) == {mixed_log["soon"].pk, mixed_log["later"].pk}
    assert listed({"lead_agency": mixed_log["agency"].pk}) == {mixed_log["later"].pk}
    assert listed({"meeting": meeting.pk}) == {at_meeting.pk}
    assert listed({"source": "meeting"}) == {at_meeting.pk}


def test_the_log_paginates_at_25(client, secretariat, group, owners):
    from governance.tests.factories_actions import bulk_actions

    bulk_actions(group, 30, owners=owners, owners_per_action=1, updates_per_action=0)
    client.force_login(secretariat)
    first = client.get(log_url(group), {"source": ""})
    assert first.context["page_obj"].paginator.count == 30
    assert len(first.context["actions"]) == 25
    assert "source=&amp;page=2" in first.content.decode()
    second = client.get(log_url(group), {"page": 2}).context["actions"]
    assert len(second) == 5
    assert {a.pk for a in first.context["actions"]}.isdisjoint({a.pk for a in second})


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
def test_csv_export_follows_the_filters(client, secretariat, group, mixed_log):
    client.force_login(secretariat)
    response = client.get(reverse("governance:action_log_csv", args=[group.pk]), {"status": "outstanding"})
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="action-log-edu-2024-06-01.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:5] == ["Action No", "Reference", "Title", "Description", "Owners"]
    assert [row[3] for row in rows[1:]] == ["Overdue letter", "Soon plan", "Later strategy"]
    later = rows[3]
    assert later[4] == "EF/KW"
    assert later[5] == "Ellen Footman, Karen Wright"
    assert later[6] == "Shire Council"
    assert later[7] == "01/09/2024"
    assert rows[1][10] == "Overdue"


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
def test_csv_export_quotes_text_that_a_spreadsheet_would_run(client, secretariat, group, mixed_log):
    client.force_login(secretariat)
    response = client.get(reverse("governance:action_log_csv", args=[group.pk]), {"status": "finished"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in content


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
def test_excel_export_opens_with_the_same_rows(client, secretariat, group, mixed_log):
    client.force_login(secretariat)
    response = client.get(reverse("governance:action_log_xlsx", args=[group.pk]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook["Action log"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Action No"
    assert [row[3] for row in rows[1:]] == [
        "Overdue letter",
        "Soon plan",
        "Later strategy",
        '=HYPERLINK("x") done thing',
        "Ancient thing",
    ]
    assert rows[3][4] == "EF/KW"
    assert rows[3][7] == datetime.datetime(2024, 9, 1)
    assert sheet.cell(row=5, column=4).data_type == "s"  # text, not a formula
    assert rows[4][9] == "Completed"


@pytest.mark.parametrize("name", ["action_log_csv", "action_log_xlsx", "action_log_print", "action_plan"])
def test_exports_need_a_role(client, outsider, group, name):
    client.force_login(outsider)
    assert client.get(reverse(f"governance:{name}", args=[group.pk])).status_code == 403


def test_the_print_view_lays_out_the_log_like_the_minutes(client, secretariat, group, owners):
    meeting = MeetingFactory(group=group, starts_at=london(2019, 10, 23))
    action = record(
        group,
        owners=owners,
        title="Finance / Funding",
        description="PG to draft letter",
        origin_item=AgendaItemFactory(meeting=meeting, number="4.1"),
    )
    action_update(action=action, author=None, text="PG has chased the letters.")
    client.force_login(secretariat)
    page = client.get(reverse("governance:action_log_print", args=[group.pk])).content.decode()
    assert "Action No 1 (23.10.19 ref 4.1)" in page
    assert "<i>Finance / Funding \u2013 PG to draft letter</i>" in page
    assert '<p class="update">PG has chased the letters.</p>' in page
    assert '<td class="owners">EF/KW</td>' in page
    assert "<script>" not in page and "style=" not in page


def test_the_print_view_downloads_as_pdf(client, secretariat, group, action):
    client.force_login(secretariat)
    response = client.get(reverse("governance:action_log_print", args=[group.pk]), {"format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@time_machine.travel("2024-06-10 23:30:00+00:00", tick=False)
def test_overdue_is_judged_by_the_london_date_just_after_midnight(client, secretariat, group, owners):
    # 23:30 UTC on 10 June is 00:30 BST on 11 June: an action due on 10 June is now overdue.
    record(group, owners=owners, description="Due on the tenth", due_date=datetime.date(2024, 6, 10))
    client.force_login(secretariat)
    response = client.get(log_url(group), {"overdue": "on"})
    assert [action.description for action in response.context["actions"]] == ["Due on the tenth"]
    assert response.context["actions"][0].rag.label == "Overdue"


@time_machine.travel("2024-06-10 22:30:00+00:00", tick=False)
def test_an_action_due_today_in_london_is_not_overdue(client, secretariat, group, owners):
    # 22:30 UTC is 23:30 BST, still 10 June in London.
    record(group, owners=owners, description="Due on the tenth", due_date=datetime.date(2024, 6, 10))
    client.force_login(secretariat)
    response = client.get(log_url(group))
    assert response.context["actions"][0].rag.label == "Due soon"
    assert list(client.get(log_url(group), {"overdue": "on"}).context["actions"]) == []


# My actions and the action plan -------------------------------------------------------------------


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
def test_my_actions_lists_every_action_i_own_across_groups_overdue_first(client, member, group):
    me = member.person
    other_group = GroupFactory(name="Quality and Effectiveness Group")
    later = record(group, owners=[me], description="Later", due_date=datetime.date(2024, 9, 1))
    overdue = record(other_group, owners=[me], description="Overdue", due_date=datetime.date(2024, 5, 1))
    record(group, owners=[PersonFactory()], description="Someone else's")
    client.force_login(member)
    response = client.get(reverse("governance:my_actions"))
    assert [action.pk for action in response.context["actions"]] == [overdue.pk, later.pk]
    assert "Someone else" not in response.content.decode()


def test_my_actions_without_a_person_explains(client, partner):
    client.force_login(partner)
    response = client.get(reverse("governance:my_actions"))
    assert response.status_code == 200
    assert "not linked" in response.content.decode()


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
def test_the_action_plan_counts_by_source(client, chair, group, owners):
    from governance.models import ActionSource
    from governance.services.actions import action_record_for_source

    meeting = MeetingFactory(group=group, starts_at=london(2024, 4, 1))
    record(
        group,
        owners=owners,
        origin_item=AgendaItemFactory(meeting=meeting),
        due_date=datetime.date(2024, 5, 1),
    )
    done = record(group, owners=owners, origin_item=AgendaItemFactory(meeting=meeting))
    action_update(
        action=done,
        author=None,
        new_status=ActionStatus.COMPLETED,
        text="Done",
        today=datetime.date(2024, 4, 2),
    )
    action_record_for_source(
        source_object=GroupFactory(),
        source_kind=ActionSource.AUDIT,
        label="Neglect audit",
        group=group,
        description="Re-audit",
        owners=owners,
        recorded_by=None,
    )
    client.force_login(chair)
    response = client.get(reverse("governance:action_plan", args=[group.pk]))
    plan = {line.source: line for line in response.context["plan"]}
    assert (plan["meeting"].open, plan["meeting"].overdue, plan["meeting"].completed_this_quarter) == (
        1,
        1,
        1,
    )
    assert (plan["audit"].open, plan["audit"].overdue) == (1, 0)
    assert plan["audit"].lines[0].label == "Neglect audit"
    assert [line.label for line in plan["meeting"].lines] == [f"Agreed at {meeting}"]
    assert "Neglect audit" in response.content.decode()


# Review at a meeting --------------------------------------------------------------------------------


@pytest.fixture
def review(group, owners):
    earlier = MeetingFactory(group=group, starts_at=london(2019, 10, 23))
    meeting = MeetingFactory(group=group, starts_at=london(2019, 12, 18))
    # Recorded on their own dates: a meeting reviews only actions that existed at it (issue 10).
    outstanding = record(
        group,
        owners=owners,
        description="Draft letter",
        origin_item=AgendaItemFactory(meeting=earlier, number="4.1"),
        now=london(2019, 10, 23),
    )
    finished = record(group, owners=owners, description="Identify a lead", now=london(2019, 11, 1))
    action_update(
        action=finished, author=None, new_status=ActionStatus.COMPLETED, text="Done", now=london(2019, 11, 20)
    )
    agreed_here = record(
        group,
        owners=owners,
        description="New today",
        origin_item=AgendaItemFactory(meeting=meeting),
        now=london(2019, 12, 18),
    )
    return {"meeting": meeting, "outstanding": outstanding, "finished": finished, "agreed_here": agreed_here}


def review_url(meeting):
    return reverse("governance:meeting_action_review", args=[meeting.pk])


def row_url(meeting, action):
    return reverse("governance:meeting_action_review_update", args=[meeting.pk, action.pk])


def test_the_previous_minutes_item_loads_the_review_with_htmx_and_links_to_it(rf, secretariat, review):
    from django.template.loader import render_to_string

    meeting = review["meeting"]
    item = AgendaItemFactory(meeting=meeting, standing_item="previous_minutes")
    request = rf.get("/")
    request.user = secretariat
    html = render_to_string(
        "governance/partials/_previous_minutes_actions.html",
        {"item": item, "meeting": meeting, "user": secretariat},
        request=request,
    )
    assert f'hx-get="{review_url(meeting)}"' in html
    assert 'hx-trigger="load"' in html
    assert f'<a href="{review_url(meeting)}">Review actions</a>' in html
    other_item = AgendaItemFactory(meeting=meeting, standing_item="aob")
    assert "hx-get" not in render_to_string(
        "governance/partials/_previous_minutes_actions.html",
        {"item": other_item, "meeting": meeting, "user": secretariat},
    )


def test_the_review_lists_outstanding_actions_agreed_before_the_meeting(client, secretariat, review):
    client.force_login(secretariat)
    response = client.get(review_url(review["meeting"]), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page  # a fragment for htmx
    assert "Draft letter" in page
    assert "Identify a lead" not in page and "New today" not in page
    assert f'hx-post="{row_url(review["meeting"], review["outstanding"])}"' in page
    assert "csrfmiddlewaretoken" in page
    assert response["Vary"].count("HX-Request") == 1


def test_the_review_is_a_full_page_without_javascript(client, secretariat, review):
    client.force_login(secretariat)
    page = client.get(review_url(review["meeting"])).content.decode()
    assert "<html" in page
    assert "Draft letter" in page


def test_posting_a_review_update_with_htmx_swaps_just_that_row(client, secretariat, review):
    meeting, action = review["meeting"], review["outstanding"]
    client.force_login(secretariat)
    prefix = f"action-{action.pk}"
    response = client.post(
        row_url(meeting, action),
        {
            f"{prefix}-text": "PG to let EH know once letters have been sent.",
            f"{prefix}-new_status": "in_progress",
        },
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith(f'<article class="list-group-item py-3" id="action-{action.pk}"')
    assert "<strong>PG to let EH know once letters have been sent.</strong>" in page
    assert "Update posted." in page
    update = ActionUpdate.objects.get(action=action)
    assert update.reviewed_at_meeting == meeting
    assert update.author == secretariat


def test_an_invalid_review_update_with_htmx_shows_the_errors_in_the_row(client, secretariat, review):
    meeting, action = review["meeting"], review["outstanding"]
    client.force_login(secretariat)
    prefix = f"action-{action.pk}"
    response = client.post(
        row_url(meeting, action),
        {f"{prefix}-text": "Later", f"{prefix}-revised_due_date": "2020-03-31"},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Give a reason for revising the due date." in page
    assert "Later" in page
    assert not ActionUpdate.objects.filter(action=action).exists()


def test_posting_a_review_update_without_javascript_redirects_back(client, secretariat, review):
    meeting, action = review["meeting"], review["outstanding"]
    client.force_login(secretariat)
    prefix = f"action-{action.pk}"
    response = client.post(
        row_url(meeting, action),
        {
            f"{prefix}-text": "The deadline for this to be revised to March 2020.",
            f"{prefix}-revised_due_date": "2020-03-31",
            f"{prefix}-revision_reason": "The plan waits for the summit.",
        },
    )
    assert response.status_code == 302
    assert response.url == review_url(meeting) + f"#action-{action.pk}"
    action.refresh_from_db()
    assert action.due_date == datetime.date(2020, 3, 31)


def test_an_invalid_review_update_without_javascript_shows_the_page_with_errors(client, secretariat, review):
    meeting, action = review["meeting"], review["outstanding"]
    client.force_login(secretariat)
    prefix = f"action-{action.pk}"
    response = client.post(row_url(meeting, action), {f"{prefix}-new_status": "completed"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" in page
    assert "completion note" in page


def test_a_member_who_owns_nothing_sees_the_review_without_forms(client, member, review):
    client.force_login(member)
    page = client.get(review_url(review["meeting"])).content.decode()
    assert "Draft letter" in page
    assert "hx-post" not in page
    response = client.post(row_url(review["meeting"], review["outstanding"]), {"action-1-text": "x"})
    assert response.status_code == 403


def test_no_updates_are_posted_at_a_cancelled_meeting(client, secretariat, review):
    meeting = review["meeting"]
    meeting.status = MeetingStatus.CANCELLED
    meeting.save()
    client.force_login(secretariat)
    assert "hx-post" not in client.get(review_url(meeting)).content.decode()


def test_an_action_of_another_group_is_not_found_in_the_review(client, secretariat, review):
    client.force_login(secretariat)
    stranger = record(GroupFactory())
    response = client.post(row_url(review["meeting"], stranger), {})
    assert response.status_code == 404


def test_the_minutes_can_list_the_actions_reviewed_and_their_updates(secretariat, review):
    from governance.selectors.actions import actions_reviewed_at

    meeting = review["meeting"]
    action_update(
        action=review["outstanding"], author=secretariat, text="Chased.", reviewed_at_meeting=meeting
    )
    action_update(action=review["outstanding"], author=secretariat, text="Elsewhere.")
    reviewed = actions_reviewed_at(meeting)
    assert [action.pk for action in reviewed] == [review["outstanding"].pk]
    assert [update.text for update in reviewed[0].reviewed_updates] == ["Chased."]
    assert reviewed[0].initials == "EF/KW"


def test_owner_names_are_escaped_in_the_filter(client, secretariat, group):
    # The owner filter names only the person chosen (a type-ahead field, issue 16).
    person = PersonFactory(name="<b>Bold</b> Person")
    client.force_login(secretariat)
    page = client.get(log_url(group), {"owner": person.pk}).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; Person" in page
    assert "<b>Bold</b>" not in page


def test_an_action_from_another_source_links_back_to_it(client, secretariat, group, owners):
    from governance.models import ActionSource
    from governance.services.actions import action_record_for_source

    origin = GroupFactory(name="Development and Practice Group")
    action = action_record_for_source(
        source_object=origin,
        source_kind=ActionSource.BUSINESS_PLAN,
        label="Business plan 2024-25: neglect",
        group=group,
        description="Refresh the neglect strategy",
        owners=owners,
        recorded_by=None,
    )
    client.force_login(secretariat)
    page = client.get(action.get_absolute_url()).content.decode()
    assert f'<a href="{origin.get_absolute_url()}">Business plan 2024-25: neglect</a>' in page


def test_the_trail_shows_updates_posted_without_an_author(client, secretariat, action):
    action_update(action=action, author=None, text="Imported from the old log.")
    client.force_login(secretariat)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Imported from the old log." in page
    assert "Recorded by the system" in page
