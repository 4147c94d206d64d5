"""Every change to audits, self-assessments and the scorecard: `<entity>_<verb>`, keyword-only,
in a transaction; `now` / `today` passed by callers that replay time (the demo)."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from audits import rules
from audits.choices import AssessmentStatus, AuditReason, AuditStatus, SingleAuditStatus
from audits.models import (
    AgencyReturn,
    AssessmentCycle,
    AuditProgramme,
    CaseAudit,
    ChallengeSession,
    EvidenceFile,
    Indicator,
    IndicatorValue,
    Recommendation,
    SelfAssessment,
    SingleAgencyAudit,
    Standard,
    StandardAnswer,
)
from core.imports import Table, cell_text
from governance.choices import ActionSource, AgendaPurpose
from governance.models import Action, Agency, Group, Meeting, Person
from governance.paper_files import PaperFileError, check_paper_file
from governance.services.actions import action_record_for_source
from governance.services.agenda import agenda_item_add
from governance.services.papers import paper_max_bytes, paper_submit
from notifications.registry import Message
from notifications.services import notify

# Programme and case audits ------------------------------------------------------------


@transaction.atomic
def programme_create(*, group: Group, year: int, notes: str = "") -> AuditProgramme:
    programme = AuditProgramme(group=group, year=year, notes=notes.strip())
    programme.full_clean()
    programme.save()
    return programme


def _check_sample(audit: CaseAudit) -> None:
    errors = rules.sample_reference_errors(audit.sample_references.splitlines())
    if errors:
        raise ValidationError({"sample_references": errors})


@transaction.atomic
def case_audit_plan(
    *,
    programme: AuditProgramme,
    theme: str,
    reason: str,
    target_month: datetime.date,
    lead: Person | None = None,
    reason_detail: str = "",
    lines_of_enquiry: str = "",
) -> CaseAudit:
    """Add an audit to a year's programme (planned)."""
    audit = CaseAudit(
        programme=programme,
        theme=theme.strip(),
        reason=reason,
        reason_detail=reason_detail.strip(),
        target_month=target_month.replace(day=1),
        lead=lead,
        lines_of_enquiry=lines_of_enquiry.strip(),
    )
    audit.full_clean()
    audit.save()
    return audit


@transaction.atomic
def case_audit_save(*, audit: CaseAudit, today: datetime.date | None = None) -> CaseAudit:
    """Save an audit's changes (its plan, sample, moderation meeting and findings). Completing it
    needs its findings and a grade; it is dated the day it is completed."""
    today = today or timezone.localdate()
    audit.target_month = audit.target_month.replace(day=1)
    _check_sample(audit)
    if audit.moderation_meeting is not None and audit.moderation_meeting.group_id != audit.programme.group_id:
        raise ValidationError(
            {"moderation_meeting": "Choose a meeting of the group that owns the programme."}
        )
    if audit.status == AuditStatus.COMPLETED:
        missing = {
            field: "Record this before completing the audit."
            for field in ("strengths", "areas_for_improvement", "voice_of_child")
            if not getattr(audit, field).strip()
        }
        if audit.grade_id is None:
            missing["grade"] = "Grade the audit before completing it."
        if missing:
            raise ValidationError(missing)
        audit.completed_on = audit.completed_on or today
    else:
        audit.completed_on = None
    audit.full_clean()
    audit.save()
    return audit


@transaction.atomic
def agency_return_request(
    *,
    audit: CaseAudit,
    agency: Agency,
    due_on: datetime.date,
    requested_on: datetime.date,
    contact: Person | None = None,
) -> AgencyReturn:
    """Ask an agency for its return to an audit by `due_on`."""
    if audit.returns.filter(agency=agency).exists():
        raise ValidationError({"agency": f"{agency.label} has already been asked for a return."})
    if contact is not None and contact.agency_id != agency.pk:
        raise ValidationError({"contact": f"Choose someone who works for {agency.label}."})
    if due_on < requested_on:
        raise ValidationError({"due_on": "A return is due on or after the day it is requested."})
    agency_return = AgencyReturn(
        audit=audit, agency=agency, contact=contact, requested_on=requested_on, due_on=due_on
    )
    agency_return.full_clean()
    agency_return.save()
    if audit.status == AuditStatus.PLANNED:
        audit.status = AuditStatus.IN_PROGRESS
        audit.save(update_fields=["status", "updated_at"])
    return agency_return


