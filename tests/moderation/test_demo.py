"""The demo's moderation: the walk-through of issue 14 works on it as a new user would try
it — the member adds the second "personal attack" flag, the comment is hidden, the chair
finds it in the queue, edits it with a reason and warns its author, who sees both."""

import pytest
from django.core.management import call_command

from practica.accounts.models import User
from practica.moderation.models import Case, Flag, Warning
from tests.demo.test_demo_notifications import _migrations_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_walk_through(client, capsys):
    _migrations_data()
    call_command("seed_demo")
    call_command("seed_demo")
    capsys.readouterr()
    member = User.objects.get(email="member@example.org")
    chair = User.objects.get(email="chair@example.org")
    waiting = Case.objects.get(state="open")
    assert Flag.objects.filter(case=waiting).count() == 1
    assert Case.objects.filter(state="resolved", outcome="hidden").count() == 1
    assert Warning.objects.count() == 1

    client.force_login(member)
    # The docs tell the member to find the comment by searching for it.
    found = client.get("/search/", {"q": "jail sanctions", "kind": "comment"})
    assert [
        str(h.title).replace("<mark>", "").replace("</mark>", "") for h in found.context["hits"]
    ]
    mine = client.get("/moderation/mine/").content.decode()
    assert "Upheld" in mine
    thread = waiting.label.split("“")[1].rstrip("”")
    response = client.post(
        f"/moderation/flag/comment/{waiting.object_id}/", {"rule": "conduct:personal-attack"}
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.state == "hidden"

    client.force_login(chair)
    queue = client.get("/communities/drug-treatment-courts/moderation/").content.decode()
    assert waiting.label.replace("“", "&ldquo;")[:20] in queue or thread[:20] in queue
    assert "Posts held for review" in queue
    client.post(
        f"/moderation/cases/{waiting.pk}/",
        {"action": "edit", "text": "I doubt jail sanctions help after a relapse.",
         "reason": "Argue with the idea, not with colleagues."},
    )  # fmt: skip
    client.post(
        f"/moderation/cases/{waiting.pk}/",
        {"action": "warn", "rule": "conduct:personal-attack", "reason": "Keep to the ideas."},
    )
    client.force_login(waiting.author)
    page = client.get("/moderation/mine/").content.decode()
    assert "Keep to the ideas." in page and "Argue with the idea" in page
    assert member.name not in page
