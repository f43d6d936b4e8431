"""Every notification email about a post or comment carries its recipient's own reply
address, and the headers that thread it in mail programs; mailing-list mode sends what a
member watches at once."""

from email.message import EmailMessage

import pytest
from django.core import mail

from practica.communities.notify import community_activity
from practica.discussions.models import Comment
from practica.mailin.headers import reply_headers
from practica.mailin.tokens import reply_address, reply_token, reply_token_read
from practica.notifications.deliver import deliveries
from practica.notifications.models import EmailSettings, Notification, Preference
from practica.notifications.services import notify_many
from practica.notifications.tasks import notification_email_send

from .conftest import DOMAIN, smtp_send


def test_a_token_reads_back_what_it_binds():
    token = reply_token(user_id=9, post_id=17, comment_id=55)
    target = reply_token_read(token)
    assert (target.user_id, target.post_id, target.comment_id) == (9, 17, 55)
    assert reply_token_read(token.upper()) == target  # mail servers may change the case
    assert reply_token_read(reply_token(user_id=9, post_id=17, comment_id=None)).comment_id is None


@pytest.mark.parametrize("change", [(0, "x"), (2, "z"), (-1, "q")])
def test_a_changed_token_reads_as_nothing(change):
    token = reply_token(user_id=9, post_id=17, comment_id=55)
    where, letter = change
    changed = token[:where] + letter + token[where + 1 :] if where >= 0 else token[:-1] + letter
    assert changed != token
    assert reply_token_read(changed) is None
    assert reply_token_read("9-h-1j") is None  # ids alone are no token


def test_another_members_ids_give_another_signature():
    mine = reply_token(user_id=9, post_id=17, comment_id=55)
    theirs = reply_token(user_id=10, post_id=17, comment_id=55)
    assert mine.split("-")[-1] != theirs.split("-")[-1]
    forged = "-".join([*theirs.split("-")[:3], mine.split("-")[-1]])
    assert reply_token_read(forged) is None


def test_the_local_part_stays_within_64_characters(settings):
    settings.EMAIL_INBOUND_DOMAIN = DOMAIN
    address = reply_address(user_id=10**12, post_id=10**12, comment_id=10**12)
    assert len(address.split("@")[0]) <= 64 and address.endswith(f"@{DOMAIN}")


def test_no_reply_address_without_an_inbound_domain(settings):
    settings.EMAIL_INBOUND_DOMAIN = ""
    assert reply_address(user_id=1, post_id=2, comment_id=None) == ""


def _comment_activity(community, post, comment, actor):
    return community_activity(
        community,
        actor=actor,
        verb="comment.created",
        target=comment,
        places=[f"post:{post.pk}"],
        mail={
            "message_id": f"comment-{comment.pk}",
            "in_reply_to": f"post-{post.pk}",
            "references": [f"post-{post.pk}"],
            "subject": post.title,
            "reply": {"post": post.pk, "comment": comment.pk},
        },
    )


def test_a_notification_email_carries_the_recipients_reply_address_and_thread_headers(
    db, community, thread, chair_comment, chair, member
):
    activity = _comment_activity(community, thread, chair_comment, chair)
    note = Notification.objects.create(
        recipient=member, activity=activity, kind="comment.new", category="replies",
        title="Chris Chair commented", url=thread.get_absolute_url(),
    )  # fmt: skip
    mail.outbox.clear()
    notification_email_send(note.pk)

    sent = mail.outbox[0].message()
    token = sent["Reply-To"].removeprefix("reply+").split("@")[0]
    target = reply_token_read(token)
    assert (target.user_id, target.post_id, target.comment_id) == (
        member.pk, thread.pk, chair_comment.pk,
    )  # fmt: skip
    assert sent["Message-ID"] == f"<comment-{chair_comment.pk}@practica.test>"
    assert sent["In-Reply-To"] == f"<post-{thread.pk}@practica.test>"
    assert sent["References"] == f"<post-{thread.pk}@practica.test>"
    assert "Chris Chair commented" in sent["Subject"]  # not a mailing-list email
    assert "Reply to this email to answer on the site" in mail.outbox[0].body


def test_notifications_about_other_things_carry_no_reply_address(db, member):
    note = Notification.objects.create(recipient=member, kind="x", title="Welcome")
    assert reply_headers(note) == {}


