"""A subgroup's highlight report: drafted from its records, submitted to the board as a paper."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from governance.choices import ActionStatus, MeetingStatus, StandingItem
from governance.models import AgendaItem, Paper
from governance.services.agenda import agenda_item_add
from governance.tests.factories import GroupFactory, PersonFactory, UserFactory
from governance.tests.factories_actions import record
from governance.tests.factories_minutes import AttendanceFactory, MeetingFactory, at, partners_present
from reporting.choices import HighlightStatus
from reporting.models import HighlightReport
from reporting.services.highlights import (
    highlight_report_generate,
    highlight_report_refresh,
    highlight_report_submit,
    highlight_report_update,
)
from reporting.tests.factories import board_and_subgroup, scheduled_meeting

pytestmark = pytest.mark.django_db

NOW = at(2026, 10, 15, 9)  # Q3 2026/27: the report is on Q2 (July to September)
Q2 = datetime.date(2026, 7, 1)


def _sections(report):
    return {section["key"]: section for section in report.figures.sections}


def _narrative(report):
    return highlight_report_update(
        report=report, achievements="Audit of neglect cases completed.", concerns="", asks_of_board=""
    )


@pytest.fixture
def subgroup():
    return board_and_subgroup()[1]


@pytest.fixture
def board(subgroup):
    return subgroup.reports_to.get()


@pytest.fixture
def author():
    user = UserFactory(username="team")
    PersonFactory(user=user, name="Joanna Kowalski")
    return user


def test_the_draft_counts_the_quarters_meetings_and_their_quoracy(subgroup, author):
    quorate = MeetingFactory(group=subgroup, starts_at=at(2026, 7, 14))
    partners_present(quorate)
    inquorate = MeetingFactory(group=subgroup, starts_at=at(2026, 9, 30, 16))
    AttendanceFactory(meeting=inquorate)
    MeetingFactory(group=subgroup, starts_at=at(2026, 8, 11), status=MeetingStatus.CANCELLED)
    MeetingFactory(group=subgroup, starts_at=at(2026, 10, 1))  # the next quarter's
    MeetingFactory(starts_at=at(2026, 7, 20))  # another group's

    report = highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)

    meetings = _sections(report)["meetings"]
    assert meetings["summary"] == ["2 meetings held, 1 of them quorate.", "1 meeting cancelled."]
    rows = meetings["tables"][0]["rows"]
    assert rows[0] == ["14 Jul 2026", "Quorate"]
    assert rows[1][0] == "30 Sep 2026" and rows[1][1].startswith("Not quorate")


def test_the_draft_counts_actions_agreed_completed_and_overdue_in_the_groups_log(subgroup, author):
    in_quarter = at(2026, 8, 3)
    record(subgroup, now=in_quarter, due_date=datetime.date(2026, 10, 14))  # overdue on 15 Oct
    record(subgroup, now=in_quarter, due_date=datetime.date(2026, 10, 15))  # due today: due soon
    done = record(subgroup, now=at(2026, 5, 3), due_date=datetime.date(2026, 9, 1))
    done.status, done.completed_on = ActionStatus.COMPLETED, datetime.date(2026, 9, 1)
    done.save()
    record(GroupFactory(), now=in_quarter, due_date=datetime.date(2026, 8, 1))  # another log

    report = highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)

    assert _sections(report)["actions"]["summary"] == [
        "2 actions agreed and 1 completed in the quarter.",
        "2 outstanding on 15 Oct 2026: 1 overdue, 1 due soon.",
    ]


def test_a_group_has_one_highlight_report_per_quarter(subgroup, author):
    highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)
    with pytest.raises(ValidationError, match="already has a highlight report"):
        highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)


def test_a_quarter_that_has_not_started_cannot_be_reported_on(subgroup, author):
    with pytest.raises(ValidationError, match="not started"):
        highlight_report_generate(
            group=subgroup, period_start=datetime.date(2027, 1, 1), created_by=author, now=NOW
        )
    assert not HighlightReport.objects.exists()


def test_reading_the_figures_again_keeps_the_narrative(subgroup, author):
    report = _narrative(
        highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)
    )
    record(subgroup, now=at(2026, 8, 3))
    report = highlight_report_refresh(report=report, now=NOW)
    assert _sections(report)["actions"]["summary"][0].startswith("1 action agreed")
    assert report.achievements == "Audit of neglect cases completed."


def test_submitting_attaches_the_pdf_under_the_groups_line_of_messages_on_a_draft_agenda(
    subgroup, board, author
):
    meeting = scheduled_meeting(board, days_from_now=20, now=NOW)
    report = _narrative(
        highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)
    )

    report = highlight_report_submit(report=report, submitted_by=author, now=NOW)

    assert report.status == HighlightStatus.SUBMITTED
    assert report.board_meeting == meeting
    paper = Paper.objects.get()
    assert paper == report.paper
    assert paper.agenda_item.reporting_group == subgroup
    assert paper.agenda_item.parent.standing_item == StandingItem.MESSAGES
    assert paper.content_type == "application/pdf" and paper.file.read(5) == b"%PDF-"
    assert paper.author == author.person and not paper.is_late


def test_on_a_published_agenda_the_report_goes_under_its_messages_item_as_a_late_paper(
    subgroup, board, author
):
    meeting = scheduled_meeting(board, days_from_now=3, published=True, now=NOW)  # deadline passed
    messages = agenda_item_add(meeting=meeting, title="Messages to and from partnership groups")
    AgendaItem.objects.filter(pk=messages.pk).update(standing_item=StandingItem.MESSAGES)
    report = _narrative(
        highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)
    )

    report = highlight_report_submit(report=report, submitted_by=author, now=NOW)

    assert report.paper.agenda_item == messages
    assert report.paper.is_late
    assert meeting.agenda_items.count() == 1  # a published agenda gains no item


def test_a_published_agenda_without_a_messages_item_sends_the_report_to_the_following_meeting(
    subgroup, board, author
):
    published = scheduled_meeting(board, days_from_now=3, published=True, now=NOW)
    agenda_item_add(meeting=published, title="Budget")
    following = scheduled_meeting(board, days_from_now=45, now=NOW)
    report = _narrative(
        highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)
    )

    report = highlight_report_submit(report=report, submitted_by=author, now=NOW)

    assert report.board_meeting == following
    assert published.agenda_items.count() == 1


def test_without_a_board_meeting_nothing_is_submitted(subgroup, author):
    report = _narrative(
        highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)
    )
    with pytest.raises(ValidationError, match="no meeting scheduled"):
        highlight_report_submit(report=report, submitted_by=author, now=NOW)
    report.refresh_from_db()
    assert report.status == HighlightStatus.DRAFT and report.paper is None
    assert not Paper.objects.exists()


def test_a_report_without_the_chairs_narrative_is_not_submitted(subgroup, board, author):
    scheduled_meeting(board, days_from_now=20, now=NOW)
    report = highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)
    with pytest.raises(ValidationError, match="narrative"):
        highlight_report_submit(report=report, submitted_by=author, now=NOW)
    assert not Paper.objects.exists()


def test_a_group_reporting_to_no_board_cannot_submit(author):
    lone = GroupFactory(name="Practitioner Forum")
    report = _narrative(highlight_report_generate(group=lone, period_start=Q2, created_by=author, now=NOW))
    with pytest.raises(ValidationError, match="does not report to a board"):
        highlight_report_submit(report=report, submitted_by=author, now=NOW)


def test_a_submitted_report_no_longer_changes(subgroup, board, author):
    scheduled_meeting(board, days_from_now=20, now=NOW)
    report = _narrative(
        highlight_report_generate(group=subgroup, period_start=Q2, created_by=author, now=NOW)
    )
    highlight_report_submit(report=report, submitted_by=author, now=NOW)
    with pytest.raises(ValidationError, match="submitted"):
        highlight_report_update(report=report, achievements="Changed", concerns="", asks_of_board="")
    with pytest.raises(ValidationError, match="submitted"):
        highlight_report_submit(report=report, submitted_by=author, now=timezone.now())
    assert Paper.objects.count() == 1
