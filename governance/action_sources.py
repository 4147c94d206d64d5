"""Who may see an action attached to another app's object: the action log's visibility hook.

An action recorded through `action_record_for_source` points at its source (an audit, a case
review, a business plan line) with a generic relation. A source whose actions are need-to-know
declares who may see them, in its own app's `AppConfig.ready()`:

    from governance.action_sources import register_action_source

    register_action_source(
        CaseReview,
        visible_to=lambda user: Q(panel_members__user=user),  # over CaseReview
        visible_to_person=lambda person: Q(panel_members=person),
    )

Each rule returns a `Q` over the source model, or a queryset of the visible sources (or of their
ids). It becomes a subquery of the query that lists the actions, so a page runs the same number
of queries with or without rules. A rule only narrows: an action is still shown only where the
group's permissions show it, and an action whose source is not registered (a meeting, a group,
anything else) is seen as before. Governance imports no other app: the apps import this.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet

__all__ = [
    "ActionSourceRule",
    "action_visibility_for_person",
    "action_visibility_for_user",
    "actions_visible_to",
    "actions_visible_to_person",
    "register_action_source",
    "registered_action_sources",
    "unregister_action_source",
]

# A rule's answer: a Q over the source model, or a queryset of its visible rows or of their ids.
Visibility = Q | QuerySet
Rule = Callable[[Any], Visibility]


@dataclass(frozen=True)
class ActionSourceRule:
    model: type[models.Model]
    visible_to: Rule  # called with a user
    visible_to_person: Rule  # called with a governance Person (for reminders)


_rules: dict[str, ActionSourceRule] = {}


def _key(model: type[models.Model]) -> str:
    return model._meta.label_lower


def register_action_source(
    model: type[models.Model], *, visible_to: Rule, visible_to_person: Rule
) -> ActionSourceRule:
    """Declare who may see the actions whose source is an instance of `model`.

    `visible_to(user)` and `visible_to_person(person)` each return a `Q` over `model` or a
    queryset of the `model` rows (or ids) they may see. Registering a model again replaces its rule.
    """
    rule = ActionSourceRule(model=model, visible_to=visible_to, visible_to_person=visible_to_person)
    _rules[_key(model)] = rule
    return rule


def unregister_action_source(model: type[models.Model]) -> None:
    _rules.pop(_key(model), None)


def registered_action_sources() -> list[ActionSourceRule]:
    return list(_rules.values())


def ruled_content_type_ids() -> set[int]:
    """The content types of the sources that have a rule: an action from anywhere else is
    visible to all who may see its log (no query once Django has cached the content types)."""
    rules = list(_rules.values())
    if not rules:
        return set()
    return {
        content_type.pk
        for content_type in ContentType.objects.get_for_models(*(r.model for r in rules)).values()
    }


def _visible_ids(model: type[models.Model], answer: Visibility) -> QuerySet:
    if isinstance(answer, Q):
        return model._default_manager.filter(answer).values("pk")
    if isinstance(answer, QuerySet):
        if answer.model is not model:
            raise TypeError(
                f"The visibility rule of {model._meta.label} answered with {answer.model._meta.label}."
            )
        return answer if answer.query.values_select else answer.values("pk")
    raise TypeError(
        f"The visibility rule of {model._meta.label} must return a Q or a queryset, not {answer!r}."
    )


def _visibility(subject: Any, *, for_person: bool) -> Q | None:
    """A Q over Action: not from a registered source, or from one of its visible rows. None when
    no source is registered (nothing to narrow)."""
    rules = list(_rules.values())
    if not rules:
        return None
    # Content types come from Django's per-process cache after the first look-up.
    content_types = ContentType.objects.get_for_models(*(rule.model for rule in rules))
    visible = ~Q(source_content_type_id__in=[content_types[rule.model].pk for rule in rules])
    for rule in rules:
        answer = (rule.visible_to_person if for_person else rule.visible_to)(subject)
        visible |= Q(
            source_content_type_id=content_types[rule.model].pk,
            source_object_id__in=_visible_ids(rule.model, answer),
        )
    return visible


def action_visibility_for_user(user: Any) -> Q | None:
    """The Q over Action of what `user` may see by the sources' rules (None: no rules)."""
    return _visibility(user, for_person=False)


def action_visibility_for_person(person: Any) -> Q | None:
    """The Q over Action of what `person` may be told about by the sources' rules (None: no rules)."""
    return _visibility(person, for_person=True)


def actions_visible_to(queryset: QuerySet, user: Any) -> QuerySet:
    """The actions of `queryset` that `user` may see by their sources' rules. No extra query."""
    visible = action_visibility_for_user(user)
    return queryset if visible is None else queryset.filter(visible)


def actions_visible_to_person(queryset: QuerySet, person: Any) -> QuerySet:
    """The actions of `queryset` that `person` may be told about (reminders, digests).

    For a scan that reminds each owner: filter each owner's actions with this, or exclude the
    owners of an action who fail it. No extra query.
    """
    visible = action_visibility_for_person(person)
    return queryset if visible is None else queryset.filter(visible)
