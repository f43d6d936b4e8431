from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import safe_next
from practica.core.markdown import render_markdown

from .forms import (
    ConductAcceptForm,
    ConductPublishForm,
    PhotoForm,
    ProfileForm,
)
from .permissions import (
    check_can_publish_conduct,
    must_accept_conduct,
)
from .selectors import conduct_current
from .services import conduct_accept, conduct_publish, profile_update


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    user = request.user
    data = form_data(request)
    form = ProfileForm(data, instance=user)
    photo_form = PhotoForm(data, request.FILES or None, has_photo=bool(user.photo))
    if request.method == "POST" and form.is_valid() and photo_form.is_valid():
        try:
            profile_update(
                user=user,
                photo=photo_form.cleaned_data.get("photo"),
                remove_photo=photo_form.cleaned_data.get("remove_photo", False),
                **form.cleaned_data,
            )
        except ServiceError as error:
            photo_form.add_error("photo", error.message)
        else:
            messages.success(request, _("Your profile has been saved."))
            return redirect(safe_next(request, reverse("person_detail", args=[user.pk])))
    if request.method == "POST":
        # The form's values are not saved yet: the page shows the person as stored.
        user.refresh_from_db()
    return render(
        request,
        "accounts/profile_edit.html",
        {
            "form": form,
            "photo_form": photo_form,
            "person": user,
            "photo_chosen": bool(request.FILES.get("photo")),
            "next": request.GET.get("next", ""),
        },
    )


def conduct(request: HttpRequest) -> HttpResponse:
    current = conduct_current()
    if current is None:
        raise Http404
    needs_acceptance = must_accept_conduct(request.user)
    form = ConductAcceptForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={reverse('conduct')}")
        if form.is_valid():
            conduct_accept(user=request.user, conduct=current)
            messages.success(
                request, _("Thank you: you accepted version %(v)s.") % {"v": current.version}
            )
            return redirect(safe_next(request, reverse("home")))
    return render(
        request,
        "accounts/conduct.html",
        {
            "conduct": current,
            "conduct_html": render_markdown(current.body),
            "needs_acceptance": needs_acceptance,
            "form": form,
            "next": request.GET.get("next", ""),
        },
    )


@login_required
def conduct_publish_view(request: HttpRequest) -> HttpResponse:
    check_can_publish_conduct(request.user)
    current = conduct_current()
    form = ConductPublishForm(form_data(request), initial={"body": current.body if current else ""})
    if request.method == "POST" and form.is_valid():
        try:
            new = conduct_publish(actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Version %(v)s is now in force. Members will be asked to accept it.")
                % {"v": new.version},
            )
            return redirect("conduct")
    return render(request, "accounts/conduct_publish.html", {"form": form, "current": current})
