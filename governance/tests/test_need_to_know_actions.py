"""Issue 9, points 1 and 2: an action agreed at a confidential item is shown as "a confidential
action" to those who may not see the item; each group's log has its readers."""

import datetime

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import GroupKind, LogReaders
from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP
from governance.scans.actions import action_due_reminders
from governance.selectors import actions as selectors
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import AgendaItemFactory, MeetingFactory, london, record

SECRET_TITLE = "Child Q placement"
SECRET_TEXT = "Contact the foster carers of Child Q about the move"
SECRET_ITEM = "Rapid review: Child Q"


def _user(username, *, groups=(), person_in=(), role="member"):
    user = UserFactory(username=username)
    for name in groups:
        user.groups.add(AuthGroup.objects.get_or_create(name=name)[0])
    person = PersonFactory(user=user, name=f"{username.title()} Person")
    for group in person_in:
        MembershipFactory(person=person, group=group, role=role)
    return user


@pytest.fixture
def scene(db):
    board = GroupFactory(name="Safeguarding Children Board", short_name="Board", kind=GroupKind.BOARD)
    board.log_open_to_partners = True
    board.save()
    jcr = GroupFactory(name="Joint Case Review Group", short_name="JCR", log_readers=LogReaders.MEMBERS_ONLY)
    jcr.reports_to.set([board])
    qe = GroupFactory(name="Quality and Effectiveness Group", short_name="QE")
    qe.reports_to.set([board])
    owner = PersonFactory(name="Olive Owner")
    meeting = MeetingFactory(group=board, starts_at=london(2024, 5, 20))
    secret_item = AgendaItemFactory(meeting=meeting, title=SECRET_ITEM, confidential=True)
    open_item = AgendaItemFactory(meeting=meeting, title="Budget")
    confidential = record(
        board,
        owners=[owner],
        title=SECRET_TITLE,
        description=SECRET_TEXT,
        origin_meeting=meeting,
        origin_item=secret_item,
        due_date=datetime.date(2024, 7, 1),
    )
    plain = record(board, owners=[owner], description="Publish the annual report", origin_item=open_item)
    jcr_action = record(jcr, owners=[owner], description="Chronology for the case of Child R")
    qe_action = record(qe, owners=[owner], description="Audit of strategy meetings")
    return {
        "board": board,
        "jcr": jcr,
        "qe": qe,
        "meeting": meeting,
        "confidential": confidential,
        "plain": plain,
        "jcr_action": jcr_action,
        "qe_action": qe_action,
        "owner": owner,
        "partner": _user("partner", groups=[PARTNER_READER_GROUP]),
        "secretariat": _user("secretary", groups=[SECRETARIAT_GROUP]),
        "board_member": _user("boardie", person_in=[board]),
        "jcr_member": _user("jcrmember", person_in=[jcr]),
        "qe_member": _user("qemember", person_in=[qe]),
        "outsider": UserFactory(username="nobody"),
    }


def _log(client, user, group):
    client.force_login(user)
    return client.get(reverse("governance:action_log", args=[group.pk]))


# Point 1: actions agreed at a confidential item -----------------------------------------------


def test_a_partner_reader_sees_a_confidential_items_action_as_a_confidential_action_in_the_log(client, scene):
    response = _log(client, scene["partner"], scene["board"])
    page = response.content.decode()
    assert response.status_code == 200
    assert "A confidential action" in page
    assert SECRET_TITLE not in page and SECRET_TEXT not in page
    assert "OO" in page  # the owner's initials stay, so a chair can chase it
    assert "Publish the annual report" in page


def test_a_board_member_sees_the_confidential_items_action_in_full(client, scene):
    page = _log(client, scene["board_member"], scene["board"]).content.decode()
    assert SECRET_TEXT in page


