"""Fetch-and-check helpers shared by every governance view: one place that says who may
reach an object, so no view fetches without checking.

Each `<object>_for_<use>(request, pk)` returns the object or raises: 404 when there is no
such object (or the user may not know it exists, as with a confidential item's paper), 403
when the user may not do this with it.
"""

from collections.abc import Callable

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.functional import Promise

from governance.models import Action, AgendaItem, Decision, Group, Meeting, Paper
from governance.permissions import may_see_draft_agenda, may_see_item
from governance.selectors import actions as action_selectors
from governance.selectors import meetings as meeting_selectors
from governance.selectors import papers as paper_selectors

STRUCTURE_CRUMB = ("Structure", reverse_lazy("governance:structure"))
AGENCIES_CRUMB = ("Agencies", reverse_lazy("governance:agency_list"))
PEOPLE_CRUMB = ("People", reverse_lazy("governance:person_list"))
# A breadcrumb: its label and its URL (lazy for the fixed pages).
Crumb = tuple[str, str | Promise]

MEETINGS_CRUMB = ("Meetings", reverse_lazy("governance:meeting_list"))

VIEW_MEETING = "governance.view_meeting"
MANAGE_MEETING = "governance.manage_meeting"


def meeting_breadcrumbs(meeting: Meeting, *, this_page: bool = False) -> list[Crumb]:
    """The trail of the meeting pages: Meetings, the group, the meeting's date (left out on
    the meeting's own page)."""
    crumbs: list[Crumb] = [
        MEETINGS_CRUMB,
        (meeting.group.label, reverse("governance:group_meetings", args=[meeting.group_id])),
    ]
    if not this_page:
        crumbs.append((f"{meeting.local_date:%-d %b %Y}", meeting.get_absolute_url()))
    return crumbs


def check_perm(user, perm: str, obj=None) -> None:
    """403 unless the user holds the permission (on the object, when given)."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _fetch(fetch: Callable, *args, **kwargs):
    """The object `fetch` reads, or 404."""
    try:
        return fetch(*args, **kwargs)
    except ObjectDoesNotExist:
        raise Http404 from None


# Meetings and their agenda items ------------------------------------------------------


def meeting_for(request, pk: int, perm: str, *, fetch: Callable[[int], Meeting] | None = None) -> Meeting:
    """The meeting (read by `fetch`, by default with its group, chair, minute-taker and
    minutes) if the user holds `perm` on it: 404 when missing, 403 when not allowed."""
    meeting = _fetch(fetch or meeting_selectors.meeting_with_details, pk)
    check_perm(request.user, perm, meeting)
    return meeting


def meeting_for_view(request, pk: int, *, fetch: Callable[[int], Meeting] | None = None) -> Meeting:
    return meeting_for(request, pk, VIEW_MEETING, fetch=fetch)


def meeting_for_edit(request, pk: int, *, fetch: Callable[[int], Meeting] | None = None) -> Meeting:
    """A meeting the user runs (the secretariat, the group's chair)."""
    return meeting_for(request, pk, MANAGE_MEETING, fetch=fetch)


def agenda_item_for_edit(request, pk: int) -> AgendaItem:
    """An agenda item (with its meeting and group) of a meeting the user runs."""
    item = _fetch(meeting_selectors.agenda_item_with_meeting, pk)
    check_perm(request.user, MANAGE_MEETING, item.meeting)
    return item


def decision_for_edit(request, pk: int) -> Decision:
    """A decision (with its item, meeting and group) of a meeting the user runs."""
    decision = _fetch(Decision.objects.select_related("agenda_item__meeting__group").get, pk=pk)
    check_perm(request.user, MANAGE_MEETING, decision.agenda_item.meeting)
    return decision


def meeting_for_action_review(request, pk: int) -> Meeting:
    """A meeting whose action log review the user may see: the meeting and its group's log."""
    meeting = meeting_for_view(request, pk, fetch=meeting_selectors.meeting_with_group)
    check_perm(request.user, "governance.view_actions", meeting.group)
    return meeting


# Groups ------------------------------------------------------------------------------


def group_for(request, pk: int, perm: str) -> Group:
    """The group if the user holds `perm` on it: 404 when missing, 403 when not allowed."""
    group = get_object_or_404(Group, pk=pk)
    check_perm(request.user, perm, group)
    return group


def group_for_actions(request, pk: int) -> Group:
    """A group whose action log the user may read."""
    return group_for(request, pk, "governance.view_actions")


# Actions -----------------------------------------------------------------------------


def action_for_view(request, pk: int) -> Action:
    """An action with its trail, owners and hand-overs: 404 when missing or when its source
    hides it from the user. An owner always sees their own action, even without a role in
    the partnership."""
    action = _fetch(action_selectors.action_for_detail, pk, user=request.user)
    user = request.user
    if not (
        user.has_perm("governance.view_actions", action.group)
        or user.has_perm("governance.update_action", action)
    ):
        raise PermissionDenied
    return action


def action_for_update(request, pk: int) -> Action:
    action = action_for_view(request, pk)
    check_perm(request.user, "governance.update_action", action)
    return action


def action_for_hand_over(request, pk: int) -> Action:
    action = action_for_view(request, pk)
    check_perm(request.user, "governance.hand_over_action", action)
    return action


# Papers ------------------------------------------------------------------------------


def agenda_item_for_papers(request, meeting_pk: int, item_pk: int) -> AgendaItem:
    """An agenda item the user may see, for its papers: 403 without the meeting, 404 for a
    confidential item the user may not know about."""
    item = paper_selectors.agenda_item_for_papers(meeting_pk=meeting_pk, item_pk=item_pk)
    check_perm(request.user, VIEW_MEETING, item.meeting)
    if not may_see_item(request.user, item, item.meeting):
        raise Http404("No such agenda item.")
    if not may_see_draft_agenda(request.user, item.meeting):
        raise Http404("No such agenda item.")  # a draft agenda is not published yet
    return item


def paper_for_view(request, pk: int) -> tuple[Paper, AgendaItem, Meeting]:
    """The paper, its item and meeting: 403 without the meeting, 404 for a paper under a
    confidential item the user may not see."""
    paper = paper_selectors.paper_for_download(pk)
    item = paper.agenda_item
    meeting = item.meeting
    check_perm(request.user, VIEW_MEETING, meeting)
    if not may_see_item(request.user, item, meeting):
        raise Http404("No such paper.")
    submitter = request.user.is_authenticated and paper.submitted_by_id == request.user.pk
    if not (submitter or may_see_draft_agenda(request.user, meeting)):
        raise Http404("No such paper.")  # under a draft agenda, not published yet
    return paper, item, meeting
