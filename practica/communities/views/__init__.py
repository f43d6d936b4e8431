"""Community pages: thin interfaces over selectors, services and the permission layer.

One module per part (pages, membership, invitations, proposals, people); the URLs
name them through this package.
"""

from .invitations import community_invitations, invitation_accept, invitation_revoke
from .membership import (
    community_join,
    community_leave,
    community_requests,
    member_remove,
    member_role,
    request_decide,
    request_withdraw,
)
from .pages import (
    community_detail,
    community_emblem,
    community_list,
    community_members,
    community_settings,
)
from .proposals import proposal_create, proposal_mine, proposal_queue, proposal_review
from .standing import (
    audit_all,
    community_audit,
    member_standing,
    my_standing,
    person_standing,
)

__all__ = [
    "audit_all",
    "community_audit",
    "community_detail",
    "community_emblem",
    "community_invitations",
    "community_join",
    "community_leave",
    "community_list",
    "community_members",
    "community_requests",
    "community_settings",
    "invitation_accept",
    "invitation_revoke",
    "member_remove",
    "member_role",
    "member_standing",
    "my_standing",
    "person_standing",
    "proposal_create",
    "proposal_mine",
    "proposal_queue",
    "proposal_review",
    "request_decide",
    "request_withdraw",
]
