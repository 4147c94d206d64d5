"""Filters for the minutes list."""

import django_filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit

from governance.models import Group, Minutes, MinutesStatus


class MinutesFilter(django_filters.FilterSet):
    group = django_filters.ModelChoiceFilter(
        field_name="meeting__group", queryset=Group.objects.active(), label="Group"
    )
    status = django_filters.ChoiceFilter(choices=MinutesStatus.choices, label="Stage")
    published = django_filters.BooleanFilter(
        field_name="published_at", lookup_expr="isnull", exclude=True, label="Published"
    )

    class Meta:
        model = Minutes
        fields = ["group", "status", "published"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.helper = FormHelper()
        self.form.helper.form_method = "get"
        self.form.helper.add_input(Submit("", "Filter", css_class="btn-secondary"))
