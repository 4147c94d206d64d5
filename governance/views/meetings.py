"""Pages for meetings, agendas and attendance. Thin: check permission, call a
selector or a service, render. Login is required by middleware for every view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import access
from core.views import apply_service_errors, paginate
from governance.access_rules import (
    GROUP_RUNNERS,
    GROUP_RUNNERS_DONE,
    GROUP_RUNNERS_POST,
    MEETING_VIEWERS,
    PARTNERSHIP_VIEWERS,
)
from governance.filters.meetings import MeetingFilter
from governance.forms.fields import active_people
from governance.forms.meetings import (
    AgendaItemForm,
    AttendanceAddForm,
    AttendanceFormSet,
    MeetingCancelForm,
    MeetingForm,
    MeetingSeriesForm,
)
from governance.forms.typeahead import typeahead_response
from governance.models import AgendaItem, Group, Meeting, MeetingStatus
from governance.selectors import meetings as selectors
from governance.services import agenda as agenda_services
from governance.services import attendance as attendance_services
from governance.services import meetings as meeting_services
from governance.views.access import (
    MEETINGS_CRUMB,
    agenda_item_for_edit,
    group_for,
    meeting_breadcrumbs,
    meeting_for_edit,
    meeting_for_view,
)


def _may_see_group_meetings(user, group: Group) -> bool:
    return user.has_perm("governance.view_meeting", Meeting(group=group))


# Lists -----------------------------------------------------------------------


@access(PARTNERSHIP_VIEWERS)
def meeting_list(request):
    """My meetings: upcoming or past, those of my groups (every group's for the secretariat)."""
    if not request.user.has_perm("governance.view_partnership"):
        raise PermissionDenied
    past = request.GET.get("when") == "past"
    meetings = selectors.meetings_for_list(user=request.user, past=past)
    meeting_filter = MeetingFilter(request.GET or None, queryset=meetings, user=request.user)
    page_obj, querystring = paginate(request, meeting_filter.qs)
    return render(
        request,
        "governance/meeting_list.html",
        {
            "title": "Past meetings" if past else "Meetings",
            "filter": meeting_filter,
            "page_obj": page_obj,
            "meetings": page_obj.object_list,
            "querystring": querystring,
            "past": past,
            "show_group": True,
        },
    )


@access(MEETING_VIEWERS)
def group_meetings(request, pk):
    group = get_object_or_404(Group, pk=pk)
    if not _may_see_group_meetings(request.user, group):
        raise PermissionDenied
    past = request.GET.get("when") == "past"
    meetings = selectors.meetings_for_list(user=request.user, past=past).filter(group=group)
    page_obj, querystring = paginate(request, meetings)
    return render(
        request,
        "governance/meeting_list.html",
        {
            "title": f"{'Past meetings' if past else 'Meetings'} of {group.label}",
            "breadcrumbs": [MEETINGS_CRUMB, (group.label, group.get_absolute_url())],
            "group": group,
            "page_obj": page_obj,
            "meetings": page_obj.object_list,
            "querystring": querystring,
            "past": past,
            "can_schedule": request.user.has_perm("governance.schedule_meeting", group),
        },
    )


# Scheduling ------------------------------------------------------------------


def _render_form(
    request, form, *, title, cancel_url, breadcrumbs, template="governance/form_page.html", **extra
):
    return render(
        request,
        template,
        {"form": form, "title": title, "cancel_url": cancel_url, "breadcrumbs": breadcrumbs, **extra},
    )


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def meeting_schedule(request, group_pk):
    group = group_for(request, group_pk, "governance.schedule_meeting")
    form = MeetingForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = meeting_services.meeting_schedule(
                group=group,
                starts_at=form.starts_at(),
                ends_at=form.ends_at(),
                location=data["location"],
                online_link=data["online_link"],
                # Blank: whoever held the role on the meeting's date (issue 10 point 11).
                chair=data["chair"] or meeting_services.KEEP,
                minute_taker=data["minute_taker"] or meeting_services.KEEP,
                non_working_day_confirmed=data["confirm_non_working_day"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Scheduled: {meeting}. The standing items are on its agenda.")
            return redirect(meeting.get_absolute_url())
    return _render_form(
        request,
        form,
        title=f"Schedule a meeting of {group.label}",
        cancel_url=group.get_absolute_url(),
        breadcrumbs=[MEETINGS_CRUMB, (group.label, group.get_absolute_url())],
        group=group,
    )


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def meeting_schedule_series(request, group_pk):
    group = group_for(request, group_pk, "governance.schedule_meeting")
    form = MeetingSeriesForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meetings = meeting_services.meeting_schedule_series(
                group=group,
                first_date=data["first_date"],
                count=data["count"],
                start_time=data["start_time"],
                end_time=data["end_time"],
                location=data["location"],
                online_link=data["online_link"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            dates = ", ".join(f"{m.local_date:%-d %b %Y}" for m in meetings)
            messages.success(request, f"Scheduled {len(meetings)} meetings of {group.label}: {dates}.")
            return redirect("governance:group_meetings", pk=group.pk)
    return _render_form(
        request,
        form,
        title=f"Schedule a series of {group.label} meetings",
        cancel_url=group.get_absolute_url(),
        breadcrumbs=[MEETINGS_CRUMB, (group.label, group.get_absolute_url())],
        group=group,
    )


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def meeting_reschedule(request, pk):
    meeting = meeting_for_edit(request, pk)
    form = MeetingForm(request.POST or None, group=meeting.group, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting_services.meeting_reschedule(
                meeting=meeting,
                starts_at=form.starts_at(),
                ends_at=form.ends_at(),
                location=data["location"],
                online_link=data["online_link"],
                chair=data["chair"],
                minute_taker=data["minute_taker"],
                non_working_day_confirmed=data["confirm_non_working_day"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Saved. The paper deadline and late papers were checked again.")
            return redirect(meeting.get_absolute_url())
    return _render_form(
        request,
        form,
        title=f"Change the meeting: {meeting}",
        cancel_url=meeting.get_absolute_url(),
        breadcrumbs=meeting_breadcrumbs(meeting),
    )


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def meeting_cancel(request, pk):
    meeting = meeting_for_edit(request, pk)
    form = MeetingCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_services.meeting_cancel(meeting=meeting, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Cancelled: {meeting}. Members have been told.")
            return redirect(meeting.get_absolute_url())
    return _render_form(
        request,
        form,
        title=f"Cancel the meeting: {meeting}",
        cancel_url=meeting.get_absolute_url(),
        breadcrumbs=meeting_breadcrumbs(meeting),
    )


@access(GROUP_RUNNERS_DONE)
@require_POST
def meeting_mark_held(request, pk):
    meeting = meeting_for_edit(request, pk)
    try:
        meeting_services.meeting_mark_held(meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Marked as held.")
    return redirect(meeting.get_absolute_url())


# The meeting page --------------------------------------------------------------


@access(MEETING_VIEWERS)
def meeting_detail(request, pk):
    meeting = meeting_for_view(request, pk)
    page = selectors.meeting_page(meeting=meeting, user=request.user)
    user = request.user
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "title": str(meeting),
            "breadcrumbs": meeting_breadcrumbs(meeting, this_page=True),
            "meeting": meeting,
            "page": page,
            "can_manage": user.has_perm("governance.manage_meeting", meeting),
            "now": timezone.now(),
        },
    )


# The agenda --------------------------------------------------------------------


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
def agenda_edit(request, pk):
    meeting = meeting_for_edit(request, pk)
    items = selectors.agenda_for_edit(meeting=meeting)
    return render(
        request,
        "governance/agenda_edit.html",
        {
            "title": f"Agenda: {meeting}",
            "breadcrumbs": meeting_breadcrumbs(meeting),
            "meeting": meeting,
            "items": items,
            "frozen": meeting.status != MeetingStatus.SCHEDULED,
        },
    )


def _item_arguments(data) -> dict:
    return {
        "title": data["title"],
        "presenter": data["presenter"],
        "purpose": data["purpose"],
        "minutes_allowed": data["minutes_allowed"],
        "confidential": data["confidential"],
    }


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def agenda_item_add(request, pk):
    meeting = meeting_for_edit(request, pk)
    initial = {"parent": request.GET.get("parent")} if request.GET.get("parent") else None
    form = AgendaItemForm(request.POST or None, meeting=meeting, initial=initial)
    if request.method == "POST" and form.is_valid():
        parent_pk = form.cleaned_data["parent"]
        parent = get_object_or_404(AgendaItem, pk=parent_pk, meeting=meeting) if parent_pk else None
        try:
            item = agenda_services.agenda_item_add(
                meeting=meeting,
                parent=parent,
                numbered=not form.cleaned_data["unnumbered"],
                **_item_arguments(form.cleaned_data),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            added = f"item {item.number}: {item.title}" if item.number else f"{item.title} (no number)"
            messages.success(request, f"Added {added}.")
            return redirect("governance:agenda_edit", pk=meeting.pk)
    return _render_form(
        request,
        form,
        title="Add an agenda item",
        cancel_url=reverse("governance:agenda_edit", args=[meeting.pk]),
        breadcrumbs=[
            *meeting_breadcrumbs(meeting),
            ("Agenda", reverse("governance:agenda_edit", args=[meeting.pk])),
        ],
    )


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def agenda_item_edit(request, pk):
    item = agenda_item_for_edit(request, pk)
    meeting = item.meeting
    if selectors.record_locked(meeting):
        messages.info(
            request, "The minutes of this meeting are approved: its items are changed by amendment."
        )
        return redirect("governance:minutes_amend", meeting.pk)
    form = AgendaItemForm(request.POST or None, meeting=meeting, item=item)
    if request.method == "POST" and form.is_valid():
        try:
            agenda_services.agenda_item_update(item=item, **_item_arguments(form.cleaned_data))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Saved item {item.number}.")
            return redirect("governance:agenda_edit", pk=meeting.pk)
    return _render_form(
        request,
        form,
        title=f"Change item {item.number}",
        cancel_url=reverse("governance:agenda_edit", args=[meeting.pk]),
        breadcrumbs=[
            *meeting_breadcrumbs(meeting),
            ("Agenda", reverse("governance:agenda_edit", args=[meeting.pk])),
        ],
    )


@access(GROUP_RUNNERS_DONE)
@require_POST
def agenda_item_move(request, pk):
    item = agenda_item_for_edit(request, pk)
    try:
        agenda_services.agenda_item_move(item=item, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("governance:agenda_edit", args=[item.meeting_id]) + f"#item-{item.pk}")


@access(GROUP_RUNNERS, GROUP_RUNNERS_DONE)
@require_http_methods(["GET", "POST"])
def agenda_item_delete(request, pk):
    item = agenda_item_for_edit(request, pk)
    meeting = item.meeting
    if request.method == "POST":
        try:
            agenda_services.agenda_item_delete(item=item)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Deleted item “{item.title}”; the agenda was renumbered.")
        return redirect("governance:agenda_edit", pk=meeting.pk)
    return render(
        request,
        "governance/agenda_item_confirm_delete.html",
        {
            "title": f"Delete item {item.number}?",
            "breadcrumbs": [
                *meeting_breadcrumbs(meeting),
                ("Agenda", reverse("governance:agenda_edit", args=[meeting.pk])),
            ],
            "item": item,
            "meeting": meeting,
            "sub_items": list(item.sub_items.order_by("sort_key")),
        },
    )


@access(GROUP_RUNNERS_DONE)
@require_POST
def agenda_standing_items_add(request, pk):
    meeting = meeting_for_edit(request, pk)
    try:
        added = agenda_services.agenda_standing_items_add(meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if added:
            messages.success(request, f"Added {len(added)} standing item{'s' if len(added) != 1 else ''}.")
        else:
            messages.info(request, "The agenda already has every standing item.")
    return redirect("governance:agenda_edit", pk=meeting.pk)


@access(GROUP_RUNNERS_DONE)
@require_POST
def agenda_publish(request, pk):
    meeting = meeting_for_edit(request, pk)
    try:
        agenda_services.agenda_publish(meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The agenda is published; the group's members have been told.")
    return redirect(meeting.get_absolute_url())


# Attendance ----------------------------------------------------------------------


def _attendance_choices(meeting: Meeting, lines):
    items = selectors.agenda_items_in_order(meeting=meeting)
    item_choices = [(item.pk, f"{item.number}. {item.title}"[:80]) for item in items]
    member_choices = [
        (line.person.pk, f"{line.person.name} ({line.agency.label})") for line in lines if line.is_member
    ]
    return items, item_choices, member_choices


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def attendance_edit(request, pk):
    meeting = meeting_for_edit(request, pk)
    if selectors.record_locked(meeting):
        # Approved minutes lock the attendance: a correction is a recorded amendment.
        messages.info(
            request, "The minutes of this meeting are approved: correct the attendance as an amendment."
        )
        return redirect("governance:minutes_amend_attendance", meeting.pk)
    lines = attendance_services.attendance_prefill(meeting=meeting)
    items, item_choices, member_choices = _attendance_choices(meeting, lines)
    form_kwargs = {"item_choices": item_choices, "member_choices": member_choices}
    formset = AttendanceFormSet(request.POST or None, lines=lines, form_kwargs=form_kwargs, prefix="line")
    if request.method == "POST" and formset.is_valid():
        people = {line.person.pk: line.person for line in lines}
        item_by_pk = {item.pk: item for item in items}
        try:
            attendance_services.attendance_record_lines(
                meeting=meeting,
                lines=[_line_arguments(form.cleaned_data, people, item_by_pk) for form in formset.forms],
            )
        except attendance_services.AttendanceLinesError as error:
            for index, line_error in error.line_errors.items():
                apply_service_errors(formset.forms[index], line_error)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Attendance saved.")
            return redirect(meeting.get_absolute_url())
    if len(formset.forms) != len(lines):
        # A POST without the lines' management form (stale or hand-made): nothing was saved;
        # the lines are shown afresh rather than failing.
        messages.error(request, "The attendance form was incomplete, so nothing was saved. Please try again.")
        formset = AttendanceFormSet(None, lines=lines, form_kwargs=form_kwargs, prefix="line")
    listed = [line.person.pk for line in lines]
    return render(
        request,
        "governance/attendance_edit.html",
        {
            "title": f"Attendance: {meeting}",
            "breadcrumbs": meeting_breadcrumbs(meeting),
            "meeting": meeting,
            "rows": list(zip(lines, formset.forms, strict=True)),
            "formset": formset,
            "add_form": AttendanceAddForm(meeting=meeting, listed_person_ids=listed),
        },
    )


def _line_arguments(data, people, item_by_pk) -> dict:
    arguments = {"person": people[data["person"]], "status": data["status"]}
    if not data["status"]:
        return arguments
    deputy_for = data.get("deputy_for")
    arguments.update(
        deputy_for=people.get(deputy_for) if deputy_for else None,
        apology_reason=data.get("apology_reason", ""),
        apology_valid=data.get("apology_valid"),
        arrived_for_item=item_by_pk.get(data.get("arrived_for_item")),
        arrived_at=data.get("arrived_at"),
        left_before_item=item_by_pk.get(data.get("left_before_item")),
        left_at=data.get("left_at"),
    )
    return arguments


@access(GROUP_RUNNERS)
@require_GET
def attendance_person_lookup(request, pk):
    """Type-ahead options for adding someone to the attendance: active people not yet listed."""
    meeting = meeting_for_edit(request, pk)
    listed = [line.person.pk for line in attendance_services.attendance_prefill(meeting=meeting)]
    return typeahead_response(request, active_people().exclude(pk__in=listed))


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def attendance_add(request, pk):
    meeting = meeting_for_edit(request, pk)
    if selectors.record_locked(meeting):
        messages.info(
            request, "The minutes of this meeting are approved: correct the attendance as an amendment."
        )
        return redirect("governance:minutes_amend_attendance", meeting.pk)
    listed = [line.person.pk for line in attendance_services.attendance_prefill(meeting=meeting)]
    form = AttendanceAddForm(request.POST or None, meeting=meeting, listed_person_ids=listed)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                attendance_services.attendance_record(
                    meeting=meeting,
                    person=data["person"],
                    status=data["status"],
                    deputy_for=data["deputy_for"],
                )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Added {data['person']} to the attendance.")
            return redirect("governance:attendance_edit", pk=meeting.pk)
    return _render_form(
        request,
        form,
        title="Add someone to the attendance",
        cancel_url=reverse("governance:attendance_edit", args=[meeting.pk]),
        breadcrumbs=[
            *meeting_breadcrumbs(meeting),
            ("Attendance", reverse("governance:attendance_edit", args=[meeting.pk])),
        ],
    )
