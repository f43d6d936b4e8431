"""One-click unsubscribe (RFC 8058) and the page that manages all email, both reached
from the links in every email without signing in."""

import re
import time

import pytest
from django.core import signing
from django.urls import reverse

from practica.notifications.digests.tasks import digests_plan
from practica.notifications.models import EmailSettings, Preference
from practica.notifications.preferences import deliveries_of
from practica.notifications.tasks import notification_email_send
from practica.notifications.unsubscribe import manage_token, stop_token
from tests.smtp import parts

from .test_digests import at_their_hour, pending


def one_click_link(message) -> str:
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    found = re.fullmatch(r"<(http[^>]+)>", re.sub(r"\s+", "", message["List-Unsubscribe"]))
    assert found, message["List-Unsubscribe"]
    return found.group(1).removeprefix("http://127.0.0.1:8000")


def delivery(user, category) -> str:
    return deliveries_of([user.pk])[user.pk][category]


@pytest.mark.django_db
def test_a_notification_email_stops_its_own_kind_in_one_click_without_a_session(
    smtp, client, member, community
):
    note = pending(member, community, title="Someone answered you", category="replies")
    notification_email_send(note.pk)
    [message] = smtp.to(member.email)
    link = one_click_link(message)
    text = parts(message)["text/plain"]
    assert link in text and "/notifications/email/manage/" in text
    assert "/notifications/email/manage/" in parts(message)["text/html"]
    # A mail scanner's GET changes nothing; it shows a button.
    page = client.get(link)
    assert page.status_code == 200 and b"<button" in page.content
    assert delivery(member, "replies") == "now"
    # The mail program's one-click POST, with no cookie and no CSRF token.
    response = client.post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert delivery(member, "replies") == "never"
    # Only that kind: everything else is as it was.
    assert delivery(member, "watched") == "daily"
    assert delivery(member, "events") == "now"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_digest_carries_the_headers_and_its_link_stops_that_digest(
    smtp, client, member, community
):
    now = at_their_hour(member)
    Preference.objects.create(user=member, category="featured", delivery="weekly")
    pending(member, community)
    digests_plan(at=now)
    daily = [m for m in smtp.to(member.email) if "daily" in m["Subject"]]
    assert len(daily) == 1
    client.post(one_click_link(daily[0]), {"List-Unsubscribe": "One-Click"})
    assert delivery(member, "watched") == "never"  # what the daily digest carried
    assert delivery(member, "featured") == "weekly"  # the weekly digest goes on
    assert delivery(member, "replies") == "now"


@pytest.mark.django_db
def test_a_forged_link_is_refused_with_a_clear_message(client, member):
    token = stop_token(user_id=member.pk, kind="replies")
    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    for name, bad in (("email_unsubscribe", forged), ("email_manage", "no-such-token")):
        response = client.post(reverse(name, args=[bad]), {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
    assert delivery(member, "replies") == "now"
    # One kind of link does not open the other.
    swapped = client.get(reverse("email_manage", args=[token]))
    assert swapped.status_code == 400


@pytest.mark.django_db
def test_an_expired_link_says_so(client, member, monkeypatch, settings):
    settings.EMAIL_LINK_DAYS = 60
    long_ago = int(time.time()) - 61 * 86400
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(long_ago)
    )
    stop, manage = stop_token(user_id=member.pk, kind="replies"), manage_token(user_id=member.pk)
    monkeypatch.undo()
    for name, token in (("email_unsubscribe", stop), ("email_manage", manage)):
        response = client.post(reverse(name, args=[token]), {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 400
        assert "This link has expired" in response.content.decode()
    assert delivery(member, "replies") == "now"


@pytest.mark.django_db
def test_the_manage_page_shows_and_saves_only_that_members_settings(client, member, chair):
    EmailSettings.objects.create(user=chair, digest_hour=18, mailing_list=True)
    url = reverse("email_manage", args=[manage_token(user_id=member.pk)])
    page = client.get(url).content.decode()
    assert 'name="delivery_replies"' in page and 'name="digest_hour"' in page
    # Nothing about anyone: not the member's address nor name, not the chair's settings.
    for secret in (member.email, member.display_name, chair.email, chair.display_name):
        assert secret not in page
    assert '<option value="7" selected>' in page
    data = {
        "delivery_replies": "daily", "delivery_watched": "weekly", "delivery_featured": "now",
        "delivery_events": "never", "delivery_library": "now", "delivery_decisions": "now",
        "delivery_duties": "now", "delivery_requests": "now", "delivery_messages": "now",
        "digest_hour": "6", "weekly_day": "4", "mailing_list": "on",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302
    settings_ = EmailSettings.objects.get(user=member)
    assert (settings_.digest_hour, settings_.weekly_day, settings_.mailing_list) == (6, 4, True)
    assert delivery(member, "replies") == "daily" and delivery(member, "events") == "never"
    assert EmailSettings.objects.get(user=chair).digest_hour == 18
    # Bad input: a clear message, nothing saved.
    response = client.post(url, {**data, "digest_hour": "25"})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert EmailSettings.objects.get(user=member).digest_hour == 6
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_duties_which_cannot_be_stopped_carry_only_the_management_link(smtp, member, community):
    note = pending(member, community, title="A join request waits", category="duties")
    notification_email_send(note.pk)
    [message] = smtp.to(member.email)
    assert message["List-Unsubscribe"] is None and message["List-Unsubscribe-Post"] is None
    text = parts(message)["text/plain"]
    assert "/notifications/email/manage/" in text and "/notifications/email/stop/" not in text
    with pytest.raises(ValueError):
        stop_token(user_id=member.pk, kind="duties")


@pytest.mark.django_db
def test_in_mailing_list_mode_the_link_stops_the_mode(smtp, client, member, community):
    EmailSettings.objects.create(user=member, mailing_list=True)
    note = pending(member, community, title="A new comment", category="watched")
    notification_email_send(note.pk)
    [message] = smtp.to(member.email)
    client.post(one_click_link(message), {"List-Unsubscribe": "One-Click"})
    assert EmailSettings.objects.get(user=member).mailing_list is False
    assert delivery(member, "watched") == "daily"  # the digest goes on as chosen
