"""The highlight reports list's filter."""

import django_filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit

from reporting.choices import HighlightStatus
from reporting.models import HighlightReport
from reporting.selectors import subgroups_for_filter


class HighlightFilter(django_filters.FilterSet):
    group = django_filters.ModelChoiceFilter(queryset=subgroups_for_filter(), label="Group")
    status = django_filters.ChoiceFilter(choices=HighlightStatus.choices, label="Status")

    class Meta:
        model = HighlightReport
        fields = ["group", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.helper = FormHelper()
        self.form.helper.form_method = "get"
        self.form.helper.form_class = "row row-cols-md-auto g-2 align-items-end"
        self.form.helper.add_input(Submit("", "Filter", css_class="btn-secondary"))
