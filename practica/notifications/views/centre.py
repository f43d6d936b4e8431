from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.core.http import paginate

from ..selectors import (
    group_unread_ids,
    notification_lines,
    notification_of,
    notifications_for,
    notifications_visible,
)
from ..services import notifications_mark_read

PER_PAGE = 30


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The member's notifications, newest first, unread ones of a group as one line.

    What they may no longer see is left out (and counts as read, so that the unread
    badge does not point at something hidden)."""
    uid = request.user.pk
    page = paginate(request, notifications_for(user_id=uid), per_page=PER_PAGE)
    notes = list(page.object_list)
    shown = notifications_visible(user=request.user, notes=notes)
    hidden_unread = {n.pk for n in notes if n.read_at is None} - {n.pk for n in shown}
    if hidden_unread:
        notifications_mark_read(user_id=uid, ids=hidden_unread)
    return render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "lines": notification_lines(shown),
            "unread_here": any(note.read_at is None for note in shown),
        },
    )


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    count = notifications_mark_read(user_id=request.user.pk)
    if count:
        messages.success(request, _("All notifications marked as read."))
    return redirect("notification_list")


@login_required
def notification_go(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow a notification: it (and the unread of its group) is read, and the member
    lands where it points (the exact comment). Someone else's, or one about what the
    member may no longer see: 404."""
    uid = request.user.pk
    note = notification_of(user_id=uid, pk=pk)
    if note is None or not notifications_visible(user=request.user, notes=[note]):
        raise Http404
    notifications_mark_read(user_id=uid, ids=group_unread_ids(user_id=uid, note=note))
    if note.url and url_has_allowed_host_and_scheme(
        note.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(note.url)
    return redirect("notification_list")
