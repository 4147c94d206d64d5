"""A draft's figures are read with a fixed number of queries whatever the number of meetings,
attendance lines and actions (ten years of a large partnership: 2,000 meetings, 70,000
actions), and say what governance's own rules say of each meeting and action."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.action_rules import is_due_soon, is_overdue
from governance.choices import FINISHED_STATUSES, ActionStatus, GroupKind, MeetingStatus, QuorumRule
from governance.models import Action, Meeting
from governance.selectors.meetings import meeting_quoracy
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, police
from governance.tests.factories_actions import record
from governance.tests.factories_minutes import AttendanceFactory, MeetingFactory, at, partners_present
from reporting.sections import Period, highlight_sections, yearly_sections

pytestmark = pytest.mark.django_db

YEAR = Period(
    start=datetime.date(2025, 4, 1), end=datetime.date(2026, 3, 31), today=datetime.date(2026, 4, 20)
)
QUARTER = Period(
    start=datetime.date(2025, 7, 1), end=datetime.date(2025, 9, 30), today=datetime.date(2025, 10, 15)
)
# The meetings held (1), their attendance with the quoracy rule's facts (1), the actions agreed
# and finished per group (1), then each other source's summary read once: training, case reviews,
# audits, and the plan, escalations, scrutiny and budget (a query is skipped where nothing is
# there to read: on the bench data, 31). Before: one query more per meeting held, and the plan's
# and the audits' summaries read three and two times (105 queries on the bench data).
YEARLY_QUERIES = 26
# The quarter's meetings (1) and the attendance of those held (1), the action counts (1), the
# group's audits, its plan cells and escalations read once, the training figures (bench: 21).
# Before: one query more per meeting held, and the plan cells and escalations read twice.
HIGHLIGHT_QUERIES = 18


def _inquorate(meeting) -> None:
    AttendanceFactory(meeting=meeting)


def _with_a_registered_deputy(meeting) -> None:
    """Council and ICB members present, the police member's registered deputy for the police."""
    people = partners_present(meeting)
    police_line = meeting.attendance.get(person=people["police"])
    police_line.status = "apologies"
    police_line.save()
    deputy = PersonFactory(agency=police())
    MembershipFactory(person=deputy, group=meeting.group, role="deputy", deputy_for=people["police"])
    AttendanceFactory(meeting=meeting, person=deputy, status="deputy", deputy_for=people["police"])


def _with_an_unregistered_deputy(meeting) -> None:
    people = partners_present(meeting)
    police_line = meeting.attendance.get(person=people["police"])
    police_line.status = "apologies"
    police_line.save()
    AttendanceFactory(
        meeting=meeting, person=PersonFactory(agency=police()), status="deputy", deputy_for=people["police"]
    )


def _partnership(groups: int, offset: int = 0) -> None:
    """Per group, in the year: a quorate meeting, an inquorate one, one made quorate by a
    registered deputy, one not by a deputy nobody registered, one with no attendance recorded,
    a cancelled one, and one after the year; plus a group without a quorum rule."""
    for index in range(offset, offset + groups):
        group = GroupFactory(name=f"Group {index:02d}", kind=GroupKind.SUBGROUP)
        day = datetime.date(2025, 5, 1) + datetime.timedelta(days=index)
        partners_present(MeetingFactory(group=group, starts_at=at(day.year, day.month, day.day)))
        _inquorate(MeetingFactory(group=group, starts_at=at(2025, 8, 5 + index % 20)))
        _with_a_registered_deputy(MeetingFactory(group=group, starts_at=at(2025, 9, 2 + index % 20)))
        _with_an_unregistered_deputy(MeetingFactory(group=group, starts_at=at(2025, 11, 4 + index % 20)))
        MeetingFactory(group=group, starts_at=at(2026, 1, 6 + index % 20))
        MeetingFactory(group=group, starts_at=at(2026, 2, 3), status=MeetingStatus.CANCELLED)
        partners_present(MeetingFactory(group=group, starts_at=at(2026, 4, 14)))
        record(group, now=at(2025, 6, 1 + index % 20))
        unruled = GroupFactory(name=f"Task group {index:02d}", quorum_rule=QuorumRule.NONE)
        _inquorate(MeetingFactory(group=unruled, starts_at=at(2025, 10, 1 + index % 20)))


def _partnership_rows() -> dict[str, list]:
    section = next(s for s in yearly_sections(period=YEAR) if s.key == "partnership")
    return {row[0]: row for row in section.tables[0].rows}


