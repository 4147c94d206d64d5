"""Single-agency audit summaries: submitted by agencies, reviewed and challenged by a group,
escalations recorded as actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from audits import access_rules as rules
from audits import selectors, services
from audits.forms import EscalateForm, SingleAuditForm, SingleReviewForm
from audits.permissions import person_agency_id
from audits.views.access import AUDITS_CRUMB, single_audit_for
from audits.views.audits import form_page
from core.access import access
from core.views import apply_service_errors, paginate
from governance.permissions import is_staff_of_partnership
from governance.views.access import check_perm

SINGLE_CRUMB = ("Single-agency audits", "/audits/single-agency-audits/")


@access(rules.AUDITS_HOME)
@require_http_methods(["GET"])
def single_list(request):
    check_perm(request.user, "audits.open")
    page_obj, querystring = paginate(request, selectors.single_audits_for(request.user))
    return render(
        request,
        "audits/single_list.html",
        {
            "title": "Single-agency audits",
            "page_obj": page_obj,
            "querystring": querystring,
            "can_submit": request.user.has_perm("audits.submit_single_audit"),
            "breadcrumbs": [AUDITS_CRUMB],
        },
    )


@access(rules.SINGLE_SUBMITTERS, rules.SINGLE_SUBMITTERS_POST)
@require_http_methods(["GET", "POST"])
def single_create(request):
    check_perm(request.user, "audits.submit_single_audit")
    agency_id = None if is_staff_of_partnership(request.user) else person_agency_id(request.user)
    form = SingleAuditForm(request.POST or None, agency_id=agency_id)
    if request.method == "POST" and form.is_valid():
        try:
            audit = services.single_audit_submit(audit=form.instance, submitted_by=request.user)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Submitted to {audit.group.label} for review.")
            return redirect(audit)
    return form_page(
        request,
        form=form,
        title="Submit a single-agency audit summary",
        cancel_url=SINGLE_CRUMB[1],
        breadcrumbs=[AUDITS_CRUMB, SINGLE_CRUMB],
    )


@access(rules.ASSESSMENT_READERS)
@require_http_methods(["GET"])
def single_detail(request, pk):
    audit = single_audit_for(request, pk)
    can_review = request.user.has_perm("audits.review_single_audit", audit)
    return render(
        request,
        "audits/single_detail.html",
        {
            "title": str(audit),
            "audit": audit,
            "can_review": can_review,
            "breadcrumbs": [AUDITS_CRUMB, SINGLE_CRUMB],
        },
    )


@access(rules.MODERATORS, rules.MODERATORS_POST)
@require_http_methods(["GET", "POST"])
def single_review(request, pk):
    audit = single_audit_for(request, pk, "audits.review_single_audit")
    form = SingleReviewForm(
        request.POST or None, initial={"review_comments": audit.review_comments, "challenge": audit.challenge}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.single_audit_review(audit=audit, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "The review is recorded.")
            return redirect(audit)
    return form_page(
        request,
        form=form,
        title=f"Review: {audit}",
        cancel_url=audit.get_absolute_url(),
        breadcrumbs=[AUDITS_CRUMB, SINGLE_CRUMB],
    )


@access(rules.MODERATORS, rules.MODERATORS_POST)
@require_http_methods(["GET", "POST"])
def single_escalate(request, pk):
    audit = single_audit_for(request, pk, "audits.review_single_audit")
    form = EscalateForm(request.POST or None, initial={"text": audit.issues_to_escalate})
    if request.method == "POST" and form.is_valid():
        try:
            action = services.single_audit_escalate(
                audit=audit,
                description=form.cleaned_data["text"],
                owners=form.cleaned_data["owners"],
                due_date=form.cleaned_data["due_date"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, f"Escalated: action {action.number} in the {audit.group.label} action log."
            )
            return redirect(audit)
    return form_page(
        request,
        form=form,
        title=f"Escalate as an action: {audit}",
        cancel_url=audit.get_absolute_url(),
        breadcrumbs=[AUDITS_CRUMB, SINGLE_CRUMB],
    )
