"""Writes for communities, membership and leadership.

Each service takes the acting user, checks permission through `permissions`, changes the
data in one transaction, writes an audit row and tells the people concerned. One module
per part (communities, proposals, joining, invitations, membership); callers import from
`practica.communities.services` as before.
"""

from .communities import community_create, community_set_status, community_update
from .invitations import (
    invitation_accept,
    invitation_by_token,
    invitation_revoke,
    invitation_send,
    invitations_delete_expired,
)
from .joining import (
    join_request_approve,
    join_request_decline,
    join_request_submit,
    join_request_withdraw,
)
from .membership import membership_leave, membership_remove, membership_set_role
from .proposals import proposal_accept, proposal_decline, proposal_submit
from .standing import (
    member_suspend,
    member_unsuspend,
    suspensions_tell_ended,
    trust_level_set,
)

__all__ = [
    "community_create",
    "community_set_status",
    "community_update",
    "invitation_accept",
    "invitation_by_token",
    "invitation_revoke",
    "invitation_send",
    "invitations_delete_expired",
    "join_request_approve",
    "join_request_decline",
    "join_request_submit",
    "join_request_withdraw",
    "member_suspend",
    "member_unsuspend",
    "membership_leave",
    "membership_remove",
    "membership_set_role",
    "proposal_accept",
    "proposal_decline",
    "proposal_submit",
    "suspensions_tell_ended",
    "trust_level_set",
]
