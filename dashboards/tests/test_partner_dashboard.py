import datetime

import pytest
import time_machine
from django.urls import reverse

from dashboards import rules
from dashboards.selectors import partner as selectors
from dashboards.tests.helpers import NOW, TODAY, Partnership, other_apps_records, partner_reader
from governance.models import ActionStatus

pytestmark = pytest.mark.django_db

URL = reverse("dashboards:partner")


@pytest.fixture
def world():
    return Partnership()


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _dashboard(user, *, months=12, group=None):
    period = rules.rolling_period(today=TODAY, months=months)
    return selectors.partner_dashboard(user=user, period=period, group=group, now=NOW)


def test_a_deputy_counts_for_the_agency_they_represent(world):
    world.meeting(world.board, datetime.date(2026, 3, 4), police="deputy")
    rows = {row.name: row for row in _dashboard(partner_reader()).attendance}
    police = rows["Shire Police"]
    assert police.counts["deputy"] == 1
    assert police.counts["apologies"] == 1
    assert police.attended == 1
    assert police.rate == 50


def test_cancelled_meetings_and_meetings_before_the_period_are_not_counted(world):
    world.meeting(world.board, datetime.date(2026, 3, 4))
    world.meeting(world.board, datetime.date(2026, 4, 4), status="cancelled")
    world.meeting(world.board, datetime.date(2025, 6, 30))  # the month before a rolling twelve months
    rows = {row.name: row for row in _dashboard(partner_reader()).attendance}
    assert rows["Shire Council"].counts["present"] == 1


def test_the_first_day_of_the_period_is_counted(world):
    world.meeting(world.board, datetime.date(2025, 7, 1))
    rows = {row.name: row for row in _dashboard(partner_reader()).attendance}
    assert rows["Shire Council"].counts["present"] == 1


def test_quoracy_record_judges_each_meeting_by_the_groups_rule(world):
    world.board.quorum_rule = "all_statutory_partners"
    world.board.save()
    world.meeting(world.board, datetime.date(2026, 1, 10))  # all three present
    world.meeting(world.board, datetime.date(2026, 2, 10), police="apologies")  # police missing
    world.meeting(world.board, datetime.date(2026, 3, 10), police="deputy")  # registered deputy counts
    (board,) = [row for row in _dashboard(partner_reader()).quoracy if row.group_id == world.board.pk]
    assert (board.quorate, board.not_quorate, board.meetings) == (2, 1, 3)
    assert board.rate == 67


def test_a_meeting_without_recorded_attendance_is_not_judged(world):
    from governance.models import Meeting

    Meeting.objects.create(
        group=world.board,
        starts_at=NOW - datetime.timedelta(days=5),
        ends_at=NOW - datetime.timedelta(days=5) + datetime.timedelta(hours=1),
        paper_deadline=NOW - datetime.timedelta(days=12),
    )
    (board,) = _dashboard(partner_reader()).quoracy
    assert (board.not_recorded, board.quorate, board.not_quorate) == (1, 0, 0)


def test_actions_are_counted_by_lead_agency_and_status_with_overdue_now(world):
    yesterday = TODAY - datetime.timedelta(days=1)
    world.action(world.board, agency=world.police, due=yesterday)
    world.action(world.board, agency=world.police, due=TODAY)  # due today: not overdue
    world.action(world.board, agency=world.police, status=ActionStatus.COMPLETED, completed_on=yesterday)
    world.action(world.board, status=ActionStatus.IN_PROGRESS)
    rows = {row.name: row for row in _dashboard(partner_reader()).actions}
    assert rows["Shire Police"].counts["open"] == 2
    assert rows["Shire Police"].counts["completed"] == 1
    assert rows["Shire Police"].overdue == 1
    assert rows["No lead agency"].counts["in_progress"] == 1
    assert list(rows)[-1] == "No lead agency"


def test_actions_finished_before_the_period_are_not_counted(world):
    world.action(world.board, status=ActionStatus.COMPLETED, completed_on=datetime.date(2025, 6, 30))
    assert _dashboard(partner_reader()).actions == []


