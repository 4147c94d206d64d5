"""Who may see a case review: need-to-know, as `rules` predicates.

Case material is the most sensitive data in the product (issue 12). A review is seen by:
- the current members of the Joint Case Review group (the group whose short name is
  settings.REVIEWS_GROUP_SHORT_NAME, "JCR" by default), chairs and advisers included;
- the secretariat's named case review officers (CaseReviewOfficer, named by admins; the name
  counts only while they are in the secretariat);
- someone granted access to that review (AccessGrant, given by an admin or the JCR chair).
Nobody else: not admins as such, not the secretariat as such, not partner readers, not a
member whose JCR membership has ended. To them the reviews do not exist (404); dashboards
show them anonymised counts only.

The product's own choices: those who see every review (JCR members and officers) also
record on it; a grant lets its holder read one review, not change it. The JCR chair and
admins give and withdraw grants; admins name officers, change clock rules and read the
access log (which names reviews by reference only).
"""

import rules
from django.conf import settings
from django.db.models import Exists, Q
from django.utils import timezone

from governance.models import CHAIRING_ROLES, Group, Membership
from governance.permissions import (
    SECRETARIAT_GROUP,
    current_roles_in_group_named,
    in_auth_group,
    is_admin,
    is_secretariat,
)
from reviews.choices import OFFICERS_MARKER, READERS_MARKER
from reviews.models import AccessGrant, CaseReviewOfficer


def case_review_group_short_name() -> str:
    return getattr(settings, "REVIEWS_GROUP_SHORT_NAME", "JCR")


def case_review_group() -> Group | None:
    return Group.objects.filter(short_name__iexact=case_review_group_short_name()).order_by("pk").first()


def _jcr_roles(user) -> list[str]:
    """The roles of the user's current memberships of the case review group, read from governance's
    per-request list of the user's memberships (no query of its own)."""
    return current_roles_in_group_named(user, case_review_group_short_name())


def _granted_review_ids(user) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_reviews_granted"):
        user._reviews_granted = frozenset(
            AccessGrant.objects.filter(user=user, withdrawn_at__isnull=True).values_list(
                "review_id", flat=True
            )
        )
    return user._reviews_granted


@rules.predicate
def is_jcr_member(user):
    return bool(_jcr_roles(user))


@rules.predicate
def is_jcr_chair(user):
    return any(role in CHAIRING_ROLES for role in _jcr_roles(user))


@rules.predicate
def is_case_review_officer(user):
    if not (user.is_authenticated and is_secretariat(user)):
        return False
    if not hasattr(user, "_reviews_officer"):
        user._reviews_officer = CaseReviewOfficer.objects.filter(user=user).exists()
    return user._reviews_officer


may_work_on_reviews = is_jcr_member | is_case_review_officer


@rules.predicate
def has_grant(user, review):
    return review is not None and review.pk in _granted_review_ids(user)


@rules.predicate
def has_any_grant(user):
    return bool(_granted_review_ids(user))


def sees_case_reviews_in_nav(user) -> bool:
    """Whether the top bar shows Case reviews: JCR members, named officers, holders of a grant."""
    return bool(
        _jcr_roles(user)
        or (is_secretariat(user) and in_auth_group(user, OFFICERS_MARKER))
        or in_auth_group(user, READERS_MARKER)
    )


def may_open_reviews(user) -> bool:
    """Anyone who sees at least one review (the list page exists for them)."""
    return bool(may_work_on_reviews(user) or has_any_grant(user))


def visible_reviews_q(user) -> Q:
    """A Q over CaseReview of the reviews `user` may see (no query of its own beyond the cached
    role look-ups)."""
    if may_work_on_reviews(user):
        return Q()
    granted = _granted_review_ids(user)
    return Q(pk__in=sorted(granted)) if granted else Q(pk__in=[])


rules.add_perm("reviews.view_review", may_work_on_reviews | has_grant)
rules.add_perm("reviews.change_review", may_work_on_reviews)
rules.add_perm("reviews.work_on_reviews", may_work_on_reviews)
rules.add_perm("reviews.manage_grants", is_admin | is_jcr_chair)
rules.add_perm("reviews.administer", is_admin)


def visible_reviews_subquery_q(user) -> Q:
    """The same reviews as `visible_reviews_q`, as subqueries only (no query of its own): the
    action log's visibility hook, which runs inside every governance list's pinned queries."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    jcr = Membership.objects.current(timezone.localdate()).filter(
        person__user=user, person__active=True, group__short_name__iexact=case_review_group_short_name()
    )
    officer = CaseReviewOfficer.objects.filter(user=user, user__groups__name=SECRETARIAT_GROUP)
    granted = AccessGrant.objects.filter(user=user, withdrawn_at__isnull=True).values("review_id")
    return Q(Exists(jcr)) | Q(Exists(officer)) | Q(pk__in=granted)


def visible_reviews_q_for_person(person) -> Q:
    """A Q over CaseReview of the reviews `person` may be told about (reminders, digests): by
    their login, as on the pages; a person without one is told about none."""
    return visible_reviews_subquery_q(getattr(person, "user", None))


# The quarterly report goes to the board from the JCR chair (seed 001 s.14.3), or the officers
# who support the group.
rules.add_perm("reviews.attach_quarterly_report", is_jcr_chair | is_case_review_officer)
