import datetime
import io
import itertools
import os
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from governance.models import (
    CHAIRING_ROLES,
    OUTSTANDING_STATUSES,
    Action,
    ActionHandover,
    ActionStatus,
    ActionUpdate,
    Agency,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Group,
    GroupKind,
    Meeting,
    MeetingFrequency,
    MeetingStatus,
    Membership,
    MembershipRole,
    Minutes,
    MinutesAmendment,
    MinutesStatus,
    Paper,
    Person,
    QuorumRule,
    SafeguardingPartnerRole,
    Sector,
    StandingItem,
    StatutoryRole,
)
from governance.paper_files import PDF, WORD, detect_kind
from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP, chaired_group_ids
from governance.selectors.meetings import meeting_quoracy

pytestmark = pytest.mark.django_db

DEMO_USERNAMES = ["admin", "secretariat", "chair", "partner", "jcr"]
HEREFORDSHIRE_SUBGROUPS = {
    "Quality & Effectiveness Group",
    "Development & Practice Group",
    "Joint Case Review Group",
    "MASH Group",
    "Child Exploitation & Missing Group",
    "Education Group",
}
HERTFORDSHIRE_SUBGROUPS = {
    "Improving Outcomes Subgroup",
    "Learning and Development Subgroup",
    "Policy and Procedures Subgroup",
    "Audit Subgroup",
    "Performance Subgroup",
    "Case Review Subgroup",
    "Child Death Overview Panel",
    "Strategic Safeguarding Adolescents Group",
}
# Officials named in seeds 001 and 003; the demo must invent its people instead.
REAL_OFFICIALS = [
    "Paul Walker",
    "Richard Cooper",
    "Simon Trickett",
    "Tina Russell",
    "Helen Wain",
    "Kathryn Cobain",
    "Kevin Crompton",
    "Liz Murphy",
    "Sue Thomas",
    "Chris Baird",
    "Ellen Footman",
    "Ed Hughes",
    "Philippa Granthier",
    "Karen Wright",
]


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(scope="session")
def demo_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, demo_media_root):
    """The demo's papers are files; they go to a temporary folder, never the project's media."""
    settings.MEDIA_ROOT = demo_media_root


def load_demo(*args) -> str:
    """As a developer runs it: DEBUG on (pytest-django turns it off)."""
    out = io.StringIO()
    with override_settings(DEBUG=True):
        call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def loaded_once_per_class(*args):
    """Load the demo once for a class of read-only tests and roll it back after the class.

    Each test still runs in its own savepoint inside this transaction.
    """

    @pytest.fixture(scope="class")
    def fixture(django_db_setup, django_db_blocker, demo_media_root):
        with (
            django_db_blocker.unblock(),
            override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=demo_media_root),
            transaction.atomic(),
        ):
            load_demo(*args)
            yield
            transaction.set_rollback(True)

    return fixture


herefordshire_once = loaded_once_per_class()
herefordshire_structure_once = loaded_once_per_class("--structure-only")
hertfordshire_once = loaded_once_per_class("--structure", "hertfordshire")


@pytest.fixture
def herefordshire():
    """Herefordshire's structure: the tests of re-runs and flushing that do not need the year."""
    load_demo("--structure-only")


@pytest.fixture
def hertfordshire():
    load_demo("--structure", "hertfordshire")


def current_members(group: Group):
    return Membership.objects.current().filter(group=group)


def person_of(username: str) -> Person:
    return Person.objects.get(user__username=username)


def assert_nothing_created_or_updated(output: str) -> None:
    tally_lines = output.splitlines()[1:]
    assert tally_lines and all("0 created, 0 updated" in line for line in tally_lines), output


def governance_row_counts() -> dict[str, int]:
    """Rows in every governance table, history included, and in the auth tables."""
    user_model = get_user_model()
    models = [*apps.get_app_config("governance").get_models(), user_model, user_model.groups.through]
    return {model._meta.label: model._base_manager.count() for model in models}


