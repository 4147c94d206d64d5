"""Read queries of the action log. Each page runs a fixed number of SQL queries:
owners and updates are prefetched, and the RAG and initials are worked out in
Python from what was fetched."""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.lookups import In
from django.utils import timezone

from core.models import PartnershipSettings
from core.partnership import first_defaults, partnership_settings
from governance import action_rules
from governance.action_sources import actions_visible_to, actions_visible_to_person
from governance.models import (
    FINISHED_STATUSES,
    OUTSTANDING_STATUSES,
    Action,
    ActionHandover,
    ActionSource,
    ActionStatus,
    ActionUpdate,
    Agency,
    Group,
    Meeting,
    Person,
    derive_initials,
)
from governance.permissions import readable_log_group_ids
from governance.selectors.redaction import redact, with_redaction, with_redaction_for_person


def _updates_prefetch(to_attr: str = "trail", queryset=None) -> Prefetch:
    queryset = queryset if queryset is not None else ActionUpdate.objects.all()
    return Prefetch(
        "updates",
        queryset=queryset.select_related("author_person").order_by("created_at", "pk"),
        to_attr=to_attr,
    )


def _owners_prefetch() -> Prefetch:
    return Prefetch("owners", queryset=Person.objects.order_by("name"))


def with_due_soon_window(queryset: QuerySet) -> QuerySet:
    """Read the partnership's due-soon window in the same query as the actions (no extra query;
    None until the settings page is first saved), for decorate()'s RAG markers."""
    return queryset.annotate(
        due_soon_window=Subquery(
            PartnershipSettings.objects.filter(pk=PartnershipSettings.SINGLETON_PK).values("due_soon_days")
        )
    )


def _due_soon_window(rows: list[Action]) -> int:
    if not rows:
        return action_rules.DUE_SOON_DAYS
    if hasattr(rows[0], "due_soon_window"):
        return rows[0].due_soon_window or first_defaults().due_soon_days
    return partnership_settings().due_soon_days


def actions_for_list() -> QuerySet:
    """Actions with everything a list row shows: group, lead agency, owners, the trail."""
    return with_due_soon_window(
        Action.objects.select_related("group", "lead_agency", "owner_group").prefetch_related(
            _owners_prefetch(), _updates_prefetch()
        )
    )


def _visible(queryset: QuerySet, user, *, by_log: bool = True) -> QuerySet:
    """The actions of `queryset` that `user` may see: in the logs they may read (unless `by_log`
    is false: the caller checks the group, as the action page does for owners) and by their
    sources' rules (`action_sources`), each marked `redacted` when agreed at a confidential item
    the user may not see. Without a user (tasks, the minutes document, tests of the log itself)
    nothing is narrowed."""
    if user is None:
        return queryset
    readable = readable_log_group_ids(user) if by_log else None
    if readable is not None:
        queryset = queryset.filter(group_id__in=readable)
    return with_redaction(actions_visible_to(queryset, user), user)


def actions_visible_to_user(user) -> QuerySet:
    """Every action `user` may see, across the logs they may read and by their sources' rules,
    each marked `redacted` when agreed at a confidential item they may not see (dashboards and
    the API count and list these)."""
    return _visible(Action.objects.all(), user)


def with_log_place(queryset: QuerySet, *, group_id: int) -> QuerySet:
    """Each action with what one group's log says of its hand-overs, read in the row query
    itself (no query more): the number it had when this group handed it on and where it went,
    or where it came from when it was handed to this group. `decorate(group_id=…)` reads them."""
    given = ActionHandover.objects.filter(action=OuterRef("pk"), from_group_id=group_id).order_by(
        "-created_at", "-pk"
    )
    received = ActionHandover.objects.filter(action=OuterRef("pk"), to_group_id=group_id).order_by(
        "-created_at", "-pk"
    )
    return queryset.annotate(
        given_number=Subquery(given.values("from_number")[:1]),
        handed_to_short=Subquery(given.values("to_group__short_name")[:1]),
        handed_to_name=Subquery(given.values("to_group__name")[:1]),
        handed_to_number=Subquery(given.values("to_number")[:1]),
        came_from_short=Subquery(received.values("from_group__short_name")[:1]),
        came_from_name=Subquery(received.values("from_group__name")[:1]),
        came_from_number=Subquery(received.values("from_number")[:1]),
    )


