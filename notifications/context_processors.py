from notifications.models import Notification


def unread(request):
    """The bell's unread count, computed only when the navigation bar asks for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_unread_notifications": lambda: Notification.objects.filter(
            recipient__user=user, read_at__isnull=True
        ).count()
    }
