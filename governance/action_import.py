"""Pure rules of importing an existing action log (issue 10 point 10): which column is which,
how owners' initials or names are matched, and what makes a row bad. No database and no
clock: the directory of people, groups and agencies and the numbers already used are passed
in, so every rule is tested with plain values.

Columns follow the action log quoted in seed 003's minutes: 'Action No 15 (23.10.19 ref 4.1)
Finance / Funding - PG to draft letter…', owners by initials ('EF/KW/PG'), updates in bold.
"""

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from governance.choices import FINISHED_STATUSES, ActionStatus

# The template's header, in order, and one example row per kind of line in seed 003's log.
TEMPLATE_HEADERS = [
    "Action No",
    "Reference",
    "Title",
    "Action",
    "Owners",
    "Lead agency",
    "Due date",
    "Status",
    "Latest update",
    "Completed on",
]
TEMPLATE_EXAMPLES = [
    [
        15,
        "23.10.19 ref 4.1",
        "Finance / Funding",
        "PG to draft letter, and pass to Chief Executive for signature, before circulating to partners.",
        "PG",
        "",
        "",
        "In progress",
        "Draft letters agreed with the Chief Executive; PG to let EH know once letters have been sent.",
        "",
    ],
    [
        19,
        "23.10.19 ref 7.2",
        "Development & Practice Group",
        "Key members of the Development and Practice Group to update the neglect strategy and "
        "accompanying action plan virtually.",
        "D&P",
        "",
        "",
        "Open",
        "A lead for neglect has been named and will work on this with key members of the group.",
        "",
    ],
    [
        22,
        "18.11.19 ref 2.2",
        "Business Plan",
        "PG will lead on the production of the new plan.",
        "PG",
        "",
        datetime.date(2020, 3, 31),
        "Open",
        "The deadline for this to be revised to March 2020.",
        "",
    ],
    [
        23,
        "18.11.19 ref 2.3",
        "Neglect strategy",
        "CB to identify a lead for neglect.",
        "CB",
        "",
        "",
        "Completed",
        "Completed - a lead for neglect has been named.",
        datetime.date(2019, 12, 18),
    ],
]

# Header words accepted for each field (compared in lower case, spaces and punctuation squeezed).
COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("action no", "action number", "no", "number", "action no."),
    "reference": ("reference", "ref"),
    "title": ("title", "heading"),
    "description": ("action", "description", "action text"),
    "owners": ("owners", "owner", "owner s", "owners initials", "owners initials or names", "initials"),
    "lead_agency": ("lead agency", "agency"),
    "due_date": ("due date", "due", "deadline"),
    "status": ("status",),
    "latest_update": ("latest update", "update", "updates"),
    "completed_on": ("completed on", "date completed", "completed"),
}
REQUIRED = ("number", "description", "owners")
MAX_LENGTHS = {"reference": 60, "title": 200, "description": 5000, "latest_update": 5000}
OWNER_SEPARATORS = re.compile(r"\s*[/,;]\s*|\s+and\s+")
GROUP_PREFIX = re.compile(r"^(key members of( the)?|members of( the)?|the)\s+", re.IGNORECASE)


