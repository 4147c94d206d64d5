"""Escalations and challenge: the register, raising one, the board's response and outcome, and
putting open ones on the board's next agenda."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import access
from core.views import paginate
from governance.models import Group, GroupKind
from planning import access_rules, selectors
from planning.choices import EscalationStatus
from planning.forms import EscalationCloseForm, EscalationForm, EscalationResponseForm
from planning.permissions import escalating_group_ids
from planning.services import escalations as services
from planning.views.access import ESCALATIONS_CRUMB, MANAGE, VIEW, check_perm, escalation_for
from planning.views.common import form_page

RESPOND = "planning.respond_escalation"


@access(access_rules.VIEWERS)
@require_GET
def escalation_list(request):
    check_perm(request.user, VIEW)
    status = request.GET.get("status", "")
    if status not in EscalationStatus.values:
        status = ""
    page_obj, querystring = paginate(request, selectors.escalation_list(status=status, user=request.user))
    boards = list(Group.objects.active().filter(kind=GroupKind.BOARD))
    waiting = (
        {board.pk: services.awaiting_agenda(to_group=board).count() for board in boards}
        if request.user.has_perm(MANAGE)
        else {}
    )
    context = {
        "title": "Escalations",
        "page_obj": page_obj,
        "querystring": querystring,
        "status": status,
        "statuses": EscalationStatus.choices,
        "may_raise": request.user.has_perm("planning.raise_escalation"),
        "may_manage": request.user.has_perm(MANAGE),
        "waiting": [(board, waiting[board.pk]) for board in boards if waiting.get(board.pk)],
    }
    return render(request, "planning/escalation_list.html", context)


@access(access_rules.ESCALATORS, access_rules.ESCALATORS_POST)
@require_http_methods(["GET", "POST"])
def escalation_create(request):
    check_perm(request.user, VIEW)
    check_perm(request.user, "planning.raise_escalation")
    form = EscalationForm(request.POST or None, from_group_ids=escalating_group_ids(request.user))

    def save(data):
        return services.escalation_raise(
            from_group=data["from_group"],
            to_group=data["to_group"],
            title=data["title"],
            why=data["why"],
            risk=data["risk"],
            tried=data["tried"],
            raised_by=request.user,
        )

    def done(escalation):
        if escalation.agenda_item_id is None:
            messages.warning(
                request,
                f"{escalation.to_group.name} has no coming meeting with a draft agenda: the escalation "
                "goes on the next one when the secretariat places open escalations.",
            )
        return escalation.get_absolute_url()

    return form_page(
        request,
        form,
        title="Escalate an issue to the board",
        cancel_url=reverse("planning:escalation_list"),
        crumbs=[ESCALATIONS_CRUMB],
        save=save,
        done=done,
        message="The escalation is recorded.",
    )


@access(access_rules.VIEWERS)
@require_GET
def escalation_detail(request, pk: int):
    escalation = escalation_for(request, pk)
    context = {
        "title": escalation.title,
        "breadcrumbs": [ESCALATIONS_CRUMB],
        "escalation": escalation,
        "may_respond": request.user.has_perm(RESPOND, escalation),
        "may_see_meeting": escalation.agenda_item_id
        and request.user.has_perm("governance.view_meeting", escalation.agenda_item.meeting),
        "risks": list(escalation.risks.all()),
    }
    return render(request, "planning/escalation_detail.html", context)


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def escalation_respond(request, pk: int):
    escalation = escalation_for(request, pk, RESPOND)
    form = EscalationResponseForm(request.POST or None, initial={"responded_on": timezone.localdate()})
    return form_page(
        request,
        form,
        title=f"The board's response: {escalation.title}",
        cancel_url=escalation.get_absolute_url(),
        crumbs=[ESCALATIONS_CRUMB, (escalation.title, escalation.get_absolute_url())],
        save=lambda data: services.escalation_respond(
            escalation=escalation,
            response=data["response"],
            responded_on=data["responded_on"],
            responded_by=request.user,
        ),
        done=lambda saved: saved.get_absolute_url(),
        message="The board's response is recorded.",
    )


@access(access_rules.KEEPERS, access_rules.KEEPERS_POST)
@require_http_methods(["GET", "POST"])
def escalation_close(request, pk: int):
    escalation = escalation_for(request, pk, RESPOND)
    form = EscalationCloseForm(request.POST or None, initial={"closed_on": timezone.localdate()})
    return form_page(
        request,
        form,
        title=f"Close: {escalation.title}",
        cancel_url=escalation.get_absolute_url(),
        crumbs=[ESCALATIONS_CRUMB, (escalation.title, escalation.get_absolute_url())],
        save=lambda data: services.escalation_close(
            escalation=escalation,
            outcome=data["outcome"],
            closed_on=data["closed_on"],
            closed_by=request.user,
        ),
        done=lambda saved: saved.get_absolute_url(),
        message="The escalation is closed with its outcome.",
    )


@access(
    access_rules.KEEPERS_POST.but(
        "place open escalations (a blank form names no board: 404)", secretariat=404, admin=404
    )
)
@require_POST
def escalations_place(request):
    check_perm(request.user, MANAGE)
    board_id = request.POST.get("board", "")
    board = get_object_or_404(Group, pk=int(board_id) if board_id.isdigit() else 0, kind=GroupKind.BOARD)
    try:
        placed = services.escalations_place_open(to_group=board)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{placed} open escalation(s) put on the next agenda of {board.name}.")
    return redirect("planning:escalation_list")
