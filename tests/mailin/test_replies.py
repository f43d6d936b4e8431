"""A reply to a notification email becomes a comment by that member, through either inbound
path; anything that cannot be posted is answered, with the sender's text quoted back."""

from practica.communities.services.membership import membership_leave
from practica.discussions.models import Comment, Post
from practica.discussions.services import post_moderate

from .conftest import QUOTED_NOTIFICATION, address_for, message


def test_a_reply_appears_on_the_thread_under_the_members_name(
    deliver, client, thread, member, answers
):
    text = "We faced the same question last year.\n\nBest,\nMia" + QUOTED_NOTIFICATION
    deliver(
        message(sender=member.email, to=address_for(member, thread), text=text).as_bytes(),
        to=[address_for(member, thread)],
    )

    comment = Comment.objects.get(post=thread)
    assert comment.author == member and comment.parent is None
    assert "We faced the same question last year." in comment.body
    assert "wrote:" not in comment.body and "commented on" not in comment.body
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "We faced the same question last year." in page
    assert "Mia Member" in page
    assert answers == []


def test_a_reply_to_a_comment_becomes_a_reply_to_it(deliver, thread, chair_comment, member):
    to = address_for(member, thread, chair_comment)
    deliver(message(sender=member.email, to=to, text="Answering the chair.").as_bytes(), to=[to])

    reply = Comment.objects.get(post=thread, author=member)
    assert reply.parent == chair_comment


def test_the_sender_address_is_compared_without_case(deliver, thread, member):
    to = address_for(member, thread)
    deliver(message(sender=member.email.upper(), to=to.upper()).as_bytes(), to=[to.upper()])

    assert Comment.objects.filter(post=thread, author=member).exists()


def _refused(answers, reason: str, text: str) -> str:
    assert len(answers) == 1, answers
    body = answers[0].body
    assert reason in body, body
    assert f"> {text}" in body  # their words come back: nothing is lost
    assert answers[0].extra_headers["Auto-Submitted"] == "auto-replied"
    return body


def test_an_unknown_sender_is_answered_and_nothing_posted(deliver, thread, member, answers):
    to = address_for(member, thread)
    deliver(message(sender="stranger@example.net", to=to, text="Let me in").as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "We do not know the address you wrote from", "Let me in")
    assert answers[0].to == ["stranger@example.net"]


def test_a_reply_address_used_by_another_member_is_refused(deliver, thread, member, chair, answers):
    to = address_for(member, thread)  # Mia's address, written to by the chair
    deliver(message(sender=chair.email, to=to, text="Not my token").as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "belongs to another member", "Not my token")
    assert answers[0].to == [chair.email]


def test_a_forged_token_is_refused(deliver, thread, member, answers):
    to = address_for(member, thread)
    local, domain = to.split("@")
    forged = f"{local[:-1]}{'a' if local[-1] != 'a' else 'b'}@{domain}"
    deliver(message(sender=member.email, to=forged, text="Forged").as_bytes(), to=[forged])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "This reply address is not valid", "Forged")


def test_a_reply_to_a_locked_thread_is_refused(deliver, thread, chair, member, answers):
    post_moderate(actor=chair, post=thread, action="lock")
    to = address_for(member, thread)
    deliver(message(sender=member.email, to=to, text="Too late?").as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "This thread is locked", "Too late?")


def test_a_reply_to_a_closed_featured_post_is_refused(deliver, thread, member, answers):
    from datetime import timedelta

    from django.utils import timezone

    Post.objects.filter(pk=thread.pk).update(
        kind="featured", open_until=timezone.now() - timedelta(days=1)
    )
    to = address_for(member, thread)
    deliver(message(sender=member.email, to=to, text="Still open?").as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "This featured post is closed", "Still open?")


def test_a_reply_to_a_deleted_thread_is_refused(deliver, thread, chair, member, answers):
    post_moderate(actor=chair, post=thread, action="delete", reason="spam")
    to = address_for(member, thread)
    deliver(message(sender=member.email, to=to, text="Hello?").as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "was removed", "Hello?")


def test_a_member_who_left_may_no_longer_reply(deliver, thread, member, community, answers):
    membership_leave(actor=member, community=community)
    to = address_for(member, thread)
    deliver(message(sender=member.email, to=to, text="One more thing").as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "Only members of this community can comment", "One more thing")


