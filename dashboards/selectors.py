"""What the home page shows a user, in a fixed number of queries."""

from django.utils import timezone

from governance.models import OUTSTANDING_STATUSES
from governance.selectors import structure as governance_selectors
from governance.selectors.actions import decorate, my_actions
from governance.selectors.meetings import meetings_for_list, upcoming_meetings_for_person

ACTIONS_SHOWN = 8
MEETINGS_SHOWN = 6


def home_for(user) -> dict:
    person = getattr(user, "person", None)
    today = timezone.localdate()
    if person is not None:
        meetings = upcoming_meetings_for_person(person=person, limit=MEETINGS_SHOWN)
    else:  # staff and partner readers without a directory entry see the partnership's next meetings
        meetings = list(meetings_for_list(user=user)[:MEETINGS_SHOWN])
    outstanding = my_actions(person=person, today=today, user=user).filter(status__in=OUTSTANDING_STATUSES)
    actions = decorate(outstanding[:ACTIONS_SHOWN], today=today)
    return {
        "upcoming_meetings": meetings,
        "my_outstanding_actions": actions,
        # Counted in the database: the list shows only the first few, the badge tells them all.
        "my_overdue_count": outstanding.filter(due_date__lt=today).count() if person else 0,
        "my_memberships": governance_selectors.user_current_memberships(user),
        "has_person": person is not None,
    }
