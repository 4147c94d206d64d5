"""Loads a demo partnership into the database through the governance services.

Every record is found by its natural key (an agency or group by name, a person
by e-mail address, a membership by person, group, role and start date) and
saved only when one of its values differs, so a second run writes nothing and
adds no history. Values someone changed by hand are put back to the demo's.
"""

import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from enum import StrEnum

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.text import slugify
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.models import HistoricalChanges

from accounts import services as account_services
from accounts.permissions import must_use_two_factor
from demo import herefordshire, herefordshire_year, hertfordshire, scenarios, year
from demo.specs import (
    AgencySpec,
    DemoUserSpec,
    GroupSpec,
    PartnershipSpec,
    PersonSpec,
    SeatSpec,
)
from governance.models import Agency, Group, Membership, Paper, Person
from governance.services import structure as services
from reviews.choices import OFFICERS_MARKER, READERS_MARKER

# Herefordshire comes with a year of meetings and action logs; Hertfordshire is structure only.
STRUCTURES: dict[str, PartnershipSpec] = {
    spec.key: spec
    for spec in (
        replace(herefordshire.PARTNERSHIP, history=herefordshire_year.HISTORY),
        hertfordshire.PARTNERSHIP,
    )
}
CHANGE_REASON = "Demo data (manage.py load_demo)"
APP_KEPT_AUTH_GROUPS = (OFFICERS_MARKER, READERS_MARKER)


class DemoConflictError(Exception):
    """The database holds another partnership, which this load would collide with."""


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class LoadSummary:
    title: str
    flushed: bool = False
    tallies: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def record(self, kind: str, outcome: Outcome, count: int = 1) -> None:
        self.tallies[kind][outcome] += count

    def lines(self) -> list[str]:
        heading = f"{self.title}: demo data loaded"
        if self.flushed:
            heading += " (after deleting the previous governance data)"
        lines = [heading + "."]
        for kind, tally in self.tallies.items():
            lines.append(
                f"  {kind:<12} {sum(tally.values()):>5}   "
                f"{tally[Outcome.CREATED]} created, {tally[Outcome.UPDATED]} updated, "
                f"{tally[Outcome.UNCHANGED]} unchanged"
            )
        return lines


def load_partnership(
    partnership: PartnershipSpec, *, flush: bool = False, with_history: bool = True
) -> LoadSummary:
    """Load one partnership, all or nothing.

    Refuses when another partnership's statutory partners are present, since
    each statutory role belongs to one agency; `flush` deletes the governance
    data first, in the same transaction. Without `with_history`, only the
    structure is loaded (no meetings or action logs).
    """
    with transaction.atomic():
        if flush:
            flush_governance_data()
        _refuse_another_partnership(partnership)
        if not with_history:
            partnership = replace(partnership, history=None)
        summary = _PartnershipLoader(partnership).load()
        summary.flushed = flush
    return summary


def flush_governance_data() -> None:
    """Delete every row of governance (agencies, people, groups, meetings…) and of the apps built on
    it (case reviews, audits, training, planning); history stays.

    Its models protect one another (a membership protects its person), so they
    are emptied in passes, each pass retrying the ones still protected, until
    all are empty or a pass makes no progress. The papers' files go too, once
    the deletion is committed.
    """
    storage = Paper._meta.get_field("file").storage
    for name in Paper.objects.exclude(file="").values_list("file", flat=True):
        transaction.on_commit(lambda name=name: storage.delete(name))
    # The later apps' records point at governance's, so they are emptied with it.
    remaining = [
        model
        for label in ("reporting", "planning", "training", "audits", "reviews", "governance")
        for model in reversed(list(apps.get_app_config(label).get_models()))
        if not issubclass(model, HistoricalChanges)
    ]
    for model in remaining:
        _unlink_from_itself(model)
    while remaining:
        still_protected, last_error = [], None
        for model in remaining:
            try:
                with transaction.atomic():
                    model._base_manager.all().delete()
            except (ProtectedError, RestrictedError) as error:
                still_protected.append(model)
                last_error = error
        if len(still_protected) == len(remaining):
            raise last_error
        remaining = still_protected


def _unlink_from_itself(model) -> None:
    """Clear a model's optional links to its own rows (a re-audit's original), which would
    otherwise protect every row from a delete of them all."""
    for link in model._meta.concrete_fields:
        if link.is_relation and link.null and link.related_model is model:
            model._base_manager.exclude(**{f"{link.name}__isnull": True}).update(**{link.name: None})


def _refuse_another_partnership(partnership: PartnershipSpec) -> None:
    others = Agency.objects.statutory_partners().exclude(name__in=partnership.statutory_partner_names)
    if others.exists():
        names = ", ".join(others.values_list("name", flat=True))
        raise DemoConflictError(
            f"The database already holds another partnership's statutory partners ({names}). "
            f"Run again with --flush to delete all governance data and load the {partnership.title}."
        )


