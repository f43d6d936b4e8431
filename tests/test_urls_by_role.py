"""Every URL pattern of the site, requested as every kind of person, answers as expected.

A URL pattern without an entry in EXPECTED (or, for the admin, without a rule) fails the
test, so that nobody adds a page without deciding who may see it.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from practica.communities.models import CommunityProposal, Invitation, Membership
from practica.core.pictures import replace_pictures
from practica.demo.files import make_pdf
from practica.discussions.services import comment_create, post_create
from practica.events.models import Event, Registration
from practica.events.services import calendar_token_for, event_create, registration_create
from practica.library.services import resource_create
from practica.notifications.models import Notification
from practica.notifications.services import notify
from tests.factories import CommunityFactory, UserFactory, make_member, make_request

ROLES = (
    "anonymous",
    "outsider",
    "applicant",
    "member",
    "other_leader",
    "leader",
    "staff",
    "deactivated",
)
TOKEN = "a-known-invitation-token"


def walk(resolver=None, prefix="", namespace=""):
    """(name, route) for every pattern, names qualified by their namespace."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, prefix + str(pattern.pattern)


@dataclass
class World:
    community: object
    other: object
    users: dict
    proposal: object
    join_request: object
    invitation: object
    post: object
    comment: object
    pending: object
    event: object
    past_event: object
    token: str
    resource: object
    hidden: object = None


@pytest.fixture
def world(db):
    community = CommunityFactory(
        visibility="members", join_policy="approval", name="Marram Members Circle"
    )
    other = CommunityFactory()
    leader = make_member(community, role="chair")
    member = make_member(community)
    # A hidden community the member also belongs to: only they and staff may know of it.
    hidden = CommunityFactory(visibility="hidden", name="Quiet Harbour Circle")
    Membership.objects.create(user=member, community=hidden)
    # Faces: the member's photo and the hidden community's emblem.
    for owner, fields in ((member, ("photo", "photo_small")), (hidden, ("emblem", "emblem_small"))):
        replace_pictures(owner, fields, {"l": b"\xff\xd8l", "s": b"\xff\xd8s"})
        owner.save()
    other_leader = make_member(other, role="chair")
    applicant = UserFactory()
    join_request = make_request(community, applicant)
    users = {
        "anonymous": None,
        "outsider": UserFactory(),
        "applicant": applicant,
        "member": member,
        "other_leader": other_leader,
        "leader": leader,
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "deactivated": UserFactory(is_active=False),
    }
    proposal = CommunityProposal.objects.create(
        proposer=member, name="New", domain="d", rationale="r", audience="a"
    )
    invitation = Invitation.objects.create(
        community=community,
        email="guest@example.org",
        token_hash=hashlib.sha256(TOKEN.encode()).hexdigest(),
        invited_by=leader,
        expires_at="2999-01-01T00:00:00Z",
    )
    notify(user_ids=[member.pk], kind="test", title="Hello", email=False)
    post = post_create(
        actor=member, community=community, kind="discussion", title="Marram private thread",
        body="B", tags="members only tag",
    )  # fmt: skip
    comment = comment_create(actor=member, post=post, body="A comment")
    pending = post_create(actor=member, community=community, kind="featured", title="P", body="B")
    start = (timezone.now() + timedelta(days=5)).replace(tzinfo=None)
    event, past = (
        event_create(
            actor=leader,
            community=community,
            title=title,
            kind="webinar",
            description="d",
            local_start=start,
            local_end=start + timedelta(hours=1),
            time_zone="UTC",
            meeting_url="https://meet.example.org/x",
        )[0]
        for title in ("Upcoming", "Past")
    )
    registration_create(actor=member, event=event)
    registration_create(actor=member, event=past)
    Event.objects.filter(pk=past.pk).update(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(days=2)
    )
    Registration.objects.filter(event=past).update(attended=True)
    token = calendar_token_for(member).token
    resource = resource_create(
        actor=member, community=community, title="Marram private guide", kind="guide",
        summary="s",
        language="English", licence="cc_by", licence_confirmed=True,
        current_as_of=timezone.localdate(),
        upload=SimpleUploadedFile("r.pdf", make_pdf("r"), "application/pdf"),
    )  # fmt: skip
    return World(
        community,
        other,
        users,
        proposal,
        join_request,
        invitation,
        post,
        comment,
        pending,
        event,
        past,
        token,
        resource,
        hidden,
    )


