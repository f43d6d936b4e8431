"""The agreement: drafting, the comment period, publishing a version, accepting, endorsing."""

from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.activity.services import TRACKING
from practica.communities.models import Community, Membership
from practica.communities.notify import tell
from practica.communities.permissions import check_can_write_in, is_member, roles_forget
from practica.communities.selectors import leader_ids
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.pagecache import bump
from practica.core.readercache import reader_changed
from practica.notifications.models import Category

from ..models import (
    BODY_MAX,
    COMMENT_MAX,
    Agreement,
    AgreementVersion,
    DraftComment,
    Endorsement,
    Plan,
)
from ..permissions import check_comment_on, check_draft, check_endorse

MAX_COMMENT_DAYS = 90


def _draft_for_update(community: Community) -> Agreement:
    Agreement.objects.get_or_create(community=community)
    return Agreement.objects.select_for_update().get(community=community)


@transaction.atomic
def agreement_draft_save(
    *, actor: User, community: Community, body: str, summary_of_changes: str = ""
) -> Agreement:
    """Save the leaders' draft of the next version; the actor becomes one of its authors."""
    check_draft(actor, community)
    body = body.strip()
    if not body:
        raise ServiceError(_("Write the agreement before saving it."))
    if len(body) > BODY_MAX:
        raise ServiceError(
            _("The agreement is too long (at most %(n)s characters).") % {"n": BODY_MAX}
        )
    draft = _draft_for_update(community)
    draft.draft = body
    draft.summary_of_changes = summary_of_changes.strip()[:300]
    draft.updated_at = timezone.now()
    draft.save()
    draft.authors.add(actor)
    return draft


def _period_end(days: int) -> datetime:
    if not 1 <= days <= MAX_COMMENT_DAYS:
        raise ServiceError(
            _("Choose a comment period of 1 to %(n)s days.") % {"n": MAX_COMMENT_DAYS}
        )
    return timezone.now() + timedelta(days=days)


@transaction.atomic
def agreement_comments_open(*, actor: User, community: Community, days: int) -> Agreement:
    """Open the draft to the members' comments for `days` (again: a new end date)."""
    check_draft(actor, community)
    draft = _draft_for_update(community)
    if not draft.draft.strip():
        raise ServiceError(_("Write the draft before asking for comments."))
    draft.comments_until = _period_end(days)
    draft.save(update_fields=["comments_until"])
    tell(
        community,
        actor=actor,
        verb="agreement.comments_opened",
        target=None,
        audience="members",
        category=Category.WATCHED,
        title=_("%(community)s asks for your comments on its draft agreement, until %(date)s")
        % {"community": community.name, "date": date_format(draft.comments_until, "DATE_FORMAT")},
        url=reverse("agreement_draft", args=[community.slug]),
    )
    return draft


@transaction.atomic
def draft_comment_add(
    *, actor: User, community: Community, body: str, plan: Plan | None = None
) -> DraftComment:
    """A member's comment on the agreement draft (or `plan`'s), while it is open."""
    if plan is not None:
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        check_comment_on(actor, community, comments_open=plan.comments_open)
        number = None
    else:
        draft = Agreement.objects.filter(community=community).first()
        check_comment_on(actor, community, comments_open=bool(draft and draft.comments_open))
        number = community.agreement_version + 1
    check_can_write_in(actor, community)
    body = body.strip()
    if not body:
        raise ServiceError(_("Write your comment first."))
    if len(body) > COMMENT_MAX:
        raise ServiceError(
            _("Your comment is too long (at most %(n)s characters).") % {"n": COMMENT_MAX}
        )
    comment = DraftComment.objects.create(
        community=community, agreement_number=number, plan=plan, author=actor, body=body
    )
    # The leaders who drafted it hear of each comment, as they hear of join requests.
    tell(
        community,
        to=[uid for uid in leader_ids(community=community) if uid != actor.pk],
        verb="plan.commented" if plan is not None else "agreement.commented",
        actor=actor,
        target=plan,
        category=Category.DUTIES,
        title=(
            _("%(who)s commented on the draft plan of %(community)s")
            if plan is not None
            else _("%(who)s commented on the draft agreement of %(community)s")
        )
        % {"who": actor.name, "community": community.name},
        body=body[:300],
        url=reverse("plan_draft" if plan is not None else "agreement_draft", args=[community.slug]),
    )
    return comment


@transaction.atomic
def agreement_publish(*, actor: User, community: Community) -> AgreementVersion:
    """Publish the draft as the next version. Every member must accept it before their
    next write in the community (the publisher has); the members are told."""
    check_draft(actor, community)
    community = Community.objects.select_for_update().get(pk=community.pk)
    draft = _draft_for_update(community)
    if not draft.draft.strip():
        raise ServiceError(_("There is no draft to publish."))
    number = community.agreement_version + 1
    version = AgreementVersion.objects.create(
        community=community,
        number=number,
        body=draft.draft,
        summary_of_changes=draft.summary_of_changes,
        published_by=actor,
    )
    version.authors.set(draft.authors.all())
    Community.objects.filter(pk=community.pk).update(agreement_version=number)
    community.agreement_version = number
    # An update sends no signal: pages and threads kept with the community's old version
    # (which would let a comment form through to a refusal) are dropped now.
    bump("communities", "content")
    draft.comments_until = None
    draft.summary_of_changes = ""
    draft.save(update_fields=["comments_until", "summary_of_changes"])
    draft.authors.clear()
    Membership.objects.filter(community=community, user=actor).update(agreement_version=number)
    roles_forget(actor)
    reader_changed(actor.pk)
    audit_record(
        actor=actor,
        action="agreement.publish",
        target=version,
        scope=community.slug,
        data={"version": number},
    )
    tell(
        community,
        actor=actor,
        verb="agreement.published",
        target=version,
        audience="members",
        category=Category.DECISIONS,
        title=_("%(community)s published version %(n)s of its agreement: please read and accept it")
        % {"community": community.name, "n": number},
        body=version.summary_of_changes,
        url=reverse("agreement", args=[community.slug]),
        watched=TRACKING,
    )
    return version


@transaction.atomic
def agreement_accept(*, user: User, community: Community) -> int:
    """Record that the member accepted the version in force (idempotent; never lowers)."""
    if not is_member(user, community):
        raise ServiceError(_("Only the community's members accept its agreement."))
    number = Community.objects.values_list("agreement_version", flat=True).get(pk=community.pk)
    Membership.objects.filter(community=community, user=user, agreement_version__lt=number).update(
        agreement_version=number
    )
    roles_forget(user)
    reader_changed(user.pk)  # their kept pages asked them to accept it
    return number


@transaction.atomic
def agreement_endorse(*, actor: User, community: Community) -> Endorsement:
    """Endorse the version in force, which accepts it too."""
    check_endorse(actor, community)
    version = AgreementVersion.objects.filter(
        community=community, number=community.agreement_version
    ).first()
    if version is None:
        raise ServiceError(_("This community has no published agreement to endorse."))
    endorsement, _created = Endorsement.objects.get_or_create(version=version, user=actor)
    agreement_accept(user=actor, community=community)
    return endorsement
