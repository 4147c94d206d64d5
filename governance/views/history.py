"""The History tab of every governance record: who changed what and when, field by field.

One view and one template, driven by HISTORY_RECORDS: for each kind of record, the URL
segment it lives under and the fetch-and-check helper that says who may see it (those of
views/access.py, so the history is visible exactly to those who may see the record). Admins
see every record's; others what they may see.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.access import AccessRule, access
from governance.access_rules import (
    GROUP_MEMBERS,
    GROUP_RUNNERS,
    MEETING_VIEWERS,
    PAPER_READERS,
    PARTNERSHIP_VIEWERS,
)
from governance.models import AgendaItem, Attendance, Decision, Group, Membership, Minutes
from governance.permissions import may_see_item
from governance.selectors.history import record_history
from governance.selectors.minutes import minutes_access
from governance.views.access import (
    VIEW_MEETING,
    action_for_view,
    check_perm,
    group_for,
    meeting_for_view,
    paper_for_view,
)


def _group(request, pk: int) -> Group:
    return group_for(request, pk, "governance.view_partnership")


def _membership(request, pk: int) -> Membership:
    membership = get_object_or_404(Membership.objects.select_related("person", "group"), pk=pk)
    check_perm(request.user, "governance.view_partnership")
    return membership


def _visible_item(request, item: AgendaItem) -> None:
    check_perm(request.user, VIEW_MEETING, item.meeting)
    if not may_see_item(request.user, item, item.meeting):
        raise Http404("No such agenda item.")


def _agenda_item(request, pk: int) -> AgendaItem:
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__group", "parent"), pk=pk)
    _visible_item(request, item)
    return item


def _attendance(request, pk: int) -> Attendance:
    attendance = get_object_or_404(Attendance.objects.select_related("meeting__group", "person"), pk=pk)
    check_perm(request.user, VIEW_MEETING, attendance.meeting)
    return attendance


def _decision(request, pk: int) -> Decision:
    decision = get_object_or_404(
        Decision.objects.select_related("agenda_item__meeting__group", "agenda_item__parent"), pk=pk
    )
    _visible_item(request, decision.agenda_item)
    return decision


def _minutes(request, pk: int) -> Minutes:
    """Draft minutes' history is for those who may read the draft (as the minutes page)."""
    minutes = get_object_or_404(Minutes.objects.select_related("meeting__group"), pk=pk)
    if minutes_access(request.user, meeting=minutes.meeting, minutes=minutes) is None:
        raise PermissionDenied
    return minutes


def _paper(request, pk: int):
    paper, _, _ = paper_for_view(request, pk)
    return paper


@dataclass(frozen=True)
class HistoryRecord:
    name: str  # the URL name is `<name>_history`
    segment: str  # the path: `<segment>/<pk>/history/`
    label: str
    fetch: Callable[..., models.Model]
    rule: AccessRule


HISTORY_RECORDS = [
    HistoryRecord("group", "groups", "Group", _group, PARTNERSHIP_VIEWERS),
    HistoryRecord("membership", "memberships", "Membership", _membership, PARTNERSHIP_VIEWERS),
    HistoryRecord(
        "meeting", "meetings", "Meeting", lambda request, pk: meeting_for_view(request, pk), MEETING_VIEWERS
    ),
    HistoryRecord("agenda_item", "agenda-items", "Agenda item", _agenda_item, MEETING_VIEWERS),
    HistoryRecord("attendance", "attendance", "Attendance", _attendance, MEETING_VIEWERS),
    HistoryRecord("decision", "decisions", "Decision", _decision, MEETING_VIEWERS),
    HistoryRecord("minutes", "minutes", "Minutes", _minutes, GROUP_RUNNERS),
    HistoryRecord("action", "actions", "Action", action_for_view, GROUP_MEMBERS),
    HistoryRecord("paper", "papers", "Paper", _paper, PAPER_READERS),
]


def history_view(record: HistoryRecord):
    """The History page of one kind of record, with that kind's access rule declared on it."""

    @access(record.rule)
    @require_GET
    def view(request, pk):
        instance = record.fetch(request, pk)
        page_obj, entries = record_history(instance, page_number=request.GET.get("page"))
        back = instance.get_absolute_url() if hasattr(instance, "get_absolute_url") else None
        return render(
            request,
            "governance/record_history.html",
            {
                "title": f"History: {instance}",
                "record_label": record.label,
                "instance": instance,
                "back_url": back,
                "page_obj": page_obj,
                "entries": entries,
                "querystring": "",
            },
        )

    view.__name__ = view.__qualname__ = f"{record.name}_history"
    return view
