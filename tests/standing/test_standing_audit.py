"""The audit log on the site: a community's for its leaders, everything for staff; filters,
pages, CSV; what a leader may not see stays out of the page and the file."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.communities.services.standing import member_suspend, trust_level_set
from practica.core.audit import audit_record
from practica.core.models import AuditEvent
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged(community, chair, member):
    """A suspension here, and decisions in another community the chair does not lead."""
    member_suspend(
        actor=chair, member=member, community=community, days=7, reason="Personal attacks"
    )
    elsewhere = CommunityFactory(name="Quiet Sentencing Circle", visibility="hidden")
    other_chair = make_member(elsewhere, "chair", display_name="Olga Other")
    secret = make_member(elsewhere, display_name="Sam Secret")
    member_suspend(
        actor=other_chair, member=secret, community=elsewhere, days=3, reason="Hidden reason"
    )
    return elsewhere


def _audit(community):
    return reverse("community_audit", args=[community.slug])


def test_leaders_see_their_communitys_log_only(client, community, chair, logged):
    client.force_login(chair)
    page = client.get(_audit(community)).content.decode()
    assert "Suspended a member" in page and "Personal attacks" in page
    assert "Mia Member" in page  # the target's readable name
    assert "Hidden reason" not in page and "Sam Secret" not in page
    assert "Quiet Sentencing Circle" not in page and "Olga Other" not in page
    # Another community's log: not theirs (hidden, so not even known to exist).
    assert client.get(_audit(logged)).status_code == 404
    # And the whole log is the staff's.
    assert client.get(reverse("audit_log")).status_code == 403


def test_members_see_no_log(client, community, member, logged):
    client.force_login(member)
    assert client.get(_audit(community)).status_code == 403


def test_staff_see_everything(client, staff, logged):
    client.force_login(staff)
    page = client.get(reverse("audit_log")).content.decode()
    assert "Personal attacks" in page and "Hidden reason" in page


def test_filters(client, community, chair, member, logged):
    trust_level_set(
        actor=chair, member=member, community=community, level="regular", reason="Long service"
    )
    old = AuditEvent.objects.get(action="member.suspend", scope=community.slug)
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    client.force_login(chair)
    url = _audit(community)
    by_action = client.get(url, {"action": "member.trust"}).content.decode()
    assert "Long service" in by_action and "Personal attacks" not in by_action
    recent = client.get(
        url, {"since": (timezone.localdate() - timedelta(days=7)).isoformat()}
    ).content.decode()
    assert "Personal attacks" not in recent and "Long service" in recent
    dated = client.get(
        url,
        {
            "since": (timezone.localdate() - timedelta(days=41)).isoformat(),
            "until": (timezone.localdate() - timedelta(days=39)).isoformat(),
        },
    ).content.decode()
    assert "Personal attacks" in dated and "Long service" not in dated
    by_actor = client.get(url, {"actor": "nobody-by-that-name"}).content.decode()
    assert "Nothing recorded." in by_actor
    by_actor = client.get(url, {"actor": chair.name}).content.decode()
    assert "Personal attacks" in by_actor
    audit_record(
        actor=chair, action="community.update", target=community, scope=community.slug,
        reason="New rules",
    )  # fmt: skip
    by_kind = client.get(url, {"kind": "communities.community"}).content.decode()
    assert "Personal attacks" not in by_kind and "New rules" in by_kind


def test_newest_first_and_paged(client, community, chair, member):
    for n in range(55):
        audit_record(
            actor=chair, action="member.trust", target=member, scope=community.slug,
            reason=f"Entry {n:02d}",
        )  # fmt: skip
    client.force_login(chair)
    first = client.get(_audit(community)).content.decode()
    assert "Entry 54" in first and "Entry 04" not in first
    assert first.index("Entry 54") < first.index("Entry 53")
    second = client.get(_audit(community), {"page": 2}).content.decode()
    assert "Entry 04" in second


def test_csv_has_the_filtered_rows_and_nothing_else(client, community, chair, member, logged):
    trust_level_set(actor=chair, member=member, community=community, level="regular")
    client.force_login(chair)
    response = client.get(_audit(community), {"action": "member.suspend", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["when", "actor", "action"]
    assert len(rows) == 2
    assert rows[1][1] == chair.name and rows[1][2] == "Suspended a member"
    assert rows[1][6] == "Personal attacks" and "Mia Member" in rows[1][5]
    text = "\n".join(",".join(r) for r in rows)
    assert "Hidden reason" not in text


def test_csv_defuses_formulas(client, community, chair, member):
    audit_record(
        actor=chair, action="member.trust", target=member, scope=community.slug,
        reason="=HYPERLINK(1)",
    )  # fmt: skip
    client.force_login(chair)
    response = client.get(_audit(community), {"format": "csv"})
    assert "'=HYPERLINK(1)" in b"".join(response.streaming_content).decode()


def test_the_log_page_costs_a_pinned_number_of_queries(
    client, community, chair, assert_page_queries
):
    def grow(n):
        for _ in range(n):
            person = make_member(community)
            member_suspend(actor=chair, member=person, community=community, days=2, reason="x")
            trust_level_set(actor=chair, member=person, community=community, level="new")

    grow(2)
    client.force_login(chair)
    url = _audit(community)
    client.get(url)
    # user, community (and its focus areas), roles, the actions and kinds for the filters,
    # the count, the page, the targets (one query per kind: people), the unread
    # notifications, the watch button
    with assert_page_queries(10):
        assert client.get(url).status_code == 200
    grow(10)
    with assert_page_queries(10):
        assert client.get(url).status_code == 200


def test_the_standing_page_costs_a_pinned_number_of_queries(
    client, community, chair, assert_page_queries
):
    person = make_member(community)

    def grow(n):
        for _ in range(n):
            member_suspend(actor=chair, member=person, community=community, days=2, reason="x")
            trust_level_set(
                actor=chair, member=person, community=community, level=["new", "regular"][_ % 2]
            )

    grow(1)
    client.force_login(chair)
    url = reverse("member_standing", args=[community.slug, person.pk])
    client.get(url)
    # 18: with the moderation app's counter of upheld flags (all of them, and recent ones).
    with assert_page_queries(18):
        assert client.get(url).status_code == 200
    grow(6)
    with assert_page_queries(18):
        assert client.get(url).status_code == 200


def test_a_stranger_is_refused_the_whole_log(client):
    client.force_login(UserFactory())
    assert client.get(reverse("audit_log")).status_code == 403


def test_the_whole_log_costs_a_pinned_number_of_queries(
    client, community, chair, staff, assert_page_queries
):
    def grow(n):
        for _ in range(n):
            elsewhere = CommunityFactory()
            person = make_member(elsewhere)
            member_suspend(actor=staff, member=person, community=elsewhere, days=2, reason="x")
            member_suspend(actor=staff, member=person, community=None, days=2, reason="y")

    grow(2)
    client.force_login(staff)
    url = reverse("audit_log")
    client.get(url)
    # user, the actions and kinds, the count, the page, the people named, the communities'
    # names, the unread notifications
    with assert_page_queries(7):
        page = client.get(url)
    assert page.status_code == 200 and "Platform" in page.content.decode()
    grow(10)
    with assert_page_queries(7):
        assert client.get(url).status_code == 200
