"""Training's pages. Thin: a fetch helper, a form, one service or selector, a redirect or a render.
Login is required by middleware, except for the signed links (`login_not_required`), where the
token in the address is the key to one booking."""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.access import access
from core.exports import xlsx_response
from core.pdf import pdf_response, render_pdf
from core.views import apply_service_errors, paginate
from governance.selectors.history import record_history
from governance.views.access import check_perm
from training import selectors, services
from training.access_rules import (
    PARTNERSHIP_VIEWERS,
    SELF_BOOKERS_POST,
    SIGNED_LINK,
    SIGNED_LINK_POST,
    STAFF,
    STAFF_ACTION,
    STAFF_POST,
)
from training.choices import ATTENDED, BookingStatus, SessionStatus
from training.forms import (
    BookingForm,
    CourseForm,
    EvaluationForm,
    ImpactForm,
    NeedForm,
    RegisterForm,
    SelfBookingForm,
    SessionCancelForm,
    SessionForm,
    TrainerForm,
    TrainingSettingsForm,
    WorkforceForm,
    YearForm,
)
from training.links import LinkExpired, LinkInvalid, booking_id_from_token, booking_token
from training.models import Booking, Course, Session, Trainer, TrainingNeed
from training.rules import quarter_bounds

VIEW = "training.view_training"
MANAGE = "training.manage_training"
TRAINING_CRUMB = ("Training", reverse_lazy("training:session_list"))
COURSES_CRUMB = ("Courses", reverse_lazy("training:course_list"))


def _form_page(request, form, title: str, crumbs=(), intro: str = ""):
    return render(
        request,
        "training/form_page.html",
        {"form": form, "title": title, "breadcrumbs": [TRAINING_CRUMB, *crumbs], "intro": intro},
    )


def _session(request, pk: int, perm: str = VIEW) -> Session:
    check_perm(request.user, perm)
    try:
        return selectors.session_with_details(pk)
    except Session.DoesNotExist:
        raise Http404("No such session.") from None


# Sessions --------------------------------------------------------------------------------------