@pytest.mark.usefixtures("herefordshire_structure_once")
class TestHerefordshireDemo:
    """Herefordshire's structure, from seeds 000 and 001, loaded once for these read-only tests."""

    def test_herefordshire_has_the_three_statutory_partners_in_their_roles(self):
        partners = {
            agency.statutory_role: (agency.name, agency.sector)
            for agency in Agency.objects.statutory_partners()
        }
        assert partners == {
            StatutoryRole.LOCAL_AUTHORITY: ("Herefordshire Council", Sector.LOCAL_AUTHORITY),
            StatutoryRole.INTEGRATED_CARE_BOARD: (
                "NHS Herefordshire and Worcestershire Integrated Care Board",
                Sector.HEALTH,
            ),
            StatutoryRole.POLICE: ("West Mercia Police", Sector.POLICE),
        }

    def test_herefordshire_has_at_least_fifteen_relevant_agencies_across_sectors(self):
        relevant = Agency.objects.filter(statutory_role__isnull=True)
        assert relevant.count() >= 15
        assert {Sector.HEALTH, Sector.EDUCATION, Sector.PROBATION_JUSTICE, Sector.VOLUNTARY_COMMUNITY} <= set(
            relevant.values_list("sector", flat=True)
        )
        assert relevant.filter(name="Wye Valley NHS Trust", sector=Sector.HEALTH).exists()

    def test_herefordshire_has_the_board_six_subgroups_and_two_partner_bodies(self):
        board = Group.objects.get(kind=GroupKind.BOARD)
        assert board.name == "Safeguarding Partners Board"
        assert board.meeting_frequency == "six_weekly"
        assert board.quorum_rule == QuorumRule.ALL_STATUTORY_PARTNERS
        assert set(Group.objects.filter(kind=GroupKind.SUBGROUP).values_list("name", flat=True)) == (
            HEREFORDSHIRE_SUBGROUPS
        )
        assert set(Group.objects.filter(kind=GroupKind.PARTNER_BODY).values_list("name", flat=True)) == {
            "Herefordshire Safeguarding Adults Board",
            "Herefordshire Community Safety Partnership",
        }

    def test_every_subgroup_reports_to_the_board_and_has_a_remit(self):
        board = Group.objects.get(kind=GroupKind.BOARD)
        for subgroup in Group.objects.filter(kind=GroupKind.SUBGROUP):
            assert board in subgroup.reports_to.all(), subgroup
            assert subgroup.remit.startswith(("- ", "The ")), subgroup
        quality = Group.objects.get(name="Quality & Effectiveness Group")
        assert "- Reports through a quarterly highlight report on findings" in quality.remit

    def test_joint_case_review_group_reports_to_the_board_and_two_partner_bodies(self):
        jcr = Group.objects.get(name="Joint Case Review Group")
        assert set(jcr.reports_to.values_list("name", flat=True)) == {
            "Safeguarding Partners Board",
            "Herefordshire Safeguarding Adults Board",
            "Herefordshire Community Safety Partnership",
        }

    def test_some_terms_of_reference_reviews_are_overdue_and_most_fall_in_2027(self):
        partnership_groups = Group.objects.exclude(kind=GroupKind.PARTNER_BODY)
        overdue = [group for group in partnership_groups if group.terms_of_reference_overdue()]
        in_2027 = partnership_groups.filter(terms_of_reference_review_date__year=2027)
        assert 1 <= len(overdue) < in_2027.count()

    def test_every_subgroup_has_current_members_from_all_statutory_partners_and_relevant_agencies(self):
        for subgroup in Group.objects.filter(kind=GroupKind.SUBGROUP):
            agencies = Agency.objects.filter(memberships__in=current_members(subgroup)).distinct()
            assert set(agencies.values_list("statutory_role", flat=True)) >= set(StatutoryRole.values), (
                subgroup
            )
            assert agencies.filter(statutory_role__isnull=True).count() >= 2, subgroup

    def test_chairing_roles_follow_the_seed(self):
        def chairs(group_name):
            members = current_members(Group.objects.get(name=group_name)).filter(role__in=CHAIRING_ROLES)
            return {(membership.role, membership.agency.short_name) for membership in members}

        assert chairs("MASH Group") == {
            (MembershipRole.CO_CHAIR, "Herefordshire Council"),
            (MembershipRole.CO_CHAIR, "West Mercia Police"),
        }
        assert chairs("Quality & Effectiveness Group") == {
            (MembershipRole.CHAIR, "Herefordshire Council"),
            (MembershipRole.VICE_CHAIR, "HW ICB"),
        }
        assert chairs("Joint Case Review Group") == {(MembershipRole.CHAIR, "HW ICB")}
        assert (MembershipRole.CHAIR, "Herefordshire Council") in chairs("Safeguarding Partners Board")

    def test_the_board_holds_the_three_delegated_partners_advisers_and_a_minute_taker(self):
        members = current_members(Group.objects.get(kind=GroupKind.BOARD))
        statutory_roles = set(
            members.filter(role__in=[*CHAIRING_ROLES, MembershipRole.MEMBER]).values_list(
                "agency__statutory_role", flat=True
            )
        )
        assert statutory_roles >= set(StatutoryRole.values)
        assert members.filter(role=MembershipRole.ADVISER).count() >= 2
        assert members.get(role=MembershipRole.MINUTE_TAKER).person == person_of("secretariat")

    def test_at_least_sixty_people_most_with_a_line_manager_in_their_own_agency(self):
        people = Person.objects.all()
        managed = people.filter(line_manager__isnull=False)
        assert people.count() >= 60
        assert managed.count() > people.count() / 2
        assert all(person.line_manager.agency_id == person.agency_id for person in managed)

    def test_people_have_example_org_addresses_and_phone_numbers(self):
        person = Person.objects.get(name="Siân Edwards")
        assert person.email == "sian.edwards@westmercia-police.example.org"
        assert all(person.email.endswith(".example.org") and person.phone for person in Person.objects.all())

    def test_membership_history_has_ended_memberships_and_deputies(self):
        today = timezone.localdate()
        assert Membership.objects.past(today).count() >= 5
        deputy = Membership.objects.filter(role=MembershipRole.DEPUTY).first()
        assert deputy.deputy_for is not None
        start_years = set(Membership.objects.values_list("start_date__year", flat=True))
        assert start_years == {2023, 2024, 2025}

    @pytest.mark.parametrize("username", DEMO_USERNAMES)
    def test_demo_user_is_linked_to_a_person_and_logs_in_with_the_demo_password(self, username):
        user = authenticate(username=username, password=settings.DEMO_PASSWORD)
        assert user is not None
        assert user.person.email == user.email

    def test_admin_user_is_a_staff_superuser(self):
        admin = get_user_model().objects.get(username="admin")
        assert admin.is_superuser and admin.is_staff

    def test_secretariat_user_is_in_the_secretariat_group_and_works_in_the_partnership_team(self):
        secretariat = get_user_model().objects.get(username="secretariat")
        assert list(secretariat.groups.values_list("name", flat=True)) == [SECRETARIAT_GROUP]
        assert secretariat.person.job_title == "Partnership Business Manager"
        assert secretariat.person.agency.statutory_role == StatutoryRole.LOCAL_AUTHORITY

    def test_chair_user_holds_a_current_chairing_membership(self):
        chair = get_user_model().objects.get(username="chair")
        chaired = Group.objects.filter(pk__in=chaired_group_ids(chair))
        assert "Quality & Effectiveness Group" in set(chaired.values_list("name", flat=True))

    def test_partner_user_is_a_partner_reader_linked_to_the_police_delegated_partner(self):
        partner = get_user_model().objects.get(username="partner")
        assert list(partner.groups.values_list("name", flat=True)) == [PARTNER_READER_GROUP]
        assert partner.person.agency.statutory_role == StatutoryRole.POLICE
        assert partner.person.safeguarding_partner_role == SafeguardingPartnerRole.DELEGATED
        assert current_members(Group.objects.get(kind=GroupKind.BOARD)).filter(person=partner.person).exists()

    def test_jcr_user_is_a_member_but_not_a_chair_of_the_joint_case_review_group(self):
        jcr_memberships = current_members(Group.objects.get(name="Joint Case Review Group")).filter(
            person=person_of("jcr")
        )
        assert list(jcr_memberships.values_list("role", flat=True)) == [MembershipRole.MEMBER]

    def test_the_mash_group_reports_to_the_quality_and_effectiveness_group(self):
        # Seed 000, seed 001 s.7.15, seed 003 item 2.3; its messages still reach the board (seed 003).
        mash = Group.objects.get(name="MASH Group")
        assert set(mash.reports_to.values_list("name", flat=True)) == {
            "Quality & Effectiveness Group",
            "Safeguarding Partners Board",
        }
        quality = Group.objects.get(name="Quality & Effectiveness Group")
        assert mash in quality.reporting_groups.all()

    def test_ukhsa_and_ohid_are_among_the_relevant_health_agencies(self):
        # Seed 001 s.6.3.
        agency = Agency.objects.get(short_name="UKHSA/OHID")
        assert agency.sector == Sector.HEALTH and not agency.statutory_role
        assert "UK Health Security Agency" in agency.name and "Office for Health Improvement" in agency.name

    def test_each_statutory_partner_has_one_lead_and_one_delegated_safeguarding_partner(self):
        # Seed 001 s.1.3 (the Lead Safeguarding Partners) and s.3.2 (the DSPs they named).
        for agency in Agency.objects.statutory_partners():
            roles = agency.people.filter(active=True).exclude(safeguarding_partner_role="")
            assert sorted(roles.values_list("safeguarding_partner_role", flat=True)) == [
                SafeguardingPartnerRole.DELEGATED,
                SafeguardingPartnerRole.LEAD,
            ], agency
        assert not Person.objects.filter(agency__statutory_role__isnull=True).exclude(
            safeguarding_partner_role=""
        )
        delegated = Person.objects.filter(safeguarding_partner_role=SafeguardingPartnerRole.DELEGATED)
        assert set(delegated.values_list("name", flat=True)) == {
            "Catherine Adeyemi",
            "Rebecca Thornbury",
            "Imran Chaudhry",
        }
        # The role is a field, no longer words in the job title.
        assert not Person.objects.filter(job_title__icontains="Safeguarding Partner")

    def test_the_agency_and_people_pages_show_the_lead_and_delegated_safeguarding_partners(self, client):
        client.force_login(get_user_model().objects.get(username="secretariat"))
        police = Agency.objects.get(statutory_role=StatutoryRole.POLICE)
        page = client.get(reverse("governance:agency_detail", args=[police.pk])).content.decode()
        lead = Person.objects.get(agency=police, safeguarding_partner_role=SafeguardingPartnerRole.LEAD)
        assert lead.name in page.split("Lead Safeguarding Partner</dt>")[1].split("</dd>")[0]
        assert "Imran Chaudhry" in page.split("Delegated Safeguarding Partner</dt>")[1].split("</dd>")[0]
        directory = client.get(reverse("governance:person_list"), {"q": "Imran"}).content.decode()
        assert "Delegated Safeguarding Partner" in directory.split("Imran Chaudhry")[1].split("</td>")[0]

    def test_the_lead_partners_forum_the_summit_and_the_practitioner_forum_meet_twice_yearly(self):
        # Seed 001 s.3.1 (the LSPs' forum), s.5.7 and s.7.6 (the summit), s.7.8 (the practitioner forum).
        forums = Group.objects.filter(kind=GroupKind.FORUM)
        assert set(forums.values_list("name", flat=True)) == {
            "Lead Safeguarding Partners' Forum",
            "HSCP Summit",
            "Practitioner Forum",
        }
        assert set(forums.values_list("meeting_frequency", flat=True)) == {"twice_yearly"}
        for forum in forums:
            assert forum.remit and current_members(forum).exists(), forum
        lsp_forum = forums.get(name="Lead Safeguarding Partners' Forum")
        seated = current_members(lsp_forum)
        members = seated.filter(role=MembershipRole.MEMBER).values_list(
            "person__safeguarding_partner_role", flat=True
        )
        assert set(members) == {SafeguardingPartnerRole.LEAD} and len(members) == 3
        attending = seated.filter(role=MembershipRole.IN_ATTENDANCE)
        assert set(attending.values_list("person__safeguarding_partner_role", flat=True)) >= {
            SafeguardingPartnerRole.DELEGATED
        }
        assert attending.filter(person__job_title="Independent Scrutineer").exists()
        # "This group is accountable to the Lead Safeguarding Partners" (s.7.1).
        board = Group.objects.get(kind=GroupKind.BOARD)
        assert list(board.reports_to.all()) == [lsp_forum]
        practitioners = forums.get(name="Practitioner Forum")
        assert "Herefordshire Safeguarding Adults Board" in practitioners.reports_to.values_list(
            "name", flat=True
        )


