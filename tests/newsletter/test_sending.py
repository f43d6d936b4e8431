"""Writing and sending issues: audience, test copies, chunks and restarts, who may reach
the staff's pages, and the public archive."""

import pytest
from django.urls import reverse

from practica.newsletter.models import Delivery, Issue, IssueStatus, Subscriber
from practica.newsletter.services import issue_create, issue_send_chunk
from tests.factories import CommunityFactory, UserFactory, make_member

from .helpers import send_issue, subscribed

pytestmark = pytest.mark.django_db


def test_community_audience_is_its_subscribed_members_only(
    inbox, staff, django_capture_on_commit_callbacks
):
    chosen, other = CommunityFactory(), CommunityFactory()
    reader = make_member(chosen, email="reader@example.org")
    make_member(chosen, email="not-subscribed@example.org")
    elsewhere = make_member(other, email="elsewhere@example.org")
    subscribed(reader.email, user=reader)
    subscribed(elsewhere.email, user=elsewhere)
    subscribed("visitor@example.org")
    issue = send_issue(
        staff, django_capture_on_commit_callbacks, audience="communities", communities=[chosen]
    )
    assert inbox.recipients() == ["reader@example.org"]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.recipients_total == 1


def test_everyone_subscribed_leaves_out_unconfirmed_and_unsubscribed(
    inbox, staff, django_capture_on_commit_callbacks
):
    subscribed("yes@example.org")
    Subscriber.objects.create(email="pending@example.org")
    Subscriber.objects.create(email="gone@example.org", status="unsubscribed")
    send_issue(staff, django_capture_on_commit_callbacks)
    assert inbox.recipients() == ["yes@example.org"]


def test_a_test_copy_goes_to_the_staff_member_alone(
    client, inbox, django_capture_on_commit_callbacks
):
    staff = UserFactory(is_staff=True, email="steward@example.org")
    subscribed("reader@example.org")
    issue = issue_create(actor=staff, subject="Spring news", body="Hello", audience="all")
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("newsletter_send_test", args=[issue.pk]), follow=True)
    assert b"to steward@example.org, and to nobody else" in response.content
    assert inbox.recipients() == ["steward@example.org"]
    assert inbox.messages[0]["Subject"] == "[Test] Spring news"
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT and not Delivery.objects.exists()


def test_sending_is_chunked_and_a_restart_sends_nobody_twice(
    client, inbox, staff, settings, django_capture_on_commit_callbacks
):
    settings.PRACTICA_NEWSLETTER_CHUNK = 2
    addresses = [f"r{n}@example.org" for n in range(7)]
    for address in addresses:
        subscribed(address)
    inbox.refuse = {"r4@example.org"}  # the mail server fails in the third chunk
    client.force_login(staff)
    issue = issue_create(actor=staff, subject="News", body="Hello", audience="all")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletter_send", args=[issue.pk]))
    assert inbox.recipients() == addresses[:4]  # two chunks went; the worker then stopped
    page = client.get(reverse("newsletter_issue_manage", args=[issue.pk]))
    assert b"Sent to 4 of 7" in page.content and b"Resume sending" in page.content

    inbox.refuse = set()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletter_resume", args=[issue.pk]))
    assert inbox.recipients() == addresses  # each exactly once
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert (
        b"Sent to 7 of 7" in client.get(reverse("newsletter_issue_manage", args=[issue.pk])).content
    )

    # A chunk run again (a task delivered twice) sends nothing more.
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)
    issue_send_chunk(issue_id=issue.pk, after_id=0)
    assert inbox.recipients() == addresses


def test_an_issue_with_nobody_to_receive_it_is_not_sent(client, staff):
    issue = issue_create(actor=staff, subject="News", body="Hello", audience="all")
    client.force_login(staff)
    response = client.post(reverse("newsletter_send", args=[issue.pk]), follow=True)
    assert b"Nobody would receive this issue" in response.content
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_compose_refuses_a_community_audience_without_communities(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("newsletter_compose"),
        {"subject": "News", "body": "Typed words", "audience": "communities", "in_archive": "on"},
    )
    assert b"Choose at least one community" in response.content
    assert b"Typed words" in response.content  # nothing lost
    assert not Issue.objects.exists()


def test_staff_write_preview_and_edit_a_draft(client, staff):
    community = CommunityFactory(name="Youth Justice")
    client.force_login(staff)
    response = client.post(
        reverse("newsletter_compose"),
        {
            "subject": "Autumn",
            "body": "# Hello\n\n<script>x</script> **bold**",
            "audience": "communities",
            "communities": [community.pk],
        },
        follow=True,
    )
    issue = Issue.objects.get()
    content = response.content.decode()
    assert "<strong>bold</strong>" in content and "<script>x" not in content
    assert "Youth Justice" in content
    edit = reverse("newsletter_edit", args=[issue.pk])
    client.post(edit, {"subject": "Autumn news", "body": "B", "audience": "all"})
    issue.refresh_from_db()
    assert issue.subject == "Autumn news" and not issue.communities.exists()


