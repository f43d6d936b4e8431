"""Signing up (double opt-in), the member's preference, one-click unsubscribe, consent."""

import pytest
from django.test import Client
from django.urls import reverse

from practica.newsletter.consent import CONSENT_VERSION
from practica.newsletter.models import ConsentRecord, Subscriber, SubscriberStatus
from tests.factories import UserFactory

from .conftest import part
from .helpers import link, send_issue, subscribed

pytestmark = pytest.mark.django_db


def test_visitor_gets_the_newsletter_only_after_confirming(
    client, inbox, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletter_subscribe"), {"email": " Ana@Example.org "})
    assert b"Check your inbox" in response.content
    [confirmation] = inbox.to("ana@example.org")
    assert Subscriber.objects.get(email="ana@example.org").status == SubscriberStatus.PENDING

    subscribed("other@example.org")
    send_issue(staff, django_capture_on_commit_callbacks, subject="Before confirming")
    assert not any("Before confirming" in m["Subject"] for m in inbox.to("ana@example.org"))

    confirm = link(confirmation.get_payload(decode=True).decode(), "newsletter_confirm")
    page = client.get(confirm)  # a mail scanner following the link subscribes nobody
    assert b"Yes, subscribe me" in page.content
    assert Subscriber.objects.get(email="ana@example.org").status == SubscriberStatus.PENDING
    client.post(confirm)
    subscriber = Subscriber.objects.get(email="ana@example.org")
    assert subscriber.status == SubscriberStatus.SUBSCRIBED
    assert [(c.action, c.method, c.wording_version) for c in subscriber.consents.all()] == [
        ("requested", "form", CONSENT_VERSION),
        ("given", "form", CONSENT_VERSION),
    ]
    send_issue(staff, django_capture_on_commit_callbacks, subject="After confirming")
    assert [m["Subject"] for m in inbox.to("ana@example.org")][-1] == "After confirming"


def test_sign_up_answers_the_same_for_a_subscribed_address(
    client, inbox, django_capture_on_commit_callbacks
):
    subscribed("known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(reverse("newsletter_subscribe"), {"email": "known@example.org"})
        new = client.post(reverse("newsletter_subscribe"), {"email": "new@example.org"})
    assert known.status_code == new.status_code == 200
    assert known.content == new.content
    assert inbox.recipients() == ["new@example.org"]  # nothing to the subscribed address


def test_asking_again_at_once_sends_no_second_email(
    client, inbox, django_capture_on_commit_callbacks
):
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("newsletter_subscribe"), {"email": "ana@example.org"})
    assert inbox.recipients() == ["ana@example.org"]


def test_bad_address_is_told_clearly_and_kept(client):
    response = client.post(reverse("newsletter_subscribe"), {"email": "ana at example"})
    assert b"Enter an email address like name@example.org." in response.content
    assert b'value="ana at example"' in response.content
    assert not Subscriber.objects.exists()


def test_too_many_sign_ups_from_one_network_are_refused_with_a_message(client, settings):
    settings.PRACTICA_NEWSLETTER_SIGNUPS_PER_HOUR = 2
    for n in range(2):
        assert (
            client.post(reverse("newsletter_subscribe"), {"email": f"a{n}@example.org"}).status_code
            == 200
        )
    response = client.post(reverse("newsletter_subscribe"), {"email": "a9@example.org"})
    assert response.status_code == 429
    assert b"Too many sign-ups" in response.content
    assert b'value="a9@example.org"' in response.content
    assert not Subscriber.objects.filter(email="a9@example.org").exists()


def test_expired_or_altered_confirmation_link_says_so(
    client, inbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletter_subscribe"), {"email": "ana@example.org"})
    confirm = link(inbox.messages[0].get_payload(decode=True).decode(), "newsletter_confirm")
    altered = confirm.replace(":", "x:", 1)
    assert b"This link no longer works" in client.post(altered).content
    settings.PRACTICA_NEWSLETTER_CONFIRM_DAYS = -1
    assert b"This link no longer works" in client.post(confirm).content
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING


def test_member_subscribes_and_unsubscribes_from_their_preferences(client, member):
    client.force_login(member)
    page = client.get(reverse("newsletter_preferences"))
    assert b"You do not receive the newsletter." in page.content
    assert b'name="csrfmiddlewaretoken"' in page.content  # the include works in any page
    client.post(reverse("newsletter_preferences"), {"action": "subscribe"})
    subscriber = Subscriber.objects.get(user=member)
    assert subscriber.status == SubscriberStatus.SUBSCRIBED
    assert b"You receive the newsletter." in client.get(reverse("newsletter_preferences")).content
    client.post(reverse("newsletter_preferences"), {"action": "unsubscribe"})
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert [(c.action, c.method) for c in subscriber.consents.all()] == [
        ("given", "preference"),
        ("withdrawn", "preference"),
    ]


def test_one_click_unsubscribe_works_without_a_session(
    inbox, staff, django_capture_on_commit_callbacks
):
    member = UserFactory(email="reader@example.org")
    subscribed("reader@example.org", user=member)
    send_issue(staff, django_capture_on_commit_callbacks)
    [message] = inbox.to("reader@example.org")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = "".join(message["List-Unsubscribe"].split()).strip("<>")  # unfolded
    assert url.startswith("http") and url in part(message, "text/plain")
    assert url in part(message, "text/html")
    assert "<strong>all</strong>" in part(message, "text/html")
    assert 'href="http' in part(message, "text/html")  # the site's paths made whole
    path = url.split("://", 1)[1].split("/", 1)[1]

    browser = Client(enforce_csrf_checks=True)
    page = browser.get(f"/{path}")
    assert b"reader@example.org" in page.content and b"Unsubscribe" in page.content
    assert Subscriber.objects.get().status == SubscriberStatus.SUBSCRIBED  # GET changes nothing

    mail_program = Client(enforce_csrf_checks=True)  # no cookie, no form token
    response = mail_program.post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    withdrawn = ConsentRecord.objects.get(action="withdrawn")
    assert withdrawn.method == "one_click" and withdrawn.wording_version == 1


def test_unsubscribe_link_with_a_wrong_token_is_refused(client):
    subscriber = subscribed("x@example.org")
    response = client.post(reverse("newsletter_unsubscribe", args=[f"{subscriber.pk}:forged"]))
    assert response.status_code == 404
    assert Subscriber.objects.get().status == SubscriberStatus.SUBSCRIBED
