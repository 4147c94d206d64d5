"""Section 11 / section 175 self-assessments: cycles, each agency's answers, moderation, evidence,
assurance and challenge sessions, comparison across cycles, the heat map."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audits import access_rules as rules
from audits import rules as audit_rules
from audits import selectors, services
from audits.choices import AssessmentKind, AssessmentStatus
from audits.forms import (
    AnswerForm,
    ChallengeForm,
    CycleForm,
    EvidenceForm,
    LeadForm,
    ModerationForm,
    agency_people,
    group_meetings,
)
from audits.models import AssessmentCycle
from audits.permissions import visible_assessments
from audits.services import AnswerChange, Moderation
from audits.views.access import AUDITS_CRUMB, answer_for, assessment_for, cycle_for, evidence_for_view
from audits.views.audits import form_page
from core.access import access
from core.views import apply_service_errors
from governance.forms.typeahead import MEETING, typeahead_response
from governance.models import Agency, Group
from governance.views.access import check_perm


def _crumbs(assessment) -> list:
    return [AUDITS_CRUMB, (assessment.cycle.name, assessment.cycle.get_absolute_url())]


@access(rules.STAFF, rules.STAFF_POST)
@require_http_methods(["GET", "POST"])
def cycle_create(request):
    check_perm(request.user, "audits.manage")
    quality = Group.objects.filter(active=True, name__icontains="quality").first()
    latest = AssessmentCycle.objects.filter(kind=AssessmentKind.SECTION_11).order_by("-opens_on").first()
    opens_on = audit_rules.next_cycle_opens(latest.opens_on, latest.frequency) if latest else None
    form = CycleForm(
        request.POST or None,
        initial={
            "group": quality,
            "frequency": latest.frequency if latest else None,
            "rating_scale": latest.rating_scale if latest else None,
            "opens_on": opens_on,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.cycle_open(**form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{cycle} is open for {cycle.assessments.count()} agencies.")
            return redirect(cycle)
    return form_page(
        request,
        form=form,
        title="Open a self-assessment cycle",
        cancel_url="/audits/",
        breadcrumbs=[AUDITS_CRUMB],
    )


@access(rules.AUDIT_READERS)
@require_http_methods(["GET"])
def cycle_detail(request, pk):
    cycle = cycle_for(request, pk)
    return render(
        request,
        "audits/cycle_detail.html",
        {
            "title": cycle.name,
            "cycle": cycle,
            "assessments": selectors.assessments_for(request.user, cycle=cycle),
            "heatmap": selectors.section11_heatmap(cycle=cycle),
            "breadcrumbs": [AUDITS_CRUMB],
        },
    )


@access(rules.AUDIT_READERS)
@require_http_methods(["GET"])
def heatmap(request):
    cycle = None
    if request.GET.get("cycle"):
        if not request.GET["cycle"].isdigit():
            raise Http404
        cycle = get_object_or_404(AssessmentCycle.objects.select_related("group"), pk=request.GET["cycle"])
    else:
        cycle = AssessmentCycle.objects.select_related("group").order_by("-opens_on", "-pk").first()
    if cycle is not None:
        check_perm(request.user, "audits.view_cycle", cycle)
    else:
        check_perm(request.user, "audits.open")
    return render(
        request,
        "audits/heatmap.html",
        {
            "title": "Section 11 heat map",
            "heatmap": selectors.section11_heatmap(cycle=cycle) if cycle else selectors.section11_heatmap(),
            "cycles": AssessmentCycle.objects.order_by("-opens_on"),
            "breadcrumbs": [AUDITS_CRUMB],
        },
    )


def _answer_forms(assessment, data=None):
    return [
        (
            answer,
            AnswerForm(
                data,
                prefix=f"a{answer.pk}",
                scale=assessment.cycle.rating_scale,
                initial={
                    "rating": answer.rating,
                    "evidence": answer.evidence,
                    "action_plan": answer.action_plan,
                },
            ),
        )
        for answer in assessment.answers.all()
    ]


@access(rules.ASSESSMENT_READERS)
@require_http_methods(["GET"])
def assessment_detail(request, pk):
    assessment = assessment_for(request, pk)
    user = request.user
    scale = assessment.cycle.rating_scale
    answers = list(assessment.answers.all())
    for answer in answers:
        answer.rating_label, answer.rating_colour = audit_rules.rating_display(scale, answer.rating)
        answer.moderated_label, answer.moderated_colour = audit_rules.rating_display(
            scale, answer.moderated_rating
        )
    can_edit = (
        user.has_perm("audits.edit_assessment", assessment) and assessment.status == AssessmentStatus.DRAFT
    )
    return render(
        request,
        "audits/assessment_detail.html",
        {
            "title": str(assessment),
            "assessment": assessment,
            "answers": answers,
            "can_edit": can_edit,
            "can_moderate": user.has_perm("audits.moderate_assessment", assessment),
            "can_set_lead": user.has_perm("audits.edit_assessment", assessment),
            "evidence_form": EvidenceForm() if can_edit else None,
            "breadcrumbs": [AUDITS_CRUMB, (assessment.cycle.name, assessment.cycle.get_absolute_url())]
            if user.has_perm("audits.view_cycle", assessment.cycle)
            else [AUDITS_CRUMB],
        },
    )


@access(rules.ASSESSMENT_EDITORS, rules.ASSESSMENT_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def assessment_edit(request, pk):
    assessment = assessment_for(request, pk, "audits.edit_assessment")
    forms = _answer_forms(assessment, request.POST if request.method == "POST" else None)
    error = None
    if assessment.status != AssessmentStatus.DRAFT:
        error = "This self-assessment has been submitted: its answers can no longer be changed."
    elif request.method == "POST" and any(f"{form.prefix}-evidence" not in request.POST for _, form in forms):
        error = "The form arrived incomplete, so nothing was saved: please fill it in again."
    elif request.method == "POST":
        if all(form.is_valid() for _, form in forms):
            try:
                services.assessment_answers_save(
                    assessment=assessment,
                    changes=[AnswerChange(answer, **form.cleaned_data) for answer, form in forms],
                )
            except ValidationError as failure:
                error = " ".join(failure.messages)
            else:
                messages.success(request, "Your answers are saved. Submit when every standard is rated.")
                return redirect(assessment)
        else:
            error = "Some answers need correcting: see below."
    return render(
        request,
        "audits/assessment_edit.html",
        {
            "title": f"Self-assessment: {assessment}",
            "assessment": assessment,
            "forms": forms,
            "error": error,
            "locked": assessment.status != AssessmentStatus.DRAFT,
            "breadcrumbs": _crumbs(assessment)
            if request.user.has_perm("audits.view_cycle", assessment.cycle)
            else [AUDITS_CRUMB],
        },
        status=200,
    )


@access(rules.POST_ONLY, rules.ASSESSMENT_EDITORS_DONE)
@require_POST
def assessment_submit(request, pk):
    assessment = assessment_for(request, pk, "audits.edit_assessment")
    try:
        services.assessment_submit(assessment=assessment, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Submitted to the partnership for moderation.")
    return redirect(assessment)


@access(rules.MODERATORS, rules.MODERATORS_POST)
@require_http_methods(["GET", "POST"])
def assessment_moderate(request, pk):
    assessment = assessment_for(request, pk, "audits.moderate_assessment")
    scale = assessment.cycle.rating_scale
    data = request.POST if request.method == "POST" else None
    answers = list(assessment.answers.all())
    for answer in answers:
        answer.rating_label = audit_rules.rating_display(scale, answer.rating)[0]
    forms = [
        (
            answer,
            ModerationForm(
                data,
                prefix=f"m{answer.pk}",
                scale=scale,
                initial={
                    "moderated_rating": answer.moderated_rating or answer.rating,
                    "comments": answer.moderation_comments,
                },
            ),
        )
        for answer in answers
    ]
    error = None
    if assessment.status == AssessmentStatus.DRAFT:
        error = "The agency has not submitted this self-assessment yet: it can be moderated once submitted."
    elif request.method == "POST":
        if all(form.is_valid() for _, form in forms):
            try:
                services.assessment_moderate(
                    assessment=assessment,
                    moderations=[
                        Moderation(
                            answer, form.cleaned_data["moderated_rating"], form.cleaned_data["comments"]
                        )
                        for answer, form in forms
                    ],
                    user=request.user,
                )
            except ValidationError as failure:
                error = " ".join(failure.messages)
            else:
                messages.success(request, "The moderation is saved.")
                return redirect(assessment)
        else:
            error = "Give every standard a moderated rating."
    return render(
        request,
        "audits/assessment_moderate.html",
        {
            "title": f"Moderate: {assessment}",
            "assessment": assessment,
            "forms": forms,
            "error": error,
            "locked": assessment.status == AssessmentStatus.DRAFT,
            "breadcrumbs": _crumbs(assessment),
        },
    )


# Type-ahead options (issue 16), from the querysets the forms validate against.
@access(rules.ASSESSMENT_EDITORS)
@require_GET
def assessment_lead_lookup(request, pk):
    """A section 11 lead: active people of the agency assessed."""
    assessment = assessment_for(request, pk, "audits.edit_assessment")
    return typeahead_response(request, agency_people(assessment.agency))


@access(rules.MODERATORS)
@require_GET
def challenge_meeting_lookup(request, pk):
    """An assurance and challenge session's meeting: the moderating group's meetings."""
    assessment = assessment_for(request, pk, "audits.moderate_assessment")
    return typeahead_response(request, group_meetings(assessment.cycle.group), kind=MEETING)


@access(rules.ASSESSMENT_EDITORS, rules.ASSESSMENT_EDITORS_POST)
@require_http_methods(["GET", "POST"])
def assessment_lead(request, pk):
    assessment = assessment_for(request, pk, "audits.edit_assessment")
    form = LeadForm(
        request.POST or None,
        agency=assessment.agency,
        initial={"lead": assessment.lead},
        lookup_url=reverse("audits:assessment_lead_lookup", args=[assessment.pk]),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_lead_set(assessment=assessment, lead=form.cleaned_data["lead"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "The lead is saved: overdue reminders go to them.")
            return redirect(assessment)
    return form_page(
        request,
        form=form,
        title=f"Section 11 lead: {assessment}",
        cancel_url=assessment.get_absolute_url(),
        breadcrumbs=[AUDITS_CRUMB],
    )


@access(rules.POST_ONLY, rules.ASSESSMENT_EDITORS_DONE)
@require_POST
def evidence_upload(request, pk):
    answer = answer_for(request, pk, "audits.edit_assessment")
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose a file to upload.")
    else:
        try:
            services.evidence_add(answer=answer, uploaded_file=form.cleaned_data["file"], user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Evidence added to standard {answer.standard.number}.")
    return redirect(answer.get_absolute_url())


@access(rules.ASSESSMENT_READERS)
@require_http_methods(["GET"])
def evidence_download(request, pk):
    evidence = evidence_for_view(request, pk)
    response = FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.original_name)
    response["Content-Type"] = evidence.content_type
    return response


@access(rules.MODERATORS, rules.MODERATORS_POST)
@require_http_methods(["GET", "POST"])
def challenge_add(request, pk):
    assessment = assessment_for(request, pk, "audits.moderate_assessment")
    form = ChallengeForm(
        request.POST or None,
        group=assessment.cycle.group,
        lookup_url=reverse("audits:challenge_meeting_lookup", args=[assessment.pk]),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_record(assessment=assessment, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "The assurance and challenge session is recorded.")
            return redirect(assessment.get_absolute_url() + "#challenge")
    return form_page(
        request,
        form=form,
        title=f"Assurance and challenge session: {assessment.agency.label}",
        cancel_url=assessment.get_absolute_url(),
        breadcrumbs=_crumbs(assessment),
    )


@access(rules.ASSESSMENT_READERS)
@require_http_methods(["GET"])
def agency_comparison(request, pk):
    agency = get_object_or_404(Agency, pk=pk)
    visible = visible_assessments(request.user)
    if visible is not None and not agency.self_assessments.filter(visible).exists():
        raise PermissionDenied
    comparison = selectors.agency_comparison(agency_id=agency.pk, user=request.user)
    return render(
        request,
        "audits/agency_comparison.html",
        {
            "title": f"Self-assessments compared: {agency.label}",
            "agency": agency,
            **comparison,
            "breadcrumbs": [AUDITS_CRUMB],
        },
    )
