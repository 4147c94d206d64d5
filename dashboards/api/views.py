"""The read-only API: each endpoint a list, paginated, limited to what the caller may see.

Who: the partner dashboard's people (board members, partner readers, the secretariat, admins),
by a token an admin creates for them in the admin site (DRF's TokenAuthentication: the header
`Authorization: Token <key>`), or by their logged-in session (so the schema can be tried in a
browser). Without either: 401. Case reviews have no endpoint, and actions from case reviews or
from need-to-know logs are never listed, whoever asks.
"""

import datetime

from django.contrib.auth.decorators import login_not_required
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import BasePermission, IsAuthenticated

from core.access import access
from dashboards import rules
from dashboards.access_rules import API_READERS, API_SCHEMA
from dashboards.api import serializers
from dashboards.permissions import may_view_partner_dashboard
from dashboards.selectors import partner as partner_selectors
from governance.models import ActionSource, ActionStatus, Group, LogReaders
from governance.selectors.actions import actions_visible_to_user
from governance.selectors.meetings import meetings_visible_to
from training.selectors import take_up_by_agency


class MayReadDashboards(BasePermission):
    message = "The API is for board members, partner readers and the partnership team."

    def has_permission(self, request, view) -> bool:
        return bool(may_view_partner_dashboard(request.user))


class Pages(PageNumberPagination):
    """`?page=` and `?page_size=` (at most 1,000 rows a page)."""

    page_size_query_param = "page_size"
    max_page_size = 1000


class ReadOnlyList(generics.ListAPIView):
    permission_classes = [IsAuthenticated, MayReadDashboards]
    pagination_class = Pages

    @classmethod
    def as_view(cls, **initkwargs):
        # Authentication is the API's (a token or the session), not the login page's.
        return login_not_required(super().as_view(**initkwargs))

    def _int_param(self, name: str) -> int | None:
        value = self.request.query_params.get(name, "")
        if not value:
            return None
        if not value.isdigit():
            raise ValidationError({name: "A whole number."})
        return int(value)

    def _period(self) -> rules.Period:
        months = self._int_param("period") or rules.DEFAULT_PERIOD_MONTHS
        if months not in rules.PERIOD_MONTHS:
            raise ValidationError({"period": f"One of {', '.join(map(str, rules.PERIOD_MONTHS))} months."})
        return rules.rolling_period(today=timezone.localdate(), months=months)


GROUP_PARAM = OpenApiParameter("group", int, description="Only this group's records.")
PERIOD_PARAM = OpenApiParameter(
    "period", int, description="A rolling window of 3, 6, 12 (default) or 24 months ending today."
)


@access(API_READERS)
class GroupList(ReadOnlyList):
    """The partnership's groups: the board, its subgroups and the rest of the structure."""

    serializer_class = serializers.GroupSerializer

    def get_queryset(self):
        return Group.objects.prefetch_related("reports_to").order_by("name")


@access(API_READERS)
@extend_schema(parameters=[GROUP_PARAM])
class MeetingList(ReadOnlyList):
    """Meetings the caller may see, latest first (cancelled ones included, with their status)."""

    serializer_class = serializers.MeetingSerializer

    def get_queryset(self):
        meetings = meetings_visible_to(self.request.user).select_related("group").order_by("-starts_at", "pk")
        group = self._int_param("group")
        return meetings.filter(group_id=group) if group else meetings


@access(API_READERS)
@extend_schema(parameters=[PERIOD_PARAM, GROUP_PARAM])
class AttendanceByAgencyList(ReadOnlyList):
    """Per agency, its attendance lines at meetings held in the period (cancelled meetings left
    out; a deputy counts for the agency they represent), as on the partner dashboard."""

    serializer_class = serializers.AttendanceByAgencySerializer

    def get_queryset(self):
        group_id = self._int_param("group")
        group = Group.objects.filter(pk=group_id).first() if group_id else None
        meetings = partner_selectors.meetings_in_period(
            user=self.request.user, period=self._period(), group=group, now=timezone.now()
        )
        if group_id and group is None:
            return []
        return [
            {
                "agency_id": row.agency_id,
                "name": row.name,
                **row.counts,
                "attended": row.attended,
                "expected": row.expected,
                "rate": row.rate,
            }
            for row in partner_selectors.attendance_by_agency(meetings)
        ]


@access(API_READERS)
@extend_schema(
    parameters=[
        GROUP_PARAM,
        OpenApiParameter("status", str, enum=ActionStatus.values, description="Only actions of this status."),
    ]
)
class ActionList(ReadOnlyList):
    """Actions in the logs the caller may read, by their sources' rules; none from a case review
    or a need-to-know log."""

    serializer_class = serializers.ActionSerializer

    def get_queryset(self):
        actions = (
            actions_visible_to_user(self.request.user)
            .exclude(source=ActionSource.CASE_REVIEW)
            .exclude(group__log_readers=LogReaders.MEMBERS_ONLY)
            .select_related("group", "lead_agency")
            .order_by("group__name", "number")
        )
        group = self._int_param("group")
        if group:
            actions = actions.filter(group_id=group)
        status = self.request.query_params.get("status", "")
        if status:
            if status not in ActionStatus.values:
                raise ValidationError({"status": f"One of {', '.join(ActionStatus.values)}."})
            actions = actions.filter(status=status)
        return actions

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": timezone.localdate()}


@access(API_READERS)
@extend_schema(parameters=[PERIOD_PARAM])
class TrainingTakeUpList(ReadOnlyList):
    """Per agency, places on multi-agency training sessions held in the period (training's own
    figures: booked, attended, no-shows, cancellations, per 100 staff)."""

    serializer_class = serializers.TrainingTakeUpSerializer

    def get_queryset(self):
        period = self._period()
        return take_up_by_agency(start=period.start, end=period.end - datetime.timedelta(days=1))


@access(API_SCHEMA)
class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema of the API (YAML, or JSON with ?format=json)."""

    authentication_classes: list = []
    permission_classes: list = []

    @classmethod
    def as_view(cls, **initkwargs):
        return login_not_required(super().as_view(**initkwargs))
