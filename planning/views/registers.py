"""The risk register (with its heat map), independent scrutiny and the budget."""

import datetime

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from core.access import access
from core.exports import csv_response, xlsx_response
from core.views import paginate
from governance.models import Group, GroupKind
from planning import access_rules, rules, selectors
from planning.choices import RiskStatus
from planning.forms import (
    BudgetLineForm,
    ContributionForm,
    RiskForm,
    ScrutinyAgreeForm,
    ScrutinyPlanForm,
    ScrutinyReportForm,
    ScrutinyResponseForm,
    SourceActionForm,
    SpendForm,
)
from planning.models import Risk, ScrutinyReport
from planning.services import registers as services
from planning.views.access import (
    BUDGET_CRUMB,
    MANAGE,
    RISKS_CRUMB,
    SCRUTINY_CRUMB,
    VIEW,
    budget_line_for,
    check_perm,
    contribution_for,
    risk_for,
    scrutiny_plan_for,
    scrutiny_report_for,
)
from planning.views.common import form_page

# The risk register ------------------------------------------------------------------------


@access(access_rules.VIEWERS)
@require_GET
def risk_list(request):
    check_perm(request.user, VIEW)
    status = request.GET.get("status", RiskStatus.OPEN)
    if status not in [*RiskStatus.values, "all"]:
        status = RiskStatus.OPEN
    residual = request.GET.get("scores") != "inherent"
    square = {
        name: int(request.GET[name])
        for name in ("likelihood", "impact")
        if request.GET.get(name, "") in {"1", "2", "3", "4", "5"}
    }
    risks = selectors.risk_list(status="" if status == "all" else status, residual=residual, **square)
    export = request.GET.get("format", "")
    if export in ("csv", "xlsx"):
        return _risk_export(risks, export)
    page_obj, querystring = paginate(request, risks)
    context = {
        "square": square,
        "residual": residual,
        "title": "Risk register",
        "page_obj": page_obj,
        "querystring": querystring,
        "status": status,
        "heatmap": selectors.risk_heatmap(residual=residual),
        "today": timezone.localdate(),
        "may_manage": request.user.has_perm(MANAGE),
    }
    return render(request, "planning/risk_list.html", context)


RISK_EXPORT_HEADERS = (
    "Risk",
    "Description",
    "Owner",
    "Owner's agency",
    "Likelihood",
    "Impact",
    "Score",
    "Controls",
    "Residual likelihood",
    "Residual impact",
    "Residual score",
    "Band",
    "Review date",
    "Escalated from",
    "Status",
)


def _risk_export(risks, export: str):
    """The register as a spreadsheet (core.exports: formula-looking text kept as text)."""
    rows = (
        (
            risk.title,
            risk.description,
            risk.owner.name,
            risk.owner.agency.name,
            risk.likelihood,
            risk.impact,
            risk.score,
            risk.controls,
            risk.residual_likelihood,
            risk.residual_impact,
            risk.residual_score,
            risk.residual_band,
            risk.review_date,
            risk.escalated_from.name if risk.escalated_from else "",
            risk.get_status_display(),
        )
        for risk in risks.iterator(chunk_size=500)
    )
    filename = f"risk-register-{timezone.localdate():%Y-%m-%d}.{export}"
    if export == "csv":
        return csv_response(RISK_EXPORT_HEADERS, rows, filename=filename)
    return xlsx_response(RISK_EXPORT_HEADERS, rows, filename=filename, sheet_title="Risk register")


@access(access_rules.VIEWERS)
@require_GET
def risk_detail(request, pk: int):
    risk = risk_for(request, pk)
    context = {
        "title": risk.title,
        "breadcrumbs": [RISKS_CRUMB],
        "risk": risk,
        "overdue": rules.review_overdue(risk.review_date, today=timezone.localdate()),
        "may_manage": request.user.has_perm(MANAGE),
    }
    return render(request, "planning/risk_detail.html", context)


