"""Pages of the action log. Thin: check permission, call a selector or a service, render.
Login is required by middleware for every view."""

import datetime

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core.access import access
from core.exports import csv_response, xlsx_response
from core.pdf import pdf_response, render_pdf
from core.views import apply_service_errors, paginate, querystring_without
from governance.access_rules import (
    ACTION_UPDATERS_POST,
    GROUP_MEMBERS,
    GROUP_RUNNERS,
    GROUP_RUNNERS_POST,
    LOGGED_IN,
)
from governance.filters.actions import ActionLogFilter
from governance.forms.actions import ActionHandOverForm, ActionRecordForm, ActionUpdateForm
from governance.models import OUTSTANDING_STATUSES, Action, AgendaItem, Group, Meeting
from governance.page_cache_rules import leave_out_case_material
from governance.selectors import actions as selectors_actions
from governance.selectors import meetings as selectors_meetings
from governance.selectors.structure import LOOKUP_QUERY_MAX_LENGTH
from governance.services import actions as services
from governance.views.access import (
    STRUCTURE_CRUMB,
    action_for_hand_over,
    action_for_update,
    action_for_view,
    check_perm,
    group_for,
    group_for_actions,
    meeting_for_action_review,
)

PRINT_LIMIT = 500


def _person(user):
    return getattr(user, "person", None) if user.is_authenticated else None


def _group_crumbs(group: Group) -> list[tuple[str, str]]:
    return [STRUCTURE_CRUMB, (group.label, group.get_absolute_url())]


def _log_crumbs(group: Group) -> list[tuple[str, str]]:
    return [*_group_crumbs(group), ("Action log", reverse("governance:action_log", args=[group.pk]))]


def _log_filter(request, group: Group, today: datetime.date, *, with_place: bool = True) -> ActionLogFilter:
    return ActionLogFilter(
        request.GET,
        queryset=selectors_actions.group_action_log(group=group, user=request.user, with_place=with_place),
        group=group,
        today=today,
    )


def _action_log(filterset: ActionLogFilter) -> selectors_actions.ActionLog:
    return selectors_actions.ActionLog(
        filterset.qs,
        count_in_one_pass=filterset.searching,
        group=filterset.group,
        unfiltered=filterset.queryset,
    )


# The group action log ---------------------------------------------------------------


@access(GROUP_MEMBERS)
@require_GET
def action_log(request, group_pk):
    group = group_for_actions(request, group_pk)
    today = timezone.localdate()
    filterset = _log_filter(request, group, today)
    page_obj, querystring = paginate(request, _action_log(filterset))
    rows = selectors_actions.decorate(page_obj.object_list, today=today, group_id=group.pk)
    leave_out_case_material(request, rows)
    return render(
        request,
        "governance/action_log.html",
        {
            "title": f"Action log: {group.name}",
            "breadcrumbs": _group_crumbs(group),
            "group": group,
            "filter": filterset,
            # How many filters are in force, shown on the phone's "Filter" button.
            "active_filters": sum(1 for name in filterset.form.fields if request.GET.get(name)),
            "page_obj": page_obj,
            "actions": rows,
            "querystring": querystring,
            "export_query": f"?{querystring}" if querystring else "",
            "can_record": request.user.has_perm("governance.record_action", group),
            "today": today,
        },
    )


@access(GROUP_MEMBERS)
@require_GET
def action_log_meeting_lookup(request, group_pk):
    """Type-ahead options for the log's meeting filter: the meetings where its actions were
    agreed whose label holds the words typed, latest first, for those who may read the log."""
    group = group_for_actions(request, group_pk)
    query = request.GET.get("q", "")[:LOOKUP_QUERY_MAX_LENGTH]
    return JsonResponse({"results": selectors_actions.group_log_meeting_lookup(group, query)})


EXPORT_HEADERS = [
    "Action No",
    "Reference",
    "Title",
    "Description",
    "Owners",
    "Owner names",
    "Lead agency",
    "Due date",
    "Original due date",
    "Status",
    "RAG",
    "Latest update",
    "Latest update on",
    "Source",
    "Group",
]


