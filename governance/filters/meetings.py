import django_filters

from governance.models import Meeting, MeetingStatus
from governance.selectors.meetings import groups_with_meetings_visible_to


class MeetingFilter(django_filters.FilterSet):
    """The meetings list: by group (only groups whose meetings the user may see), status, and when."""

    when = django_filters.ChoiceFilter(
        choices=[("upcoming", "Upcoming"), ("past", "Past")],
        method="keep",
        label="When",
        empty_label=None,
    )
    group = django_filters.ModelChoiceFilter(queryset=None, label="Group", empty_label="All my groups")
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, empty_label="Any status")

    class Meta:
        model = Meeting
        fields = ["when", "group", "status"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["group"].queryset = groups_with_meetings_visible_to(user)

    def keep(self, queryset, name, value):
        # Upcoming or past is chosen by the view (it orders the two differently).
        return queryset
