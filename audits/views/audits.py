"""The audit programme and multi-agency case audits."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audits import access_rules as rules
from audits import rules as audit_rules
from audits import selectors, services
from audits.forms import (
    AuditForm,
    AuditPlanForm,
    ProgrammeForm,
    ReauditForm,
    RecommendationForm,
    ReportForm,
    ReturnRecordForm,
    ReturnRequestForm,
    moderation_meetings,
)
from audits.models import AuditProgramme
from audits.permissions import person_agency_id
from audits.views.access import AUDITS_CRUMB, audit_for, programme_for, return_for_edit
from core.access import access
from core.views import apply_service_errors
from governance.forms.typeahead import MEETING, typeahead_response
from governance.models import Group
from governance.views.access import check_perm

FORM_PAGE = "governance/form_page.html"


def form_page(request, *, form, title, cancel_url, breadcrumbs):
    return render(
        request,
        FORM_PAGE,
        {"form": form, "title": title, "cancel_url": cancel_url, "breadcrumbs": breadcrumbs},
    )


def _audit_crumbs(audit) -> list:
    return [
        AUDITS_CRUMB,
        (f"Programme {audit.programme.year_label}", audit.programme.get_absolute_url()),
        (audit.theme, audit.get_absolute_url()),
    ]


@access(rules.AUDITS_HOME)
@require_http_methods(["GET"])
def home(request):
    check_perm(request.user, "audits.open")
    user = request.user
    agency_id = person_agency_id(user)
    return render(
        request,
        "audits/home.html",
        {
            "title": "Audits and performance",
            "programmes": selectors.programmes_for(user),
            "cycles": [
                (cycle, user.has_perm("audits.view_cycle", cycle)) for cycle in selectors.cycles_for(user)
            ],
            "own_assessments": selectors.assessments_for(user).filter(agency_id=agency_id)
            if agency_id
            else [],
            "can_manage": user.has_perm("audits.manage"),
            "can_read_scorecard": user.has_perm("audits.view_scorecard"),
            "progress": selectors.programme_progress(
                year=audit_rules.financial_year_of(timezone.localdate())
            ),
        },
    )


@access(rules.STAFF, rules.STAFF_POST)
@require_http_methods(["GET", "POST"])
def programme_create(request):
    check_perm(request.user, "audits.manage")
    quality = Group.objects.filter(active=True, name__icontains="quality").first()
    form = ProgrammeForm(
        request.POST or None,
        initial={"year": audit_rules.financial_year_of(timezone.localdate()), "group": quality},
    )
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.programme_create(
                group=form.cleaned_data["group"],
                year=form.cleaned_data["year"],
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{programme} created: add its audits.")
            return redirect(programme)
    return form_page(
        request,
        form=form,
        title="Plan a year's audit programme",
        cancel_url="/audits/",
        breadcrumbs=[AUDITS_CRUMB],
    )


@access(rules.AUDIT_READERS)
@require_http_methods(["GET"])
def programme_detail(request, pk):
    programme = programme_for(request, pk)
    today = timezone.localdate()
    audits = list(programme.audits.all())
    for audit in audits:
        audit.overdue = audit_rules.audit_overdue(
            status=audit.status, target_month=audit.target_month, today=today
        )
    return render(
        request,
        "audits/programme_detail.html",
        {
            "title": str(programme),
            "programme": programme,
            "audits": audits,
            "breadcrumbs": [AUDITS_CRUMB],
            "can_edit": request.user.has_perm("audits.edit_programme", programme),
        },
    )


@access(rules.AUDIT_EDITORS, rules.AUDIT_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def audit_plan(request, pk):
    programme: AuditProgramme = programme_for(request, pk, "audits.edit_programme")
    form = AuditPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            audit = services.case_audit_plan(programme=programme, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"“{audit.theme}” added to the programme.")
            return redirect(programme)
    return form_page(
        request,
        form=form,
        title=f"Plan an audit: {programme}",
        cancel_url=programme.get_absolute_url(),
        breadcrumbs=[AUDITS_CRUMB, (f"Programme {programme.year_label}", programme.get_absolute_url())],
    )


@access(rules.AUDIT_READERS)
@require_http_methods(["GET"])
def audit_detail(request, pk):
    audit = audit_for(request, pk)
    today = timezone.localdate()
    returns = list(audit.returns.all())
    for agency_return in returns:
        agency_return.state = audit_rules.return_status(
            due_on=agency_return.due_on, received_on=agency_return.received_on, today=today
        )
    can_edit = request.user.has_perm("audits.edit_audit", audit)
    return render(
        request,
        "audits/audit_detail.html",
        {
            "title": str(audit),
            "audit": audit,
            "returns": returns,
            "breadcrumbs": _audit_crumbs(audit)[:2],
            "can_edit": can_edit,
            "recommendation_form": RecommendationForm() if can_edit else None,
            "return_form": ReturnRequestForm(initial={"requested_on": today}) if can_edit else None,
            "reaudit_form": ReauditForm() if can_edit and not audit.original_id else None,
            "reaudits": list(audit.reaudits.all()),
        },
    )


@access(rules.AUDIT_EDITORS)
@require_GET
def audit_meeting_lookup(request, pk):
    """Type-ahead options for the audit's moderation meeting: its programme group's meetings."""
    audit = audit_for(request, pk, "audits.edit_audit")
    return typeahead_response(request, moderation_meetings(audit), kind=MEETING)


@access(rules.AUDIT_EDITORS, rules.AUDIT_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def audit_edit(request, pk):
    audit = audit_for(request, pk, "audits.edit_audit")
    form = AuditForm(request.POST or None, instance=audit)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_audit_save(audit=form.instance)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "The audit is saved.")
            return redirect(audit)
    return form_page(
        request,
        form=form,
        title=f"Change the audit: {audit.theme}",
        cancel_url=audit.get_absolute_url(),
        breadcrumbs=_audit_crumbs(audit),
    )


@access(rules.AUDIT_EDITORS, rules.AUDIT_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def return_request(request, pk):
    audit = audit_for(request, pk, "audits.edit_audit")
    form = ReturnRequestForm(request.POST or None, initial={"requested_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_return_request(audit=audit, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Return requested from {form.cleaned_data['agency'].label}.")
            return redirect(audit.get_absolute_url() + "#returns")
    return form_page(
        request,
        form=form,
        title=f"Request a return: {audit.theme}",
        cancel_url=audit.get_absolute_url(),
        breadcrumbs=_audit_crumbs(audit),
    )


@access(rules.AUDIT_EDITORS, rules.AUDIT_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def return_edit(request, pk):
    agency_return = return_for_edit(request, pk)
    audit = agency_return.audit
    form = ReturnRecordForm(
        request.POST or None,
        initial={
            "received_on": agency_return.received_on or timezone.localdate(),
            "findings": agency_return.findings,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_return_record(agency_return=agency_return, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{agency_return.agency.label}'s return is saved.")
            return redirect(audit.get_absolute_url() + "#returns")
    return form_page(
        request,
        form=form,
        title=f"{agency_return.agency.label}'s return (due {agency_return.due_on:%-d %b %Y})",
        cancel_url=audit.get_absolute_url(),
        breadcrumbs=_audit_crumbs(audit),
    )


@access(rules.POST_ONLY, rules.AUDIT_EDITORS_DONE)
@require_POST
def return_chase(request, pk):
    agency_return = return_for_edit(request, pk)
    try:
        chased = services.agency_return_chase(agency_return=agency_return)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        told = f" {chased.contact.name} has been told." if chased.contact else " No contact is named to tell."
        messages.success(
            request, f"{chased.agency.label}'s late return is chased (chase {chased.chase_count}).{told}"
        )
    return redirect(agency_return.audit.get_absolute_url() + "#returns")


@access(rules.AUDIT_EDITORS, rules.AUDIT_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def recommendation_add(request, pk):
    audit = audit_for(request, pk, "audits.edit_audit")
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            recommendation = services.recommendation_raise(
                audit=audit,
                text=form.cleaned_data["text"],
                owners=form.cleaned_data["owners"],
                lead_agency=form.cleaned_data["lead_agency"],
                due_date=form.cleaned_data["due_date"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Recommendation {recommendation.number} is action {recommendation.action.number} "
                f"in the {audit.programme.group.label} action log.",
            )
            return redirect(audit.get_absolute_url() + "#recommendations")
    return form_page(
        request,
        form=form,
        title=f"Raise a recommendation: {audit.theme}",
        cancel_url=audit.get_absolute_url(),
        breadcrumbs=_audit_crumbs(audit),
    )


@access(rules.AUDIT_EDITORS, rules.AUDIT_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def report_attach(request, pk):
    audit = audit_for(request, pk, "audits.edit_audit")
    form = ReportForm(
        request.POST or None, request.FILES or None, group=audit.programme.group, today=timezone.localdate()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_audit_report_attach(
                audit=audit,
                meeting=form.cleaned_data["meeting"],
                uploaded_file=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                submitted_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "The report is a paper on the meeting's agenda.")
            return redirect(audit)
    return form_page(
        request,
        form=form,
        title=f"Report to {audit.programme.group.label}: {audit.theme}",
        cancel_url=audit.get_absolute_url(),
        breadcrumbs=_audit_crumbs(audit),
    )


@access(rules.AUDIT_EDITORS, rules.AUDIT_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def reaudit_schedule(request, pk):
    audit = audit_for(request, pk, "audits.edit_audit")
    form = ReauditForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reaudit = services.case_audit_schedule_reaudit(original=audit, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Re-audit scheduled for {reaudit.target_month:%B %Y}.")
            return redirect(reaudit)
    return form_page(
        request,
        form=form,
        title=f"Schedule a re-audit: {audit.theme}",
        cancel_url=audit.get_absolute_url(),
        breadcrumbs=_audit_crumbs(audit),
    )


@access(rules.AUDIT_READERS)
@require_http_methods(["GET"])
def audit_compare(request, pk):
    reaudit = audit_for(request, pk)
    if reaudit.original_id is None:
        messages.info(request, "This audit is not a re-audit: open one of its re-audits to compare.")
        return redirect(reaudit)
    original = audit_for(request, reaudit.original_id)
    fields = [
        ("Target month", lambda a: f"{a.target_month:%B %Y}"),
        ("Status", lambda a: a.get_status_display()),
        ("Grade", lambda a: a.grade.name if a.grade else "Not graded"),
        ("Lines of enquiry", lambda a: a.lines_of_enquiry),
        ("Cases sampled", lambda a: str(len(a.sample))),
        ("Strengths", lambda a: a.strengths),
        ("Areas for improvement", lambda a: a.areas_for_improvement),
        ("Voice of the child captured", lambda a: a.get_voice_of_child_display() or "Not recorded"),
        ("How", lambda a: a.voice_of_child_how),
        ("Recommendations", lambda a: str(len(a.recommendations.all()))),
    ]
    return render(
        request,
        "audits/audit_compare.html",
        {
            "title": f"Re-audit compared: {reaudit.theme}",
            "original": original,
            "reaudit": reaudit,
            "rows": [(label, read(original), read(reaudit)) for label, read in fields],
            "breadcrumbs": _audit_crumbs(reaudit),
        },
    )
