"""The one pattern every planning form page follows: show the form; on POST call the service in a
transaction; a refusal comes back as form errors with what was typed kept."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from core.views import apply_service_errors

FORM_TEMPLATE = "planning/form_page.html"


def form_page(
    request,
    form,
    *,
    title: str,
    cancel_url: str,
    crumbs: list,
    save: Callable[[dict[str, Any]], Any],
    done: Callable[[Any], str],
    message: str,
    template: str = FORM_TEMPLATE,
    extra: dict | None = None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, message)
            return redirect(done(saved))
    context = {"form": form, "title": title, "cancel_url": cancel_url, "breadcrumbs": crumbs, **(extra or {})}
    return render(request, template, context)
