"""The monthly retention listing (a thin task calling the service)."""

from celery import shared_task
from django.utils import timezone

from privacy.services import retention_reviews_list


@shared_task
def list_records_due_for_retention() -> int:
    """List what has passed its retention period, for an admin to confirm on the retention page."""
    return len(retention_reviews_list(now=timezone.now()))
