from django.conf import settings
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
        "in the same transaction as the load. The demo accounts that must use two-factor authentication "
        "(admin, secretariat, jcr) get an authenticator app with the secret DEMO_TOTP_SECRET. With DEBUG "
        "off the command refuses unless given --i-know-this-is-not-production, and refuses the documented "
        "default password or secret even then."
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
        parser.add_argument(
            "--i-know-this-is-not-production",
            action="store_true",
            dest="not_production",
            help="Load the demo although DEBUG is off (a staging or training site). DEMO_PASSWORD and "
            "DEMO_TOTP_SECRET must then be set to values of your own.",
        )

    def handle(self, *args, structure, flush, structure_only, not_production=False, **options):
        refuse_outside_development(not_production=not_production)
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


def refuse_outside_development(*, not_production: bool) -> None:
    """Demo accounts with a known password (and, for admin, a known second factor) must never reach
    a production site: with DEBUG off the command needs the flag and secrets of the site's own."""
    if settings.DEBUG:
        return
    if not not_production:
        raise CommandError(
            "DEBUG is off, so this looks like a production site: load_demo creates accounts anyone can log "
            "in to. On a staging or training site, run it with --i-know-this-is-not-production."
        )
    if settings.DEMO_PASSWORD == settings.DEMO_PASSWORD_DEFAULT:
        raise CommandError(
            "DEBUG is off: set DEMO_PASSWORD to a password of your own (the default is public)."
        )
    if settings.DEMO_TOTP_SECRET == settings.DEMO_TOTP_SECRET_DEFAULT:
        raise CommandError(
            "DEBUG is off: set DEMO_TOTP_SECRET to a base32 secret of your own (the default is public)."
        )
