from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from practica.core.logging import log_sign_in_failed
from practica.notifications.services import email_message_later


class AccountAdapter(DefaultAccountAdapter):
    """Send people who have not yet said who they are to their profile after logging in;
    queue the account emails instead of sending them while the visitor waits."""

    # The library's refusals, in the words of Practica's account pages.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _(
            "This email address and password do not match an account. Check both, or "
            "reset your password."
        ),
        "too_many_login_attempts": _(
            "Too many failed login attempts. Try again in half an hour, or reset your password."
        ),
        "incorrect_password": _("This is not your password. Check it and try again."),
        "enter_current_password": _("Type your current password."),
        "duplicate_email": _("This is already your email address."),
        "same_as_current": _("This is already your email address."),
        "account_inactive": _("This account is closed."),
        "unverified_primary_email": _("Confirm this address before making it your main one."),
        "rate_limited": _("You are going a little fast. Wait a moment, then try again."),
    }

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        url = super().get_login_redirect_url(request)
        user = request.user
        if user.is_authenticated and not user.profile_complete and url == reverse("home"):
            return f"{reverse('profile_edit')}?welcome=1"
        return url

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Every account email (verification, "you already have an account", reset) takes
        # the same path and the same time: the answer does not depend on the mail server,
        # nor does it tell which kind of email was sent.
        request = allauth_context.request
        full = {"request": request, "email": email, "current_site": get_current_site(request)}
        full.update(context)
        email_message_later(self.render_mail(template_prefix, email, full))

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """Log an attempt refused by the rate limit (no password is even checked, so Django
        sends no user_login_failed for it)."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            log_sign_in_failed(credentials, reason="too_many_attempts")
            raise