def test_a_partner_reader_does_not_count_actions_of_a_need_to_know_log(world):
    world.action(world.jcr, agency=world.police)
    world.action(world.board, agency=world.police)
    staff_rows = _dashboard(_secretariat()).actions
    reader_rows = _dashboard(partner_reader()).actions
    assert staff_rows[0].total == 2
    assert reader_rows[0].total == 1


def _secretariat():
    from django.contrib.auth.models import Group as AuthGroup

    from governance.permissions import SECRETARIAT_GROUP
    from governance.tests.factories import UserFactory

    user = UserFactory(username="dash-secretariat")
    user.groups.add(AuthGroup.objects.get_or_create(name=SECRETARIAT_GROUP)[0])
    return user


def test_the_overdue_trend_counts_what_was_overdue_at_each_months_end(world):
    # Due 10 March, finished 20 April: overdue at the end of March only.
    world.action(
        world.board,
        due=datetime.date(2026, 3, 10),
        status=ActionStatus.COMPLETED,
        completed_on=datetime.date(2026, 4, 20),
        created=datetime.date(2026, 2, 1),
    )
    # Due 31 May, still open: overdue from 1 June, so not at the end of May (due that day).
    world.action(world.board, due=datetime.date(2026, 5, 31), created=datetime.date(2026, 5, 1))
    trend = {point.month: point.overdue for point in _dashboard(partner_reader(), months=6).trend}
    assert trend[datetime.date(2026, 3, 1)] == 1
    assert trend[datetime.date(2026, 4, 1)] == 0
    assert trend[datetime.date(2026, 5, 1)] == 0
    assert trend[datetime.date(2026, 6, 1)] == 1


