"""Who gets what from each page, declared next to the view (OWASP ASVS 5.0 V8: an access
control policy you can audit).

A view carries its expected outcome for every kind of user with `@access(rule)`; the
permission matrix (governance/tests/test_permission_matrix.py) walks every URL pattern,
requests each as every kind of user and compares. A view without a declaration fails the
suite, so a new page cannot ship without saying who may open it.

The kinds of user, relative to the objects a URL names (a group, its meeting, an action):
anonymous; logged in with no role; a member of the group; its chair; the chair of another
group; a partner reader; the secretariat; a member of the Joint Case Review group (a
need-to-know group that is not the one named); someone whose membership of the group has
ended; an admin.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

KINDS = (
    "anonymous",
    "no_role",
    "member",
    "chair",
    "other_chair",
    "partner",
    "secretariat",
    "jcr",
    "ended_member",
    "admin",
)

# Outcomes: a status code, or "login" for the redirect to the login page.
LOGIN = "login"
Outcome = int | str


@dataclass(frozen=True)
class AccessRule:
    """The outcome for each kind of user when the page is requested with `method` (a POST
    is sent with an empty form, so "allowed" reads as the page's answer to a blank form)."""

    name: str
    outcomes: Mapping[str, Outcome]
    method: str = "GET"
    note: str = field(default="", compare=False)

    def __post_init__(self):
        missing = set(KINDS) - set(self.outcomes)
        unknown = set(self.outcomes) - set(KINDS)
        if missing or unknown:
            raise ValueError(
                f"Access rule {self.name!r}: missing {sorted(missing)}, unknown {sorted(unknown)}"
            )
        object.__setattr__(self, "outcomes", MappingProxyType(dict(self.outcomes)))

    def with_method(self, method: str, **changes: Outcome) -> "AccessRule":
        """The same rule for another method, with some outcomes changed (`default=` changes
        every logged-in kind's)."""
        outcomes = dict(self.outcomes)
        if "default" in changes:
            default = changes.pop("default")
            outcomes.update({kind: default for kind in KINDS if kind != "anonymous"})
        return AccessRule(f"{self.name} ({method})", {**outcomes, **changes}, method=method)

    def but(self, name: str, **changes: Outcome) -> "AccessRule":
        return AccessRule(name, {**self.outcomes, **changes}, method=self.method)


def rule(
    name: str, *, default: Outcome, anonymous: Outcome = LOGIN, method: str = "GET", **outcomes: Outcome
):
    """A rule from a default outcome for the logged-in kinds and the exceptions to it."""
    every = {kind: default for kind in KINDS}
    every["anonymous"] = anonymous
    return AccessRule(name, {**every, **outcomes}, method=method)


ACCESS_ATTRIBUTE = "access_rules"


def access(*rules: AccessRule) -> Callable[[Any], Any]:
    """Declare the expected outcome of a view (function or class-based) for every kind of
    user, one rule per method the matrix should try."""

    def mark(view):
        setattr(view, ACCESS_ATTRIBUTE, tuple(rules))
        return view

    return mark


def declared_rules(callback) -> tuple[AccessRule, ...]:
    """The rules declared on a resolved view (a class-based view's `as_view()` keeps them on
    `view_class`)."""
    for candidate in (callback, getattr(callback, "view_class", None), getattr(callback, "cls", None)):
        if candidate is not None and hasattr(candidate, ACCESS_ATTRIBUTE):
            return getattr(candidate, ACCESS_ATTRIBUTE)
    return ()
