"""Routes for papers and the agenda pack; views in governance/views_papers.py."""

urlpatterns = []
