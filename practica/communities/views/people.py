"""A person's profile as others see it."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from practica.accounts.models import User
from practica.accounts.permissions import check_can_view_profiles
from practica.core.markdown import render_markdown

from .. import selectors


@login_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    check_can_view_profiles(request.user)
    person = get_object_or_404(User, pk=pk, is_active=True)
    return render(
        request,
        "communities/person_detail.html",
        {
            "person": person,
            "bio_html": render_markdown(person.bio),
            "memberships": selectors.memberships_visible_to(viewer=request.user, member=person),
            "is_me": person.pk == request.user.pk,
        },
    )