def test_each_meetings_quoracy_in_the_yearly_report_is_the_one_governance_judges():
    _partnership(2)
    held = Meeting.objects.filter(
        status=MeetingStatus.HELD, starts_at__gte=YEAR.start_at, starts_at__lt=YEAR.end_before
    ).select_related("group")
    expected: dict[str, list[int]] = {}
    for meeting in held:
        counts = expected.setdefault(meeting.group.name, [0, 0])
        counts[0] += 1
        rule_applies = meeting.group.quorum_rule == QuorumRule.ALL_STATUTORY_PARTNERS
        counts[1] += rule_applies and str(meeting_quoracy(meeting=meeting)) == "Quorate"

    rows = _partnership_rows()

    assert {name: row[1:3] for name, row in rows.items()} == expected
    # The quorate meeting and the one a registered deputy made quorate; not the others.
    assert rows["Group 00"] == ["Group 00", 5, 2, 1, 0]
    assert rows["Task group 00"] == ["Task group 00", 1, 0, 0, 0]


def test_the_yearly_figures_are_read_with_the_same_queries_for_two_and_eight_groups(
    django_assert_max_num_queries,
):
    counts = []
    for groups, offset in ((2, 0), (6, 2)):
        _partnership(groups, offset)
        with django_assert_max_num_queries(YEARLY_QUERIES), CaptureQueriesContext(connection) as context:
            rows = _partnership_rows()
        counts.append(len(context.captured_queries))
        assert len(rows) == 2 * (groups + offset)
    assert counts[0] == counts[1]


def test_a_highlight_reports_meetings_are_labelled_as_governance_judges_them():
    _partnership(1)
    group = Meeting.objects.get(starts_at=at(2025, 8, 5)).group
    quarter = Meeting.objects.filter(
        group=group,
        status=MeetingStatus.HELD,
        starts_at__gte=QUARTER.start_at,
        starts_at__lt=QUARTER.end_before,
    ).order_by("starts_at")

    section = highlight_sections(group=group, period=QUARTER)[0]

    assert section.tables[0].rows == [
        [f"{meeting.local_date:%-d %b %Y}", str(meeting_quoracy(meeting=meeting))] for meeting in quarter
    ]
    assert [row[1] for row in section.tables[0].rows] == [
        "Not quorate — local authority, ICB and police not represented",
        "Quorate",
    ]


def _actions_around_today(group, today: datetime.date) -> None:
    """Actions of every status due on each side of the day and of the due-soon window's end."""
    for offset in (-1, 0, 1, 14, 15, None):
        for status in ActionStatus.values:
            due = today + datetime.timedelta(days=offset) if offset is not None else None
            action = record(group, now=at(2025, 7, 10), due_date=due)
            completed_on = datetime.date(2025, 9, 30) if status == ActionStatus.COMPLETED else None
            Action.objects.filter(pk=action.pk).update(status=status, completed_on=completed_on)


def test_a_highlight_reports_action_counts_follow_governances_rules_for_each_action():
    group = GroupFactory()
    _actions_around_today(group, QUARTER.today)
    record(group, now=at(2025, 6, 30, 22))  # agreed before the quarter (23:00 in London)
    actions = list(Action.objects.filter(group=group).values_list("status", "due_date", "created_at"))

    section = next(s for s in highlight_sections(group=group, period=QUARTER) if s.key == "actions")

    today = QUARTER.today
    assert section.tables[0].rows == [
        ["Agreed in the quarter", sum(1 for *_, created in actions if created >= QUARTER.start_at)],
        ["Completed in the quarter", 6],
        ["Outstanding", sum(1 for status, *_ in actions if status not in FINISHED_STATUSES)],
        ["Overdue", sum(1 for status, due, _ in actions if is_overdue(status, due, today))],
        ["Due soon", sum(1 for status, due, _ in actions if is_due_soon(status, due, today))],
    ]
    assert [row[1] for row in section.tables[0].rows] == [36, 6, 19, 3, 9]


def test_a_highlight_report_is_drafted_with_the_same_queries_for_one_and_six_meetings_a_quarter(
    django_assert_max_num_queries,
):
    group = GroupFactory()
    counts = []
    for meetings in (1, 5):
        for index in range(meetings):
            partners_present(MeetingFactory(group=group, starts_at=at(2025, 7, 1 + len(counts) * 10 + index)))
            _actions_around_today(group, QUARTER.today)
        with django_assert_max_num_queries(HIGHLIGHT_QUERIES), CaptureQueriesContext(connection) as context:
            highlight_sections(group=group, period=QUARTER, include_training=True)
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]
