from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..forms import EmailPreferencesForm
from ..preferences import email_preferences_set
from ..selectors import email_settings_of, preferences_of


def preferences_form(request: HttpRequest, user_id: int) -> tuple[EmailPreferencesForm, bool]:
    """The member's email preferences as a form, saved when posted and valid (the second
    value says so): the page for the signed-in member and the one an email's link opens."""
    form = EmailPreferencesForm(
        request.POST or None,
        chosen=preferences_of(user_id=user_id),
        settings=email_settings_of(user_id=user_id),
    )
    if request.method != "POST" or not form.is_valid():
        return form, False
    email_preferences_set(
        user_id=user_id,
        deliveries=form.deliveries(),
        digest_hour=form.cleaned_data["digest_hour"],
        weekly_day=form.cleaned_data["weekly_day"],
        mailing_list=form.cleaned_data["mailing_list"],
    )
    return form, True


@login_required
def email_preferences(request: HttpRequest) -> HttpResponse:
    """How each kind of notification reaches the member by email, when digests come, and
    mailing-list mode."""
    form, saved = preferences_form(request, request.user.pk)
    if saved:
        messages.success(request, _("Your email preferences are saved."))
        return redirect("email_preferences")
    return render(request, "notifications/preferences.html", {"form": form})
