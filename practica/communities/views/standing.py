"""A member's standing: their own suspensions, the standing page leaders keep for each
member, and the audit log."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import selectors


@login_required
def my_standing(request: HttpRequest) -> HttpResponse:
    """The signed-in person's suspensions in force and the trust levels rules."""
    return render(
        request,
        "communities/standing/mine.html",
        {"suspensions": selectors.suspensions_of(user=request.user)},
    )
