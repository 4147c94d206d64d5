"""View helpers every app uses: a service's validation errors onto a form, and a page of a
list with the query string to keep the filters when paging."""

from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator

PAGE_SIZE = 25


def apply_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: errors for a field of the form on that
    field, everything else (a plain message, or a field the form does not have) above it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def save_through_service(form, save: Callable[[Any], object]) -> bool:
    """Call `save` (a service) with the form's instance; False, with the errors on the form,
    when the service refuses."""
    try:
        save(form.instance)
    except ValidationError as error:
        apply_service_errors(form, error)
        return False
    return True


def querystring_without(request, *keys: str) -> str:
    """The request's query string without `keys` (by default the page number), for links that
    keep the filters: `?{{ querystring }}&page=2`."""
    query = request.GET.copy()
    for key in keys or ("page",):
        query.pop(key, None)
    return query.urlencode()


def paginate(request, object_list: Sequence | Any, per_page: int = PAGE_SIZE) -> tuple[Page, str]:
    """The page the request asks for (the first or the last when the number is out of range)
    and the query string without `page`, as templates/partials/_pagination.html expects."""
    page_obj = Paginator(object_list, per_page).get_page(request.GET.get("page"))
    return page_obj, querystring_without(request, "page")
