"""Who may open the dashboards (django-rules predicates, over governance's roles).

The partner dashboard is for the board's members, partner readers, the secretariat and admins
(issue 15: "board members and partner readers"; the staff run the partnership). Its figures
are further limited to what the user may see (the action logs they may read).
"""

import rules

from governance.models import Group, GroupKind
from governance.permissions import is_partner_reader, is_staff_of_partnership, member_group_ids


@rules.predicate
def is_board_member(user) -> bool:
    """A current member of a group of the board kind (cached on the user: one query at most)."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_hscp_board_member"):
        groups = member_group_ids(user)
        user._hscp_board_member = bool(groups) and (
            Group.objects.filter(pk__in=groups, kind=GroupKind.BOARD).exists()
        )
    return user._hscp_board_member


may_view_partner_dashboard = is_staff_of_partnership | is_partner_reader | is_board_member

rules.add_perm("dashboards.view_partner_dashboard", may_view_partner_dashboard)
