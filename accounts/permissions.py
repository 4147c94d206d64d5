"""Who must use a second factor, and who may read the authentication log.

Issue 11: two-factor authentication is required for admins, the secretariat and the members of
the Joint Case Review group (case material), optional for everyone else. Which groups count as
"Joint Case Review" is the setting TWO_FACTOR_REQUIRED_GROUPS (by group name; the product's own
way of naming it, since a group has no flag for it).
"""

import rules
from django.conf import settings
from django.utils import timezone

from governance.models import Membership
from governance.permissions import is_admin, is_secretariat


@rules.predicate
def is_member_of_a_two_factor_group(user):
    if not user.is_authenticated or not settings.TWO_FACTOR_REQUIRED_GROUPS:
        return False
    return (
        Membership.objects.current(timezone.localdate())
        .filter(person__user=user, person__active=True, group__name__in=settings.TWO_FACTOR_REQUIRED_GROUPS)
        .exists()
    )


must_use_two_factor = is_admin | is_secretariat | is_member_of_a_two_factor_group

# The authentication log, lockouts and two-factor resets: admins only.
can_administer_accounts = is_admin

rules.add_perm("accounts.administer", can_administer_accounts)