@access(PARTNERSHIP_VIEWERS)
@require_GET
def session_list(request):
    check_perm(request.user, VIEW)
    past = request.GET.get("when") == "past"
    page_obj, querystring = paginate(
        request, selectors.sessions_for_list(today=timezone.localdate(), past=past)
    )
    return render(
        request,
        "training/session_list.html",
        {
            "title": "Past sessions" if past else "Training sessions",
            "page_obj": page_obj,
            "querystring": querystring,
            "past": past,
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


@access(PARTNERSHIP_VIEWERS)
@require_GET
def session_detail(request, pk):
    session = _session(request, pk)
    return _render_session(request, session)


def _render_session(request, session: Session, *, booking_form=None, self_form=None, status=200):
    user = request.user
    can_manage = user.has_perm(MANAGE)
    person = getattr(user, "person", None)
    context = {
        "title": str(session),
        "breadcrumbs": [TRAINING_CRUMB],
        "session": session,
        "can_manage": can_manage,
        "open": session.status in (SessionStatus.SCHEDULED, SessionStatus.FULL)
        and session.starts_at() > timezone.now(),
        "mine": selectors.own_bookings(person=person, session=session),
        "can_book_self": user.has_perm("training.book_self"),
    }
    if can_manage:
        context["bookings"] = selectors.session_bookings(session)
        for booking in context["bookings"]["booked"]:
            if booking.attendance in ATTENDED:
                booking.certificate_url = reverse(
                    "training:link_certificate", kwargs={"signed": booking_token(booking.pk)}
                )
        context["booking_form"] = booking_form or BookingForm(prefix="book")
        context["free"] = (
            session.capacity - len(context["bookings"]["booked"]) - len(context["bookings"]["offered"])
        )
    if context["can_book_self"]:
        context["self_form"] = self_form or SelfBookingForm(
            prefix="me", initial={"agency": getattr(person, "agency_id", None)}
        )
    return render(request, "training/session_detail.html", context, status=status)


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def session_create(request):
    check_perm(request.user, MANAGE)
    initial = {"course": request.GET.get("course")} if request.GET.get("course", "").isdigit() else {}
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_save(
                session=form.save(commit=False), trainers=form.cleaned_data["trainers"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Session created.")
            return redirect(session)
    return _form_page(request, form, "New session")


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def session_edit(request, pk):
    session = _session(request, pk, MANAGE)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_save(session=form.save(commit=False), trainers=form.cleaned_data["trainers"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Session saved.")
            return redirect(session)
    return _form_page(request, form, f"Edit: {session}", [(str(session), session.get_absolute_url())])


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def session_cancel(request, pk):
    session = _session(request, pk, MANAGE)
    form = SessionCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_cancel(session=session, reason=form.cleaned_data["reason"], now=timezone.now())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Session cancelled: everyone booked or waiting has been told.")
            return redirect(session)
    intro = "Every place, offer and waiting place is released, and each practitioner is e-mailed."
    return _form_page(
        request, form, f"Cancel: {session}", [(str(session), session.get_absolute_url())], intro
    )


@access(STAFF_POST)
@require_POST
def booking_create(request, pk):
    session = _session(request, pk, MANAGE)
    form = BookingForm(request.POST, prefix="book")
    if form.is_valid():
        try:
            booking = services.booking_create(
                session=session, now=timezone.now(), booked_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            where = "booked" if booking.status == BookingStatus.BOOKED else "put on the waiting list"
            messages.success(request, f"{booking.name} {where}.")
            return redirect(session)
    return _render_session(request, session, booking_form=form)


@access(SELF_BOOKERS_POST)
@require_POST
def booking_self(request, pk):
    session = _session(request, pk, "training.book_self")
    if getattr(request.user, "person", None) is None:  # a superuser with no directory entry
        raise PermissionDenied
    form = SelfBookingForm(request.POST, prefix="me")
    if form.is_valid():
        person = request.user.person
        try:
            booking = services.booking_create(
                session=session,
                now=timezone.now(),
                name=person.name,
                email=person.email or request.user.email,
                agency=form.cleaned_data["agency"],
                person=person,
                booked_by=request.user,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            where = (
                "You have a place"
                if booking.status == BookingStatus.BOOKED
                else "You are on the waiting list"
            )
            messages.success(request, f"{where}: we have e-mailed you the details.")
            return redirect(session)
    return _render_session(request, session, self_form=form)


def _booking(request, pk: int) -> Booking:
    booking = get_object_or_404(Booking.objects.select_related("session__course"), pk=pk)
    check_perm(request.user, "training.view_booking", booking)
    return booking


def _act(request, booking: Booking, service, done: str):
    try:
        service(booking=booking, now=timezone.now())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(booking.session)


@access(STAFF_ACTION)
@require_POST
def booking_cancel(request, pk):
    booking = _booking(request, pk)
    return _act(request, booking, services.booking_cancel, f"{booking.name}'s booking cancelled.")


@access(STAFF_ACTION)
@require_POST
def booking_promote(request, pk):
    check_perm(request.user, MANAGE)
    booking = _booking(request, pk)
    return _act(request, booking, services.booking_promote, f"{booking.name} booked from the waiting list.")


@access(STAFF_ACTION)
@require_POST
def offers_make(request, pk):
    session = _session(request, pk, MANAGE)
    offered = services.offers_make(session=session, now=timezone.now())
    messages.success(request, f"{len(offered)} place(s) offered to the waiting list.")
    return redirect(session)


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def register(request, pk):
    session = _session(request, pk, MANAGE)
    bookings = selectors.session_bookings(session)["booked"]
    form = RegisterForm(request.POST or None, bookings=bookings)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(session=session, marks=form.marks(), now=timezone.now())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Register saved: those who attended have been sent the evaluation.")
            return redirect(session)
    return render(
        request,
        "training/register.html",
        {
            "title": f"Register: {session}",
            "breadcrumbs": [TRAINING_CRUMB, (str(session), session.get_absolute_url())],
            "session": session,
            "form": form,
            "bookings": bookings,
        },
    )


@access(PARTNERSHIP_VIEWERS)
@require_GET
def session_evaluations(request, pk):
    session = _session(request, pk)
    return render(
        request,
        "training/evaluations.html",
        {
            "title": f"Evaluations: {session}",
            "breadcrumbs": [TRAINING_CRUMB, (str(session), session.get_absolute_url())],
            "subject": session,
            "results": selectors.evaluation_results(session=session),
        },
    )


# Courses ---------------------------------------------------------------------------------------


@access(PARTNERSHIP_VIEWERS)
@require_GET
def course_list(request):
    check_perm(request.user, VIEW)
    page_obj, querystring = paginate(request, selectors.courses_for_list())
    return render(
        request,
        "training/course_list.html",
        {
            "title": "Courses",
            "breadcrumbs": [TRAINING_CRUMB],
            "page_obj": page_obj,
            "querystring": querystring,
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


def _course(request, pk: int, perm: str = VIEW) -> Course:
    check_perm(request.user, perm)
    return get_object_or_404(Course.objects.select_related("level"), pk=pk)


@access(PARTNERSHIP_VIEWERS)
@require_GET
def course_detail(request, pk):
    course = _course(request, pk)
    return render(
        request,
        "training/course_detail.html",
        {
            "title": course.title,
            "breadcrumbs": [TRAINING_CRUMB, COURSES_CRUMB],
            "course": course,
            "sessions": course.sessions.order_by("-date")[:50],
            "results": selectors.evaluation_results(course=course),
            "trainers": course.trainers.select_related("person__agency"),
            "needs": course.needs.all(),
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def course_create(request):
    check_perm(request.user, MANAGE)
    return _course_form(request, Course(), "New course")


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def course_edit(request, pk):
    course = _course(request, pk, MANAGE)
    return _course_form(request, course, f"Edit: {course}")


def _course_form(request, course: Course, title: str):
    form = CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.course_save(course=form.save(commit=False))
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Course saved.")
            return redirect(saved)
    return _form_page(request, form, title, [COURSES_CRUMB])


# The training pool -----------------------------------------------------------------------------


@access(PARTNERSHIP_VIEWERS)
@require_GET
def pool(request):
    check_perm(request.user, VIEW)
    trainers = list(selectors.pool_for_list())
    for trainer in trainers:
        trainer.hours = (
            round(trainer.delivered_time.total_seconds() / 3600, 1) if trainer.delivered_time else 0
        )
    return render(
        request,
        "training/pool.html",
        {
            "title": "Training pool",
            "breadcrumbs": [TRAINING_CRUMB],
            "trainers": trainers,
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def trainer_create(request):
    check_perm(request.user, MANAGE)
    return _trainer_form(request, Trainer(), "Add to the training pool")


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def trainer_edit(request, pk):
    check_perm(request.user, MANAGE)
    trainer = get_object_or_404(Trainer.objects.select_related("person"), pk=pk)
    return _trainer_form(request, trainer, f"Trainer: {trainer}")


def _trainer_form(request, trainer: Trainer, title: str):
    form = TrainerForm(request.POST or None, instance=trainer)
    if request.method == "POST" and form.is_valid():
        try:
            services.trainer_save(trainer=form.save(commit=False), courses=form.cleaned_data["courses"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Training pool saved.")
            return redirect("training:pool")
    return _form_page(request, form, title, [("Training pool", reverse("training:pool"))])


# Take-up by agency ------------------------------------------------------------------------------


def _year(request) -> int:
    form = YearForm(request.GET)
    return form.cleaned_data["year"] if form.is_valid() else timezone.localdate().year


@access(PARTNERSHIP_VIEWERS)
@require_GET
def take_up(request):
    check_perm(request.user, VIEW)
    year = _year(request)
    quarters = selectors.take_up_by_quarter(year=year)
    rows = selectors.take_up_of_year(quarters)
    return render(
        request,
        "training/take_up.html",
        {
            "title": f"Take-up by agency, {year}",
            "breadcrumbs": [TRAINING_CRUMB],
            "year": year,
            "years": [year - 1, year + 1],
            "rows": rows,
            "totals": selectors.take_up_totals(rows),
            "sectors": selectors.take_up_by_sector(rows),
            "chart": selectors.take_up_chart(rows),
            "quarters": [
                {
                    "number": n,
                    "bounds": quarter_bounds(year, n),
                    "rows": quarters[n],
                    "totals": selectors.take_up_totals(quarters[n]),
                }
                for n in (1, 2, 3, 4)
            ],
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


@access(PARTNERSHIP_VIEWERS)
@require_GET
def take_up_export(request):
    check_perm(request.user, VIEW)
    year = _year(request)
    quarters = selectors.take_up_by_quarter(year=year)
    headers = [
        "Quarter",
        "Agency",
        "Sector",
        "Booked",
        "Attended",
        "No-shows",
        "Cancellations",
        "Late cancellations",
        "Workforce",
        "Attended per 100 staff",
    ]
    rows = [
        [
            f"{year} Q{n}",
            r["agency_name"],
            r["sector"],
            r["booked"],
            r["attended"],
            r["no_shows"],
            r["cancellations"],
            r["late_cancellations"],
            r["workforce"],
            r["attended_per_hundred"],
        ]
        for n in (1, 2, 3, 4)
        for r in quarters[n]
    ]
    yearly = selectors.take_up_of_year(quarters)
    rows += [
        [
            str(year),
            r["agency_name"],
            r["sector"],
            r["booked"],
            r["attended"],
            r["no_shows"],
            r["cancellations"],
            r["late_cancellations"],
            r["workforce"],
            r["attended_per_hundred"],
        ]
        for r in yearly
    ]
    return xlsx_response(
        headers, rows, filename=f"training-take-up-{year}.xlsx", sheet_title=f"Take-up {year}"
    )


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def training_settings(request):
    check_perm(request.user, MANAGE)
    form = TrainingSettingsForm(request.POST or None, instance=services.training_settings(), prefix="s")
    workforce = WorkforceForm(request.POST or None, prefix="w")
    if request.method == "POST":
        target = form if "s-offer_hours" in request.POST else workforce
        if target.is_valid():
            try:
                if target is form:
                    services.training_settings_update(values=form.cleaned_data)
                else:
                    services.workforce_set(**workforce.cleaned_data)
            except ValidationError as error:
                apply_service_errors(target, error)
            else:
                messages.success(request, "Saved.")
                return redirect("training:settings")
    return render(
        request,
        "training/settings.html",
        {
            "title": "Training settings",
            "breadcrumbs": [TRAINING_CRUMB],
            "form": form,
            "workforce_form": workforce,
        },
    )


# Training needs ---------------------------------------------------------------------------------


@access(PARTNERSHIP_VIEWERS)
@require_GET
def need_list(request):
    check_perm(request.user, VIEW)
    page_obj, querystring = paginate(request, selectors.needs_for_list())
    return render(
        request,
        "training/need_list.html",
        {
            "title": "Training needs",
            "breadcrumbs": [TRAINING_CRUMB],
            "page_obj": page_obj,
            "querystring": querystring,
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def need_create(request):
    check_perm(request.user, MANAGE)
    return _need_form(request, TrainingNeed(recorded_by=request.user), "Record a training need")


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def need_edit(request, pk):
    check_perm(request.user, MANAGE)
    need = get_object_or_404(TrainingNeed, pk=pk)
    return _need_form(request, need, f"Training need: {need}")


def _need_form(request, need: TrainingNeed, title: str):
    form = NeedForm(request.POST or None, instance=need)
    if request.method == "POST" and form.is_valid():
        try:
            services.need_save(need=form.save(commit=False), courses=form.cleaned_data["courses"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Training need saved.")
            return redirect("training:need_list")
    return _form_page(request, form, title, [("Training needs", reverse("training:need_list"))])


# History ---------------------------------------------------------------------------------------


def _history(request, instance: Course | Session | Trainer | TrainingNeed, label: str):
    page_obj, entries = record_history(instance, page_number=request.GET.get("page"))
    return render(
        request,
        "governance/record_history.html",
        {
            "title": f"History: {instance}",
            "record_label": label,
            "instance": instance,
            "back_url": instance.get_absolute_url(),
            "page_obj": page_obj,
            "entries": entries,
            "querystring": "",
        },
    )


@access(PARTNERSHIP_VIEWERS)
@require_GET
def course_history(request, pk):
    return _history(request, _course(request, pk), "Course")


@access(PARTNERSHIP_VIEWERS)
@require_GET
def session_history(request, pk):
    return _history(request, _session(request, pk), "Session")


@access(PARTNERSHIP_VIEWERS)
@require_GET
def trainer_history(request, pk):
    check_perm(request.user, VIEW)
    return _history(request, get_object_or_404(Trainer.objects.select_related("person"), pk=pk), "Trainer")


@access(PARTNERSHIP_VIEWERS)
@require_GET
def need_history(request, pk):
    check_perm(request.user, VIEW)
    return _history(request, get_object_or_404(TrainingNeed, pk=pk), "Training need")


# Signed links: no login, one booking, expiring ------------------------------------------------


def signed_booking(view):
    """Resolve the link's token to its booking and call `view(request, booking)`; an altered link
    is refused (403) and an expired one is gone (410), each with a page saying what to do."""

    @functools.wraps(view)
    def wrapped(request, signed):
        max_age = datetime.timedelta(days=services.training_settings().link_days)
        try:
            booking_id = booking_id_from_token(signed, max_age=max_age)
        except LinkExpired:
            return _link_problem(
                request, 410, "This link has expired", "Ask the partnership team for a new one."
            )
        except LinkInvalid:
            return _link_problem(
                request,
                403,
                "This link is not valid",
                "It may have been copied incompletely from the e-mail.",
            )
        booking = get_object_or_404(
            Booking.objects.select_related("session__course", "agency"), pk=booking_id
        )
        return view(request, booking)

    return wrapped


def _link_problem(request, status: int, heading: str, advice: str):
    return render(request, "training/link_problem.html", {"title": heading, "advice": advice}, status=status)


def _link_page(request, booking: Booking, template: str, **context):
    return render(
        request,
        f"training/{template}",
        {"booking": booking, "session": booking.session, "title": str(booking.session), **context},
    )


@login_not_required
@access(SIGNED_LINK, SIGNED_LINK_POST)
@require_http_methods(["GET", "POST"])
@signed_booking
def link_accept(request, booking):
    error = ""
    if request.method == "POST" and "accept" in request.POST:
        try:
            booking = services.offer_accept(booking=booking, now=timezone.now())
        except ValidationError as refused:
            error = " ".join(refused.messages)
    return _link_page(request, booking, "link_accept.html", error=error)


@login_not_required
@access(SIGNED_LINK, SIGNED_LINK_POST)
@require_http_methods(["GET", "POST"])
@signed_booking
def link_cancel(request, booking):
    error = ""
    if request.method == "POST" and "cancel" in request.POST:
        try:
            booking = services.booking_cancel(booking=booking, now=timezone.now())
        except ValidationError as refused:
            error = " ".join(refused.messages)
    return _link_page(request, booking, "link_cancel.html", error=error)


@login_not_required
@access(SIGNED_LINK, SIGNED_LINK_POST)
@require_http_methods(["GET", "POST"])
@signed_booking
def link_evaluate(request, booking):
    done = hasattr(booking, "evaluation")
    form = EvaluationForm(request.POST or None, outcomes=booking.session.course.outcomes)
    if request.method == "POST" and not done and booking.attendance in ATTENDED and form.is_valid():
        try:
            services.evaluation_submit(
                booking=booking,
                rating=form.cleaned_data["rating"],
                comments=form.cleaned_data["comments"],
                confidence=form.confidence(),
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            done = True
    return _link_page(
        request, booking, "link_evaluate.html", form=form, done=done, attended=booking.attendance in ATTENDED
    )


@login_not_required
@access(SIGNED_LINK, SIGNED_LINK_POST)
@require_http_methods(["GET", "POST"])
@signed_booking
def link_impact(request, booking):
    done = hasattr(booking, "impact")
    form = ImpactForm(request.POST or None)
    if request.method == "POST" and not done and booking.attendance in ATTENDED and form.is_valid():
        try:
            services.impact_submit(booking=booking, now=timezone.now(), **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            done = True
    return _link_page(
        request, booking, "link_impact.html", form=form, done=done, attended=booking.attendance in ATTENDED
    )


@login_not_required
@access(SIGNED_LINK)
@require_GET
@signed_booking
def link_certificate(request, booking):
    if booking.attendance not in ATTENDED:
        raise Http404("A certificate is for those who attended.")
    pdf = render_pdf(
        "training/certificate.html",
        {"booking": booking, "session": booking.session, "course": booking.session.course},
        request=request,
    )
    return pdf_response(pdf, f"certificate-{booking.session.date:%Y-%m-%d}.pdf")
