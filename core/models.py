from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords


class ClosureDay(models.Model):
    """A non-working day the partnership adds to England's bank holidays (e.g. a Christmas closure)."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        db_table = "hscp_closureday"  # kept from when it lived in the project package

    def __str__(self):
        return f"{self.date:%d %b %Y}: {self.reason}"


class QuorumCounting(models.TextChoices):
    """Who counts towards a statutory partner's representation (arrangements s.8: "represented
    by a member or an authorised deputy"). Kept here because the partnership's settings hold
    the default; governance.choices re-exports it for the groups and the quoracy rule."""

    MEMBERS_AND_REGISTERED_DEPUTIES = (
        "members_and_deputies",
        "Current members from the partner agency, or a deputy registered for one of them",
    )
    ANYONE_FROM_PARTNER = "anyone_from_partner", "Anyone present from the partner agency"


class PartnershipSettings(models.Model):
    """The partnership's own settings, changed by admins on the settings page (one row).

    Until an admin first saves the page there is no row, and the values come from the
    environment (hscp/settings.py) or the defaults below: those are first defaults only.
    """

    SINGLETON_PK = 1

    paper_deadline_days = models.PositiveSmallIntegerField(
        "paper deadline for new groups (days)",
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="New groups start with papers due this many days before their meetings; "
        "each group can change its own on its page.",
    )
    due_soon_days = models.PositiveSmallIntegerField(
        "due-soon window (days)",
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text="An outstanding action due within this many days is shown amber, “Due soon”.",
    )
    paper_reminder_working_days = models.PositiveSmallIntegerField(
        "paper reminders (working days before the deadline)",
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="Presenters with no paper yet are reminded from this many working days before the "
        "deadline.",
    )
    paper_escalation_working_days = models.PositiveSmallIntegerField(
        "late-paper escalation (working days before the deadline)",
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="A paper still missing from a statutory partner's staff this many working days before "
        "the deadline is escalated to that partner's board member.",
    )
    minutes_reminder_working_days = models.PositiveSmallIntegerField(
        "minutes chasing (working days after the meeting)",
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Minutes still in draft this many working days after a held meeting are chased.",
    )
    quoracy_forecast_working_days = models.PositiveSmallIntegerField(
        "quoracy forecasts (working days before the meeting)",
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="Warnings that a meeting will not be quorate start this many working days before it.",
    )
    reminder_weekly_hour = models.PositiveSmallIntegerField(
        "weekly lists (hour)",
        validators=[MaxValueValidator(23)],
        help_text="Hour (UK time, 0 to 23) of the weekly overdue-action lists, on the first working day "
        "of the week.",
    )
    notification_digest_hour = models.PositiveSmallIntegerField(
        "daily digest (hour)",
        validators=[MaxValueValidator(23)],
        help_text="Hour (UK time, 0 to 23) of the daily digest e-mail for people who chose digests.",
    )
    quorum_counting = models.CharField(
        "who counts towards quoracy by default",
        max_length=30,
        choices=QuorumCounting.choices,
        help_text="Groups follow this unless their own page says otherwise.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "partnership settings"
        verbose_name_plural = "partnership settings"
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="partnership_settings_single_row"),
        ]

    def __str__(self):
        return "Partnership settings"
