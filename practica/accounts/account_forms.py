"""The account library's forms (django-allauth) in Practica's words.

allauth's fields come with stock labels ("Remember Me", "Password (again)") and with
placeholders that repeat the label and vanish as soon as one types. Each form here keeps
allauth's behaviour and only says what to type, with a hint under the field where it
helps; settings.ACCOUNT_FORMS points allauth at them."""

from typing import Any, ClassVar

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EMAIL = _("Email address")
NEW_PASSWORD_HINT = _(
    "At least 10 characters, not only numbers, and not a common password. "
    "A few unrelated words are easy to remember and hard to guess."
)
AGAIN = _("Type the same password again, to be sure there is no typo.")


class PlainWordsMixin(forms.Form):
    """Relabel allauth's fields: `words` maps a field name to (label, hint)."""

    words: ClassVar[dict[str, tuple[Promise, Promise | str]]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.words:
                field.label, field.help_text = self.words[name]


class LoginForm(PlainWordsMixin, allauth_forms.LoginForm):
    words: ClassVar[dict[str, tuple[Promise, Promise | str]]] = {
        "login": (EMAIL, ""),
        "password": (_("Password"), ""),
        "remember": (
            _("Keep me signed in on this device"),
            _("Leave this unticked on a shared or public computer."),
        ),
    }


class SignupForm(PlainWordsMixin, allauth_forms.SignupForm):
    """allauth's sign-up form, doing the same work whether or not the address is taken.

    For a new address allauth hashes the password and sends a verification email; for a
    taken one it only sends an "account already exists" email, so the answer came about
    200 ms sooner and told who has an account. Hashing the password here too (and the
    adapter queuing both emails the same way) makes the two paths cost the same."""

    words: ClassVar[dict[str, tuple[Promise, Promise | str]]] = {
        "email": (
            EMAIL,
            _("We send a link to this address to confirm that it is yours. It is your login."),
        ),
        "password1": (_("Choose a password"), NEW_PASSWORD_HINT),
        "password2": (_("Password again"), AGAIN),
    }

    def try_save(self, request: HttpRequest) -> Any:
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)


class AddEmailForm(PlainWordsMixin, allauth_forms.AddEmailForm):
    words: ClassVar[dict[str, tuple[Promise, Promise | str]]] = {
        "email": (
            _("New email address"),
            _("We send a link to it; your current address stays in use until you follow it."),
        ),
    }


class ChangePasswordForm(PlainWordsMixin, allauth_forms.ChangePasswordForm):
    words: ClassVar[dict[str, tuple[Promise, Promise | str]]] = {
        "oldpassword": (_("Current password"), ""),
        "password1": (_("New password"), NEW_PASSWORD_HINT),
        "password2": (_("New password again"), AGAIN),
    }


class SetPasswordForm(PlainWordsMixin, allauth_forms.SetPasswordForm):
    words: ClassVar[dict[str, tuple[Promise, Promise | str]]] = {
        "password1": (_("Password"), NEW_PASSWORD_HINT),
        "password2": (_("Password again"), AGAIN),
    }


class ResetPasswordForm(PlainWordsMixin, allauth_forms.ResetPasswordForm):
    words: ClassVar[dict[str, tuple[Promise, Promise | str]]] = {
        "email": (EMAIL, _("The address you use to log in.")),
    }


class ResetPasswordKeyForm(PlainWordsMixin, allauth_forms.ResetPasswordKeyForm):
    words: ClassVar[dict[str, tuple[Promise, Promise | str]]] = {
        "password1": (_("New password"), NEW_PASSWORD_HINT),
        "password2": (_("New password again"), AGAIN),
    }


class ReauthenticateForm(PlainWordsMixin, allauth_forms.ReauthenticateForm):
    words: ClassVar[dict[str, tuple[Promise, Promise | str]]] = {
        "password": (_("Your password"), ""),
    }
