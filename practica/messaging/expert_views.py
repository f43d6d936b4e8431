"""Ask an expert and mentoring: the form from a profile, one's requests, and a request's
page where the person asked accepts or declines."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from practica.accounts.gates import write_gate
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.headers import keep_private
from practica.core.http import report

from . import expert, selectors
from .forms import AskForm, DecideForm
from .models import RequestKind, RequestStatus
from .permissions import access_request, contact_refusal
from .views import _visible_person, refused

LIST_MAX = 50


@write_gate()
def expert_ask(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in RequestKind.values:
        raise Http404
    person = _visible_person(request, pk)
    refusal = contact_refusal(request.user, person, kind=kind)
    if refusal is not None:
        return refused(request, person, refusal)
    form = AskForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            sent = expert.expert_request_create(
                actor=request.user,  # type: ignore[arg-type]
                person=person,
                kind=kind,
                topic=form.cleaned_data["topic"],
                context=form.cleaned_data["context"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Sent. %(name)s will accept or decline; you will be told.")
                % {"name": person.name},
            )
            return redirect(sent)
    return render(
        request,
        "messaging/ask.html",
        {"form": form, "person": person, "kind": kind, "mentoring": kind == RequestKind.MENTORING},
    )


@login_required
def expert_requests(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "received": list(selectors.requests_received(user=user)[:LIST_MAX]),
        "sent": list(selectors.requests_sent(user=user)[:LIST_MAX]),
    }
    return keep_private(render(request, "messaging/requests.html", context))


@login_required
def expert_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = access_request(request.user, pk)
    mine_to_answer = found.recipient_id == request.user.pk and found.status == RequestStatus.PENDING
    can_withdraw = found.sender_id == request.user.pk and found.status == RequestStatus.PENDING
    form = DecideForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        if report(
            request,
            lambda: expert.expert_request_withdraw(actor=request.user, request=found),  # type: ignore[arg-type]
            _("Withdrawn."),
        ):
            return redirect("expert_requests")
        return redirect(found)
    if request.method == "POST":
        if not mine_to_answer:
            messages.error(request, _("This request has already been answered."))
            return redirect(found)
        action = request.POST.get("action")
        if action in ("accept", "decline") and form.is_valid():
            try:
                found = expert.expert_request_decide(
                    actor=request.user,  # type: ignore[arg-type]
                    request=found,
                    accept=action == "accept",
                    note=form.cleaned_data["note"],
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                if found.conversation_id:
                    messages.success(request, _("Accepted: your conversation has started."))
                    return redirect("conversation_detail", found.conversation_id)
                messages.success(
                    request, _("Declined. %(name)s is told.") % {"name": found.sender.name}
                )
                return redirect(found)
    return keep_private(
        render(
            request,
            "messaging/request_detail.html",
            {
                "req": found,
                "form": form,
                "can_answer": mine_to_answer,
                "can_withdraw": can_withdraw,
            },
        )
    )
