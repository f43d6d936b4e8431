"""The audit log: every service that changes something consequential records it here."""

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import models

from .models import AuditEvent


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    scope: str = "",
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        scope=scope,
        reason=reason,
        data=data or {},
    )


def target_labels(events: Iterable[AuditEvent]) -> dict[tuple[str, int], str]:
    """(target type, id) → a readable name for each event's target, one query per type."""
    wanted: dict[str, set[int]] = {}
    for event in events:
        if event.target_id is not None:
            wanted.setdefault(event.target_type, set()).add(event.target_id)
    labels: dict[tuple[str, int], str] = {}
    for label, ids in wanted.items():
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        for pk, obj in model._default_manager.in_bulk(ids).items():
            labels[(label, pk)] = str(obj)
    return labels
