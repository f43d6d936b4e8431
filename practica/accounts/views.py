from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import paginate, safe_next
from practica.core.markdown import render_markdown

from .forms import ConductAcceptForm, ConductPublishForm, PeopleFilterForm, ProfileForm
from .permissions import (
    check_can_publish_conduct,
    check_can_view_profiles,
    must_accept_conduct,
)
from .selectors import conduct_current, people_list
from .services import conduct_accept, conduct_publish, profile_update


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(form_data(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect(safe_next(request, reverse("person_detail", args=[request.user.pk])))
    return render(
        request, "accounts/profile_edit.html", {"form": form, "next": request.GET.get("next", "")}
    )


@login_required
def people(request: HttpRequest) -> HttpResponse:
    check_can_view_profiles(request.user)
    form = PeopleFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = paginate(
        request,
        people_list(query=filters.get("q", ""), occupation=filters.get("occupation", "")),
        per_page=30,
    )
    return render(request, "accounts/people.html", {"form": form, "page": page})


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
