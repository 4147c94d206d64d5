"""Template checks for the top bar: each app's entry asks its rule (django-rules) alone.

`{% if perms.audits.open %}` asks every authentication backend in turn, and for someone the rule
refuses Django's ModelBackend then reads the permission tables: two queries on every page for
nothing, since this product grants through rules, not through those tables.
"""

import rules
from django import template

register = template.Library()


@register.filter
def rule_allows(user, permission: str) -> bool:
    """Whether `permission`'s rule allows `user`; an active superuser is allowed, as by has_perm."""
    if not user.is_authenticated:
        return False
    return bool(user.is_active and user.is_superuser) or rules.has_perm(permission, user)
