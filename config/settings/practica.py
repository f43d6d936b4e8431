"""Practica's own settings, read from environment variables (README, "Configuration"),
one section for each app that has some. Imported by base.py."""

import environ

env = environ.Env()

# --- Practica ----------------------------------------------------------------------
PRACTICA_INVITATION_DAYS = env.int("INVITATION_DAYS", default=14)
WEB_WORKERS = env.int("WEB_WORKERS", default=0)  # 0: chosen from the cache backend
PRACTICA_HOME_RECENT_DAYS = env.int("HOME_RECENT_DAYS", default=14)
# Longest an anonymous page is reused (changes invalidate it at once); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PRACTICA_ARCHIVE_AFTER_DAYS = env.int("ARCHIVE_AFTER_DAYS", default=180)
PRACTICA_NEW_ACCOUNT_LIMITS = {
    "hours": env.int("NEW_ACCOUNT_HOURS", default=24),
    "posts": env.int("NEW_ACCOUNT_POSTS", default=3),
    "comments": env.int("NEW_ACCOUNT_COMMENTS", default=10),
    "post_interval_seconds": env.int("NEW_ACCOUNT_POST_INTERVAL", default=30),
}
PRACTICA_PERIODIC_TASKS = [
    ("practica.discussions.tasks.featured_close_due_task", env.int("CLOSE_FEATURED_EVERY", 300)),
    # Scheduled posts are published, and expiring ones leave the lists, within this delay.
    ("practica.discussions.tasks.scheduled_posts_task", env.int("PUBLISH_SCHEDULED_EVERY", 60)),
]
PRACTICA_EVENT_REMINDER_MINUTES = env.list(
    "EVENT_REMINDER_MINUTES", cast=int, default=[24 * 60, 60]
)
PRACTICA_PERIODIC_TASKS.append(
    ("practica.events.tasks.reminders_task", env.int("REMINDERS_EVERY", 120))
)
PRACTICA_UPLOAD_MAX_MB = env.int("UPLOAD_MAX_MB", default=25)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
PRACTICA_PERIODIC_TASKS.append(
    ("practica.library.tasks.review_reminders_task", env.int("REVIEW_REMINDERS_EVERY", 3600))
)

# --- Newsletter (practica/newsletter) -----------------------------------------------
PRACTICA_NEWSLETTER_CHUNK = env.int("NEWSLETTER_CHUNK", default=500)  # emails per task
PRACTICA_NEWSLETTER_CONFIRM_DAYS = env.int("NEWSLETTER_CONFIRM_DAYS", default=7)
PRACTICA_NEWSLETTER_SIGNUPS_PER_HOUR = env.int("NEWSLETTER_SIGNUPS_PER_HOUR", default=10)
PRACTICA_PERIODIC_TASKS.append(
    (
        "practica.newsletter.tasks.newsletter_resume_stalled_task",
        env.int("NEWSLETTER_RESUME_EVERY", 600),
    )
)

# --- Housekeeping: the scheduler deletes what has outlived its use (0 keeps it forever) ---
PRACTICA_KEEP_TASK_RESULTS_DAYS = env.int("KEEP_TASK_RESULTS_DAYS", default=14)
PRACTICA_KEEP_EXPIRED_INVITATIONS_DAYS = env.int("KEEP_EXPIRED_INVITATIONS_DAYS", default=30)
PRACTICA_KEEP_READ_NOTIFICATIONS_DAYS = env.int("KEEP_READ_NOTIFICATIONS_DAYS", default=180)
PRACTICA_PERIODIC_TASKS += [
    (path, env.int("HOUSEKEEPING_EVERY", default=6 * 3600))
    for path in (
        "practica.core.tasks.sessions_delete_expired_task",
        "practica.core.tasks.task_results_delete_old_task",
        "practica.communities.tasks.invitations_delete_expired_task",
        "practica.notifications.tasks.notifications_delete_read_task",
        "practica.notifications.digests.tasks.digests_forget_old_task",
    )
]

# --- Digests (issue 12 §4): at each member's hour, in their zone ----------------------
PRACTICA_PERIODIC_TASKS.append(
    ("practica.notifications.digests.tasks.digests_due_task", env.int("DIGESTS_EVERY", 600))
)
DIGEST_CHUNK = env.int("DIGEST_CHUNK", default=500)  # members a task
DIGEST_CATCH_UP_HOURS = env.int("DIGEST_CATCH_UP_HOURS", default=3)  # late, but sent
DIGEST_CLAIM_STALE_MINUTES = env.int("DIGEST_CLAIM_STALE_MINUTES", default=30)
EMAIL_LINK_DAYS = env.int("EMAIL_LINK_DAYS", default=60)  # unsubscribe and manage links


# --- Search (issue 13 §1; practica/search) ------------------------------------------
from django.utils.translation import gettext_lazy as _  # noqa: E402

