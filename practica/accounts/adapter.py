from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse

from practica.core.logging import log_sign_in_failed
from practica.notifications.services import email_message_later


class AccountAdapter(DefaultAccountAdapter):
    """Send people who have not yet said who they are to their profile after logging in;
    queue the account emails instead of sending them while the visitor waits."""

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
