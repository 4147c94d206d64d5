"""Pages for the partnership's structure. Thin: check permission, call a
selector or a service, render. Login is required by middleware for every view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView
from rules.contrib.views import PermissionRequiredMixin

from core.access import access
from core.partnership import partnership_settings
from core.views import querystring_without, save_through_service
from governance.access_rules import GROUP_RUNNERS, GROUP_RUNNERS_POST, PARTNERSHIP_VIEWERS, STAFF, STAFF_POST
from governance.filters.structure import PersonFilter
from governance.forms.fields import active_people
from governance.forms.papers import paper_authors
from governance.forms.structure import (
    AgencyForm,
    GroupForm,
    GroupRemitForm,
    MembershipEndForm,
    MembershipForm,
    PersonForm,
)
from governance.forms.typeahead import typeahead_response
from governance.models import Agency, Group, Membership, Person, QuorumCounting, SafeguardingPartnerRole
from governance.selectors import structure as selectors
from governance.selectors.structure import LOOKUP_QUERY_MAX_LENGTH
from governance.services import structure as services
from governance.views.access import AGENCIES_CRUMB, PEOPLE_CRUMB, STRUCTURE_CRUMB, check_perm, group_for


class PartnershipViewMixin(PermissionRequiredMixin):
    permission_required = "governance.view_partnership"


@access(PARTNERSHIP_VIEWERS)
class StructureView(PartnershipViewMixin, TemplateView):
    template_name = "governance/structure.html"
    extra_context = {"title": "Structure"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(structure=selectors.partnership_structure(), **kwargs)


@access(PARTNERSHIP_VIEWERS)
class GroupDetailView(PartnershipViewMixin, DetailView):
    template_name = "governance/group_detail.html"
    context_object_name = "group"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Group.objects.prefetch_related("reports_to", "reporting_groups"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        group = self.object
        user = self.request.user
        members_by_agency = selectors.group_members_by_agency(group=group)
        return super().get_context_data(
            title=group.name,
            chairs=selectors.chairs_among(members_by_agency),
            breadcrumbs=[STRUCTURE_CRUMB],
            members_by_agency=members_by_agency,
            past_memberships=selectors.group_membership_history(group=group)[:50],
            can_manage=user.has_perm("governance.manage_memberships"),
            can_edit_remit=user.has_perm("governance.edit_group_remit", group),
            quorum_counting=QuorumCounting(
                group.quorum_counting or partnership_settings().quorum_counting
            ).label,
            **kwargs,
        )


@access(PARTNERSHIP_VIEWERS)
class AgencyListView(PartnershipViewMixin, TemplateView):
    template_name = "governance/agency_list.html"
    extra_context = {"title": "Agencies"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(agencies=selectors.agencies_for_list(), **kwargs)


@access(PARTNERSHIP_VIEWERS)
class AgencyDetailView(PartnershipViewMixin, DetailView):
    model = Agency
    template_name = "governance/agency_detail.html"
    context_object_name = "agency"

    def get_context_data(self, **kwargs):
        agency = self.object
        people = list(agency.people.order_by("-active", "name"))
        holders = {person.safeguarding_partner_role: person for person in people if person.active}
        return super().get_context_data(
            title=agency.name,
            breadcrumbs=[AGENCIES_CRUMB],
            people=people,
            safeguarding_partners=[(role, holders.get(role)) for role in SafeguardingPartnerRole],
            memberships=selectors.agency_groups(agency=agency),
            can_manage=self.request.user.has_perm("governance.manage_structure"),
            **kwargs,
        )


@access(PARTNERSHIP_VIEWERS)
class PersonDirectoryView(PartnershipViewMixin, FilterView):
    filterset_class = PersonFilter
    template_name = "governance/person_list.html"
    paginate_by = 25
    context_object_name = "people"
    extra_context = {"title": "People"}

    def get_queryset(self):
        return selectors.people_directory()

    def get_context_data(self, **kwargs):
        # Paged by FilterView (a page number out of range is a 404 here), linked by the partial.
        return super().get_context_data(
            querystring=querystring_without(self.request, "page"),
            can_manage=self.request.user.has_perm("governance.manage_structure"),
            **kwargs,
        )


@access(PARTNERSHIP_VIEWERS)
@require_GET
def person_lookup(request):
    """Type-ahead options for fields over people (the action log's owner filter): at most 20
    people whose name holds the words typed, for anyone who may read the directory."""
    check_perm(request.user, "governance.view_partnership")
    query = request.GET.get("q", "")[:LOOKUP_QUERY_MAX_LENGTH]
    return JsonResponse({"results": selectors.people_lookup(query)})


@access(PARTNERSHIP_VIEWERS)
@require_GET
def active_person_lookup(request):
    """Type-ahead options for the forms' fields over people who may be named now (an action's
    owners, a membership's person, an audit's lead…): at most 20 active people (issue 16)."""
    check_perm(request.user, "governance.view_partnership")
    return typeahead_response(request, active_people())


@access(PARTNERSHIP_VIEWERS)
@require_GET
def paper_author_lookup(request):
    """Type-ahead options for a paper's author: whom this user may name (forms.papers)."""
    check_perm(request.user, "governance.view_partnership")
    return typeahead_response(request, paper_authors(request.user))