def email_address(name: str, domain: str) -> str:
    words = name.split()
    return f"{slugify(words[0])}.{slugify(words[-1])}@{domain}.example.org"


def phone_number(email: str) -> str:
    """A stable number in Ofcom's ranges reserved for drama, so it rings nobody."""
    checksum = zlib.crc32(email.encode())
    if checksum % 2:
        return f"07700 900{checksum % 1000:03d}"
    return f"01632 960{checksum % 1000:03d}"


def _assign(instance, values: dict) -> bool:
    """Set each differing value on the instance; say whether any differed."""
    changed = False
    for attname, value in values.items():
        if getattr(instance, attname) != value:
            setattr(instance, attname, value)
            changed = True
    return changed


def _upsert(model, lookup: dict, values: dict, save) -> tuple:
    """Find the row by its natural key and save it through `save` only if it is new or differs."""
    instance = model.objects.filter(**lookup).order_by("pk").first()
    if instance is None:
        outcome, instance = Outcome.CREATED, model(**lookup)
        _assign(instance, values)
    elif _assign(instance, values):
        outcome = Outcome.UPDATED
    else:
        return instance, Outcome.UNCHANGED
    instance._change_reason = CHANGE_REASON
    save(instance)
    return instance, outcome


def _lookup(mapping: dict, key: str, what: str):
    try:
        return mapping[key]
    except KeyError:
        raise ValueError(f"The demo data names an unknown {what}: {key!r}.") from None


