"""Routes for meetings; views in governance/views_meetings.py."""

urlpatterns = []
