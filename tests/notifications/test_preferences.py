"""Email preferences: a delivery per kind of notification, digest hour and day, mailing-list
mode; bad input says what is wrong and keeps what was typed."""

import pytest
from django.urls import reverse

from practica.notifications.models import Category, EmailSettings, Preference
from practica.notifications.selectors import preferences_of

pytestmark = pytest.mark.django_db

URL = "/notifications/email/"


def _form(**changes):
    data = {f"delivery_{c}": "now" for c in Category.values}
    data |= {"digest_hour": "7", "weekly_day": "0"}
    data |= changes
    return data


def test_defaults_are_shown_then_choices_saved(client, member):
    client.force_login(member)
    html = client.get(URL).content.decode()
    assert reverse("email_preferences") == URL
    # Default: new posts in watched places come in the daily digest.
    assert 'value="daily" required id="id_delivery_watched_1" checked' in html
    assert 'value="now" required id="id_delivery_replies_0" checked' in html
    response = client.post(
        URL,
        _form(delivery_replies="now", delivery_watched="weekly", digest_hour="18",
              weekly_day="4", mailing_list="on"),
        follow=True,
    )  # fmt: skip
    assert "Your email preferences are saved." in response.content.decode()
    chosen = preferences_of(user_id=member.pk)
    assert chosen["replies"] == "now" and chosen["watched"] == "weekly"
    settings = EmailSettings.objects.get(user=member)
    assert (settings.digest_hour, settings.weekly_day, settings.mailing_list) == (18, 4, True)
    html = client.get(URL).content.decode()
    assert 'value="18" selected' in html and 'value="4" selected' in html


def test_bad_input_says_what_is_wrong_and_keeps_the_rest(client, member):
    client.force_login(member)
    response = client.post(
        URL, _form(delivery_watched="hourly", delivery_events="never", digest_hour="25")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Choose one of the ways offered." in html
    assert "Select a valid choice" in html  # the hour
    assert not Preference.objects.filter(user=member).exists()
    assert not EmailSettings.objects.filter(user=member).exists()
    # What was chosen is still chosen.
    assert 'value="never" required id="id_delivery_events_3" checked' in html


def test_linked_from_the_account_menu_and_the_centre(client, member):
    client.force_login(member)
    assert URL in client.get(reverse("profile_edit")).content.decode()
    assert URL in client.get(reverse("notification_list")).content.decode()
    assert reverse("watching_list") in client.get(reverse("notification_list")).content.decode()


def test_signed_in_only(client):
    assert client.get(URL).status_code == 302


def test_duties_cannot_be_turned_off(client, member):
    """A leader must not miss a join request: at once or in a digest, never 'never'."""
    client.force_login(member)
    html = client.get(URL).content.decode()
    assert 'id="id_delivery_duties_3"' not in html  # no fourth choice
    response = client.post(URL, _form(delivery_duties="never", delivery_replies="weekly"))
    assert "Choose one of the ways offered." in response.content.decode()
    assert not Preference.objects.filter(user=member).exists()
    client.post(URL, _form(delivery_duties="daily"))
    assert preferences_of(user_id=member.pk)["duties"] == "daily"


def test_the_newsletter_is_chosen_on_the_same_page(client, member):
    client.force_login(member)
    html = client.get(URL).content.decode()
    section = html.split("<h2>Newsletter</h2>")[1]
    assert reverse("newsletter_preferences") in section and "<form" in section