def row(anonymous, outsider, applicant, member, other_leader, leader, staff, deactivated=None):
    values = (anonymous, outsider, applicant, member, other_leader, leader, staff)
    return dict(
        zip(ROLES, (*values, anonymous if deactivated is None else deactivated), strict=True)
    )


ALL_200 = row(200, 200, 200, 200, 200, 200, 200)
SIGNED_IN = row(302, 200, 200, 200, 200, 200, 200)
POST_ONLY = row(302, 405, 405, 405, 405, 405, 405)
LEADERS = row(302, 403, 403, 403, 403, 200, 200)
STAFF = row(302, 403, 403, 403, 403, 403, 200)
ANON_ONLY = row(200, 302, 302, 302, 302, 302, 302)
# A members-only community: content is hidden from non-members (404 for one object, 403 for
# the community's own pages, whose existence is public).
MEMBERS_404 = row(404, 404, 404, 200, 404, 200, 200)
MEMBERS_403 = row(403, 403, 403, 200, 403, 200, 200)
AUTHOR_OR_LEADERS = row(302, 404, 404, 200, 404, 200, 200)  # the member wrote it
LEADERS_404 = row(302, 404, 404, 403, 404, 200, 200)
STAFF_404 = row(302, 404, 404, 404, 404, 404, 200)


def slug(w):
    return {"slug": w.community.slug}


def newsletter(w):
    """A sent public issue, a staff draft and links' tokens, made on first use."""
    if not hasattr(w, "newsletter"):
        from practica.newsletter.models import Issue, Subscriber
        from practica.newsletter.tokens import confirm_token, unsubscribe_token

        staff = w.users["staff"]
        sent = Issue.objects.create(
            subject="Spring issue", body="B", status="sent", sent_at=timezone.now(),
            created_by=staff,
        )  # fmt: skip
        draft = Issue.objects.create(
            subject="Newsletter draft for staff", body="B", created_by=staff
        )
        reader = Subscriber.objects.create(email="reader@example.org", status="subscribed")
        pending = Subscriber.objects.create(email="pending@example.org")
        w.newsletter = {
            "sent": sent.pk,
            "draft": draft.pk,
            "unsubscribe": unsubscribe_token(reader.pk),
            "confirm": confirm_token(subscriber_id=pending.pk, email=pending.email, version=1),
        }
    return w.newsletter


