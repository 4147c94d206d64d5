"""gunicorn's settings for HSCP Governance: `gunicorn -c gunicorn.conf.py hscp.wsgi`.

Each may be changed from the environment (GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_TIMEOUT,
GUNICORN_MAX_REQUESTS); the defaults suit a small server behind a reverse proxy (issue 16).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the pages are short and CPU-bound; two per core and one more (gunicorn's advice).
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Long enough for a 50,000-row Excel export; a worker stuck past it is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Restart each worker now and then (staggered by the jitter) so a slow leak never grows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10
# Load the application once, before forking: workers share its memory and start quickly.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# Who, what, the answer, its size and how long it took (microseconds); no query strings'
# cookies or bodies: %(r)s is the request line only.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(B)s %(D)sus "%(a)s"'
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def pre_fork(server, worker):
    """Import every app's URLs and views in the master, once, before the workers fork: otherwise
    each worker's first request pays about a second for it (measured on the yearly report)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (read for its side effect: the imports)