def _squeeze(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@dataclass(frozen=True)
class Entry:
    """One person, group or agency the import may name: its id and the words that name it."""

    pk: int
    name: str
    names: tuple[str, ...]  # lower-cased: full name, initials or short name


@dataclass(frozen=True)
class Directory:
    people: Sequence[Entry]  # the group's members
    groups: Sequence[Entry]
    agencies: Sequence[Entry]


@dataclass
class ImportRow:
    row: int
    number: int
    reference: str
    title: str
    description: str
    people: list[int] = field(default_factory=list)
    group: int | None = None
    unresolved: list[str] = field(default_factory=list)
    lead_agency: int | None = None
    due_date: datetime.date | None = None
    status: str = ActionStatus.OPEN
    latest_update: str = ""
    completed_on: datetime.date | None = None


@dataclass
class ImportResult:
    rows: list[ImportRow]
    errors: list[tuple[int, str]]
    missing_columns: list[str] = field(default_factory=list)

    @property
    def unresolved(self) -> list[str]:
        """Owner words that matched nobody, each once, in the order met."""
        seen: dict[str, None] = {}
        for row in self.rows:
            for word in row.unresolved:
                seen.setdefault(word, None)
        return list(seen)


def column_map(headers: Sequence[str]) -> dict[str, int]:
    """Which column holds which field, by header words; unknown headers are ignored."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = _squeeze(header)
        for name, words in COLUMNS.items():
            if key in {_squeeze(word) for word in words} and name not in found:
                found[name] = index
    return found


def parse_date(text: str) -> datetime.date | None:
    """dd/mm/yyyy, dd/mm/yy, yyyy-mm-dd, '31 Mar 2020' or '31 March 2020'; blank is None."""
    text = text.strip()
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%d.%m.%Y", "%d.%m.%y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date: write it as dd/mm/yyyy")


def parse_status(text: str) -> str:
    key = _squeeze(text)
    if not key:
        return ActionStatus.OPEN
    for value, label in ActionStatus.choices:
        if key in (_squeeze(value), _squeeze(label)):
            return value
    labels = ", ".join(label for _, label in ActionStatus.choices)
    raise ValueError(f"'{text}' is not a status: use one of {labels}")


def _match(word: str, entries: Iterable[Entry]) -> list[Entry]:
    key = word.lower()
    return [entry for entry in entries if key in entry.names]


def match_owners(
    text: str, directory: Directory, resolutions: dict[str, tuple[str, int]]
) -> tuple[list[int], int | None, list[str]]:
    """Owners' initials or names ('EF/KW/PG', 'LM, key members of the D&P Group') as people of
    the group, at most one group, and the words that matched nobody (or more than one person).
    `resolutions` maps a lower-cased word to ('person', id) or ('group', id), chosen by the user."""
    people: list[int] = []
    group: int | None = None
    unresolved: list[str] = []
    for raw in OWNER_SEPARATORS.split(text.strip()):
        word = raw.strip()
        if not word:
            continue
        chosen = resolutions.get(word.lower())
        if chosen is None:
            person = _match(word, directory.people)
            as_group = _match(GROUP_PREFIX.sub("", word), directory.groups)
            if len(person) == 1:
                chosen = ("person", person[0].pk)
            elif not person and len(as_group) == 1:
                chosen = ("group", as_group[0].pk)
        if chosen is None:
            unresolved.append(word)
        elif chosen[0] == "person":
            if chosen[1] not in people:
                people.append(chosen[1])
        elif group is None or group == chosen[1]:
            group = chosen[1]
        else:
            unresolved.append(word)  # one owning group per action
    return people, group, unresolved


def parse_rows(
    headers: Sequence[str],
    rows: Sequence[tuple[int, Sequence[str]]],
    *,
    directory: Directory,
    numbers_used: set[int],
    resolutions: dict[str, tuple[str, int]] | None = None,
) -> ImportResult:
    """Every row checked; each bad row reported by its row number and reason. Numbers are kept
    as given and must be new to the log and to the file."""
    resolutions = resolutions or {}
    columns = column_map(headers)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        return ImportResult(rows=[], errors=[], missing_columns=missing)
    parsed: list[ImportRow] = []
    errors: list[tuple[int, str]] = []
    seen: dict[int, int] = {}

    def cell(cells: Sequence[str], name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    for row_number, cells in rows:
        problems: list[str] = []
        number_text = cell(cells, "number").rstrip(".")
        number = 0
        if not number_text.isdigit() or int(number_text) == 0:
            problems.append(f"the action number '{number_text}' is not a whole number above 0")
        else:
            number = int(number_text)
            if number in numbers_used:
                problems.append(f"action {number} is already in this log")
            elif number in seen:
                problems.append(f"action {number} is also on row {seen[number]}")
            else:
                seen[number] = row_number
        values = {name: cell(cells, name) for name in MAX_LENGTHS}
        for name, limit in MAX_LENGTHS.items():
            if len(values[name]) > limit:
                problems.append(f"the {name.replace('_', ' ')} is longer than {limit} characters")
        if not values["description"]:
            problems.append("the action text is empty")
        owners_text = cell(cells, "owners")
        people, group, unresolved = match_owners(owners_text, directory, resolutions)
        if not owners_text:
            problems.append("no owner is given")
        agency_text = cell(cells, "lead_agency")
        agency = None
        if agency_text:
            agencies = _match(agency_text, directory.agencies)
            if len(agencies) == 1:
                agency = agencies[0].pk
            else:
                problems.append(f"the lead agency '{agency_text}' is not one of the partnership's agencies")
        dates: dict[str, datetime.date | None] = {}
        for name in ("due_date", "completed_on"):
            try:
                dates[name] = parse_date(cell(cells, name))
            except ValueError as error:
                problems.append(f"the {name.replace('_', ' ')}: {error}")
                dates[name] = None
        try:
            status = parse_status(cell(cells, "status"))
        except ValueError as error:
            problems.append(str(error))
            status = ActionStatus.OPEN
        if dates["completed_on"] and status not in FINISHED_STATUSES:
            problems.append("a completion date is given but the status is not finished")
        if problems:
            text = "; ".join(problems)
            errors.append((row_number, text[:1].upper() + text[1:] + "."))
            continue
        parsed.append(
            ImportRow(
                row=row_number,
                number=number,
                reference=values["reference"],
                title=values["title"],
                description=values["description"],
                people=people,
                group=group,
                unresolved=unresolved,
                lead_agency=agency,
                due_date=dates["due_date"],
                status=status,
                latest_update=values["latest_update"],
                completed_on=dates["completed_on"],
            )
        )
    return ImportResult(rows=parsed, errors=errors)
