"""A form field's widget with the classes crispy-bootstrap5 gives it, without crispy's templates.

The filter bars of the list pages and the partner dashboard render their fields with
`templates/partials/_field.html`: the same markup `as_crispy_field` writes, at a fraction of its
cost (crispy's per-field templates were a third of a small page's rendering, issue 16)."""

from django import forms, template

register = template.Library()


def _bootstrap_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def bootstrap_widget(field) -> str:
    """The field's widget, its class attribute as crispy's `crispy_field` builds it: the widget's
    own classes, its class name in lower case, the Bootstrap class and `is-invalid` on an error.
    The widget's attributes are left as they were (crispy changes them in place)."""
    widget = field.field.widget
    class_name = type(widget).__name__.lower()
    own = widget.attrs.get("class", "")
    classes = (f"{own} {class_name}" if class_name not in own else own) if own else class_name
    names = classes.split()
    for extra in (_bootstrap_class(widget), "is-invalid" if field.errors else ""):
        if extra and extra not in names:
            names.append(extra)
    return field.as_widget(attrs={"class": " ".join(names)})
