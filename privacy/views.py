"""An admin's data protection pages: a person's subject access export, and anonymising a
person who has left."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import access, rule
from governance.models import Person
from privacy import selectors, services
from privacy.models import RetentionReview

# Data protection is the admins' (the partnership's data protection lead holds an admin account).
ADMINS = rule("admins only", default=403, admin=200)
# The matrix's person still sits on a group, so an admin's anonymising is refused (400).
ADMINS_POST = ADMINS.with_method("POST", admin=400)


def _person_for_admin(request, pk: int) -> Person:
    if not request.user.is_superuser:
        raise PermissionDenied
    try:
        return selectors.person_for_export(pk)
    except Person.DoesNotExist:
        raise Http404("No such person.") from None


@access(ADMINS)
@require_http_methods(["GET"])
def person_export(request, pk):
    """Everything held about the person: a ZIP of CSVs and a PDF summary."""
    person = _person_for_admin(request, pk)
    now = timezone.now()
    content = services.subject_access_export(person=person, now=now, requested_by=request.user)
    response = HttpResponse(content, content_type="application/zip")
    filename = f"subject-access-{slugify(person.name) or person.pk}-{now:%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@access(ADMINS, ADMINS_POST)
@require_http_methods(["GET", "POST"])
def person_anonymise(request, pk):
    """Confirm, then anonymise: the governance record stays, naming a former member."""
    person = _person_for_admin(request, pk)
    context = {
        "title": f"Anonymise {person}",
        "person": person,
        "new_name": services.former_member_name(person),
        "breadcrumbs": [("People", "/people/"), (person.name, person.get_absolute_url())],
    }
    if request.method == "POST":
        try:
            services.person_anonymise(person=person, now=timezone.now(), by=request.user)
        except ValidationError as error:
            context["errors"] = error.messages
            return render(request, "privacy/person_anonymise.html", context, status=400)
        messages.success(request, f"Anonymised: the directory now shows {context['new_name']}.")
        return redirect(person.get_absolute_url())
    return render(request, "privacy/person_anonymise.html", context)


def _admins_only(request) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


@access(ADMINS)
@require_GET
def retention(request):
    """The schedule, what the monthly listing found due, and what admins have confirmed."""
    _admins_only(request)
    today = timezone.localdate()
    periods = selectors.retention_schedule()
    labels = {period.record_type: period for period in periods}
    pending = selectors.retention_reviews_pending()
    for review in pending:
        review.period = labels.get(review.record_type)
    done = selectors.retention_reviews_done()
    for review in done:
        review.period = labels.get(review.record_type)
    context = {
        "title": "Retention",
        "periods": [(period, period.cutoff(today)) for period in periods],
        "pending": pending,
        "done": done,
    }
    return render(request, "privacy/retention.html", context)


@access(ADMINS.with_method("POST", admin=302))
@require_POST
def retention_list_now(request):
    """List what is due now, without waiting for the first of the month."""
    _admins_only(request)
    reviews = services.retention_reviews_list(now=timezone.now())
    messages.success(
        request, f"Listed {len(reviews)} kind{'s' if len(reviews) != 1 else ''} of record past their period."
    )
    return redirect("privacy:retention")


@access(ADMINS.with_method("POST", admin=302))
@require_POST
def retention_review_apply(request, pk):
    """Confirm one listing: its rows are deleted (or, for attendance, lose their apology reasons)."""
    _admins_only(request)
    review = get_object_or_404(RetentionReview, pk=pk, applied_at__isnull=True)
    count = services.retention_review_apply(review=review, now=timezone.now(), by=request.user)
    messages.success(request, f"Applied the retention period: {count} record{'s' if count != 1 else ''}.")
    return redirect("privacy:retention")
