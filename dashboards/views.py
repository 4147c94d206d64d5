from django.shortcuts import render

from core.access import access
from dashboards import selectors
from governance.access_rules import LOGGED_IN
from governance.permissions import can_view_partnership


@access(LOGGED_IN)
def home(request):
    """The landing page: the user's next meetings, their actions and their groups."""
    context = {"has_partnership_access": can_view_partnership(request.user)}
    if context["has_partnership_access"]:
        context.update(selectors.home_for(request.user))
    return render(request, "dashboards/home.html", context)
