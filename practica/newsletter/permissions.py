"""Who may write and send the newsletter: the host staff.

Everyone else is answered as if the pages did not exist (`access_issue` raises Http404),
so that nobody learns of drafts, their subjects or how many there are."""

from typing import Any

from django.http import Http404

from practica.accounts.permissions import is_staff

from .models import Issue


def can_manage_newsletter(user: Any) -> bool:
    return is_staff(user)


def check_manage_newsletter(user: Any) -> None:
    if not can_manage_newsletter(user):
        raise Http404


def access_issue(user: Any, pk: int) -> Issue:
    """The issue for the staff's pages; 404 for anyone else, as for a missing one."""
    check_manage_newsletter(user)
    issue = Issue.objects.filter(pk=pk).select_related("created_by").first()
    if issue is None:
        raise Http404
    return issue
