"""The reporting pages. Thin: a fetch-and-check helper, a form, one service or selector."""

import datetime

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import access
from core.pdf import pdf_response
from core.views import apply_service_errors, paginate
from governance.selectors.history import record_history
from governance.views.access import check_perm
from reporting import access_rules as rules
from reporting import selectors
from reporting.exports import DOCX_CONTENT_TYPE, yearly_report_docx, yearly_report_pdf
from reporting.filters import HighlightFilter
from reporting.forms import (
    HighlightNarrativeForm,
    HighlightStartForm,
    PublishForm,
    YearlyNarrativeForm,
    YearlyStartForm,
)
from reporting.models import HighlightReport, YearlyReport
from reporting.periods import PANEL_DAYS_AFTER_PUBLICATION, PUBLICATION_RULE, deadline_status
from reporting.permissions import partner_person
from reporting.sections import sections_from
from reporting.services import highlights as highlight_services
from reporting.services import yearly as yearly_services

HIGHLIGHTS_CRUMB = ("Highlight reports", reverse_lazy("reporting:highlight_list"))
YEARLY_CRUMB = ("Yearly reports", reverse_lazy("reporting:yearly_list"))


def _posted(request):
    """The form's data on a POST (a blank POST too), None on a GET."""
    return request.POST if request.method == "POST" else None


def _item_title(item) -> str:
    """“Messages to and from partnership groups: Education Group” for a group's line."""
    return f"{item.parent.title}: {item.title}" if item.parent_id else item.title


def _report_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# Fetch-and-check helpers: 404 when the user may not know the report, 403 when read-only.


