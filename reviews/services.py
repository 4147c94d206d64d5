"""Every change to a case review: `<entity>_<verb>`, keyword-only, in one transaction each.

Services trust their caller to have checked who may do it (reviews/permissions.py in the
views). Those that read the clock take `today` / `now`. After each change the review's stored
step and next deadline are recomputed from reviews/clocks.py with the clock rules as they are
now, so the deadlines board and the reminder scan read an index.
"""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import Group as AuthGroup
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import render_pdf
from core.workdays import closure_days
from governance.choices import ActionSource
from governance.models import Agency, AgendaItem, Group, GroupKind, Person, StatutoryRole
from governance.services.actions import action_record_for_source
from governance.services.papers import paper_submit
from reviews import clocks
from reviews.choices import (
    DEFAULT_THEMES,
    OFFICERS_MARKER,
    OPEN_STEPS,
    READERS_MARKER,
    AdultDecision,
    ClockCode,
    Recommendation,
    RequestStatus,
    ReviewType,
)
from reviews.models import (
    AccessGrant,
    AccessLogEntry,
    CaseChild,
    CaseReview,
    CaseReviewOfficer,
    CdopRecommendation,
    CdopReport,
    ClockRule,
    Correction,
    InformationRequest,
    LearningBriefing,
    Milestone,
    PartnerDecision,
    QuarterlyReport,
    ReviewRecommendation,
    SignOff,
    Theme,
    decision_label,
)
from reviews.selectors import period_summary

MAX_CHILDREN = 4  # a serious incident notification covers up to four children
REFERENCE_PREFIX = {ReviewType.CHILD: "RR", ReviewType.DHR: "DHR", ReviewType.SAR: "SAR"}
# The review's own fields a form may change; published reviews change them only by correction.
EDITABLE_FIELDS = (
    "awareness_date",
    "abuse_or_neglect",
    "harm",
    "panel_notified_on",
    "rapid_review_meeting",
    "recommendation",
    "recommendation_reasons",
    "reg11_improvements",
    "reg11_recurrent_themes",
    "reg11_multi_agency",
    "reg11_panel_suggested",
    "rapid_review_submitted_on",
    "panel_response_on",
    "panel_response",
    "scrutineer_name",
    "scrutineer_comments",
    "scrutineer_commented_on",
    "decision",
    "decision_date",
    "terms_of_reference",
    "lead_reviewer_name",
    "lead_reviewer_organisation",
    "contract_start",
    "contract_end",
    "completed_on",
    "home_office_approved_on",
    "planned_publication_on",
    "sent_to_panel_on",
    "published_on",
    "published_summary",
    "closed_on",
)


# Clocks ----------------------------------------------------------------------------------


def clock_rules() -> dict[str, Any]:
    """Every clock rule by code (one query): the stored rule, or the product's default for a code
    no row holds yet (a database the seeding migration has not run on)."""
    stored: dict[str, Any] = {rule.code: rule for rule in ClockRule.objects.all()}
    return {rule.code: stored.get(rule.code, rule) for rule in clocks.DEFAULT_RULES}


def review_facts(review: CaseReview) -> clocks.Facts:
    return clocks.Facts(
        review_type=review.review_type,
        awareness_date=review.awareness_date,
        panel_notified_on=review.panel_notified_on,
        rapid_review_submitted_on=review.rapid_review_submitted_on,
        decision=review.decision,
        decision_date=review.decision_date,
        planned_publication_on=review.planned_publication_on,
        sent_to_panel_on=review.sent_to_panel_on,
        completed_on=review.completed_on,
        home_office_approved_on=review.home_office_approved_on,
        published_on=review.published_on,
        closed_on=review.closed_on,
    )


def review_deadlines(
    review: CaseReview, rules: Mapping[str, Any], closures: frozenset[datetime.date]
) -> list[clocks.Deadline]:
    return clocks.deadlines(review_facts(review), rules, closures)


def _refresh_clock(review: CaseReview, rules: Mapping[str, Any] | None = None) -> None:
    """Store the review's step and next deadline (not saved: the caller saves)."""
    rules = clock_rules() if rules is None else rules
    facts = review_facts(review)
    review.step = clocks.current_step(facts)
    upcoming = clocks.next_deadline(clocks.deadlines(facts, rules, closure_days()), review.step)
    review.next_deadline = upcoming.due if upcoming else None
    review.next_deadline_code = upcoming.code if upcoming else ""


