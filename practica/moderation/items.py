"""The things members flag, behind one interface: who may see each, whose community it
belongs to, who wrote it, its text, and how moderation hides, restores and edits it.

The content apps own their models and their own visibility rules (which already leave out
what is hidden); moderation only sets `hidden_at` and edits text, keeping each app's own
history (post and comment revisions) so that an edit shows on the item as any other.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import F
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.core.markdown import render_markdown
from practica.directory.permissions import can_view_profile
from practica.discussions.models import Comment, CommentRevision, Post, PostRevision
from practica.discussions.permissions import can_see_post
from practica.discussions.services.text import render
from practica.discussions.signals import post_changed
from practica.events.models import Event
from practica.events.permissions import can_see_event
from practica.library.models import Resource
from practica.library.permissions import can_see_resource
from practica.messaging.models import Message
from practica.messaging.permissions import participation

from .models import Kind


@dataclass
class Target:
    kind: str
    obj: Any
    community: Community | None
    author: User | None
    label: str
    url: str
    text: str
    # Hiding and editing apply to content in a community's lists; profiles and private
    # messages are handled by warnings and suspensions.
    hideable: bool
    editable: bool
    # Where the flagger goes back to (a message's conversation, which only its
    # participants may open); `url` otherwise.
    back: str = ""

    @property
    def hidden(self) -> bool:
        return getattr(self.obj, "hidden_at", None) is not None


def load(kind: str, pk: int) -> Target | None:
    """The item `kind` #`pk`, without asking who may see it; None if there is none."""
    if kind == Kind.POST:
        post = Post.objects.select_related("community", "author").filter(pk=pk).first()
        if post is None or post.deleted_at is not None:
            return None
        return Target(
            kind, post, post.community, post.author,
            _("Post “%(title)s”") % {"title": post.title},
            post.get_absolute_url(), post.body, True, True,
        )  # fmt: skip
    if kind == Kind.COMMENT:
        comment = Comment.objects.select_related("post__community", "author").filter(pk=pk).first()
        if comment is None or comment.is_deleted or comment.post.deleted_at is not None:
            return None
        return Target(
            kind, comment, comment.post.community, comment.author,
            _("Comment by %(name)s on “%(title)s”")
            % {"name": comment.author_name, "title": comment.post.title},
            comment.get_absolute_url(), comment.body, True, True,
        )  # fmt: skip
    if kind == Kind.RESOURCE:
        resource = Resource.objects.select_related("community", "created_by").filter(pk=pk).first()
        if resource is None:
            return None
        return Target(
            kind, resource, resource.community, resource.created_by,
            _("Library resource “%(title)s”") % {"title": resource.title},
            resource.get_absolute_url(), resource.summary, True, True,
        )  # fmt: skip
    if kind == Kind.EVENT:
        event = Event.objects.select_related("community", "created_by").filter(pk=pk).first()
        if event is None:
            return None
        return Target(
            kind, event, event.community, event.created_by,
            _("Event “%(title)s”") % {"title": event.title},
            event.get_absolute_url(), event.description, True, True,
        )  # fmt: skip
    if kind == Kind.PROFILE:
        person = User.objects.filter(pk=pk, is_active=True).first()
        if person is None:
            return None
        return Target(
            kind, person, None, person, _("Profile of %(name)s") % {"name": person.name},
            reverse("person_detail", args=[person.pk]), "", False, False,
        )  # fmt: skip
    if kind == Kind.MESSAGE:
        message = Message.objects.select_related("sender").filter(pk=pk).first()
        if message is None:
            return None
        name = message.sender.name if message.sender else _("a closed account")
        return Target(
            kind, message, None, message.sender,
            _("Private message from %(name)s") % {"name": name},
            "", message.body, False, False,
            reverse("conversation_detail", args=[message.conversation_id]),
        )  # fmt: skip
    return None


def can_see(user: Any, target: Target) -> bool:
    """May `user` see the item (and so flag it)? The content app's own rule."""
    obj = target.obj
    if target.kind == Kind.POST:
        return can_see_post(user, obj)
    if target.kind == Kind.COMMENT:
        return can_see_post(user, obj.post) and (obj.hidden_at is None or obj.author_id == user.pk)
    if target.kind == Kind.RESOURCE:
        return can_see_resource(user, obj)
    if target.kind == Kind.EVENT:
        return can_see_event(user, obj)
    if target.kind == Kind.PROFILE:
        return can_view_profile(user, obj)
    if target.kind == Kind.MESSAGE:
        return participation(user, obj.conversation_id) is not None
    return False


def set_hidden(target: Target, hidden: bool) -> bool:
    """Hide or show the item in every list; False if it already was so."""
    obj = target.obj
    if not target.hideable or (obj.hidden_at is not None) == hidden:
        return False
    obj.hidden_at = timezone.now() if hidden else None
    obj.save(update_fields=["hidden_at"])
    if target.kind == Kind.COMMENT:
        # A hidden comment no longer counts in its thread, as a removed one.
        Post.objects.filter(pk=obj.post_id).update(
            comment_count=Greatest(F("comment_count") + (-1 if hidden else 1), 0)
        )
        Post.objects.filter(pk=obj.post_id, accepted_answer=obj).update(accepted_answer=None)
        post_changed(obj.post_id)
    elif target.kind == Kind.POST:
        post_changed(obj.pk)
    return True


def apply_edit(target: Target, *, actor: User, text: str, reason: str) -> None:
    """Replace the item's text, keeping the old one in its history as its own edits do."""
    obj, now = target.obj, timezone.now()
    if target.kind == Kind.POST:
        PostRevision.objects.create(
            post=obj, editor=actor, title=obj.title, body=obj.body,
            tags=", ".join(obj.tags.values_list("name", flat=True)), reason=reason[:300],
        )  # fmt: skip
        obj.body = text
        obj.body_html, _mentioned = render(text)
        obj.edited_at = now
        obj.save()
    elif target.kind == Kind.COMMENT:
        CommentRevision.objects.create(comment=obj, editor=actor, body=obj.body)
        obj.body = text
        obj.body_html, _mentioned = render(text)
        obj.edited_at = now
        obj.save()
    elif target.kind == Kind.RESOURCE:
        obj.summary = text
        obj.save()
    elif target.kind == Kind.EVENT:
        obj.description = text
        obj.description_html = render_markdown(text)
        obj.save()
