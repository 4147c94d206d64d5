import io

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from governance.models import (
    CHAIRING_ROLES,
    Agency,
    Group,
    GroupKind,
    Membership,
    MembershipRole,
    Person,
    QuorumRule,
    Sector,
    StatutoryRole,
)
from governance.permissions import PARTNER_READER_GROUP, SECRETARIAT_GROUP, chaired_group_ids

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


def load_demo(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def loaded_once_per_class(*args):
    """Load the demo once for a class of read-only tests and roll it back after the class.

    Each test still runs in its own savepoint inside this transaction.
    """

    @pytest.fixture(scope="class")
    def fixture(django_db_setup, django_db_blocker):
        with (
            django_db_blocker.unblock(),
            override_settings(PASSWORD_HASHERS=FAST_HASHERS),
            transaction.atomic(),
        ):
            load_demo(*args)
            yield
            transaction.set_rollback(True)

    return fixture


herefordshire_once = loaded_once_per_class()
hertfordshire_once = loaded_once_per_class("--structure", "hertfordshire")


@pytest.fixture
def herefordshire():
    load_demo()


@pytest.fixture
def hertfordshire():
    load_demo("--structure", "hertfordshire")


def current_members(group: Group):
    return Membership.objects.current().filter(group=group)


def person_of(username: str) -> Person:
    return Person.objects.get(user__username=username)


def governance_row_counts() -> dict[str, int]:
    """Rows in every governance table, history included, and in the auth tables."""
    user_model = get_user_model()
    models = [*apps.get_app_config("governance").get_models(), user_model, user_model.groups.through]
    return {model._meta.label: model._base_manager.count() for model in models}


@pytest.mark.usefixtures("herefordshire_once")
class TestHerefordshireDemo:
    """Herefordshire, from seeds 000 and 001, loaded once for these read-only tests."""

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
        assert "Delegated Safeguarding Partner" in partner.person.job_title
        assert current_members(Group.objects.get(kind=GroupKind.BOARD)).filter(person=partner.person).exists()

    def test_jcr_user_is_a_member_but_not_a_chair_of_the_joint_case_review_group(self):
        jcr_memberships = current_members(Group.objects.get(name="Joint Case Review Group")).filter(
            person=person_of("jcr")
        )
        assert list(jcr_memberships.values_list("role", flat=True)) == [MembershipRole.MEMBER]


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


def test_second_run_changes_nothing(herefordshire):
    before = governance_row_counts()
    passwords = dict(get_user_model().objects.values_list("username", "password"))
    last_update = max(Person.objects.values_list("updated_at", flat=True))

    output = load_demo()

    assert governance_row_counts() == before
    assert dict(get_user_model().objects.values_list("username", "password")) == passwords
    assert max(Person.objects.values_list("updated_at", flat=True)) == last_update
    tally_lines = output.splitlines()[1:]
    assert tally_lines and all("0 created, 0 updated" in line for line in tally_lines)


def test_second_run_of_hertfordshire_changes_nothing(hertfordshire):
    before = governance_row_counts()
    load_demo("--structure", "hertfordshire")
    assert governance_row_counts() == before


def test_a_rerun_puts_back_a_value_someone_edited_and_records_it(herefordshire):
    person = Person.objects.get(name="Priya Raman")
    person.job_title = "Somebody else"
    person.save()
    history_before = person.history.count()

    output = load_demo()

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
    load_demo("--structure", structure)
    names = set(Person.objects.values_list("name", flat=True))
    surnames = {name.split()[-1] for name in names}
    for official in REAL_OFFICIALS:
        assert official not in names
        assert official.split()[-1] not in surnames