@pytest.mark.usefixtures("hertfordshire_once")
class TestHertfordshireDemo:
    """Hertfordshire, from seed 002, loaded once for these read-only tests."""

    def test_hertfordshire_structure_loads_its_board_and_eight_subgroups(self):
        board = Group.objects.get(kind=GroupKind.BOARD)
        subgroups = Group.objects.filter(kind=GroupKind.SUBGROUP)
        assert board.name == "Hertfordshire Safeguarding Children Board"
        assert set(subgroups.values_list("name", flat=True)) == HERTFORDSHIRE_SUBGROUPS
        assert all(list(subgroup.reports_to.all()) == [board] for subgroup in subgroups)
        assert "serious case reviews" in Group.objects.get(name="Case Review Subgroup").remit
        assert set(Agency.objects.statutory_partners().values_list("name", flat=True)) == {
            "Hertfordshire County Council",
            "NHS Hertfordshire and West Essex Integrated Care Board",
            "Hertfordshire Constabulary",
        }
        assert Person.objects.count() >= 25

    def test_hertfordshire_has_the_same_demo_users_with_the_same_roles(self):
        for username in DEMO_USERNAMES:
            assert authenticate(username=username, password=settings.DEMO_PASSWORD) is not None
        chair = get_user_model().objects.get(username="chair")
        assert chaired_group_ids(chair)
        case_review = Group.objects.get(name="Case Review Subgroup")
        roles = current_members(case_review).filter(person=person_of("jcr")).values_list("role", flat=True)
        assert list(roles) == [MembershipRole.MEMBER]

    def test_hertfordshire_keeps_each_remit_in_full(self):
        improving = Group.objects.get(name="Improving Outcomes Subgroup").remit
        # The escalation criteria (seed 002).
        assert "will only escalate to the Strategic Board issues of significant risk" in improving
        assert "countywide or national implications" in improving
        assert "serious lack of co-operation of one or more of the agencies" in improving
        assert "sufficiently flexible to identify where issues arise mid-year" in improving
        cdop = Group.objects.get(name="Child Death Overview Panel").remit
        # The cross-border rule.
        assert "When a child who lives in another area dies in Hertfordshire" in cdop
        assert "which panel will review the child's death (normally where the child lives)" in cdop
        assert "neonatal deaths, expected and unexpected deaths" in cdop
        case_review = Group.objects.get(name="Case Review Subgroup").remit
        assert "chaired by an independent person and the group is accountable to the chair" in case_review
        assert (
            "Working Together to Safeguard Children 2015"
            in Group.objects.get(name="Policy and Procedures Subgroup").remit
        )

    def test_hertfordshire_frequencies_quorum_rules_and_reviews_are_not_set_as_the_seed_gives_none(self):
        for group in Group.objects.all():
            assert group.meeting_frequency == MeetingFrequency.NOT_SET, group
            assert group.quorum_rule == QuorumRule.NOT_SET, group
            assert group.terms_of_reference_review_date is None, group

    def test_a_hertfordshire_group_page_says_its_frequency_and_quorum_are_not_set(self, client):
        client.force_login(get_user_model().objects.get(username="secretariat"))
        audit = Group.objects.get(name="Audit Subgroup")
        page = client.get(reverse("governance:group_detail", args=[audit.pk])).content.decode()
        assert "Not set: its terms of reference do not say how often it meets" in page
        assert "Not set: its terms of reference do not give a quorum" in page


