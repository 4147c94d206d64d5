"""Hooks other apps may listen to. Governance imports none of them (accounts listens, in its ready())."""

from django.dispatch import Signal

# Sent after commit by services.structure.membership_end when a membership has ended (its end date
# is today or earlier), with `membership`. Accounts ends that person's sessions.
membership_ended = Signal()