def test_the_action_page_of_a_confidential_items_action_shows_only_number_initials_due_date_and_status(
    client, scene
):
    client.force_login(scene["partner"])
    response = client.get(scene["confidential"].get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert f"Action No {scene['confidential'].number}" in page
    assert "OO" in page and "1 Jul 2024" in page and "Open" in page
    for secret in (SECRET_TITLE, SECRET_TEXT, SECRET_ITEM, "Olive Owner", scene["confidential"].reference):
        assert secret not in page


@pytest.mark.parametrize("export", ["action_log_csv", "action_log_xlsx", "action_log_print"])
def test_exports_leave_out_a_confidential_items_action_for_those_who_may_not_see_the_item(
    client, scene, export
):
    client.force_login(scene["partner"])
    response = client.get(reverse(f"governance:{export}", args=[scene["board"].pk]))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200
    if export == "action_log_xlsx":
        import io

        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        body = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row).encode()
    assert SECRET_TEXT.encode() not in body and SECRET_TITLE.encode() not in body
    assert b"Publish the annual report" in body


def test_my_actions_shows_an_owner_outside_the_group_their_confidential_items_action_as_confidential(
    client, scene
):
    user = UserFactory(username="olive")
    scene["owner"].user = user
    scene["owner"].save()
    client.force_login(user)
    page = client.get(reverse("governance:my_actions")).content.decode()
    assert "A confidential action" in page
    assert SECRET_TEXT not in page and "Publish the annual report" in page


def test_the_meeting_action_review_shows_a_partner_reader_a_confidential_items_action_as_confidential(
    client, scene
):
    later = MeetingFactory(group=scene["board"], starts_at=london(2030, 7, 15))
    client.force_login(scene["partner"])
    page = client.get(reverse("governance:meeting_action_review", args=[later.pk])).content.decode()
    assert "A confidential action" in page
    assert SECRET_TEXT not in page and SECRET_TITLE not in page


def test_a_due_date_reminder_of_a_confidential_items_action_does_not_quote_it(scene):
    [messages] = list(action_due_reminders(london(2024, 6, 24, 9)))
    [message] = [m for m in messages if m.subject_ref == f"action:{scene['confidential'].pk}"]
    from django.template.loader import render_to_string

    body = render_to_string("governance/notifications/action_due_soon_body.txt", message.context)
    assert "A confidential action" in body and SECRET_TEXT not in body


# Point 2: who may read a group's log ----------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "group", "status"),
    [
        ("partner", "board", 200),
        ("partner", "jcr", 403),
        ("partner", "qe", 403),
        ("secretariat", "jcr", 200),
        ("jcr_member", "jcr", 200),
        ("board_member", "jcr", 403),
        ("board_member", "qe", 200),
        ("qe_member", "board", 403),
        ("qe_member", "jcr", 403),
        ("outsider", "board", 403),
    ],
)
def test_each_groups_log_is_read_only_by_its_readers(client, scene, who, group, status):
    assert _log(client, scene[who], scene[group]).status_code == status


@pytest.mark.parametrize("page", ["action_log_csv", "action_log_xlsx", "action_log_print", "action_plan"])
def test_the_jcr_logs_exports_and_plan_are_refused_to_a_board_member(client, scene, page):
    client.force_login(scene["board_member"])
    assert client.get(reverse(f"governance:{page}", args=[scene["jcr"].pk])).status_code == 403


def test_a_jcr_action_page_is_refused_to_a_partner_reader(client, scene):
    client.force_login(scene["partner"])
    assert client.get(scene["jcr_action"].get_absolute_url()).status_code == 403


def test_the_selectors_list_only_actions_of_logs_the_user_may_read(scene):
    later = MeetingFactory(group=scene["jcr"], starts_at=london(2030, 7, 15))
    assert selectors.actions_for_meeting_review(meeting=later, user=scene["board_member"]) == []
    assert [a.pk for a in selectors.actions_for_meeting_review(meeting=later, user=scene["jcr_member"])] == [
        scene["jcr_action"].pk
    ]
    assert selectors.action_plan(group=scene["jcr"], user=scene["partner"]) == []


def test_a_need_to_know_log_cannot_be_opened_to_partner_readers(scene):
    jcr = scene["jcr"]
    jcr.log_open_to_partners = True
    with pytest.raises(ValidationError, match="cannot be open to partner readers"):
        jcr.full_clean()
