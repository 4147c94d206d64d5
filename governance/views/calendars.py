"""Meetings in people's calendars: a .ics per meeting, and secret subscription feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from core.access import access
from governance.access_rules import (
    CALENDAR_FEED_CREATE,
    CALENDAR_FEED_REVOKE,
    LOGGED_IN,
    MEETING_VIEWERS,
    PUBLIC,
    STAFF_DONE,
)
from governance.calendars import meetings_calendar
from governance.forms.papers import GroupFeedForm
from governance.models import CalendarFeedToken
from governance.selectors import calendars as selectors
from governance.services import calendars as services
from governance.views.access import check_perm, meeting_for_view

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
# The secretariat looks after group feeds (the partnership's public diary of a group).
GROUP_FEED_PERM = "governance.manage_structure"


def _ics_response(ics: bytes, filename: str, *, attachment: bool) -> HttpResponse:
    response = HttpResponse(ics, content_type=ICS_CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _meeting_url(request):
    return lambda meeting: request.build_absolute_uri(meeting.get_absolute_url())


@access(MEETING_VIEWERS)
@require_GET
def meeting_ics(request, pk):
    meeting = meeting_for_view(request, pk, fetch=selectors.meeting_for_calendar)
    ics = meetings_calendar([meeting], name=str(meeting), meeting_url=_meeting_url(request))
    filename = f"{slugify(meeting.group.label)}-{meeting.local_date:%Y-%m-%d}.ics"
    return _ics_response(ics, filename, attachment=True)


@access(PUBLIC)
@login_not_required
@never_cache
@require_GET
def calendar_feed(request, token):
    """Read by calendar programs, which cannot log in: the secret token is the only key."""
    feed = selectors.active_feed(token)
    name = f"{feed.group.name} meetings" if feed.group_id else f"{feed.person.name}: partnership meetings"
    ics = meetings_calendar(selectors.feed_meetings(feed), name=name, meeting_url=_meeting_url(request))
    return _ics_response(ics, "meetings.ics", attachment=False)


# The address of a feed just created, kept in the session until the next page shows it:
# only the token's hash is stored, so the address can be shown this once.
NEW_FEED_SESSION_KEY = "governance_new_calendar_feed"


def feed_url(request, feed: CalendarFeedToken) -> str:
    return request.build_absolute_uri(reverse("governance:calendar_feed", args=[feed.token]))


def _remember_new_feed(request, feed: CalendarFeedToken) -> None:
    request.session[NEW_FEED_SESSION_KEY] = {"pk": feed.pk, "url": feed_url(request, feed)}


def _show_new_feed(request, feeds: list[CalendarFeedToken]) -> None:
    """Give the feed just created its address (once); the others show none."""
    new = request.session.pop(NEW_FEED_SESSION_KEY, None) or {}
    for feed in feeds:
        feed.url = new.get("url") if feed.pk == new.get("pk") else None


def _subscriptions_url():
    return reverse("governance:calendar_subscriptions")


@access(LOGGED_IN)
@require_GET
def calendar_subscriptions(request):
    user = request.user
    person = getattr(user, "person", None)
    can_manage_group_feeds = user.has_perm(GROUP_FEED_PERM)
    personal = list(selectors.personal_feeds(person))
    group_feeds = []
    if can_manage_group_feeds:
        group_feeds = list(selectors.group_feeds().order_by("group__name", "-created_at"))
    _show_new_feed(request, personal + group_feeds)
    context = {
        "title": "Calendar subscriptions",
        "person": person,
        "personal_feeds": personal,
        "can_manage_group_feeds": can_manage_group_feeds,
    }
    if can_manage_group_feeds:
        context["group_feeds"] = group_feeds
        group_form = GroupFeedForm()
        group_form.helper.form_action = reverse("governance:calendar_group_feed_create")
        context["group_form"] = group_form
    return render(request, "governance/calendar_subscriptions.html", context)


@access(CALENDAR_FEED_CREATE)
@require_POST
def calendar_feed_create(request):
    person = getattr(request.user, "person", None)
    if person is None:
        raise PermissionDenied
    _remember_new_feed(request, services.calendar_feed_create(person=person))
    messages.success(
        request,
        "Your new calendar address is ready. Copy it into your calendar program now: "
        "it is shown only this once (the site keeps no readable copy).",
    )
    return redirect(_subscriptions_url())


@access(STAFF_DONE)
@require_POST
def calendar_group_feed_create(request):
    check_perm(request.user, GROUP_FEED_PERM)
    form = GroupFeedForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a group for the calendar feed.")
        return redirect(_subscriptions_url())
    group = form.cleaned_data["group"]
    _remember_new_feed(request, services.calendar_feed_create(group=group))
    messages.success(
        request, f"Created a calendar address for {group}. Copy it now: it is shown only this once."
    )
    return redirect(_subscriptions_url())


@access(CALENDAR_FEED_REVOKE)
@require_POST
def calendar_feed_revoke(request, pk):
    feed = get_object_or_404(CalendarFeedToken.objects.select_related("person"), pk=pk)
    user = request.user
    own = feed.person is not None and feed.person.user_id == user.pk
    if not own and not user.has_perm(GROUP_FEED_PERM):
        raise Http404("No such calendar address.")
    services.calendar_feed_revoke(feed=feed)
    messages.success(request, "Revoked the calendar address: calendars using it get no more updates.")
    return redirect(_subscriptions_url())