# name → (kwargs from the world, {role: status})
EXPECTED = {
    "home": (None, ALL_200),
    "search": (None, ALL_200),
    "healthz": (None, ALL_200),
    "ping": (None, ALL_200),
    "web_manifest": (None, ALL_200),
    "service_worker": (None, ALL_200),
    "offline": (None, ALL_200),
    "favicon": (None, row(301, 301, 301, 301, 301, 301, 301)),
    "conduct": (None, ALL_200),
    "community_list": (None, ALL_200),
    "profile_edit": (None, SIGNED_IN),
    "people": (None, SIGNED_IN),
    "person_detail": (lambda w: {"pk": w.users["member"].pk}, SIGNED_IN),
    # A photo is seen by those who see the profile; others are told it does not exist.
    "person_photo": (
        lambda w: {"pk": w.users["member"].pk, "size": "s"},
        row(404, 200, 200, 200, 200, 200, 200),
    ),
    # The emblem of the hidden community: as hidden as the community.
    "community_emblem": (
        lambda w: {"slug": w.hidden.slug, "size": "s"},
        row(404, 404, 404, 200, 404, 404, 200),
    ),
    "notification_list": (None, SIGNED_IN),
    "notifications_read": (None, POST_ONLY),
    # Following one's own notification marks it read and lands where it points.
    "notification_go": (
        lambda w: {"pk": Notification.objects.get(recipient=w.users["member"], kind="test").pk},
        row(302, 404, 404, 302, 404, 404, 404),
    ),
    "watch_change": (None, POST_ONLY),
    "watching_list": (None, SIGNED_IN),
    "email_preferences": (None, SIGNED_IN),
    # The newsletter: public archive and links from its emails; staff pages answer 404 to
    # everyone else, so that drafts are never known.
    "newsletter_archive": (None, ALL_200),
    "newsletter_issue": (lambda w: {"pk": newsletter(w)["sent"]}, ALL_200),
    "newsletter_subscribe": (None, ALL_200),
    "newsletter_confirm": (lambda w: {"token": newsletter(w)["confirm"]}, ALL_200),
    "newsletter_unsubscribe": (lambda w: {"token": newsletter(w)["unsubscribe"]}, ALL_200),
    "newsletter_preferences": (None, SIGNED_IN),
    "newsletter_manage": (None, STAFF_404),
    "newsletter_compose": (None, STAFF_404),
    "newsletter_issue_manage": (lambda w: {"pk": newsletter(w)["draft"]}, STAFF_404),
    "newsletter_edit": (lambda w: {"pk": newsletter(w)["draft"]}, STAFF_404),
    "newsletter_send_test": (lambda w: {"pk": newsletter(w)["draft"]}, POST_ONLY),
    "newsletter_send": (lambda w: {"pk": newsletter(w)["draft"]}, POST_ONLY),
    "newsletter_delete": (lambda w: {"pk": newsletter(w)["draft"]}, POST_ONLY),
    "newsletter_resume": (lambda w: {"pk": newsletter(w)["draft"]}, POST_ONLY),
    "conduct_publish": (None, STAFF),
    "proposal_create": (None, SIGNED_IN),
    "proposal_mine": (None, SIGNED_IN),
    "proposal_queue": (None, STAFF),
    "proposal_review": (lambda w: {"pk": w.proposal.pk}, STAFF),
    "community_detail": (slug, ALL_200),
    # Members-only community: the about page is public, the member list is not.
    "community_members": (slug, row(403, 403, 403, 200, 403, 200, 200)),
    # Applicants are reminded of their pending request; members are told they are in.
    "community_join": (slug, row(302, 200, 302, 302, 200, 302, 200)),
    "community_leave": (slug, row(302, 403, 403, 200, 403, 403, 403)),
    "community_settings": (slug, LEADERS),
    "community_requests": (slug, LEADERS),
    "request_decide": (lambda w: {**slug(w), "pk": w.join_request.pk}, LEADERS),
    "request_withdraw": (lambda w: {**slug(w), "pk": w.join_request.pk}, POST_ONLY),
    "member_remove": (lambda w: {**slug(w), "user_id": w.users["member"].pk}, LEADERS),
    "member_role": (lambda w: {**slug(w), "user_id": w.users["member"].pk}, POST_ONLY),
    "community_invitations": (slug, LEADERS),
    "invitation_revoke": (lambda w: {**slug(w), "pk": w.invitation.pk}, POST_ONLY),
    # Only the invited address (guest@example.org) may use the link; the link itself shows
    # the invitation to anonymous visitors, since it was sent to that address.
    "invitation_accept": (lambda w: {"token": TOKEN}, row(200, 403, 403, 403, 403, 403, 403)),
    "set_language": (None, row(302, 302, 302, 302, 302, 302, 302)),
    # Discussions, in the members-only community.
    "post_list": (None, ALL_200),
    "my_posts": (None, SIGNED_IN),
    "archives": (None, ALL_200),
    "archive_month": (lambda w: {"year": 2020, "month": 1}, ALL_200),
    "tag_list": (None, ALL_200),
    "tag_detail": (lambda w: {"slug": "members-only-tag"}, MEMBERS_404),
    "community_posts": (slug, MEMBERS_403),
    "community_summaries": (slug, MEMBERS_403),
    "community_review": (slug, LEADERS),
    "post_create": (slug, row(302, 403, 403, 200, 403, 200, 200)),
    "post_detail": (lambda w: {"pk": w.post.pk}, MEMBERS_404),
    "post_edit": (lambda w: {"pk": w.post.pk}, AUTHOR_OR_LEADERS),
    "post_history": (lambda w: {"pk": w.post.pk}, AUTHOR_OR_LEADERS),
    "post_review": (lambda w: {"pk": w.pending.pk}, LEADERS_404),
    "post_move": (lambda w: {"pk": w.post.pk}, LEADERS_404),
    "summary_create": (lambda w: {"pk": w.post.pk}, LEADERS_404),
    "post_moderate": (lambda w: {"pk": w.post.pk}, POST_ONLY),
    "post_delete": (lambda w: {"pk": w.post.pk}, LEADERS_404),
    "post_reopen": (lambda w: {"pk": w.post.pk}, POST_ONLY),
    "comment_create": (lambda w: {"pk": w.post.pk}, POST_ONLY),
    "answer_accept": (lambda w: {"pk": w.post.pk}, POST_ONLY),
    "comment_react": (lambda w: {"pk": w.comment.pk}, POST_ONLY),
    "post_react": (lambda w: {"pk": w.post.pk}, POST_ONLY),
    # "Continue reading" and a comment's lasting address send readers to its page.
    "post_unread": (lambda w: {"pk": w.post.pk}, row(302, 404, 404, 302, 404, 302, 302)),
    "comment_goto": (lambda w: {"pk": w.comment.pk}, row(404, 404, 404, 302, 404, 302, 302)),
    "comment_edit": (lambda w: {"pk": w.comment.pk}, row(302, 404, 404, 200, 404, 403, 403)),
    "comment_delete": (lambda w: {"pk": w.comment.pk}, AUTHOR_OR_LEADERS),
    # Events, in the members-only community.
    "event_list": (None, ALL_200),
    "event_past": (None, ALL_200),
    "calendar_settings": (None, SIGNED_IN),
    "event_create_platform": (None, row(302, 403, 403, 403, 403, 403, 200)),
    "community_events": (slug, ALL_200),
    "event_create": (slug, LEADERS),
    "community_feed_public": (slug, row(404, 404, 404, 404, 404, 404, 404)),
    "event_detail": (lambda w: {"pk": w.event.pk}, MEMBERS_404),
    "event_ics": (lambda w: {"pk": w.event.pk}, MEMBERS_404),
    "event_edit": (lambda w: {"pk": w.event.pk}, LEADERS_404),
    "event_cancel": (lambda w: {"pk": w.event.pk}, LEADERS_404),
    "event_registrations": (lambda w: {"pk": w.event.pk}, LEADERS_404),
    "registrations_csv": (lambda w: {"pk": w.event.pk}, LEADERS_404),
    "event_certificate": (
        lambda w: {"pk": w.past_event.pk},
        row(302, 404, 404, 200, 404, 403, 403),
    ),
    "event_register": (lambda w: {"pk": w.event.pk}, POST_ONLY),
    "event_unregister": (lambda w: {"pk": w.event.pk}, POST_ONLY),
    "registration_decide": (lambda w: {"pk": w.event.pk, "rid": 1}, POST_ONLY),
    "event_attendance": (lambda w: {"pk": w.event.pk}, POST_ONLY),
    "event_attended_self": (lambda w: {"pk": w.event.pk}, POST_ONLY),
    "material_add": (lambda w: {"pk": w.event.pk}, POST_ONLY),
    "event_followup": (lambda w: {"pk": w.event.pk}, POST_ONLY),
    # Calendar feeds carry their own key (a member's token): no session needed or used.
    "feed_personal": (lambda w: {"token": w.token}, row(200, 200, 200, 200, 200, 200, 200)),
    "feed_community": (
        lambda w: {"token": w.token, **slug(w)},
        row(200, 200, 200, 200, 200, 200, 200),
    ),
    # Library, in the members-only community; the member wrote the resource.
    "library": (None, ALL_200),
    "community_library": (slug, MEMBERS_403),
    "resource_create": (slug, row(302, 403, 403, 200, 403, 200, 200)),
    "resource_detail": (lambda w: {"pk": w.resource.pk}, MEMBERS_404),
    "resource_download": (lambda w: {"pk": w.resource.pk}, MEMBERS_404),
    "version_download": (
        lambda w: {"pk": w.resource.pk, "vid": w.resource.versions.get().pk},
        MEMBERS_404,
    ),
    "resource_edit": (lambda w: {"pk": w.resource.pk}, AUTHOR_OR_LEADERS),
    "version_add": (lambda w: {"pk": w.resource.pk}, AUTHOR_OR_LEADERS),
    "resource_move": (lambda w: {"pk": w.resource.pk}, LEADERS_404),
    "resource_delete": (lambda w: {"pk": w.resource.pk}, LEADERS_404),
    "resource_approve": (lambda w: {"pk": w.resource.pk}, POST_ONLY),
    "resource_confirm": (lambda w: {"pk": w.resource.pk}, POST_ONLY),
    "resource_manage": (lambda w: {"pk": w.resource.pk}, POST_ONLY),
    "resource_comment": (lambda w: {"pk": w.resource.pk}, POST_ONLY),
    # django-allauth
    "account_login": (None, ANON_ONLY),
    "account_signup": (None, ANON_ONLY),
    "account_logout": (None, SIGNED_IN),
    "account_inactive": (None, ALL_200),
    "account_reauthenticate": (None, SIGNED_IN),
    "account_email": (None, SIGNED_IN),
    "account_email_verification_sent": (None, ALL_200),
    "account_change_password": (None, SIGNED_IN),
    "account_set_password": (None, row(302, 302, 302, 302, 302, 302, 302)),
    "account_reset_password": (None, ALL_200),
    "account_reset_password_done": (None, ALL_200),
    "account_reset_password_from_key": (lambda w: {"uidb36": "zz", "key": "bad"}, ALL_200),
    "account_reset_password_from_key_done": (None, ALL_200),
    "account_confirm_email": (lambda w: {"key": "not-a-key"}, ALL_200),
    "account_confirm_login_code": (None, row(302, 302, 302, 302, 302, 302, 302)),
}

