"""Writes for requests for information. Each records one activity about the request;
notifications come from its notes after commit, to those who may still see the question
(the access rule registered in apps.py)."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.communities.notify import community_activity, note, tell
from practica.communities.permissions import check_can_write_in
from practica.communities.selectors import leader_ids, users_with_roles
from practica.core.errors import ServiceError
from practica.directory.selectors import people_visible_to
from practica.discussions.models import Post
from practica.discussions.permissions import can_see_post
from practica.notifications.models import Category, Level
from practica.notifications.watching import watch_set

from .models import AnswerKind, Follower, InformationRequest, RequestStatus, Routing
from .permissions import check_make_request

ROUTE_MAX = 20


def _places(post: Post) -> list[str]:
    return [f"post:{post.pk}"]


@transaction.atomic
def request_save(
    *,
    actor: User,
    post: Post,
    jurisdictions: str,
    deadline: date,
    answer_kind: str,
    today: date | None = None,
) -> InformationRequest:
    """Make the question a request for information, or change an open one."""
    check_make_request(actor, post)
    check_can_write_in(actor, post.community)
    today = today or timezone.localdate()
    if deadline <= today:
        raise ServiceError(_("The deadline must be after today."))
    if answer_kind not in AnswerKind.values:
        raise ServiceError(_("Choose the kind of answer you want."))
    jurisdictions = ", ".join(j.strip() for j in jurisdictions.split(",") if j.strip())[:300]
    request = InformationRequest.objects.select_for_update().filter(post=post).first()
    if request is not None and not request.is_open:
        raise ServiceError(_("This request is closed: it can no longer be changed."))
    created = request is None
    if request is None:
        request = InformationRequest(post=post, created_by=actor)
    request.jurisdictions = jurisdictions
    request.deadline = deadline
    request.answer_kind = answer_kind
    request.warned_at = None
    request.save()
    notes = []
    if not created and actor.pk != post.author_id:
        # A leader changed the asker's terms: the asker hears who did, and what they are now.
        notes.append(
            note(
                post.community,
                to=[post.author_id],
                category=Category.DECISIONS,
                kind="request.changed",
                title=_("%(who)s changed your request “%(title)s”: by %(date)s, %(kind)s")
                % {
                    "who": actor.name,
                    "title": post.title,
                    "date": deadline.isoformat(),
                    "kind": AnswerKind(answer_kind).label,
                },
                url=reverse("request_detail", args=[post.pk]),
            )
        )
    community_activity(
        post.community,
        actor=actor,
        verb="request.opened" if created else "request.changed",
        target=request,
        places=_places(post),
        notes=notes,
    )
    return request


@transaction.atomic
def request_route(*, actor: User, request: InformationRequest, user_ids: list[int]) -> list[int]:
    """Send the request to these members: each must be able to see the question and not
    be routed to already. They are told under "requests for me"."""
    post = request.post
    check_make_request(actor, post)
    check_can_write_in(actor, post.community)
    if not request.is_open:
        raise ServiceError(_("This request is closed: it can no longer be routed."))
    ids = list(dict.fromkeys(int(uid) for uid in user_ids))
    if not ids:
        raise ServiceError(_("Choose at least one member to send the request to."))
    if len(ids) > ROUTE_MAX:
        raise ServiceError(_("Send it to at most %(n)s members at a time.") % {"n": ROUTE_MAX})
    # Only people the asker may see (the directory's rule), who may read the question.
    seen = set(people_visible_to(actor).filter(pk__in=ids).values_list("pk", flat=True))
    people = {user.pk: user for user in users_with_roles(user_ids=ids) if user.pk in seen}
    # Same answer for someone missing and someone who cannot see the question: the asker
    # learns nothing about who may read what beyond "not this one".
    refused = [uid for uid in ids if uid not in people or not can_see_post(people[uid], post)]
    if refused or post.author_id in ids:
        raise ServiceError(_("A request can only go to other members who can read the question."))
    already = set(
        Routing.objects.filter(request=request, user_id__in=ids).values_list("user_id", flat=True)
    )
    if already:
        names = ", ".join(sorted(people[uid].name for uid in already))
        raise ServiceError(_("Already sent to %(names)s.") % {"names": names})
    Routing.objects.bulk_create(
        [Routing(request=request, user_id=uid, routed_by=actor) for uid in ids]
    )
    words = {"who": actor.name, "title": post.title, "date": request.deadline.isoformat()}
    tell(
        post.community,
        actor=actor,
        verb="request.routed",
        target=request,
        to=ids,
        category=Category.REQUESTS,
        title=_("%(who)s asks for your help: “%(title)s” (by %(date)s)") % words,
        body=post.body[:500],
        url=reverse("request_detail", args=[post.pk]),
        places=_places(post),
    )
    return ids


@transaction.atomic
def request_need_too(*, actor: User, request: InformationRequest) -> bool:
    """Add `actor` to those who need an answer: they watch the question (and so hear of
    every answer). False if they had already said so."""
    post = request.post
    if not can_see_post(actor, post):
        raise ServiceError(_("You cannot follow this request."))
    check_can_write(actor, needs_conduct=False)
    if post.author_id == actor.pk:
        raise ServiceError(_("You asked this question: you are told of its answers already."))
    if not request.is_open:
        raise ServiceError(_("This request is closed."))
    _follower, created = Follower.objects.get_or_create(request=request, user=actor)
    watch_set(user_id=actor.pk, key=f"post:{post.pk}", level=Level.WATCHING)
    if created:
        community_activity(
            post.community, actor=actor, verb="request.needed", target=request,
            places=_places(post),
        )  # fmt: skip
    return created


def outcome(post: Post) -> str:
    if post.accepted_answer_id:
        return RequestStatus.ANSWERED
    if post.comments.filter(deleted_at__isnull=True).exclude(author_id=post.author_id).exists():
        return RequestStatus.PARTLY
    return RequestStatus.UNANSWERED


def requests_deadline_check(*, today: date | None = None) -> dict[str, int]:
    """Warn leaders of open requests without an accepted answer that near their deadline
    (once each), and close those past it by their outcome. Safe to run twice."""
    today = today or timezone.localdate()
    soon = today + timedelta(days=settings.PRACTICA_REQUEST_WARN_DAYS)
    done = {"warned": 0, "closed": 0}
    due = list(
        InformationRequest.objects.filter(
            status=RequestStatus.OPEN, warned_at__isnull=True, deadline__lte=soon,
            deadline__gte=today, post__accepted_answer__isnull=True,
        ).values_list("pk", flat=True)
    )  # fmt: skip
    for pk in due:
        with transaction.atomic():
            request = (
                InformationRequest.objects.select_for_update()
                .select_related("post", "post__community")
                .filter(pk=pk, warned_at__isnull=True, status=RequestStatus.OPEN)
                .first()
            )
            if request is None:
                continue
            request.warned_at = timezone.now()
            request.save(update_fields=["warned_at"])
            post = request.post
            tell(
                post.community,
                actor=None,
                verb="request.deadline_near",
                target=request,
                to=leader_ids(community=post.community),
                category=Category.DUTIES,
                title=_("A request for information is still unanswered: “%(title)s” (by %(date)s)")
                % {"title": post.title, "date": request.deadline.isoformat()},
                body=_("Perhaps you know someone who could answer it before its deadline."),
                url=post.get_absolute_url(),
            )
            done["warned"] += 1
    past = list(
        InformationRequest.objects.filter(
            status=RequestStatus.OPEN, deadline__lt=today
        ).values_list("pk", flat=True)
    )
    for pk in past:
        with transaction.atomic():
            request = (
                InformationRequest.objects.select_for_update()
                .select_related("post", "post__community")
                .filter(pk=pk, status=RequestStatus.OPEN)
                .first()
            )
            if request is None:
                continue
            request_close(request=request)
            done["closed"] += 1
    return done


def request_close(*, request: InformationRequest) -> InformationRequest:
    """Close by outcome; the asker and those who need it too are told."""
    post = request.post
    request.status = outcome(post)
    request.closed_at = timezone.now()
    request.save(update_fields=["status", "closed_at"])
    told = [post.author_id, *request.followers.values_list("user_id", flat=True)]
    tell(
        post.community,
        actor=None,
        verb="request.closed",
        target=request,
        to=told,
        category=Category.REQUESTS,
        title=_("Your request “%(title)s” closed: %(outcome)s")
        % {"title": post.title, "outcome": RequestStatus(request.status).label},
        url=post.get_absolute_url(),
    )
    return request