def test_second_run_of_the_structure_changes_nothing(herefordshire):
    before = governance_row_counts()
    passwords = dict(get_user_model().objects.values_list("username", "password"))
    last_update = max(Person.objects.values_list("updated_at", flat=True))

    output = load_demo("--structure-only")

    assert governance_row_counts() == before
    assert dict(get_user_model().objects.values_list("username", "password")) == passwords
    assert max(Person.objects.values_list("updated_at", flat=True)) == last_update
    assert_nothing_created_or_updated(output)


def test_second_run_of_hertfordshire_changes_nothing(hertfordshire):
    before = governance_row_counts()
    load_demo("--structure", "hertfordshire")
    assert governance_row_counts() == before


def test_a_rerun_puts_back_a_value_someone_edited_and_records_it(herefordshire):
    person = Person.objects.get(name="Priya Raman")
    person.job_title = "Somebody else"
    person.save()
    history_before = person.history.count()

    output = load_demo("--structure-only")

    person.refresh_from_db()
    assert person.job_title == "Service Director for Safeguarding and Quality Assurance"
    assert person.history.count() == history_before + 1
    assert "1 updated" in output


def test_loading_the_other_structure_without_flush_is_refused_and_changes_nothing(herefordshire):
    before = governance_row_counts()
    with pytest.raises(CommandError, match="--flush"):
        load_demo("--structure", "hertfordshire")
    assert governance_row_counts() == before


def test_flush_replaces_one_partnership_with_the_other_and_relinks_the_demo_users(herefordshire):
    council = Agency.objects.get(name="Herefordshire Council")
    added_by_hand = Person.objects.create(name="Added By Hand", agency=council)
    Membership.objects.create(
        person=added_by_hand,
        group=Group.objects.get(name="MASH Group"),
        role=MembershipRole.MEMBER,
        agency=council,
        start_date=timezone.localdate(),
    )

    load_demo("--structure", "hertfordshire", "--flush")

    assert not Person.objects.filter(name="Added By Hand").exists()
    assert not Agency.objects.filter(name="Herefordshire Council").exists()
    assert not Group.objects.filter(name="Safeguarding Partners Board").exists()
    assert Group.objects.filter(name="Hertfordshire Safeguarding Children Board").exists()
    assert get_user_model().objects.count() == len(DEMO_USERNAMES)
    assert person_of("partner").agency.name == "Hertfordshire Constabulary"