@pytest.mark.parametrize("role", ["anonymous", "member", "leader"])
def test_people_other_than_staff_cannot_reach_the_staff_pages(
    client, inbox, staff, community, chair, member, role
):
    subscribed("reader@example.org")
    draft = issue_create(actor=staff, subject="Secret draft subject", body="B", audience="all")
    user = {"member": member, "leader": chair}.get(role)
    if user is not None:
        client.force_login(user)
    pages = [
        reverse("newsletter_manage"),
        reverse("newsletter_compose"),
        reverse("newsletter_issue_manage", args=[draft.pk]),
        reverse("newsletter_edit", args=[draft.pk]),
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == (302 if user is None else 404), path
        assert b"Secret draft subject" not in response.content
    missing = client.get(reverse("newsletter_issue_manage", args=[draft.pk + 100]))
    assert missing.status_code == response.status_code  # a draft and nothing answer alike
    for name in (
        "newsletter_send",
        "newsletter_send_test",
        "newsletter_resume",
        "newsletter_delete",
    ):
        client.post(reverse(name, args=[draft.pk]))
    assert inbox.messages == []
    draft.refresh_from_db()
    assert draft.status == IssueStatus.DRAFT
    assert b"Secret draft subject" not in client.get(reverse("newsletter_archive")).content


def test_archive_shows_sent_public_issues_only(
    client, inbox, staff, django_capture_on_commit_callbacks
):
    private = CommunityFactory(visibility="members", name="Closed Circle")
    hidden = CommunityFactory(visibility="hidden", name="Hidden Harbour")
    reader = make_member(private)
    Subscriber.objects.create(email=reader.email, user=reader, status="subscribed")
    from practica.communities.models import Membership

    Membership.objects.create(user=reader, community=hidden)
    subscribed("visitor@example.org")
    sent = send_issue(staff, django_capture_on_commit_callbacks, subject="Public spring issue")
    for_private = send_issue(
        staff, django_capture_on_commit_callbacks, subject="Closed circle issue",
        audience="communities", communities=[private],
    )  # fmt: skip
    for_hidden = send_issue(
        staff, django_capture_on_commit_callbacks, subject="Harbour issue",
        audience="communities", communities=[hidden],
    )  # fmt: skip
    kept_out = send_issue(staff, django_capture_on_commit_callbacks, subject="Kept out issue")
    Issue.objects.filter(pk=kept_out.pk).update(in_archive=False)
    draft = issue_create(actor=staff, subject="Draft issue", body="B", audience="all")
    sending = issue_create(actor=staff, subject="Sending issue", body="B", audience="all")
    Issue.objects.filter(pk=sending.pk).update(status=IssueStatus.SENDING)

    for user in (None, reader, staff):
        client.logout()
        if user is not None:
            client.force_login(user)
        content = client.get(reverse("newsletter_archive")).content.decode()
        assert "Public spring issue" in content
        for text in ("Closed circle", "Harbour", "Kept out", "Draft issue", "Sending issue"):
            assert text not in content
        assert client.get(reverse("newsletter_issue", args=[sent.pk])).status_code == 200
        for issue in (for_private, for_hidden, kept_out, draft, sending):
            assert client.get(reverse("newsletter_issue", args=[issue.pk])).status_code == 404


def test_archive_and_staff_list_queries_do_not_grow(
    client, staff, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    subscribed("visitor@example.org")

    def count_archive():
        with django_assert_max_num_queries(4) as captured:
            client.get(reverse("newsletter_archive"))
        return len(captured)

    send_issue(staff, django_capture_on_commit_callbacks, subject="One")
    client.logout()
    first = count_archive()
    for n in range(5):
        send_issue(staff, django_capture_on_commit_callbacks, subject=f"More {n}")
    assert count_archive() == first

    client.force_login(staff)
    with django_assert_max_num_queries(8) as captured:
        client.get(reverse("newsletter_manage"))
    before = len(captured)
    issue_create(actor=staff, subject="Draft", body="B", audience="all")
    with django_assert_max_num_queries(before):
        client.get(reverse("newsletter_manage"))


def test_a_send_whose_worker_stopped_is_resumed_by_the_scheduler(
    inbox, staff, settings, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from practica.newsletter.tasks import newsletter_resume_stalled_task

    settings.PRACTICA_NEWSLETTER_CHUNK = 2
    for n in range(3):
        subscribed(f"r{n}@example.org")
    inbox.refuse = {"r2@example.org"}
    issue = send_issue(staff, django_capture_on_commit_callbacks)
    assert inbox.recipients() == ["r0@example.org", "r1@example.org"]
    inbox.refuse = set()
    newsletter_resume_stalled_task.call()  # too soon: the worker may still be at it
    assert len(inbox.recipients()) == 2
    Delivery.objects.update(claimed_at=timezone.now() - timedelta(hours=1))
    Issue.objects.filter(pk=issue.pk).update(send_started_at=timezone.now() - timedelta(hours=1))
    newsletter_resume_stalled_task.call()
    assert inbox.recipients() == ["r0@example.org", "r1@example.org", "r2@example.org"]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


def test_staff_delete_a_draft_but_not_a_sent_issue(
    client, inbox, staff, django_capture_on_commit_callbacks
):
    subscribed("reader@example.org")
    sent = send_issue(staff, django_capture_on_commit_callbacks)
    draft = issue_create(actor=staff, subject="Scrap this", body="B", audience="all")
    client.force_login(staff)
    response = client.post(reverse("newsletter_delete", args=[draft.pk]), follow=True)
    assert b"The draft was deleted." in response.content
    response = client.post(reverse("newsletter_delete", args=[sent.pk]), follow=True)
    assert b"Only a draft can be deleted" in response.content
    assert list(Issue.objects.values_list("pk", flat=True)) == [sent.pk]
