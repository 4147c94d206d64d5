"""Helpers for the accounts tests (and the browser helper): give a user an app, compute its code."""

import time

from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services

KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test secret, hex


def code_for(key_hex: str, *, step_offset: int = 0, at: float | None = None) -> str:
    totp = TOTP(bytes.fromhex(key_hex), drift=step_offset)
    totp.time = at if at is not None else time.time()
    return f"{totp.token():06d}"


def next_code_for(device: TOTPDevice) -> str:
    """A code the device accepts now: the current step's, or the next one's when the current
    step was used already (django-otp refuses a code twice; it allows one step of drift)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    offset = 1 if device.last_t >= totp.t() else 0
    return code_for(device.key, step_offset=device.drift + offset)


def enrol(user, key_hex: str = KEY) -> tuple[TOTPDevice, list[str]]:
    return services.two_factor_enrol(user=user, key_hex=key_hex, now=timezone.now())