def _risk_form_page(request, risk: Risk, *, title: str, message: str, crumbs):
    form = RiskForm(request.POST or None, instance=risk)
    return form_page(
        request,
        form,
        title=title,
        cancel_url=risk.get_absolute_url() if risk.pk else reverse("planning:risk_list"),
        crumbs=crumbs,
        save=lambda data: services.risk_save(risk=form.instance, by=request.user),
        done=lambda saved: saved.get_absolute_url(),
        message=message,
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def risk_create(request):
    check_perm(request.user, MANAGE)
    escalation = request.GET.get("escalation", "")
    risk = Risk(review_date=timezone.localdate() + datetime.timedelta(days=90))
    if escalation.isdigit():
        risk.escalation = selectors.escalation_list().filter(pk=int(escalation)).first()
        if risk.escalation:
            risk.escalated_from = risk.escalation.from_group
            risk.title = risk.escalation.title
    return _risk_form_page(
        request, risk, title="New risk", message="The risk is on the register.", crumbs=[RISKS_CRUMB]
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def risk_edit(request, pk: int):
    risk = risk_for(request, pk, MANAGE)
    return _risk_form_page(
        request,
        risk,
        title=f"Edit: {risk.title}",
        message="The risk is saved.",
        crumbs=[RISKS_CRUMB, (risk.title, risk.get_absolute_url())],
    )


# Independent scrutiny ---------------------------------------------------------------------


@access(access_rules.VIEWERS)
@require_GET
def scrutiny_list(request):
    check_perm(request.user, VIEW)
    context = {
        "title": "Independent scrutiny",
        "plans": selectors.scrutiny_plans(),
        "may_manage": request.user.has_perm(MANAGE),
    }
    return render(request, "planning/scrutiny_list.html", context)


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def scrutiny_plan_create(request):
    check_perm(request.user, MANAGE)
    form = ScrutinyPlanForm(
        request.POST or None, initial={"year": rules.financial_year_of(timezone.localdate())}
    )
    return form_page(
        request,
        form,
        title="New scrutiny plan",
        cancel_url=reverse("planning:scrutiny_list"),
        crumbs=[SCRUTINY_CRUMB],
        save=lambda data: services.scrutiny_plan_save(plan=form.instance, by=request.user),
        done=lambda plan: plan.get_absolute_url(),
        message="The scrutiny plan is saved: record the Lead Safeguarding Partners' agreement next.",
    )


@access(access_rules.VIEWERS)
@require_GET
def scrutiny_detail(request, pk: int):
    plan = scrutiny_plan_for(request, pk)
    context = {
        "title": str(plan),
        "breadcrumbs": [SCRUTINY_CRUMB],
        "plan": plan,
        "agreed_by": list(plan.agreed_by.select_related("agency")),
        "reports": list(plan.reports.order_by("presented_on", "pk")),
        "may_manage": request.user.has_perm(MANAGE),
    }
    return render(request, "planning/scrutiny_detail.html", context)


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def scrutiny_plan_agree(request, pk: int):
    plan = scrutiny_plan_for(request, pk, MANAGE)
    form = ScrutinyAgreeForm(request.POST or None, initial={"agreed_on": timezone.localdate()})
    return form_page(
        request,
        form,
        title=f"Agreement: {plan}",
        cancel_url=plan.get_absolute_url(),
        crumbs=[SCRUTINY_CRUMB, (str(plan), plan.get_absolute_url())],
        save=lambda data: services.scrutiny_plan_agree(
            plan=plan, agreed_by=data["agreed_by"], agreed_on=data["agreed_on"], by=request.user
        ),
        done=lambda saved: saved.get_absolute_url(),
        message="The agreement is recorded.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def scrutiny_report_add(request, pk: int):
    plan = scrutiny_plan_for(request, pk, MANAGE)
    form = ScrutinyReportForm(request.POST or None, request.FILES or None, instance=ScrutinyReport(plan=plan))
    return form_page(
        request,
        form,
        title=f"New report: {plan}",
        cancel_url=plan.get_absolute_url(),
        crumbs=[SCRUTINY_CRUMB, (str(plan), plan.get_absolute_url())],
        save=lambda data: services.scrutiny_report_add(report=form.instance, by=request.user),
        done=lambda report: plan.get_absolute_url(),
        message="The report is added.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def scrutiny_response(request, pk: int):
    report = scrutiny_report_for(request, pk, MANAGE)
    form = ScrutinyResponseForm(
        request.POST or None,
        initial={
            "response": report.partners_response,
            "responded_on": report.responded_on or timezone.localdate(),
        },
    )
    return form_page(
        request,
        form,
        title=f"The partners' response: {report.title}",
        cancel_url=report.get_absolute_url(),
        crumbs=[SCRUTINY_CRUMB, (str(report.plan), report.get_absolute_url())],
        save=lambda data: services.scrutiny_response_record(
            report=report, response=data["response"], responded_on=data["responded_on"], by=request.user
        ),
        done=lambda saved: saved.get_absolute_url(),
        message="The partners' response is recorded.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def scrutiny_action(request, pk: int):
    report = scrutiny_report_for(request, pk, MANAGE)
    boards = Group.objects.active().order_by("-kind", "name")
    form = SourceActionForm(
        request.POST or None,
        groups=boards,
        initial={
            "group": Group.objects.active().filter(kind=GroupKind.BOARD).values_list("pk", flat=True).first()
        },
    )
    return form_page(
        request,
        form,
        title=f"New action from: {report.title}",
        cancel_url=report.get_absolute_url(),
        crumbs=[SCRUTINY_CRUMB, (str(report.plan), report.get_absolute_url())],
        save=lambda data: services.scrutiny_action_record(
            report=report,
            group=data["group"],
            description=data["description"],
            owners=data["owners"],
            due_date=data["due_date"],
            recorded_by=request.user,
        ),
        done=lambda action: report.get_absolute_url(),
        message="The action is recorded in the action log.",
    )


@access(
    access_rules.VIEWERS.but(
        "a report's file: viewers (the matrix's report has none: 404)",
        member=404,
        chair=404,
        other_chair=404,
        partner=404,
        secretariat=404,
        jcr=404,
        admin=404,
    )
)
@require_GET
def scrutiny_report_file(request, pk: int):
    report = scrutiny_report_for(request, pk)
    if not report.file:
        raise Http404("This report has no file.")
    return FileResponse(
        report.file.open("rb"), as_attachment=True, filename=(report.file.name or "report").rsplit("/", 1)[-1]
    )


# Budget and contributions -----------------------------------------------------------------


@access(access_rules.VIEWERS)
@require_GET
def budget(request):
    check_perm(request.user, VIEW)
    years = selectors.budget_years()
    current = rules.financial_year_of(timezone.localdate())
    requested = request.GET.get("year", "")
    year = (
        int(requested)
        if requested.isdigit() and 2000 <= int(requested) <= 2100
        else (years[0] if years else current)
    )
    summary = selectors.budget_summary(year=year)
    chart = {
        "type": "bar",
        "data": {
            "labels": ["Q1", "Q2", "Q3", "Q4"],
            "datasets": [{"label": "Spent (£)", "data": [float(q) for q in summary["quarter_totals"]]}],
        },
        "options": {"plugins": {"title": {"display": True, "text": f"Spend by quarter, {summary['label']}"}}},
    }
    context = {
        "title": "Budget and contributions",
        "summary": summary,
        "years": [(y, rules.financial_year_label(y)) for y in sorted({*years, year}, reverse=True)],
        "year": year,
        "chart": chart,
        "may_manage": request.user.has_perm(MANAGE),
    }
    return render(request, "planning/budget.html", context)


def _budget_url(year: int) -> str:
    return f"{reverse('planning:budget')}?year={year}"


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def contribution_create(request):
    check_perm(request.user, MANAGE)
    form = ContributionForm(
        request.POST or None, initial={"year": rules.financial_year_of(timezone.localdate())}
    )
    return form_page(
        request,
        form,
        title="New contribution",
        cancel_url=reverse("planning:budget"),
        crumbs=[BUDGET_CRUMB],
        save=lambda data: services.contribution_save(contribution=form.instance, by=request.user),
        done=lambda saved: _budget_url(saved.year),
        message="The contribution is recorded.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def contribution_edit(request, pk: int):
    contribution = contribution_for(request, pk)
    form = ContributionForm(request.POST or None, instance=contribution)
    return form_page(
        request,
        form,
        title=f"Edit: {contribution}",
        cancel_url=_budget_url(contribution.year),
        crumbs=[BUDGET_CRUMB],
        save=lambda data: services.contribution_save(contribution=form.instance, by=request.user),
        done=lambda saved: _budget_url(saved.year),
        message="The contribution is saved.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def budget_line_edit(request, pk: int):
    line = budget_line_for(request, pk)
    form = BudgetLineForm(request.POST or None, instance=line)
    return form_page(
        request,
        form,
        title=f"Edit: {line}",
        cancel_url=_budget_url(line.year),
        crumbs=[BUDGET_CRUMB],
        save=lambda data: services.budget_line_save(line=form.instance, by=request.user),
        done=lambda saved: _budget_url(saved.year),
        message="The budget line is saved.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def budget_line_create(request):
    check_perm(request.user, MANAGE)
    form = BudgetLineForm(
        request.POST or None, initial={"year": rules.financial_year_of(timezone.localdate())}
    )
    return form_page(
        request,
        form,
        title="New budget line",
        cancel_url=reverse("planning:budget"),
        crumbs=[BUDGET_CRUMB],
        save=lambda data: services.budget_line_save(line=form.instance, by=request.user),
        done=lambda saved: _budget_url(saved.year),
        message="The budget line is added.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def spend_record(request, pk: int):
    line = budget_line_for(request, pk)
    form = SpendForm(request.POST or None, initial={"quarter": rules.quarter_of(timezone.localdate())})
    return form_page(
        request,
        form,
        title=f"Spend: {line}",
        cancel_url=_budget_url(line.year),
        crumbs=[BUDGET_CRUMB],
        save=lambda data: services.spend_record(
            line=line, quarter=data["quarter"], amount=data["amount"], by=request.user
        ),
        done=lambda saved: _budget_url(line.year),
        message="The spend is recorded (it replaces any figure for that quarter).",
    )
