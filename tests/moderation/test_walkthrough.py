"""The issue's walk-through: a member flags a comment for "personal attack"; a second flag
hides it; the chair opens the queue, edits it with a reason and warns the author, who sees
both. All through real HTTP."""

from practica.discussions.models import Comment, Post
from practica.moderation.models import Case, Flag, Warning
from practica.notifications.models import Notification


def test_flag_hide_edit_warn(
    client, community, chair, author, flagger, second, thread, comment, on_commit
):
    client.force_login(flagger)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert f"/moderation/flag/comment/{comment.pk}/" in page
    form = client.get(f"/moderation/flag/comment/{comment.pk}/").content.decode()
    assert "Personal attack" in form
    with on_commit():
        response = client.post(
            f"/moderation/flag/comment/{comment.pk}/", {"rule": "conduct:personal-attack"}
        )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden_at is None
    # The chair is told, without the flagger's name.
    told = Notification.objects.get(recipient=chair, kind="moderation.flagged")
    assert "Fay" not in told.title + told.body

    client.force_login(second)
    with on_commit():
        client.post(f"/moderation/flag/comment/{comment.pk}/", {"rule": "conduct:personal-attack"})
    comment.refresh_from_db()
    assert comment.hidden_at is not None
    assert Post.objects.get(pk=thread.pk).comment_count == 0
    # Others no longer read it; its author still does, and is told why.
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Only a fool" not in page and "hidden pending review" in page
    client.force_login(author)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Only a fool" in page
    notice = Notification.objects.get(recipient=author, kind="moderation.notice")
    assert "Personal attack" in notice.body
    assert "Fay" not in notice.title + notice.body and "Sid" not in notice.title + notice.body

    client.force_login(chair)
    queue = client.get(f"/communities/{community.slug}/moderation/").content.decode()
    case = Case.objects.get()
    assert f"/moderation/cases/{case.pk}/" in queue and "Personal attack (2)" in queue
    page = client.get(f"/moderation/cases/{case.pk}/").content.decode()
    assert "Only a fool" in page and "Fay" not in page and "Sid" not in page
    with on_commit():
        response = client.post(
            f"/moderation/cases/{case.pk}/",
            {
                "action": "edit",
                "text": "I do not think that works.",
                "reason": "Criticise the idea, not the person.",
                "rule": "",
            },
        )
    assert response.status_code == 302
    with on_commit():
        response = client.post(
            f"/moderation/cases/{case.pk}/",
            {
                "action": "warn",
                "rule": "conduct:personal-attack",
                "reason": "Please keep to the ideas.",
                "text": "",
            },
        )
    assert response.status_code == 302
    comment = Comment.objects.get(pk=comment.pk)
    assert comment.hidden_at is None and comment.body == "I do not think that works."
    assert Flag.objects.filter(outcome="upheld").count() == 2
    assert Warning.objects.get().member == author

    client.force_login(author)
    mine = client.get("/moderation/mine/").content.decode()
    assert "Please keep to the ideas." in mine and "Criticise the idea" in mine
    assert "<del>Only a fool would think</del>" in mine or "<del>" in mine
    assert "Fay" not in mine and "Sid" not in mine
    # The flaggers are told the outcome.
    assert Notification.objects.filter(recipient=flagger, kind="moderation.outcome").exists()
