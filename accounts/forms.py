from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django_otp.oath import TOTP

from accounts.choices import AuthEventKind
from core.forms import CrispyForm


class LoginForm(AuthenticationForm):
    # One message whatever went wrong, so a failure never tells whether the account exists.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That username and password do not match an account that can log in. "
        "Both are case-sensitive.",
        "inactive": "That username and password do not match an account that can log in. "
        "Both are case-sensitive.",
    }


def _clean_code(value: str) -> str:
    return "".join(value.split()).lower()


class SecondFactorForm(CrispyForm):
    submit_label = "Verify"
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The six-digit code your authenticator app shows, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "inputmode": "text"}
        ),
    )

    def clean_code(self) -> str:
        return _clean_code(self.cleaned_data["code"])


class TwoFactorSetupForm(CrispyForm):
    submit_label = "Turn on two-factor authentication"
    code = forms.CharField(
        label="Code from your app",
        max_length=10,
        help_text="After adding the key, type the six-digit code the app shows.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, key_hex: str, **kwargs):
        self.key_hex = key_hex
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = _clean_code(self.cleaned_data["code"])
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError("Type the six digits your app shows, without spaces.")
        # One step either side, as django-otp's devices allow (RFC 6238 s.6: clock drift).
        if not TOTP(bytes.fromhex(self.key_hex)).verify(int(code), tolerance=1):
            raise forms.ValidationError(
                "That code does not match. Check that your phone's clock is right and type the newest code."
            )
        return code


class UnlockForm(CrispyForm):
    submit_label = "Unlock"
    username = forms.CharField(required=False, max_length=150, widget=forms.HiddenInput)
    ip_address = forms.GenericIPAddressField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("username") and not cleaned.get("ip_address"):
            raise forms.ValidationError("Choose an account or an address to unlock.")
        return cleaned


class TwoFactorResetForm(CrispyForm):
    submit_label = "Reset two-factor authentication"
    submit_class = "btn-danger"
    username = forms.CharField(
        label="Username",
        max_length=150,
        help_text="Their authenticator app and recovery codes are removed and their sessions ended; "
        "at their next login they set up a new app.",
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError("There is no account with that username.")
        self.user = user
        return username


class AuthEventFilterForm(forms.Form):
    username = forms.CharField(required=False, max_length=150)
    kind = forms.ChoiceField(
        required=False,
        choices=[("", "Any event"), *AuthEventKind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
