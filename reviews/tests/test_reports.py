"""The JCR chair's quarterly report (a draft from the records, edited, attached to a board meeting
as a paper, then locked) and the CDOP's annual report routed into the JCR action log."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import Action, GroupKind
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory
from governance.tests.factories_actions import london
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory
from reviews import services
from reviews.models import QuarterlyReport
from reviews.tests.factories import d, jcr_user, partners_delegates, review

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (d(2026, 1, 1), (d(2026, 1, 1), d(2026, 3, 31))),
        (d(2026, 3, 31), (d(2026, 1, 1), d(2026, 3, 31))),
        (d(2026, 4, 1), (d(2026, 4, 1), d(2026, 6, 30))),
        (d(2026, 12, 31), (d(2026, 10, 1), d(2026, 12, 31))),
    ],
)
def test_a_day_falls_in_its_calendar_quarter(day, quarter):
    assert services.quarter_of(day) == quarter


def test_the_draft_counts_the_quarters_reviews_decisions_and_actions_and_names_no_child(jcr):
    partners = partners_delegates()
    case = review(awareness_date=d(2026, 4, 2))
    for person in partners.values():
        services.partner_decision_record(
            review=case, representative=person, decision="local_review", decided_on=d(2026, 4, 27), user=None
        )
    review(awareness_date=d(2026, 5, 11), children=("Child B",))
    report = services.quarterly_report_draft(
        start=d(2026, 4, 1), end=d(2026, 6, 30), user=None, today=d(2026, 7, 1)
    )
    assert "2 opened in the quarter: 2 Rapid review / LCSPR" in report.text
    assert "1 decision made: 1 local child safeguarding practice review" in report.text
    assert "Child A" not in report.text and case.reference not in report.text


def _board_item():
    board = GroupFactory(name="Safeguarding Partners Board", short_name="SPB", kind=GroupKind.BOARD)
    meeting = MeetingFactory(group=board, starts_at=london(2030, 1, 15))
    return AgendaItemFactory(meeting=meeting, title="Joint Case Review group: quarterly report")


def test_the_chair_attaches_the_edited_report_as_a_board_paper_and_it_is_locked(client, jcr):
    chair = jcr_user(jcr, username="jcr-chair", role="chair")
    item = _board_item()
    report = services.quarterly_report_draft(
        start=d(2026, 4, 1), end=d(2026, 6, 30), user=chair, today=d(2026, 7, 1)
    )
    client.force_login(chair)
    url = reverse("reviews:quarterly_report", args=[report.pk])
    client.post(
        url, {"title": report.title, "text": report.text + "\nThe board is asked to note the learning."}
    )
    response = client.post(
        reverse("reviews:quarterly_report_attach", args=[report.pk]), {"agenda_item": item.pk}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    paper = report.paper
    assert paper is not None and paper.agenda_item == item and paper.content_type == "application/pdf"
    assert paper.title == report.title
    with pytest.raises(ValidationError):
        services.quarterly_report_update(report=report, title="x", text="y", user=chair)
    assert "board is asked to note" in QuarterlyReport.objects.get().text


def test_a_jcr_member_drafts_but_may_not_send_the_report_to_the_board(client, jcr, jcr_member):
    item = _board_item()
    client.force_login(jcr_member)
    response = client.post(reverse("reviews:quarterly_reports"), {"day": "2026-05-01"})
    report = QuarterlyReport.objects.get()
    assert response.status_code == 302 and (report.period_start, report.period_end) == (
        d(2026, 4, 1),
        d(2026, 6, 30),
    )
    response = client.post(
        reverse("reviews:quarterly_report_attach", args=[report.pk]), {"agenda_item": item.pk}
    )
    assert response.status_code == 403
    assert QuarterlyReport.objects.get().paper is None


def test_the_report_goes_only_to_a_board_meeting(jcr):
    other = AgendaItemFactory(meeting=MeetingFactory(group=GroupFactory(), starts_at=london(2030, 1, 15)))
    report = services.quarterly_report_draft(
        start=d(2026, 4, 1), end=d(2026, 6, 30), user=None, today=d(2026, 7, 1)
    )
    with pytest.raises(ValidationError, match="board"):
        services.quarterly_report_attach(
            report=report,
            agenda_item=other,
            user=None,
            now=datetime.datetime(2026, 7, 2, tzinfo=datetime.UTC),
        )


def test_cdop_recommendations_are_routed_into_the_jcr_action_log(client, jcr, jcr_member):
    owner = PersonFactory(name="Ruth Carmichael")
    MembershipFactory(person=owner, group=jcr)
    themes = services.themes_ensure_defaults()
    client.force_login(jcr_member)
    response = client.post(
        reverse("reviews:cdop_reports"),
        {"year_label": "2025-26", "received_on": "2026-06-01", "themes": [themes["Neglect"].pk]},
    )
    assert response.status_code == 302
    response = client.post(
        response["Location"],
        {"text": "Safe sleep messages at every health visitor contact.", "owners": [owner.pk]},
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.group == jcr and action.source_label == "CDOP annual report 2025-26, recommendation 1"
    assert list(action.owners.all()) == [owner]