NON_STAFF_TO_ADMIN_LOGIN = row(302, 302, 302, 302, 302, 302, 200)


DENIED = {302, 401, 403, 404, 405}
ANSWERED = {200, 302, 400, 403, 404, 405}


def rq_dashboard_case(route):
    """django-rq's queue dashboard (installed with REDIS_URL): staff only, by its own checks."""
    path = re.sub(r"<int:\w+>", "0", route)
    path = re.sub(r"<(str|path):\w+>", "missing", path)
    path = re.sub(r"\(\?P<\w+>[^)]*\)\?", "", path)
    path = "/" + path.replace("^", "").replace("/?$", "/").replace("$", "")
    # Pages about one job or worker need a real one; for staff a made-up id is a crash in
    # django-rq, so only the refusal of everyone else is checked there.
    needs_object = re.search(r"<(str|path):(job_id|key|scheduler_name)>", route)
    return path, {**{role: DENIED for role in ROLES}, "staff": None if needs_object else ANSWERED}


def admin_case(name, route, w):
    """The admin's URLs follow one rule: staff only; others go to the admin's log-in."""
    if route.startswith("admin/django_rq/"):
        return rq_dashboard_case(route)
    if name is None:
        if "(?P<url>" in route:
            return "/admin/no-such-page/", row(302, 302, 302, 302, 302, 302, 404)
        # Old-style object URLs redirect to the change page.
        path = "/" + re.sub(r"<path:object_id>", str(w.users["staff"].pk), route)
        return path, row(302, 302, 302, 302, 302, 302, 302)
    short = name.split(":", 1)[1]
    kwargs = {}
    if short == "login":
        return reverse(name), row(200, 200, 200, 200, 200, 200, 302)
    if short == "logout":
        return reverse(name), row(302, 302, 302, 302, 302, 302, 405)
    if short == "view_on_site":
        ct = ContentType.objects.get_for_model(w.community)
        kwargs = {"content_type_id": ct.pk, "object_id": w.community.pk}
        return reverse(name, kwargs=kwargs), row(302, 302, 302, 302, 302, 302, 302)
    if short == "autocomplete":
        query = "?app_label=communities&model_name=membership&field_name=user&term=a"
        return reverse(name) + query, row(302, 302, 302, 302, 302, 302, 200)
    if short.endswith("user_password_change"):  # Django's UserAdmin names it auth_user_...
        kwargs = {"id": w.users["staff"].pk}
    if short == "app_list":
        kwargs = {"app_label": "communities"}
    model = next(
        (
            m
            for m in admin.site._registry
            if short.startswith(f"{m._meta.app_label}_{m._meta.model_name}_")
        ),
        None,
    )
    if model is not None and re.search(r"_(change|delete|history)$", short):
        obj = model.objects.first()
        if obj is None:
            return None, None  # nothing of this kind exists to show
        key = "id" if short.endswith("password_change") else "object_id"
        kwargs = {key: obj.pk}
    expected = dict(NON_STAFF_TO_ADMIN_LOGIN)
    # The audit log and published codes of conduct can be read, never added or removed.
    if re.search(r"_(add|delete)$", short) and any(
        s in short for s in ("auditevent", "codeofconduct", "dbtaskresult")
    ):
        expected["staff"] = 403
    return reverse(name, kwargs=kwargs), expected


