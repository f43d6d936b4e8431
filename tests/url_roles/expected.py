"""name → (kwargs from the world, {role: status}) for every named URL outside the admin.

Each app added later keeps its own rows in `expected_<app>.py`, merged here.
"""

from django.utils import timezone

from practica.notifications.models import Notification
from practica.notifications.unsubscribe import manage_token, stop_token

from .expected_consultations import CONSULTATIONS
from .expected_directory import DIRECTORY
from .expected_governance import GOVERNANCE
from .expected_knowledge import KNOWLEDGE
from .expected_messaging import MESSAGING
from .expected_moderation import MODERATION
from .expected_recognition import RECOGNITION
from .expected_reports import REPORTS
from .expected_search import SEARCH
from .expected_standing import STANDING
from .expected_workgroups import WORKGROUPS
from .world import (
    ALL_200,
    ANON_ONLY,
    AUTHOR_OR_LEADERS,
    LEADERS,
    LEADERS_404,
    MEMBERS_403,
    MEMBERS_404,
    POST_ONLY,
    SIGNED_IN,
    STAFF,
    STAFF_404,
    TOKEN,
    row,
)  # fmt: skip


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
CORE = {
    "home": (None, ALL_200),
    "healthz": (None, ALL_200),
    "ping": (None, ALL_200),
    "web_manifest": (None, ALL_200),
    "service_worker": (None, ALL_200),
    "offline": (None, ALL_200),
    "favicon": (None, row(301, 301, 301, 301, 301, 301, 301)),
    "conduct": (None, ALL_200),
    "community_list": (None, ALL_200),
    "profile_edit": (None, SIGNED_IN),
    # People: anyone may look; each sees the profiles they may see (tests/directory).
    "people": (None, ALL_200),
    # The member shows their profile to anyone signed in (the default): to a visitor it
    # does not exist, like a missing person.
    "person_detail": (
        lambda w: {"pk": w.users["member"].pk},
        row(404, 200, 200, 200, 200, 200, 200),
    ),
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
    # The links in emails answer for the member their token names, whoever follows them.
    "email_unsubscribe": (
        lambda w: {"token": stop_token(user_id=w.users["member"].pk, kind="watched")},
        ALL_200,
    ),
    "email_manage": (lambda w: {"token": manage_token(user_id=w.users["member"].pk)}, ALL_200),
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

EXPECTED = {
    **CORE, **DIRECTORY, **SEARCH, **KNOWLEDGE, **MESSAGING, **GOVERNANCE, **CONSULTATIONS,
    **MODERATION, **STANDING, **RECOGNITION, **WORKGROUPS,
}  # fmt: skip
EXPECTED |= REPORTS
