"""The case reviews' part of the permission matrix's world (hscp/tests/test_permission_matrix.py):
one review of a child, with a child, an information request and a grant held by nobody of the
matrix's kinds. `jcr` is a current member of the Joint Case Review group; no kind is a named case
review officer."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from governance.tests.factories import AgencyFactory
from reviews import services
from reviews.choices import ReviewType

# `<pk>` after these path segments names a case review, a quarterly report, a CDOP report.
SEGMENT_OBJECTS = {
    "case-reviews": "case_review",
    "quarterly-reports": "case_review_quarterly_report",
    "cdop": "case_review_cdop_report",
}
KWARG_OBJECTS = {
    "review_section": "case_review_section",
    "clock_code": "case_review_clock",
    "info_request_pk": "case_review_request",
    "briefing_pk": "case_review_briefing",
}


def world_objects(*, users, groups, objects) -> dict:
    review = services.case_review_record(
        review_type=ReviewType.CHILD,
        awareness_date=datetime.date(2026, 4, 2),
        recorded_by=users["jcr"],
        children=[{"pseudonym": "Child A", "full_name": "Matrix Child"}],
    )
    request = services.information_request_record(
        review=review, agency=AgencyFactory(name="Matrix School"), requested_on=datetime.date(2026, 4, 7)
    )
    briefing = services.briefing_record(
        review=review,
        title="Seven-minute briefing",
        date=datetime.date(2026, 6, 1),
        audience="Schools",
        file=SimpleUploadedFile("briefing.pdf", b"%PDF-1.4 matrix", content_type="application/pdf"),
    )
    return {
        "case_review": review,
        "case_review_briefing": briefing,
        "case_review_quarterly_report": services.quarterly_report_draft(
            start=datetime.date(2026, 1, 1),
            end=datetime.date(2026, 3, 31),
            user=None,
            today=datetime.date(2026, 4, 2),
        ),
        "case_review_cdop_report": services.cdop_report_record(
            year_label="2025-26", received_on=datetime.date(2026, 6, 1)
        ),
        "case_review_section": "notification",
        "case_review_clock": "rapid_review",
        "case_review_request": request,
    }
