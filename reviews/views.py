"""The case review pages: thin views, each declaring who may open it (reviews/access_rules.py).

Every review is fetched through `review_for_view` / `review_for_edit`: to anyone who may not
see it, it does not exist (404). Each page that shows a review's case material records who saw
what and when (AccessLogEntry), the identifying details of its children separately.
"""

import datetime

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import access
from core.views import apply_service_errors, paginate
from core.workdays import closure_days, working_days_between
from governance.forms.typeahead import MEETING, USER, typeahead_response
from governance.models import Membership, Person, StatutoryRole
from reviews import clocks, selectors, services
from reviews.access_rules import (
    ADMINS,
    ADMINS_POST,
    ADMINS_REMOVE_POST,
    CLOCK_READERS,
    GRANT_MANAGERS,
    GRANT_MANAGERS_POST,
    GRANT_WITHDRAW_POST,
    NUMBERS,
    REPORT_SENDERS_POST,
    REVIEWERS,
    REVIEWERS_DONE,
    REVIEWERS_POST,
    REVIEWERS_POST_ONLY,
)
from reviews.choices import ReviewType
from reviews.forms import (
    SECTION_TITLES,
    AttachForm,
    BriefingForm,
    CdopReportForm,
    ClockRuleForm,
    GrantForm,
    InformationRequestForm,
    MilestoneForm,
    NotificationForm,
    OfficerForm,
    PartnerDecisionForm,
    QuarterForm,
    QuarterlyReportForm,
    RecommendationForm,
    RequestStatusForm,
    ReviewSectionForm,
    SignOffForm,
    ThemeAddForm,
    ThemesForm,
    grantable_users,
    partner_representatives,
    rapid_review_meetings,
    sections_for,
)
from reviews.models import (
    AccessGrant,
    AccessLogEntry,
    CaseReview,
    CaseReviewOfficer,
    CdopReport,
    ClockRule,
    InformationRequest,
    LearningBriefing,
    QuarterlyReport,
)
from reviews.permissions import case_review_group, may_open_reviews


def may(user, perm: str, obj=None) -> bool:
    """The rule itself, not Django's has_perm: a superuser is not a case reviewer as such."""
    return rules.has_perm(perm, user, obj)


REVIEWS_CRUMB = ("Case reviews", reverse_lazy("reviews:review_list"))


# Fetch and check ------------------------------------------------------------------------------


def _may_open_list(request) -> None:
    if not may_open_reviews(request.user):
        raise Http404("No such page.")


def review_for_view(request, pk: int, *, fetch=None) -> CaseReview:
    """The review, if the user may see it; 404 otherwise (it does not exist for them)."""
    try:
        review = (fetch or CaseReview.objects.get)(pk=pk)
    except CaseReview.DoesNotExist:
        raise Http404("No such review.") from None
    if not may(request.user, "reviews.view_review", review):
        raise Http404("No such review.")
    return review


def review_for_edit(request, pk: int, *, fetch=None) -> CaseReview:
    """The review, if the user records on it: 404 when invisible, 403 when read-only (a grant)."""
    review = review_for_view(request, pk, fetch=fetch)
    if not may(request.user, "reviews.change_review", review):
        raise PermissionDenied
    return review


def _log_view(request, review: CaseReview, what: str) -> None:
    services.access_log_record(user=request.user, review=review, what=what, now=timezone.now())


def _crumbs(review: CaseReview | None = None) -> list:
    crumbs = [REVIEWS_CRUMB]
    if review is not None:
        crumbs.append((review.reference, review.get_absolute_url()))
    return crumbs


# Lists ----------------------------------------------------------------------------------------


def _with_status(reviews, today: datetime.date, closures) -> list[dict]:
    rules = services.clock_rules()
    rows = []
    for review in reviews:
        due = review.next_deadline
        rows.append(
            {
                "review": review,
                "status": clocks.due_status(due, today, closures) if due else None,
                "days_left": working_days_between(today, due, closures) if due else None,
                "deadline_name": rules[review.next_deadline_code].name if review.next_deadline_code else "",
            }
        )
    return rows


