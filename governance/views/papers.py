"""Pages for papers and the agenda pack. Thin: check permission, call a selector or a service, render."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import access
from core.pdf import UnreadablePdf, pdf_response, without_active_content
from core.views import apply_service_errors
from governance import permissions
from governance.access_rules import (
    AGENDA_PACK,
    MEETING_VIEWERS,
    PAPER_READERS,
    PAPER_RUNNERS,
    PAPER_RUNNERS_DONE,
    PAPER_RUNNERS_POST,
    PAPER_UPLOADERS,
    PAPER_UPLOADERS_POST,
)
from governance.agenda_pack import build_agenda_pack, pack_filename
from governance.forms.papers import AcceptLatePaperForm, PaperForm, PaperReplaceForm
from governance.models import Meeting
from governance.paper_files import PDF
from governance.permissions import (
    may_change_paper,
    may_download_pack,
    may_download_paper,
    may_see_draft_agenda,
    may_submit_paper,
)
from governance.selectors import papers as selectors
from governance.services import papers as services
from governance.views.access import (
    Crumb,
    agenda_item_for_papers,
    check_perm,
    meeting_breadcrumbs,
    meeting_for_view,
    paper_for_view,
)


def _papers_url(meeting: Meeting) -> str:
    return reverse("governance:meeting_papers", args=[meeting.pk])


def _papers_breadcrumbs(meeting: Meeting) -> list[Crumb]:
    return [*meeting_breadcrumbs(meeting), ("Papers", _papers_url(meeting))]


@access(MEETING_VIEWERS)
@require_GET
def meeting_papers(request, pk):
    meeting = meeting_for_view(request, pk, fetch=selectors.meeting_for_papers)
    user = request.user
    papers = selectors.meeting_papers(
        meeting=meeting, include_confidential=user.has_perm("governance.view_confidential_items", meeting)
    )
    draft_held_back = not may_see_draft_agenda(user, meeting, [entry.item for entry in papers.items])
    if draft_held_back:
        papers.items = []
    for paper in papers.papers:
        paper.can_download = may_download_paper(user, paper, meeting)
        paper.can_change = may_change_paper(user, paper, meeting)
    return render(
        request,
        "governance/paper_list.html",
        {
            "title": f"Papers for {meeting}",
            "breadcrumbs": meeting_breadcrumbs(meeting),
            "meeting": meeting,
            "papers": papers,
            "deadline": timezone.localtime(meeting.paper_deadline),
            "deadline_passed": timezone.now() > meeting.paper_deadline,
            "can_submit": (
                may_submit_paper(user, meeting) and not meeting.is_cancelled and not draft_held_back
            ),
            "draft_held_back": draft_held_back,
            "can_manage": user.has_perm("governance.manage_meeting", meeting),
            "can_download_pack": may_download_pack(user, meeting),
        },
    )


@access(PAPER_UPLOADERS, PAPER_UPLOADERS_POST)
@require_http_methods(["GET", "POST"])
def paper_upload(request, meeting_pk, item_pk):
    item = agenda_item_for_papers(request, meeting_pk, item_pk)
    meeting = item.meeting
    user = request.user
    if not may_submit_paper(user, meeting):
        raise PermissionDenied
    person = getattr(user, "person", None)
    form = PaperForm(request.POST or None, request.FILES or None, initial={"author": person}, user=user)
    if not permissions.is_staff_of_partnership(user):
        form.fields.pop("received_on")  # only the secretariat says when a paper arrived (issue 10 point 11)
    if request.method == "POST" and form.is_valid():
        try:
            paper = services.paper_submit(
                agenda_item=item,
                uploaded_file=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                author=form.cleaned_data["author"],
                submitted_by=user,
                received_on=form.cleaned_data.get("received_on"),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if paper.is_late:
                messages.warning(
                    request,
                    f"“{paper.title}” arrived after the deadline, so it is a late paper: it stays off the "
                    "agenda pack unless the chair accepts it.",
                )
            else:
                messages.success(request, f"Uploaded “{paper.title}” for item {item.number}.")
            return redirect(_papers_url(meeting))
    return render(
        request,
        "governance/paper_form.html",
        {
            "title": f"Upload a paper for item {item.number}",
            "breadcrumbs": _papers_breadcrumbs(meeting),
            "form": form,
            "meeting": meeting,
            "item": item,
            "deadline": timezone.localtime(meeting.paper_deadline),
            "deadline_passed": timezone.now() > meeting.paper_deadline,
            "cancel_url": _papers_url(meeting),
        },
    )


@access(PAPER_RUNNERS, PAPER_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def paper_replace(request, pk):
    paper, item, meeting = paper_for_view(request, pk)
    if not may_change_paper(request.user, paper, meeting):
        raise PermissionDenied
    form = PaperReplaceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_replace(
                paper=paper, uploaded_file=form.cleaned_data["file"], submitted_by=request.user
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Replaced “{paper.title}” with the new version.")
            return redirect(_papers_url(meeting))
    return render(
        request,
        "governance/paper_form.html",
        {
            "title": f"Replace “{paper.title}”",
            "breadcrumbs": _papers_breadcrumbs(meeting),
            "form": form,
            "meeting": meeting,
            "item": item,
            "paper": paper,
            "deadline": timezone.localtime(meeting.paper_deadline),
            "deadline_passed": timezone.now() > meeting.paper_deadline,
            "cancel_url": _papers_url(meeting),
        },
    )


@access(PAPER_RUNNERS_DONE)
@require_POST
def paper_withdraw(request, pk):
    paper, _item, meeting = paper_for_view(request, pk)
    if not may_change_paper(request.user, paper, meeting):
        raise PermissionDenied
    title = paper.title
    try:
        services.paper_withdraw(paper=paper)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Withdrew “{title}”.")
    return redirect(_papers_url(meeting))


@access(PAPER_RUNNERS, PAPER_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def paper_accept_late(request, pk):
    paper, item, meeting = paper_for_view(request, pk)
    check_perm(request.user, "governance.manage_meeting", meeting)
    form = AcceptLatePaperForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_accept_late(
                paper=paper, reason=form.cleaned_data["reason"], accepted_by=request.user
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request, f"Accepted the late paper “{paper.title}”: it is now in the agenda pack."
            )
            return redirect(_papers_url(meeting))
    return render(
        request,
        "governance/paper_accept_late.html",
        {
            "title": "Accept a late paper",
            "breadcrumbs": _papers_breadcrumbs(meeting),
            "form": form,
            "meeting": meeting,
            "item": item,
            "paper": paper,
            "deadline": timezone.localtime(meeting.paper_deadline),
            "cancel_url": _papers_url(meeting),
        },
    )


@access(PAPER_READERS)
@require_GET
def paper_download(request, pk):
    paper, _item, meeting = paper_for_view(request, pk)
    if not may_download_paper(request.user, paper, meeting):
        raise PermissionDenied
    try:
        stream = paper.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file of this paper is missing.") from error
    if paper.content_type == PDF.content_type:
        # As in the pack: a PDF's JavaScript, launch actions and embedded files are removed.
        with stream:
            try:
                stream = io.BytesIO(without_active_content(stream.read()))
            except UnreadablePdf as error:
                raise Http404("The file of this paper cannot be read as a PDF.") from error
    return FileResponse(
        stream, as_attachment=True, filename=paper.original_name, content_type=paper.content_type
    )


@access(AGENDA_PACK)
@require_GET
def agenda_pack(request, pk):
    meeting = meeting_for_view(request, pk, fetch=selectors.meeting_for_papers)
    user = request.user
    if not may_download_pack(user, meeting):
        raise Http404("The agenda pack is available once the agenda is published.")
    pdf = build_agenda_pack(
        meeting=meeting,
        include_confidential=user.has_perm("governance.view_confidential_items", meeting),
        request=request,
    )
    return pdf_response(pdf, pack_filename(meeting))