@access(PARTNERSHIP_VIEWERS)
class PersonDetailView(PartnershipViewMixin, DetailView):
    template_name = "governance/person_detail.html"
    context_object_name = "person"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Person.objects.select_related("agency", "line_manager", "user"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.object.name,
            breadcrumbs=[PEOPLE_CRUMB],
            memberships=selectors.person_memberships(person=self.object),
            can_manage=self.request.user.has_perm("governance.manage_structure"),
            **kwargs,
        )


def _edit_page(request, *, form, title, cancel_url, breadcrumbs=()):
    return render(
        request,
        "governance/form_page.html",
        {"form": form, "title": title, "cancel_url": cancel_url, "breadcrumbs": breadcrumbs},
    )


def _model_form_view(
    request, *, form_class, instance, service, title, cancel_url, breadcrumbs, saved, initial=None
):
    form = form_class(request.POST or None, instance=instance, initial=initial)
    if request.method == "POST" and form.is_valid() and save_through_service(form, service):
        messages.success(request, saved.format(obj=form.instance))
        return redirect(form.instance.get_absolute_url())
    return _edit_page(request, form=form, title=title, cancel_url=cancel_url, breadcrumbs=breadcrumbs)


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def agency_edit(request, pk=None):
    check_perm(request.user, "governance.manage_structure")
    agency = get_object_or_404(Agency, pk=pk) if pk else Agency()
    return _model_form_view(
        request,
        form_class=AgencyForm,
        instance=agency,
        service=lambda a: services.agency_save(agency=a),
        title=f"Change {agency}" if pk else "Add an agency",
        cancel_url=agency.get_absolute_url() if pk else reverse("governance:agency_list"),
        breadcrumbs=[AGENCIES_CRUMB],
        saved="Saved {obj}.",
    )


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def person_edit(request, pk=None):
    check_perm(request.user, "governance.manage_structure")
    person = get_object_or_404(Person, pk=pk) if pk else Person()
    return _model_form_view(
        request,
        form_class=PersonForm,
        instance=person,
        service=lambda p: services.person_save(person=p),
        initial={"agency": request.GET.get("agency")} if not pk else None,
        title=f"Change {person}" if pk else "Add a person",
        cancel_url=person.get_absolute_url() if pk else reverse("governance:person_list"),
        breadcrumbs=[PEOPLE_CRUMB],
        saved="Saved {obj}.",
    )


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def group_edit(request, pk=None):
    check_perm(request.user, "governance.manage_structure")
    group = get_object_or_404(Group, pk=pk) if pk else Group()
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():

        def save(group):
            services.group_save(group=group, reports_to=form.cleaned_data["reports_to"])

        if save_through_service(form, save):
            messages.success(request, f"Saved {form.instance}.")
            return redirect(form.instance.get_absolute_url())
    return _edit_page(
        request,
        form=form,
        title=f"Change {group}" if pk else "Add a group",
        cancel_url=group.get_absolute_url() if pk else reverse("governance:structure"),
        breadcrumbs=[STRUCTURE_CRUMB],
    )


@access(GROUP_RUNNERS, GROUP_RUNNERS_POST)
@require_http_methods(["GET", "POST"])
def group_remit_edit(request, pk):
    group = group_for(request, pk, "governance.edit_group_remit")
    form = GroupRemitForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():

        def save(group):
            services.group_update_remit(
                group=group,
                remit=form.cleaned_data["remit"],
                terms_of_reference_review_date=form.cleaned_data["terms_of_reference_review_date"],
            )

        if save_through_service(form, save):
            messages.success(request, f"Saved the remit of {group}.")
            return redirect(group.get_absolute_url())
    return _edit_page(
        request,
        form=form,
        title=f"Remit of {group}",
        cancel_url=group.get_absolute_url(),
        breadcrumbs=[STRUCTURE_CRUMB, (group.label, group.get_absolute_url())],
    )


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def membership_edit(request, group_pk, pk=None):
    check_perm(request.user, "governance.manage_memberships")
    group = get_object_or_404(Group, pk=group_pk)
    membership = get_object_or_404(Membership, pk=pk, group=group) if pk else Membership(group=group)
    form = MembershipForm(request.POST or None, instance=membership, group=group)
    submitted_valid = request.method == "POST" and form.is_valid()
    if submitted_valid and save_through_service(form, lambda m: services.membership_save(membership=m)):
        messages.success(request, f"Saved: {form.instance}.")
        return redirect(group.get_absolute_url())
    return _edit_page(
        request,
        form=form,
        title=f"Change membership of {group}" if pk else f"Add a member to {group}",
        cancel_url=group.get_absolute_url(),
        breadcrumbs=[STRUCTURE_CRUMB, (group.label, group.get_absolute_url())],
    )


@access(STAFF, STAFF_POST)
@require_http_methods(["GET", "POST"])
def membership_end(request, group_pk, pk):
    check_perm(request.user, "governance.manage_memberships")
    membership = get_object_or_404(
        Membership.objects.select_related("person", "group"), pk=pk, group_id=group_pk
    )
    form = MembershipEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_end(membership=membership, end_date=form.cleaned_data["end_date"])
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"Ended: {membership}. It stays in the group's history.")
            return redirect(membership.group.get_absolute_url())
    group = membership.group
    return _edit_page(
        request,
        form=form,
        title=f"End membership: {membership}",
        cancel_url=group.get_absolute_url(),
        breadcrumbs=[STRUCTURE_CRUMB, (group.label, group.get_absolute_url())],
    )