# The languages content is written in ("Written in" on posts, events): search stems by it.
PRACTICA_CONTENT_LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
PRACTICA_SEARCH_ENGINE = env.str("SEARCH_ENGINE", default="")  # empty: by database vendor
PRACTICA_SEARCH_CHUNK = env.int("SEARCH_CHUNK", default=1000)  # objects per indexing task
PRACTICA_SEARCH_PER_PAGE = 20
# A word matching more than this many documents is searched among its newest matches.
PRACTICA_SEARCH_WINDOW = env.int("SEARCH_WINDOW", default=1000)
# How long the engine's matches for some words are kept before being read afresh (candidates.py).
PRACTICA_SEARCH_CANDIDATES_SECONDS = env.int("SEARCH_CANDIDATES_SECONDS", default=300)

# --- Directory and knowledge map (issue 13 §2-4; practica/directory, practica/knowledge) --

# knowledge: a question with no comment and no accepted answer after this many days is
# "unanswered" in what are we missing; leaders hear of a request this many days before its
# deadline; the deadline task runs every REQUEST_DEADLINES_EVERY seconds.
PRACTICA_UNANSWERED_AFTER_DAYS = env.int("UNANSWERED_AFTER_DAYS", default=7)
PRACTICA_REQUEST_WARN_DAYS = env.int("REQUEST_WARN_DAYS", default=2)
# The knowledge map's counts of contributions are kept this many seconds (0: not kept),
# shared by viewers who may read the same communities.
PRACTICA_KNOWLEDGE_CACHE_SECONDS = env.int("KNOWLEDGE_CACHE_SECONDS", default=300)
PRACTICA_PERIODIC_TASKS.append(
    ("practica.knowledge.tasks.requests_deadline_task", env.int("REQUEST_DEADLINES_EVERY", 3600))
)

# --- Private messages (issue 13 §5; practica/messaging) -----------------------------
# New accounts (within PRACTICA_NEW_ACCOUNT_LIMITS["hours"] of signing up: the lowest trust
# level) start no conversations (issue 14) and send a few replies.
PRACTICA_MESSAGING_NEW_ACCOUNT_LIMITS = {
    "messages": env.int("NEW_ACCOUNT_MESSAGES", default=20),
}

# --- Surveys and consultations (practica/consultations) ----------------------------------
# Announces surveys whose opening date has come and reminds, once, those who have not
# answered a survey closing within two days.
PRACTICA_PERIODIC_TASKS.append(
    ("practica.consultations.tasks.surveys_due_task", env.int("SURVEYS_DUE_EVERY", 900))
)
# New signed-out answers to one public consultation from one address (IP) per hour.
PRACTICA_CONSULTATION_ANSWERS_PER_HOUR = env.int("CONSULTATION_ANSWERS_PER_HOUR", default=30)

# --- Trust levels (issue 14; practica/communities/trust.py) ---------------------------
# new → member after PRACTICA_NEW_ACCOUNT_LIMITS["hours"] (the new-account limits apply while
# new); member → regular by time, reading and contributions without upheld flags.
PRACTICA_TRUST = {
    "regular_days": env.int("TRUST_REGULAR_DAYS", default=30),
    "regular_reads": env.int("TRUST_REGULAR_READS", default=20),
    "regular_contributions": env.int("TRUST_REGULAR_CONTRIBUTIONS", default=5),
    "flag_window_days": env.int("TRUST_FLAG_WINDOW_DAYS", default=180),
}
# Suspensions end by themselves (every check compares the end with now); this only tells
# the member that theirs has ended.
PRACTICA_PERIODIC_TASKS.append(
    ("practica.communities.tasks.suspensions_ended_task", env.int("SUSPENSIONS_ENDED_EVERY", 900))
)
# --- Recognition (issue 15 §2; practica/recognition) ---------------------------------
# Badges are awarded on the activities that earn them and recounted for everyone by a task
# the scheduler runs every RECOGNITION_EVERY seconds (daily: time-based badges, downloads).
PRACTICA_PERIODIC_TASKS.append(
    ("practica.recognition.tasks.awards_daily_task", env.int("RECOGNITION_EVERY", 24 * 3600))
)
# A professional development record counts at most this many hours for each day an event
# spans (a three-day conference is not 72 hours of learning).
PRACTICA_DEVELOPMENT_HOURS_A_DAY = env.int("DEVELOPMENT_HOURS_A_DAY", default=8)

# --- Reports (practica/reports) --------------------------------------------------------------
# From the first of each month, last month's report is emailed to each community's leaders
# and the platform's to the host staff; the task runs every MONTHLY_REPORTS_EVERY seconds
# and sends each report once.
PRACTICA_PERIODIC_TASKS.append(
    ("practica.reports.tasks.monthly_reports_task", env.int("MONTHLY_REPORTS_EVERY", 3600))
)
# The countries whose provinces, territories or states a profile offers (ISO 3166-1 codes).
PRACTICA_REGION_COUNTRIES = env.list("REGION_COUNTRIES", default=["CA", "US"])
