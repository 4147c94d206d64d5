"""The minutes pages: who may see and do what, what they show, and their query counts."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from governance.models import AgendaItem, Decision, MeetingStatus, Minutes, MinutesAmendment, MinutesStatus
from governance.selectors.minutes import minutes_document
from governance.services import minutes as services
from governance.tests.factories import PersonFactory
from governance.tests.factories_minutes import (
    AgendaItemFactory,
    AttendanceFactory,
    DecisionFactory,
    at,
    board_meeting,
    partners_present,
)

pytestmark = pytest.mark.django_db

ALL_USERS = ["admin_user", "secretariat", "partner", "chair", "member", "outsider"]
MANAGERS = ["admin_user", "secretariat", "chair"]
MEMBERS = [*MANAGERS, "member"]
EVERYONE_WITH_A_ROLE = [*MEMBERS, "partner"]


def add_confidential_item(meeting, position=9):
    return AgendaItemFactory(
        meeting=meeting,
        position=position,
        number=str(position),
        sort_key=f"{position:04d}",
        title="Case of Child K",
        confidential=True,
        discussion="Details of Child K that must never be published.",
    )


@pytest.fixture
def december(group):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    partners_present(meeting)
    items[1].discussion = "The Chair welcomed all to the December meeting."
    items[1].save()
    add_confidential_item(meeting)
    return meeting, items


@pytest.fixture
def january(group):
    meeting, items = board_meeting(group, at(2020, 1, 31))
    partners_present(meeting)
    return meeting, items


def circulate(meeting):
    return services.minutes_circulate(minutes=services.minutes_start(meeting=meeting))


def approve(meeting, at_item, user):
    return services.minutes_approve(minutes=circulate(meeting), at_item=at_item, approved_by=user)


def login(client, request, who):
    client.force_login(request.getfixturevalue(who))


# Permission matrix ----------------------------------------------------------


def manager_pages(december, january):
    meeting, items = december
    return {
        "minutes_edit": reverse("governance:minutes_edit", args=[meeting.pk]),
        "decision_create": reverse("governance:decision_create", args=[items[2].pk]),
        "minutes_approve": reverse("governance:minutes_approve", args=[january[1][0].pk]),
        "decision_ratify": reverse("governance:decision_ratify", args=[january[1][1].pk]),
    }


@pytest.mark.parametrize("page", ["minutes_edit", "decision_create", "minutes_approve", "decision_ratify"])
def test_anonymous_user_is_sent_to_login(client, december, january, page):
    response = client.get(manager_pages(december, january)[page])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("page", ["minutes_edit", "decision_create", "minutes_approve", "decision_ratify"])
@pytest.mark.parametrize("who", ALL_USERS)
def test_only_those_who_manage_the_meeting_open_the_editing_pages(
    client, request, december, january, page, who
):
    circulate(december[0])
    login(client, request, who)
    response = client.get(manager_pages(december, january)[page])
    assert response.status_code == (200 if who in MANAGERS else 403)


@pytest.mark.parametrize("who", ALL_USERS)
def test_amending_approved_minutes_is_for_those_who_manage_the_meeting(
    client, request, december, january, secretariat, who
):
    approve(december[0], january[1][0], secretariat)
    login(client, request, who)
    response = client.get(reverse("governance:minutes_amend", args=[december[0].pk]))
    assert response.status_code == (200 if who in MANAGERS else 403)


@pytest.mark.parametrize("action", ["minutes_circulate", "minutes_publish"])
@pytest.mark.parametrize("who", ["partner", "member", "outsider"])
def test_workflow_buttons_are_refused_to_other_roles(client, request, december, action, who):
    login(client, request, who)
    response = client.post(reverse(f"governance:{action}", args=[december[0].pk]))
    assert response.status_code == 403


@pytest.mark.parametrize("action", ["minutes_circulate", "minutes_publish"])
def test_workflow_buttons_need_a_post(client, secretariat, december, action):
    client.force_login(secretariat)
    assert client.get(reverse(f"governance:{action}", args=[december[0].pk])).status_code == 405


@pytest.mark.parametrize("page", ["minutes_detail", "minutes_pdf"])
@pytest.mark.parametrize("who", ALL_USERS)
def test_draft_minutes_are_seen_only_by_those_who_manage_the_meeting(client, request, december, page, who):
    services.minutes_start(meeting=december[0])
    login(client, request, who)
    response = client.get(reverse(f"governance:{page}", args=[december[0].pk]))
    assert response.status_code == (200 if who in MANAGERS else 403)


@pytest.mark.parametrize("who", ALL_USERS)
def test_circulated_minutes_are_seen_by_the_groups_members(client, request, december, who):
    circulate(december[0])
    login(client, request, who)
    response = client.get(reverse("governance:minutes_detail", args=[december[0].pk]))
    assert response.status_code == (200 if who in MEMBERS else 403)


@pytest.mark.parametrize("who", ALL_USERS)
def test_published_minutes_are_seen_by_everyone_with_a_role(
    client, request, december, january, secretariat, who
):
    services.minutes_publish(minutes=approve(december[0], january[1][0], secretariat))
    login(client, request, who)
    response = client.get(reverse("governance:minutes_detail", args=[december[0].pk]))
    assert response.status_code == (200 if who in EVERYONE_WITH_A_ROLE else 403)


@pytest.mark.parametrize("who", ALL_USERS)
def test_the_minutes_list_is_for_everyone_with_a_role(client, request, who):
    login(client, request, who)
    response = client.get(reverse("governance:minutes_list"))
    assert response.status_code == (200 if who in EVERYONE_WITH_A_ROLE else 403)


def test_a_meeting_without_minutes_is_not_found_for_a_member(client, member, december):
    client.force_login(member)
    assert client.get(reverse("governance:minutes_detail", args=[december[0].pk])).status_code == 404


# What the pages do ----------------------------------------------------------


def test_the_editor_shows_one_textarea_per_item_in_agenda_order_with_confidential_marked(
    client, secretariat, december
):
    meeting, _items = december
    client.force_login(secretariat)
    response = client.get(reverse("governance:minutes_edit", args=[meeting.pk]))
    html = response.content.decode()
    positions = [html.index(f'name="item_{item.pk}"') for item in meeting.agenda_items.order_by("sort_key")]
    assert positions == sorted(positions) and len(positions) == 5
    assert "Confidential" in html
    assert "The Chair welcomed all to the December meeting." in html


def test_saving_the_editor_writes_each_items_discussion(client, secretariat, december):
    meeting, items = december
    client.force_login(secretariat)
    data = {f"item_{item.pk}": f"Minuted {item.number}" for item in meeting.agenda_items.all()}
    response = client.post(reverse("governance:minutes_edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert AgendaItem.objects.get(pk=items[2].pk).discussion == "Minuted 3"
    assert Minutes.objects.get(meeting=meeting).status == MinutesStatus.DRAFT


def test_the_editor_refuses_to_change_approved_minutes(client, secretariat, december, january):
    meeting, items = december
    approve(meeting, january[1][0], secretariat)
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:minutes_edit", args=[meeting.pk]),
        {f"item_{items[1].pk}": "Silent edit"},
        follow=True,
    )
    assert "Approved minutes cannot be edited; record an amendment." in response.content.decode()
    assert (
        AgendaItem.objects.get(pk=items[1].pk).discussion == "The Chair welcomed all to the December meeting."
    )


def test_the_editor_links_to_record_an_action_at_the_item_when_the_action_log_offers_it(
    client, secretariat, december
):
    meeting, items = december
    client.force_login(secretariat)
    html = client.get(reverse("governance:minutes_edit", args=[meeting.pk])).content.decode()
    try:
        base = reverse("governance:action_create", args=[meeting.group.pk])
    except Exception:  # the action log's route is not there: no link at all
        assert "Record an action" not in html
    else:
        assert f"{base}?item={items[2].pk}" in html


def test_recording_a_decision_after_the_police_left_marks_it_for_ratification(client, secretariat, group):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    partners_present(meeting, police_left_before=items[2])
    client.force_login(secretariat)
    prefix = f"decision-{items[2].pk}"
    response = client.post(
        reverse("governance:decision_create", args=[items[2].pk]),
        {f"{prefix}-text": "Budget agreed.", f"{prefix}-key_decision": "on"},
        follow=True,
    )
    decision = Decision.objects.get()
    assert decision.needs_ratification
    html = response.content.decode()
    assert "Taken inquorate — needs ratification" in html
    assert "Police not represented at this item." in html


def test_the_editor_warns_that_a_key_decision_at_an_inquorate_item_needs_ratification(
    client, secretariat, group
):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    partners_present(meeting, police_left_before=items[2])
    client.force_login(secretariat)
    html = client.get(reverse("governance:minutes_edit", args=[meeting.pk])).content.decode()
    # Issue 10, point 4 (reversing the earlier "every inquorate decision" rule): only a key
    # decision taken inquorate needs ratification; others are flagged.
    assert "at this item: a key decision recorded here will need ratification" in html
    assert "any other decision is flagged as taken inquorate" in html
    html = client.get(reverse("governance:decision_create", args=[items[2].pk])).content.decode()
    assert "A key decision taken while a statutory partner is not represented needs ratification" in html


def test_a_decision_form_with_no_text_keeps_the_page_with_an_error(client, secretariat, december):
    _meeting, items = december
    client.force_login(secretariat)
    prefix = f"decision-{items[2].pk}"
    response = client.post(
        reverse("governance:decision_create", args=[items[2].pk]), {f"{prefix}-key_decision": "on"}
    )
    assert response.status_code == 200
    assert not Decision.objects.exists()
    assert "This field is required." in response.content.decode()


def test_circulating_from_the_editor(client, secretariat, december):
    client.force_login(secretariat)
    response = client.post(reverse("governance:minutes_circulate", args=[december[0].pk]))
    assert response.status_code == 302
    assert Minutes.objects.get(meeting=december[0]).status == MinutesStatus.CIRCULATED


def test_approving_with_an_amendment_at_the_next_meeting(client, secretariat, december, january):
    meeting, items = december
    minutes = circulate(meeting)
    chris = PersonFactory(name="Chris Requester")
    AttendanceFactory(meeting=january[0], person=chris)
    client.force_login(secretariat)
    url = reverse("governance:minutes_approve", args=[january[1][0].pk])
    assert str(meeting) in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "minutes": minutes.pk,
            "confirm": "on",
            "amendment-TOTAL_FORMS": "3",
            "amendment-INITIAL_FORMS": "0",
            "amendment-0-agenda_item": items[1].pk,
            "amendment-0-new_text": "The Chair welcomed all. Item 3 was moved to the end.",
            "amendment-0-requested_by": chris.pk,
        },
    )
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.APPROVED
    amendment = MinutesAmendment.objects.get()
    assert amendment.requested_by == chris

    page = client.get(reverse("governance:minutes_detail", args=[meeting.pk])).content.decode()
    assert "The Chair welcomed all. Item 3 was moved to the end." in page
    assert "History of amendments" in page
    assert "The Chair welcomed all to the December meeting." in page  # the original, in the history
    assert "Chris Requester" in page


def test_an_incomplete_amendment_keeps_what_was_typed(client, secretariat, december, january):
    meeting, items = december
    minutes = circulate(meeting)
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:minutes_approve", args=[january[1][0].pk]),
        {
            "minutes": minutes.pk,
            "confirm": "on",
            "amendment-TOTAL_FORMS": "3",
            "amendment-INITIAL_FORMS": "0",
            "amendment-0-agenda_item": items[1].pk,
            "amendment-0-new_text": "Half-typed wording",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "needs the item, the new wording and who asked for it" in html
    assert "Half-typed wording" in html
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.CIRCULATED


def test_approving_at_a_meeting_not_yet_held_shows_why(client, secretariat, december, january):
    minutes = circulate(december[0])
    january[0].status = MeetingStatus.SCHEDULED
    january[0].save()
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:minutes_approve", args=[january[1][0].pk]),
        {
            "minutes": minutes.pk,
            "confirm": "on",
            "amendment-TOTAL_FORMS": "0",
            "amendment-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Minutes are approved at a meeting that has been held" in response.content.decode()


def test_publishing_from_the_editor(client, secretariat, december, january):
    minutes = approve(december[0], january[1][0], secretariat)
    client.force_login(secretariat)
    response = client.post(reverse("governance:minutes_publish", args=[december[0].pk]))
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.published_at is not None


def test_publishing_a_draft_says_why_not(client, secretariat, december):
    services.minutes_start(meeting=december[0])
    client.force_login(secretariat)
    response = client.post(reverse("governance:minutes_publish", args=[december[0].pk]), follow=True)
    assert "Only approved minutes are published." in response.content.decode()
    assert Minutes.objects.get(meeting=december[0]).published_at is None


def test_a_further_amendment_to_approved_minutes_through_the_page(client, secretariat, december, january):
    meeting, items = december
    approve(meeting, january[1][0], secretariat)
    asked = PersonFactory(name="Ellen Asker")
    AttendanceFactory(meeting=meeting, person=asked)
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:minutes_amend", args=[meeting.pk]),
        {
            "agenda_item": items[1].pk,
            "new_text": "Corrected after approval.",
            "requested_by": asked.pk,
            "reason": "The welcome was minuted wrongly.",
        },
    )
    assert response.status_code == 302
    amendment = MinutesAmendment.objects.get()
    assert amendment.original_text == "The Chair welcomed all to the December meeting."
    assert amendment.recorded_by == secretariat
    assert AgendaItem.objects.get(pk=items[1].pk).discussion == "Corrected after approval."


def test_amending_minutes_not_yet_approved_is_not_found(client, secretariat, december):
    circulate(december[0])
    client.force_login(secretariat)
    assert client.get(reverse("governance:minutes_amend", args=[december[0].pk])).status_code == 404


def test_ratifying_at_an_inquorate_item_says_why_not(client, secretariat, group):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    partners_present(meeting, police_left_before=items[2])
    decision = services.decision_record(agenda_item=items[2], text="Budget agreed.", recorded_by=secretariat)
    _, later_items = board_meeting(group, at(2020, 1, 31))  # nobody recorded as attending
    client.force_login(secretariat)
    url = reverse("governance:decision_ratify", args=[later_items[1].pk])
    response = client.post(url, {"decision": decision.pk}, follow=True)
    assert "cannot ratify a decision" in response.content.decode()
    decision.refresh_from_db()
    assert decision.ratified_on is None


def test_ratifying_from_the_ratification_item(client, secretariat, group, january):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    partners_present(meeting, police_left_before=items[2])
    decision = services.decision_record(agenda_item=items[2], text="Budget agreed.", recorded_by=secretariat)
    client.force_login(secretariat)
    url = reverse("governance:decision_ratify", args=[january[1][1].pk])
    assert "Budget agreed." in client.get(url).content.decode()
    assert client.post(url, {"decision": decision.pk}).status_code == 302
    decision.refresh_from_db()
    assert decision.ratified_at_item == january[1][1]


def test_publishing_leaves_confidential_items_out_for_those_who_may_not_see_them(
    client, partner, secretariat, december, january
):
    meeting, _ = december
    services.minutes_publish(minutes=approve(meeting, january[1][0], secretariat))
    client.force_login(partner)
    html = client.get(reverse("governance:minutes_detail", args=[meeting.pk])).content.decode()
    assert "The Chair welcomed all to the December meeting." in html
    assert "Child K" not in html
    assert "1 confidential item left out" in html


def test_members_see_confidential_items_in_their_groups_minutes(client, member, december):
    circulate(december[0])
    client.force_login(member)
    html = client.get(reverse("governance:minutes_detail", args=[december[0].pk])).content.decode()
    assert "Details of Child K" in html


def test_the_published_version_leaves_confidential_items_out_even_for_the_secretariat(
    client, secretariat, december
):
    services.minutes_start(meeting=december[0])
    client.force_login(secretariat)
    url = reverse("governance:minutes_detail", args=[december[0].pk]) + "?version=published"
    assert "Child K" not in client.get(url).content.decode()


def test_the_minutes_list_shows_published_minutes_to_a_partner_but_not_drafts(
    client, partner, secretariat, december, january
):
    services.minutes_publish(minutes=approve(december[0], january[1][0], secretariat))
    services.minutes_start(meeting=january[0])
    client.force_login(partner)
    html = client.get(reverse("governance:minutes_list")).content.decode()
    assert reverse("governance:minutes_detail", args=[december[0].pk]) in html
    assert reverse("governance:minutes_detail", args=[january[0].pk]) not in html


# The PDF --------------------------------------------------------------------


def test_the_minutes_pdf_is_a_pdf(client, secretariat, december):
    services.minutes_start(meeting=december[0])
    client.force_login(secretariat)
    response = client.get(reverse("governance:minutes_pdf", args=[december[0].pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_pdf_is_laid_out_like_board_minutes(group, secretariat, december, january):
    meeting, items = december
    meeting.minute_taker = PersonFactory(name="Ed Hughes", job_title="Business Support Co-ordinator")
    meeting.save()
    AttendanceFactory(meeting=meeting, person=meeting.minute_taker, status="in_attendance", is_member=False)
    absent = PersonFactory(name="Karen Wright", job_title="Director of Public Health")
    AttendanceFactory(meeting=meeting, person=absent, status="apologies")
    deputy = PersonFactory(name="Dee Puty", agency=absent.agency)
    AttendanceFactory(meeting=meeting, person=deputy, status="deputy", deputy_for=absent)
    inquorate = DecisionFactory(
        agenda_item=items[2],
        text="Budget agreed.",
        taken_quorate=False,
        needs_ratification=True,
        missing_partners="police",
    )
    approve(meeting, january[1][0], secretariat)
    services.minutes_amend(
        minutes=Minutes.objects.get(meeting=meeting),
        agenda_item=items[1],
        new_text="The Chair welcomed all. Item 3 moved to the end.",
        requested_by=PersonFactory(name="Chris Baird"),
        recorded_by=secretariat,
        reason="Item 3 was moved at the start of the meeting.",
    )

    doc = minutes_document(meeting=meeting, include_confidential=False)
    html = render_to_string("governance/minutes_pdf.html", {"doc": doc, "published_version": True})

    assert f"Minutes of the {group.name}" in html
    assert "Wednesday 18 December 2019 1.00pm – 2.30pm" in html  # noqa: RUF001
    assert "Mordiford Room, Plough Lane, Hereford" in html
    sections = [
        html.index(heading) for heading in ("Present:", "In attendance:", "Apologies:", "Items", "Amendments")
    ]
    assert sections == sorted(sections)
    assert "Sue Thomas" in html and "Superintendent" in html and "Shire Police" in html
    assert "Ed Hughes (minutes)" in html
    assert "Karen Wright" in html and "represented by Dee Puty (deputy)" in html
    assert inquorate.text in html and "Taken inquorate — needs ratification (police not represented)" in html
    assert "The Chair welcomed all. Item 3 moved to the end." in html
    assert "The Chair welcomed all to the December meeting." in html  # original wording, in the amendments
    assert "Child K" not in html


def test_actions_agreed_at_an_item_show_their_owners_initials_at_the_side(december):
    from governance.models import Action

    meeting, items = december
    action = Action.objects.create(
        group=meeting.group,
        number=15,
        reference="18.12.19 ref 3",
        origin_meeting=meeting,
        origin_item=items[2],
        description="PG to draft letter to partners.",
    )
    action.owners.set([PersonFactory(name="Philippa Granthier"), PersonFactory(name="Ellen Footman")])
    doc = minutes_document(meeting=meeting, include_confidential=True)
    html = render_to_string("governance/minutes_pdf.html", {"doc": doc})
    assert "No 15 (18.12.19 ref 3)" in html
    assert '<td class="owners">EF/PG</td>' in html


# Query counts -----------------------------------------------------------------


def busy_meeting(group, size):
    """A meeting of `size` items, each with a decision (some ratified), an action with two owners
    reviewed at the meeting, an attendee and an amendment."""
    from governance.models import Action, ActionUpdate

    meeting, items = board_meeting(group, at(2019, 12, 18), titles=[f"Topic {n}" for n in range(size - 1)])
    _later, later_items = board_meeting(group, at(2020, 1, 31))
    partners_present(meeting)
    minutes = services.minutes_circulate(minutes=services.minutes_start(meeting=meeting))
    requester = PersonFactory()
    for number, item in enumerate(items, start=1):
        DecisionFactory(
            agenda_item=item,
            taken_quorate=number % 2 == 0,
            needs_ratification=number % 2 == 1,
            ratified_at_item=later_items[1] if number % 3 == 0 else None,
        )
        AttendanceFactory(meeting=meeting)
        action = Action.objects.create(
            group=group, number=number, origin_meeting=meeting, origin_item=item, description=f"Do {number}"
        )
        action.owners.set([PersonFactory(), PersonFactory()])
        ActionUpdate.objects.create(action=action, text=f"Update {number}", reviewed_at_meeting=meeting)
        MinutesAmendment.objects.create(
            minutes=minutes,
            agenda_item=item,
            original_text="Old",
            new_text="New",
            requested_by=requester,
            made_at_item=later_items[0],
        )
    return meeting, minutes


# Measured: 17 and 19 whatever the size (session, user, roles and the navigation bar included).
@pytest.mark.parametrize("size", [5, 40])
def test_the_editor_runs_a_fixed_number_of_queries(
    client, secretariat, group, size, django_assert_max_num_queries
):
    meeting, _ = busy_meeting(group, size)
    client.force_login(secretariat)
    url = reverse("governance:minutes_edit", args=[meeting.pk])
    with django_assert_max_num_queries(17):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [5, 40])
def test_the_minutes_page_runs_a_fixed_number_of_queries(
    client, member, group, size, django_assert_max_num_queries
):
    meeting, _ = busy_meeting(group, size)
    client.force_login(member)
    url = reverse("governance:minutes_detail", args=[meeting.pk])
    with django_assert_max_num_queries(19):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Update ") >= size  # the reviewed actions were shown


@pytest.mark.parametrize("size", [5, 40])
def test_the_minutes_pdf_runs_a_fixed_number_of_queries(
    client, member, group, size, django_assert_max_num_queries
):
    meeting, _ = busy_meeting(group, size)
    client.force_login(member)
    url = reverse("governance:minutes_pdf", args=[meeting.pk])
    with django_assert_max_num_queries(17):
        assert client.get(url).status_code == 200


# The partials on the meeting page ------------------------------------------------


def render_partial(name, user, **context):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(f"governance/partials/{name}", {"user": user, **context}, request=request)


def test_the_item_partial_marks_a_decision_taken_inquorate(secretariat, group, january):
    meeting, items = board_meeting(group, at(2019, 12, 18))
    DecisionFactory(
        agenda_item=items[2],
        text="Budget agreed.",
        taken_quorate=False,
        needs_ratification=True,
        missing_partners="police",
    )
    DecisionFactory(
        agenda_item=items[2],
        text="Logo agreed.",
        taken_quorate=False,
        needs_ratification=True,
        missing_partners="police",
        ratified_at_item=january[1][1],
        ratified_on=january[0].local_date,
    )
    html = render_partial("_item_minutes.html", secretariat, item=items[2], meeting=meeting)
    assert "Budget agreed." in html and "Taken inquorate — needs ratification" in html
    assert "Ratified 31 Jan 2020" in html


def test_the_item_partial_offers_approval_and_ratification_only_to_those_who_manage(
    secretariat, member, january
):
    meeting, items = january
    approve_url = reverse("governance:minutes_approve", args=[items[0].pk])
    assert approve_url in render_partial("_item_minutes.html", secretariat, item=items[0], meeting=meeting)
    assert approve_url not in render_partial("_item_minutes.html", member, item=items[0], meeting=meeting)


def test_the_meeting_panel_shows_the_stage_and_the_links(secretariat, member, december):
    meeting, _ = december
    services.minutes_start(meeting=meeting)
    manager_html = render_partial("_meeting_minutes_panel.html", secretariat, meeting=meeting)
    assert "Draft" in manager_html
    assert reverse("governance:minutes_edit", args=[meeting.pk]) in manager_html
    member_html = render_partial("_meeting_minutes_panel.html", member, meeting=meeting)
    assert reverse("governance:minutes_edit", args=[meeting.pk]) not in member_html
    assert reverse("governance:minutes_detail", args=[meeting.pk]) not in member_html  # a draft
    circulate(meeting)
    meeting.refresh_from_db()
    member_html = render_partial("_meeting_minutes_panel.html", member, meeting=meeting)
    assert reverse("governance:minutes_detail", args=[meeting.pk]) in member_html
    assert reverse("governance:minutes_pdf", args=[meeting.pk]) in member_html


def test_the_meeting_panel_says_when_there_are_no_minutes(secretariat, december):
    html = render_partial("_meeting_minutes_panel.html", secretariat, meeting=december[0])
    assert "No minutes have been written yet." in html
    assert "Write the minutes" in html