def _highlight_for_view(request, pk: int) -> HighlightReport:
    try:
        report = selectors.highlight_report_with_group(pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("reporting.view_highlight_report", report):
        raise Http404("No such highlight report.")
    return report


def _highlight_for_edit(request, pk: int) -> HighlightReport:
    report = _highlight_for_view(request, pk)
    check_perm(request.user, "reporting.manage_highlight_report", report)
    return report


def _yearly_for_view(request, pk: int) -> YearlyReport:
    check_perm(request.user, "reporting.view_yearly_report")
    try:
        return selectors.yearly_report_with_approvals(pk)
    except ObjectDoesNotExist:
        raise Http404 from None


def _yearly_for_edit(request, pk: int) -> YearlyReport:
    report = _yearly_for_view(request, pk)
    check_perm(request.user, "reporting.manage_yearly_report")
    return report


# Highlight reports -----------------------------------------------------------------------


@access(rules.REPORT_READERS)
@require_GET
def highlight_list(request):
    check_perm(request.user, "governance.view_partnership")
    report_filter = HighlightFilter(
        request.GET, queryset=selectors.highlight_reports_visible_to(request.user)
    )
    page_obj, querystring = paginate(request, report_filter.qs)
    return render(
        request,
        "reporting/highlight_list.html",
        {
            "title": "Highlight reports",
            "filter": report_filter,
            "page_obj": page_obj,
            "querystring": querystring,
            "may_start": request.user.has_perm("reporting.start_highlight_report"),
        },
    )


@access(rules.HIGHLIGHT_STARTERS, rules.HIGHLIGHT_STARTERS_POST)
@require_http_methods(["GET", "POST"])
def highlight_create(request):
    check_perm(request.user, "reporting.start_highlight_report")
    today = timezone.localdate()
    groups = selectors.groups_for_highlight_reports(request.user)
    form = HighlightStartForm(_posted(request), groups=groups, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            report = highlight_services.highlight_report_generate(
                group=form.cleaned_data["group"],
                period_start=form.cleaned_data["quarter"],
                include_training=form.cleaned_data["include_training"],
                created_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, "The draft was generated from the group's records: add the chair's narrative."
            )
            return redirect(report)
    return render(
        request,
        "reporting/form_page.html",
        {
            "title": "Draft a highlight report",
            "breadcrumbs": [HIGHLIGHTS_CRUMB],
            "form": form,
            "cancel_url": reverse("reporting:highlight_list"),
            "intro": "The draft's figures are read from the group's records for the quarter: meetings "
            "and their quoracy, its action log, its business plan cells and its escalations to the board "
            "(and the partnership's training, when chosen). The chair then writes the narrative.",
        },
    )


@access(rules.DRAFT_HIGHLIGHT)
@require_GET
def highlight_detail(request, pk):
    report = _highlight_for_view(request, pk)
    return render(
        request,
        "reporting/highlight_detail.html",
        {
            "title": str(report),
            "breadcrumbs": [HIGHLIGHTS_CRUMB],
            "report": report,
            "sections": sections_from(report.figures.sections),
            "may_manage": request.user.has_perm("reporting.manage_highlight_report", report),
            "board": highlight_services.board_of(report.group) if report.is_draft else None,
        },
    )


@access(rules.DRAFT_HIGHLIGHT, rules.DRAFT_HIGHLIGHT_DONE)
@require_http_methods(["GET", "POST"])
def highlight_edit(request, pk):
    report = _highlight_for_edit(request, pk)
    if not report.is_draft:
        messages.error(
            request, "This highlight report has been submitted to the board, so it can no longer change."
        )
        return redirect(report)
    form = HighlightNarrativeForm(_posted(request), instance=report)
    if request.method == "POST" and form.is_valid():
        try:
            highlight_services.highlight_report_update(
                report=report,
                achievements=form.cleaned_data["achievements"],
                concerns=form.cleaned_data["concerns"],
                asks_of_board=form.cleaned_data["asks_of_board"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "The narrative was saved.")
            return redirect(report)
    return render(
        request,
        "reporting/form_page.html",
        {
            "title": "The chair's narrative",
            "breadcrumbs": [HIGHLIGHTS_CRUMB, (str(report), report.get_absolute_url())],
            "form": form,
            "cancel_url": report.get_absolute_url(),
        },
    )


@access(rules.DRAFT_HIGHLIGHT_DONE)
@require_POST
def highlight_refresh(request, pk):
    report = _highlight_for_edit(request, pk)
    try:
        highlight_services.highlight_report_refresh(report=report)
    except ValidationError as error:
        _report_errors(request, error)
    else:
        messages.success(request, "The figures were read from the records again.")
    return redirect(report)


@access(rules.DRAFT_HIGHLIGHT_DONE)
@require_POST
def highlight_submit(request, pk):
    report = _highlight_for_edit(request, pk)
    try:
        report = highlight_services.highlight_report_submit(report=report, submitted_by=request.user)
    except ValidationError as error:
        _report_errors(request, error)
    else:
        meeting = report.board_meeting
        messages.success(
            request,
            f"Submitted: the report is a paper of the {meeting} meeting under "
            f"item {report.paper.agenda_item.number}, “{_item_title(report.paper.agenda_item)}”."
            if meeting and report.paper
            else "Submitted.",
        )
    return redirect(report)


@access(rules.DRAFT_HIGHLIGHT_DONE)
@require_POST
def highlight_delete(request, pk):
    report = _highlight_for_edit(request, pk)
    try:
        highlight_services.highlight_report_delete(report=report)
    except ValidationError as error:
        _report_errors(request, error)
        return redirect(report)
    messages.success(request, f"The draft was deleted: {report}.")
    return redirect("reporting:highlight_list")


@access(rules.DRAFT_HIGHLIGHT)
@require_GET
def highlight_pdf(request, pk):
    report = _highlight_for_view(request, pk)
    pdf = highlight_services.highlight_report_pdf(report)
    return pdf_response(pdf, f"{report.group.label} highlight report {report.quarter.short_label}.pdf")


@access(rules.DRAFT_HIGHLIGHT)
@require_GET
def highlight_history(request, pk):
    report = _highlight_for_view(request, pk)
    return _history(request, report, "Highlight report")


def _history(request, instance, label: str):
    page_obj, entries = record_history(instance, page_number=request.GET.get("page"))
    return render(
        request,
        "governance/record_history.html",
        {
            "title": f"History: {instance}",
            "record_label": label,
            "instance": instance,
            "back_url": instance.get_absolute_url(),
            "page_obj": page_obj,
            "entries": entries,
            "querystring": "",
        },
    )


# The yearly report -----------------------------------------------------------------------


@access(rules.REPORT_READERS)
@require_GET
def yearly_list(request):
    check_perm(request.user, "reporting.view_yearly_report")
    page_obj, querystring = paginate(request, selectors.yearly_reports_for_list())
    today = timezone.localdate()
    rows = [
        (
            report,
            deadline_status(
                deadline=report.publication_deadline, published_on=report.published_on, today=today
            ),
        )
        for report in page_obj
    ]
    return render(
        request,
        "reporting/yearly_list.html",
        {
            "title": "Yearly reports",
            "page_obj": page_obj,
            "rows": rows,
            "querystring": querystring,
            "may_manage": request.user.has_perm("reporting.manage_yearly_report"),
        },
    )


@access(rules.YEARLY_EDITORS, rules.YEARLY_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def yearly_create(request):
    check_perm(request.user, "reporting.manage_yearly_report")
    form = YearlyStartForm(_posted(request), today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            report = yearly_services.yearly_report_assemble(
                period_start=form.cleaned_data["period_start"],
                publication_months=form.cleaned_data["publication_months"],
                created_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, "The draft was assembled from the records: write each section's narrative."
            )
            return redirect(report)
    return render(
        request,
        "reporting/form_page.html",
        {
            "title": "Assemble a yearly report",
            "breadcrumbs": [YEARLY_CRUMB],
            "form": form,
            "cancel_url": reverse("reporting:yearly_list"),
            "intro": "Twelve months of the records are read into a draft (seed 001 s.19): the partnership's "
            "work, and each domain's figures as they are recorded. Counts only: no case is named.",
        },
    )


@access(rules.REPORT_READERS)
@require_GET
def yearly_detail(request, pk):
    report = _yearly_for_view(request, pk)
    today = timezone.localdate()
    person = partner_person(request.user)
    approvals = selectors.approval_lines(report)
    may_approve = (
        person is not None
        and report.status == "draft"
        and not any(
            line.approval for line in approvals if line.statutory_role == person.agency.statutory_role
        )
    )
    panel_due = (
        report.published_on + datetime.timedelta(days=PANEL_DAYS_AFTER_PUBLICATION)
        if report.published_on
        else None
    )
    return render(
        request,
        "reporting/yearly_detail.html",
        {
            "title": str(report),
            "breadcrumbs": [YEARLY_CRUMB],
            "report": report,
            "parts": selectors.yearly_parts(report),
            "approvals": approvals,
            "withdrawn": selectors.approvals_withdrawn(report),
            "deadline": deadline_status(
                deadline=report.publication_deadline, published_on=report.published_on, today=today
            ),
            "publication_rule": PUBLICATION_RULE if report.publication_months == 3 else "",
            "panel_due": panel_due,
            "may_manage": request.user.has_perm("reporting.manage_yearly_report"),
            "may_approve": may_approve,
            "approver": person,
        },
    )


@access(rules.YEARLY_EDITORS, rules.YEARLY_EDITORS_DONE)
@require_http_methods(["GET", "POST"])
def yearly_edit(request, pk):
    report = _yearly_for_edit(request, pk)
    if report.status != "draft":
        messages.error(request, "The report has been approved, so its text is fixed.")
        return redirect(report)
    form = YearlyNarrativeForm(_posted(request), instance=report)
    if request.method == "POST" and form.is_valid():
        try:
            yearly_services.yearly_report_update(report=report, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "The sections were saved.")
            return redirect(report)
    return render(
        request,
        "reporting/form_page.html",
        {
            "title": "The yearly report's sections",
            "breadcrumbs": [YEARLY_CRUMB, (str(report), report.get_absolute_url())],
            "form": form,
            "cancel_url": report.get_absolute_url(),
            "intro": "Approvals already given are withdrawn when the text changes: the partners approve "
            "the text as it is."
            if report.approvals.all()
            else "",
        },
    )


@access(rules.YEARLY_EDITORS_DONE)
@require_POST
def yearly_refresh(request, pk):
    report = _yearly_for_edit(request, pk)
    try:
        yearly_services.yearly_report_refresh(report=report)
    except ValidationError as error:
        _report_errors(request, error)
    else:
        messages.success(request, "The figures were read from the records again.")
    return redirect(report)


@access(rules.YEARLY_EDITORS_DONE)
@require_POST
def yearly_delete(request, pk):
    report = _yearly_for_edit(request, pk)
    try:
        yearly_services.yearly_report_delete(report=report)
    except ValidationError as error:
        _report_errors(request, error)
        return redirect(report)
    messages.success(request, f"The draft was deleted: {report}.")
    return redirect("reporting:yearly_list")


@access(rules.YEARLY_APPROVERS_POST)
@require_POST
def yearly_approve(request, pk):
    person = partner_person(request.user)
    if person is None:
        raise PermissionDenied
    report = _yearly_for_view(request, pk)
    try:
        yearly_services.yearly_report_approve(report=report, person=person, user=request.user)
    except ValidationError as error:
        _report_errors(request, error)
    else:
        messages.success(request, f"Your approval for {person.agency.name} was recorded.")
    return redirect(report)


@access(rules.YEARLY_EDITORS, rules.YEARLY_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def yearly_publish(request, pk):
    report = _yearly_for_edit(request, pk)
    form = PublishForm(_posted(request), initial={"published_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            yearly_services.yearly_report_publish(
                report=report, published_on=form.cleaned_data["published_on"], today=timezone.localdate()
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "The publication was recorded.")
            return redirect(report)
    return render(
        request,
        "reporting/form_page.html",
        {
            "title": "Record the publication",
            "breadcrumbs": [YEARLY_CRUMB, (str(report), report.get_absolute_url())],
            "form": form,
            "cancel_url": report.get_absolute_url(),
            "intro": "The day the approved report went up on the partners' websites (s.19.3).",
        },
    )


def _yearly_filename(report: YearlyReport, extension: str) -> str:
    return f"Yearly report {report.period_start:%Y-%m} to {report.period_end:%Y-%m}.{extension}"


@access(rules.REPORT_READERS)
@require_GET
def yearly_pdf(request, pk):
    report = _yearly_for_view(request, pk)
    return pdf_response(yearly_report_pdf(report), _yearly_filename(report, "pdf"))


@access(rules.REPORT_READERS)
@require_GET
def yearly_docx(request, pk):
    report = _yearly_for_view(request, pk)
    response = HttpResponse(yearly_report_docx(report), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_yearly_filename(report, "docx")}"'
    return response


@access(rules.REPORT_READERS)
@require_GET
def yearly_history(request, pk):
    report = _yearly_for_view(request, pk)
    return _history(request, report, "Yearly report")
