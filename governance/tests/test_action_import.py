"""Issue 10 point 10: an existing action log brought in from Excel or CSV: numbers and
references kept, owners matched by initials or name among the group's members (or resolved on
a second step), every bad row reported with nothing saved, a template to start from."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.action_import import TEMPLATE_HEADERS, Directory, Entry, match_owners, parse_rows
from governance.models import Action, ActionNumberSequence
from governance.services.actions import action_record
from governance.tests.factories import AgencyFactory, GroupFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

HEADERS = ["Action No", "Reference", "Action", "Owners", "Lead agency", "Due date", "Status", "Latest update"]


def xlsx(rows, headers=HEADERS, name="board-log.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(text, name="board-log.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8-sig"))


@pytest.fixture
def board(group):
    for name in ("Philippa Granthier", "Chris Baird", "Ellen Footman"):
        MembershipFactory(person=PersonFactory(name=name), group=group)
    AgencyFactory(name="Herefordshire Council", short_name="HC")
    return group


@pytest.fixture
def dp():
    return GroupFactory(name="Development & Practice Group", short_name="D&P")


def url(group):
    return reverse("governance:action_import", args=[group.pk])


SEED_003_ROWS = [
    [
        15,
        "23.10.19 ref 4.1",
        "Finance / Funding - PG to draft letter",
        "PG",
        "HC",
        None,
        "In progress",
        "Letters agreed.",
    ],
    [
        19,
        "23.10.19 ref 7.2",
        "Update the neglect strategy virtually",
        "key members of the D&P",
        None,
        None,
        "Open",
        "",
    ],
    [
        22,
        "18.11.19 ref 2.2",
        "PG will lead on the new plan",
        "PG",
        None,
        datetime.date(2020, 3, 31),
        "Open",
        "",
    ],
    [24, "18.11.19 ref 2.4", "Engagement framework", "D&P/CB", None, "16/03/2020", "", "Ongoing."],
]


def entries(*names):
    return [
        Entry(pk=i, name=n, names=(n.lower(), "".join(w[0] for w in n.split()).lower()))
        for i, n in enumerate(names, 1)
    ]


def test_owners_are_matched_by_initials_or_name_among_members_and_to_a_group_by_name():
    directory = Directory(
        people=entries("Ellen Footman", "Karen Wright", "Philippa Granthier"),
        groups=[
            Entry(pk=7, name="Development & Practice Group", names=("development & practice group", "d&p"))
        ],
        agencies=[],
    )
    assert match_owners("EF/KW/ Philippa Granthier", directory, {}) == ([1, 2, 3], None, [])
    assert match_owners("key members of the D&P", directory, {}) == ([], 7, [])
    assert match_owners("EF, LM", directory, {}) == ([1], None, ["LM"])
    assert match_owners("EF, LM", directory, {"lm": ("person", 2)}) == ([1, 2], None, [])


def test_every_bad_row_is_reported_by_its_row_number_and_reason():
    directory = Directory(people=entries("Ellen Footman"), groups=[], agencies=[])
    rows = [
        (2, ["15", "", "Draft a letter", "EF", "", "", "", ""]),
        (3, ["x", "", "", "", "Nowhere Trust", "31/02/2020", "Sorted", ""]),
        (4, ["15", "", "Again", "EF", "", "", "", ""]),
        (5, ["9", "", "Old", "EF", "", "", "", ""]),
    ]
    result = parse_rows(HEADERS, rows, directory=directory, numbers_used={9})
    assert [row.number for row in result.rows] == [15]
    reasons = dict(result.errors)
    assert set(reasons) == {3, 4, 5}
    assert "not a whole number" in reasons[3] and "action text is empty" in reasons[3]
    assert "no owner" in reasons[3] and "Nowhere Trust" in reasons[3]
    assert "'31/02/2020' is not a date" in reasons[3] and "'Sorted' is not a status" in reasons[3]
    assert "also on row 2" in reasons[4]
    assert "already in this log" in reasons[5]


def test_importing_a_seed_003_log_from_excel_keeps_numbers_and_references_and_continues_the_sequence(
    client, secretariat, board, dp
):
    client.force_login(secretariat)
    response = client.post(url(board), {"file": xlsx(SEED_003_ROWS)})
    assert response.status_code == 302
    actions = {a.number: a for a in Action.objects.filter(group=board)}
    assert sorted(actions) == [15, 19, 22, 24]
    assert actions[15].reference == "23.10.19 ref 4.1"
    assert actions[15].status == "in_progress" and actions[15].lead_agency.short_name == "HC"
    assert [p.name for p in actions[15].owners.all()] == ["Philippa Granthier"]
    assert actions[15].updates.get().text == "Letters agreed."
    assert actions[19].owner_group == dp and not actions[19].owners.exists()
    assert actions[22].due_date == datetime.date(2020, 3, 31)
    assert actions[24].due_date == datetime.date(2020, 3, 16)
    assert actions[24].owner_group == dp and [p.name for p in actions[24].owners.all()] == ["Chris Baird"]
    assert ActionNumberSequence.objects.get(group=board).last_number == 24
    following = action_record(group=board, description="Next", owners=[PersonFactory()], recorded_by=None)
    assert following.number == 25


def test_a_file_with_a_bad_row_saves_nothing_and_lists_each_bad_row(client, secretariat, board):
    client.force_login(secretariat)
    rows = [*SEED_003_ROWS[:1], [16, "", "", "PG", None, "soon", "Open", ""]]
    response = client.post(url(board), {"file": xlsx(rows)})
    assert response.status_code == 200  # the page again, saying why; nothing saved
    page = response.content.decode()
    assert "1 row to correct: nothing was imported" in page
    assert "&#x27;soon&#x27; is not a date" in page and "action text is empty" in page
    assert '<th scope="row">3</th>' in page
    assert not Action.objects.exists()


def test_an_unmatched_owner_is_resolved_on_a_second_step_before_anything_is_saved(client, secretariat, board):
    lindsay = PersonFactory(name="Lindsay MacHardy")
    MembershipFactory(person=lindsay, group=board)
    client.force_login(secretariat)
    rows = [[19, "23.10.19 ref 7.2", "Lead on neglect", "LMcH/PG", None, None, "Open", ""]]
    first = client.post(url(board), {"file": xlsx(rows)})
    assert first.status_code == 200
    assert "Who is “LMcH”?" in first.content.decode()
    assert not Action.objects.exists()
    payload = first.context["resolve"].initial["payload"]
    missing = client.post(url(board), {"payload": payload})
    assert missing.status_code == 200 and not Action.objects.exists()
    tampered = client.post(url(board), {"payload": payload + "x", "owner_0": f"person:{lindsay.pk}"})
    assert "upload it again" in tampered.content.decode()
    done = client.post(url(board), {"payload": payload, "owner_0": f"person:{lindsay.pk}"})
    assert done.status_code == 302
    action = Action.objects.get()
    assert sorted(p.name for p in action.owners.all()) == ["Lindsay MacHardy", "Philippa Granthier"]


def test_a_csv_log_is_imported_too(client, chair, board):
    client.force_login(chair)
    text = (
        "Action No,Reference,Action,Owners,Due date,Status\n"
        "7,18.12.19 ref 2.3,MASH to report to Q&E,CB,31/01/2020,\n"
    )
    assert client.post(url(board), {"file": csv_file(text)}).status_code == 302
    assert Action.objects.get().reference == "18.12.19 ref 2.3"


def test_a_file_without_the_required_columns_is_refused_with_the_template_named(client, secretariat, board):
    client.force_login(secretariat)
    response = client.post(url(board), {"file": csv_file("Ref,Owner\nx,PG\n")})
    assert response.status_code == 200  # the page again, saying why; nothing saved
    assert "no column for: “action no”, “action”" in response.content.decode()
    other = client.post(url(board), {"file": SimpleUploadedFile("log.docx", b"PK")})
    assert "Upload a .xlsx (Excel) or .csv file." in other.content.decode()


def test_the_template_downloads_with_seed_003s_columns_and_examples(client, secretariat, board):
    client.force_login(secretariat)
    response = client.get(reverse("governance:action_import_template", args=[board.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == TEMPLATE_HEADERS
    assert rows[1][:2] == (15, "23.10.19 ref 4.1")
    csv_response = client.get(
        reverse("governance:action_import_template", args=[board.pk]), {"format": "csv"}
    )
    assert b"Action No,Reference" in b"".join(csv_response.streaming_content)


@pytest.mark.parametrize("who", ["member", "partner", "outsider"])
def test_only_the_secretariat_and_the_groups_chair_may_import(client, request, board, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url(board)).status_code == 403
    assert client.post(url(board), {"file": xlsx(SEED_003_ROWS)}).status_code == 403
    assert not Action.objects.exists()


def test_the_action_log_offers_the_import_to_those_who_may_record(client, secretariat, member, board):
    client.force_login(secretariat)
    log = reverse("governance:action_log", args=[board.pk])
    assert url(board) in client.get(log).content.decode()
    client.force_login(member)
    assert url(board) not in client.get(log).content.decode()