@access(REVIEWERS)
@require_http_methods(["GET"])
def review_list(request):
    _may_open_list(request)
    show_all = request.GET.get("all") == "1"
    page_obj, querystring = paginate(request, selectors.review_list(request.user, open_only=not show_all))
    today = timezone.localdate()
    return render(
        request,
        "reviews/review_list.html",
        {
            "title": "Case reviews",
            "page_obj": page_obj,
            "rows": _with_status(page_obj.object_list, today, closure_days()),
            "querystring": querystring,
            "show_all": show_all,
            "may_record": may(request.user, "reviews.work_on_reviews"),
        },
    )


@access(REVIEWERS)
@require_http_methods(["GET"])
def deadlines_board(request):
    _may_open_list(request)
    today = timezone.localdate()
    page_obj, querystring = paginate(request, selectors.deadlines_board(request.user))
    return render(
        request,
        "reviews/deadlines_board.html",
        {
            "title": "Deadlines board",
            "breadcrumbs": [REVIEWS_CRUMB],
            "page_obj": page_obj,
            "rows": _with_status(page_obj.object_list, today, closure_days()),
            "querystring": querystring,
            "today": today,
        },
    )


@access(NUMBERS)
@require_http_methods(["GET"])
def in_numbers(request):
    """Anonymised counts: the pipeline and the themes across reviews by year (chart and table)."""
    if not may(request.user, "governance.view_partnership"):
        raise PermissionDenied
    today = timezone.localdate()
    summary = selectors.pipeline_summary(today=today)
    themes = selectors.thematic_analysis()
    chart = {
        "type": "bar",
        "data": {
            "labels": [row["theme"] for row in themes["rows"]],
            "datasets": [
                {"label": str(year), "data": [row["counts"][i] for row in themes["rows"]]}
                for i, year in enumerate(themes["years"])
            ],
        },
        "options": {"responsive": True, "plugins": {"title": {"display": True, "text": "Themes by year"}}},
    }
    return render(
        request,
        "reviews/in_numbers.html",
        {
            "title": "Case reviews in numbers",
            "summary": summary,
            "themes": themes,
            "chart": chart,
            "may_open": may_open_reviews(request.user),
        },
    )


