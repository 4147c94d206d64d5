"""The in-app notification centre: a person's messages, newest first."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from core.access import access, rule
from core.views import paginate
from notifications.forms import NotificationPreferencesForm
from notifications.models import Notification, NotificationPreference
from notifications.services import (
    DIGEST_KIND,
    notification_mark_read,
    notification_preferences_set,
    notifications_mark_all_read,
)

# Every logged-in user has a notification centre (empty without a directory entry).
LOGGED_IN = rule("every logged-in user", default=200)
# Marking one read: the recipient (the matrix's member) follows it; anyone else is told there
# is no such notification; those with no directory entry go back to the list.
READ_ONE = rule("the recipient", method="POST", default=404, member=302, no_role=302, partner=302, admin=302)


def _person(request):
    return getattr(request.user, "person", None)


@access(LOGGED_IN)
def notification_list(request):
    person = _person(request)
    notifications = Notification.objects.none()
    if person is not None:
        # A daily digest is only the e-mail of notifications already listed here.
        notifications = Notification.objects.filter(recipient=person).exclude(kind=DIGEST_KIND)
        notifications = notifications.order_by("-created_at")
    if request.GET.get("show") == "unread":
        notifications = notifications.filter(read_at__isnull=True)
    page, querystring = paginate(request, notifications)
    return render(
        request,
        "notifications/notification_list.html",
        {
            "title": "Notifications",
            "page_obj": page,
            "notifications": page.object_list,
            "has_person": person is not None,
            "querystring": querystring,
        },
    )


@access(READ_ONE)
@require_POST
def notification_read(request, pk):
    """Mark one as read, then follow its link (or return to the list)."""
    person = _person(request)
    notification = get_object_or_404(Notification, pk=pk, recipient=person) if person else None
    if notification is None:
        return redirect("notification_list")
    notification_mark_read(notification=notification)
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notification_list")


@access(LOGGED_IN.with_method("POST", default=302))
@require_POST
def notification_read_all(request):
    person = _person(request)
    if person is not None:
        count = notifications_mark_all_read(person=person)
        messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} as read.")
    return redirect("notification_list")


@access(LOGGED_IN, LOGGED_IN.with_method("POST"))
def notification_preferences(request):
    """Per kind: e-mail straight away, a daily digest, or the notification centre only."""
    person = _person(request)
    context = {
        "title": "Notification preferences",
        "breadcrumbs": [("Notifications", reverse("notification_list"))],
        "person": person,
    }
    if person is None:
        return render(request, "notifications/notification_preferences.html", context)
    current = dict(NotificationPreference.objects.filter(person=person).values_list("kind", "delivery"))
    form = NotificationPreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        notification_preferences_set(person=person, deliveries=form.cleaned_data)
        messages.success(request, "Your notification preferences are saved.")
        return redirect("notification_preferences")
    context["form"] = form
    return render(request, "notifications/notification_preferences.html", context)
