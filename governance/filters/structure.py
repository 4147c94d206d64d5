import django_filters
from django.db.models import Q
from django.utils import timezone

from governance.models import Agency, Group, MembershipRole, Person


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Name")
    agency = django_filters.ModelChoiceFilter(queryset=Agency.objects.all())
    group = django_filters.ModelChoiceFilter(queryset=Group.objects.all(), method="in_group", label="Group")
    role = django_filters.ChoiceFilter(choices=MembershipRole.choices, method="with_role", label="Role")
    active = django_filters.ChoiceFilter(
        choices=[("yes", "Active"), ("no", "Inactive")],
        method="by_active",
        label="Status",
        empty_label="Any",
    )

    class Meta:
        model = Person
        fields = ["q", "agency", "group", "role", "active"]

    def search(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(Q(name__icontains=word) | Q(job_title__icontains=word))
        return queryset

    def by_active(self, queryset, name, value):
        return queryset.filter(active=value == "yes")

    def _current_memberships(self):
        today = timezone.localdate()
        return Q(memberships__start_date__lte=today) & (
            Q(memberships__end_date__isnull=True) | Q(memberships__end_date__gt=today)
        )

    def in_group(self, queryset, name, value):
        role = self.form.cleaned_data.get("role")
        condition = self._current_memberships() & Q(memberships__group=value)
        if role:
            condition &= Q(memberships__role=role)
        return queryset.filter(condition).distinct()

    def with_role(self, queryset, name, value):
        group = self.form.cleaned_data.get("group")
        if group:
            return queryset  # applied together with the group in in_group
        return queryset.filter(self._current_memberships() & Q(memberships__role=value)).distinct()