# Recording a notification ---------------------------------------------------------------------


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def review_create(request):
    if not may(request.user, "reviews.work_on_reviews"):
        raise Http404("No such page.")
    form = NotificationForm(request.POST or None, initial={"review_type": ReviewType.CHILD})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            review = services.case_review_record(
                review_type=data["review_type"],
                awareness_date=data["awareness_date"],
                panel_notified_on=data["panel_notified_on"],
                abuse_or_neglect=data["abuse_or_neglect"],
                harm=data["harm"],
                agencies=data["agencies"],
                themes=data["themes"],
                children=form.children(),
                recorded_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Recorded {review.reference}. Its clocks have started.")
            return redirect(review)
    return render(
        request,
        "reviews/review_form.html",
        {"title": "Record a notification", "breadcrumbs": [REVIEWS_CRUMB], "form": form},
    )


# One review -----------------------------------------------------------------------------------


@access(REVIEWERS)
@require_http_methods(["GET"])
def review_detail(request, pk: int):
    review = review_for_view(request, pk, fetch=lambda pk: selectors.review_for_page(pk))
    _log_view(request, review, "the review's record")
    today = timezone.localdate()
    closures = closure_days()
    rules = services.clock_rules()
    deadlines = [
        {
            "deadline": deadline,
            "status": None if deadline.met else clocks.due_status(deadline.due, today, closures),
            "days_left": None if deadline.met else working_days_between(today, deadline.due, closures),
        }
        for deadline in services.review_deadlines(review, rules, closures)
    ]
    may_change = may(request.user, "reviews.change_review", review)
    decisions = {row.statutory_role: row for row in review.partner_decisions.all()}
    return render(
        request,
        "reviews/review_detail.html",
        {
            "title": f"{review.reference}",
            "breadcrumbs": [REVIEWS_CRUMB],
            "review": review,
            "deadlines": deadlines,
            "may_change": may_change,
            "may_grant": may(request.user, "reviews.manage_grants"),
            "sections": [(key, SECTION_TITLES[key]) for key in sections_for(review.review_type)],
            "partner_rows": [(role, label, decisions.get(role)) for role, label in StatutoryRole.choices],
            "decision_final": bool(review.decision_date),
            "request_form": InformationRequestForm(review=review) if may_change else None,
            "status_form": RequestStatusForm() if may_change else None,
            "is_child": review.review_type == ReviewType.CHILD,
            "locked": review.published_on is not None,
            "today": today,
        },
    )


@access(REVIEWERS)
@require_http_methods(["GET"])
def review_children(request, pk: int):
    """The children's identifying details: shown on request, each view logged."""
    review = review_for_view(request, pk)
    _log_view(request, review, "the children's identifying details")
    return render(
        request,
        "reviews/review_children.html",
        {
            "title": "Identifying details",
            "breadcrumbs": _crumbs(review),
            "review": review,
            "children": review.children.all(),
        },
    )


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def review_edit(request, pk: int, review_section: str):
    section = review_section
    review = review_for_edit(request, pk)
    if section not in sections_for(review.review_type):
        raise Http404("No such section.")
    form = ReviewSectionForm(request.POST or None, instance=review, section=section)
    if request.method == "POST" and form.is_valid():
        values = {
            name: form.cleaned_data[name]
            for name in form.fields
            if name not in ("correction_reason", "agencies")
        }
        try:
            services.case_review_update(
                review=CaseReview.objects.get(pk=review.pk),
                values=values,
                agencies=form.cleaned_data.get("agencies"),
                user=request.user,
                correction_reason=form.cleaned_data.get("correction_reason", ""),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Saved. {review.reference}'s deadlines are recomputed.")
            return redirect(review)
    return render(
        request,
        "reviews/review_form.html",
        {
            "title": SECTION_TITLES[section],
            "breadcrumbs": _crumbs(review),
            "form": form,
            "review": review,
        },
    )


def _sub_form_view(request, pk: int, *, form_class, title: str, save, form_kwargs=None):
    """A page with one form adding something to a review through a service."""
    review = review_for_edit(request, pk)
    kwargs = form_kwargs(review) if callable(form_kwargs) else (form_kwargs or {})
    form = form_class(request.POST or None, request.FILES or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                message = save(review, form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, message)
            return redirect(review)
    return render(
        request,
        "reviews/review_form.html",
        {"title": title, "breadcrumbs": _crumbs(review), "form": form, "review": review, "multipart": True},
    )


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def request_add(request, pk: int):
    def save(review, data):
        made = services.information_request_record(
            review=review, agency=data["agency"], requested_on=data["requested_on"], due_on=data["due_on"]
        )
        return f"Requested information from {made.agency.label}, due {made.due_on:%-d %b %Y}."

    review = review_for_edit(request, pk)
    return _sub_form_view(
        request,
        pk,
        form_class=InformationRequestForm,
        title="Request information from an agency",
        save=save,
        form_kwargs={"review": review},
    )


@access(REVIEWERS_POST_ONLY, REVIEWERS_DONE)
@require_POST
def request_update(request, pk: int, info_request_pk: int):
    review = review_for_edit(request, pk)
    info = get_object_or_404(
        InformationRequest.objects.select_related("agency"), pk=info_request_pk, review=review
    )
    form = RequestStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose chased or received, and the date.")
        return redirect(review)
    try:
        services.information_request_update(
            request=info, status=form.cleaned_data["status"], on=form.cleaned_data["on"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{info.agency.label}: {info.get_status_display().lower()}.")
    return redirect(review)


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def decision_add(request, pk: int):
    def save(review, data):
        services.partner_decision_record(
            review=review,
            representative=data["representative"],
            decision=data["decision"],
            decided_on=data["decided_on"],
            user=request.user,
        )
        review.refresh_from_db()
        if review.decision_date:
            return "All three partners have decided: the decision is final."
        return "Recorded. The decision is final once all three partners have made it."

    return _sub_form_view(
        request,
        pk,
        form_class=PartnerDecisionForm,
        title="A safeguarding partner's decision",
        save=save,
        form_kwargs=lambda review: {"review": review},
    )


# Type-ahead options for the review's forms (issue 16): each answers from the queryset its field
# validates against, at most 20 rows, for those who may change the review.
@access(REVIEWERS)
@require_GET
def representative_lookup(request, pk: int):
    review_for_edit(request, pk)
    return typeahead_response(request, partner_representatives())


@access(REVIEWERS)
@require_GET
def meeting_lookup(request, pk: int):
    review_for_edit(request, pk)
    return typeahead_response(request, rapid_review_meetings(), kind=MEETING)


@access(GRANT_MANAGERS)
@require_GET
def grant_user_lookup(request, pk: int):
    _review_for_grants(request, pk)
    return typeahead_response(request, grantable_users(), kind=USER)


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def milestone_add(request, pk: int):
    def save(review, data):
        services.milestone_record(review=review, **data)
        return "Milestone added."

    return _sub_form_view(request, pk, form_class=MilestoneForm, title="Add a milestone", save=save)


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def sign_off_add(request, pk: int):
    def save(review, data):
        services.sign_off_record(review=review, **data)
        return f"Signed off by {data['person']}."

    return _sub_form_view(
        request, pk, form_class=SignOffForm, title="Sign-off of the final report", save=save
    )


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def recommendation_add(request, pk: int):
    group = case_review_group()
    if group is None:
        raise Http404("There is no Joint Case Review group to hold the actions.")
    owners = (
        Person.objects.active()
        .filter(pk__in=Membership.objects.current(timezone.localdate()).filter(group=group).values("person"))
        .select_related("agency")
        .order_by("name")
    )

    def save(review, data):
        made = services.recommendation_add(
            review=review,
            text=data["text"],
            group=group,
            owners=data["owners"],
            lead_agency=data["lead_agency"],
            due_date=data["due_date"],
            recorded_by=request.user,
        )
        return f"Recommendation {made.number} added, with its action in the {group.label} log."

    return _sub_form_view(
        request,
        pk,
        form_class=RecommendationForm,
        title="Add a recommendation",
        save=save,
        form_kwargs={"owners_queryset": owners},
    )


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def briefing_add(request, pk: int):
    def save(review, data):
        services.briefing_record(review=review, **data)
        return "Learning briefing added."

    return _sub_form_view(request, pk, form_class=BriefingForm, title="Add a learning briefing", save=save)


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def themes_edit(request, pk: int):
    review = review_for_edit(request, pk)
    form = ThemesForm(request.POST or None, initial={"themes": list(review.themes.all())})
    add_form = ThemeAddForm(prefix="new")
    if request.method == "POST" and form.is_valid():
        services.case_review_update(
            review=review, values={}, themes=form.cleaned_data["themes"], user=request.user
        )
        messages.success(request, "Themes saved.")
        return redirect(review)
    return render(
        request,
        "reviews/themes_form.html",
        {
            "title": "Themes",
            "breadcrumbs": _crumbs(review),
            "form": form,
            "add_form": add_form,
            "review": review,
        },
    )


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def theme_add(request, pk: int):
    review = review_for_edit(request, pk)
    form = ThemeAddForm(request.POST or None, prefix="new")
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.theme_add(name=form.cleaned_data["name"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Added the theme “{theme.name}”.")
            return redirect("reviews:themes_edit", pk=review.pk)
    return render(
        request,
        "reviews/review_form.html",
        {"title": "Add a theme", "breadcrumbs": _crumbs(review), "form": form, "review": review},
    )


@access(REVIEWERS)
@require_http_methods(["GET"])
def review_history(request, pk: int):
    review = review_for_view(request, pk)
    _log_view(request, review, "the review's history")
    versions = list(review.history.select_related("history_user").order_by("-history_date")[:50])
    rows = []
    for index, version in enumerate(versions):
        before = versions[index + 1] if index + 1 < len(versions) else None
        changes = [] if before is None else version.diff_against(before).changes
        rows.append({"version": version, "changes": changes, "first": before is None})
    return render(
        request,
        "reviews/review_history.html",
        {"title": "History", "breadcrumbs": _crumbs(review), "review": review, "rows": rows},
    )


# Access: grants, officers, the access log --------------------------------------------------------


def _review_for_grants(request, pk: int) -> CaseReview:
    review = get_object_or_404(CaseReview, pk=pk)
    if may(request.user, "reviews.manage_grants"):
        return review
    if may(request.user, "reviews.view_review", review):
        raise PermissionDenied
    raise Http404("No such review.")


@access(GRANT_MANAGERS, GRANT_MANAGERS_POST)
@require_http_methods(["GET", "POST"])
def review_grants(request, pk: int):
    review = _review_for_grants(request, pk)
    form = GrantForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_give(
                review=review,
                user=form.cleaned_data["user"],
                reason=form.cleaned_data["reason"],
                granted_by=request.user,
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['user']} may now see {review.reference}.")
            return redirect("reviews:review_grants", pk=review.pk)
    grants = AccessGrant.objects.filter(review=review).select_related("user", "granted_by")
    return render(
        request,
        "reviews/review_grants.html",
        {"title": f"Access to {review.reference}", "review": review, "form": form, "grants": grants},
    )


@access(GRANT_WITHDRAW_POST)
@require_POST
def grant_withdraw(request, pk: int):
    review = _review_for_grants(request, pk)
    grant_id = request.POST.get("grant", "")
    if not grant_id.isdigit():
        raise Http404("No grant named.")
    grant = get_object_or_404(AccessGrant, pk=int(grant_id), review=review)
    services.grant_withdraw(grant=grant, by=request.user, now=timezone.now())
    messages.success(request, f"Access withdrawn from {grant.user}.")
    return redirect("reviews:review_grants", pk=review.pk)


@access(ADMINS, ADMINS_POST)
@require_http_methods(["GET", "POST"])
def officers(request):
    if not may(request.user, "reviews.administer"):
        raise PermissionDenied
    form = OfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        officer = services.officer_name(
            user=form.cleaned_data["user"], named_by=request.user, now=timezone.now()
        )
        messages.success(request, f"{officer.user} is a case review officer.")
        return redirect("reviews:officers")
    return render(
        request,
        "reviews/officers.html",
        {
            "title": "Case review officers",
            "form": form,
            "officers": CaseReviewOfficer.objects.select_related("user", "named_by").order_by(
                "user__username"
            ),
        },
    )


@access(ADMINS_REMOVE_POST)
@require_POST
def officer_remove(request):
    if not may(request.user, "reviews.administer"):
        raise PermissionDenied
    officer_id = request.POST.get("officer", "")
    if not officer_id.isdigit():
        raise Http404("No officer named.")
    officer = get_object_or_404(CaseReviewOfficer, pk=int(officer_id))
    services.officer_remove(officer=officer, by=request.user)
    messages.success(request, f"{officer.user} is no longer a case review officer.")
    return redirect("reviews:officers")


@access(ADMINS)
@require_http_methods(["GET"])
def access_log(request):
    if not may(request.user, "reviews.administer"):
        raise PermissionDenied
    entries = AccessLogEntry.objects.select_related("user", "review").order_by("-at", "-pk")
    page_obj, querystring = paginate(request, entries, per_page=50)
    return render(
        request,
        "reviews/access_log.html",
        {"title": "Case review access log", "page_obj": page_obj, "querystring": querystring},
    )


# Clock rules --------------------------------------------------------------------------------------


@access(CLOCK_READERS)
@require_http_methods(["GET"])
def clock_rules(request):
    if not (may(request.user, "reviews.administer") or may(request.user, "reviews.work_on_reviews")):
        raise PermissionDenied
    rules = services.clock_rules()
    history = ClockRule.history.select_related("history_user").order_by("-history_date")[:30]
    return render(
        request,
        "reviews/clock_rules.html",
        {
            "title": "Clock rules",
            "rows": [{"rule": rule, "label": clocks.rule_label(rule)} for rule in rules.values()],
            "history": history,
            "may_edit": may(request.user, "reviews.administer"),
        },
    )


@access(ADMINS, ADMINS_POST)
@require_http_methods(["GET", "POST"])
def clock_rule_edit(request, clock_code: str):
    code = clock_code
    if not may(request.user, "reviews.administer"):
        raise PermissionDenied
    current = services.clock_rules().get(code)
    if current is None:
        raise Http404("No such clock.")
    instance = services.clock_rule_row(code=code)
    form = ClockRuleForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in ("name", "length", "unit", "before", "source")}
        try:
            count = services.clock_rule_update(
                rule=instance, values=values, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, f"Saved. The deadlines of {count} open review(s) follow it from now on."
            )
            return redirect("reviews:clock_rules")
    return render(
        request,
        "reviews/review_form.html",
        {
            "title": f"Clock rule: {instance.name}",
            "breadcrumbs": [("Clock rules", reverse("reviews:clock_rules"))],
            "form": form,
        },
    )


# The JCR chair's quarterly report ------------------------------------------------------------------


def _reviewer(request) -> None:
    if not may(request.user, "reviews.work_on_reviews"):
        raise Http404("No such page.")


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def quarterly_reports(request):
    _reviewer(request)
    today = timezone.localdate()
    last_quarter_day = services.quarter_of(today)[0] - datetime.timedelta(days=1)
    form = QuarterForm(request.POST or None, initial={"day": last_quarter_day})
    if request.method == "POST" and form.is_valid():
        start, end = services.quarter_of(form.cleaned_data["day"])
        report = services.quarterly_report_draft(start=start, end=end, user=request.user, today=today)
        messages.success(request, "Drafted from the records. Edit it, then attach it to the board meeting.")
        return redirect("reviews:quarterly_report", pk=report.pk)
    page_obj, querystring = paginate(
        request, QuarterlyReport.objects.select_related("paper__agenda_item__meeting")
    )
    return render(
        request,
        "reviews/quarterly_reports.html",
        {
            "title": "Quarterly reports to the board",
            "breadcrumbs": [REVIEWS_CRUMB],
            "form": form,
            "page_obj": page_obj,
            "querystring": querystring,
        },
    )


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def quarterly_report(request, pk: int):
    _reviewer(request)
    report = get_object_or_404(
        QuarterlyReport.objects.select_related("paper__agenda_item__meeting__group"), pk=pk
    )
    form: QuarterlyReportForm | None = None
    if not report.paper_id:
        form = QuarterlyReportForm(request.POST or None, initial={"title": report.title, "text": report.text})
    if request.method == "POST":
        if form is None:
            messages.error(request, "This report has gone to the board: it no longer changes.")
            return redirect("reviews:quarterly_report", pk=report.pk)
        if form.is_valid():
            try:
                services.quarterly_report_update(
                    report=report,
                    title=form.cleaned_data["title"],
                    text=form.cleaned_data["text"],
                    user=request.user,
                )
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, "Draft saved.")
                return redirect("reviews:quarterly_report", pk=report.pk)
    may_attach = may(request.user, "reviews.attach_quarterly_report") and not report.paper_id
    return render(
        request,
        "reviews/quarterly_report.html",
        {
            "title": report.title,
            "breadcrumbs": [REVIEWS_CRUMB, ("Quarterly reports", reverse("reviews:quarterly_reports"))],
            "report": report,
            "form": form,
            "attach_form": AttachForm() if may_attach else None,
        },
    )


@access(REPORT_SENDERS_POST)
@require_POST
def quarterly_report_attach(request, pk: int):
    _reviewer(request)
    report = get_object_or_404(QuarterlyReport, pk=pk)
    if not may(request.user, "reviews.attach_quarterly_report"):
        raise PermissionDenied
    form = AttachForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose the board meeting's agenda item for the report.")
        return redirect("reviews:quarterly_report", pk=report.pk)
    try:
        report = services.quarterly_report_attach(
            report=report, agenda_item=form.cleaned_data["agenda_item"], user=request.user, now=timezone.now()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        paper = report.paper
        messages.success(
            request, f"Attached as a paper to {paper.agenda_item.meeting}." if paper else "Attached."
        )
    return redirect("reviews:quarterly_report", pk=report.pk)


# The CDOP's annual report ---------------------------------------------------------------------------


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def cdop_reports(request):
    _reviewer(request)
    form = CdopReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.cdop_report_record(**form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Recorded the {report}. Route its recommendations into the JCR log.")
            return redirect(report)
    page_obj, querystring = paginate(request, CdopReport.objects.prefetch_related("themes"))
    return render(
        request,
        "reviews/cdop_reports.html",
        {
            "title": "Child death overview: annual reports",
            "breadcrumbs": [REVIEWS_CRUMB],
            "form": form,
            "page_obj": page_obj,
            "querystring": querystring,
        },
    )


@access(REVIEWERS, REVIEWERS_POST)
@require_http_methods(["GET", "POST"])
def cdop_detail(request, pk: int):
    _reviewer(request)
    report = get_object_or_404(
        CdopReport.objects.prefetch_related("themes", "recommendations__action"), pk=pk
    )
    group = case_review_group()
    owners = Person.objects.none()
    if group is not None:
        owners = (
            Person.objects.active()
            .filter(
                pk__in=Membership.objects.current(timezone.localdate()).filter(group=group).values("person")
            )
            .select_related("agency")
            .order_by("name")
        )
    form = RecommendationForm(request.POST or None, owners_queryset=owners)
    if request.method == "POST" and form.is_valid():
        if group is None:
            raise Http404("There is no Joint Case Review group to hold the actions.")
        try:
            made = services.cdop_recommendation_add(
                report=report,
                text=form.cleaned_data["text"],
                group=group,
                owners=form.cleaned_data["owners"],
                lead_agency=form.cleaned_data["lead_agency"],
                due_date=form.cleaned_data["due_date"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, f"Recommendation {made.number} routed into the {group.label} action log."
            )
            return redirect(report)
    return render(
        request,
        "reviews/cdop_detail.html",
        {
            "title": str(report),
            "breadcrumbs": [REVIEWS_CRUMB, ("Child death overview", reverse("reviews:cdop_reports"))],
            "report": report,
            "form": form,
        },
    )


@access(REVIEWERS)
@require_http_methods(["GET"])
def briefing_download(request, pk: int, briefing_pk: int):
    """A learning briefing's file, for those who may see the review (each download logged)."""
    review = review_for_view(request, pk)
    briefing = get_object_or_404(LearningBriefing, pk=briefing_pk, review=review)
    if not briefing.file:
        raise Http404("This briefing has no file.")
    _log_view(request, review, f"the learning briefing “{briefing.title}”")
    name = (briefing.file.name or "briefing").rsplit("/", 1)[-1]
    return FileResponse(briefing.file.open("rb"), as_attachment=True, filename=name)
