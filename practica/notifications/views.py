from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.core.http import paginate

from .selectors import notifications_for
from .services import notifications_mark_read


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, notifications_for(user_id=request.user.pk), per_page=30)
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    count = notifications_mark_read(user_id=request.user.pk)
    if count:
        messages.success(request, _("All notifications marked as read."))
    return redirect("notification_list")
