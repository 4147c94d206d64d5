"""An admin's data protection pages: a person's subject access export, and anonymising a
person who has left."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from core.access import access, rule
from governance.models import Person
from privacy import selectors, services

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
