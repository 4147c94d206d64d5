"""Pages for decisions and minutes. Thin: check permission, call a selector or a service, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import access
from core.pdf import pdf_response, render_pdf
from core.views import apply_service_errors, paginate
from governance.access_rules import (
    DECISION_RATIFY_POST,
    DRAFT_MINUTES,
    GROUP_RUNNERS,
    GROUP_RUNNERS_DONE,
    GROUP_RUNNERS_POST,
    MINUTES_AMEND,
    MINUTES_AMEND_POST,
    PARTNERSHIP_VIEWERS,
)
from governance.filters.minutes import MinutesFilter
from governance.forms.minutes import (
    AmendmentFormSet,
    ApprovalForm,
    AttendanceAmendmentForm,
    DecisionAmendmentForm,
    DecisionForm,
    FurtherAmendmentForm,
    MinutesEditorForm,
    people_for_meeting,
)
from governance.models import AgendaItem, Decision, Meeting, Minutes, MinutesStatus
from governance.selectors import minutes as selectors
from governance.selectors.meetings import item_quoracy, meeting_with_group
from governance.services import minutes as services
from governance.views.access import agenda_item_for_edit, check_perm, decision_for_edit, meeting_for_edit

MINUTES_CRUMB_LABEL = "Minutes"


def _breadcrumbs(meeting: Meeting, *extra):
    crumbs = [
        (MINUTES_CRUMB_LABEL, reverse("governance:minutes_list")),
        (str(meeting), meeting.get_absolute_url()),
    ]
    return crumbs + list(extra)


def _get_meeting(pk) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("group"), pk=pk)


def _meeting_for_edit(request, pk) -> Meeting:
    return meeting_for_edit(request, pk, fetch=meeting_with_group)


def _report(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# The minutes list and page --------------------------------------------------


@access(PARTNERSHIP_VIEWERS)
@require_GET
def minutes_list(request):
    check_perm(request.user, "governance.view_partnership")
    minutes_filter = MinutesFilter(request.GET, queryset=selectors.minutes_visible_to(request.user))
    page_obj, querystring = paginate(request, minutes_filter.qs)
    return render(
        request,
        "governance/minutes_list.html",
        {
            "title": "Minutes",
            "filter": minutes_filter,
            "page_obj": page_obj,
            "querystring": querystring,
        },
    )


def _readable_document(request, meeting: Meeting):
    """The minutes document this user may read, or 403/404; and whether it is the published version."""
    minutes = Minutes.objects.filter(meeting=meeting).first()
    access = selectors.minutes_access(request.user, meeting=meeting, minutes=minutes)
    if access is None:
        if minutes is None and request.user.has_perm("governance.view_meeting", meeting):
            raise Http404("No minutes have been written for this meeting yet.")
        raise PermissionDenied
    # Those who may read the full minutes can also preview the published version.
    published_version = access == selectors.PUBLISHED or request.GET.get("version") == "published"
    if access == selectors.PUBLISHED:
        include_confidential = request.user.has_perm("governance.view_confidential_items", meeting)
    else:
        include_confidential = not published_version
    document = selectors.minutes_document(meeting=meeting, include_confidential=include_confidential)
    return document, published_version


@access(DRAFT_MINUTES)
@require_GET
def minutes_detail(request, meeting_pk):
    meeting = _get_meeting(meeting_pk)
    document, published_version = _readable_document(request, meeting)
    can_manage = request.user.has_perm("governance.manage_meeting", meeting)
    return render(
        request,
        "governance/minutes_detail.html",
        {
            "title": f"Minutes of {meeting}",
            "breadcrumbs": _breadcrumbs(meeting),
            "doc": document,
            "minutes": document.minutes,
            "meeting": document.meeting,
            "published_version": published_version,
            "can_manage": can_manage,
            "meeting_url": meeting.get_absolute_url(),
        },
    )


@access(DRAFT_MINUTES)
@require_GET
def minutes_pdf(request, meeting_pk):
    meeting = _get_meeting(meeting_pk)
    document, published_version = _readable_document(request, meeting)
    context = {"doc": document, "published_version": published_version, "generated_at": timezone.now()}
    pdf = render_pdf("governance/minutes_pdf.html", context, request=request)
    filename = f"minutes-{meeting.group.label}-{meeting.local_date:%Y-%m-%d}.pdf".replace(" ", "-").lower()
    return pdf_response(pdf, filename)


# Writing the minutes --------------------------------------------------------


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def minutes_edit(request, meeting_pk):
    meeting = _meeting_for_edit(request, meeting_pk)
    document = selectors.minutes_document(
        meeting=meeting, include_confidential=True, with_actions_reviewed=False
    )
    minutes = document.minutes
    locked = minutes is not None and minutes.is_locked
    form = MinutesEditorForm(request.POST or None, items=[entry.item for entry in document.items])
    if request.method == "POST":
        if locked:
            messages.error(request, services.LOCKED_MESSAGE)
            return redirect("governance:minutes_edit", meeting.pk)
        if form.is_valid():
            try:
                services.minutes_update_items(meeting=meeting, discussions=form.discussions())
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, "Saved the minutes.")
                return redirect("governance:minutes_edit", meeting.pk)
    group = meeting.group
    action_create_url = None
    if not locked and request.user.has_perm("governance.record_action", group):
        action_create_url = reverse("governance:action_create", args=[group.pk])
    entries = [
        {
            "entry": entry,
            "field": form.bound_field(entry.item),
            "decision_form": _decision_form(entry.item),
        }
        for entry in document.items
    ]
    return render(
        request,
        "governance/minutes_edit.html",
        {
            "title": f"Write the minutes: {meeting}",
            "breadcrumbs": _breadcrumbs(meeting),
            "doc": document,
            "meeting": document.meeting,
            "minutes": minutes,
            "locked": locked,
            "form": form,
            "entries": entries,
            "action_create_url": action_create_url,
            "approval_items": selectors.approval_items_for(minutes=minutes) if minutes else [],
            "meeting_url": meeting.get_absolute_url(),
        },
    )


def _decision_form(item: AgendaItem, data=None) -> DecisionForm:
    form = DecisionForm(data, prefix=f"decision-{item.pk}")
    form.helper.form_action = reverse("governance:decision_create", args=[item.pk])
    return form


@access(GROUP_RUNNERS_DONE)
@require_POST
def minutes_circulate(request, meeting_pk):
    meeting = _meeting_for_edit(request, meeting_pk)
    try:
        minutes = services.minutes_start(meeting=meeting)
        services.minutes_circulate(minutes=minutes, circulated_by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, "The draft minutes were circulated to the group's members.")
    return redirect("governance:minutes_edit", meeting.pk)


@access(GROUP_RUNNERS_DONE)
@require_POST
def minutes_publish(request, meeting_pk):
    meeting = _meeting_for_edit(request, meeting_pk)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    try:
        services.minutes_publish(minutes=minutes, published_by=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request, "Published the minutes. Confidential items are left out of the published version."
        )
    return redirect("governance:minutes_detail", meeting.pk)


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def minutes_approve(request, item_pk):
    """Approve earlier minutes under this later meeting's "minutes of the previous meeting" item."""
    at_item = agenda_item_for_edit(request, item_pk)
    at_meeting = at_item.meeting
    candidates = selectors.minutes_awaiting_approval(at_item=at_item)
    chosen = request.POST.get("minutes") or request.GET.get("minutes")
    minutes = next((m for m in candidates if str(m.pk) == chosen), candidates[0] if candidates else None)
    if minutes is None:
        return render(
            request,
            "governance/minutes_approve.html",
            {
                "title": f"Approve minutes at {at_meeting}",
                "breadcrumbs": _breadcrumbs(at_meeting),
                "at_item": at_item,
                "minutes": None,
            },
        )
    recorded = minutes.meeting
    items = AgendaItem.objects.filter(meeting=recorded).order_by("sort_key")
    people = people_for_meeting(at_meeting)
    quoracy = services.approval_quoracy(at_item=at_item)
    form = ApprovalForm(request.POST or None)
    formset = AmendmentFormSet(request.POST or None, items=items, people=people, prefix="amendment")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        changes = [
            services.AmendmentRequest(
                agenda_item=data["agenda_item"], new_text=data["new_text"], requested_by=data["requested_by"]
            )
            for data in formset.cleaned_data
            if data.get("agenda_item")
        ]
        try:
            approved = services.minutes_approve(
                minutes=minutes, at_item=at_item, amendments=changes, approved_by=request.user
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            how = (
                f"with {len(changes)} amendment{'s' if len(changes) != 1 else ''}"
                if changes
                else "as an accurate record"
            )
            approval = approved.approval_decision
            if approval is not None and approval.needs_ratification:
                messages.warning(
                    request,
                    f"The minutes of {recorded} were approved {how}, but the approval was taken inquorate "
                    f"({approval.missing_partners} not represented): it needs ratification at the group's "
                    "next quorate meeting.",
                )
            else:
                messages.success(request, f"The minutes of {recorded} were approved {how}.")
            return redirect("governance:minutes_detail", recorded.pk)
    return render(
        request,
        "governance/minutes_approve.html",
        {
            "title": f"Approve the minutes of {recorded}",
            "breadcrumbs": _breadcrumbs(at_meeting),
            "at_item": at_item,
            "minutes": minutes,
            "candidates": candidates,
            "items_in_order": list(items),
            "form": form,
            "formset": formset,
            "quoracy": quoracy,
        },
    )


@access(MINUTES_AMEND, MINUTES_AMEND_POST)
@require_http_methods(["GET", "POST"])
def minutes_amend(request, meeting_pk):
    """A further, attributed amendment to minutes already approved."""
    meeting = _meeting_for_edit(request, meeting_pk)
    minutes = get_object_or_404(Minutes, meeting=meeting, status=MinutesStatus.APPROVED)
    items = AgendaItem.objects.filter(meeting=meeting).order_by("sort_key")
    form = FurtherAmendmentForm(request.POST or None, items=items, people=people_for_meeting(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_amend(
                minutes=minutes,
                agenda_item=form.cleaned_data["agenda_item"],
                new_text=form.cleaned_data["new_text"],
                requested_by=form.cleaned_data["requested_by"],
                recorded_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Recorded the amendment; the history keeps the original wording.")
            return redirect("governance:minutes_detail", meeting.pk)
    return render(
        request,
        "governance/minutes_amend.html",
        {
            "title": f"Amend the approved minutes of {meeting}",
            "breadcrumbs": _breadcrumbs(
                meeting, ("Minutes", reverse("governance:minutes_detail", args=[meeting.pk]))
            ),
            "form": form,
            "meeting": meeting,
            "items": list(items),
            "cancel_url": reverse("governance:minutes_detail", args=[meeting.pk]),
        },
    )


@access(MINUTES_AMEND, MINUTES_AMEND_POST)
@require_http_methods(["GET", "POST"])
def minutes_amend_attendance(request, meeting_pk):
    """Correct someone's attendance in approved minutes: a recorded amendment (who, when, why)."""
    meeting = _meeting_for_edit(request, meeting_pk)
    minutes = get_object_or_404(Minutes, meeting=meeting, status=MinutesStatus.APPROVED)
    people = people_for_meeting(meeting)
    initial = {}
    if request.method == "GET" and request.GET.get("person"):
        initial["person"] = request.GET["person"]
    form = AttendanceAmendmentForm(request.POST or None, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.minutes_amend_attendance(
                minutes=minutes,
                person=data["person"],
                status=data["status"],
                deputy_for=data["deputy_for"],
                apology_reason=data["apology_reason"],
                apology_valid=data["apology_valid"],
                requested_by=data["requested_by"],
                recorded_by=request.user,
                reason=data["reason"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Recorded the correction to {data['person']}'s attendance.")
            return redirect(reverse("governance:minutes_detail", args=[meeting.pk]) + "#amendments-heading")
    return render(
        request,
        "governance/minutes_amend_attendance.html",
        {
            "title": f"Correct the attendance in the approved minutes of {meeting}",
            "breadcrumbs": _breadcrumbs(
                meeting, ("Minutes", reverse("governance:minutes_detail", args=[meeting.pk]))
            ),
            "form": form,
            "meeting": meeting,
            "doc": selectors.minutes_document(
                meeting=meeting, include_confidential=True, with_actions_reviewed=False
            ),
            "cancel_url": reverse("governance:minutes_detail", args=[meeting.pk]),
        },
    )


@access(MINUTES_AMEND, MINUTES_AMEND_POST)
@require_http_methods(["GET", "POST"])
def decision_amend(request, pk):
    """Correct the wording of a decision in approved minutes: a recorded amendment."""
    decision = decision_for_edit(request, pk)
    item = decision.agenda_item
    meeting = item.meeting
    minutes = get_object_or_404(Minutes, meeting=meeting, status=MinutesStatus.APPROVED)
    form = DecisionAmendmentForm(
        request.POST or None, people=people_for_meeting(meeting), initial={"new_text": decision.text}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_amend_decision(
                minutes=minutes,
                decision=decision,
                new_text=form.cleaned_data["new_text"],
                requested_by=form.cleaned_data["requested_by"],
                recorded_by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Recorded the correction to the decision at item {item.number}.")
            return redirect(reverse("governance:minutes_detail", args=[meeting.pk]) + "#amendments-heading")
    return render(
        request,
        "governance/decision_amend.html",
        {
            "title": f"Correct a decision in the approved minutes of {meeting}",
            "breadcrumbs": _breadcrumbs(
                meeting, ("Minutes", reverse("governance:minutes_detail", args=[meeting.pk]))
            ),
            "form": form,
            "decision": decision,
            "item": item,
            "cancel_url": reverse("governance:minutes_detail", args=[meeting.pk]),
        },
    )


# Decisions ------------------------------------------------------------------


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def decision_create(request, item_pk):
    item = agenda_item_for_edit(request, item_pk)
    meeting = item.meeting
    form = _decision_form(item, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_record(
                agenda_item=item,
                text=form.cleaned_data["text"],
                key_decision=form.cleaned_data["key_decision"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if decision.needs_ratification:
                messages.warning(
                    request,
                    f"Recorded. The decision was taken inquorate ({decision.missing_partners} not "
                    "represented) and needs ratification at the group's next quorate meeting.",
                )
            else:
                messages.success(request, f"Recorded the decision at item {item.number}.")
            return redirect(reverse("governance:minutes_edit", args=[meeting.pk]) + f"#item-{item.pk}")
    return render(
        request,
        "governance/decision_form.html",
        {
            "title": f"Record a decision at item {item.number}",
            "breadcrumbs": _breadcrumbs(
                meeting, ("Write the minutes", reverse("governance:minutes_edit", args=[meeting.pk]))
            ),
            "form": form,
            "item": item,
            "cancel_url": reverse("governance:minutes_edit", args=[meeting.pk]),
        },
    )


@access(GROUP_RUNNERS, DECISION_RATIFY_POST)
@require_http_methods(["GET", "POST"])
def decision_ratify(request, item_pk):
    """Decisions awaiting ratification, ratified one at a time at this (later) meeting's item."""
    at_item = agenda_item_for_edit(request, item_pk)
    meeting = at_item.meeting
    if request.method == "POST":
        decision_pk = request.POST.get("decision") or None
        if decision_pk is not None and not decision_pk.isdigit():
            return HttpResponseBadRequest("No such decision.")  # a tampered form (issue 9)
        decision = get_object_or_404(
            Decision.objects.select_related("agenda_item__meeting"),
            pk=decision_pk,
            agenda_item__meeting__group_id=meeting.group_id,
        )
        try:
            services.decision_ratify(decision=decision, at_item=at_item, ratified_by=request.user)
        except ValidationError as error:
            _report(request, error)
        else:
            messages.success(request, f"Ratified: {decision}.")
        return redirect("governance:decision_ratify", at_item.pk)
    awaiting = list(selectors.decisions_awaiting_ratification(meeting.group, before=meeting.starts_at))
    ratified_here = list(
        Decision.objects.filter(ratified_at_item=at_item).select_related("agenda_item__meeting__group")
    )
    return render(
        request,
        "governance/decision_ratify.html",
        {
            "title": f"Decisions for ratification at {meeting}",
            "breadcrumbs": _breadcrumbs(meeting),
            "at_item": at_item,
            "meeting": meeting,
            "awaiting": awaiting,
            "ratified_here": ratified_here,
            "quoracy": item_quoracy(meeting=meeting, item=at_item),
        },
    )