def cases(w):
    for name, route in walk():
        if route.startswith("admin/"):
            path, expected = admin_case(name, route, w)
            if path is not None:
                yield f"{name or route}", path, expected
            continue
        assert name in EXPECTED, f"No entry in EXPECTED for URL {name!r} ({route})"
        build, expected = EXPECTED[name]
        yield name, reverse(name, kwargs=build(w) if build else None), expected


# What a page may reveal about other objects: text that must appear only for these roles,
# on every page (a 200 can leak), then on given pages (a name public elsewhere, say).
MAY_KNOW = {
    "Quiet Harbour Circle": {"member", "staff"},  # a hidden community
    "Marram private thread": {"member", "leader", "staff"},  # members-only content
    "Marram private guide": {"member", "leader", "staff"},
    "https://meet.example.org/x": {"member", "leader", "staff"},  # registered, organisers
    "Newsletter draft for staff": {"staff"},
}
MAY_KNOW_ON_PAGE = {
    # The member's profile: their membership of a members-only community is for its members.
    "person_detail": {"Marram Members Circle": {"member", "leader", "staff"}},
}


# Calendar feeds answer for the owner of the token in their address (the member), whoever
# sends the request.
KEYED_BY_TOKEN = {"feed_personal", "feed_community"}


def revealed(name, role, content):
    """The texts on a page that `role` may not know."""
    role = "member" if name in KEYED_BY_TOKEN else role
    text = content.decode(errors="replace")
    rules = {**MAY_KNOW, **MAY_KNOW_ON_PAGE.get(name, {})}
    return [marker for marker, roles in rules.items() if role not in roles and marker in text]


@pytest.mark.django_db
def test_every_url_answers_each_role_as_expected(client, world):
    failures = []
    count = 0
    for name, path, expected in cases(world):
        for role in ROLES:
            if expected[role] is None:
                continue
            user = world.users[role]
            client.logout()
            if user is not None:
                client.force_login(user)
            response = client.get(path)
            status = response.status_code
            count += 1
            wanted = expected[role]
            if status not in (wanted if isinstance(wanted, set) else {wanted}):
                failures.append(f"{name} {path} as {role}: {status}, expected {expected[role]}")
            if not getattr(response, "streaming", False):
                for marker in revealed(name, role, response.content):
                    failures.append(f"{name} {path} as {role} reveals {marker!r}")
    assert not failures, "\n".join(failures)
    assert count > 400  # every pattern was walked
