"""Housekeeping in the scheduler: what has outlived its use is deleted, nothing else."""

import hashlib
import uuid
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from practica.communities.models import Invitation
from practica.communities.tasks import invitations_delete_expired_task
from practica.core.tasks import sessions_delete_expired_task, task_results_delete_old_task
from practica.notifications.models import Notification
from practica.notifications.tasks import notifications_delete_read_task

pytestmark = pytest.mark.django_db


def ago(**delta) -> timezone.datetime:
    return timezone.now() - timedelta(**delta)


def session(*, expires) -> str:
    store = SessionStore()
    store["_auth_user_id"] = "1"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=expires)
    return store.session_key


def task_result(status, finished_at=None) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=status,
        finished_at=finished_at,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="practica.core.tasks.sessions_delete_expired_task",
        backend_name="default",
        run_after=ago(days=60),
    )


def invitation(community, email, **fields) -> Invitation:
    fields.setdefault("expires_at", timezone.now() + timedelta(days=7))
    return Invitation.objects.create(
        community=community,
        email=email,
        token_hash=hashlib.sha256(uuid.uuid4().bytes).hexdigest(),
        **fields,
    )


def test_expired_database_sessions_are_deleted_and_live_ones_kept(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    expired = session(expires=ago(minutes=1))
    live = session(expires=timezone.now() + timedelta(days=1))

    assert sessions_delete_expired_task.enqueue().return_value == 1

    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert not SessionStore(session_key=expired).exists(expired)


def test_sessions_in_the_cache_are_left_to_expire_by_themselves(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    assert sessions_delete_expired_task.enqueue().return_value == 0


def test_old_finished_task_results_are_deleted_but_waiting_and_running_ones_kept(settings):
    settings.PRACTICA_KEEP_TASK_RESULTS_DAYS = 14
    old_success = task_result(TaskResultStatus.SUCCESSFUL, ago(days=15))
    old_failure = task_result(TaskResultStatus.FAILED, ago(days=30))
    recent = task_result(TaskResultStatus.SUCCESSFUL, ago(days=13))
    waiting = task_result(TaskResultStatus.READY)
    running = task_result(TaskResultStatus.RUNNING)

    assert task_results_delete_old_task.enqueue().return_value == 2

    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert left == {recent.pk, waiting.pk, running.pk}
    assert not {old_success.pk, old_failure.pk} & left


def test_unusable_invitations_are_deleted_after_a_while_and_the_leader_no_longer_sees_them(
    client, community, chair, settings
):
    settings.PRACTICA_KEEP_EXPIRED_INVITATIONS_DAYS = 30
    invitation(community, "long-expired@example.org", expires_at=ago(days=31))
    invitation(community, "long-revoked@example.org", revoked_at=ago(days=31))
    invitation(community, "just-expired@example.org", expires_at=ago(days=2))
    invitation(community, "open@example.org")
    invitation(community, "accepted@example.org", expires_at=ago(days=90), accepted_at=ago(days=95))

    assert invitations_delete_expired_task.enqueue().return_value == 2

    left = set(Invitation.objects.values_list("email", flat=True))
    assert left == {"just-expired@example.org", "open@example.org", "accepted@example.org"}
    client.force_login(chair)
    page = client.get(reverse("community_invitations", args=[community.slug])).content.decode()
    assert "just-expired@example.org" in page
    assert "long-expired@example.org" not in page
    assert "long-revoked@example.org" not in page


def test_old_read_notifications_are_deleted_and_unread_ones_kept(user, settings):
    settings.PRACTICA_KEEP_READ_NOTIFICATIONS_DAYS = 180

    def note(title, read_at):
        made = Notification.objects.create(recipient=user, kind="test", title=title)
        Notification.objects.filter(pk=made.pk).update(read_at=read_at, created_at=ago(days=400))

    note("read long ago", ago(days=181))
    note("read lately", ago(days=10))
    note("never read", None)

    assert notifications_delete_read_task.enqueue().return_value == 1

    assert set(Notification.objects.values_list("title", flat=True)) == {
        "read lately",
        "never read",
    }


def test_zero_days_keeps_everything(user, community, settings):
    settings.PRACTICA_KEEP_READ_NOTIFICATIONS_DAYS = 0
    settings.PRACTICA_KEEP_EXPIRED_INVITATIONS_DAYS = 0
    settings.PRACTICA_KEEP_TASK_RESULTS_DAYS = 0
    Notification.objects.create(recipient=user, kind="t", title="old", read_at=ago(days=999))
    invitation(community, "old@example.org", expires_at=ago(days=999))
    task_result(TaskResultStatus.SUCCESSFUL, ago(days=999))

    assert notifications_delete_read_task.enqueue().return_value == 0
    assert invitations_delete_expired_task.enqueue().return_value == 0
    assert task_results_delete_old_task.enqueue().return_value == 0
    assert Notification.objects.count() == Invitation.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


def test_the_scheduler_runs_the_housekeeping(user, community, settings, on_commit):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    session(expires=ago(days=1))
    task_result(TaskResultStatus.SUCCESSFUL, ago(days=100))
    invitation(community, "long-expired@example.org", expires_at=ago(days=100))
    Notification.objects.create(recipient=user, kind="t", title="old", read_at=ago(days=999))

    with on_commit():
        call_command("scheduler", "--once")

    assert not Session.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert not Invitation.objects.exists()
    assert not Notification.objects.exists()
