"""What the working groups' pages need in the showcase: a group open to the community
led by the leader, with the member in it, its posts and folder; a members-only group the
member is not in; an archived group with its summary; a scheduled featured post."""

from datetime import timedelta

from django.utils import timezone

from practica.discussions.models import Post
from practica.discussions.services import post_create
from practica.library.services import resource_create
from practica.workgroups.services import group_archive, group_create, group_member_add


def build_workgroups(community, member, leader, others) -> dict:
    today = timezone.localdate()
    group = group_create(
        actor=leader, community=community, name="Peer mentoring for new court teams",
        goal="Pair each new team with an experienced one:\n\n- a **pairing checklist**;\n"
        "- three case notes.", lead=leader, ends_on=today + timedelta(days=90),
    )  # fmt: skip
    for person in [member, *others[:4]]:
        group_member_add(actor=leader, group=group, user=person)
    group_post = post_create(
        actor=others[0], community=community, group=group, kind="discussion",
        title="Pairing checklist, first draft", body="What would you add?", tags="mentoring",
    )  # fmt: skip
    Post.objects.filter(pk=group_post.pk).update(created_at=timezone.now() - timedelta(hours=2))
    resource_create(
        actor=leader, community=community, group=group, title="Pairing checklist (draft)",
        kind="template", summary="The draft.", language="English", licence="cc_by",
        licence_confirmed=True, current_as_of=today, link_url="https://example.org/checklist",
    )  # fmt: skip
    closed = group_create(
        actor=leader, community=community, name="Sanctions and incentives review",
        goal="A common grid of graduated responses.", lead=others[5],
        ends_on=today + timedelta(days=60), visibility="members",
    )  # fmt: skip
    group_member_add(actor=leader, group=closed, user=others[6])
    # Someone asks to join the leader's group: the lead's requests list.
    from practica.workgroups.models import GroupMembership

    GroupMembership.objects.create(group=group, user=others[7], status="requested")
    archived = group_create(
        actor=leader, community=community, name="Participant handbook in plain language",
        goal="Rewrite the handbook.", lead=leader, ends_on=today + timedelta(days=5),
    )  # fmt: skip
    group_archive(
        actor=leader, group=archived,
        summary="The handbook was rewritten and **tested with six participants**.",
    )  # fmt: skip
    scheduled = post_create(
        actor=leader, community=community, kind="featured",
        title="Reading group: the peer recovery specialist's role in court", body="Tomorrow.",
        publish_at=timezone.now() + timedelta(days=1),
        expires_at=timezone.now() + timedelta(days=40),
    )  # fmt: skip
    return {
        "group": group,
        "closed_group": closed,
        "archived_group": archived,
        "scheduled": scheduled,
    }