@transaction.atomic
def agency_return_record(
    *,
    agency_return: AgencyReturn,
    received_on: datetime.date | None,
    findings: str,
    today: datetime.date | None = None,
) -> AgencyReturn:
    """Record a return as received on `received_on` (or not yet) and its findings."""
    today = today or timezone.localdate()
    if received_on is not None and received_on > today:
        raise ValidationError({"received_on": "A return cannot have been received after today."})
    if received_on is not None and received_on < agency_return.requested_on:
        raise ValidationError({"received_on": "A return cannot arrive before it was requested."})
    agency_return.received_on = received_on
    agency_return.findings = findings.strip()
    agency_return.full_clean()
    # Only what this records: a chase recorded meanwhile is kept.
    agency_return.save(update_fields=["received_on", "findings", "updated_at"])
    return agency_return


@transaction.atomic
def agency_return_chase(*, agency_return: AgencyReturn, today: datetime.date | None = None) -> AgencyReturn:
    """Chase a late return: dated, counted, and its contact told now."""
    today = today or timezone.localdate()
    agency_return = (
        AgencyReturn.objects.select_for_update(of=("self",))
        .select_related("audit", "agency", "contact")
        .get(pk=agency_return.pk)
    )
    status = rules.return_status(
        due_on=agency_return.due_on, received_on=agency_return.received_on, today=today
    )
    if status != rules.ReturnStatus.OVERDUE:
        raise ValidationError("Only a late return that has not arrived can be chased.")
    agency_return.chased_on = today
    agency_return.chase_count += 1
    agency_return.save()
    if agency_return.contact is not None:
        notify(
            Message(
                kind="audit_return_chased",
                recipients=[agency_return.contact],
                subject_ref=f"audit_return:{agency_return.pk}",
                occasion=f"chase:{agency_return.chase_count}",
                url=agency_return.audit.get_absolute_url(),
                about=agency_return.audit,
                context={"agency_return": agency_return, "audit": agency_return.audit, "today": today},
            )
        )
    return agency_return


@transaction.atomic
def recommendation_raise(
    *,
    audit: CaseAudit,
    text: str,
    owners: Iterable[Person],
    recorded_by,
    due_date: datetime.date | None = None,
    lead_agency: Agency | None = None,
    now: datetime.datetime | None = None,
) -> Recommendation:
    """Number a recommendation and record it as an action in the owning group's log (its origin:
    the audit)."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Write the recommendation."})
    audit = (
        CaseAudit.objects.select_for_update(of=("self",)).select_related("programme__group").get(pk=audit.pk)
    )
    number = (audit.recommendations.aggregate(top=Max("number"))["top"] or 0) + 1
    action = action_record_for_source(
        source_object=audit,
        source_kind=ActionSource.AUDIT,
        label=f"{audit.theme} audit, recommendation {number}",
        group=audit.programme.group,
        description=text,
        owners=owners,
        recorded_by=recorded_by,
        due_date=due_date,
        lead_agency=lead_agency,
        now=now,
    )
    return Recommendation.objects.create(audit=audit, number=number, text=text, action=action)


@transaction.atomic
def case_audit_report_attach(
    *,
    audit: CaseAudit,
    meeting: Meeting,
    uploaded_file: UploadedFile,
    title: str,
    submitted_by,
    presenter: Person | None = None,
    now: datetime.datetime | None = None,
) -> CaseAudit:
    """Put the audit's report to a meeting of its group: an agenda item for it, and the report as
    that item's paper."""
    if meeting.group_id != audit.programme.group_id:
        raise ValidationError({"meeting": f"Report to a meeting of {audit.programme.group.label}."})
    item = agenda_item_add(
        meeting=meeting,
        title=f"Multi-agency audit report: {audit.theme}"[:300],
        presenter=presenter or audit.lead,
        purpose=AgendaPurpose.ASSURANCE,
    )
    paper = paper_submit(
        agenda_item=item,
        uploaded_file=uploaded_file,
        title=title.strip() or f"{audit.theme}: multi-agency audit report",
        author=presenter or audit.lead,
        submitted_by=submitted_by,
        now=now,
    )
    audit.report_paper = paper
    audit.save(update_fields=["report_paper", "updated_at"])
    return audit


