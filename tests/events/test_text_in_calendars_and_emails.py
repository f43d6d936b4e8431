"""Names and titles stored with line breaks or control characters (before the forms refused
them, or through the admin) still make valid calendar files and emails; the forms refuse
them with a message and keep what was typed."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from practica.communities.models import Community
from practica.events.models import Event
from practica.events.services import event_cancel
from tests.events.test_scheduling import _form
from tests.factories import make_member

pytestmark = pytest.mark.django_db

BROKEN = "Line one\nLine two\r\nthree\x07\u2028four"


def _parse(response):
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def test_an_event_titled_with_line_breaks_gives_a_valid_calendar_file(
    client, community, make_event
):
    event = make_event(venue="Room\n12", is_online=False, address="1 Main St\r\nOttawa")
    Event.objects.filter(pk=event.pk).update(
        title=BROKEN,
        description="First paragraph\n\nSecond\x08 one\x1b[31m",  # PostgreSQL stores no NUL
    )
    client.force_login(make_member(community))
    response = client.get(reverse("event_ics", args=[event.pk]))
    cal = _parse(response)
    [vevent] = cal.walk("VEVENT")
    assert str(vevent["summary"]) == "Line one Line two three four"
    assert str(cal["x-wr-calname"]) == "Line one Line two three four"
    assert str(vevent["location"]) == "Room 12, 1 Main St Ottawa"
    assert str(vevent["description"]).startswith("First paragraph\n\nSecond one[31m")
    raw = response.content.decode()
    assert "\x07" not in raw and "\x08" not in raw and "\x1b" not in raw and "\u2028" not in raw
    assert all(line.endswith("\r") for line in raw.split("\n")[:-1])  # CRLF content lines


def test_a_community_named_with_a_line_break_gives_valid_feeds(client, community, make_event):
    make_event(audience="public")
    Community.objects.filter(pk=community.pk).update(name="Drug Treatment\nCourts")
    community.refresh_from_db()
    cal = _parse(client.get(reverse("community_feed_public", args=[community.slug])))
    assert str(cal["x-wr-calname"]) == "Drug Treatment Courts"
    assert len(cal.walk("VEVENT")) == 1


def test_emails_about_a_title_with_line_breaks_are_sent_on_one_subject_line(
    client, on_commit, community, chair, make_event
):
    event = make_event()
    person = make_member(community)
    client.force_login(person)
    client.post(reverse("event_register", args=[event.pk]))
    Event.objects.filter(pk=event.pk).update(title=BROKEN)
    Community.objects.filter(pk=community.pk).update(name="Drug\nCourts")
    event.refresh_from_db()
    mail.outbox.clear()
    with on_commit():
        event_cancel(actor=chair, event=event, reason="Speaker ill")
    [message] = mail.outbox
    assert message.to == [person.email]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert "Line one Line two three four" in message.subject
    assert "Speaker ill" in message.body
    assert message.message()["Subject"]  # the mail library builds the header


@pytest.mark.parametrize("field", ["title", "venue", "address"])
def test_the_event_form_refuses_a_line_break_and_keeps_the_text(client, community, chair, field):
    client.force_login(chair)
    value = "Webinar\non phases"
    response = client.post(
        reverse("event_create", args=[community.slug]),
        _form(**{field: value, "is_online": "in_person"}),
    )
    assert response.status_code == 200
    assert not Event.objects.exists()
    page = response.content.decode()
    assert "Write this on one line, without line breaks" in page
    assert "Webinar\non phases" in page  # what was typed is still in the form


def test_the_profile_form_refuses_a_name_with_a_line_break(client, user):
    client.force_login(user)
    response = client.post(
        reverse("profile_edit"),
        {"display_name": "Ada\nLovelace", "affiliation": "Court of Appeal"},
    )
    assert response.status_code == 200
    assert "Write this on one line" in response.content.decode()
    user.refresh_from_db()
    assert "\n" not in user.display_name
