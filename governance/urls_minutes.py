"""Routes for minutes; views in governance/views_minutes.py."""

urlpatterns = []