class _PartnershipLoader:
    def __init__(self, partnership: PartnershipSpec):
        self.partnership = partnership
        self.summary = LoadSummary(partnership.title)
        self.agencies: dict[str, Agency] = {}
        self.domains: dict[str, str] = {}
        self.people: dict[str, Person] = {}
        self.groups: dict[str, Group] = {}

    def load(self) -> LoadSummary:
        for agency in self.partnership.agencies:
            self._load_agency(agency)
        for person in self.partnership.people:
            self._load_person(person)
        for group in self.partnership.groups:
            self._load_group(group)
        for group_name, seats in self.partnership.seats.items():
            group = _lookup(self.groups, group_name, "group")
            for seat in seats:
                self._load_seat(group, seat)
        for user in self.partnership.users:
            self._load_user(user)
        if self.partnership.history is not None:
            self._load_year(self.partnership.history)
            self._load_scenarios()
        return self.summary

    def _load_scenarios(self) -> None:
        """Case reviews, audits, training and planning (demo/scenarios/), each once."""
        scene = scenarios.Scene(people=self.people, groups=self.groups, agencies=self.agencies)
        for kind, count in scenarios.load_all(scene).items():
            self.summary.record(kind, Outcome.CREATED, count)

    def _load_year(self, history) -> None:
        """A year of meetings and action logs, loaded once: when the board already has meetings,
        they (and everything else of the year) are left as they are, so a second run adds nothing."""
        board = _lookup(self.groups, history.board.group, "group")
        before = year.history_counts()
        if not board.meetings.exists():
            year.load_year(history, people=self.people, groups=self.groups)
        after = year.history_counts()
        for kind, count in after.items():
            self.summary.record(kind, Outcome.CREATED, count - before[kind])
            self.summary.record(kind, Outcome.UNCHANGED, before[kind])

    def _load_agency(self, spec: AgencySpec) -> None:
        values = {
            "short_name": spec.short_name,
            "sector": spec.sector,
            "statutory_role": spec.statutory_role,
            "active": True,
        }
        agency, outcome = _upsert(
            Agency, {"name": spec.name}, values, lambda agency: services.agency_save(agency=agency)
        )
        self.agencies[spec.short_name] = agency
        self.domains[spec.short_name] = spec.domain
        self.summary.record("agencies", outcome)

    def _load_person(self, spec: PersonSpec) -> None:
        if spec.name in self.people:
            raise ValueError(f"The demo data lists {spec.name!r} twice.")
        email = email_address(spec.name, _lookup(self.domains, spec.agency, "agency"))
        # Managers are listed before their staff, so one pass saves each person once.
        manager = (
            _lookup(self.people, spec.line_manager, "line manager (list managers before their staff)")
            if spec.line_manager
            else None
        )
        values = {
            "name": spec.name,
            "job_title": spec.job_title,
            "agency_id": self.agencies[spec.agency].pk,
            "phone": phone_number(email),
            "line_manager_id": manager.pk if manager else None,
            "safeguarding_partner_role": spec.partner_role or "",
            "active": spec.active,
        }
        person, outcome = _upsert(
            Person, {"email": email}, values, lambda person: services.person_save(person=person)
        )
        self.people[spec.name] = person
        self.summary.record("people", outcome)

    def _load_group(self, spec: GroupSpec) -> None:
        parents = [_lookup(self.groups, name, "parent group") for name in spec.reports_to]
        values = {
            "short_name": spec.short_name,
            "kind": spec.kind,
            "remit": spec.remit,
            "terms_of_reference_review_date": spec.review_date,
            "meeting_frequency": spec.meeting_frequency,
            "quorum_rule": spec.quorum_rule,
            "log_readers": spec.log_readers,
            "log_open_to_partners": spec.log_open_to_partners,
            "active": True,
        }
        group = Group.objects.filter(name=spec.name).first()
        if group is None:
            outcome, group = Outcome.CREATED, Group(name=spec.name)
            _assign(group, values)
        elif _assign(group, values) or self._parents_differ(group, parents):
            outcome = Outcome.UPDATED
        else:
            outcome = Outcome.UNCHANGED
        if outcome is not Outcome.UNCHANGED:
            group._change_reason = CHANGE_REASON
            services.group_save(group=group, reports_to=parents)
        self.groups[spec.name] = group
        self.summary.record("groups", outcome)

    @staticmethod
    def _parents_differ(group: Group, parents: list[Group]) -> bool:
        return set(group.reports_to.values_list("pk", flat=True)) != {parent.pk for parent in parents}

    def _load_seat(self, group: Group, spec: SeatSpec) -> None:
        person = _lookup(self.people, spec.person, "person")
        deputy_for = _lookup(self.people, spec.deputy_for, "person") if spec.deputy_for else None
        agency = _lookup(self.agencies, spec.agency, "agency") if spec.agency else person.agency
        lookup = {"person": person, "group": group, "role": spec.role, "start_date": spec.start}
        values = {
            "end_date": spec.end,
            "deputy_for_id": deputy_for.pk if deputy_for else None,
            "agency_id": agency.pk,
        }
        _, outcome = _upsert(
            Membership, lookup, values, lambda membership: services.membership_save(membership=membership)
        )
        self.summary.record("memberships", outcome)

    def _load_user(self, spec: DemoUserSpec) -> None:
        person = _lookup(self.people, spec.person, "person")
        user, outcome = self._save_user(spec, person)
        groups_changed = self._set_auth_groups(user, spec.auth_groups)
        link_changed = self._link_user_to_person(user, person)
        if outcome is Outcome.UNCHANGED and (groups_changed or link_changed):
            outcome = Outcome.UPDATED
        self.summary.record("users", outcome)
        self._enrol_second_factor(user)

    def _enrol_second_factor(self, user) -> None:
        """A demo account that must use two-factor authentication gets an authenticator app whose
        secret is DEMO_TOTP_SECRET (README: "Logging in to the demo"), so anyone can compute its codes."""
        if not must_use_two_factor(user):
            return
        key_hex = account_services.base32_to_hex(settings.DEMO_TOTP_SECRET)
        if TOTPDevice.objects.filter(user=user, key=key_hex, confirmed=True).exists():
            self.summary.record("2FA apps", Outcome.UNCHANGED)
            return
        account_services.two_factor_enrol(user=user, key_hex=key_hex, now=timezone.now())
        self.summary.record("2FA apps", Outcome.CREATED)

    @staticmethod
    def _save_user(spec: DemoUserSpec, person: Person) -> tuple:
        user_model = get_user_model()
        user = user_model.objects.filter(username=spec.username).first()
        outcome = Outcome.CREATED if user is None else Outcome.UNCHANGED
        user = user or user_model(username=spec.username)
        first_name, _, last_name = person.name.rpartition(" ")
        values = {
            "first_name": first_name,
            "last_name": last_name,
            "email": person.email,
            "is_active": True,
            "is_staff": spec.superuser,
            "is_superuser": spec.superuser,
        }
        changed = _assign(user, values)
        if not user.check_password(settings.DEMO_PASSWORD):
            user.set_password(settings.DEMO_PASSWORD)
            changed = True
        if changed:
            user.full_clean()
            user.save()
            if outcome is Outcome.UNCHANGED:
                outcome = Outcome.UPDATED
        return user, outcome

    @staticmethod
    def _set_auth_groups(user, names: tuple[str, ...]) -> bool:
        wanted = {AuthGroup.objects.get_or_create(name=name)[0] for name in names}
        # The case reviews' marker groups follow its officers and grants, which the demo leaves be.
        current = set(user.groups.all())
        wanted |= {group for group in current if group.name in APP_KEPT_AUTH_GROUPS}
        if current == wanted:
            return False
        user.groups.set(wanted)
        return True

    @staticmethod
    def _link_user_to_person(user, person: Person) -> bool:
        """Give the user to this person, taking it from whoever held it before."""
        changed = False
        for holder in Person.objects.filter(user=user).exclude(pk=person.pk):
            holder.user = None
            holder._change_reason = CHANGE_REASON
            services.person_save(person=holder)
            changed = True
        if person.user_id != user.pk:
            person.user = user
            person._change_reason = CHANGE_REASON
            services.person_save(person=person)
            changed = True
        return changed
