"""The yearly report's PDF and Word document are made once per version of the report: a second
download is read back from the cache, and any change to what they print makes them anew."""

import datetime
import io
import uuid

import docx
import pytest

from governance.tests.factories_minutes import at
from reporting import exports
from reporting.models import YearlyReport
from reporting.services.yearly import yearly_report_approve, yearly_report_assemble, yearly_report_update
from reporting.tests.factories import partner_users

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_cache(settings):
    """A cache of this test's own, so nothing another test made is found."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": uuid.uuid4().hex}
    }


@pytest.fixture
def made(monkeypatch):
    """Counts the files actually laid out."""
    counts = {"pdf": 0, "docx": 0}
    html_to_pdf, write_docx = exports.html_to_pdf, exports._write_docx

    def counting_pdf(html):
        counts["pdf"] += 1
        return html_to_pdf(html)

    def counting_docx(blocks):
        counts["docx"] += 1
        return write_docx(blocks)

    monkeypatch.setattr(exports, "html_to_pdf", counting_pdf)
    monkeypatch.setattr(exports, "_write_docx", counting_docx)
    return counts


@pytest.fixture
def report():
    return yearly_report_assemble(
        period_start=datetime.date(2025, 4, 1), publication_months=3, created_by=None, now=at(2026, 4, 20, 9)
    )


def _text(document_bytes: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(document_bytes)).paragraphs)


def test_a_second_download_is_read_back_with_the_same_bytes(report, made):
    first_pdf, first_docx = exports.yearly_report_pdf(report), exports.yearly_report_docx(report)
    assert (exports.yearly_report_pdf(report), exports.yearly_report_docx(report)) == (first_pdf, first_docx)
    assert made == {"pdf": 1, "docx": 1}
    assert first_pdf.startswith(b"%PDF-")


def test_a_change_to_the_text_makes_both_files_anew(report, made):
    exports.yearly_report_pdf(report), exports.yearly_report_docx(report)

    report = yearly_report_update(report=report, introduction="A year of steady work.")

    assert "A year of steady work." in _text(exports.yearly_report_docx(report))
    exports.yearly_report_pdf(report)
    assert made == {"pdf": 2, "docx": 2}


def test_an_approval_makes_both_files_anew(report, made):
    exports.yearly_report_pdf(report), exports.yearly_report_docx(report)
    user = partner_users()["police"]

    yearly_report_approve(report=report, person=user.person, user=user)
    report = YearlyReport.objects.get(pk=report.pk)

    assert f"approved by {user.person.name}" in _text(exports.yearly_report_docx(report))
    exports.yearly_report_pdf(report)
    assert made == {"pdf": 2, "docx": 2}


def test_an_unreachable_cache_still_serves_the_files(report, made, monkeypatch):
    class Unreachable:
        def get(self, *args, **kwargs):
            raise ConnectionError("Redis is down")

        set = get

    monkeypatch.setattr(exports, "cache", Unreachable())

    assert exports.yearly_report_pdf(report).startswith(b"%PDF-")
    assert "Not written yet." in _text(exports.yearly_report_docx(report))
    assert made == {"pdf": 1, "docx": 1}
