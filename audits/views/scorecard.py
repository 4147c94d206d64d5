"""The performance scorecard: indicators, quarterly values, trend charts with a table, the import
of a quarter's values."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from audits import access_rules as rules
from audits import selectors, services
from audits.forms import ImportForm, IndicatorForm, ValueForm
from audits.models import Indicator
from audits.rules import quarter_label
from audits.services import SCORECARD_COLUMNS, ScorecardImportError
from audits.views.access import AUDITS_CRUMB, SCORECARD_CRUMB, indicator_for
from audits.views.audits import form_page
from core.access import access
from core.exports import csv_response, xlsx_response
from core.imports import ImportFileError, read_table
from core.views import apply_service_errors
from governance.views.access import check_perm

RAG_COLOURS = {"red": "#b02a37", "amber": "#b35c00", "green": "#146c43"}


@access(rules.SCORECARD_READERS)
@require_http_methods(["GET"])
def scorecard(request):
    check_perm(request.user, "audits.view_scorecard")
    return render(
        request,
        "audits/scorecard.html",
        {
            "title": "Performance scorecard",
            "rows": selectors.scorecard_latest(),
            "can_manage": request.user.has_perm("audits.manage"),
            "breadcrumbs": [AUDITS_CRUMB],
        },
    )


def _chart(indicator: Indicator, values) -> dict:
    """A Chart.js line chart of the indicator's quarters, with its thresholds as dashed lines."""
    labels = [value.quarter for value in values]
    datasets = [
        {
            "label": f"{indicator.name} ({indicator.unit})",
            "data": [float(value.value) for value in values],
            "borderColor": "#0d6efd",
            "backgroundColor": "#0d6efd",
            "tension": 0,
        },
        {
            "label": "Green threshold",
            "data": [float(indicator.green_threshold)] * len(values),
            "borderColor": RAG_COLOURS["green"],
            "borderDash": [6, 4],
            "pointRadius": 0,
        },
        {
            "label": "Red threshold",
            "data": [float(indicator.red_threshold)] * len(values),
            "borderColor": RAG_COLOURS["red"],
            "borderDash": [2, 4],
            "pointRadius": 0,
        },
    ]
    return {
        "type": "line",
        "data": {"labels": labels, "datasets": datasets},
        "options": {
            "maintainAspectRatio": True,
            "aspectRatio": 2.5,
            "plugins": {"legend": {"position": "bottom"}},
        },
    }


@access(rules.SCORECARD_READERS)
@require_http_methods(["GET"])
def indicator_detail(request, pk):
    indicator = indicator_for(request, pk)
    values = list(indicator.values.order_by("quarter_start"))
    for value in values:
        value.rag = selectors.indicator_rag(indicator, value.value)
    return render(
        request,
        "audits/indicator_detail.html",
        {
            "title": indicator.name,
            "indicator": indicator,
            "values": values,
            "chart": _chart(indicator, values),
            "chart_id": f"indicator-chart-{indicator.pk}",
            "can_manage": request.user.has_perm("audits.manage"),
            "breadcrumbs": [AUDITS_CRUMB, SCORECARD_CRUMB],
        },
    )


def _indicator_form(request, *, instance, title, cancel_url):
    form = IndicatorForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_save(indicator=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{indicator} is saved.")
            return redirect(indicator)
    return form_page(
        request, form=form, title=title, cancel_url=cancel_url, breadcrumbs=[AUDITS_CRUMB, SCORECARD_CRUMB]
    )


@access(rules.STAFF, rules.STAFF_POST)
@require_http_methods(["GET", "POST"])
def indicator_create(request):
    check_perm(request.user, "audits.manage")
    return _indicator_form(request, instance=None, title="Add an indicator", cancel_url=SCORECARD_CRUMB[1])


@access(rules.STAFF, rules.STAFF_POST)
@require_http_methods(["GET", "POST"])
def indicator_edit(request, pk):
    indicator = indicator_for(request, pk, "audits.manage")
    return _indicator_form(
        request, instance=indicator, title=f"Change {indicator}", cancel_url=indicator.get_absolute_url()
    )


@access(rules.STAFF, rules.STAFF_POST)
@require_http_methods(["GET", "POST"])
def value_add(request, pk):
    indicator = indicator_for(request, pk, "audits.manage")
    form = ValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            value = services.indicator_value_record(
                indicator=indicator,
                quarter_start=form.cleaned_data["quarter"],
                value=form.cleaned_data["value"],
                commentary=form.cleaned_data["commentary"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{quarter_label(value.quarter_start)} is saved.")
            return redirect(indicator)
    return form_page(
        request,
        form=form,
        title=f"Record a quarter: {indicator}",
        cancel_url=indicator.get_absolute_url(),
        breadcrumbs=[AUDITS_CRUMB, SCORECARD_CRUMB],
    )


@access(rules.STAFF, rules.STAFF_POST)
@require_http_methods(["GET", "POST"])
def scorecard_import(request):
    check_perm(request.user, "audits.manage")
    form = ImportForm(request.POST or None, request.FILES or None)
    row_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.scorecard_import(table=read_table(form.cleaned_data["file"]))
        except ImportFileError as error:
            form.add_error("file", str(error))
        except ScorecardImportError as error:
            row_errors = error.messages
        else:
            messages.success(request, f"{len(saved)} values imported.")
            return redirect("audits:scorecard")
    return render(
        request,
        "audits/scorecard_import.html",
        {
            "title": "Import a quarter's values",
            "form": form,
            "row_errors": row_errors,
            "indicators": Indicator.objects.filter(active=True),
            "breadcrumbs": [AUDITS_CRUMB, SCORECARD_CRUMB],
        },
    )


@access(rules.STAFF)
@require_http_methods(["GET"])
def scorecard_template(request):
    """The import template as Excel, or as CSV with ?format=csv: one row per active indicator."""
    check_perm(request.user, "audits.manage")
    rows = [[indicator.code, "2019/20 Q2", "", ""] for indicator in Indicator.objects.filter(active=True)]
    if request.GET.get("format") == "csv":
        return csv_response(SCORECARD_COLUMNS, rows, filename="scorecard-template.csv")
    return xlsx_response(SCORECARD_COLUMNS, rows, filename="scorecard-template.xlsx", sheet_title="Scorecard")
