"""What each API endpoint says of a record: plain fields, no case review detail ever."""

from rest_framework import serializers

from governance import action_rules
from governance.models import Action, Group, Meeting
from governance.selectors.redaction import redact


class GroupSerializer(serializers.ModelSerializer):
    reports_to = serializers.PrimaryKeyRelatedField[Group](many=True, read_only=True)

    class Meta:
        model = Group
        fields = [
            "id",
            "name",
            "short_name",
            "kind",
            "reports_to",
            "meeting_frequency",
            "quorum_rule",
            "active",
        ]


class MeetingSerializer(serializers.ModelSerializer):
    group_name = serializers.CharField(source="group.name", read_only=True)
    agenda_published = serializers.SerializerMethodField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "group",
            "group_name",
            "starts_at",
            "ends_at",
            "status",
            "location",
            "agenda_published",
        ]

    def get_agenda_published(self, meeting: Meeting) -> bool:
        return meeting.agenda_published_at is not None


class AttendanceByAgencySerializer(serializers.Serializer):
    agency_id = serializers.IntegerField()
    agency = serializers.CharField(source="name")
    present = serializers.IntegerField()
    deputy = serializers.IntegerField()
    apologies = serializers.IntegerField()
    absent = serializers.IntegerField()
    attended = serializers.IntegerField()
    expected = serializers.IntegerField()
    rate = serializers.IntegerField(
        allow_null=True, help_text="Per cent attended of expected; null: none expected."
    )


class ActionSerializer(serializers.ModelSerializer):
    """An action as its log shows it to the token's user; one agreed at a confidential item they
    may not see says only "A confidential action", its number, due date and status."""

    group_name = serializers.CharField(source="group.name", read_only=True)
    lead_agency = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField(
        help_text="Past its due date and not finished (its due status)."
    )
    confidential = serializers.SerializerMethodField()

    class Meta:
        model = Action
        fields = [
            "id",
            "group",
            "group_name",
            "number",
            "title",
            "description",
            "lead_agency",
            "status",
            "due_date",
            "completed_on",
            "overdue",
            "source",
            "confidential",
        ]

    def get_lead_agency(self, action: Action) -> str | None:
        return action.lead_agency.name if action.lead_agency else None

    def get_overdue(self, action: Action) -> bool:
        return action_rules.is_overdue(action.status, action.due_date, self.context["today"])

    def get_confidential(self, action: Action) -> bool:
        return bool(getattr(action, "redacted", False))

    def to_representation(self, action: Action):
        if getattr(action, "redacted", False):
            redact(action)  # in memory only: what it says is taken off the row
        return super().to_representation(action)


class TrainingTakeUpSerializer(serializers.Serializer):
    agency_id = serializers.IntegerField()
    agency = serializers.CharField(source="agency_name")
    sector = serializers.CharField()
    booked = serializers.IntegerField(help_text="Places taken, including those later cancelled.")
    attended = serializers.IntegerField()
    no_shows = serializers.IntegerField()
    cancellations = serializers.IntegerField()
    late_cancellations = serializers.IntegerField()
    workforce = serializers.IntegerField(
        allow_null=True, help_text="The agency's workforce; null: not known."
    )
    attended_per_hundred = serializers.FloatField(allow_null=True, help_text="Attended per 100 staff.")