def test_mailing_list_members_get_what_they_watch_at_once(
    db, community, thread, chair_comment, chair, member
):
    listed = member
    digest = type(member).objects.create_user("d@example.org", "x" * 12)
    EmailSettings.objects.create(user=listed, mailing_list=True)
    Preference.objects.create(user=listed, category="watched", delivery="weekly")
    activity = _comment_activity(community, thread, chair_comment, chair)
    watch = {"category": "watched", "kind": "comment.new", "title": "New comment"}
    notes = notify_many(activity=activity, wanted=[(listed.pk, watch), (digest.pk, watch)])

    due = {note.recipient_id: delivery for note_id, delivery in deliveries(notes).items()
           for note in notes if note.pk == note_id}  # fmt: skip
    assert due == {listed.pk: "now", digest.pk: "daily"}
    sent = [m for m in mail.outbox if m.to == [listed.email]]
    assert len(sent) == 1 and not any(m.to == [digest.email] for m in mail.outbox)
    assert sent[0].subject == "[Practica] Re: A thread"  # threads by subject too
    assert sent[0].extra_headers["In-Reply-To"] == f"<post-{thread.pk}@practica.test>"


def test_a_private_communitys_thread_title_stays_out_of_the_subject(
    db, community, thread, chair_comment, chair, member
):
    community.visibility = "members"
    community.save()
    EmailSettings.objects.create(user=member, mailing_list=True)
    activity = _comment_activity(community, thread, chair_comment, chair)
    notify_many(
        activity=activity,
        wanted=[(member.pk, {"category": "watched", "kind": "c", "title": "New comment"})],
    )
    sent = [m for m in mail.outbox if m.to == [member.email]]
    assert "A thread" not in sent[0].subject


def test_replying_to_a_notification_email_posts_under_the_members_name(
    smtp_listener, client, community, thread, chair_comment, chair, member
):
    activity = _comment_activity(community, thread, chair_comment, chair)
    note = Notification.objects.create(
        recipient=member, activity=activity, kind="comment.new", category="replies",
        title="Chris Chair commented",
    )  # fmt: skip
    mail.outbox.clear()
    notification_email_send(note.pk)
    received = mail.outbox[0].message()

    reply = EmailMessage()
    reply["From"] = member.email
    reply["To"] = received["Reply-To"]
    reply["Subject"] = f"Re: {received['Subject']}"
    reply["In-Reply-To"] = received["Message-ID"]
    reply.set_content("Thank you, Chris: that helps.\n\n> quoted notification\n")
    smtp_send(smtp_listener, reply.as_bytes(), to=[received["Reply-To"]], sender=member.email)

    comment = Comment.objects.get(post=thread, author=member)
    assert comment.parent == chair_comment and comment.body == "Thank you, Chris: that helps."
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Thank you, Chris: that helps." in page and "Mia Member" in page


def test_other_emails_about_a_post_get_their_own_message_id_threaded_under_it(
    db, community, thread, chair, member
):
    from practica.discussions.services.activity import post_mail

    edited = community_activity(
        community, actor=chair, verb="post.edited", target=thread, mail=post_mail(thread)
    )
    note = Notification.objects.create(
        recipient=member, activity=edited, kind="post.edited", category="watched", title="x"
    )
    headers = reply_headers(note)
    assert headers["Message-ID"] == f"<post-{thread.pk}-{edited.pk}@practica.test>"
    assert headers["In-Reply-To"] == headers["References"] == f"<post-{thread.pk}@practica.test>"


def test_a_members_reply_to_a_real_comment_email_lands_under_the_comment(
    smtp_listener, client, community, chair, member, django_capture_on_commit_callbacks
):
    """The whole loop: the chair comments on Mia's thread, Mia is emailed (the service
    records the activity; notifications send after commit), she answers the email, and her
    answer appears on the thread as a reply to the chair, under her name."""
    from practica.discussions.services import comment_create, post_create

    with django_capture_on_commit_callbacks(execute=True):
        post = post_create(
            actor=member, community=community, kind="discussion", title="Mia's question",
            body="Has anyone seen this?",
        )  # fmt: skip
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment = comment_create(actor=chair, post=post, body="Yes: see the 2024 guideline.")
    to_mia = [m for m in mail.outbox if m.to == [member.email]]
    assert len(to_mia) == 1
    received = to_mia[0].message()
    assert received["Reply-To"].startswith("reply+")

    reply = EmailMessage()
    reply["From"] = f"Mia <{member.email}>"
    reply["To"] = received["Reply-To"]
    reply["Subject"] = "Re: " + " ".join(str(received["Subject"]).split())
    reply["In-Reply-To"] = received["Message-ID"]
    reply.set_content(
        "Thank you, that is the one I needed.\n\n"
        f"On Mon, 23 Nov 2026 at 10:00, Practica <practica@localhost> wrote:\n> {comment.body}\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        smtp_send(smtp_listener, reply.as_bytes(), to=[received["Reply-To"]], sender=member.email)

    answer = Comment.objects.get(post=post, author=member)
    assert answer.parent == comment and answer.body == "Thank you, that is the one I needed."
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Thank you, that is the one I needed." in page and "Mia Member" in page