def in_log_of(group: Group) -> Q:
    """A group's log: its own actions and those it handed on, which stay under their old
    numbers as 'handed to …' (issue 10 point 9)."""
    return Q(group=group) | Q(pk__in=ActionHandover.objects.filter(from_group=group).values("action_id"))


def group_action_log(*, group: Group, user=None, with_place: bool = True) -> QuerySet:
    """A group's actions, with those it handed on, and what a row shows; put them in reading
    order with `ActionLog(…, group=group)`. With `user`, only those their sources let the user
    see (the log, its exports and print). The caller has checked that the user may read this
    group's log, which holds the actions it handed on wherever they are now (issue 10 point 9).
    Without `with_place`, no hand-over subqueries: `action_log_export` reads them at once."""
    log = actions_for_list().filter(in_log_of(group))
    if with_place:
        log = with_log_place(log, group_id=group.pk)
    return _visible(log, user, by_log=False)


class ActionLog:
    """A log in reading order: outstanding actions first by due date (none last), then finished
    ones, most recently finished first, then those the group handed on. Sliceable and
    countable, for a Paginator.

    Each part is ordered on its own: the ids of a page come from the (group, status, due_date)
    index without reading the actions, and only the page's rows are fetched. One query over
    the whole log ordered by status and date would read every action on every page.
    """

    def __init__(
        self,
        queryset: QuerySet,
        *,
        count_in_one_pass: bool = False,
        group: Group | None = None,
        unfiltered: QuerySet | None = None,
    ):
        base = queryset.order_by()
        # An action the group handed on is finished as far as its log goes (issue 10 point 9).
        here = Q(group=group) if group is not None else Q()
        self.outstanding = base.filter(here, status__in=OUTSTANDING_STATUSES).order_by(
            F("due_date").asc(nulls_last=True), "pk"
        )
        self.finished = base.filter(Q(status__in=FINISHED_STATUSES) | ~here).order_by(
            F("completed_on").desc(nulls_last=True), "pk"
        )
        self._rows = queryset
        # The page's rows are read by id from the log before the filters (`unfiltered`: the same
        # visibility and annotations): a search's subqueries are not run a third time (issue 16).
        self._page_rows = unfiltered if unfiltered is not None else queryset
        self._count_in_one_pass = count_in_one_pass
        self._outstanding_count: int | None = None
        self._count: int | None = None
        self._ids: list[int] | None = None  # every match in order, when counted in one pass
        self._group_id = group.pk if group is not None else None

    def _count_parts(self) -> None:
        if self._count_in_one_pass:
            # A search reads every action whatever the index: one pass gives the counts and the
            # order of every match (ids and the four fields the order needs), so the page's ids
            # need no second pass of the search's subqueries (issue 16).
            self._ids = self._ordered_matches()
            self._count = len(self._ids)
        else:
            # Both parts counted in one reading of the log: each count reads the actions' rows
            # anyway (the sources' rules are not in the index), so two counts read them twice.
            here = Q(group_id=self._group_id) if self._group_id is not None else Q()
            counts = self._rows.order_by().aggregate(
                outstanding=Count("pk", filter=here & Q(status__in=OUTSTANDING_STATUSES)),
                finished=Count("pk", filter=Q(status__in=FINISHED_STATUSES) | ~here),
            )
            self._outstanding_count = counts["outstanding"]
            self._count = counts["outstanding"] + counts["finished"]

    def _ordered_matches(self) -> list[int]:
        """Every matching id in reading order, from one query: outstanding ones by due date (none
        last), then the rest, most recently finished first (none last), each part by id."""
        outstanding: list[tuple[bool, datetime.date | None, int]] = []
        finished: list[tuple[bool, int, int]] = []
        here = self._group_id
        rows = self._rows.order_by().values_list("pk", "status", "group_id", "due_date", "completed_on")
        for pk, status, group_id, due_date, completed_on in rows:
            if status in OUTSTANDING_STATUSES and (here is None or group_id == here):
                outstanding.append((due_date is None, due_date, pk))
            elif status in FINISHED_STATUSES or group_id != here:
                finished.append((completed_on is None, -completed_on.toordinal() if completed_on else 0, pk))
        outstanding.sort(key=lambda row: (row[0], row[1] or datetime.date.min, row[2]))
        finished.sort()
        self._outstanding_count = len(outstanding)
        return [row[2] for row in outstanding] + [row[2] for row in finished]

    def outstanding_count(self) -> int:
        if self._outstanding_count is None:
            self._count_parts()
        assert self._outstanding_count is not None  # counted by _count_parts()
        return self._outstanding_count

    def count(self) -> int:
        if self._count is None:
            self._count_parts()
        assert self._count is not None  # counted by _count_parts()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        split = self.outstanding_count()
        ids: list[int] = []
        if self._ids is not None:
            ids = self._ids[start:stop]
        elif start < split:
            ids += self.outstanding.values_list("pk", flat=True)[start : min(stop, split)]
        if self._ids is None and stop > split:
            ids += self.finished.values_list("pk", flat=True)[max(start - split, 0) : stop - split]
        if not ids:
            return []
        rows = {action.pk: action for action in self._page_rows.order_by().filter(pk__in=ids)}
        return [rows[pk] for pk in ids]

    def __iter__(self):
        """Every action in order, fetched in chunks with owners and updates (for exports)."""
        for part in (self.outstanding, self.finished):
            yield from part.iterator(chunk_size=2000)


