"""The demo's reports (demo/scenarios/reporting.py): each subgroup's highlight report for the last
quarter submitted to the board, and a draft yearly report."""

import pytest
from django.utils import timezone

from demo.tests.test_load_demo import demo_media_root, load_demo, loaded_once_per_class  # noqa: F401  (a fixture)
from governance.choices import GroupKind, StandingItem
from governance.models import Group
from reporting.choices import HighlightStatus, YearlyStatus
from reporting.models import HighlightReport, YearlyReport
from reporting.periods import last_finished_quarter

herefordshire_reports_once = loaded_once_per_class()


@pytest.mark.django_db
@pytest.mark.usefixtures("herefordshire_reports_once")
class TestHerefordshireReports:
    def test_each_subgroup_submitted_its_highlight_report_for_the_last_quarter_to_the_board(self):
        quarter = last_finished_quarter(timezone.localdate())
        reports = HighlightReport.objects.select_related("paper__agenda_item__parent", "board_meeting__group")
        subgroups = set(Group.objects.filter(kind=GroupKind.SUBGROUP).values_list("name", flat=True))
        assert {report.group.name for report in reports} == subgroups
        for report in reports:
            assert (report.status, report.period_start) == (HighlightStatus.SUBMITTED, quarter.start)
            assert report.board_meeting.group.kind == GroupKind.BOARD
            assert report.paper.agenda_item.reporting_group == report.group
            assert report.paper.agenda_item.parent.standing_item == StandingItem.MESSAGES
            assert report.achievements and report.figures.sections

    def test_only_the_development_and_practice_group_reports_the_partnerships_training(self):
        with_training = [
            report.group.name
            for report in HighlightReport.objects.all()
            if "training" in [section["key"] for section in report.figures.sections]
        ]
        assert with_training == ["Development & Practice Group"]

    def test_the_yearly_report_is_a_draft_with_figures_and_narrative(self):
        report = YearlyReport.objects.get()
        assert report.status == YearlyStatus.DRAFT
        keys = {section["key"] for section in report.figures.sections}
        assert {"partnership", "training", "audits", "little_progress", "reviews", "budget"} <= keys
        assert report.introduction and not report.approvals.exists()

    def test_a_second_run_adds_no_report(self):
        before = (HighlightReport.objects.count(), YearlyReport.objects.count())
        load_demo()
        assert (HighlightReport.objects.count(), YearlyReport.objects.count()) == before
