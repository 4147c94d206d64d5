"""Issue 10 point 7 (seed 003 item 2a): papers still missing from a statutory partner's staff are
escalated in advance to that partner's board member; health staff (NHS providers included) to
the ICB's."""

import pytest

from core.partnership import partnership_settings_update
from governance.models import GroupKind, Sector
from governance.services.papers import paper_escalate_late
from governance.tests.factories import (
    AgencyFactory,
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    council,
    icb,
)
from governance.tests.factories_meetings import AgendaItemFactory, MeetingFactory
from governance.tests.factories_papers import PaperFactory
from governance.tests.helpers_reminders import london, sent_to
from notifications.models import Notification

pytestmark = pytest.mark.django_db

MEETING = london(2026, 3, 26, 10)  # Thursday; papers due Thursday 19 March at 10:00
DAY_BEFORE_DEADLINE = london(2026, 3, 18, 9)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def board_members():
    board = GroupFactory(name="Safeguarding Partners Board", kind=GroupKind.BOARD)
    people = {
        "icb": PersonFactory(name="Ida ICB-Board", agency=icb()),
        "council": PersonFactory(name="Cyril Council-Board", agency=council()),
    }
    for person in people.values():
        MembershipFactory(person=person, group=board, role="member")
    return people


def nhs_trust():
    return AgencyFactory(name="Wye Valley NHS Trust", short_name="WVT", sector=Sector.HEALTH)


def test_a_paper_missing_from_an_nhs_trust_is_escalated_to_the_icbs_board_member_before_the_deadline(
    scan_at, board_members
):
    meeting = MeetingFactory(starts_at=MEETING)
    AgendaItemFactory(
        meeting=meeting, title="Neglect audit", presenter=PersonFactory(name="Nina Nurse", agency=nhs_trust())
    )
    scan_at(london(2026, 3, 17, 9))  # two working days before: not yet
    assert sent_to("papers_missing_escalation") == []
    scan_at(DAY_BEFORE_DEADLINE)
    scan_at(DAY_BEFORE_DEADLINE.replace(hour=15))
    assert sent_to("papers_missing_escalation") == ["Ida ICB-Board"]
    notice = Notification.objects.get(kind="papers_missing_escalation")
    assert "Neglect audit, presented by Nina Nurse (WVT)" in notice.body
    assert "10:00 on Thursday 19 March 2026" in notice.body
    assert notice.subject.startswith("1 paper from Shire ICB still missing")


def test_council_staffs_missing_paper_goes_to_the_councils_board_member_and_a_schools_to_nobody(
    scan_at, board_members
):
    meeting = MeetingFactory(starts_at=MEETING)
    AgendaItemFactory(meeting=meeting, presenter=PersonFactory(agency=council()))
    AgendaItemFactory(meeting=meeting, presenter=PersonFactory(agency=AgencyFactory(sector=Sector.EDUCATION)))
    scan_at(DAY_BEFORE_DEADLINE)
    assert sent_to("papers_missing_escalation") == ["Cyril Council-Board"]


def test_a_paper_already_in_is_not_escalated(scan_at, board_members):
    meeting = MeetingFactory(starts_at=MEETING)
    item = AgendaItemFactory(meeting=meeting, presenter=PersonFactory(agency=nhs_trust()))
    PaperFactory(agenda_item=item)
    scan_at(DAY_BEFORE_DEADLINE)
    assert sent_to("papers_missing_escalation") == []


def test_the_escalation_starts_as_many_working_days_before_the_deadline_as_the_settings_say(
    scan_at, board_members
):
    partnership_settings_update(values={"paper_escalation_working_days": 2})
    meeting = MeetingFactory(starts_at=MEETING)
    AgendaItemFactory(meeting=meeting, presenter=PersonFactory(agency=nhs_trust()))
    scan_at(london(2026, 3, 17, 9))
    assert sent_to("papers_missing_escalation") == ["Ida ICB-Board"]


def test_a_late_paper_from_an_nhs_trust_is_escalated_to_the_icbs_board_member(board_members):
    author = PersonFactory(name="Nina Nurse", agency=nhs_trust())
    paper = PaperFactory(
        agenda_item=AgendaItemFactory(meeting=MeetingFactory(starts_at=MEETING)),
        author=author,
        is_late=True,
        submitted_at=london(2026, 3, 20, 9),
    )
    paper_escalate_late(paper=paper)
    assert sent_to("late_paper") == ["Ida ICB-Board"]