@transaction.atomic
def case_audit_schedule_reaudit(
    *, original: CaseAudit, target_month: datetime.date, lead: Person | None = None, reason_detail: str = ""
) -> CaseAudit:
    """Schedule a re-audit testing whether practice changed: linked to exactly this one original
    (not to a re-audit: to the audit it re-audits), in the programme of its target month's year."""
    original = (
        CaseAudit.objects.select_for_update(of=("self",)).select_related("programme").get(pk=original.pk)
    )
    if original.status == AuditStatus.CANCELLED:
        raise ValidationError("A cancelled audit cannot be re-audited.")
    if original.original_id is not None:
        raise ValidationError("This is a re-audit: schedule another re-audit from the original audit.")
    target_month = target_month.replace(day=1)
    if target_month <= original.target_month:
        raise ValidationError({"target_month": "A re-audit comes after the audit it re-audits."})
    if original.reaudits.exclude(status=AuditStatus.CANCELLED).exists():
        raise ValidationError("A re-audit of this audit is already scheduled.")
    programme, _ = AuditProgramme.objects.get_or_create(
        group_id=original.programme.group_id, year=rules.financial_year_of(target_month)
    )
    reaudit = CaseAudit(
        programme=programme,
        theme=original.theme,
        reason=original.reason if original.reason != AuditReason.OTHER else AuditReason.OTHER,
        reason_detail=reason_detail.strip() or f"Re-audit: has practice changed since {original}?",
        target_month=target_month,
        lead=lead or original.lead,
        lines_of_enquiry=original.lines_of_enquiry,
        original=original,
    )
    reaudit.full_clean()
    reaudit.save()
    return reaudit


# Section 11 / section 175 -------------------------------------------------------------


def _latest_previous(agency: Agency, kind: str, before: datetime.date) -> SelfAssessment | None:
    return (
        SelfAssessment.objects.filter(agency=agency, cycle__kind=kind, cycle__opens_on__lt=before)
        .order_by("-cycle__opens_on")
        .first()
    )


@transaction.atomic
def cycle_open(
    *,
    kind: str,
    name: str,
    frequency: str,
    rating_scale: str,
    group: Group,
    opens_on: datetime.date,
    due_on: datetime.date,
    agencies: Sequence[Agency],
) -> AssessmentCycle:
    """Open a cycle: a self-assessment for each agency, with an answer per standard. An agency's
    answers and evidence from its previous cycle of this kind are carried forward for it to
    confirm or change; the moderated rating and comments are the partnership's and are not."""
    if not agencies:
        raise ValidationError({"agencies": "Choose the agencies taking part."})
    cycle = AssessmentCycle(
        kind=kind,
        name=name.strip(),
        frequency=frequency,
        rating_scale=rating_scale,
        group=group,
        opens_on=opens_on,
        due_on=due_on,
    )
    cycle.full_clean()
    cycle.save()
    standards = list(Standard.objects.filter(kind=kind, active=True))
    if not standards:
        raise ValidationError(f"There are no active standards for {cycle.get_kind_display()}.")
    scale = set(rules.rating_values(rating_scale))
    for agency in agencies:
        previous = _latest_previous(agency, kind, opens_on)
        assessment = SelfAssessment.objects.create(
            cycle=cycle, agency=agency, carried_from=previous, lead=previous.lead if previous else None
        )
        earlier = (
            {answer.standard_id: answer for answer in previous.answers.prefetch_related("files")}
            if previous
            else {}
        )
        for standard in standards:
            before = earlier.get(standard.pk)
            answer = StandardAnswer.objects.create(
                assessment=assessment,
                standard=standard,
                rating=before.rating if before and before.rating in scale else "",
                evidence=before.evidence if before else "",
                action_plan=before.action_plan if before else "",
                carried_forward=before is not None,
            )
            if before is not None:
                EvidenceFile.objects.bulk_create(
                    EvidenceFile(
                        answer=answer,
                        file=file.file.name,
                        original_name=file.original_name,
                        content_type=file.content_type,
                        size=file.size,
                        uploaded_by=file.uploaded_by,
                        uploaded_at=file.uploaded_at,
                    )
                    for file in before.files.all()
                )
    return cycle


