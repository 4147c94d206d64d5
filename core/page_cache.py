"""A cache of whole pages, for one session, that any write to the database empties (issue 16).

The main pages are read far more often than anything changes: a partner opens the dashboard,
goes to a group's log and comes back; a chair reloads their action plan. Each such page is
rendered once per session and per *generation*, a counter in the shared cache that goes up
after every transaction that wrote to the database (any INSERT, UPDATE or DELETE through
Django's connection, from a request, a task or a command). A page is therefore never shown
from a state of the data older than the last commit: the cache trades no freshness for speed.

Why per session and not shared: a page holds its reader's roles, their bell and a CSRF token
for their session. A page is served only to the session that rendered it, at the generation
and on the day it was rendered, and for at most PAGE_CACHE_SECONDS (which bounds what depends
on the clock alone: "last scan 3 minutes ago").

What is never cached: anything but a plain 200 HTML answer to a GET; a page rendered while the
session had a message waiting (the message is part of that one page); a response setting a
cookie; a request its app's `unless` rule keeps out, or a page whose view set
`request.page_cache_exempt` (governance keeps case material out that way:
governance/page_cache_rules.py). Only views wrapped in cached_page take part, and no case review
page is.

The generation must be shared by every process serving pages and running tasks, so the cache
is on only with a shared cache (CACHE_URL, by default REDIS_URL): PAGE_CACHE_SECONDS is 0
without one. Should the cache be unreachable, pages are rendered as if it were off.
"""

import datetime
import functools
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# Statements that leave the data as it was; anything else counts as a write.
READ_PREFIXES = (
    "SELECT",
    "SAVEPOINT",
    "RELEASE",
    "ROLLBACK",
    "BEGIN",
    "COMMIT",
    "SET",
    "SHOW",
    "EXPLAIN",
    "PRAGMA",
)
# Writes that no cached page shows: the session store and the sessions' last-seen times,
# touched by ordinary page views. Were they counted, every click would empty the cache.
IGNORED_TABLES = ('"django_session"', '"accounts_usersession"')


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


# The generation --------------------------------------------------------------------------


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Unknown (a new or flushed cache): start from the clock, so that no page stored under
        # an earlier run's numbers can be reached again.
        generation = int(timezone.now().timestamp() * 1000)
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def advance_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet: the next reader starts it from the clock
        current_generation()
        cache.incr(GENERATION_KEY)
    except Exception:  # an unreachable cache: its pages expire within PAGE_CACHE_SECONDS
        logger.exception("page cache: could not advance the generation")


def is_write(sql: str) -> bool:
    head = sql.lstrip()[:10].upper()
    if head.startswith(READ_PREFIXES):
        return False
    return not any(table in sql for table in IGNORED_TABLES)


def _advance_after_commit(connection) -> None:
    """Advance once the transaction commits (now, outside one). Registered once per transaction."""
    if not connection.in_atomic_block:
        advance_generation()
        return
    if any(callback is advance_generation for _, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(advance_generation, using=connection.alias)


class WriteWatcher:
    """An execute wrapper: after each write, the generation advances when its transaction commits."""

    def __init__(self, connection):
        self.connection = connection

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if enabled() and is_write(sql):
            _advance_after_commit(self.connection)
        return result


def watch_connection(sender, connection, **kwargs) -> None:
    """connection_created: wrap the connection once (it is reused when it reconnects)."""
    if not any(isinstance(wrapper, WriteWatcher) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.append(WriteWatcher(connection))


def connect_write_watcher() -> None:
    connection_created.connect(watch_connection, dispatch_uid="core.page_cache.watch_connection")


# The pages -------------------------------------------------------------------------------


def _page_key(request, generation: int, today: datetime.date) -> str:
    varying = "|".join(
        [
            request.get_full_path(),
            request.headers.get("HX-Request", ""),
            request.headers.get("HX-Target", ""),
            request.headers.get("Accept", "")[:100],
        ]
    )
    digest = hashlib.sha256(f"{request.session.session_key}|{varying}".encode()).hexdigest()
    return f"page-cache:{generation}:{today.isoformat()}:{digest}"


def _has_waiting_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0  # len() reads them without using them up


def _cacheable_request(request) -> bool:
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and request.user.is_authenticated
        and request.session.session_key is not None
        and not _has_waiting_messages(request)
    )


def _cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response["Content-Type"].startswith("text/html")
        and not response.cookies
        and not getattr(request, "page_cache_exempt", False)
        and not _has_waiting_messages(request)
    )


def _stored(response) -> dict:
    # Only what the view set: the middleware adds its headers to every response, hit or not.
    return {"content": response.content, "status": response.status_code, "headers": dict(response.headers)}


def _restored(stored: dict) -> HttpResponse:
    response = HttpResponse(stored["content"], status=stored["status"], headers=stored["headers"])
    response["X-Page-Cache"] = "hit"
    return response


def cached_page(view, *, unless=None):
    """Serve the view's page from the session's cache while no write has happened since.

    `unless(request, *args, **kwargs)`, when given and true, keeps this request's page out of
    the cache (the owning app's rule for material that must not be copied, e.g. case material).
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request) or (unless is not None and unless(request, *args, **kwargs)):
            return view(request, *args, **kwargs)
        try:
            key = _page_key(request, current_generation(), timezone.localdate())
            stored = cache.get(key)
        except Exception:
            logger.exception("page cache: unreachable; rendering the page")
            return view(request, *args, **kwargs)
        if stored is not None:
            return _restored(stored)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response.render()
        if _cacheable_response(request, response):
            try:
                cache.set(key, _stored(response), timeout=settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.exception("page cache: could not store the page")
        return response

    return wrapper
