"""Every page type the every-page browser test looks at (PAGES), and the URL patterns that
are not pages of their own (NOT_PAGES). Apps added later keep theirs in `pages_<app>.py`."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from practica.notifications.unsubscribe import manage_token, stop_token
from tests.browser.page_kit import ALL, SIGNED_IN, L, M, Page, S, V, p, slug
from tests.browser.pages_consultations import CONSULTATIONS_NOT_PAGES, CONSULTATIONS_PAGES
from tests.browser.pages_directory import DIRECTORY_NOT_PAGES, DIRECTORY_PAGES
from tests.browser.pages_governance import GOVERNANCE_NOT_PAGES, GOVERNANCE_PAGES
from tests.browser.pages_knowledge import KNOWLEDGE_NOT_PAGES, KNOWLEDGE_PAGES
from tests.browser.pages_messaging import MESSAGING_NOT_PAGES, MESSAGING_PAGES
from tests.browser.pages_moderation import MODERATION_NOT_PAGES, MODERATION_PAGES
from tests.browser.pages_recognition import RECOGNITION_NOT_PAGES, RECOGNITION_PAGES
from tests.browser.pages_reports import REPORTS_NOT_PAGES, REPORTS_PAGES
from tests.browser.pages_search import SEARCH_NOT_PAGES, SEARCH_PAGES
from tests.browser.pages_standing import STANDING_NOT_PAGES, STANDING_PAGES
from tests.browser.pages_workgroups import WORKGROUPS_NOT_PAGES, WORKGROUPS_PAGES
from tests.browser.showcase import INVITATION_TOKEN

PAGES = [
    # The site and its people
    p("home", ALL),
    p("conduct", ALL),
    p("offline", ALL),
    p("conduct_publish", (S,)),
    p("profile_edit", SIGNED_IN),
    p("people", ALL),
    p("person_detail", SIGNED_IN, lambda w: w.users["member"].pk),
    p("notification_list", SIGNED_IN),
    # The links in every email: no sign-in, the signed token is the credential
    p(
        "email_unsubscribe",
        (V,),
        lambda w: stop_token(user_id=w.users["member"].pk, kind="watched"),
    ),
    p("email_manage", (V,), lambda w: manage_token(user_id=w.users["member"].pk)),
    p("email_link_invalid", (V,), "forged", name="email_manage", status=400),
    p("watching_list", SIGNED_IN),
    p("email_preferences", SIGNED_IN),
    # Communities
    p("community_list", ALL),
    p("community_detail", ALL, slug),
    p("community_members", SIGNED_IN, slug),
    p("community_join", SIGNED_IN, lambda w: w.elsewhere.slug),
    p("community_leave", (M,), slug),
    p("community_settings", (L,), slug),
    p("community_requests", (L,), slug),
    p("request_decide", (L,), slug, lambda w: w.join_request.pk),
    p("member_remove", (L,), slug, lambda w: w.users["member"].pk),
    p("community_invitations", (L,), slug),
    p("invitation_accept", (V,), INVITATION_TOKEN),
    p("invitation_elsewhere", (M,), INVITATION_TOKEN, name="invitation_accept", status=403),
    p("invitation_invalid", (V,), "no-such-token", name="invitation_accept", status=404),
    p("proposal_create", SIGNED_IN),
    p("proposal_mine", SIGNED_IN),
    p("proposal_queue", (S,)),
    p("proposal_review", (S,), lambda w: w.proposal.pk),
    # Posts
    p("post_list", ALL),
    p("my_posts", SIGNED_IN),
    p("archives", ALL),
    p(
        "archive_month",
        ALL,
        lambda w: timezone.localdate().year,
        lambda w: timezone.localdate().month,
    ),
    p("tag_list", ALL),
    p("tag_detail", ALL, "handbooks"),
    p("community_posts", ALL, slug),
    p("community_summaries", ALL, slug),
    p("community_review", (L,), slug),
    p("post_create", SIGNED_IN, slug),
    p("post_detail", ALL, lambda w: w.thread.pk),
    p("question_detail", ALL, lambda w: w.question.pk, name="post_detail"),
    p("featured_detail", ALL, lambda w: w.featured.pk, name="post_detail"),
    p("summary_detail", ALL, lambda w: w.summary.pk, name="post_detail"),
    p("pending_detail", (M, L), lambda w: w.pending.pk, name="post_detail"),
    p("post_edit", SIGNED_IN, lambda w: w.thread.pk),
    p("post_history", SIGNED_IN, lambda w: w.thread.pk),
    p("post_review", (L,), lambda w: w.pending.pk),
    p("post_move", (L,), lambda w: w.thread.pk),
    p("post_delete", (L,), lambda w: w.thread.pk),
    p("summary_create", (L,), lambda w: w.featured.pk),
    p("comment_edit", (M,), lambda w: w.comment.pk),
    p("comment_edit_refused", (L,), lambda w: w.comment.pk, name="comment_edit", status=403),
    p("comment_delete", SIGNED_IN, lambda w: w.comment.pk),
    # Events
    p("event_list", ALL),
    p("event_past", ALL),
    p("calendar_settings", SIGNED_IN),
    p("event_create_platform", (S,)),
    p("community_events", ALL, slug),
    p("event_create", (L,), slug),
    p("event_detail", ALL, lambda w: w.event.pk),
    p("event_in_person", ALL, lambda w: w.extra["in_person"].pk, name="event_detail"),
    p("event_past_detail", ALL, lambda w: w.past_event.pk, name="event_detail"),
    p("event_edit", (L,), lambda w: w.event.pk),
    p("event_cancel", (L,), lambda w: w.event.pk),
    p("event_registrations", (L,), lambda w: w.event.pk),
    p("event_certificate", (M,), lambda w: w.past_event.pk),
    # Library
    p("library", ALL),
    p("community_library", ALL, slug),
    p("resource_create", SIGNED_IN, slug),
    p("resource_detail", ALL, lambda w: w.resource.pk),
    p("resource_edit", SIGNED_IN, lambda w: w.resource.pk),
    p("version_add", SIGNED_IN, lambda w: w.resource.pk),
    p("resource_move", (L,), lambda w: w.resource.pk),
    p("resource_delete", (L,), lambda w: w.resource.pk),
    # Newsletter
    p("newsletter_archive", ALL),
    p("newsletter_issue", ALL, lambda w: w.extra["newsletter_issue"].pk),
    p("newsletter_subscribe", (V,)),
    p("newsletter_confirm", (V,), lambda w: w.extra["confirm_token"]),
    p("newsletter_confirm_invalid", (V,), "not-a-token", name="newsletter_confirm"),
    p("newsletter_unsubscribe", (V,), lambda w: w.extra["unsubscribe_token"]),
    p("newsletter_preferences", (M,)),
    p("newsletter_manage", (S,)),
    p("newsletter_compose", (S,)),
    p("newsletter_issue_manage", (S,), lambda w: w.extra["newsletter_draft"].pk),
    p(
        "newsletter_sent_manage",
        (S,),
        lambda w: w.extra["newsletter_issue"].pk,
        name="newsletter_issue_manage",
    ),
    p("newsletter_edit", (S,), lambda w: w.extra["newsletter_draft"].pk),
    # Accounts (django-allauth, in the site's templates)
    p("account_login", (V,)),
    p("account_signup", (V,)),
    p("account_inactive", (V,)),
    p("account_email_verification_sent", (V,)),
    p("account_reset_password", (V,)),
    p("account_reset_password_done", (V,)),
    p("account_reset_password_from_key_done", (V,)),
    Page(
        "account_reset_password_from_key",
        "account_reset_password_from_key",
        lambda w: reverse("account_reset_password_from_key", args=["zz", "bad-key"]),
        (V,),
    ),
    p("account_confirm_email", (V,), "not-a-key"),
    p("account_logout", (M,)),
    p("account_reauthenticate", (M,)),
    p("account_email", (M,)),
    p("account_change_password", (M,)),
    # The site's refusals and errors
    Page("error_404", None, lambda w: "/no-such-page/", ALL, status=404),
    p("error_403", (V,), lambda w: w.quiet.slug, name="community_members", status=403),
    p("error_403_signed_in", (M,), slug, name="community_settings", status=403),
    p("error_405", (M,), name="notifications_read", status=405),
    Page(
        "error_413",
        "post_create",
        lambda w: reverse("post_create", args=[w.community.slug]),
        (M,),
        status=413,
        post_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1,
    ),
]

# URL patterns that are not pages of their own: why each is left out.
NOT_PAGES = {
    "healthz": "plain text for monitors",
    "ping": "plain text for monitors",
    "set_language": "redirects back",
    "account_set_password": "redirects (every account has a password)",
    "account_confirm_login_code": "redirects (log-in codes are off)",
    **dict.fromkeys(
        (
            "event_ics",
            "registrations_csv",
            "community_feed_public",
            "feed_personal",
            "feed_community",
            "resource_download",
            "version_download",
            "web_manifest",
            "service_worker",
            "favicon",
            "person_photo",
            "community_emblem",
        ),
        "a file, not a page",
    ),
    # Addresses that only take forms: a GET shows the one 405 page (error_405 above).
    **dict.fromkeys(
        (
            "notifications_read",
            "watch_change",
            "request_withdraw",
            "member_role",
            "invitation_revoke",
            "post_moderate",
            "post_reopen",
            "comment_create",
            "answer_accept",
            "comment_react",
            "event_register",
            "event_unregister",
            "registration_decide",
            "event_attendance",
            "event_attended_self",
            "material_add",
            "event_followup",
            "resource_approve",
            "resource_confirm",
            "resource_manage",
            "resource_comment",
            "post_react",
            "newsletter_send_test",
            "newsletter_send",
            "newsletter_delete",
            "newsletter_resume",
        ),
        "takes forms only",
    ),
    "post_unread": "redirects to the page of the first unread comment",
    "comment_goto": "redirects to the page the comment is on",
    "notification_go": "marks the notification read and redirects to what it points at",
}

PAGES += [
    *DIRECTORY_PAGES, *SEARCH_PAGES, *KNOWLEDGE_PAGES, *MESSAGING_PAGES, *GOVERNANCE_PAGES,
    *CONSULTATIONS_PAGES, *MODERATION_PAGES, *STANDING_PAGES, *RECOGNITION_PAGES,
    *WORKGROUPS_PAGES,
]  # fmt: skip
PAGES += REPORTS_PAGES
NOT_PAGES |= {
    **DIRECTORY_NOT_PAGES, **SEARCH_NOT_PAGES, **KNOWLEDGE_NOT_PAGES, **MESSAGING_NOT_PAGES,
    **GOVERNANCE_NOT_PAGES, **MODERATION_NOT_PAGES, **STANDING_NOT_PAGES,
    **RECOGNITION_NOT_PAGES, **WORKGROUPS_NOT_PAGES,
}  # fmt: skip
NOT_PAGES |= CONSULTATIONS_NOT_PAGES
NOT_PAGES |= REPORTS_NOT_PAGES