@dataclass(frozen=True)
class AnswerChange:
    answer: StandardAnswer
    rating: str
    evidence: str
    action_plan: str


@transaction.atomic
def assessment_answers_save(*, assessment: SelfAssessment, changes: Sequence[AnswerChange]) -> SelfAssessment:
    """Save the agency's answers: each saved answer is confirmed (no longer only carried forward).
    Once moderated, the answers are the record the partnership moderated and cannot change."""
    assessment = (
        SelfAssessment.objects.select_for_update(of=("self",)).select_related("cycle").get(pk=assessment.pk)
    )
    if assessment.status == AssessmentStatus.MODERATED:
        raise ValidationError("This self-assessment has been moderated: its answers are final for the cycle.")
    scale = set(rules.rating_values(assessment.cycle.rating_scale))
    for change in changes:
        if change.answer.assessment_id != assessment.pk:
            raise ValidationError("That answer belongs to another self-assessment.")
        if change.rating and change.rating not in scale:
            raise ValidationError(f"“{change.rating}” is not a rating on this cycle's scale.")
        answer = change.answer
        answer.rating = change.rating
        answer.evidence = change.evidence.strip()
        answer.action_plan = change.action_plan.strip()
        answer.carried_forward = False
        answer.save()
    return assessment


@transaction.atomic
def assessment_submit(
    *, assessment: SelfAssessment, user, now: datetime.datetime | None = None
) -> SelfAssessment:
    """Submit to the partnership: every standard rated, nothing left only carried forward."""
    now = now or timezone.now()
    assessment = SelfAssessment.objects.select_for_update(of=("self",)).get(pk=assessment.pk)
    if assessment.status != AssessmentStatus.DRAFT:
        raise ValidationError("This self-assessment has already been submitted.")
    answers = list(assessment.answers.select_related("standard"))
    unrated = [str(answer.standard.number) for answer in answers if not answer.rating]
    if unrated:
        raise ValidationError(f"Rate every standard before submitting (not yet rated: {', '.join(unrated)}).")
    unconfirmed = [str(answer.standard.number) for answer in answers if answer.carried_forward]
    if unconfirmed:
        raise ValidationError(
            "Confirm or change the answers carried forward from the last cycle before submitting "
            f"(standards {', '.join(unconfirmed)}): save the form."
        )
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = now
    assessment.submitted_by = user
    assessment.save()
    return assessment


@dataclass(frozen=True)
class Moderation:
    answer: StandardAnswer
    moderated_rating: str
    comments: str


@transaction.atomic
def assessment_moderate(
    *,
    assessment: SelfAssessment,
    moderations: Sequence[Moderation],
    user,
    now: datetime.datetime | None = None,
) -> SelfAssessment:
    """The partnership's moderated rating and comments per standard, on a submitted assessment."""
    now = now or timezone.now()
    assessment = (
        SelfAssessment.objects.select_for_update(of=("self",)).select_related("cycle").get(pk=assessment.pk)
    )
    if assessment.status == AssessmentStatus.DRAFT:
        raise ValidationError("Only a submitted self-assessment can be moderated.")
    scale = set(rules.rating_values(assessment.cycle.rating_scale))
    for moderation in moderations:
        if moderation.answer.assessment_id != assessment.pk:
            raise ValidationError("That answer belongs to another self-assessment.")
        if not moderation.moderated_rating or moderation.moderated_rating not in scale:
            raise ValidationError(f"Give standard {moderation.answer.standard.number} a moderated rating.")
        answer = moderation.answer
        answer.moderated_rating = moderation.moderated_rating
        answer.moderation_comments = moderation.comments.strip()
        answer.save()
    assessment.status = AssessmentStatus.MODERATED
    assessment.moderated_at = now
    assessment.moderated_by = user
    assessment.save()
    return assessment


@transaction.atomic
def assessment_lead_set(*, assessment: SelfAssessment, lead: Person | None) -> SelfAssessment:
    if lead is not None and lead.agency_id != assessment.agency_id:
        raise ValidationError({"lead": f"Choose someone who works for {assessment.agency.label}."})
    assessment.lead = lead
    assessment.save()
    return assessment


