"""What the real-server tests do inside the site they serve, through `manage.py shell`
(tests/core/live.py, `Site.call`): each function returns something JSON can carry."""

from typing import Any


def facts() -> dict[str, Any]:
    """A long public thread of the demo (the longest of at most 100 comments, so that the
    load tests weigh the same whatever the demo's very longest thread), two of its members,
    and people to sign in."""
    from practica.accounts.models import User
    from practica.communities.models import Membership
    from practica.discussions.models import Post
    from practica.events.models import Audience, Event

    post = Post.objects.filter(community__visibility="public", comment_count__lte=100).order_by(
        "-comment_count"
    )[0]
    members = Membership.objects.filter(community=post.community).exclude(user=post.author)
    writer, mentioned = [m.user for m in members.select_related("user").order_by("pk")[:2]]
    event = (
        Event.objects.filter(community__visibility="public")
        .exclude(audience=Audience.LEADERS)
        .select_related("community")
        .order_by("pk")[0]
    )
    assert event.community is not None
    readers = User.objects.filter(is_active=True).order_by("pk").values_list("email", flat=True)
    return {
        "thread": post.get_absolute_url(),
        "post_id": post.pk,
        "title": post.title,
        "writer": writer.email,
        "mentioned": mentioned.email,
        "mentioned_handle": mentioned.handle,
        "feed": f"/communities/{event.community.slug}/events.ics",
        "readers": list(readers[:50]),
    }


def sessions(emails: list[str]) -> list[str]:
    """Signed-in session keys for these people, made as the log-in form makes them."""
    from django.contrib.auth import login
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.test import RequestFactory

    from practica.accounts.models import User

    keys = []
    for email in emails:
        request = RequestFactory().get("/")
        SessionMiddleware(lambda r: None).process_request(request)  # type: ignore[arg-type,return-value]
        login(
            request,
            User.objects.get(email=email),
            backend="django.contrib.auth.backends.ModelBackend",
        )
        request.session.save()
        keys.append(request.session.session_key)
    return keys


def notify(email: str, title: str, url: str) -> None:
    """A notification with an email, queued for the task worker as a service queues it."""
    from django.db import transaction

    from practica.accounts.models import User
    from practica.notifications.services import notify as send

    with transaction.atomic():
        send(user_ids=[User.objects.get(email=email).pk], kind="test", title=title, url=url)
