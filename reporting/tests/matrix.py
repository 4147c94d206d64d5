"""The reporting app's part of the permission matrix's world (hscp/tests/test_permission_matrix.py):
a draft highlight report of the Education Group and a draft yearly report."""

from reporting.tests.factories import HighlightReportFactory, YearlyReportFactory

SEGMENT_OBJECTS = {"highlight-reports": "highlight_report", "yearly-reports": "yearly_report"}
KWARG_OBJECTS: dict[str, str] = {}


def world_objects(*, users, groups, objects) -> dict:
    return {
        "highlight_report": HighlightReportFactory(group=groups["group"]),
        "yearly_report": YearlyReportFactory(),
    }