@transaction.atomic
def evidence_add(
    *, answer: StandardAnswer, uploaded_file: UploadedFile, user, now: datetime.datetime | None = None
) -> EvidenceFile:
    """Attach an evidence file to an answer (PDF or Office documents without macros, as papers)."""
    if answer.assessment.status == AssessmentStatus.MODERATED:
        raise ValidationError("This self-assessment has been moderated: its evidence is final for the cycle.")
    try:
        kind = check_paper_file(
            name=uploaded_file.name or "",
            stream=uploaded_file,
            size=uploaded_file.size or 0,
            max_bytes=paper_max_bytes(),
        )
    except PaperFileError as error:
        raise ValidationError({"file": str(error)}) from error
    uploaded_file.seek(0)
    evidence = EvidenceFile(
        answer=answer,
        original_name=(uploaded_file.name or "")[:255],
        content_type=kind.content_type,
        size=uploaded_file.size or 0,
        uploaded_by=user,
        uploaded_at=now or timezone.now(),
    )
    evidence.file.save(f"evidence.{kind.extension}", uploaded_file, save=False)
    evidence.save()
    return evidence


@transaction.atomic
def challenge_record(
    *,
    assessment: SelfAssessment,
    held_on: datetime.date,
    challenge: str,
    response: str = "",
    meeting: Meeting | None = None,
) -> ChallengeSession:
    session = ChallengeSession(
        assessment=assessment,
        held_on=held_on,
        challenge=challenge.strip(),
        response=response.strip(),
        meeting=meeting,
    )
    session.full_clean()
    session.save()
    return session


# Single-agency audits -----------------------------------------------------------------


@transaction.atomic
def single_audit_submit(*, audit: SingleAgencyAudit, submitted_by) -> SingleAgencyAudit:
    audit.submitted_by = submitted_by
    audit.status = SingleAuditStatus.SUBMITTED
    audit.full_clean()
    audit.save()
    return audit


@transaction.atomic
def single_audit_review(
    *, audit: SingleAgencyAudit, review_comments: str, challenge: str, today: datetime.date | None = None
) -> SingleAgencyAudit:
    """The group's review of an agency's audit, and the challenge it puts to the agency."""
    if not review_comments.strip():
        raise ValidationError({"review_comments": "Record what the group made of the audit."})
    audit.review_comments = review_comments.strip()
    audit.challenge = challenge.strip()
    audit.reviewed_on = today or timezone.localdate()
    audit.status = SingleAuditStatus.REVIEWED
    audit.save()
    return audit


@transaction.atomic
def single_audit_escalate(
    *,
    audit: SingleAgencyAudit,
    description: str,
    owners: Iterable[Person],
    recorded_by,
    due_date: datetime.date | None = None,
    now: datetime.datetime | None = None,
) -> Action:
    """An issue the agency escalated becomes an action in the reviewing group's log (the
    planning app's risks are out of reach: domain apps do not import one another)."""
    audit = (
        SingleAgencyAudit.objects.select_for_update(of=("self",))
        .select_related("agency", "group")
        .get(pk=audit.pk)
    )
    if audit.escalation_action_id:
        raise ValidationError("This audit's escalation is already an action.")
    action = action_record_for_source(
        source_object=audit,
        source_kind=ActionSource.AUDIT,
        label=f"Single-agency audit ({audit.agency.label}): {audit.topic}",
        group=audit.group,
        description=description.strip(),
        owners=owners,
        recorded_by=recorded_by,
        due_date=due_date,
        lead_agency=audit.agency,
        now=now,
    )
    audit.escalation_action = action
    audit.save(update_fields=["escalation_action", "updated_at"])
    return action


# The scorecard ------------------------------------------------------------------------


def _check_thresholds(indicator: Indicator) -> None:
    error = rules.thresholds_error(
        polarity=indicator.polarity,
        green_threshold=indicator.green_threshold,
        red_threshold=indicator.red_threshold,
    )
    if error:
        raise ValidationError({"red_threshold": error})


@transaction.atomic
def indicator_save(*, indicator: Indicator) -> Indicator:
    indicator.full_clean()
    _check_thresholds(indicator)
    indicator.save()
    return indicator


