"""Governance models, one module per part of the domain."""

from governance.models.actions import *  # noqa: F403
from governance.models.calendars import *  # noqa: F403
from governance.models.meetings import *  # noqa: F403
from governance.models.structure import *  # noqa: F403
from governance.models.structure import derive_initials  # noqa: F401
