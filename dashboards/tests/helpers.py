"""A small partnership for the dashboards' tests: a board and a subgroup with the three
statutory partners as members, meetings with attendance, actions with lead agencies."""

import datetime
import zoneinfo

from django.contrib.auth.models import Group as AuthGroup

from governance.models import Action, ActionStatus, Attendance, AttendanceStatus, GroupKind, Meeting
from governance.permissions import PARTNER_READER_GROUP
from governance.tests.factories import (
    GroupFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    council,
    icb,
    police,
)

LONDON = zoneinfo.ZoneInfo("Europe/London")
TODAY = datetime.date(2026, 6, 15)
NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=LONDON)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


class Partnership:
    """Three statutory partners, a board, a subgroup (open to partner readers) and a
    need-to-know group; a member of each partner on the board and the subgroup."""

    def __init__(self):
        self.council, self.icb, self.police = council(), icb(), police()
        self.board = GroupFactory(
            name="Safeguarding Partners Board",
            short_name="SPB",
            kind=GroupKind.BOARD,
            log_open_to_partners=True,
        )
        self.subgroup = GroupFactory(name="MASH Group", short_name="MASH", log_open_to_partners=True)
        self.jcr = GroupFactory(name="Joint Case Review Group", short_name="JCR", log_readers="members_only")
        self.people = {}
        for agency in (self.council, self.icb, self.police):
            person = PersonFactory(agency=agency, name=f"Lead of {agency.name}")
            for group in (self.board, self.subgroup):
                MembershipFactory(
                    person=person, group=group, agency=agency, start_date=datetime.date(2020, 1, 1)
                )
            self.people[agency.statutory_role] = person
        self.deputy = PersonFactory(agency=self.police, name="Deputy Inspector")
        MembershipFactory(
            person=self.deputy,
            group=self.board,
            role="deputy",
            deputy_for=self.people["police"],
            agency=self.police,
            start_date=datetime.date(2020, 1, 1),
        )
        self.number = 0

    def meeting(self, group, day: datetime.date, *, police: str = "present", status="held") -> Meeting:
        """A meeting with the council and ICB present and the police line as given
        ("deputy": the registered deputy attends for the police member)."""
        meeting = Meeting.objects.create(
            group=group,
            starts_at=at(day),
            ends_at=at(day, 12),
            paper_deadline=at(day - datetime.timedelta(days=7)),
            status=status,
        )
        for role in ("local_authority", "icb"):
            person = self.people[role]
            Attendance.objects.create(
                meeting=meeting, person=person, agency=person.agency, status=AttendanceStatus.PRESENT
            )
        if police == "deputy":
            Attendance.objects.create(
                meeting=meeting,
                person=self.deputy,
                agency=self.police,
                status=AttendanceStatus.DEPUTY,
                is_member=False,
                deputy_for=self.people["police"],
            )
            Attendance.objects.create(
                meeting=meeting, person=self.people["police"], agency=self.police, status="apologies"
            )
        else:
            Attendance.objects.create(
                meeting=meeting, person=self.people["police"], agency=self.police, status=police
            )
        return meeting

    def action(
        self, group, *, agency=None, status=ActionStatus.OPEN, due=None, completed_on=None, created=None
    ):
        self.number += 1
        action = Action.objects.create(
            group=group,
            number=self.number,
            description=f"Action {self.number}: review the neglect strategy",
            lead_agency=agency,
            status=status,
            due_date=due,
            completed_on=completed_on,
        )
        if created is not None:
            Action.objects.filter(pk=action.pk).update(created_at=at(created))
        return action

    def board_member_user(self):
        user = UserFactory(username="board-member")
        person = PersonFactory(user=user, agency=self.council, name="Bea Board")
        MembershipFactory(
            person=person, group=self.board, agency=self.council, start_date=datetime.date(2020, 1, 1)
        )
        return user


def partner_reader():
    user = UserFactory(username="partner-reader")
    user.groups.add(AuthGroup.objects.get_or_create(name=PARTNER_READER_GROUP)[0])
    return user


def other_apps_records(world: Partnership, *, scale: int = 1) -> None:
    """Records for every panel drawn from another app: a business plan with judged cells, risks and
    an escalation; an audit programme and a section 11 cycle; training bookings; case reviews."""
    from audits import services as audit_services
    from audits.tests.factories import CaseAuditFactory, ProgrammeFactory, default_standards
    from planning.services.plan import progress_record
    from planning.tests.factories import EscalationFactory, RiskFactory, seed_plan
    from reviews.tests.factories import review
    from training.tests.factories import BookingFactory, SessionFactory

    plan = seed_plan(starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2027, 3, 31))
    judge = UserFactory(username="plan-judge")
    for index, cell in enumerate(plan.cells.all()[: 2 * scale]):
        progress_record(
            cell=cell,
            rag=("red", "amber", "green")[index % 3],
            judged_on=datetime.date(2026, 5, 1),
            commentary="GCP2 training delivered to 40 practitioners",
            judged_by=judge,
            now=NOW,
        )
    programme = ProgrammeFactory(group=world.subgroup, year=2026)
    for n in range(scale):
        RiskFactory(likelihood=1 + n % 5, impact=2, residual_likelihood=1 + n % 5, residual_impact=2)
        EscalationFactory(
            from_group=world.subgroup, to_group=world.board, raised_on=datetime.date(2026, 5, 1)
        )
        CaseAuditFactory(programme=programme, target_month=datetime.date(2026, 5, 1))
        session = SessionFactory(date=datetime.date(2026, 5, 10 + n % 10))
        BookingFactory(session=session, agency=world.police, status="booked", attendance="present")
        review(awareness_date=datetime.date(2026, 6, 1), children=(f"Child {n}",))
    default_standards(count=3)
    audit_services.cycle_open(
        kind="section_11",
        name="Section 11 2026",
        frequency="two_yearly",
        rating_scale="rag",
        group=world.subgroup,
        opens_on=datetime.date(2026, 4, 1),
        due_on=datetime.date(2026, 6, 30),
        agencies=[world.council, world.icb, world.police][: 1 + scale % 3],
    )