@transaction.atomic
def indicator_value_record(
    *, indicator: Indicator, quarter_start: datetime.date, value: Decimal, commentary: str = ""
) -> IndicatorValue:
    """An indicator's value for a quarter, replacing one recorded before (the history keeps it)."""
    quarter_start = rules.quarter_start(quarter_start)
    record = (
        IndicatorValue.objects.select_for_update(of=("self",))
        .filter(indicator=indicator, quarter_start=quarter_start)
        .first()
    )
    record = record or IndicatorValue(indicator=indicator, quarter_start=quarter_start)
    record.value = value
    record.commentary = commentary.strip()
    record.full_clean()
    record.save()
    return record


SCORECARD_COLUMNS = ("indicator", "quarter", "value", "commentary")


@dataclass(frozen=True)
class RowError:
    row: int
    reason: str

    def __str__(self):
        return f"Row {self.row}: {self.reason}"


class ScorecardImportError(ValidationError):
    def __init__(self, errors: list[RowError]):
        super().__init__([str(error) for error in errors])
        self.row_errors = errors


def scorecard_rows(
    table: Table, indicators: dict[str, Indicator]
) -> tuple[list[tuple[Indicator, datetime.date, Decimal, str]], list[RowError]]:
    """Each row of an import as (indicator, quarter, value, commentary), and each bad row's number
    and reason. A second row for the same indicator and quarter is an error (the file is refused
    whole: which value is meant cannot be guessed)."""
    headers = [header.strip().lower() for header in table.headers]
    missing = [column for column in SCORECARD_COLUMNS[:3] if column not in headers]
    if missing:
        return [], [RowError(1, f"the header row lacks the column(s) {', '.join(missing)}")]
    where = {column: headers.index(column) for column in SCORECARD_COLUMNS if column in headers}
    rows, errors = [], []
    seen: dict[tuple[int, datetime.date], int] = {}
    for number, cells in table.rows:

        def cell(column: str, cells: list = cells) -> str:
            index = where.get(column)
            return cell_text(cells[index]).strip() if index is not None and index < len(cells) else ""

        code, quarter_text, value_text, commentary = (
            cell("indicator"),
            cell("quarter"),
            cell("value"),
            cell("commentary"),
        )
        reasons = []
        indicator = indicators.get(code.lower())
        if indicator is None:
            reasons.append(f"no indicator has the code “{code[:40]}”" if code else "the indicator is missing")
        try:
            quarter = rules.parse_quarter(quarter_text)
        except ValueError as error:
            quarter = None
            reasons.append(str(error))
        try:
            value = Decimal(value_text.replace(",", "").rstrip("%").strip())
            if not value.is_finite() or abs(value) >= Decimal("1e10"):
                raise InvalidOperation
        except InvalidOperation:
            value = None
            reasons.append(
                f"the value “{value_text[:20]}” is not a number" if value_text else "the value is missing"
            )
        if len(commentary) > 10_000:
            reasons.append("the commentary is longer than 10,000 characters")
        if indicator is not None and quarter is not None:
            key = (indicator.pk, quarter)
            if key in seen:
                reasons.append(
                    f"{indicator.code} for {rules.quarter_label(quarter)} is also on row {seen[key]}"
                )
            else:
                seen[key] = number
        if reasons:
            errors.append(RowError(number, "; ".join(reasons)))
        elif indicator is not None and quarter is not None and value is not None:
            rows.append((indicator, quarter, value.quantize(Decimal("0.01")), commentary))
    return rows, errors


@transaction.atomic
def scorecard_import(*, table: Table) -> list[IndicatorValue]:
    """Import a quarter's values: every row checked first; with any bad row nothing is saved
    (ScorecardImportError lists each by number and reason); all rows saved in one transaction."""
    indicators = {indicator.code.lower(): indicator for indicator in Indicator.objects.filter(active=True)}
    rows, errors = scorecard_rows(table, indicators)
    if errors:
        raise ScorecardImportError(errors)
    return [
        indicator_value_record(indicator=indicator, quarter_start=quarter, value=value, commentary=commentary)
        for indicator, quarter, value, commentary in rows
    ]