@pytest.mark.parametrize("structure", ["herefordshire", "hertfordshire"])
def test_demo_names_none_of_the_real_officials_from_the_seeds(structure):
    load_demo("--structure", structure, "--structure-only")
    names = set(Person.objects.values_list("name", flat=True))
    surnames = {name.split()[-1] for name in names}
    for official in REAL_OFFICIALS:
        assert official not in names
        assert official.split()[-1] not in surnames


# A year of governance ---------------------------------------------------------------------------

PARTNERSHIP_GROUPS = {"Safeguarding Partners Board", *HEREFORDSHIRE_SUBGROUPS}
YEAR = datetime.timedelta(days=365)


def board() -> Group:
    return Group.objects.get(kind=GroupKind.BOARD)


def seed_003_meeting() -> Meeting:
    """The board meeting shaped like seed 003: 18 December last year (or the next working day)."""
    last_year = timezone.localdate().year - 1
    meetings = [
        meeting
        for meeting in Meeting.objects.filter(group=board(), status=MeetingStatus.HELD)
        if meeting.local_date.year == last_year
        and meeting.local_date.month == 12
        and 18 <= meeting.local_date.day <= 21
    ]
    assert len(meetings) == 1, meetings
    return meetings[0]


def item_numbered(meeting: Meeting, number: str) -> AgendaItem:
    return meeting.agenda_items.get(number=number)


def owners(action: Action) -> str:
    return "/".join(person.initials for person in action.owners.all())


