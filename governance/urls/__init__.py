"""The governance routes, one module per part of the domain, under one namespace."""

from governance.urls import actions, history, meetings, minutes, papers, settings, structure

app_name = "governance"

urlpatterns = (
    structure.urlpatterns
    + meetings.urlpatterns
    + papers.urlpatterns
    + minutes.urlpatterns
    + actions.urlpatterns
    + settings.urlpatterns
    + history.urlpatterns
)
