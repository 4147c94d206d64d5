from django.db import models


class ClosureDay(models.Model):
    """A non-working day the partnership adds to England's bank holidays (e.g. a Christmas closure)."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["date"]
        db_table = "hscp_closureday"  # kept from when it lived in the project package

    def __str__(self):
        return f"{self.date:%d %b %Y}: {self.reason}"
