"""Importing an existing action log from Excel or CSV (issue 10 point 10): upload, check every
row, say who unmatched owners are, save all or nothing. The secretariat and the group's chair
only (the permission to record actions in its log)."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from core.access import access
from core.exports import csv_response, xlsx_response
from core.imports import ImportFileError, Table, cell_text, read_table
from governance.access_rules import GROUP_RUNNERS, GROUP_RUNNERS_POST
from governance.action_import import COLUMNS, TEMPLATE_EXAMPLES, TEMPLATE_HEADERS, parse_rows
from governance.forms.action_import import ActionImportResolveForm, ActionImportUploadForm
from governance.models import Group
from governance.selectors.action_import import import_directory, numbers_used
from governance.services.action_import import actions_import
from governance.views.access import STRUCTURE_CRUMB, group_for

SALT = "governance.action-import"
PERMISSION = "governance.record_action"


def _crumbs(group: Group):
    return [
        STRUCTURE_CRUMB,
        (group.label, group.get_absolute_url()),
        ("Action log", reverse("governance:action_log", args=[group.pk])),
    ]


def _render(request, group: Group, context: dict):
    """The page, first or again: a bad file or row shows it again saying why (200, as every form)."""
    return render(
        request,
        "governance/action_import.html",
        {
            "title": f"Import an action log into {group.name}",
            "breadcrumbs": _crumbs(group),
            "group": group,
            "columns": COLUMNS,
            **context,
        },
    )


def _pack(table: Table, name: str) -> str:
    rows = [[number, [cell_text(value) for value in cells]] for number, cells in table.rows]
    return signing.dumps({"headers": table.headers, "rows": rows, "name": name}, salt=SALT, compress=True)


def _save(request, group: Group, result, name: str):
    try:
        saved = actions_import(group=group, rows=result.rows, imported_by=request.user, file_name=name)
    except ValidationError as error:
        return _render(request, group, {"form": ActionImportUploadForm(), "problems": error.messages})
    messages.success(
        request, f"Imported {len(saved)} action{'s' if len(saved) != 1 else ''} into the {group.label} log."
    )
    return redirect("governance:action_log", group.pk)


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def action_import(request, group_pk):
    group = group_for(request, group_pk, PERMISSION)
    today = timezone.localdate()
    if request.method == "GET":
        return _render(request, group, {"form": ActionImportUploadForm()})
    directory = import_directory(group=group, today=today)
    if "payload" in request.POST:
        try:
            packed = signing.loads(request.POST["payload"], salt=SALT)
        except signing.BadSignature:
            return _render(
                request,
                group,
                {
                    "form": ActionImportUploadForm(),
                    "problems": ["The checked file was lost: upload it again."],
                },
            )
        rows = [(number, cells) for number, cells in packed["rows"]]
        first = parse_rows(packed["headers"], rows, directory=directory, numbers_used=numbers_used(group))
        resolve = ActionImportResolveForm(request.POST, unresolved=first.unresolved, directory=directory)
        if not resolve.is_valid():
            return _render(request, group, {"resolve": resolve, "result": first, "name": packed["name"]})
        result = parse_rows(
            packed["headers"],
            rows,
            directory=directory,
            numbers_used=numbers_used(group),
            resolutions=resolve.resolutions(),
        )
        if result.errors:
            return _render(request, group, {"form": ActionImportUploadForm(), "result": result})
        return _save(request, group, result, packed["name"])
    form = ActionImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, group, {"form": form})
    upload = form.cleaned_data["file"]
    try:
        table = read_table(upload)
    except ImportFileError as error:
        form.add_error("file", str(error))
        return _render(request, group, {"form": form})
    rows = [(number, [cell_text(value) for value in cells]) for number, cells in table.rows]
    result = parse_rows(table.headers, rows, directory=directory, numbers_used=numbers_used(group))
    if result.missing_columns:
        names = ", ".join(f"“{COLUMNS[name][0]}”" for name in result.missing_columns)
        form.add_error("file", f"The header row has no column for: {names}. Start from the template.")
        return _render(request, group, {"form": form})
    if result.errors:
        return _render(request, group, {"form": ActionImportUploadForm(), "result": result})
    if result.unresolved:
        resolve = ActionImportResolveForm(
            initial={"payload": _pack(table, upload.name)}, unresolved=result.unresolved, directory=directory
        )
        return _render(request, group, {"resolve": resolve, "result": result, "name": upload.name})
    return _save(request, group, result, upload.name)


@access(GROUP_RUNNERS)
@require_GET
def action_import_template(request, group_pk):
    """The template as Excel, or as CSV with ?format=csv."""
    group_for(request, group_pk, PERMISSION)
    if request.GET.get("format") == "csv":
        return csv_response(TEMPLATE_HEADERS, TEMPLATE_EXAMPLES, filename="action-log-template.csv")
    return xlsx_response(
        TEMPLATE_HEADERS, TEMPLATE_EXAMPLES, filename="action-log-template.xlsx", sheet_title="Action log"
    )