def _export_rows(filterset, today: datetime.date):
    """One row per action, in log order and in EXPORT_HEADERS' order (three queries, issue 16).
    An action agreed at a confidential item the user may not see is left out of exports."""
    return selectors_actions.action_log_export(filterset.qs, group=filterset.group, today=today)


def _export_filename(group: Group, today: datetime.date, extension: str) -> str:
    return f"action-log-{slugify(group.label)}-{today:%Y-%m-%d}.{extension}"


@access(GROUP_MEMBERS)
@require_GET
def action_log_csv(request, group_pk):
    group = group_for_actions(request, group_pk)
    today = timezone.localdate()
    rows = _export_rows(_log_filter(request, group, today, with_place=False), today)
    return csv_response(EXPORT_HEADERS, rows, filename=_export_filename(group, today, "csv"))


@access(GROUP_MEMBERS)
@require_GET
def action_log_xlsx(request, group_pk):
    group = group_for_actions(request, group_pk)
    today = timezone.localdate()
    rows = _export_rows(_log_filter(request, group, today, with_place=False), today)
    return xlsx_response(
        EXPORT_HEADERS, rows, filename=_export_filename(group, today, "xlsx"), sheet_title="Action log"
    )


@access(GROUP_MEMBERS)
@require_GET
def action_log_print(request, group_pk):
    """The log laid out as the minutes quote it (seed 003): 'Action No 15 (23.10.19 ref 4.1)',
    the action in italics, owners' initials at the side, updates in bold."""
    group = group_for_actions(request, group_pk)
    today = timezone.localdate()
    filterset = _log_filter(request, group, today)
    rows = selectors_actions.decorate(
        _action_log(filterset)[: PRINT_LIMIT + 1],
        today=today,
        group_id=group.pk,
    )
    context = {
        "title": f"Action log: {group.name}",
        "group": group,
        "actions": rows[:PRINT_LIMIT],
        "truncated": len(rows) > PRINT_LIMIT,
        "print_limit": PRINT_LIMIT,
        "today": today,
        "log_url": reverse("governance:action_log", args=[group.pk]) + f"?{querystring_without(request)}",
        "for_pdf": request.GET.get("format") == "pdf",
    }
    if context["for_pdf"]:
        with open(finders.find("css/action_print.css"), encoding="utf-8") as stylesheet:
            context["print_css"] = stylesheet.read()

        pdf = render_pdf("governance/action_log_print.html", context, request=request)
        return pdf_response(pdf, _export_filename(group, today, "pdf"))
    return render(request, "governance/action_log_print.html", context)


