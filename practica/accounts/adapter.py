from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """Send people who have not yet said who they are to their profile after logging in."""

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        url = super().get_login_redirect_url(request)
        user = request.user
        if user.is_authenticated and not user.profile_complete and url == reverse("home"):
            return f"{reverse('profile_edit')}?welcome=1"
        return url
