"""Routes for actions; views in governance/views_actions.py."""

urlpatterns = []
