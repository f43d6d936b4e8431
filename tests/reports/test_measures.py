"""Each measure against the figures counted by hand for the `small` fixture."""

import pytest

from practica.reports import build
from practica.reports import measures as m
from practica.reports.periods import preset_period

pytestmark = pytest.mark.django_db


def _figures(small):
    period = preset_period("30d")
    now, before = build.figures([small.community.pk], [period, period.previous()])
    return now[small.community.pk], before[small.community.pk]


def test_members_joined_left_removed(small):
    now, before = _figures(small)
    assert (now.members.at_start, now.members.at_end) == (5, 5)
    assert (now.members.joined, now.members.left, now.members.removed) == (2, 1, 1)
    assert before.members.joined == 1  # c, 50 days ago
    assert now.members.weekly[-1][1] == 5
    assert now.requests.pending == 1


def test_participation_levels(small):
    now, _before = _figures(small)
    assert now.participation.counts == {
        "core": 1, "active": 1, "occasional": 1, "reading": 1, "silent": 1
    }  # fmt: skip


def test_writing(small):
    now, before = _figures(small)
    assert (now.writing.posts, now.writing.comments, now.writing.replies) == (3, 11, 1)
    assert sum(sum(week) for week in now.writing.weekly.values()) == 15
    assert (before.writing.posts, before.writing.comments) == (0, 0)


def test_time_to_first_answer_ignores_the_askers_own_comment(small):
    now, _before = _figures(small)
    q = now.questions
    assert len(q.asked) == 3
    assert [a.pk for a in q.unanswered] == [small.q1.pk]
    assert q.median_hours == pytest.approx(3.0, abs=0.01)
    assert q.p90_hours == pytest.approx(4.0, abs=0.01)
    assert build.fmt_share(q.answered_share) == "67%"


def test_events_and_library(small):
    now, _before = _figures(small)
    assert (now.events.held, now.events.registered, now.events.attended) == (1, 3, 2)
    assert build.fmt_share(now.events.attendance) == "67%"
    lib = now.library
    assert (lib.added, lib.published, lib.downloads, lib.current) == (1, 2, 10, 1)


def test_representation_names_the_provinces_without_members(small):
    rep = m.representation([small.community.pk])[small.community.pk]
    assert rep.members == 5
    assert rep.regions == {"CA-ON": 2, "CA-QC": 1, "US-NY": 1}
    assert rep.countries == {"Canada": 3, "United States": 1, "": 1}
    missing = dict(rep.missing())
    assert "Ontario" not in missing["Canada"] and "Quebec" not in missing["Canada"]
    assert "Nunavut" in missing["Canada"] and len(missing["Canada"]) == 11
    assert "New York" not in missing["United States"]


def test_a_community_with_no_activity(db):
    from tests.factories import CommunityFactory

    community = CommunityFactory()
    report = build.community_report(community, preset_period("year"))
    summary = report.table("summary")
    assert summary is not None
    assert dict((row[0], row[1]) for row in summary.rows)["Members at the end"] == "0"
    assert report.table("unanswered").rows == []
    missing = report.table("regions_missing").rows
    assert missing[0][0] == "Canada" and "Yukon" in missing[0][1]


def test_percentiles():
    assert m.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9
    assert m.percentile([5], 0.9) == 5
    assert m.median([]) is None


def test_health_follows_the_rule_shown(small):
    period = preset_period("30d")
    ids = [small.community.pk, small.other.pk]
    now, _before = build.figures(ids, [period, period.previous()])
    # 3 of 5 members wrote, 2 of 3 questions answered, 5 members at both ends: good.
    assert build.health(now[small.community.pk])[0] == "good"
    # Its only member wrote nothing (no questions; it did not shrink): one check fails.
    assert build.health(now[small.other.pk])[0] == "watch"
    assert "at least 20% of members" in build.health_rule()


def test_platform_participation_counts_a_person_once(small):
    from practica.communities.models import Membership

    Membership.objects.create(user=small.a, community=small.other)
    period = preset_period("30d")
    now, _before = build.figures([small.community.pk, small.other.pk], [period, period])
    assert now[m.ALL].participation.members == 6  # 5 + the other chair; a once
    assert now[m.ALL].participation.counts["core"] == 1


def test_representation_of_several_communities_counts_a_person_once(small):
    from practica.communities.models import Membership

    Membership.objects.create(user=small.a, community=small.other)
    rep = m.representation([small.community.pk, small.other.pk])[m.ALL]
    assert rep.members == 6  # the five members, a once, and the other chair
    assert rep.regions == {"CA-ON": 2, "CA-QC": 1, "US-NY": 1}
