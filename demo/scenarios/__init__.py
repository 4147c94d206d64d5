"""Each later app's part of the demo partnership: case reviews, audits, training, planning, reports.

A module here named after its app has `load(scene: Scene) -> dict[str, int]`: it adds its
records through its app's services, once (a second run adds nothing), and answers how many
of each kind it created, for the loader's summary. They run in SCENARIO_ORDER, after the
year of meetings and action logs, inside the loader's transaction.
"""

import importlib
from dataclasses import dataclass, field
from typing import Any

SCENARIO_ORDER = ("reviews", "audits", "training", "planning", "reporting")


@dataclass
class Scene:
    """What the loader has loaded so far, by the demo's own names."""

    people: dict[str, Any]  # governance Person by name
    groups: dict[str, Any]  # governance Group by name
    agencies: dict[str, Any]  # governance Agency by short name
    extra: dict[str, Any] = field(default_factory=dict)  # what one scenario leaves for a later one


def load_all(scene: Scene) -> dict[str, int]:
    created: dict[str, int] = {}
    for name in SCENARIO_ORDER:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"{__name__}.{name}":
                continue  # that app has no demo part yet
            raise
        created.update(module.load(scene))
    return created
