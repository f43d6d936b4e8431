"""An item hidden by moderation disappears from every list, thread, feed, search result and
count for everyone but its author and the community's moderators, through the same paths
that leave out deleted content; restoring brings it back."""

from practica.discussions.models import Post
from practica.moderation.models import Case
from practica.moderation.services import case_hide, case_restore, flag_create
from practica.search.index import SOURCES, rebuild
from tests.moderation.makers import make_event, make_resource


def _hide(chair, flagger, kind, item):
    flag_create(actor=flagger, kind=kind, object_id=item.pk, rule="spam")
    case = Case.objects.get(kind=kind, object_id=item.pk)
    return case_hide(actor=chair, case=case, reason="Advertising.")


def _reindex():
    for kind in SOURCES:
        rebuild(kind)


def _found(client, q, kind=""):
    page = client.get("/search/", {"q": q, "kind": kind})
    return [
        str(hit.title).replace("<mark>", "").replace("</mark>", "")
        for hit in page.context.get("hits", [])
    ]


def test_a_hidden_comment_leaves_the_thread_its_count_and_search(
    client, community, chair, author, flagger, second, thread, comment
):
    _reindex()
    client.force_login(second)
    assert _found(client, "fool", "comment") == ["Bail reform notes"]
    _hide(chair, flagger, "comment", comment)
    _reindex()
    assert Post.objects.get(pk=thread.pk).comment_count == 0
    for person in (second, flagger, None):
        if person is None:
            client.logout()
        else:
            client.force_login(person)
        page = client.get(thread.get_absolute_url()).content.decode()
        assert "Only a fool" not in page and "hidden pending review" in page
        assert _found(client, "fool", "comment") == []
    # Its author and the moderators still read it, marked as hidden.
    for person in (author, chair):
        client.force_login(person)
        page = client.get(thread.get_absolute_url()).content.decode()
        assert "Only a fool" in page and "Hidden pending review" in page


def test_a_hidden_post_is_gone_for_others_and_404_on_its_own_page(
    client, community, chair, author, flagger, second, on_commit
):
    from practica.discussions.services import post_create

    with on_commit():
        post = post_create(
            actor=author, community=community, kind="discussion",
            title="Cheap certification for coordinators", body="Buy now.",
        )  # fmt: skip
    _hide(chair, flagger, "post", post)
    _reindex()
    client.force_login(second)
    assert client.get(post.get_absolute_url()).status_code == 404
    for url in ("/", "/posts/", f"/communities/{community.slug}/posts/"):
        assert "Cheap certification" not in client.get(url).content.decode(), url
    assert _found(client, "certification") == []
    client.logout()
    assert client.get(post.get_absolute_url()).status_code == 404
    assert "Cheap certification" not in client.get("/posts/").content.decode()
    for person in (author, chair):
        client.force_login(person)
        page = client.get(post.get_absolute_url()).content.decode()
        assert "Cheap certification" in page and "Hidden pending review" in page
    # Restored: back for everyone.
    case_restore(actor=chair, case=Case.objects.get(), reason="On reflection, fine.")
    client.force_login(second)
    assert client.get(post.get_absolute_url()).status_code == 200
    assert "Cheap certification" in client.get("/posts/").content.decode()
    assert _found(client, "certification") == ["Cheap certification for coordinators"]


def test_hidden_resources_and_events_leave_the_library_and_calendar(
    client, community, chair, author, flagger, second
):
    resource = make_resource(community, author, title="Glossy sponsored bench guide")
    event = make_event(community, chair, title="Sponsored webinar on nothing")
    _reindex()
    client.force_login(second)
    assert len(_found(client, "sponsored")) == 2
    _hide(chair, flagger, "resource", resource)
    # The event is the chair's: staff review flags about a leader.
    flag_create(actor=flagger, kind="event", object_id=event.pk, rule="spam")
    from tests.factories import UserFactory

    staff = UserFactory(is_staff=True)
    case_hide(actor=staff, case=Case.objects.get(kind="event"), reason="Advertising.")
    _reindex()
    client.force_login(second)
    assert client.get(resource.get_absolute_url()).status_code == 404
    assert client.get(event.get_absolute_url()).status_code == 404
    for url in ("/library/", f"/communities/{community.slug}/library/", "/events/",
                f"/communities/{community.slug}/events/"):  # fmt: skip
        page = client.get(url).content.decode()
        assert "Glossy sponsored" not in page and "Sponsored webinar" not in page, url
    assert _found(client, "sponsored") == []
    client.force_login(author)
    assert "Hidden pending review" in client.get(resource.get_absolute_url()).content.decode()
    client.force_login(chair)
    assert client.get(event.get_absolute_url()).status_code == 200
