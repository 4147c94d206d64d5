"""A stand-in for a new app: its kinds, its scan and its message templates live here only.

Installed by the `testapp` fixture (notifications/tests/conftest.py), which adds it to
INSTALLED_APPS; its AppConfig.ready() registers with the notification mechanism exactly as
a real app's does.
"""
