"""The planning pages: what each shows, the forms' errors with nothing half-saved, and the list pages'
query counts at two sizes."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.models import Action, AgendaItem, SafeguardingPartnerRole, StandingItem
from governance.services.agenda import agenda_standing_items_add
from governance.tests.factories import GroupFactory, MembershipFactory, PersonFactory, UserFactory, council
from governance.tests.factories_actions import london
from governance.tests.factories_meetings import MeetingFactory
from planning.choices import EscalationStatus
from planning.models import Escalation, PlanCell, ProgressUpdate, Risk, ScrutinyReport
from planning.services.escalations import escalation_raise
from planning.services.plan import objective_action_record, objective_add, progress_record
from planning.tests.factories import (
    BudgetLineFactory,
    ContributionFactory,
    EscalationFactory,
    RiskFactory,
    ScrutinyPlanFactory,
    board_factory,
    seed_plan,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return seed_plan()


def _cell(plan, priority=1, workstream=1):
    return PlanCell.objects.get(plan=plan, priority__position=priority, workstream__position=workstream)


def test_the_grid_shows_seed_004s_priorities_across_and_workstreams_down(client, partner, plan):
    client.force_login(partner)
    response = client.get(reverse("planning:plan_current"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Neglect") < page.index("Early help")
    assert "Policy and procedures" in page and "Voice of the child" in page
    assert "Record progress" not in page


def test_without_a_plan_the_secretariat_is_offered_to_create_one(client, secretariat):
    client.force_login(secretariat)
    page = client.get(reverse("planning:plan_current")).content.decode()
    assert "No business plan has been set up yet" in page
    assert reverse("planning:plan_create") in page


def test_creating_a_plan_starts_with_seed_004s_layout(client, secretariat):
    client.force_login(secretariat)
    form = client.get(reverse("planning:plan_create")).context["form"]
    response = client.post(
        reverse("planning:plan_create"),
        {
            "title": "Business plan 2025-27",
            "starts_on": "2025-04-01",
            "ends_on": "2027-03-31",
            "priorities": form["priorities"].initial,
            "workstreams": form["workstreams"].initial,
        },
    )
    assert response.status_code == 302
    assert PlanCell.objects.count() == 30


def test_a_plan_ending_before_it_starts_is_refused_with_the_form_kept(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("planning:plan_create"),
        {
            "title": "Backwards",
            "starts_on": "2025-04-01",
            "ends_on": "2024-03-31",
            "priorities": "A",
            "workstreams": "B",
        },
    )
    assert response.status_code == 200
    assert "must end after it starts" in response.content.decode()
    assert not PlanCell.objects.exists()


def test_the_owning_groups_chair_records_a_dated_progress_rag(client, chair, group, plan):
    cell = _cell(plan)
    cell.owning_group = group
    cell.save()
    client.force_login(chair)
    response = client.post(
        reverse("planning:cell_progress", args=[cell.pk]),
        {
            "rag": "amber",
            "judged_on": "2025-09-30",
            "commentary": "Neglect strategy drafted; launch in spring.",
        },
    )
    assert response.status_code == 302
    page = client.get(cell.get_absolute_url()).content.decode()
    assert "Neglect strategy drafted" in page and "30 Sep 2025" in page and "Amber" in page


def test_a_chair_of_another_group_may_not_judge_the_cell(client, plan):
    other = GroupFactory()
    user = UserFactory(username="other-chair")
    MembershipFactory(person=PersonFactory(user=user), group=other, role="chair")
    client.force_login(user)
    response = client.post(
        reverse("planning:cell_progress", args=[_cell(plan).pk]),
        {"rag": "green", "judged_on": "2025-09-30", "commentary": "x"},
    )
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_a_progress_rag_without_commentary_shows_the_error_and_keeps_the_rag(client, secretariat, plan):
    client.force_login(secretariat)
    response = client.post(
        reverse("planning:cell_progress", args=[_cell(plan).pk]), {"rag": "red", "judged_on": "2025-09-30"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["commentary"]
    assert 'value="red" checked' in response.content.decode() or "checked" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_an_objectives_action_is_recorded_in_the_owning_groups_log_from_the_cell(
    client, secretariat, plan, group
):
    owner = PersonFactory(name="Olive Owner")
    objective = objective_add(cell=_cell(plan), text="Launch the neglect strategy.", owning_group=group)
    client.force_login(secretariat)
    response = client.post(
        reverse("planning:objective_action", args=[objective.pk]),
        {"description": "Book the launch event.", "owners": [owner.pk], "due_date": "2026-01-31"},
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.group == group
    page = client.get(_cell(plan).get_absolute_url()).content.decode()
    assert "Book the launch event." in page


def test_escalating_from_mash_puts_it_on_the_boards_next_agenda(client, secretariat):
    board = board_factory()
    mash = GroupFactory(name="MASH Group", short_name="MASH")
    meeting = MeetingFactory(group=board, starts_at=london(2099, 1, 14))
    agenda_standing_items_add(meeting=meeting)
    client.force_login(secretariat)
    response = client.post(
        reverse("planning:escalation_create"),
        {
            "from_group": mash.pk,
            "to_group": board.pk,
            "title": "Health staffing at the MASH",
            "why": "Cover is not in place at all times.",
            "risk": "Referrals wait for a health check.",
            "tried": "Raised twice at the MASH Group.",
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(title__startswith="Escalation from MASH")
    assert item.meeting == meeting and item.parent.standing_item == StandingItem.MESSAGES
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Escalation from MASH: Health staffing at the MASH" in page


def test_a_chair_escalates_only_from_a_group_they_chair(client, chair, group):
    board_factory()
    client.force_login(chair)
    form = client.get(reverse("planning:escalation_create")).context["form"]
    assert list(form.fields["from_group"].queryset) == [group]


def test_an_escalation_missing_what_was_tried_is_refused_and_nothing_saved(client, secretariat):
    board = board_factory()
    client.force_login(secretariat)
    response = client.post(
        reverse("planning:escalation_create"),
        {"from_group": GroupFactory().pk, "to_group": board.pk, "title": "T", "why": "W", "risk": "R"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["tried"]
    assert not Escalation.objects.exists()


def test_the_board_response_and_close_pages_move_the_status(client, secretariat):
    escalation = EscalationFactory(raised_on=datetime.date(2025, 9, 1))
    client.force_login(secretariat)
    client.post(
        reverse("planning:escalation_respond", args=[escalation.pk]),
        {"response": "ICB to confirm cover.", "responded_on": "2025-10-01"},
    )
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.RESPONDED
    client.post(
        reverse("planning:escalation_close", args=[escalation.pk]),
        {"outcome": "Cover confirmed.", "closed_on": "2025-11-01"},
    )
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.CLOSED


def test_the_risk_register_shows_the_heat_map_with_counts_and_bands_in_words(client, partner):
    RiskFactory(residual_likelihood=5, residual_impact=5, title="Funding of the arrangements")
    client.force_login(partner)
    page = client.get(reverse("planning:risk_list")).content.decode()
    assert "Funding of the arrangements" in page
    assert "very high" in page
    assert "Add a risk" not in page


def test_a_risk_scored_six_is_refused_with_the_form_kept(client, secretariat):
    owner = PersonFactory()
    client.force_login(secretariat)
    response = client.post(
        reverse("planning:risk_create"),
        {
            "title": "Funding",
            "description": "d",
            "owner": owner.pk,
            "likelihood": 6,
            "impact": 3,
            "residual_likelihood": 2,
            "residual_impact": 2,
            "review_date": "2026-01-01",
            "status": "open",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["likelihood"]
    assert not Risk.objects.exists()


def test_a_scrutiny_plan_is_agreed_only_by_lead_safeguarding_partners(client, secretariat):
    plan = ScrutinyPlanFactory()
    lead = PersonFactory(
        agency=council(), safeguarding_partner_role=SafeguardingPartnerRole.LEAD, name="Lee Lead"
    )
    client.force_login(secretariat)
    form = client.get(reverse("planning:scrutiny_plan_agree", args=[plan.pk])).context["form"]
    assert list(form.fields["agreed_by"].queryset) == [lead]
    response = client.post(
        reverse("planning:scrutiny_plan_agree", args=[plan.pk]),
        {"agreed_by": [lead.pk], "agreed_on": "2025-05-01"},
    )
    assert response.status_code == 302
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Agreed on 1 May 2025 by Lee Lead" in page


def test_a_scrutiny_report_with_its_file_is_downloadable_by_a_partner_reader(
    client, secretariat, partner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    plan = ScrutinyPlanFactory()
    client.force_login(secretariat)
    upload = SimpleUploadedFile("scrutiny.pdf", b"%PDF-1.4 report", content_type="application/pdf")
    response = client.post(
        reverse("planning:scrutiny_report_add", args=[plan.pk]),
        {"title": "Rapid reviews", "presented_on": "2025-10-01", "file": upload},
    )
    assert response.status_code == 302
    report = ScrutinyReport.objects.get()
    client.force_login(partner)
    download = client.get(reverse("planning:scrutiny_report_file", args=[report.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 report"


def test_a_scrutiny_report_that_is_not_a_document_is_refused(client, secretariat):
    plan = ScrutinyPlanFactory()
    client.force_login(secretariat)
    upload = SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(
        reverse("planning:scrutiny_report_add", args=[plan.pk]),
        {"title": "X", "presented_on": "2025-10-01", "file": upload},
    )
    assert response.status_code == 200
    assert not ScrutinyReport.objects.exists()


def test_the_budget_page_shows_contributions_in_kind_and_spend_by_quarter_beside_its_chart(client, partner):
    ContributionFactory(agency__name="Herefordshire Council", amount=Decimal("98000"))
    ContributionFactory(
        agency__name="West Mercia Police",
        kind="in_kind",
        amount=Decimal("4200"),
        description="Trainers' time, 12 days",
    )
    BudgetLineFactory(title="Independent scrutineer", budget=Decimal("15000"))
    client.force_login(partner)
    page = client.get(reverse("planning:budget") + "?year=2025").content.decode()
    assert "2025-26" in page
    assert "Trainers&#x27; time, 12 days" in page
    assert "Independent scrutineer" in page
    assert 'data-chart="spend-chart"' in page


# Measured, the same at both sizes: the session, the user, their roles, the nav's and the page's own.
PAGE_QUERIES = {"plan_current": 15, "escalation_list": 13, "risk_list": 12, "scrutiny_list": 12, "budget": 14}


@pytest.mark.parametrize("size", [2, 20])
def test_the_list_pages_run_a_fixed_number_of_queries(
    size, client, secretariat, django_assert_max_num_queries
):
    plan = seed_plan()
    board = board_factory()
    group = GroupFactory()
    for index in range(size):
        objective_add(
            cell=_cell(plan, index % 5 + 1, index % 6 + 1), text=f"Objective {index}", owning_group=group
        )
        EscalationFactory(to_group=board)
        RiskFactory()
        ScrutinyPlanFactory()
        BudgetLineFactory()
        ContributionFactory()
    client.force_login(secretariat)
    client.get(reverse("planning:plan_current"))  # the session and settings, read once
    for name, limit in [
        ("plan_current", 16),
        ("escalation_list", 16),
        ("risk_list", 16),
        ("scrutiny_list", 16),
        ("budget", 16),
    ]:
        with django_assert_max_num_queries(limit):
            assert client.get(reverse(f"planning:{name}")).status_code == 200


def test_the_owning_groups_chair_edits_an_objective_and_another_groups_chair_may_not(
    client, chair, group, plan
):
    objective = objective_add(cell=_cell(plan), text="Launch the strategy.", owning_group=group)
    other = UserFactory(username="other-chair")
    MembershipFactory(person=PersonFactory(user=other), group=GroupFactory(), role="chair")
    client.force_login(other)
    url = reverse("planning:objective_edit", args=[objective.pk])
    assert client.post(url, {"text": "Changed", "owning_group": group.pk}).status_code == 403
    client.force_login(chair)
    response = client.post(
        url, {"text": "Launch the neglect strategy at the summit.", "owning_group": group.pk}
    )
    assert response.status_code == 302
    objective.refresh_from_db()
    assert objective.text == "Launch the neglect strategy at the summit."
    assert objective.history.count() == 2


def test_the_boards_chair_records_the_boards_response(client):
    board = board_factory()
    user = UserFactory(username="board-chair")
    MembershipFactory(person=PersonFactory(user=user), group=board, role="chair")
    escalation = EscalationFactory(to_group=board, raised_on=datetime.date(2025, 9, 1))
    client.force_login(user)
    response = client.post(
        reverse("planning:escalation_respond", args=[escalation.pk]),
        {"response": "The ICB will fund cover.", "responded_on": "2025-10-01"},
    )
    assert response.status_code == 302
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.RESPONDED


def test_a_need_to_know_groups_plan_action_shows_only_where_it_is_to_readers_outside_it(
    client, partner, plan
):
    jcr = GroupFactory(name="Joint Case Review Group", log_readers="members_only")
    owner = PersonFactory()
    MembershipFactory(person=owner, group=jcr)
    objective = objective_add(cell=_cell(plan, 1, 5), text="Embed learning from reviews.", owning_group=jcr)
    objective_action_record(
        objective=objective,
        description="Case-specific: brief the named family's GP.",
        owners=[owner],
        recorded_by=None,
        due_date=datetime.date(2099, 1, 1),
    )
    client.force_login(partner)
    page = client.get(_cell(plan, 1, 5).get_absolute_url()).content.decode()
    assert "An action in the log of Joint Case Review Group" in page
    assert "named family" not in page


def test_placing_open_escalations_puts_them_on_the_next_draft_agenda(client, secretariat):
    board = board_factory()
    escalation = EscalationFactory(to_group=board)
    client.force_login(secretariat)
    assert "not on a coming agenda" in client.get(reverse("planning:escalation_list")).content.decode()
    MeetingFactory(group=board, starts_at=london(2099, 2, 4))
    response = client.post(reverse("planning:escalations_place"), {"board": board.pk}, follow=True)
    assert "1 open escalation(s) put on the next agenda" in response.content.decode()
    escalation.refresh_from_db()
    assert escalation.agenda_item is not None


def test_a_second_cash_contribution_for_the_same_agency_and_year_is_refused(client, secretariat):
    first = ContributionFactory(year=2025)
    client.force_login(secretariat)
    response = client.post(
        reverse("planning:contribution_create"),
        {"year": 2025, "agency": first.agency.pk, "kind": "cash", "amount": "1000"},
    )
    assert response.status_code == 200
    assert "already has a cash contribution this year" in response.content.decode()


def test_an_in_kind_contribution_must_say_what_is_given(client, secretariat):
    agency = ContributionFactory().agency
    client.force_login(secretariat)
    response = client.post(
        reverse("planning:contribution_create"),
        {"year": 2025, "agency": agency.pk, "kind": "in_kind", "amount": "2000", "description": ""},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["description"]


def test_a_contribution_corrected_keeps_its_history(client, secretariat):
    contribution = ContributionFactory(amount=Decimal("50000"))
    client.force_login(secretariat)
    response = client.post(
        reverse("planning:contribution_edit", args=[contribution.pk]),
        {"year": 2025, "agency": contribution.agency.pk, "kind": "cash", "amount": "52000"},
    )
    assert response.status_code == 302
    page = client.get(reverse("planning:contribution_history", args=[contribution.pk])).content.decode()
    assert "52000" in page and "50000" in page


def test_an_action_from_a_scrutiny_report_goes_in_the_boards_log(client, secretariat):
    board = board_factory()
    report = ScrutinyReport.objects.create(
        plan=ScrutinyPlanFactory(), title="Rapid reviews", presented_on=datetime.date(2025, 10, 1)
    )
    owner = PersonFactory()
    client.force_login(secretariat)
    form = client.get(reverse("planning:scrutiny_action", args=[report.pk])).context["form"]
    assert form["group"].initial == board.pk
    response = client.post(
        reverse("planning:scrutiny_action", args=[report.pk]),
        {
            "group": board.pk,
            "description": "Record the reasons for each rapid review decision.",
            "owners": [owner.pk],
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.group == board and action.source_label == "Independent scrutiny: Rapid reviews"


def test_the_risk_register_downloads_as_csv_with_formula_looking_text_kept_as_text(client, partner):
    RiskFactory(title="=HYPERLINK(evil)", review_date=datetime.date(2026, 1, 31))
    client.force_login(partner)
    response = client.get(reverse("planning:risk_list") + "?format=csv")
    assert response["Content-Disposition"].startswith('attachment; filename="risk-register-')
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Risk,Description,Owner")
    assert "'=HYPERLINK(evil)" in text
    assert "31/01/2026" in text


def test_the_risk_register_downloads_as_excel(client, partner):
    RiskFactory(title="Funding")
    client.force_login(partner)
    response = client.get(reverse("planning:risk_list") + "?format=xlsx&status=all")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


@pytest.mark.parametrize("size", [1, 12])
def test_a_cells_page_runs_a_fixed_number_of_queries_whatever_its_objectives_and_actions(
    size, client, secretariat, plan, group, django_assert_max_num_queries
):
    owner = PersonFactory()
    cell = _cell(plan)
    for index in range(size):
        objective = objective_add(cell=cell, text=f"Objective {index}", owning_group=group)
        objective_action_record(
            objective=objective, description=f"Action {index}", owners=[owner], recorded_by=secretariat
        )
        progress_record(
            cell=cell,
            rag="amber",
            judged_on=datetime.date(2025, 9, 1),
            commentary=f"{index}",
            judged_by=secretariat,
        )
    client.force_login(secretariat)
    client.get(reverse("planning:plan_current"))
    with django_assert_max_num_queries(16):
        response = client.get(cell.get_absolute_url())
    assert response.content.decode().count("Action ") >= size


def test_the_secretariat_renames_a_priority_and_changes_the_plans_period(client, secretariat, plan):
    client.force_login(secretariat)
    priority = plan.priorities.get(position=5)
    response = client.post(
        reverse("planning:priority_edit", args=[priority.pk]),
        {"title": "Strong leadership", "aim": "Assurance and challenge.", "key_outcomes": "Full engagement."},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("planning:plan_edit", args=[plan.pk]),
        {"title": plan.title, "starts_on": "2025-04-01", "ends_on": "2025-03-01", "introduction": ""},
    )
    assert "must end after it starts" in response.content.decode()
    plan.refresh_from_db()
    assert plan.ends_on == datetime.date(2027, 3, 31)
    assert "Strong leadership</th>" in client.get(plan.get_absolute_url()).content.decode()


def test_an_escalation_from_a_need_to_know_group_is_for_its_members_the_board_and_the_staff(
    client, partner, secretariat
):
    board = board_factory()
    jcr = GroupFactory(name="Joint Case Review Group", short_name="JCR", log_readers="members_only")
    meeting = MeetingFactory(group=board, starts_at=london(2099, 1, 14))
    escalation = escalation_raise(
        from_group=jcr,
        to_group=board,
        title="Child Q's rapid review is late",
        why="Agency returns missing.",
        risk="The Panel's 15 working days.",
        tried="Chased twice.",
        raised_by=secretariat,
    )
    assert escalation.agenda_item.confidential
    assert escalation.agenda_item.meeting == meeting
    client.force_login(partner)
    assert client.get(escalation.get_absolute_url()).status_code == 404
    assert "Child Q" not in client.get(reverse("planning:escalation_list")).content.decode()
    board_member = UserFactory(username="board-member")
    MembershipFactory(person=PersonFactory(user=board_member), group=board)
    client.force_login(board_member)
    assert client.get(escalation.get_absolute_url()).status_code == 200
    assert "Child Q" in client.get(reverse("planning:escalation_list")).content.decode()


def test_a_square_of_the_heat_map_links_to_its_risks(client, partner):
    RiskFactory(title="Funding", residual_likelihood=4, residual_impact=5)
    RiskFactory(title="Scrutiny", residual_likelihood=2, residual_impact=3)
    client.force_login(partner)
    page = client.get(reverse("planning:risk_list")).content.decode()
    link = f"{reverse('planning:risk_list')}?likelihood=4&amp;impact=5"
    assert link in page
    filtered = client.get(reverse("planning:risk_list") + "?likelihood=4&impact=5").content.decode()
    assert "Funding</a>" in filtered and "Scrutiny</a>" not in filtered
