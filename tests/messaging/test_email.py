"""A message reaches the other participants on the site and by email at once, with its
text and a reply address of their own; a reply to that address, over the real SMTP
listener, becomes a message in the conversation, with the same checks as the site."""

import pytest

from practica.messaging.models import Message
from practica.messaging.services import block_set, conversation_leave, conversation_start
from practica.notifications.models import Notification
from tests.mailin.conftest import DOMAIN, message, smtp_send
from tests.smtp import parts


@pytest.fixture(autouse=True)
def _inbound(settings):
    settings.EMAIL_INBOUND_DOMAIN = DOMAIN
    settings.SITE_URL = "https://practica.test"


def _start(member, expert, on_commit):
    with on_commit():
        return conversation_start(
            actor=member,
            recipients=[expert],
            subject="Bail conditions",
            body="Could you tell me how **bail reviews** work where you are?",
        )


def test_a_message_is_told_on_the_site_and_emailed_at_once_with_its_text(
    smtp, client, member, expert, on_commit
):
    conversation = _start(member, expert, on_commit)

    note = Notification.objects.get(recipient=expert)
    assert note.category == "messages"
    assert note.url == conversation.get_absolute_url()
    assert not Notification.objects.filter(recipient=member).exists()  # not the sender
    [email] = smtp.to(expert.email)
    assert "Mia Member wrote to you: Bail conditions" in email["Subject"]
    text = parts(email)["text/plain"]
    assert "how **bail reviews** work" in text
    assert f"https://practica.test{conversation.get_absolute_url()}" in text
    assert email["Reply-To"].startswith("reply+m-") and email["Reply-To"].endswith(DOMAIN)
    first = Message.objects.get(conversation=conversation)
    assert email["Message-ID"] == f"<message-{first.pk}@practica.test>"
    assert email["In-Reply-To"] == f"<conversation-{conversation.pk}@practica.test>"
    assert smtp.recipients() == [expert.email]


def test_someone_who_left_is_not_told(smtp, member, chair, community, on_commit):
    from practica.messaging.services import message_send
    from tests.factories import make_member

    third = make_member(community, display_name="Theo Third")
    conversation = conversation_start(actor=member, recipients=[chair, third], body="Hello")
    conversation_leave(actor=third, conversation=conversation)
    smtp.clear()
    with on_commit():
        message_send(actor=chair, conversation=conversation, body="Only for Mia now")
    assert smtp.recipients() == [member.email]
    assert not Notification.objects.filter(recipient=third, body__contains="Only for").exists()


def _reply_to(smtp, person) -> str:
    [email] = smtp.to(person.email)
    return email["Reply-To"]


def test_a_reply_by_email_becomes_a_message(smtp, smtp_listener, client, member, expert, on_commit):
    conversation = _start(member, expert, on_commit)
    address = _reply_to(smtp, expert)
    smtp.clear()
    raw = message(
        sender=expert.email,
        to=address,
        subject="Re: Bail conditions",
        text="Gladly: the court reviews them every 30 days.\n\n"
        "On Mon, Mia wrote:\n> Could you tell me",
    ).as_bytes()

    smtp_send(smtp_listener, raw, to=[address], sender=expert.email)

    reply = Message.objects.filter(conversation=conversation, sender=expert).get()
    assert reply.by_email
    assert reply.body == "Gladly: the court reviews them every 30 days."
    client.force_login(member)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert "the court reviews them every 30 days" in page and "by email" in page
    # And Mia is told, by email too, with her own reply address.
    [told] = smtp.to(member.email)
    assert "Eva Expert wrote to you" in told["Subject"]
    assert told["Reply-To"] != address


def _refusal(smtp, person, reason) -> str:
    """The answer sent back to `person` (over SMTP too), saying why; its text."""
    answers = [m for m in smtp.to(person.email) if m["Auto-Submitted"] == "auto-replied"]
    assert len(answers) == 1, [m["Subject"] for m in smtp.messages]
    text = parts(answers[0])["text/plain"]
    assert reason in text
    return text


def test_a_reply_by_email_after_leaving_is_refused(smtp, smtp_listener, member, expert, on_commit):
    conversation = _start(member, expert, on_commit)
    address = _reply_to(smtp, expert)
    conversation_leave(actor=expert, conversation=conversation)
    raw = message(sender=expert.email, to=address, text="Too late?").as_bytes()

    smtp_send(smtp_listener, raw, to=[address], sender=expert.email)

    assert not Message.objects.filter(sender=expert).exists()
    answer = _refusal(smtp, expert, "You are no longer in this conversation.")
    assert "> Too late?" in answer


def test_a_reply_by_email_from_someone_blocked_is_refused_without_naming_the_block(
    smtp, smtp_listener, member, expert, on_commit
):
    conversation = _start(member, expert, on_commit)
    address = _reply_to(smtp, expert)
    block_set(actor=member, person=expert, blocked=True)
    raw = message(sender=expert.email, to=address, text="Hello again").as_bytes()

    smtp_send(smtp_listener, raw, to=[address], sender=expert.email)

    assert not Message.objects.filter(conversation=conversation, sender=expert).exists()
    answer = _refusal(smtp, expert, "You cannot write to this person.")
    assert "block" not in answer.lower()


def test_a_reply_address_used_by_another_member_is_refused(
    smtp, smtp_listener, member, expert, chair, on_commit
):
    _start(member, expert, on_commit)
    address = _reply_to(smtp, expert)
    raw = message(sender=chair.email, to=address, text="Not mine").as_bytes()

    smtp_send(smtp_listener, raw, to=[address], sender=chair.email)

    assert not Message.objects.filter(sender=chair).exists()
    _refusal(smtp, chair, "belongs to another member")


def test_those_who_follow_the_sender_hear_nothing_of_their_messages(
    smtp, member, expert, chair, on_commit
):
    from practica.notifications.watching import watch_set

    watch_set(user_id=chair.pk, key=f"person:{member.pk}", level="watching")
    _start(member, expert, on_commit)
    assert not Notification.objects.filter(recipient=chair).exists()
    assert smtp.recipients() == [expert.email]


def test_a_conversation_token_reads_back_and_cannot_pass_for_a_post_token():
    from practica.mailin.tokens import reply_token, reply_token_read

    token = reply_token(user_id=9, post_id=17, comment_id=None, kind="m")
    target = reply_token_read(token)
    assert (target.kind, target.user_id, target.post_id) == ("m", 9, 17)
    as_post = token.split("-", 1)[1]  # the kind taken off: the signature no longer fits
    assert reply_token_read(as_post) is None
    assert reply_token_read(reply_token(user_id=9, post_id=17, comment_id=None)).kind == ""
