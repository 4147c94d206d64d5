from django.shortcuts import render

from dashboards import selectors
from governance.permissions import can_view_partnership


def home(request):
    """The landing page: the user's next meetings, their actions and their groups."""
    context = {"has_partnership_access": can_view_partnership(request.user)}
    if context["has_partnership_access"]:
        context.update(selectors.home_for(request.user))
    return render(request, "dashboards/home.html", context)
