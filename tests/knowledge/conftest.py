from datetime import timedelta

import pytest
from django.utils import timezone

from practica.directory.models import Expertise, ExpertiseArea
from practica.discussions.models import Post
from practica.discussions.services import answer_accept, comment_create, post_create
from tests.factories import CommunityFactory, make_member


@pytest.fixture
def bail(db):
    return ExpertiseArea.objects.get(slug="bail")


@pytest.fixture
def closed(db):
    return CommunityFactory(visibility="members", name="Harbour Closed Circle")


def ask(author, community, *, title="How are bail conditions set?", tags="bail conditions", days=0):
    post = post_create(
        actor=author, community=community, kind="question", title=title, body="Please.", tags=tags
    )
    if days:
        Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(days=days))
        post.refresh_from_db()
    return post


def answered(asker, answerer, community, **kwargs):
    post = ask(asker, community, **kwargs)
    comment = comment_create(actor=answerer, post=post, body="Here is how we do it.")
    answer_accept(actor=asker, post=post, comment=comment)
    return post


def declare(user, area=None, tag="", level=3):
    return Expertise.objects.create(user=user, area=area, tag=tag, level=level)


@pytest.fixture
def people(community):
    return {
        "asker": make_member(community, display_name="Asha Asker"),
        "answerer": make_member(community, display_name="Ana Answerer"),
        "declared": make_member(community, display_name="Dev Declared"),
    }
