"""The reports' lists and the yearly report's page run a fixed number of queries whatever the
number of reports or approvals: measured at two sizes, the same count both times."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.tests.factories import GroupFactory
from reporting.choices import HighlightStatus
from reporting.periods import add_months
from reporting.services.yearly import yearly_report_approve
from reporting.tests.factories import HighlightReportFactory, YearlyReportFactory, partner_users

pytestmark = pytest.mark.django_db

# The request and the layout: session, user, auth groups, memberships, the navigation's person,
# notifications and the other apps' entries (their permission checks): 9. Then the filter's
# groups, the count and the page of reports (with groups and board meetings); on the yearly
# pages the count and page, or the report with its figures, its approvals (with people) and the
# approvals withdrawn.
HIGHLIGHT_LIST_QUERIES = 13
YEARLY_LIST_QUERIES = 12
YEARLY_PAGE_QUERIES = 13
# The report with its group, figures, board meeting, paper and submitter in one query.
HIGHLIGHT_PAGE_QUERIES = 9


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _highlights(count: int, start: int) -> None:
    for index in range(start, start + count):
        period_start = add_months(datetime.date(2020, 1, 1), 3 * index)
        HighlightReportFactory(
            group=GroupFactory(),
            period_start=period_start,
            period_end=add_months(period_start, 3) - datetime.timedelta(days=1),
            status=HighlightStatus.SUBMITTED,
        )


def test_the_highlight_list_runs_the_same_queries_for_3_and_30_reports(
    client, partner, django_assert_max_num_queries
):
    client.force_login(partner)
    url = reverse("reporting:highlight_list")
    counts = []
    for size, start in ((3, 0), (27, 3)):
        _highlights(size, start)
        with django_assert_max_num_queries(HIGHLIGHT_LIST_QUERIES):
            counts.append(_queries(client, url))
    assert counts[0] == counts[1]


def test_the_yearly_list_runs_the_same_queries_for_2_and_20_reports(
    client, partner, django_assert_max_num_queries
):
    client.force_login(partner)
    url = reverse("reporting:yearly_list")
    counts = []
    for size, start in ((2, 0), (18, 2)):
        for index in range(start, start + size):
            YearlyReportFactory(period_start=datetime.date(2000 + index, 4, 1))
        with django_assert_max_num_queries(YEARLY_LIST_QUERIES):
            counts.append(_queries(client, url))
    assert counts[0] == counts[1]


def test_the_yearly_report_page_runs_the_same_queries_with_one_and_three_approvals(
    client, partner, django_assert_max_num_queries
):
    report = YearlyReportFactory()
    users = list(partner_users().values())
    client.force_login(partner)
    counts = []
    for approvers in (users[:1], users[1:]):
        for user in approvers:
            yearly_report_approve(report=report, person=user.person, user=user)
        with django_assert_max_num_queries(YEARLY_PAGE_QUERIES):
            counts.append(_queries(client, report.get_absolute_url()))
    assert counts[0] == counts[1]


def test_a_highlight_reports_page_runs_the_same_queries_with_two_and_eight_sections(
    client, partner, django_assert_max_num_queries
):
    client.force_login(partner)
    counts = []
    for size in (2, 8):
        sections = [
            {"key": f"s{n}", "title": f"Section {n}", "summary": ["x"], "tables": [], "part": ""}
            for n in range(size)
        ]
        report = HighlightReportFactory(
            group=GroupFactory(), status=HighlightStatus.SUBMITTED, figures__sections=sections
        )
        with django_assert_max_num_queries(HIGHLIGHT_PAGE_QUERIES):
            counts.append(_queries(client, report.get_absolute_url()))
    assert counts[0] == counts[1]


def _figures(rows: int) -> list[dict]:
    """A year's sections as stored, each with a table of `rows` rows."""
    parts = ("impact", "little_progress", "reviews", "feedback", "budget")
    return [
        {
            "key": f"section-{part}",
            "title": f"Figures for {part}",
            "summary": ["Counted from the records."],
            "tables": [
                {
                    "caption": "Counts",
                    "headers": ["Group", "Number"],
                    "rows": [[f"Group {n}", n] for n in range(rows)],
                }
            ],
            "part": part,
        }
        for part in parts
    ]


def test_the_yearly_report_page_shows_its_stored_figures_without_reading_the_records(
    client, secretariat, django_assert_max_num_queries
):
    """The page prints what was assembled (Figures): the same queries for 5 rows as for 300, and
    none of them reads the meetings, actions, training or audits the figures came from."""
    client.force_login(secretariat)
    counts = []
    for rows, year in ((5, 2023), (300, 2024)):
        report = YearlyReportFactory(period_start=datetime.date(year, 4, 1), figures__sections=_figures(rows))
        with django_assert_max_num_queries(YEARLY_PAGE_QUERIES), CaptureQueriesContext(connection) as context:
            response = client.get(report.get_absolute_url())
        assert response.status_code == 200
        assert f"Group {rows - 1}" in response.content.decode()
        counts.append(len(context.captured_queries))
        tables = " ".join(query["sql"] for query in context.captured_queries)
        for source in (
            "governance_meeting",
            "governance_action",
            "training_",
            "audits_",
            "reviews_",
            "planning_",
        ):
            assert f'"{source}' not in tables
    assert counts[0] == counts[1]
