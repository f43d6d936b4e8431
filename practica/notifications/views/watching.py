from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.core.http import safe_next

from ..forms import LEVEL_HELP, WatchForm, level_choices
from ..models import Level
from ..places import place_for
from ..selectors import watched_places
from ..watching import watch_set


@login_required
@require_POST
def watch_change(request: HttpRequest) -> HttpResponse:
    """Set how closely the member follows a place, then go back where they were.

    The place must be one they may see now: unknown, gone and hidden answer the same 404."""
    form = WatchForm(request.POST)
    key = request.POST.get("key", "")
    place = place_for(request.user, key)
    if place is None:
        raise Http404
    back = safe_next(request, place.url)
    if not form.is_valid():
        messages.error(request, _("Choose how closely to follow it: nothing was changed."))
        return redirect(back)
    level = form.cleaned_data["level"]
    watch_set(user_id=request.user.pk, key=key, level=level)
    # What the level brings for this kind of place, as the control itself says.
    helps = LEVEL_HELP.get(key.split(":", 1)[0], LEVEL_HELP[""])
    messages.success(
        request,
        _("Notifications for “%(place)s”: %(level)s. %(what)s")
        % {"place": place.label, "level": Level(level).label, "what": helps[Level(level)]},
    )
    return redirect(back)


@login_required
def watching_list(request: HttpRequest) -> HttpResponse:
    """Everything the member watches, tracks and mutes, each with a control to change it."""
    rows = watched_places(user=request.user)
    return render(
        request,
        "notifications/watching.html",
        {
            "rows": [{"row": row, "levels": level_choices(row.kind)} for row in rows],
            "levels": level_choices(""),
        },
    )
