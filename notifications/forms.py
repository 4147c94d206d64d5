"""How each person wants each kind of notification."""

from itertools import groupby

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout, Submit
from django import forms

from notifications import registry
from notifications.models import Delivery


class NotificationPreferencesForm(forms.Form):
    """One choice per kind of notification, grouped by topic."""

    def __init__(self, *args, current: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        kinds = registry.kinds()
        for kind in kinds:
            self.fields[kind.code] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=current.get(kind.code, kind.default_delivery),
            )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            *(
                Fieldset(topic, *(kind.code for kind in kinds))
                for topic, kinds in groupby(
                    sorted(kinds, key=lambda kind: kind.topic), key=lambda kind: kind.topic
                )
            )
        )
        self.helper.add_input(Submit("save", "Save preferences"))
