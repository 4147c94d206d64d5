import re

import pytest
from django import forms
from django.template import Context, Template

from core.forms import DateInput


class Filters(forms.Form):
    q = forms.CharField(required=False, label="Search", help_text="Words in the text")
    status = forms.ChoiceField(choices=[("", "Any"), ("open", "Open")], required=False)
    overdue = forms.BooleanField(required=False, label="Overdue now")
    since = forms.DateField(required=False, widget=DateInput(attrs={"class": "narrow"}))
    name = forms.CharField(label="Name")


def _squeezed(html: str) -> str:
    """Markup with the whitespace between and inside tags taken out, as a browser reads it."""
    html = re.sub(r"\s+", " ", html)
    html = re.sub(r"\s*(<|>|/>)\s*", r"\1", html)
    return html.replace("/>", ">").strip()


def _both(data) -> list[tuple[str, str]]:
    """Each field written by crispy and by the partial, from two forms (crispy changes the widgets'
    attributes in place)."""
    crispy = Template("{% load crispy_forms_tags %}{{ field|as_crispy_field }}")
    plain = Template('{% include "partials/_field.html" %}')
    return [
        (
            _squeezed(crispy.render(Context({"field": one}))),
            _squeezed(plain.render(Context({"field": other}))),
        )
        for one, other in zip(Filters(data), Filters(data), strict=True)
    ]


@pytest.mark.parametrize(
    "data", [None, {"status": "nonsense", "since": "31/02/2026"}], ids=["unbound", "with errors"]
)
def test_a_field_is_written_as_crisply_writes_it_without_its_templates(data):
    for crispy_markup, plain_markup in _both(data):
        assert plain_markup == crispy_markup


def test_the_widget_keeps_its_own_attributes_after_rendering():
    form = Filters()
    Template('{% for field in form %}{% include "partials/_field.html" %}{% endfor %}').render(
        Context({"form": form})
    )
    assert form.fields["since"].widget.attrs == {"class": "narrow"}
    assert "class" not in form.fields["status"].widget.attrs
