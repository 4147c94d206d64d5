"""The crispy form base and the widgets every app's forms share."""

import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

# The longest free text a form takes (a description, an update, minutes of an item): ten thousand
# characters is some four pages; a 4 MB description was once stored (issue 9).
FREE_TEXT_MAX_LENGTH = 10_000


def no_control_characters(value: str) -> None:
    """A single line holds no control characters: a line break or a tab in a group's short name
    ends up in e-mail headers and file names."""
    if any(unicodedata.category(character) == "Cc" for character in value):
        raise ValidationError(
            "This must be one line of text: remove line breaks, tabs and other control characters.",
            code="control_characters",
        )


def bound_text_fields(form: forms.BaseForm) -> None:
    """Every single-line text field of the form refuses control characters; every multi-line one
    without a maximum gets FREE_TEXT_MAX_LENGTH (the browser stops there too)."""
    for field in form.fields.values():
        if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
            continue
        if isinstance(field.widget, forms.Textarea):
            if field.max_length is None:
                field.max_length = FREE_TEXT_MAX_LENGTH
                field.validators.append(MaxLengthValidator(FREE_TEXT_MAX_LENGTH))
                field.widget.attrs.setdefault("maxlength", str(FREE_TEXT_MAX_LENGTH))
        elif no_control_characters not in field.validators:
            field.validators.append(no_control_characters)


class BoundedTextMixin:
    """Forms whose text fields are bounded (`bound_text_fields`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_text_fields(self)  # type: ignore[arg-type]


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


class CrispyFormMixin(BoundedTextMixin):
    """Gives the form a crispy `helper` with one submit button: `submit_label` and
    `submit_class` as class attributes, or set before calling `__init__`. Its text fields are
    bounded (`bound_text_fields`)."""

    submit_label = "Save"
    submit_class: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = submit_helper(self.submit_label, css_class=self.submit_class)


class CrispyForm(CrispyFormMixin, forms.Form):
    pass


class CrispyModelForm(CrispyFormMixin, forms.ModelForm):
    pass