def test_a_member_who_left_a_private_community_is_told_nothing_of_it(
    deliver, thread, member, community, answers
):
    community.visibility = "members"
    community.save()
    membership_leave(actor=member, community=community)
    to = address_for(member, thread)
    deliver(message(sender=member.email, to=to, text="One more thing").as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    body = _refused(answers, "You may no longer take part in this conversation", "One more thing")
    assert "A thread" not in body.split("Your message was not posted")[0]


def test_the_code_of_conduct_gate_applies_to_email(deliver, thread, member, staff, answers):
    from practica.accounts.models import User
    from practica.accounts.services import conduct_publish

    conduct_publish(actor=staff, body="A new version, to be accepted again.")
    User.objects.filter(pk=member.pk).update(accepted_conduct_version=0)
    to = address_for(member, thread)
    deliver(message(sender=member.email, to=to, text="Hello").as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "accept the current code of conduct", "Hello")


def test_an_empty_reply_is_answered(deliver, thread, member, answers):
    to = address_for(member, thread)
    deliver(message(sender=member.email, to=to, text=QUOTED_NOTIFICATION).as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    assert "Your reply was empty" in answers[0].body


def test_an_oversized_message_is_answered(deliver, thread, member, answers, settings):
    settings.EMAIL_INBOUND_MAX_BYTES = 2000
    to = address_for(member, thread)
    text = "A long story.\n" * 300
    deliver(message(sender=member.email, to=to, text=text).as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "too large", "A long story.")


def test_attachments_are_refused_politely(deliver, thread, member, answers):
    to = address_for(member, thread)
    msg = message(sender=member.email, to=to, text="See the attached judgment.")
    msg.add_attachment(
        b"%PDF-1.4 ...", maintype="application", subtype="pdf", filename="judgment.pdf"
    )
    deliver(msg.as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    body = _refused(answers, "we cannot take attachments by email", "See the attached judgment.")
    assert "judgment.pdf" in body


def test_a_logo_inside_a_signature_is_not_an_attachment(deliver, thread, member):
    to = address_for(member, thread)
    msg = message(sender=member.email, to=to, text="Plain words.")
    msg.add_alternative("<p>Plain words.</p><img src='cid:logo@x'>", subtype="html")
    html = msg.get_payload()[1]
    html.add_related(b"\x89PNG....", maintype="image", subtype="png", cid="<logo@x>")
    deliver(msg.as_bytes(), to=[to])

    assert Comment.objects.get(post=thread, author=member).body == "Plain words."


def test_an_html_only_reply_is_read_as_text(deliver, thread, member):
    to = address_for(member, thread)
    msg = message(sender=member.email, to=to)
    msg.set_content("<div>First line<br>Second &amp; last</div>", subtype="html")
    deliver(msg.as_bytes(), to=[to])

    body = Comment.objects.get(post=thread, author=member).body
    assert body == "First line\nSecond & last"


def test_the_same_message_delivered_twice_is_posted_once(deliver, thread, member):
    to = address_for(member, thread)
    raw = message(sender=member.email, to=to).as_bytes()
    deliver(raw, to=[to])
    deliver(raw, to=[to])

    assert Comment.objects.filter(post=thread, author=member).count() == 1


def test_a_message_our_mail_server_found_forged_is_refused(
    deliver, thread, member, answers, settings
):
    settings.EMAIL_INBOUND_AUTHSERV_ID = "mx.practica.test"
    to = address_for(member, thread)
    forged = {"Authentication-Results": "mx.practica.test; spf=fail; dmarc=fail header.from=x"}
    deliver(message(sender=member.email, to=to, text="Forged", headers=forged).as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread).exists()
    _refused(answers, "We could not confirm that this message came from your address", "Forged")


def test_authentication_results_from_other_servers_are_not_believed(
    deliver, thread, member, settings
):
    settings.EMAIL_INBOUND_AUTHSERV_ID = "mx.practica.test"
    to = address_for(member, thread)
    written_by_sender = {"Authentication-Results": "elsewhere.example; dmarc=fail"}
    deliver(message(sender=member.email, to=to, headers=written_by_sender).as_bytes(), to=[to])

    assert Comment.objects.filter(post=thread, author=member).exists()


def test_a_reply_to_a_removed_comment_is_answered(
    deliver, thread, chair_comment, chair, member, answers
):
    from practica.discussions.services import comment_delete

    comment_delete(actor=chair, comment=chair_comment)
    to = address_for(member, thread, chair_comment)
    deliver(message(sender=member.email, to=to, text="To the chair").as_bytes(), to=[to])

    assert not Comment.objects.filter(post=thread, author=member).exists()
    _refused(answers, "That comment was removed", "To the chair")


def test_messages_taken_in_are_forgotten_after_a_month(deliver, thread, member):
    from datetime import timedelta

    from django.utils import timezone

    from practica.mailin.models import Received

    to = address_for(member, thread)
    deliver(message(sender=member.email, to=to).as_bytes(), to=[to])
    Received.objects.update(created_at=timezone.now() - timedelta(days=31))
    deliver(message(sender=member.email, to=to).as_bytes(), to=[to])

    assert Received.objects.count() == 1 and Received.objects.get().outcome == "posted"
