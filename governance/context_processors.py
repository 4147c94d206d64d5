from governance.permissions import can_view_partnership, is_staff_of_partnership, role_labels


def roles(request):
    """What the navigation bar needs to know about the user, computed lazily."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_roles": lambda: role_labels(user),
        "nav_can_view_partnership": lambda: can_view_partnership(user),
        "nav_is_staff_of_partnership": lambda: is_staff_of_partnership(user),
    }