def _validate_dates(review: CaseReview) -> None:
    errors = {}
    for field in ("panel_notified_on", "rapid_review_submitted_on", "decision_date"):
        value = getattr(review, field)
        if value is not None and value < review.awareness_date:
            errors[field] = "This cannot be before the awareness date."
    if review.published_on and review.review_type == ReviewType.CHILD and review.decision_date is None:
        errors["published_on"] = "A review is published only after the partners' decision."
    if review.contract_start and review.contract_end and review.contract_end < review.contract_start:
        errors["contract_end"] = "The contract cannot end before it starts."
    if (
        review.review_type != ReviewType.CHILD
        and review.decision
        and review.decision not in AdultDecision.values
    ):
        errors["decision"] = "Choose whether to hold a review."
    if review.review_type != ReviewType.CHILD and bool(review.decision) != bool(review.decision_date):
        errors["decision_date"] = "Record the decision and its date together."
    if review.recommendation and review.recommendation not in Recommendation.values:
        errors["recommendation"] = "Choose one of the rapid review's recommendations."
    if errors:
        raise ValidationError(errors)


def _lock(review: CaseReview) -> CaseReview:
    return CaseReview.objects.select_for_update().get(pk=review.pk)


def _reference(review_type: str, year: int) -> str:
    prefix = f"{REFERENCE_PREFIX[ReviewType(review_type)]}-{year}-"
    taken = CaseReview.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
    numbers = [int(ref.rsplit("-", 1)[1]) for ref in taken if ref.rsplit("-", 1)[1].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


@transaction.atomic
def case_review_record(
    *,
    review_type: str,
    awareness_date: datetime.date,
    recorded_by,
    children: Iterable[Mapping[str, Any]] = (),
    agencies: Iterable[Agency] = (),
    themes: Iterable[Theme] = (),
    panel_notified_on: datetime.date | None = None,
    abuse_or_neglect: bool = False,
    harm: str = "",
    now: datetime.datetime | None = None,
) -> CaseReview:
    """Record a serious incident notification (or a DHR / SAR referral), its children under
    pseudonyms, the agencies involved; its clocks start from the awareness date."""
    children = [dict(child) for child in children]
    if review_type == ReviewType.CHILD and not children:
        raise ValidationError({"children": "Name at least one child, by pseudonym (Child A)."})
    if len(children) > MAX_CHILDREN:
        raise ValidationError({"children": f"A notification covers at most {MAX_CHILDREN} children."})
    pseudonyms = [child.get("pseudonym", "").strip() for child in children]
    if any(not name for name in pseudonyms):
        raise ValidationError({"children": "Give each child a pseudonym (Child A)."})
    if len(set(pseudonyms)) != len(pseudonyms):
        raise ValidationError({"children": "Each child needs a different pseudonym."})
    review = CaseReview(
        review_type=review_type,
        awareness_date=awareness_date,
        panel_notified_on=panel_notified_on,
        abuse_or_neglect=abuse_or_neglect,
        harm=harm,
        recorded_by=recorded_by if getattr(recorded_by, "pk", None) else None,
        reference="pending",
    )
    _validate_dates(review)
    review.reference = _reference(review_type, awareness_date.year)
    _refresh_clock(review)
    review._history_user = review.recorded_by
    review.full_clean()
    review.save()
    _dated(review, now)
    review.agencies.set(agencies)
    review.themes.set(themes)
    for child in children:
        CaseChild.objects.create(review=review, **{**child, "pseudonym": child["pseudonym"].strip()})
    return review


def _dated(row, now: datetime.datetime | None) -> None:
    if now is not None:
        type(row)._base_manager.filter(pk=row.pk).update(created_at=now, updated_at=now)


@transaction.atomic
def case_review_update(
    *,
    review: CaseReview,
    values: Mapping[str, Any],
    user,
    agencies: Iterable[Agency] | None = None,
    themes: Iterable[Theme] | None = None,
    correction_reason: str = "",
    now: datetime.datetime | None = None,
) -> CaseReview:
    """Change a review's recorded facts; every dependent deadline is recomputed. A published
    review is locked: a change to it is a correction, with its reason, recorded field by field."""
    now = now or timezone.now()
    locked = _lock(review)
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    was_published = locked.published_on is not None
    changed = {name: value for name, value in values.items() if getattr(locked, name) != value}
    if was_published and changed:
        if not correction_reason.strip():
            raise ValidationError(
                {"correction_reason": "This review is published: say why each correction is made."}
            )
        for name, value in changed.items():
            Correction.objects.create(
                review=locked,
                field=name,
                before=str(getattr(locked, name) or ""),
                after=str(value or ""),
                reason=correction_reason.strip(),
                made_by=user,
                made_at=now,
            )
    for name, value in changed.items():
        setattr(locked, name, value)
    if locked.review_type == ReviewType.CHILD and "decision" in changed:
        raise ValidationError({"decision": "A child case's decision is the three partners' (record each)."})
    _validate_dates(locked)
    _refresh_clock(locked)
    locked._history_user = user
    if correction_reason:
        locked._change_reason = f"Correction: {correction_reason.strip()}"[:100]
    locked.full_clean()
    locked.save()
    if agencies is not None and not was_published:
        locked.agencies.set(agencies)
    if themes is not None:
        locked.themes.set(themes)
    return locked


def _check_not_published(review: CaseReview) -> None:
    if review.published_on is not None:
        raise ValidationError("This review is published and locked: record a correction instead.")


@transaction.atomic
def child_add(*, review: CaseReview, pseudonym: str, **details: Any) -> CaseChild:
    locked = _lock(review)
    _check_not_published(locked)
    if locked.children.count() >= MAX_CHILDREN:
        raise ValidationError(f"A notification covers at most {MAX_CHILDREN} children.")
    child = CaseChild(review=locked, pseudonym=pseudonym.strip(), **details)
    child.full_clean()
    child.save()
    return child


@transaction.atomic
def child_update(*, child: CaseChild, values: Mapping[str, Any], user) -> CaseChild:
    _check_not_published(child.review)
    for name, value in values.items():
        setattr(child, name, value)
    child._history_user = user
    child.full_clean()
    child.save()
    return child


# The rapid review ---------------------------------------------------------------------------


@transaction.atomic
def information_request_record(
    *, review: CaseReview, agency: Agency, requested_on: datetime.date, due_on: datetime.date | None = None
) -> InformationRequest:
    """Ask an involved agency for its information; due by the agency-information clock unless
    a date is given."""
    _check_not_published(review)
    if due_on is None:
        rule = clock_rules()[ClockCode.AGENCY_INFORMATION]
        due_on = clocks.deadline(rule, requested_on, closure_days())
    if due_on < requested_on:
        raise ValidationError({"due_on": "The information cannot be due before it is requested."})
    if InformationRequest.objects.filter(review=review, agency=agency).exists():
        raise ValidationError({"agency": f"{agency.label} has already been asked."})
    request = InformationRequest(review=review, agency=agency, requested_on=requested_on, due_on=due_on)
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def information_request_update(
    *, request: InformationRequest, status: str, on: datetime.date
) -> InformationRequest:
    """Chased or received, on a date no earlier than the request."""
    _check_not_published(request.review)
    if status not in (RequestStatus.CHASED, RequestStatus.RECEIVED):
        raise ValidationError({"status": "Mark it chased or received."})
    if on < request.requested_on:
        raise ValidationError({"on": "This cannot be before the request."})
    request.status = status
    if status == RequestStatus.CHASED:
        request.chased_on = on
    else:
        request.received_on = on
    request.save()
    return request


def statutory_partners() -> dict[str, Agency]:
    """The three safeguarding partners by statutory role (governance's Agency.statutory_role)."""
    return {agency.statutory_role: agency for agency in Agency.objects.statutory_partners()}


@transaction.atomic
def partner_decision_record(
    *,
    review: CaseReview,
    representative: Person,
    decision: str,
    decided_on: datetime.date,
    user,
) -> PartnerDecision:
    """One safeguarding partner's decision on the rapid review. The decision is final only when
    all three partners have made the same one (seed 001 s.15.7); then it is the review's, dated
    the day the last of them decided, and the review's clocks move on."""
    locked = _lock(review)
    _check_not_published(locked)
    if locked.review_type != ReviewType.CHILD:
        raise ValidationError("The three partners decide on a rapid review; record this review's decision.")
    if decision not in Recommendation.values:
        raise ValidationError({"decision": "Choose one of the decisions."})
    agency = representative.agency
    if not agency.statutory_role:
        raise ValidationError(
            {"representative": f"{representative} is not in one of the three safeguarding partners."}
        )
    if decided_on < locked.awareness_date:
        raise ValidationError({"decided_on": "This cannot be before the awareness date."})
    others = list(locked.partner_decisions.exclude(statutory_role=agency.statutory_role))
    if any(other.decision != decision for other in others):
        raise ValidationError(
            {"decision": "Another partner decided otherwise: the three partners must agree."}
        )
    try:
        with transaction.atomic():
            row, _ = PartnerDecision.objects.update_or_create(
                review=locked,
                statutory_role=agency.statutory_role,
                defaults={
                    "agency": agency,
                    "representative": representative,
                    "decision": decision,
                    "decided_on": decided_on,
                },
            )
    except IntegrityError as error:  # pragma: no cover - the unique row is updated, not added twice
        raise ValidationError("This partner's decision was recorded at the same time.") from error
    decided = {row.statutory_role: row for row in locked.partner_decisions.all()}
    if clocks.partners_decision_final(decided, StatutoryRole.values):
        locked.decision = decision
        locked.decision_date = max(row.decided_on for row in decided.values())
    else:
        locked.decision, locked.decision_date = "", None
    _refresh_clock(locked)
    locked._history_user = user
    locked.save()
    return row


# The review ------------------------------------------------------------------------------


@transaction.atomic
def milestone_record(
    *,
    review: CaseReview,
    kind: str,
    due_on: datetime.date,
    done_on: datetime.date | None = None,
    note: str = "",
) -> Milestone:
    _check_not_published(review)
    milestone = Milestone(review=review, kind=kind, due_on=due_on, done_on=done_on, note=note.strip())
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def sign_off_record(
    *, review: CaseReview, person: Person, capacity: str, signed_on: datetime.date
) -> SignOff:
    """A delegated safeguarding partner signs off the final report before publication (s.15.9)."""
    _check_not_published(review)
    if not person.safeguarding_partner_role or not person.agency.statutory_role:
        raise ValidationError({"person": f"{person} is not a lead or delegated safeguarding partner."})
    if review.sign_offs.filter(person=person).exists():
        raise ValidationError({"person": f"{person} has already signed off this review."})
    sign_off = SignOff(review=review, person=person, capacity=capacity.strip(), signed_on=signed_on)
    sign_off.full_clean()
    sign_off.save()
    return sign_off


# Recommendations, learning, themes ----------------------------------------------------------


@transaction.atomic
def recommendation_add(
    *,
    review: CaseReview,
    text: str,
    group: Group,
    owners: Iterable[Person],
    recorded_by,
    due_date: datetime.date | None = None,
    lead_agency: Agency | None = None,
    now: datetime.datetime | None = None,
) -> ReviewRecommendation:
    """A recommendation of the review, and its action in the JCR group's log (origin: the review)."""
    locked = _lock(review)
    if not text.strip():
        raise ValidationError({"text": "Write the recommendation."})
    number = (locked.recommendations.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    action = action_record_for_source(
        source_object=locked,
        source_kind=ActionSource.CASE_REVIEW,
        label=f"{locked.reference}, recommendation {number}",
        group=group,
        description=text.strip(),
        owners=owners,
        recorded_by=recorded_by,
        due_date=due_date,
        lead_agency=lead_agency,
        now=now,
    )
    return ReviewRecommendation.objects.create(review=locked, number=number, text=text.strip(), action=action)


@transaction.atomic
def briefing_record(
    *, review: CaseReview, title: str, date: datetime.date, audience: str, file=None
) -> LearningBriefing:
    briefing = LearningBriefing(review=review, title=title.strip(), date=date, audience=audience.strip())
    if file:
        briefing.file = file
    briefing.full_clean()
    briefing.save()
    return briefing


@transaction.atomic
def themes_ensure_defaults() -> dict[str, Theme]:
    """The default themes (issue 12), added where missing; every theme by name."""
    for name in DEFAULT_THEMES:
        Theme.objects.get_or_create(name=name)
    return {theme.name: theme for theme in Theme.objects.all()}


@transaction.atomic
def theme_add(*, name: str) -> Theme:
    name = " ".join(name.split())
    if Theme.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": f"“{name}” is already a theme."})
    theme = Theme(name=name)
    theme.full_clean()
    theme.save()
    return theme


# Clock rules ------------------------------------------------------------------------------


def clock_rule_row(*, code: str) -> ClockRule:
    """The stored rule, or an unsaved one holding the product's default (saved on first change)."""
    stored = ClockRule.objects.filter(code=code).first()
    if stored is not None:
        return stored
    default = next(rule for rule in clocks.DEFAULT_RULES if rule.code == code)
    return ClockRule(
        code=default.code,
        name=default.name,
        length=default.length,
        unit=default.unit,
        counted_from=default.counted_from,
        before=default.before,
        source=default.source,
    )


@transaction.atomic
def clock_rule_update(*, rule: ClockRule, values: Mapping[str, Any], user, reason: str = "") -> int:
    """Change a clock rule (history kept); every open review's deadlines follow it from now on,
    closed and published ones keep what they were measured against. Answers how many open
    reviews were recomputed."""
    locked = ClockRule.objects.select_for_update().get(pk=rule.pk) if rule.pk else rule
    for name, value in values.items():
        if name not in ("name", "length", "unit", "before", "source"):
            raise ValidationError(f"{name} cannot be changed.")
        setattr(locked, name, value)
    locked._history_user = user
    locked._change_reason = reason.strip()[:100]
    locked.full_clean()
    locked.save()
    rules = clock_rules()
    count = 0
    for review in CaseReview.objects.select_for_update().filter(step__in=OPEN_STEPS):
        before = (review.next_deadline, review.next_deadline_code)
        _refresh_clock(review, rules)
        if (review.next_deadline, review.next_deadline_code) != before:
            CaseReview.objects.filter(pk=review.pk).update(
                next_deadline=review.next_deadline, next_deadline_code=review.next_deadline_code
            )
        count += 1
    return count


# Access -----------------------------------------------------------------------------------


@transaction.atomic
def grant_give(*, review: CaseReview, user, reason: str, granted_by, now: datetime.datetime) -> AccessGrant:
    if not reason.strip():
        raise ValidationError({"reason": "Say why this person needs to see the review."})
    if AccessGrant.objects.filter(review=review, user=user, withdrawn_at__isnull=True).exists():
        raise ValidationError({"user": f"{user} already has access to this review."})
    grant = AccessGrant(
        review=review, user=user, reason=reason.strip(), granted_by=granted_by, granted_at=now
    )
    grant._history_user = granted_by
    grant.save()
    _mark(user, READERS_MARKER, True)
    return grant


@transaction.atomic
def grant_withdraw(*, grant: AccessGrant, by, now: datetime.datetime) -> AccessGrant:
    if grant.withdrawn_at is None:
        grant.withdrawn_at = now
        grant._history_user = by
        grant.save()
        still_granted = AccessGrant.objects.filter(user=grant.user, withdrawn_at__isnull=True).exists()
        _mark(grant.user, READERS_MARKER, still_granted)
    return grant


@transaction.atomic
def officer_name(*, user, named_by, now: datetime.datetime) -> CaseReviewOfficer:
    officer, _ = CaseReviewOfficer.objects.get_or_create(
        user=user, defaults={"named_by": named_by, "named_at": now}
    )
    _mark(user, OFFICERS_MARKER, True)
    return officer


@transaction.atomic
def officer_remove(*, officer: CaseReviewOfficer, by) -> None:
    officer._history_user = by
    officer.delete()
    _mark(officer.user, OFFICERS_MARKER, False)


def _mark(user, marker: str, on: bool) -> None:
    """Keep the top bar's marker group in step (reviews.permissions.sees_case_reviews_in_nav)."""
    group, _ = AuthGroup.objects.get_or_create(name=marker)
    if on:
        user.groups.add(group)
    else:
        user.groups.remove(group)


def access_log_record(*, user, review: CaseReview, what: str, now: datetime.datetime) -> AccessLogEntry:
    """Someone has just been shown a review's restricted details."""
    return AccessLogEntry.objects.create(user=user, review=review, what=what[:200], at=now)


# The JCR chair's quarterly report ------------------------------------------------------------


def quarter_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar quarter holding `day`: its first and last days."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = datetime.date(day.year, first_month, 1)
    end = clocks.add_months(start, 3) - datetime.timedelta(days=1)
    return start, end


@transaction.atomic
def quarterly_report_draft(
    *, start: datetime.date, end: datetime.date, user, today: datetime.date
) -> QuarterlyReport:
    """A draft from the records of the period (counts only, no case material): reviews opened,
    decisions, publications, overdue steps, recommendations' actions open and finished, themes.
    The chair edits it before it goes to the board."""
    if end < start:
        raise ValidationError({"period_end": "The period cannot end before it starts."})
    summary = period_summary(start=start, end=end)
    text = render_to_string(
        "reviews/quarterly_report_draft.txt",
        {
            "summary": summary,
            "decisions": {decision_label(code): count for code, count in summary["decisions"].items()},
            "start": start,
            "end": end,
            "today": today,
            "types": dict(ReviewType.choices),
        },
    ).strip()
    report = QuarterlyReport(
        period_start=start,
        period_end=end,
        title=f"Joint Case Review Group: quarterly report to the board, {start:%-d %B} to {end:%-d %B %Y}",
        text=text,
        drafted_by=user,
    )
    report._history_user = user
    report.full_clean()
    report.save()
    return report


def _check_not_attached(report: QuarterlyReport) -> None:
    if report.paper_id is not None:
        raise ValidationError("This report has gone to the board as a paper: it no longer changes.")


@transaction.atomic
def quarterly_report_update(*, report: QuarterlyReport, title: str, text: str, user) -> QuarterlyReport:
    locked = QuarterlyReport.objects.select_for_update().get(pk=report.pk)
    _check_not_attached(locked)
    locked.title, locked.text = title.strip(), text.strip()
    locked._history_user = user
    locked.full_clean()
    locked.save()
    return locked


@transaction.atomic
def quarterly_report_attach(
    *, report: QuarterlyReport, agenda_item: AgendaItem, user, now: datetime.datetime
) -> QuarterlyReport:
    """The report as a PDF paper under a board meeting's agenda item (governance's paper service:
    its lateness, checks and escalation); then it is locked."""
    locked = QuarterlyReport.objects.select_for_update().get(pk=report.pk)
    _check_not_attached(locked)
    if agenda_item.meeting.group.kind != GroupKind.BOARD:
        raise ValidationError({"agenda_item": "The quarterly report goes to a meeting of the board."})
    pdf = render_pdf("reviews/quarterly_report_pdf.html", {"report": locked})
    paper = paper_submit(
        agenda_item=agenda_item,
        uploaded_file=SimpleUploadedFile(
            f"jcr-quarterly-report-{locked.period_start:%Y-%m}.pdf", pdf, content_type="application/pdf"
        ),
        title=locked.title[:300],
        author=getattr(user, "person", None),
        submitted_by=user,
        now=now,
    )
    locked.paper, locked.attached_at = paper, now
    locked._history_user = user
    locked.save()
    return locked


# Child death overview: the CDOP's annual report --------------------------------------------------


@transaction.atomic
def cdop_report_record(
    *,
    year_label: str,
    received_on: datetime.date,
    summary: str = "",
    themes: Iterable[Theme] = (),
    file=None,
) -> CdopReport:
    report = CdopReport(year_label=year_label.strip(), received_on=received_on, summary=summary.strip())
    if file:
        report.file = file
    report.full_clean()
    report.save()
    report.themes.set(themes)
    return report


@transaction.atomic
def cdop_recommendation_add(
    *,
    report: CdopReport,
    text: str,
    group: Group,
    owners: Iterable[Person],
    recorded_by,
    due_date: datetime.date | None = None,
    lead_agency: Agency | None = None,
    now: datetime.datetime | None = None,
) -> CdopRecommendation:
    """A CDOP recommendation routed through the JCR into its action log (origin: the report)."""
    locked = CdopReport.objects.select_for_update().get(pk=report.pk)
    if not text.strip():
        raise ValidationError({"text": "Write the recommendation."})
    number = (locked.recommendations.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    action = action_record_for_source(
        source_object=locked,
        source_kind=ActionSource.OTHER,
        label=f"{locked}, recommendation {number}",
        group=group,
        description=text.strip(),
        owners=owners,
        recorded_by=recorded_by,
        due_date=due_date,
        lead_agency=lead_agency,
        now=now,
    )
    return CdopRecommendation.objects.create(report=locked, number=number, text=text.strip(), action=action)
