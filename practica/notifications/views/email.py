from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..forms import EmailPreferencesForm
from ..preferences import email_preferences_set
from ..selectors import email_settings_of, preferences_of


@login_required
def email_preferences(request: HttpRequest) -> HttpResponse:
    """How each kind of notification reaches the member by email, when digests come, and
    mailing-list mode."""
    uid = request.user.pk
    form = EmailPreferencesForm(
        request.POST or None,
        chosen=preferences_of(user_id=uid),
        settings=email_settings_of(user_id=uid),
    )
    if request.method == "POST" and form.is_valid():
        email_preferences_set(
            user_id=uid,
            deliveries=form.deliveries(),
            digest_hour=form.cleaned_data["digest_hour"],
            weekly_day=form.cleaned_data["weekly_day"],
            mailing_list=form.cleaned_data["mailing_list"],
        )
        messages.success(request, _("Your email preferences are saved."))
        return redirect("email_preferences")
    return render(request, "notifications/preferences.html", {"form": form})
