from typing import Any, TypeVar

from django.db.models import QuerySet

Q_ = TypeVar("Q_", bound=QuerySet[Any])


def filtered(qs: Q_, **lookups: Any) -> Q_:
    """Apply only the lookups that have a value: how list pages turn filter forms into SQL."""
    return qs.filter(**{lookup: value for lookup, value in lookups.items() if value})
