"""Members' comments on a draft, the agreement's or a plan's: one way to post them."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from practica.communities.models import Community
from practica.core.errors import ServiceError

from .. import services
from ..forms import DraftCommentForm
from ..models import Plan


def post_draft_comment(
    request: HttpRequest,
    community: Community,
    *,
    page: Callable[[DraftCommentForm], HttpResponse],
    done: str,
    plan: Plan | None = None,
) -> HttpResponse:
    """Add the comment sent, then go to the `done` page; or show the draft `page` again
    with the form's errors and the text kept (400)."""
    form = DraftCommentForm(request.POST)
    if form.is_valid():
        try:
            services.draft_comment_add(
                actor=request.user, community=community, body=form.cleaned_data["body"], plan=plan
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your comment is posted."))
            return redirect(done, community.slug)
    response = page(form)
    response.status_code = 400
    return response
