"""The partnership's settings page and its closure days: admins change them in the product,
with history; the environment's values are only the first defaults."""

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core.access import access
from core.models import ClosureDay, PartnershipSettings
from core.partnership import (
    EDITABLE_FIELDS,
    closure_day_add,
    closure_day_remove,
    partnership_settings,
    partnership_settings_update,
)
from core.views import apply_service_errors, paginate
from governance.access_rules import ADMINS, ADMINS_POST, ADMINS_REMOVE_POST
from governance.forms.settings import ClosureDayForm, PartnershipSettingsForm
from governance.views.access import check_perm

PERMISSION = "governance.manage_partnership_settings"
HISTORY_SHOWN = 20


def _changes(history: list) -> list[dict]:
    """Each saved version with who saved it and what it changed from the one before."""
    rows = []
    for index, version in enumerate(history):
        before = history[index + 1] if index + 1 < len(history) else None
        changed = []
        for name in EDITABLE_FIELDS:
            field = cast(models.Field, PartnershipSettings._meta.get_field(name))
            new = getattr(version, name)
            if before is None or getattr(before, name) != new:
                shown = dict(field.choices).get(new, new) if field.choices else new
                changed.append(f"{field.verbose_name}: {shown}")
        rows.append({"version": version, "changed": changed, "first": before is None})
    return rows


@access(ADMINS, ADMINS_POST)
@require_http_methods(["GET", "POST"])
def partnership_settings_edit(request):
    check_perm(request.user, PERMISSION)
    current = partnership_settings()
    form = PartnershipSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            partnership_settings_update(values={name: form.cleaned_data[name] for name in EDITABLE_FIELDS})
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Settings saved. Reminders use them from their next run.")
            return redirect("governance:partnership_settings")
    history = list(
        PartnershipSettings.history.select_related("history_user").order_by("-history_date")[
            : HISTORY_SHOWN + 1
        ]
    )
    return render(
        request,
        "governance/partnership_settings.html",
        {
            "title": "Partnership settings",
            "form": form,
            "saved_yet": PartnershipSettings.objects.exists(),
            "history": _changes(history)[:HISTORY_SHOWN],
        },
    )


@access(ADMINS, ADMINS_POST)
@require_http_methods(["GET", "POST"])
def closure_day_list(request):
    check_perm(request.user, PERMISSION)
    form = ClosureDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            day = closure_day_add(date=form.cleaned_data["date"], reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Added {day}.")
            return redirect("governance:closure_day_list")
    show_past = request.GET.get("past") == "1"
    days = ClosureDay.objects.order_by("date")
    if not show_past:
        days = days.filter(date__gte=timezone.localdate())
    page_obj, querystring = paginate(request, days)
    return render(
        request,
        "governance/closure_days.html",
        {
            "title": "Closure days",
            "form": form,
            "page_obj": page_obj,
            "querystring": querystring,
            "show_past": show_past,
            "breadcrumbs": [("Partnership settings", reverse("governance:partnership_settings"))],
        },
    )


@access(ADMINS_REMOVE_POST)
@require_POST
def closure_day_delete(request):
    check_perm(request.user, PERMISSION)
    day_id = request.POST.get("day", "")
    if not day_id.isdigit():
        raise Http404("No closure day named.")
    day = get_object_or_404(ClosureDay, pk=int(day_id))
    closure_day_remove(day=day)
    messages.success(
        request, f"Removed {day}: it is a working day again unless it is a weekend or bank holiday."
    )
    return redirect("governance:closure_day_list")
