"""The action log's exports at scale (issue 16): a fixed number of queries whatever the log's
size, rows as the log shows them (hand-overs, owning groups, the latest update), and an Excel
workbook written without openpyxl that openpyxl and Excel read as before."""

import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from core.exports import write_xlsx
from governance.models import ActionStatus
from governance.services.actions import action_hand_over, action_update
from governance.tests.factories import GroupFactory, PersonFactory
from governance.tests.factories_actions import bulk_actions, london, record
from governance.tests.test_queries_actions import count_queries

pytestmark = pytest.mark.django_db

# The request and the permission check (session, user, the group, auth groups, the registered
# action sources' content types, settings), then the export's own three: the actions with their
# latest update, the owner links, the log's hand-overs.
EXPORT_QUERIES = 9


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.mark.parametrize("name", ["action_log_csv", "action_log_xlsx"])
def test_an_export_runs_the_same_queries_for_ten_actions_as_for_five_hundred(
    client, secretariat, group, name, django_assert_max_num_queries
):
    people = [PersonFactory() for _ in range(6)]
    client.force_login(secretariat)
    url = reverse(f"governance:{name}", args=[group.pk])
    counts = []
    for size in (10, 490):
        bulk_actions(group, size, owners=people, owners_per_action=3, updates_per_action=2)
        with django_assert_max_num_queries(EXPORT_QUERIES):
            response = client.get(url)
            content = b"".join(response.streaming_content) if response.streaming else response.content
        if name == "action_log_csv":
            assert content.decode("utf-8-sig").count("\r\n") == 1 + group.actions.count()
        counts.append(count_queries(lambda: b"".join(client.get(url, {"status": "outstanding"}))))
    assert counts[0] == counts[1]


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
def test_an_action_handed_on_is_exported_under_its_old_number_in_the_giving_log_and_its_new_one_in_the_other(
    client, secretariat, group
):
    owner = PersonFactory(name="Lindsay MacHardy")
    strategic = GroupFactory(name="Strategic Group", short_name="SG")
    record(group, owners=[owner], description="First", due_date=datetime.date(2024, 7, 1))
    moved = record(group, owners=[owner], description="Pass to the Strategic Group")
    action_update(action=moved, author=None, text="Raised with the chair.", today=datetime.date(2024, 5, 1))
    action_hand_over(action=moved, to_group=strategic, handed_by=secretariat)
    client.force_login(secretariat)

    giving = csv_rows(client.get(reverse("governance:action_log_csv", args=[group.pk])))
    receiving = csv_rows(client.get(reverse("governance:action_log_csv", args=[strategic.pk])))

    handed = next(row for row in giving[1:] if row[3] == "Pass to the Strategic Group")
    assert handed[0] == "2"
    assert handed[9] == "handed to SG (SG action 1)"
    assert handed[10] == "Handed over"
    assert handed[11] == ""  # its updates belong to the receiving log now
    assert handed[14] == "Strategic Group"
    [_header, arrived] = receiving
    assert arrived[0] == "1"
    assert arrived[13] == f"from {group.label} ({group.label} action 2)"
    # The trail came with it; its latest entry is the hand-over itself.
    assert arrived[11] == f"Handed from {group.label} (action 2) to SG as action 1."
    assert arrived[12] == "01/06/2024"


@time_machine.travel(london(2024, 6, 1, 10), tick=False)
def test_the_export_names_an_owning_group_after_the_people_and_the_latest_of_several_updates(
    client, secretariat, group
):
    dp = GroupFactory(name="Development & Practice Group", short_name="D&P Group")
    action = record(group, owners=[PersonFactory(name="Lindsay MacHardy")], owner_group=dp)
    action_update(action=action, author=None, text="First word.", today=datetime.date(2024, 5, 1))
    action_update(
        action=action,
        author=None,
        text="Last word.",
        new_status=ActionStatus.COMPLETED,
        today=datetime.date(2024, 5, 2),
    )
    client.force_login(secretariat)

    [_header, row] = csv_rows(client.get(reverse("governance:action_log_csv", args=[group.pk])))

    assert row[4] == "LM/D&P Group"
    assert row[5] == "Lindsay MacHardy, key members of the Development & Practice Group"
    assert row[9] == "Completed"
    assert row[11] == "Last word."


def test_the_workbook_keeps_formulas_as_text_dates_as_dates_and_drops_characters_xml_cannot_hold():
    buffer = io.BytesIO()
    rows = [
        ['=HYPERLINK("x")', datetime.date(2024, 9, 1), 3, 1.5, True, None, "bell\x07 and <tag> & more"],
        ["+1", datetime.datetime(2024, 9, 1, 12, 30), -2, 0, False, "", "  spaced  "],
    ]

    write_xlsx(buffer, ["Text", "Date", "Int", "Float", "Bool", "None", "Odd"], rows, sheet_title="Log: a/b")

    workbook = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    sheet = workbook.worksheets[0]
    assert sheet.title == "Log  a b"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b
    assert list(sheet.iter_rows(min_row=2, values_only=True)) == [
        ('=HYPERLINK("x")', datetime.datetime(2024, 9, 1), 3, 1.5, True, None, "bell and <tag> & more"),
        ("+1", datetime.datetime(2024, 9, 1, 12, 30), -2, 0, False, "", "  spaced  "),
    ]
    assert sheet["A2"].data_type == "s"
    assert sheet["B2"].number_format == "DD/MM/YYYY"


def test_a_log_counted_in_one_pass_lists_the_same_actions_in_the_same_order_as_the_indexed_reading(
    group, secretariat
):
    from governance.selectors.actions import ActionLog, group_action_log

    people = [PersonFactory() for _ in range(4)]
    bulk_actions(group, 60, owners=people, owners_per_action=2, updates_per_action=1)
    handed = record(group, owners=people[:1], description="Handed on")
    action_hand_over(action=handed, to_group=GroupFactory(), handed_by=secretariat)
    log = group_action_log(group=group)

    indexed = ActionLog(log, group=group)
    one_pass = ActionLog(log, group=group, count_in_one_pass=True)

    assert one_pass.count() == indexed.count() == 61
    assert one_pass.outstanding_count() == indexed.outstanding_count()
    assert [a.pk for a in one_pass[0:61]] == [a.pk for a in indexed[0:61]]
    assert [a.pk for a in one_pass[25:50]] == [a.pk for a in indexed[25:50]]
