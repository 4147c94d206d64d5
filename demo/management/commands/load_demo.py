from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError, RestrictedError

from demo.loader import STRUCTURES, DemoConflictError, load_partnership


class Command(BaseCommand):
    help = (
        "Load a demo partnership with invented people and the demo users admin, secretariat, chair, "
        "partner and jcr (password: the DEMO_PASSWORD setting). Herefordshire (the default) also gets "
        "a year of governance ending today: the board's and six subgroups' meetings with agendas, "
        "papers (files under MEDIA_ROOT), attendance, decisions, minutes and action logs, one board "
        "meeting shaped like the December 2019 minutes (18 December last year); Hertfordshire is "
        "structure only. Running it again changes nothing, except to put back demo values someone "
        "edited: the year is loaded only while the board has no meetings, and otherwise left exactly "
        "as it is (use --flush to start again). One partnership at a time: the command "
        "refuses if the database holds another partnership's statutory partners (for instance "
        "Hertfordshire's when loading Herefordshire). --flush first deletes all governance data "
        "(agencies, people, groups, memberships, meetings, actions; their change history is kept), "
        "in the same transaction as the load."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--structure",
            choices=sorted(STRUCTURES),
            default="herefordshire",
            help="Which partnership to load (default: herefordshire).",
        )
        parser.add_argument(
            "--flush",
            action="store_true",
            help="Delete all governance data before loading; use it to switch from one partnership "
            "to the other.",
        )
        parser.add_argument(
            "--structure-only",
            action="store_true",
            help="Load agencies, people, groups, memberships and users, but no meetings or action logs.",
        )

    def handle(self, *args, structure, flush, structure_only, **options):
        try:
            summary = load_partnership(STRUCTURES[structure], flush=flush, with_history=not structure_only)
        except DemoConflictError as error:
            raise CommandError(str(error)) from error
        except (ProtectedError, RestrictedError) as error:
            raise CommandError(
                f"Cannot delete the governance data: other records still refer to it ({error.args[0]})"
            ) from error
        for line in summary.lines():
            self.stdout.write(line)