# Recording an action ----------------------------------------------------------------


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def action_create(request, group_pk):
    """Record an action for a group, or (with ?item=<agenda item>) as agreed at a meeting item."""
    group = group_for(request, group_pk, "governance.record_action")
    item = None
    if request.GET.get("item"):
        try:
            item_pk = int(request.GET["item"])
        except ValueError as error:
            raise Http404 from error
        item = get_object_or_404(
            AgendaItem.objects.select_related("meeting__group"), pk=item_pk, meeting__group=group
        )
    form = ActionRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            action = services.action_record(
                group=group,
                title=data["title"],
                description=data["description"],
                owners=data["owners"],
                owner_group=data["owner_group"],
                lead_agency=data["lead_agency"],
                due_date=data["due_date"],
                due_by_next_meeting=data["due_by_next_meeting"],
                origin_item=item,
                recorded_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            where = f" ({action.reference})" if action.reference else ""
            messages.success(request, f"Recorded action {action.number}{where} in the {group.label} log.")
            return redirect(_safe_next(request) or action.get_absolute_url())
    crumbs = _log_crumbs(group)
    if item is not None:
        crumbs.append((str(item.meeting), item.meeting.get_absolute_url()))
        title = f"Record an action at item {item.number}: {item.title}"
    else:
        title = f"Record an action for {group.name}"
    return render(
        request,
        "governance/action_form.html",
        {
            "form": form,
            "title": title,
            "breadcrumbs": crumbs,
            "group": group,
            "item": item,
            "next": _safe_next(request),
            "cancel_url": _safe_next(request)
            or (item and item.meeting.get_absolute_url())
            or reverse("governance:action_log", args=[group.pk]),
        },
    )


# One action: its trail, an update, a hand-over --------------------------------------------


def _render_detail(request, action: Action, *, update_form=None, handover_form=None, status=200):
    today = timezone.localdate()
    selectors_actions.decorate([action], today=today)
    user = request.user
    can_update = user.has_perm("governance.update_action", action)
    can_hand_over = (
        user.has_perm("governance.hand_over_action", action) and action.status in OUTSTANDING_STATUSES
    )
    if can_update and update_form is None:
        update_form = ActionUpdateForm(action=action)
    if can_hand_over and handover_form is None:
        handover_form = ActionHandOverForm(action=action)
    if update_form is not None:
        update_form.helper.form_action = reverse("governance:action_update", args=[action.pk])
    if handover_form is not None:
        handover_form.helper.form_action = reverse("governance:action_hand_over", args=[action.pk])
    return render(
        request,
        "governance/action_detail.html",
        {
            "title": f"Action {action.number}: {action.group.label}",
            "breadcrumbs": _log_crumbs(action.group),
            "action": action,
            "source_url": selectors_actions.source_url(action),
            "origin_meeting_url": action.origin_meeting.get_absolute_url() if action.origin_meeting else "",
            "update_form": update_form if can_update else None,
            "handover_form": handover_form if can_hand_over else None,
            "today": today,
        },
        status=status,
    )


@access(GROUP_MEMBERS)
@require_GET
def action_detail(request, pk):
    action = action_for_view(request, pk)
    return _render_detail(request, action)


@access(ACTION_UPDATERS_POST)
@require_POST
def action_update(request, pk):
    action = action_for_update(request, pk)
    form = ActionUpdateForm(request.POST, action=action)
    if form.is_valid():
        try:
            services.action_update(action=action, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Posted an update to action {action.number}.")
            return redirect(_safe_next(request) or action.get_absolute_url())
    return _render_detail(request, action, update_form=form)


@access(GROUP_RUNNERS_POST)
@require_POST
def action_hand_over(request, pk):
    action = action_for_hand_over(request, pk)
    form = ActionHandOverForm(request.POST, action=action)
    if form.is_valid():
        old_group, old_number = action.group, action.number
        try:
            services.action_hand_over(
                action=action,
                to_group=form.cleaned_data["to_group"],
                note=form.cleaned_data["note"],
                handed_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Handed action {old_number} of {old_group.label} to {action.group.label}, "
                f"where it is action {action.number}.",
            )
            return redirect(action.get_absolute_url())
    return _render_detail(request, action, handover_form=form)


# My actions and the chair's action plan ----------------------------------------------------


@access(LOGGED_IN)
@require_GET
def my_actions(request):
    today = timezone.localdate()
    person = _person(request.user)
    actions = selectors_actions.my_actions(person=person, today=today, user=request.user)
    page_obj, querystring = paginate(request, actions)
    rows = selectors_actions.decorate(page_obj.object_list, today=today)
    leave_out_case_material(request, rows)
    return render(
        request,
        "governance/action_mine.html",
        {
            "title": "My actions",
            "breadcrumbs": [],
            "person": person,
            "page_obj": page_obj,
            "actions": rows,
            "querystring": querystring,
            "today": today,
        },
    )


@access(GROUP_MEMBERS)
@require_GET
def action_plan(request, group_pk):
    group = group_for_actions(request, group_pk)
    today = timezone.localdate()
    plan = selectors_actions.action_plan(group=group, today=today, user=request.user)
    return render(
        request,
        "governance/action_plan.html",
        {
            "title": f"Action plan: {group.name}",
            "breadcrumbs": _log_crumbs(group),
            "group": group,
            "plan": plan,
            "totals": {
                "open": sum(line.open for line in plan),
                "overdue": sum(line.overdue for line in plan),
                "completed_this_quarter": sum(line.completed_this_quarter for line in plan),
            },
            "today": today,
        },
    )


# Reviewing the log at a meeting ------------------------------------------------------------


def _review_form(action: Action, meeting: Meeting, data=None) -> ActionUpdateForm:
    form = ActionUpdateForm(data, action=action, prefix=f"action-{action.pk}", form_tag=False)
    form.helper.form_action = reverse("governance:meeting_action_review_update", args=[meeting.pk, action.pk])
    return form


def _review_rows(request, meeting: Meeting, actions, *, bound: dict | None = None):
    bound = bound or {}
    # Approved minutes lock the review held at the meeting, as they lock its attendance.
    locked = selectors_meetings.record_locked(meeting)
    can_post = not meeting.is_cancelled and not locked
    rows = []
    for action in actions:
        form = None
        if can_post and request.user.has_perm("governance.update_action", action):
            form = bound.get(action.pk) or _review_form(action, meeting)
        action.reviewed_here = [u for u in action.trail if u.reviewed_at_meeting_id == meeting.pk]
        rows.append({"action": action, "form": form, "locked": locked})
    return rows


@access(GROUP_MEMBERS)
@require_GET
@vary_on_headers("HX-Request")
def meeting_action_review(request, pk):
    """The 'minutes of the previous meeting and action log' item: the outstanding actions, each
    with an update form. A fragment for htmx; a full page without JavaScript."""
    meeting = meeting_for_action_review(request, pk)
    actions = selectors_actions.actions_for_meeting_review(meeting=meeting, user=request.user)
    rows = _review_rows(request, meeting, actions)
    context = {"meeting": meeting, "rows": rows}
    if request.htmx:
        return render(request, "governance/partials/_action_review_list.html", context)
    return _render_review_page(request, meeting, context)


def _render_review_page(request, meeting: Meeting, context: dict, status: int = 200):
    group = meeting.group
    crumbs = _log_crumbs(group)
    meeting_url = meeting.get_absolute_url()
    crumbs.append((str(meeting), meeting_url))
    return render(
        request,
        "governance/action_review.html",
        {
            **context,
            "title": f"Action log review at {meeting}",
            "breadcrumbs": crumbs,
            "meeting_url": meeting_url,
        },
        status=status,
    )


@access(GROUP_RUNNERS_POST)
@require_POST
@vary_on_headers("HX-Request")
def meeting_action_review_update(request, meeting_pk, pk):
    meeting = meeting_for_action_review(request, meeting_pk)
    try:
        action = selectors_actions.action_for_review_row(meeting=meeting, pk=pk, user=request.user)
    except Action.DoesNotExist as error:
        raise Http404 from error
    check_perm(request.user, "governance.update_action", action)
    form = _review_form(action, meeting, request.POST)
    saved = False
    if form.is_valid():
        try:
            services.action_update(
                action=action, author=request.user, reviewed_at_meeting=meeting, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            saved = True
    if saved and not request.htmx:
        messages.success(request, f"Posted an update to action {action.number}.")
        return redirect(
            reverse("governance:meeting_action_review", args=[meeting.pk]) + f"#action-{action.pk}"
        )
    if request.htmx:
        action = selectors_actions.action_for_review_row(meeting=meeting, pk=pk, user=request.user)
        [row] = _review_rows(request, meeting, [action], bound={} if saved else {action.pk: form})
        return render(
            request,
            "governance/partials/_action_review_row.html",
            {"meeting": meeting, "row": row, "saved": saved},
        )
    actions = selectors_actions.actions_for_meeting_review(meeting=meeting, user=request.user)
    rows = _review_rows(request, meeting, actions, bound={action.pk: form})
    return _render_review_page(request, meeting, {"meeting": meeting, "rows": rows})
