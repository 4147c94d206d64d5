"""Routes for the partnership's structure: groups, memberships, agencies, people."""

from django.urls import path

from core.page_cache import cached_page
from governance.views import structure as views

urlpatterns = [
    path("structure/", cached_page(views.StructureView.as_view()), name="structure"),
    path("groups/new/", views.group_edit, name="group_create"),
    path("groups/<int:pk>/", views.GroupDetailView.as_view(), name="group_detail"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group_edit"),
    path("groups/<int:pk>/remit/", views.group_remit_edit, name="group_remit_edit"),
    path("groups/<int:group_pk>/members/add/", views.membership_edit, name="membership_create"),
    path("groups/<int:group_pk>/members/<int:pk>/edit/", views.membership_edit, name="membership_edit"),
    path("groups/<int:group_pk>/members/<int:pk>/end/", views.membership_end, name="membership_end"),
    path("agencies/", views.AgencyListView.as_view(), name="agency_list"),
    path("agencies/new/", views.agency_edit, name="agency_create"),
    path("agencies/<int:pk>/", views.AgencyDetailView.as_view(), name="agency_detail"),
    path("agencies/<int:pk>/edit/", views.agency_edit, name="agency_edit"),
    path("people/", cached_page(views.PersonDirectoryView.as_view()), name="person_list"),
    path("people/new/", views.person_edit, name="person_create"),
    path("people/lookup/", views.person_lookup, name="person_lookup"),
    path("people/lookup/active/", views.active_person_lookup, name="active_person_lookup"),
    path("people/lookup/authors/", views.paper_author_lookup, name="paper_author_lookup"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
]
