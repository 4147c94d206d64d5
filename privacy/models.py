from django.conf import settings
from django.db import models


class RetentionReview(models.Model):
    """One monthly listing of a record type's rows past their retention period, for an admin
    to confirm. Confirming applies the period up to this listing's cutoff, so what is deleted
    is what the admin reviewed, not what has fallen due since."""

    record_type = models.CharField(max_length=30)
    cutoff = models.DateField()
    due_count = models.PositiveIntegerField()
    listed_at = models.DateTimeField()
    applied_at = models.DateTimeField(null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    applied_count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-listed_at", "record_type"]
        indexes = [models.Index(fields=["record_type", "-listed_at"])]

    def __str__(self):
        return f"{self.record_type}: {self.due_count} due before {self.cutoff:%d %b %Y}"