class _AmongIds(In):
    """`pk IN (subquery)`, written on PostgreSQL as `pk = ANY(ARRAY(subquery))`: the subquery is
    read first, once, and the rows fetched by primary key. Planned as a join, a person's actions
    were estimated at the average owner's hundreds, and the whole actions table was read to
    find a dozen (30 ms of the home page, twice, at 70,000 actions)."""

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY(ARRAY{rhs})", (*lhs_params, *rhs_params)


def _owned_by(person: Person) -> In:
    """The actions `person` owns, as a condition for `filter()`."""
    return _AmongIds(F("pk"), Action.owners.through.objects.filter(person=person).values("action_id"))


def my_actions(*, person: Person | None, today=None, user=None) -> QuerySet:
    """Every action the person owns, across groups: overdue first, then the rest outstanding
    by due date, then finished ones, latest first. Only those their sources let `user` see
    (or, without a user, the person)."""
    today = today or timezone.localdate()
    if person is None:
        return Action.objects.none()
    owned = actions_for_list().filter(_owned_by(person))
    # An owner sees each action they own, whoever may read its group's log (as on the action's
    # page), redacted when agreed at a confidential item they may not see.
    if user is None:
        owned = with_redaction_for_person(actions_visible_to_person(owned, person), person, today=today)
    else:
        owned = _visible(owned, user, by_log=False)
    rank = Case(
        When(status__in=OUTSTANDING_STATUSES, due_date__lt=today, then=Value(0)),
        When(status__in=OUTSTANDING_STATUSES, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return owned.annotate(my_rank=rank).order_by(
        "my_rank",
        F("due_date").asc(nulls_last=True),
        F("completed_on").desc(nulls_last=True),
        "group__name",
        "number",
    )


def action_for_detail(pk: int, *, user=None) -> Action:
    """One action with its trail and hand-overs; `Action.DoesNotExist` when its source hides it
    from `user`."""
    return (
        _visible(Action.objects.all(), user, by_log=False)
        .select_related(
            "group",
            "lead_agency",
            "owner_group",
            "origin_meeting__group",
            "origin_item",
            "created_by",
            "source_content_type",
        )
        .prefetch_related(
            _owners_prefetch(),
            _updates_prefetch(
                queryset=ActionUpdate.objects.select_related("author", "reviewed_at_meeting__group")
            ),
            Prefetch(
                "handovers",
                queryset=ActionHandover.objects.select_related("from_group", "to_group", "handed_by"),
            ),
        )
        .get(pk=pk)
    )


def source_url(action: Action) -> str:
    """The page of the thing the action came from, when it has one (one query, detail page only)."""
    source = action.source_object if action.source_content_type_id else None
    get_url = getattr(source, "get_absolute_url", None)
    if get_url is None:
        return ""
    return get_url()


def decorate(actions: Iterable[Action], *, today: datetime.date, group_id: int | None = None) -> list[Action]:
    """Give each fetched action its RAG marker, owners' initials and latest update (no queries);
    with `group_id`, its place in that group's log (from `with_log_place`'s annotations)."""
    rows = list(actions)
    window = _due_soon_window(rows)
    for action in rows:
        action.place = action_rules.log_place(
            number=action.number,
            in_this_group=group_id is None or action.group_id == group_id,
            given_number=getattr(action, "given_number", None),
            handed_to_label=getattr(action, "handed_to_short", "") or getattr(action, "handed_to_name", ""),
            handed_to_number=getattr(action, "handed_to_number", None),
            came_from_label=getattr(action, "came_from_short", "") or getattr(action, "came_from_name", ""),
            came_from_number=getattr(action, "came_from_number", None),
        )
        if action.place.handed_to:
            action.rag = action_rules.HANDED_ON_MARKER
        else:
            action.rag = action_rules.rag_marker(action.status, action.due_date, today, window)
        action.owner_list = list(action.owners.all())
        action.initials = action_rules.owner_initials(action.owner_list, group=action.owner_group)
        action.owner_names = action_rules.owner_names(action.owner_list, group=action.owner_group)
        # A handed-on action's updates since belong to the receiving group's log, not this one.
        trail = None if action.place.handed_to else getattr(action, "trail", None)
        action.latest_update = trail[-1] if trail else None
        if getattr(action, "redacted", False):
            redact(action)
        action.is_overdue = not action.place.handed_to and action_rules.is_overdue(
            action.status, action.due_date, today
        )
    return rows


class _Owner(NamedTuple):
    name: str
    initials: str


class _OwnerGroup(NamedTuple):
    name: str
    label: str


class ExportedAction(NamedTuple):
    """One row of a log's export in the export's column order, as `decorate` would have shown
    the action (a tuple: 50,000 of them are made per export, written as they come)."""

    number: int
    reference: str
    title: str
    description: str
    initials: str
    owner_names: str
    lead_agency: str
    due_date: datetime.date | None
    original_due_date: datetime.date | None  # only when the due date has moved
    status: str
    rag: str
    latest_update: str
    latest_update_on: datetime.date | None
    source: str
    group: str


NOT_HANDED_OVER: dict[str, Any] = {}


def _log_places(group: Group) -> dict[int, dict[str, Any]]:
    """What `with_log_place` annotates, for every action handed to or by `group`, in one query
    (hand-overs are few; seven subqueries per row cost a 50,000-row export a second)."""
    places: dict[int, dict[str, Any]] = defaultdict(dict)
    handovers = (
        ActionHandover.objects.filter(Q(from_group=group) | Q(to_group=group))
        .order_by("created_at", "pk")  # the latest of each kind wins, as in with_log_place
        .values_list(
            "action_id",
            "from_group_id",
            "from_number",
            "from_group__short_name",
            "from_group__name",
            "to_group_id",
            "to_number",
            "to_group__short_name",
            "to_group__name",
        )
    )
    for (
        action_id,
        from_id,
        from_number,
        from_short,
        from_name,
        to_id,
        to_number,
        to_short,
        to_name,
    ) in handovers:
        if from_id == group.pk:
            places[action_id].update(
                given_number=from_number,
                handed_to_label=to_short or to_name,
                handed_to_number=to_number,
            )
        if to_id == group.pk:
            places[action_id].update(came_from_label=from_short or from_name, came_from_number=from_number)
    return places


def export_aggregates_in_database() -> bool:
    """Whether the database builds the export's rows (PostgreSQL: owners aggregated and the
    latest update joined in the one row query, without JIT compilation) or Python joins the
    owner links read in a query of their own (SQLite, the embedded default). Both give the same
    bytes (governance/tests/test_exports_in_database.py)."""
    return connection.vendor == "postgresql"


# The reading order's sort (16 MB at 50,000 rows) in memory rather than in files on disk.
EXPORT_WORK_MEM = "64MB"


@contextmanager
def _export_transaction(in_database: bool) -> Iterator[None]:
    """On PostgreSQL, the export's queries in one transaction with the planner told not to JIT-
    compile them: the per-row subqueries put the row query's estimated cost far above
    `jit_above_cost`, and compiling it took 0.75 s of a 1.3 s query at 50,000 rows (issue 16).
    In a transaction the rows also stream from the cursor as they are read, rather than being
    copied whole into a WITH HOLD cursor before the first one arrives."""
    if not in_database:
        yield
        return
    with transaction.atomic(savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('jit', 'off', true), set_config('work_mem', %s, true)", [EXPORT_WORK_MEM]
            )
        yield


# What the export reads of each action, in this order, then the latest update's text and day
# and the owners' names and initials overrides (by name).
_EXPORT_COLUMNS = (
    "pk",
    "number",
    "group_id",
    "group__name",
    "reference",
    "title",
    "description",
    "owner_group__name",
    "owner_group__short_name",
    "lead_agency__name",
    "due_date",
    "original_due_date",
    "status",
    "source",
    "source_label",
)
_CHUNK = 2000


def _export_log(queryset: QuerySet, group: Group) -> QuerySet:
    """The rows to export, without their updates and owners, with the keys of the reading order:
    outstanding actions of this group first by due date (none last), then the rest (finished,
    or handed on), most recently finished first."""
    here = Q(group=group)
    outstanding_here = here & Q(status__in=OUTSTANDING_STATUSES)
    base = queryset.order_by().prefetch_related(None)
    if "redacted" in base.query.annotations:
        base = base.filter(redacted=False)
    return base.filter(outstanding_here | Q(status__in=FINISHED_STATUSES) | ~here).annotate(
        export_part=Case(
            When(outstanding_here, then=Value(0)), default=Value(1), output_field=IntegerField()
        ),
        export_due=Case(When(export_part=0, then=F("due_date"))),
        export_done=Case(When(export_part=1, then=F("completed_on"))),
    )


_EXPORT_ORDER = (
    F("export_part").asc(),
    F("export_due").asc(nulls_last=True),
    F("export_done").desc(nulls_last=True),
    F("pk").asc(),
)


def _rows_built_in_database(log: QuerySet) -> Iterator[tuple]:
    """PostgreSQL: one query. The log's own SQL (the same filters and visibility) as a common
    table, each action's latest update through a lateral join, its owners aggregated by a
    grouped join, in the reading order; rows read from a server-side cursor in chunks."""
    log_sql, params = log.values(
        *_EXPORT_COLUMNS, "export_part", "export_due", "export_done"
    ).query.sql_with_params()
    quote = connection.ops.quote_name
    updates = ActionUpdate._meta.db_table
    links = Action.owners.through._meta.db_table
    people = Person._meta.db_table
    columns = ", ".join(f"log.{quote(column)}" for column in _EXPORT_COLUMNS)
    sql = f"""
        WITH log AS MATERIALIZED ({log_sql})
        SELECT {columns}, latest.text, (latest.created_at AT TIME ZONE %s)::date,
               owners.names, owners.overrides
        FROM log
        LEFT JOIN LATERAL (
            SELECT u.text, u.created_at FROM {quote(updates)} u
            WHERE u.action_id = log.{quote("pk")}
            ORDER BY u.created_at DESC, u.id DESC LIMIT 1
        ) latest ON true
        LEFT JOIN (
            SELECT o.action_id,
                   array_agg(p.name ORDER BY p.name, p.id) AS names,
                   array_agg(p.initials_override ORDER BY p.name, p.id) AS overrides
            FROM {quote(links)} o JOIN {quote(people)} p ON p.id = o.person_id
            WHERE o.action_id IN (SELECT log.{quote("pk")} FROM log)
            GROUP BY o.action_id
        ) owners ON owners.action_id = log.{quote("pk")}
        ORDER BY log.export_part, log.export_due ASC NULLS LAST, log.export_done DESC NULLS LAST,
                 log.{quote("pk")}
    """
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, (*params, timezone.get_current_timezone_name()))
        while chunk := cursor.fetchmany(_CHUNK):
            yield from chunk


def _rows_built_in_python(log: QuerySet) -> Iterator[tuple]:
    """Any database: the actions with their latest update in one query (correlated subqueries),
    every owner link of those actions in another, joined here."""
    owners: dict[int, tuple[list[str], list[str]]] = {}
    links = (
        Action.owners.through.objects.filter(action_id__in=log.values("pk"))
        .order_by("person__name", "person_id")
        .values_list("action_id", "person__name", "person__initials_override")
    )
    for action_id, name, override in links.iterator(chunk_size=5000):
        names, overrides = owners.setdefault(action_id, ([], []))
        names.append(name)
        overrides.append(override)
    latest = ActionUpdate.objects.filter(action=OuterRef("pk")).order_by("-created_at", "-pk")
    rows = (
        log.annotate(
            latest_text=Subquery(latest.values("text")[:1]),
            latest_at=Subquery(latest.values("created_at")[:1]),
        )
        .order_by(*_EXPORT_ORDER)
        .values_list(*_EXPORT_COLUMNS, "latest_text", "latest_at")
    )
    zone = timezone.get_current_timezone()
    for *row, latest_at in rows.iterator(chunk_size=_CHUNK):
        yield (
            *row,
            latest_at.astimezone(zone).date() if latest_at is not None else None,
            *owners.get(row[0], (None, None)),
        )


def action_log_export(queryset: QuerySet, *, group: Group, today: datetime.date) -> Iterator[ExportedAction]:
    """Every action of a group's log (`group_action_log(with_place=False)`, filtered) in
    `ActionLog`'s reading order, as export rows, in three queries whatever the log's size
    (issue 16: 50,000 rows in seconds). On PostgreSQL: the session's settings, the log's
    hand-overs, and the rows built by the database; elsewhere the hand-overs, the owner links,
    and the actions with their latest update. Actions agreed at a confidential item the user
    may not see are left out, as before."""
    in_database = export_aggregates_in_database()
    with _export_transaction(in_database):
        places = _log_places(group)
        log = _export_log(queryset, group)
        rows = _rows_built_in_database(log) if in_database else _rows_built_in_python(log)
        yield from _export_rows(rows, group=group, today=today, places=places)


def _export_rows(
    rows: Iterable[tuple], *, group: Group, today: datetime.date, places: dict[int, dict[str, Any]]
) -> Iterator[ExportedAction]:
    """Each row as the log shows it: its place and RAG, owners' initials and names (the rules
    of `action_rules`, asked once per person, owning group, and status and due date)."""
    window: int | None = None
    statuses = dict(ActionStatus.choices)
    sources = dict(ActionSource.choices)
    people_by_name: dict[tuple[str, str], _Owner] = {}
    owner_groups: dict[tuple[str, str], _OwnerGroup] = {}
    rags: dict[tuple[str, datetime.date | None], str] = {}
    here = group.pk
    for (
        pk,
        number,
        group_id,
        group_name,
        reference,
        title,
        description,
        owner_group_name,
        owner_group_short_name,
        lead_agency_name,
        due_date,
        original_due_date,
        status,
        source,
        source_label,
        latest_text,
        latest_on,
        owner_names,
        owner_overrides,
    ) in rows:
        if window is None:
            window = partnership_settings().due_soon_days
        if group_id == here and pk not in places:
            # The usual row: in this group's log under its own number, never handed over.
            handed_to = came_from = ""
        else:
            place = action_rules.log_place(
                number=number, in_this_group=group_id == here, **places.get(pk, NOT_HANDED_OVER)
            )
            number, handed_to, came_from = place.number, place.handed_to, place.came_from
        if handed_to:
            rag = action_rules.HANDED_ON_MARKER.label
        elif (status, due_date) in rags:
            rag = rags[status, due_date]
        else:
            rag = rags[status, due_date] = action_rules.rag_marker(status, due_date, today, window).label
        if owner_group_name is None:
            owner_group = None
        else:
            owner_group = owner_groups.get((owner_group_name, owner_group_short_name))
            if owner_group is None:
                owner_group = owner_groups[owner_group_name, owner_group_short_name] = _OwnerGroup(
                    name=owner_group_name, label=owner_group_short_name or owner_group_name
                )
        people = []
        if owner_names:
            for pair in zip(owner_names, owner_overrides, strict=True):
                person = people_by_name.get(pair)
                if person is None:
                    name, override = pair
                    person = people_by_name[pair] = _Owner(
                        name=name, initials=override or derive_initials(name)
                    )
                people.append(person)
        # A handed-on action's updates since belong to the receiving group's log, not this one.
        has_update = latest_on is not None and not handed_to
        yield ExportedAction(
            number,
            reference,
            title,
            description,
            action_rules.owner_initials(people, group=owner_group),
            action_rules.owner_names(people, group=owner_group),
            lead_agency_name or "",
            due_date,
            original_due_date if original_due_date != due_date else None,
            handed_to or statuses[status],
            rag,
            latest_text if has_update else "",
            latest_on if has_update else None,
            came_from or source_label or sources[source],
            group_name,
        )


def person_label(pk: int) -> str:
    """The name an owner filter shows for the person chosen (one query, only when one is)."""
    return Person.objects.filter(pk=pk).values_list("name", flat=True).first() or ""


def group_log_agency_choices(group: Group) -> list[tuple[int, str]]:
    return list(Agency.objects.order_by("name").values_list("pk", "name"))


def _log_meetings(group: Group) -> QuerySet:
    """The group's meetings, and those of groups that handed actions to it: where its actions
    were agreed."""
    handed_from = ActionHandover.objects.filter(to_group=group).values("from_group_id")
    return Meeting.objects.filter(Q(group=group) | Q(group__in=handed_from))


def _meeting_label(starts_at: datetime.datetime, short_name: str, name: str) -> str:
    return f"{short_name or name} — {timezone.localtime(starts_at):%-d %b %Y}"


# A group meets monthly at most: ten years is 120 meetings, and a type-ahead search reads at most
# this many of the latest to match the words typed against their labels.
MEETING_LOOKUP_SCAN = 1000


def group_log_meeting_lookup(group: Group, query: str, *, limit: int = 20) -> list[dict[str, object]]:
    """The meetings of a log's filter whose label ('Board — 18 Dec 2019') holds every word of
    `query`, latest first, as type-ahead options ({value, text}); one query."""
    words = query.lower().split()[:5]
    meetings = (
        _log_meetings(group)
        .order_by("-starts_at", "-pk")
        .values_list("pk", "starts_at", "group__short_name", "group__name")[:MEETING_LOOKUP_SCAN]
    )
    options: list[dict[str, object]] = []
    for pk, starts_at, short_name, name in meetings:
        label = _meeting_label(starts_at, short_name, name)
        if all(word in label.lower() for word in words):
            options.append({"value": pk, "text": label})
            if len(options) == limit:
                break
    return options


def meeting_label(pk: int) -> str:
    """The label a meeting filter shows for the meeting chosen (one query, only when one is)."""
    row = Meeting.objects.filter(pk=pk).values_list("starts_at", "group__short_name", "group__name").first()
    return _meeting_label(*row) if row else ""


@dataclass
class SourceLine:
    """One origin within a source: a meeting, an audit, a case review…"""

    label: str
    actions: list[Action] = field(default_factory=list)


@dataclass
class SourcePlan:
    source: str
    label: str
    open: int = 0
    overdue: int = 0
    completed_this_quarter: int = 0
    lines: list[SourceLine] = field(default_factory=list)


def action_plan(*, group: Group, today=None, user=None) -> list[SourcePlan]:
    """The chair's action plan: the group's actions grouped by source, with counts of open,
    overdue and completed this quarter, and the outstanding actions under each origin.

    Three queries whatever the size: the counts, the outstanding actions, their owners.
    """
    today = today or timezone.localdate()
    quarter = action_rules.quarter_start(today)
    outstanding = Q(status__in=OUTSTANDING_STATUSES)
    counts = (
        _visible(Action.objects.filter(group=group), user)
        .values("source")
        .annotate(
            open=Count("pk", filter=outstanding),
            overdue=Count("pk", filter=outstanding & Q(due_date__lt=today)),
            completed_this_quarter=Count(
                "pk", filter=Q(status=ActionStatus.COMPLETED, completed_on__gte=quarter)
            ),
        )
        .order_by()
    )
    plans = {
        row["source"]: SourcePlan(
            source=row["source"],
            label=ActionSource(row["source"]).label,
            open=row["open"],
            overdue=row["overdue"],
            completed_this_quarter=row["completed_this_quarter"],
        )
        for row in counts
    }
    actions = decorate(
        _visible(Action.objects.filter(group=group, status__in=OUTSTANDING_STATUSES), user)
        .select_related("lead_agency", "owner_group", "origin_meeting__group")
        .prefetch_related(_owners_prefetch())
        .order_by(
            "source",
            F("origin_meeting__starts_at").desc(nulls_last=True),
            "source_label",
            F("due_date").asc(nulls_last=True),
            "number",
        ),
        today=today,
    )
    for action in actions:
        plan = plans[action.source]
        if action.origin_meeting is not None:
            label = f"Agreed at {action.origin_meeting}"  # one line per meeting, latest first
        elif action.source == ActionSource.GROUP:
            label = action.source_label or "Recorded for the group"
        else:
            label = action.source_label
        if not plan.lines or plan.lines[-1].label != label:
            plan.lines.append(SourceLine(label=label))
        plan.lines[-1].actions.append(action)
    order = {source: position for position, source in enumerate(ActionSource.values)}
    return sorted(plans.values(), key=lambda plan: order.get(plan.source, len(order)))


def actions_for_meeting_review(*, meeting: Meeting, today=None, user=None) -> list[Action]:
    """What the 'minutes of the previous meeting and action log' item reviews: the group's
    outstanding actions agreed before this meeting, and any already updated at it; only actions
    that existed at the meeting (recorded on or before its date)."""
    today = today or timezone.localdate()
    reviewed_here = ActionUpdate.objects.filter(reviewed_at_meeting=meeting).values("action_id")
    actions = (
        _visible(actions_for_list(), user)
        .filter(group_id=meeting.group_id)
        .filter(Q(status__in=OUTSTANDING_STATUSES) | Q(pk__in=reviewed_here))
        .exclude(origin_meeting=meeting)
        .filter(created_at__date__lte=meeting.local_date)
        .order_by("number")
    )
    return decorate(actions, today=today)


def action_for_review_row(*, meeting: Meeting, pk: int, today=None, user=None) -> Action:
    today = today or timezone.localdate()
    action = _visible(actions_for_list(), user).get(pk=pk, group_id=meeting.group_id)
    return decorate([action], today=today)[0]


def actions_reviewed_at(meeting: Meeting, *, user=None) -> list[Action]:
    """Actions reviewed at a meeting, each with `reviewed_updates`: the updates posted there.

    For the minutes: 'Members considered the following outstanding actions from
    the action log (updates in bold)'. Three queries.
    """
    reviewed_here = ActionUpdate.objects.filter(reviewed_at_meeting=meeting)
    reviewed = Action.objects.filter(pk__in=reviewed_here.values("action_id"))
    actions = (
        with_due_soon_window(_visible(with_log_place(reviewed, group_id=meeting.group_id), user))
        .select_related("group", "lead_agency", "owner_group")
        .prefetch_related(_owners_prefetch(), _updates_prefetch("reviewed_updates", reviewed_here))
        .order_by("number")
    )
    rows = decorate(actions, today=timezone.localdate(), group_id=meeting.group_id)
    rows.sort(key=lambda action: action.place.number)
    for action in rows:
        action.trail = action.reviewed_updates
        action.latest_update = action.reviewed_updates[-1] if action.reviewed_updates else None
    return rows
