"""What the notification mechanism knows about the apps that use it: their kinds and scans.

The mechanism knows no domain. Each app declares, in its `AppConfig.ready()`:

- its **kinds** (`register_kind(Kind(...))`): a code, the topic and label shown on the
  preferences page, the default delivery, and the permission a recipient needs to see the
  subject of such a message (recipients whose linked user lacks it are dropped; None means
  no check). A kind's text lives in two templates of the registering app,
  ``<app_label>/notifications/<code>_subject.txt`` and ``<code>_body.txt``, rendered with
  the message's context and no HTML escaping (they are plain text), so what a message may
  say is reviewable in one place per app;
- its **scans** (`register_scan(name, function)`): a function of `now` returning batches
  of `Message` (an iterable of iterables). The one beat task
  (`notifications.tasks.scan_reminders`) runs every registered scan in the order
  registered; each batch is recorded with one look-up of the keys already sent, and a
  scan written as a generator may hold a transaction open per batch, so e-mails are
  queued as each batch commits.

Registering the same kind or scan again (an app registry that is populated twice, as in
tests that change INSTALLED_APPS) is harmless; a different kind under a taken code is
refused.
"""

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Context, Engine

from notifications.models import Delivery


class UnregisteredKind(LookupError):
    """notify() was given a message whose kind no app registered."""


@dataclass(frozen=True)
class Kind:
    code: str
    topic: str
    label: str
    app_label: str
    default_delivery: str = Delivery.IMMEDIATE
    permission: str | None = None

    @property
    def subject_template(self) -> str:
        return f"{self.app_label}/notifications/{self.code}_subject.txt"

    @property
    def body_template(self) -> str:
        return f"{self.app_label}/notifications/{self.code}_body.txt"


@dataclass
class Message:
    """One thing to tell some people; its text comes from its kind's templates.

    `subject_ref` names what it is about (e.g. "meeting:12"); `occasion` distinguishes
    repeats that are meant (e.g. the date of a daily warning); `about` is the object a
    kind's permission is checked against (None: the permission is checked globally).
    """

    kind: str
    recipients: Iterable
    subject_ref: str
    context: Mapping[str, Any] = field(default_factory=dict)
    url: str = ""
    occasion: str = ""
    about: Any = None


ScanFunction = Callable[..., Iterable[Iterable[Message]]]


@dataclass(frozen=True)
class Scan:
    name: str
    function: ScanFunction


_kinds: dict[str, Kind] = {}
_scans: dict[str, Scan] = {}


def register_kind(kind: Kind) -> Kind:
    existing = _kinds.get(kind.code)
    if existing is not None and existing != kind:
        raise ValueError(f"A different notification kind is already registered as “{kind.code}”.")
    _kinds[kind.code] = kind
    return kind


def register_scan(name: str, function: ScanFunction) -> Scan:
    """`function(now)` returns batches of messages due at `now`."""
    scan = Scan(name, function)
    existing = _scans.get(name)
    if existing is not None and existing != scan:
        raise ValueError(f"A different scan is already registered as “{name}”.")
    _scans[name] = scan
    return scan


def kind(code: str) -> Kind:
    try:
        return _kinds[code]
    except KeyError:
        raise UnregisteredKind(f"“{code}” is not a registered kind of notification.") from None


def kinds() -> tuple[Kind, ...]:
    """Every registered kind, in the order registered."""
    return tuple(_kinds.values())


def scans() -> tuple[Scan, ...]:
    """Every registered scan, in the order registered."""
    return tuple(_scans.values())


# Text -----------------------------------------------------------------------------------


@functools.cache
def _text_engine() -> Engine:
    # Plain text: no HTML escaping. Templates are found in the installed apps.
    return Engine(app_dirs=True, autoescape=False)


@receiver(setting_changed)
def _forget_engine(*, setting, **kwargs):
    if setting in {"INSTALLED_APPS", "TEMPLATES"}:
        _text_engine.cache_clear()


def render(message: Message) -> tuple[str, str]:
    """(subject, body) of a message: its kind's templates with its context. A subject is one
    line (white space, line breaks included, folded to single spaces); the newline that ends
    each template file is not part of the text."""
    registered = kind(message.kind)
    engine = _text_engine()
    subject = engine.get_template(registered.subject_template).render(Context(dict(message.context)))
    body = engine.get_template(registered.body_template).render(Context(dict(message.context)))
    # A subject is one line whatever its context holds: a line break in a header would make
    # every e-mail of it fail (and retry) in the mail library.
    return " ".join(subject.split()), body.removesuffix("\n")
