"""The demo's agreement and plans, and the walk-through "the chair publishes an agreement
that members endorse" done as a new user would: chair@example.org publishes the draft of
version 2; member@example.org is asked to accept it before commenting, then endorses it."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practica.accounts.models import User
from practica.communities.models import Community
from practica.discussions.models import Post
from practica.governance.models import AgreementVersion, Plan
from practica.governance.selectors import plan_progress

pytestmark = pytest.mark.django_db


def test_the_chair_publishes_an_agreement_that_members_endorse(client):
    call_command("seed_demo")
    community = Community.objects.get(slug="drug-treatment-courts")
    assert community.agreement_version == 1
    version = AgreementVersion.objects.get(community=community, number=1)
    assert version.endorsements.count() >= 5
    assert "No legal advice on live cases" in version.body
    progress = plan_progress(community)
    assert progress is not None and 0 < progress.percent < 100
    assert Plan.objects.filter(community=community, status="draft").get().comments_open

    # Anyone reading the community sees the plan's progress and the way to the agreement.
    about = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert "Our plan" in about and "% done" in about and "Agreement and plan" in about

    chair = User.objects.get(email="chair@example.org")
    client.force_login(chair)
    edit = client.get(reverse("agreement_edit", args=[community.slug])).content.decode()
    assert "Recordings and tools" in edit and "Publish version 2" in edit
    client.post(reverse("agreement_publish", args=[community.slug]))
    community.refresh_from_db()
    assert community.agreement_version == 2

    tomas = User.objects.get(email="member@example.org")
    client.force_login(tomas)
    post = Post.objects.filter(community=community, status="published", locked=False).first()
    response = client.post(reverse("comment_create", args=[post.pk]), {"body": "A reply"})
    assert response["Location"].startswith(reverse("agreement", args=[community.slug]))
    page = client.get(response["Location"]).content.decode()
    assert "Accept this version" in page
    client.post(reverse("agreement", args=[community.slug]), {"action": "accept", "accepted": "on"})
    client.post(reverse("agreement", args=[community.slug]), {"action": "endorse"})
    page = client.get(reverse("agreement", args=[community.slug])).content.decode()
    assert "You endorsed version 2." in page and "Endorsed by 1 member." in page

    count = AgreementVersion.objects.count()
    call_command("seed_demo")  # again: nothing changes
    assert AgreementVersion.objects.count() == count