@pytest.mark.usefixtures("herefordshire_once")
class TestHerefordshireYear:
    """The year of meetings and action logs, loaded once for these tests (each runs in a savepoint)."""

    def test_the_board_and_each_subgroup_held_meetings_over_the_last_year(self):
        since = timezone.now() - YEAR
        for name in PARTNERSHIP_GROUPS:
            held = Meeting.objects.filter(group__name=name, status=MeetingStatus.HELD, starts_at__gte=since)
            assert held.count() >= (7 if name == "Safeguarding Partners Board" else 3), name
            assert not held.filter(starts_at__gt=timezone.now()).exists()

    def test_meetings_keep_off_weekends_and_papers_are_due_seven_days_before(self):
        for meeting in Meeting.objects.all():
            assert meeting.local_date.weekday() < 5, meeting
            deadline = timezone.localtime(meeting.paper_deadline)
            start = timezone.localtime(meeting.starts_at)
            assert (deadline.date(), deadline.time()) == (
                start.date() - datetime.timedelta(days=7),
                start.time(),
            )
        board_dates = [meeting.local_date for meeting in Meeting.objects.filter(group=board())]
        gaps = {(later - earlier).days for earlier, later in itertools.pairwise(board_dates)}
        assert 42 in gaps

    def test_every_group_has_a_meeting_to_come_and_only_the_next_board_agenda_is_published(self):
        upcoming = Meeting.objects.filter(status=MeetingStatus.SCHEDULED, starts_at__gt=timezone.now())
        assert set(upcoming.values_list("group__name", flat=True)) == PARTNERSHIP_GROUPS
        published = upcoming.filter(agenda_published_at__isnull=False)
        assert [meeting.group for meeting in published] == [board()]
        next_board = published.get()
        assert next_board.agenda_items.filter(standing_item="").count() >= 3
        assert not Meeting.objects.filter(
            status=MeetingStatus.SCHEDULED, starts_at__lt=timezone.now()
        ).exists()

    def test_one_or_two_meetings_were_cancelled_with_a_reason_and_have_no_record(self):
        cancelled = Meeting.objects.filter(status=MeetingStatus.CANCELLED)
        assert 1 <= cancelled.count() <= 3
        for meeting in cancelled:
            assert meeting.cancellation_reason
            assert not meeting.attendance.exists() and not Minutes.objects.filter(meeting=meeting).exists()

    def test_agendas_have_standing_items_substantive_items_and_sub_items_with_presenters(self):
        for meeting in Meeting.objects.filter(status=MeetingStatus.HELD):
            items = list(meeting.agenda_items.all())
            standing = {item.standing_item for item in items if item.standing_item}
            assert {
                StandingItem.WELCOME_APOLOGIES,
                StandingItem.PREVIOUS_MINUTES,
                StandingItem.AOB,
            } <= standing
            business = [item for item in items if not item.standing_item and not item.reporting_group_id]
            assert 2 <= len([item for item in business if item.parent_id is None]) <= 8, meeting
            assert all(item.discussion for item in items if not item.confidential), meeting
        assert AgendaItem.objects.filter(parent__standing_item="", presenter__isnull=True).exists()
        assert AgendaItem.objects.filter(standing_item="", presenter__isnull=False).count() > 100

    def test_a_joint_case_review_agenda_carries_a_confidential_item(self):
        confidential = AgendaItem.objects.filter(confidential=True)
        assert confidential.exists()
        assert set(confidential.values_list("meeting__group__name", flat=True)) == {"Joint Case Review Group"}

    def test_papers_are_real_pdf_and_word_files_under_the_media_root(self):
        papers = Paper.objects.all()
        assert papers.count() >= 40
        kinds = set()
        for paper in papers:
            with paper.file.open("rb") as stream:
                kind = detect_kind(stream)
            assert kind is not None and kind.content_type == paper.content_type, paper
            kinds.add(kind)
        assert kinds == {PDF, WORD}

    def test_a_late_paper_was_accepted_with_a_reason_and_a_late_police_paper_held_back(self):
        accepted = Paper.objects.filter(is_late=True, late_accepted_at__isnull=False)
        assert accepted.exists() and all(paper.late_accepted_reason for paper in accepted)
        held_back = Paper.objects.filter(is_late=True, late_accepted_at__isnull=True)
        assert held_back.filter(author__agency__statutory_role=StatutoryRole.POLICE).exists()
        for paper in Paper.objects.filter(is_late=True):
            assert paper.submitted_at > paper.agenda_item.meeting.paper_deadline
        assert Paper.objects.filter(is_late=False).count() > 5 * Paper.objects.filter(is_late=True).count()

    def test_attendance_is_recorded_for_every_held_meeting_with_deputies_apologies_and_absences(self):
        for meeting in Meeting.objects.filter(status=MeetingStatus.HELD):
            assert meeting.attendance.filter(status=AttendanceStatus.PRESENT).count() >= 2, meeting
            assert meeting.attendance.filter(person=meeting.minute_taker, status="in_attendance").exists()
        apologies = Attendance.objects.filter(status=AttendanceStatus.APOLOGIES)
        assert apologies.count() >= 10 and all(row.apology_reason for row in apologies)
        assert apologies.filter(apology_valid=False).exists()
        assert Attendance.objects.filter(status=AttendanceStatus.ABSENT).exists()
        deputy = Attendance.objects.filter(status=AttendanceStatus.DEPUTY).first()
        assert deputy is not None and deputy.deputy_for.agency == deputy.agency
        assert Attendance.objects.filter(
            arrived_for_item__isnull=False, status=AttendanceStatus.PRESENT
        ).exists()

    def test_most_meetings_are_quorate_but_some_are_not(self):
        verdicts = [meeting_quoracy(meeting=m) for m in Meeting.objects.filter(status=MeetingStatus.HELD)]
        inquorate = [str(verdict) for verdict in verdicts if not verdict.quorate]
        assert 1 <= len(inquorate) <= len(verdicts) // 5
        assert "Not quorate — police not represented" in inquorate

    def test_a_decision_taken_after_a_partner_left_was_ratified_at_the_next_quorate_meeting(self):
        left = Attendance.objects.filter(left_before_item__isnull=False, is_member=True)
        decisions = Decision.objects.filter(
            agenda_item__in=[row.left_before_item_id for row in left], needs_ratification=True
        )
        ratified = decisions.filter(ratified_on__isnull=False).select_related("agenda_item__meeting")
        assert ratified.exists()
        for decision in ratified:
            taken_at = decision.agenda_item.meeting
            ratified_at = decision.ratified_at_item.meeting
            assert not decision.taken_quorate and decision.missing_partners
            assert ratified_at.group == taken_at.group and ratified_at.starts_at > taken_at.starts_at
            assert decision.ratified_at_item.standing_item == StandingItem.RATIFICATION
            assert meeting_quoracy(meeting=ratified_at).quorate
            between = Meeting.objects.filter(
                group=taken_at.group,
                status=MeetingStatus.HELD,
                starts_at__gt=taken_at.starts_at,
                starts_at__lt=ratified_at.starts_at,
            )
            assert not between.exists()

    def test_the_decision_to_commission_a_practice_review_is_taken_quorate_by_all_three_partners(self):
        # Seed 001 s.15.7: "A final decision on the commission or not of all case reviews will be made by
        # representatives of the three Safeguarding Partners", so never inquorate and "ratified" later.
        decisions = Decision.objects.filter(
            text__icontains="criteria for a local child safeguarding practice"
        )
        assert decisions.exists()
        for decision in decisions.select_related("agenda_item__meeting__group"):
            assert decision.agenda_item.meeting.group.kind == GroupKind.BOARD
            assert decision.taken_quorate and not decision.missing_partners, decision.text
            assert not decision.needs_ratification
        lcspr = Decision.objects.filter(text__icontains="local child safeguarding practice review")
        assert lcspr.exists() and not lcspr.filter(taken_quorate=False)

    def test_a_decision_still_waiting_puts_ratification_on_the_next_agenda(self):
        waiting = Decision.objects.filter(needs_ratification=True, ratified_on__isnull=True)
        for decision in waiting:
            meeting = decision.agenda_item.meeting
            following = Meeting.objects.filter(group=meeting.group, starts_at__gt=meeting.starts_at).first()
            assert following.agenda_items.filter(standing_item=StandingItem.RATIFICATION).exists()

    def test_minutes_run_from_draft_through_circulated_to_approved_and_published(self):
        statuses = set(Minutes.objects.values_list("status", flat=True))
        assert statuses == set(MinutesStatus.values)
        latest_board = Meeting.objects.filter(group=board(), status=MeetingStatus.HELD).last()
        assert latest_board.minutes.status == MinutesStatus.DRAFT
        for minutes in Minutes.objects.filter(status=MinutesStatus.APPROVED).select_related("meeting"):
            approving = minutes.approved_at_item
            assert approving.standing_item == StandingItem.PREVIOUS_MINUTES
            assert approving.meeting.group_id == minutes.meeting.group_id
            assert approving.meeting.starts_at > minutes.meeting.starts_at
            assert minutes.circulated_at > minutes.meeting.ends_at
        published = Minutes.objects.filter(published_at__isnull=False)
        assert published.exists() and not published.exclude(status=MinutesStatus.APPROVED).exists()
        assert Minutes.objects.filter(status=MinutesStatus.APPROVED, published_at__isnull=True).exists()

    def test_approved_minutes_carry_recorded_amendments(self):
        amendments = MinutesAmendment.objects.select_related("minutes", "agenda_item", "requested_by")
        assert amendments.count() >= 2
        for amendment in amendments:
            assert amendment.minutes.status == MinutesStatus.APPROVED
            assert (
                amendment.new_text.startswith(amendment.original_text)
                and amendment.new_text != amendment.original_text
            )
            assert amendment.agenda_item.discussion == amendment.new_text
            assert amendment.made_at_item == amendment.minutes.approved_at_item

    def test_every_group_keeps_an_action_log_with_actions_in_every_status(self):
        for name in PARTNERSHIP_GROUPS:
            assert Action.objects.filter(group__name=name).count() >= 3, name
        assert set(Action.objects.values_list("status", flat=True)) == set(ActionStatus.values)
        for action in Action.objects.filter(status=ActionStatus.COMPLETED):
            assert action.completion_note and action.completed_on
        # Seed 003's references are the minutes' (date and item); an action from a case review, an
        # audit or the plan is named by its source's label instead and has no minutes reference.
        minuted = Action.objects.filter(reference__gt="")
        assert minuted.count() > Action.objects.filter(reference="").count()
        assert all(
            re.fullmatch(r"\d\d\.\d\d\.\d\d ref \d+(\.\d+)?", ref)
            for ref in minuted.values_list("reference", flat=True)
        )

    def test_some_outstanding_actions_are_overdue_and_some_are_not(self):
        today = timezone.localdate()
        outstanding = Action.objects.filter(status__in=OUTSTANDING_STATUSES)
        assert outstanding.filter(due_date__lt=today).count() >= 3
        assert outstanding.filter(due_date__gte=today).exists()

    def test_action_trails_have_dated_updates_with_authors_and_revised_deadlines_with_reasons(self):
        updates = ActionUpdate.objects.select_related("action", "author")
        assert updates.count() >= 40
        assert all(update.author_id and update.author_person_id for update in updates)
        assert all(update.created_at.date() >= update.action.created_at.date() for update in updates)
        assert len({update.created_at.date() for update in updates}) >= 15
        revised = updates.filter(revised_due_date__isnull=False)
        assert revised.exists() and all(
            update.revision_reason and update.previous_due_date for update in revised
        )
        assert updates.filter(reviewed_at_meeting__isnull=False).count() > updates.count() // 2
        owners_posting = updates.filter(reviewed_at_meeting__isnull=True).exclude(
            author__username="secretariat"
        )
        assert owners_posting.exists()

    def test_actions_handed_from_the_board_to_subgroups_keep_their_reference_and_trail(self):
        handovers = ActionHandover.objects.filter(from_group=board()).select_related("action", "to_group")
        assert {handover.to_group.kind for handover in handovers} == {GroupKind.SUBGROUP}
        assert handovers.count() >= 2
        for handover in handovers:
            action = handover.action
            assert action.group == handover.to_group and action.number == handover.to_number
            assert action.origin_meeting.group == board()
            assert action.reference.startswith(f"{action.origin_meeting.local_date:%d.%m.%y} ref ")
            assert handover.note.startswith("CA to pass to")

    def test_the_18_december_board_meeting_has_the_shape_of_seed_003(self):
        meeting = seed_003_meeting()
        present = meeting.attendance.filter(status=AttendanceStatus.PRESENT)
        assert {row.person.initials for row in present} == {"CA", "IC", "RT", "GW"}
        in_attendance = {
            row.person.initials: row for row in meeting.attendance.filter(status="in_attendance")
        }
        assert {"JK", "DO", "EV"} <= set(in_attendance)
        assert in_attendance["EV"].arrived_for_item == item_numbered(meeting, "5")
        assert meeting.attendance.filter(
            status=AttendanceStatus.APOLOGIES, person__initials_override=""
        ).exists()
        assert meeting_quoracy(meeting=meeting).quorate
        # Item 2: the previous minutes approved with CA's amendment (seed 003, item 1).
        previous = Meeting.objects.filter(group=board(), starts_at__lt=meeting.starts_at).last()
        amendment = MinutesAmendment.objects.get(minutes__meeting=previous)
        assert amendment.made_at_item == item_numbered(meeting, "2")
        assert amendment.requested_by.initials == "CA"
        assert amendment.new_text.endswith(
            "The early help group is an operational group, not a strategic group, although a more strategic "
            "group is being established."
        )
        # Item 4 (seed 003's 2a): the late-papers rule, decided.
        assert "seven day deadline" in item_numbered(meeting, "4").decisions.get().text
        assert meeting.agenda_items.filter(number__startswith="4.").count() == 5

    def test_the_18_december_board_meeting_reviews_a_numbered_action_log_like_seed_003(self):
        meeting = seed_003_meeting()
        previous = Meeting.objects.filter(group=board(), starts_at__lt=meeting.starts_at).last()
        reviewed = ActionUpdate.objects.filter(reviewed_at_meeting=meeting).select_related("action")
        by_title = {update.action.title: update for update in reviewed}
        funding = by_title["Finance / Funding"]
        assert funding.action.reference == f"{previous.local_date:%d.%m.%y} ref 4.1"
        assert funding.action.description.startswith("JK to draft letter, and pass to Chief Executive")
        assert funding.text.startswith("Draft letters agreed with the Chief Executive")
        neglect_lead = by_title["Neglect strategy"]
        assert neglect_lead.new_status == ActionStatus.COMPLETED
        assert neglect_lead.action.completion_note == "Gareth Hollis will be the lead for neglect."
        plan = by_title["Business Plan"]
        assert plan.revised_due_date == datetime.date(meeting.local_date.year + 1, 3, 31)
        assert plan.text == f"The deadline for this to be revised to March {meeting.local_date.year + 1}."
        assert by_title["Engagement"].text.startswith(
            "Ongoing \N{EN DASH} the final version needs to go to the next Q&E"
        )
        agreed = {action.title: action for action in Action.objects.filter(origin_meeting=meeting)}
        assert owners(agreed["CDOP"]) == "EV/JK/RT"
        assert agreed["CDOP"].reference == f"{meeting.local_date:%d.%m.%y} ref 5.1"
        assert agreed["MASH governance"].group.name == "MASH Group"
        assert agreed["Early help pathways"].group.name == "Development & Practice Group"
        # Numbers run on in the board's log, never reused, whatever was handed over.
        numbers = list(Action.objects.filter(group=board()).values_list("number", flat=True))
        handed = ActionHandover.objects.filter(from_group=board()).values_list("from_number", flat=True)
        assert sorted([*numbers, *handed]) == list(range(1, len(numbers) + len(handed) + 1))

    def test_the_board_action_log_prints_like_seed_003(self, client):
        client.force_login(get_user_model().objects.get(username="secretariat"))
        page = client.get(reverse("governance:action_log_print", args=[board().pk])).content.decode()
        funding = Action.objects.get(group=board(), title="Finance / Funding")
        assert f"Action No {funding.number} ({funding.reference})" in page
        assert "Completed \N{EN DASH} Gareth Hollis will be the lead for neglect." in page
        assert "EV/JK/RT" in page

    def test_the_year_names_none_of_the_real_officials_from_the_seeds(self):
        texts = [
            *AgendaItem.objects.values_list("discussion", flat=True),
            *Action.objects.values_list("description", flat=True),
            *ActionUpdate.objects.values_list("text", flat=True),
        ]
        for official in REAL_OFFICIALS:
            assert not any(official in text for text in texts), official

    def test_a_second_run_changes_nothing_and_says_so(self):
        before = governance_row_counts()
        output = load_demo()
        assert governance_row_counts() == before
        assert_nothing_created_or_updated(output)
        assert re.search(r"meetings\s+\d+\s+0 created, 0 updated, \d+ unchanged", output)

    # The site works on the demo --------------------------------------------------------------

    PAGES = (
        "home",
        "board meeting",
        "board action log",
        "board minutes",
        "latest board minutes",
        "JCR meeting",
    )
    EXPECTED = {
        "admin": (200, 200, 200, 200, 200, 200),
        "secretariat": (200, 200, 200, 200, 200, 200),
        # The Q&E chair deputises on the board: a member, but draft minutes are the secretariat's.
        "chair": (200, 200, 200, 200, 403, 403),
        # Partner readers see every meeting and published minutes, not drafts.
        "partner": (200, 200, 200, 200, 403, 200),
        # A JCR member sees the partnership's published minutes, not the board's meetings nor (issue 9)
        # its action log: a group's log is for its members, the board's for the board's.
        "jcr": (200, 403, 403, 200, 403, 200),
    }

    def page_urls(self) -> dict[str, str]:
        meeting = seed_003_meeting()
        published = Minutes.objects.filter(meeting__group=board(), published_at__isnull=False).last().meeting
        latest = Meeting.objects.filter(group=board(), status=MeetingStatus.HELD).last()
        jcr = Meeting.objects.filter(group__name="Joint Case Review Group", status=MeetingStatus.HELD).last()
        return {
            "home": reverse("home"),
            "board meeting": reverse("governance:meeting_detail", args=[meeting.pk]),
            "board action log": reverse("governance:action_log", args=[board().pk]),
            "board minutes": reverse("governance:minutes_detail", args=[published.pk]),
            "latest board minutes": reverse("governance:minutes_detail", args=[latest.pk]),
            "JCR meeting": reverse("governance:meeting_detail", args=[jcr.pk]),
        }

    @pytest.mark.parametrize("username", DEMO_USERNAMES)
    def test_each_demo_user_can_open_the_pages_their_role_allows(self, client, username):
        client.force_login(get_user_model().objects.get(username=username))
        urls = self.page_urls()
        statuses = tuple(client.get(urls[page]).status_code for page in self.PAGES)
        assert dict(zip(self.PAGES, statuses, strict=True)) == dict(
            zip(self.PAGES, self.EXPECTED[username], strict=True)
        )

    def test_the_jcr_member_sees_the_confidential_rapid_review_on_their_own_agenda(self, client):
        client.force_login(get_user_model().objects.get(username="jcr"))
        jcr = Meeting.objects.filter(group__name="Joint Case Review Group", status=MeetingStatus.HELD).last()
        assert "Rapid review (confidential)" in client.get(jcr.get_absolute_url()).content.decode()
        client.force_login(get_user_model().objects.get(username="partner"))
        assert "Rapid review (confidential)" not in client.get(jcr.get_absolute_url()).content.decode()

    def test_flush_deletes_the_year_and_its_paper_files(self, django_capture_on_commit_callbacks):
        # Last in the class: it deletes the papers' files, which the other tests read.
        files = [paper.file.path for paper in Paper.objects.all()]
        assert files and all(os.path.exists(path) for path in files)
        with django_capture_on_commit_callbacks(execute=True):
            load_demo("--structure", "hertfordshire", "--flush")
        assert not Meeting.objects.exists() and not Action.objects.exists() and not Paper.objects.exists()
        assert Group.objects.filter(name="Hertfordshire Safeguarding Children Board").exists()
        assert not any(os.path.exists(path) for path in files)
