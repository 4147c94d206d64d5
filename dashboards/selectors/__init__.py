"""The dashboards' reads: the home page by role (home.py) and the partner dashboard (partner.py)."""