def test_the_action_figures_and_the_trend_read_the_actions_table_once(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    world.action(
        world.board, agency=world.police, due=datetime.date(2026, 3, 10), created=datetime.date(2026, 2, 1)
    )
    world.action(world.subgroup, agency=world.icb, status=ActionStatus.COMPLETED, completed_on=TODAY)
    with CaptureQueriesContext(connection) as captured:
        dashboard = _dashboard(partner_reader())
    reads = [
        query["sql"] for query in captured.captured_queries if 'FROM "governance_action"' in query["sql"]
    ]
    assert len(reads) == 1
    assert [row.total for row in dashboard.actions] == [1, 1]
    assert sum(point.overdue for point in dashboard.trend) == 4  # open and overdue from March to June


def test_an_action_finished_after_today_counts_in_the_trend_but_not_in_the_table(world):
    # Its completion date lies after the period: not finished in the period, so not in the table,
    # yet it was overdue (due in March) at the end of each month until it was finished.
    world.action(
        world.board,
        agency=world.police,
        due=datetime.date(2026, 3, 10),
        status=ActionStatus.COMPLETED,
        completed_on=TODAY + datetime.timedelta(days=2),
        created=datetime.date(2026, 2, 1),
    )
    dashboard = _dashboard(partner_reader(), months=6)
    assert dashboard.actions == []
    trend = {point.month: point.overdue for point in dashboard.trend}
    assert trend[datetime.date(2026, 2, 1)] == 0
    assert trend[datetime.date(2026, 3, 1)] == trend[datetime.date(2026, 6, 1)] == 1


def test_the_group_filter_narrows_every_figure(world):
    world.meeting(world.board, datetime.date(2026, 3, 4))
    world.meeting(world.subgroup, datetime.date(2026, 3, 5))
    world.action(world.subgroup, agency=world.icb)
    dashboard = _dashboard(partner_reader(), group=world.board)
    assert [row.group_id for row in dashboard.quoracy] == [world.board.pk]
    assert dashboard.actions == []


def test_a_board_member_sees_the_dashboard_and_a_subgroup_member_is_refused(client, world, member):
    client.force_login(world.board_member_user())
    assert client.get(URL).status_code == 200
    client.force_login(member)
    assert client.get(URL).status_code == 403


def test_the_page_shows_each_chart_beside_its_table_and_links_each_figure(client, world):
    world.meeting(world.board, datetime.date(2026, 3, 4))
    police_action = world.action(world.board, agency=world.police, due=TODAY - datetime.timedelta(days=3))
    client.force_login(partner_reader())
    page = client.get(URL).content.decode()
    for chart in ("attendance-chart", "quoracy-chart", "actions-chart", "trend-chart"):
        assert f'data-chart="{chart}"' in page
        assert f'id="{chart}"' in page  # its json_script
    for table in ("attendance-table", "quoracy-table", "actions-table", "trend-table"):
        assert f'id="{table}"' in page
    assert f"?agency={world.police.pk}&amp;status=open&amp;period=12" in page
    assert f"?agency={world.police.pk}&amp;period=12" in page
    assert f"?when=past&amp;group={world.board.pk}" in page
    listed = client.get(reverse("dashboards:partner_actions"), {"agency": world.police.pk, "overdue": "on"})
    assert [action.pk for action in listed.context["page_obj"].object_list] == [police_action.pk]


def test_each_figure_of_the_actions_table_links_to_its_records_and_says_what_they_are(client, world):
    world.action(world.board, agency=world.police, due=TODAY - datetime.timedelta(days=3))
    world.action(world.board, agency=world.police, status=ActionStatus.IN_PROGRESS)
    client.force_login(partner_reader())
    page = client.get(URL, {"period": "6", "group": world.board.pk}).content.decode()
    actions = reverse("dashboards:partner_actions")
    scope = f"period=6&amp;group={world.board.pk}"
    police = f"{actions}?agency={world.police.pk}&amp;"
    assert (
        f'href="{police}status=open&amp;{scope}" aria-label="1 open actions led by Shire Police">1</a>'
        in page
    )
    assert f'href="{police}status=in_progress&amp;{scope}" aria-label="1 in progress actions led by' in page
    assert (
        f'<a class="badge text-bg-danger" href="{police}overdue=on&amp;{scope}" '
        'aria-label="1 overdue actions led by Shire Police">1</a>'
    ) in page
    assert f'href="{police}{scope}" aria-label="All 2 actions led by Shire Police">2</a>' in page
    assert f'href="{actions}?status=open&amp;{scope}" aria-label="1 open actions">1</a>' in page
    assert f'href="{actions}?overdue=on&amp;{scope}" aria-label="1 overdue actions">1</a>' in page


def test_the_attendance_figure_links_to_the_agencys_lines(client, world):
    meeting = world.meeting(world.board, datetime.date(2026, 3, 4), police="deputy")
    client.force_login(partner_reader())
    response = client.get(reverse("dashboards:partner_attendance"), {"agency": world.police.pk})
    lines = list(response.context["page_obj"].object_list)
    assert {line.status for line in lines} == {"deputy", "apologies"}
    assert meeting.get_absolute_url() in response.content.decode()


def test_a_bad_filter_is_an_error_and_the_defaults_are_shown(client, world):
    client.force_login(partner_reader())
    response = client.get(URL, {"period": "7", "group": "nonsense"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert response.context["dashboard"].period.months == 12


@pytest.mark.parametrize("scale", [1, 10])
def test_the_dashboard_runs_the_same_number_of_queries_at_ten_times_the_data(
    client, world, django_assert_max_num_queries, scale
):
    for n in range(3 * scale):
        day = TODAY - datetime.timedelta(days=20 + n * 7 % 300)
        world.meeting(world.board if n % 2 else world.subgroup, day, police="deputy" if n % 3 else "present")
        world.action(world.board, agency=world.police, due=day)
        world.action(
            world.subgroup, agency=world.icb, status=ActionStatus.COMPLETED, completed_on=day, due=day
        )
    other_apps_records(world, scale=scale)
    client.force_login(partner_reader())
    # Twelve for the page and its governance figures; three for the case review pipeline, four for
    # audits, one for training, six for the plan's grid, the risk heat map and the escalations; the
    # other apps' navigation entries; Django's content types of the sources' rules once a process.
    with django_assert_max_num_queries(28):
        assert client.get(URL, {"period": "12"}).status_code == 200


def test_the_case_review_pipeline_shows_anonymised_counts_and_no_case_detail(client, world):
    from reviews.tests.factories import review

    case = review(awareness_date=datetime.date(2026, 6, 1), children=("Child Q",))
    client.force_login(partner_reader())
    response = client.get(URL)
    page = response.content.decode()
    panel = response.context["dashboard"].panels["reviews"]
    assert panel.data["open_total"] == 1
    assert 'id="reviews-deadline-table"' in page
    assert 'data-chart="reviews-chart"' in page
    assert case.reference not in page
    assert "Child Q" not in page
    assert "Real name of" not in page


def test_the_other_apps_panels_show_their_figures_and_link_to_their_pages(client, world):
    other_apps_records(world, scale=1)
    client.force_login(partner_reader())
    response = client.get(URL)
    page = response.content.decode()
    panels = response.context["dashboard"].panels
    # The business plan: seed 004's grid with the cells' progress RAG, the chart beside it.
    grid = panels["planning"].data["grid"]
    assert (grid["rag_counts"]["red"], grid["rag_counts"]["amber"]) == (1, 1)
    assert 'id="plan-grid"' in page and 'data-chart="plan-chart"' in page
    assert '<span class="badge text-bg-danger">Red</span>' in page
    assert reverse("planning:plan_current") in page
    # The risk heat map and the open escalation, each linking to the register.
    assert panels["planning"].data["heatmap"]["total"] == 1
    assert reverse("planning:risk_list") in page
    escalation = panels["planning"].data["escalations"][0]
    assert reverse("planning:escalation_detail", args=[escalation.pk]) in page
    # Audits: this financial year's programme, the section 11 heat map with each agency's link.
    assert panels["audits"].data["progress"]["total"] == 1
    assert 'data-chart="audits-chart"' in page and 'id="audits-table"' in page
    row = panels["audits"].data["heatmap"]["rows"][0]
    assert reverse("audits:assessment_detail", args=[row["assessment_id"]]) in page
    # Training take-up by agency over the period, its chart beside its table.
    (training,) = panels["training"].data["rows"]
    assert (training["agency_name"], training["booked"], training["attended"]) == ("Shire Police", 1, 1)
    assert 'data-chart="training-chart"' in page


def test_a_bad_filter_on_the_records_behind_a_figure_is_an_error_not_a_crash(client, world):
    world.action(world.board, agency=world.police)
    client.force_login(partner_reader())
    response = client.get(reverse("dashboards:partner_actions"), {"agency": "police", "overdue_on": "soon"})
    assert response.status_code == 200
    assert "could not be read" in response.content.decode()
    response = client.get(reverse("dashboards:partner_attendance"), {"agency": "999999"})
    assert response.status_code == 200
    assert "Choose an agency" in response.content.decode()


def test_the_records_behind_a_month_of_the_trend_are_those_overdue_at_its_end(client, world):
    overdue_then = world.action(
        world.board,
        due=datetime.date(2026, 3, 10),
        status=ActionStatus.COMPLETED,
        completed_on=datetime.date(2026, 4, 20),
        created=datetime.date(2026, 2, 1),
    )
    world.action(world.board, due=datetime.date(2026, 4, 10), created=datetime.date(2026, 2, 1))
    client.force_login(partner_reader())
    response = client.get(reverse("dashboards:partner_actions"), {"overdue_on": "2026-03-31"})
    assert [action.pk for action in response.context["page_obj"].object_list] == [overdue_then.pk]


def test_a_deputy_not_registered_on_the_group_does_not_make_it_quorate(world):
    from governance.models import Attendance
    from governance.tests.factories import PersonFactory

    world.board.quorum_rule = "all_statutory_partners"
    world.board.save()
    meeting = world.meeting(world.board, datetime.date(2026, 2, 10), police="apologies")
    stranger = PersonFactory(agency=world.police, name="Unregistered Sergeant")
    Attendance.objects.create(
        meeting=meeting,
        person=stranger,
        agency=world.police,
        status="deputy",
        is_member=False,
        deputy_for=world.people["police"],
    )
    (board,) = _dashboard(partner_reader()).quoracy
    assert (board.quorate, board.not_quorate) == (0, 1)


def test_a_need_to_know_groups_escalation_is_not_on_a_partner_readers_dashboard(client, world):
    from planning.tests.factories import EscalationFactory

    EscalationFactory(from_group=world.jcr, to_group=world.board, title="Case of Child R: police delay")
    seen = EscalationFactory(
        from_group=world.subgroup, to_group=world.board, title="Health cover at the MASH"
    )
    client.force_login(partner_reader())
    response = client.get(URL)
    assert response.context["dashboard"].panels["planning"].data["escalations"] == [seen]
    assert "Child R" not in response.content.decode()
