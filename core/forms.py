"""The crispy form base and the widgets every app's forms share."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker; the value written as ISO, which it expects."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def submit_helper(submit_label: str, *, css_class: str | None = None, form_tag: bool = True) -> FormHelper:
    """A crispy helper (posting, as FormHelper does by default) with one submit button;
    `css_class` is added to the button's "btn btn-primary"."""
    helper = FormHelper()
    helper.form_tag = form_tag
    helper.add_input(Submit("submit", submit_label, css_class=css_class))
    return helper


class CrispyFormMixin:
    """Gives the form a crispy `helper` with one submit button: `submit_label` and
    `submit_class` as class attributes, or set before calling `__init__`."""

    submit_label = "Save"
    submit_class: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(self.submit_label, css_class=self.submit_class)


class CrispyForm(CrispyFormMixin, forms.Form):
    pass


class CrispyModelForm(CrispyFormMixin, forms.ModelForm):
    pass
