"""The reporting pages: who sees what, the forms, the downloads."""

import datetime

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.urls import reverse

from governance.permissions import PARTNER_READER_GROUP
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory
from reporting.choices import HighlightStatus
from reporting.exports import DOCX_CONTENT_TYPE
from reporting.models import HighlightReport
from reporting.periods import last_finished_quarter
from reporting.tests.factories import (
    HighlightReportFactory,
    YearlyReportFactory,
    board_and_subgroup,
    partner_users,
    scheduled_meeting,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def subgroup():
    return board_and_subgroup()[1]


@pytest.fixture
def subgroup_chair(subgroup):
    user = UserFactory(username="edu-chair")
    MembershipFactory(person=PersonFactory(user=user, name="Priya Raman"), group=subgroup, role="chair")
    return user


def test_a_chair_drafts_a_highlight_report_for_their_own_group_only(client, subgroup, subgroup_chair):
    GroupFactory(name="MASH Group")
    client.force_login(subgroup_chair)
    response = client.get(reverse("reporting:highlight_create"))
    assert [str(group) for group in response.context["form"].fields["group"].queryset] == [str(subgroup)]
    quarter = last_finished_quarter(datetime.date.today())
    response = client.post(
        reverse("reporting:highlight_create"), {"group": subgroup.pk, "quarter": quarter.start.isoformat()}
    )
    report = HighlightReport.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert (report.group, report.period_start, report.created_by) == (subgroup, quarter.start, subgroup_chair)


def test_a_second_report_for_the_same_quarter_is_refused_on_the_form(client, subgroup, subgroup_chair):
    quarter = last_finished_quarter(datetime.date.today())
    HighlightReportFactory(group=subgroup, period_start=quarter.start, period_end=quarter.end)
    client.force_login(subgroup_chair)
    response = client.post(
        reverse("reporting:highlight_create"), {"group": subgroup.pk, "quarter": quarter.start.isoformat()}
    )
    assert response.status_code == 200
    assert "already has a highlight report" in str(response.context["form"].errors)
    assert HighlightReport.objects.count() == 1


def test_a_draft_is_unknown_to_partner_readers_and_other_chairs_until_submitted(client, subgroup, partner):
    report = HighlightReportFactory(group=subgroup)
    other_chair = UserFactory(username="mash-chair")
    MembershipFactory(person=PersonFactory(user=other_chair), group=GroupFactory(), role="chair")
    url = report.get_absolute_url()
    for user in (partner, other_chair):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert report not in client.get(reverse("reporting:highlight_list")).context["page_obj"].object_list
    report.status = HighlightStatus.SUBMITTED
    report.save()
    client.force_login(partner)
    assert client.get(url).status_code == 200
    assert client.get(reverse("reporting:highlight_edit", args=[report.pk])).status_code == 403


def test_the_chair_writes_the_narrative_and_the_history_shows_it(client, subgroup, subgroup_chair):
    report = HighlightReportFactory(group=subgroup)
    client.force_login(subgroup_chair)
    response = client.post(
        reverse("reporting:highlight_edit", args=[report.pk]),
        {"achievements": "Neglect toolkit launched.", "concerns": "", "asks_of_board": "Agree the audit."},
    )
    assert response.status_code == 302
    history = client.get(reverse("reporting:highlight_history", args=[report.pk]))
    assert "Neglect toolkit launched." in history.content.decode()


def test_too_long_a_narrative_is_refused_and_kept_on_the_form(client, subgroup, subgroup_chair):
    report = HighlightReportFactory(group=subgroup)
    client.force_login(subgroup_chair)
    response = client.post(
        reverse("reporting:highlight_edit", args=[report.pk]),
        {"achievements": "x" * 10_001, "concerns": "", "asks_of_board": ""},
    )
    assert response.status_code == 200 and "achievements" in response.context["form"].errors
    report.refresh_from_db()
    assert report.achievements == ""


def test_submitting_from_the_page_says_where_the_paper_went(client, subgroup, subgroup_chair):
    board = subgroup.reports_to.get()
    meeting = scheduled_meeting(board, days_from_now=20)
    report = HighlightReportFactory(group=subgroup, achievements="Done.")
    client.force_login(subgroup_chair)
    response = client.post(reverse("reporting:highlight_submit", args=[report.pk]), follow=True)
    assert f"a paper of the {meeting} meeting" in response.content.decode()
    report.refresh_from_db()
    assert report.status == HighlightStatus.SUBMITTED


def test_submitting_without_a_board_meeting_says_why_and_changes_nothing(client, subgroup, subgroup_chair):
    report = HighlightReportFactory(group=subgroup, achievements="Done.")
    client.force_login(subgroup_chair)
    response = client.post(reverse("reporting:highlight_submit", args=[report.pk]), follow=True)
    assert "has no meeting scheduled" in response.content.decode()
    report.refresh_from_db()
    assert report.status == HighlightStatus.DRAFT


def test_the_highlight_pdf_downloads(client, subgroup, subgroup_chair):
    report = HighlightReportFactory(group=subgroup)
    client.force_login(subgroup_chair)
    response = client.get(reverse("reporting:highlight_pdf", args=[report.pk]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF-")


def test_a_delegated_safeguarding_partner_approves_from_the_page_and_the_secretariat_cannot(
    client, secretariat
):
    report = YearlyReportFactory()
    users = partner_users()
    police = users["police"]
    police.groups.add(AuthGroup.objects.get_or_create(name=PARTNER_READER_GROUP)[0])
    client.force_login(police)
    page = client.get(report.get_absolute_url())
    assert "Approve for Shire Police" in page.content.decode()
    client.post(reverse("reporting:yearly_approve", args=[report.pk]))
    approval = report.approvals.get()
    assert (approval.statutory_role, approval.approved_by, approval.approved_by_user) == (
        "police",
        police.person,
        police,
    )
    assert "Approve for" not in client.get(report.get_absolute_url()).content.decode()
    client.force_login(secretariat)
    client.post(
        reverse("reporting:yearly_edit", args=[report.pk]), {"introduction": "Changed after approval."}
    )
    assert not report.approvals.exists()
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Approvals withdrawn when the text changed (1)" in page
    assert f"Police: approved by {police.person.name}" in page
    client.force_login(secretariat)
    assert client.post(reverse("reporting:yearly_approve", args=[report.pk])).status_code == 403


def test_the_yearly_report_downloads_as_pdf_and_word(client, partner):
    report = YearlyReportFactory()
    client.force_login(partner)
    pdf = client.get(reverse("reporting:yearly_pdf", args=[report.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    word = client.get(reverse("reporting:yearly_docx", args=[report.pk]))
    assert word["Content-Type"] == DOCX_CONTENT_TYPE and word.content.startswith(b"PK")
    assert 'filename="Yearly report 2025-04 to 2026-03.docx"' in word["Content-Disposition"]


def test_the_secretariat_assembles_a_yearly_report_and_writes_its_sections(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("reporting:yearly_create"), {"period_start": "2025-04-01", "publication_months": 3}
    )
    assert response.status_code == 302
    report = YearlyReportFactory._meta.model.objects.get()
    response = client.post(
        reverse("reporting:yearly_edit", args=[report.pk]),
        {"introduction": "Our year.", "feedback": "Young people said…"},
    )
    assert response.status_code == 302
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Our year." in page and "Young people said…" in page and "30 June 2026" in page


def test_a_draft_highlight_report_is_deleted_and_a_submitted_one_stays(client, subgroup, subgroup_chair):
    draft = HighlightReportFactory(group=subgroup)
    client.force_login(subgroup_chair)
    response = client.post(reverse("reporting:highlight_delete", args=[draft.pk]))
    assert response["Location"] == reverse("reporting:highlight_list")
    assert not HighlightReport.objects.exists()
    submitted = HighlightReportFactory(group=subgroup, status=HighlightStatus.SUBMITTED)
    client.post(reverse("reporting:highlight_delete", args=[submitted.pk]))
    assert HighlightReport.objects.filter(pk=submitted.pk).exists()


def test_a_draft_yearly_report_assembled_for_the_wrong_year_is_deleted(client, secretariat):
    report = YearlyReportFactory()
    client.force_login(secretariat)
    client.post(reverse("reporting:yearly_delete", args=[report.pk]))
    assert not YearlyReportFactory._meta.model.objects.exists()
