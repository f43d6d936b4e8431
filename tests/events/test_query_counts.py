"""Event lists run a fixed number of queries however many events and registrations."""

import pytest
from django.urls import reverse

from practica.events.services import registration_create
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def _grow(community, make_event, n, start=0):
    from datetime import timedelta

    from django.utils import timezone

    from practica.events.models import Event

    for i in range(n):
        event = make_event(days=5 + start + i, title=f"E{start + i}", capacity=3)
        for _ in range(2):
            registration_create(actor=make_member(community), event=event)
        if i % 2:  # half of them in the past
            ago = timezone.now() - timedelta(days=30 + i)
            Event.objects.filter(pk=event.pk).update(
                starts_at=ago, ends_at=ago + timedelta(hours=1)
            )


@pytest.mark.parametrize(
    "name, signed_in, queries",
    [
        ("event_list", False, 3),
        ("event_list", True, 5),
        ("event_past", True, 5),
        ("community_events", True, 8),
        ("calendar_settings", True, 5),
    ],
)
def test_event_lists_have_pinned_query_counts(
    client,
    community,
    chair,
    make_event,
    assert_page_queries,
    django_assert_num_queries,
    name,
    signed_in,
    queries,
):
    url = reverse(name, args=[community.slug] if name == "community_events" else [])
    if signed_in:
        client.force_login(chair)
    _grow(community, make_event, 2)
    client.get(url)
    pin = assert_page_queries if signed_in else django_assert_num_queries
    with pin(queries):
        client.get(url)
    _grow(community, make_event, 8, start=2)
    with pin(queries):
        client.get(url)


def test_registration_list_query_count_is_constant(
    client, community, chair, make_event, assert_page_queries
):
    event = make_event(capacity=100)
    client.force_login(chair)
    url = reverse("event_registrations", args=[event.pk])
    for _ in range(2):
        registration_create(actor=make_member(community), event=event)
    client.get(url)
    with assert_page_queries(5):
        client.get(url)
    for _ in range(15):
        registration_create(actor=make_member(community), event=event)
    with assert_page_queries(5):
        client.get(url)
