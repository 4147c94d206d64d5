"""The demo's reports: each subgroup's highlight report for the last quarter, submitted to the
board, and a draft yearly report for the twelve months to the end of that quarter.

The narratives use the seeds' words for each group's remit (seed 000, seed 001 s.7.11-7.17,
s.17-19). A report already there is left alone, so a second run adds nothing.
"""

import datetime

from django.utils import timezone

from governance.choices import CHAIRING_ROLES, GroupKind
from governance.models import Membership
from reporting.models import HighlightReport, YearlyReport
from reporting.periods import add_months, last_finished_quarter
from reporting.services.highlights import (
    highlight_report_generate,
    highlight_report_submit,
    highlight_report_update,
)
from reporting.services.yearly import yearly_report_assemble, yearly_report_update

SECRETARIAT = "Joanna Kowalski"

# (highlights, concerns, asks of the board) per subgroup, in the words of its remit.
NARRATIVES = {
    "Quality & Effectiveness Group": (
        "The performance scorecard of key multi-agency safeguarding indicators was reviewed at each "
        "meeting. The annual programme of multi-agency case audits is on track: the neglect audit "
        "reported, with the voice of children and families captured in each case.",
        "Section 11 returns from two relevant agencies are late; moderation will slip if they do not arrive.",
        "The board is asked to note the neglect audit's findings and to endorse the re-audit in six months.",
    ),
    "Development & Practice Group": (
        "The multi-agency training programme ran as planned; take-up by partners is monitored and "
        "reported by agency. The threshold document was refreshed with the Early Help Team.",
        "Impact evaluations three months after courses have a low return rate.",
        "The board is asked to remind partners that staff complete the impact evaluation.",
    ),
    "Joint Case Review Group": (
        "Rapid reviews were completed and sent to the national Panel within 15 working days. "
        "Learning briefings were shared with the Development & Practice Group.",
        "One local review is at risk of missing its six-month publication timescale.",
        "The board is asked to agree the revised timetable for the local review's publication.",
    ),
    "MASH Group": (
        "The MASH group reported on the effectiveness of operational activity: referrals were "
        "screened within timescales and partners' attendance at strategy discussions improved.",
        "Health attendance at strategy discussions out of hours remains inconsistent.",
        "No escalation this quarter; the group will report its audit of contacts next quarter.",
    ),
    "Child Exploitation & Missing Group": (
        "The extra familial risk strategy and framework were reviewed; return home interviews for "
        "children missing from home were offered in nearly every case.",
        "Intelligence sharing on emerging exploitation hotspots is slower than partners want.",
        "The board is asked to support a data-sharing agreement with the Community Safety Partnership.",
    ),
    "Education Group": (
        "Designated safeguarding leads' network met; section 175 returns from schools were received "
        "and themes shared with providers across the County.",
        "Elective home education numbers keep rising, with limited visibility of those children.",
        "The board is asked to note the section 175 findings.",
    ),
}

YEARLY_NARRATIVE = {
    "introduction": "This report sets out how the Herefordshire Safeguarding Children Partnership's "
    "three statutory partners, Herefordshire Council, NHS Herefordshire and Worcestershire Integrated "
    "Care Board and West Mercia Police, worked together with relevant agencies over the year.",
    "impact": "The board and its subgroups met throughout the year; the figures below are read from "
    "their records. Training take-up is reported by agency.",
    "little_progress": "Early help remains the priority with least evidence of progress: partners "
    "have agreed to refresh the early help offer next year.",
    "feedback": "Audits captured the voice of children and families wherever possible (arrangements s.18.2).",
}


def _author(scene, group):
    """The group's current chair's user, else the partnership business manager's."""
    chair = (
        Membership.objects.current(timezone.localdate())
        .filter(group=group, role__in=CHAIRING_ROLES, person__user__isnull=False)
        .select_related("person__user")
        .first()
    )
    return chair.person.user if chair else scene.people[SECRETARIAT].user


def load(scene) -> dict[str, int]:
    now = timezone.now()
    quarter = last_finished_quarter(timezone.localdate(now))
    submitted = 0
    for name, (achievements, concerns, asks) in NARRATIVES.items():
        group = scene.groups[name]
        if (
            group.kind != GroupKind.SUBGROUP
            or HighlightReport.objects.filter(group=group, period_start=quarter.start).exists()
        ):
            continue
        author = _author(scene, group)
        report = highlight_report_generate(
            group=group,
            period_start=quarter.start,
            created_by=author,
            include_training=name == "Development & Practice Group",  # arrangements s.7.12
            now=now,
        )
        report = highlight_report_update(
            report=report, achievements=achievements, concerns=concerns, asks_of_board=asks
        )
        highlight_report_submit(report=report, submitted_by=author, now=now)
        submitted += 1
    yearly = 0
    start = add_months(quarter.end + datetime.timedelta(days=1), -12)
    if not YearlyReport.objects.filter(period_start=start).exists():
        report = yearly_report_assemble(
            period_start=start, publication_months=3, created_by=scene.people[SECRETARIAT].user, now=now
        )
        yearly_report_update(report=report, **YEARLY_NARRATIVE)
        yearly = 1
    return {"highlight reports": submitted, "yearly reports": yearly}
