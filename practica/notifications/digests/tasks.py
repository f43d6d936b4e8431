"""Thin, retry-safe tasks of the digests: the scheduler's planner and the chunks."""

from datetime import datetime
from itertools import islice

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import DigestKind
from .schedule import due_member_ids
from .send import digest_chunk_send

CHUNK = 500


def digests_plan(*, at: datetime) -> int:
    """Queue the digests due at `at`, CHUNK members a task; the number of members."""
    size = int(getattr(settings, "DIGEST_CHUNK", CHUNK))
    planned = 0
    for kind in DigestKind.values:
        ids = iter(due_member_ids(kind, at))
        while chunk := list(islice(ids, size)):
            digest_chunk.enqueue(kind, chunk, at.isoformat())
            planned += len(chunk)
    return planned


@task()
def digests_due_task() -> int:
    """Periodic (PRACTICA_PERIODIC_TASKS): queue every digest now due."""
    return digests_plan(at=timezone.now())


@task()
def digest_chunk(kind: str, user_ids: list[int], at: str) -> int:
    return digest_chunk_send(kind=kind, user_ids=user_ids, at=datetime.fromisoformat(at))


@task()
def digests_forget_old_task() -> int:
    """Housekeeping: claims older than any catch-up window are no longer needed."""
    from datetime import timedelta

    from .models import DigestSent

    deleted, _kinds = DigestSent.objects.filter(
        claimed_at__lt=timezone.now() - timedelta(days=35)
    ).delete()
    return deleted
