"""The messaging pages: inbox, a conversation, a new message from a profile (flags on
messages are the moderation app's). Every conversation page answers 404 to anyone but
its participants."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.accounts.models import User
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.headers import keep_private
from practica.core.http import paginate, report, safe_next
from practica.directory.permissions import can_view_profile
from practica.directory.selectors import people_visible_to

from . import selectors, services
from .forms import NewMessageForm, ReplyForm
from .models import GROUP_MAX, Message
from .permissions import (
    access_conversation,
    contact_refusal,
    has_blocked,
    participation,
)

PER_PAGE = 20
MESSAGES_PER_PAGE = 50


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.inbox(user=request.user), PER_PAGE)
    rows = []
    for place in page:
        people = [
            p.user for p in place.conversation.participants.all() if p.user_id != request.user.pk
        ]
        rows.append({"place": place, "people": people})
    return keep_private(render(request, "messaging/inbox.html", {"page": page, "rows": rows}))


def _visible_person(request: HttpRequest, pk: int) -> User:
    person = get_object_or_404(User, pk=pk, is_active=True)
    if not can_view_profile(request.user, person):
        raise Http404
    return person


def refused(request: HttpRequest, person: User, reason: str) -> HttpResponse:
    return render(
        request, "messaging/refused.html", {"person": person, "reason": reason}, status=403
    )


@write_gate()
def message_new(request: HttpRequest, pk: int) -> HttpResponse:
    person = _visible_person(request, pk)
    refusal = contact_refusal(request.user, person)
    if refusal is not None:
        return refused(request, person, refusal)
    form = NewMessageForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        handles = form.handles()
        # Only people whose profile the writer may see: a hidden profile's handle answers
        # like an unknown one, so the form never confirms it exists or shows the name.
        others = (
            list(people_visible_to(request.user).filter(handle__in=handles, is_active=True))
            if handles
            else []
        )
        missing = set(handles) - {u.handle for u in others}
        if missing:
            form.add_error(
                "others",
                _("No member has these handles: %(h)s") % {"h": ", ".join(sorted(missing))},
            )
        elif len(handles) + 2 > GROUP_MAX:
            form.add_error(
                "others", _("A conversation holds at most %(n)s people.") % {"n": GROUP_MAX}
            )
        else:
            try:
                conversation = services.conversation_start(
                    actor=request.user,  # type: ignore[arg-type]
                    recipients=[person, *others],
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Sent."))
                return redirect(conversation)
    return render(request, "messaging/new.html", {"form": form, "person": person})


@login_required
def conversation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    conversation, mine = access_conversation(request.user, pk)
    form = ReplyForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.message_send(
                actor=request.user,  # type: ignore[arg-type]
                conversation=conversation,
                body=form.cleaned_data["body"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            return redirect(f"{conversation.get_absolute_url()}#latest")
    paginator = Paginator(
        selectors.conversation_messages(conversation_id=pk, viewer=request.user), MESSAGES_PER_PAGE
    )
    page = paginator.get_page(request.GET.get("page") or paginator.num_pages)
    read_until = mine.last_read_at
    if request.method == "GET" and (
        read_until is None or read_until < conversation.last_message_at
    ):
        services.conversation_read(actor=request.user, conversation=conversation)  # type: ignore[arg-type]
    people = selectors.conversation_people(conversation_id=pk)
    others = [p for p in people if p.user_id != request.user.pk]
    blocked = (
        {p.user_id for p in others if p.left_at is None and has_blocked(request.user, p.user)}
        if len(others) == 1
        else set()
    )
    context: dict[str, Any] = {
        "conversation": conversation,
        "page": page,
        "people": people,
        "others": others,
        "read_until": read_until,
        "form": form,
        "blocked": blocked,
    }
    return keep_private(render(request, "messaging/conversation.html", context))


@login_required
@require_POST
def conversation_leave(request: HttpRequest, pk: int) -> HttpResponse:
    conversation, _mine = access_conversation(request.user, pk)
    if report(
        request,
        lambda: services.conversation_leave(actor=request.user, conversation=conversation),  # type: ignore[arg-type]
        _("You left the conversation. You will hear nothing more from it."),
    ):
        return redirect("message_inbox")
    return redirect(conversation)


@login_required
@require_POST
def person_block(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(User, pk=pk)
    # Only someone whose profile one may see (or has blocked already): the answer names
    # them, and must not tell anyone else's name from an id.
    if not can_view_profile(request.user, person) and not has_blocked(request.user, person):
        raise Http404
    block = request.POST.get("action") != "unblock"
    report(
        request,
        lambda: services.block_set(actor=request.user, person=person, blocked=block),  # type: ignore[arg-type]
        _("Blocked: %(name)s can no longer write to you.") % {"name": person.name}
        if block
        else _("Unblocked: %(name)s may write to you again.") % {"name": person.name},
    )
    return redirect(safe_next(request, reverse("person_detail", args=[person.pk])))


@login_required
def message_flag(request: HttpRequest, pk: int) -> HttpResponse:
    """Flags on messages are the moderation app's, as flags on everything else."""
    message = get_object_or_404(Message, pk=pk)
    if participation(request.user, message.conversation_id) is None:
        raise Http404
    return redirect(reverse("flag_item", args=["message", message.pk]))


@login_required
def flagged_messages(request: HttpRequest) -> HttpResponse:
    """The old staff page: flagged messages are in the moderation queue now."""
    if not request.user.is_staff:
        raise Http404
    return redirect(reverse("moderation_queue") + "?kind=message")
