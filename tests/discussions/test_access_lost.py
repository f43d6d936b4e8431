"""Notifications about a community's content go only to those who may read it when they are
sent: someone removed since they wrote is told nothing more (communities.notify)."""

import pytest
from django.core import mail

from practica.communities.models import Membership
from practica.notifications.models import Notification
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db


def test_a_removed_member_is_not_told_of_replies_to_their_comment(
    on_commit, make_post, make_comment
):
    closed = CommunityFactory(visibility="members")
    chair = make_member(closed, role="chair")
    author, replier = make_member(closed), make_member(closed)
    post = make_post(author=chair, community=closed, title="Sentencing circles")
    comment = make_comment(post, author, body="Our experience in the north.")
    Membership.objects.filter(user=author, community=closed).delete()
    with on_commit():
        make_comment(post, replier, body="Tell us more", parent=comment)
    assert not Notification.objects.filter(recipient=author).exists()
    assert all(author.email not in m.to for m in mail.outbox)
    # The post's author, still a member, is told.
    assert Notification.objects.filter(recipient=chair).exists()
