"""The home page by role, the partner dashboard and the records behind its figures. Thin:
check who may open it, read the filters, call a selector, render."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.access import access
from core.views import paginate
from dashboards import charts, panels, rules
from dashboards.access_rules import PARTNER_DASHBOARD
from dashboards.forms import ActionsBehindForm, AttendanceBehindForm, DashboardFilterForm
from dashboards.permissions import may_view_partner_dashboard
from dashboards.selectors import home as home_selectors
from dashboards.selectors import partner as partner_selectors
from governance.access_rules import LOGGED_IN
from governance.models import ActionStatus, Agency
from governance.page_cache_rules import leave_out_case_material
from governance.permissions import can_view_partnership, is_staff_of_partnership
from governance.selectors.actions import decorate

DASHBOARD_CRUMB = ("Partner dashboard", "dashboards:partner")


@access(LOGGED_IN)
def home(request):
    """The landing page: the user's next meetings, their actions and papers they owe; the
    secretariat's work list; a chair's action plan summary."""
    context = {"has_partnership_access": can_view_partnership(request.user)}
    if context["has_partnership_access"]:
        context.update(home_selectors.home_for(request.user))
        leave_out_case_material(request, context.get("my_outstanding_actions", []))
        context["may_view_partner_dashboard"] = may_view_partner_dashboard(request.user)
    return render(request, "dashboards/home.html", context)


def _check_dashboard(user) -> None:
    if not may_view_partner_dashboard(user):
        raise PermissionDenied


def _filters(request, form_class, **kwargs):
    """The page's filter form, bound to the query string (unbound without one: the defaults)."""
    groups = partner_selectors.group_choices(request.user)
    form = form_class(request.GET or None, groups=groups, **kwargs)
    if form.is_bound:
        form.is_valid()
    months, group = form.chosen()
    today = timezone.localdate()
    return form, rules.rolling_period(today=today, months=months), group, today


@access(PARTNER_DASHBOARD)
@require_GET
def partner_dashboard(request):
    """The partner dashboard: attendance by agency, the quoracy record, actions by agency and
    status and the overdue trend, each chart beside its table, each figure a link to its records.
    A plain GET (the benchmark times it)."""
    _check_dashboard(request.user)
    form, period, group, _today = _filters(request, DashboardFilterForm)
    dashboard = partner_selectors.partner_dashboard(user=request.user, period=period, group=group)
    dashboard.panels = panels.partner_panels(today=timezone.localdate(), period=period, user=request.user)
    scope = {"period": period.months, **({"group": group.pk} if group else {})}
    return render(
        request,
        "dashboards/partner_dashboard.html",
        {
            "title": "Partner dashboard",
            "form": form,
            "dashboard": dashboard,
            "scope": scope,
            "scope_query": urlencode(scope),
            "statuses": list(ActionStatus),
            "attendance_columns": partner_selectors.ATTENDANCE_COLUMNS,
            "attendance_chart": charts.attendance_chart(dashboard.attendance),
            "quoracy_chart": charts.quoracy_chart(dashboard.quoracy),
            "actions_chart": charts.actions_chart(dashboard.actions),
            "trend_chart": charts.trend_chart(dashboard.trend),
            "is_staff": is_staff_of_partnership(request.user),
        },
    )


def _crumbs():
    label, name = DASHBOARD_CRUMB
    return [(label, reverse(name))]


@access(PARTNER_DASHBOARD)
@require_GET
def partner_actions(request):
    """The actions behind a figure of the partner dashboard, each linking to its page."""
    _check_dashboard(request.user)
    form, period, group, today = _filters(request, ActionsBehindForm)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    actions = partner_selectors.actions_behind(
        user=request.user,
        period=period,
        group=group,
        today=today,
        agency=data.get("agency", ""),
        status=data.get("status", ""),
        overdue=data.get("overdue", False),
        overdue_on=data.get("overdue_on"),
    )
    page_obj, querystring = paginate(request, actions)
    page_obj.object_list = decorate(page_obj.object_list, today=today)
    agency = data.get("agency", "")
    agency_name = ""
    if agency == partner_selectors.NO_AGENCY:
        agency_name = "No lead agency"
    elif agency:
        agency_name = Agency.objects.filter(pk=int(agency)).values_list("name", flat=True).first() or ""
    return render(
        request,
        "dashboards/partner_actions.html",
        {
            "title": "Actions behind the figure",
            "breadcrumbs": _crumbs(),
            "form": form,
            "page_obj": page_obj,
            "querystring": querystring,
            "period": period,
            "group": group,
            "agency_name": agency_name,
            "status_label": ActionStatus(data["status"]).label if data.get("status") else "",
            "overdue": data.get("overdue", False),
            "overdue_on": data.get("overdue_on"),
        },
    )


@access(PARTNER_DASHBOARD)
@require_GET
def partner_attendance(request):
    """An agency's attendance lines behind the attendance figure, each linking to its meeting."""
    _check_dashboard(request.user)
    form, period, group, _today = _filters(request, AttendanceBehindForm)
    agency = form.cleaned_data.get("agency") if form.is_bound and form.is_valid() else None
    lines = (
        partner_selectors.attendance_behind(
            user=request.user, period=period, group=group, agency_id=agency.pk, now=timezone.now()
        )
        if agency is not None
        else []
    )
    page_obj, querystring = paginate(request, lines)
    return render(
        request,
        "dashboards/partner_attendance.html",
        {
            "title": f"Attendance: {agency.name}" if agency else "Attendance by agency",
            "breadcrumbs": _crumbs(),
            "form": form,
            "agency": agency,
            "page_obj": page_obj,
            "querystring": querystring,
            "period": period,
            "group": group,
        },
    )
