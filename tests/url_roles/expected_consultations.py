"""Expected statuses by role for the consultations app's URLs (see expected.py).

In the members-only community: an open members' survey (named), answered by nobody yet, a
public consultation reached by its link, and a poll on the member's private thread."""

from .world import LEADERS, LEADERS_404, MEMBERS_404, row

ALL_405 = row(405, 405, 405, 405, 405, 405, 405)
# Results while the survey is open: its leaders (and staff); members wait for the close.
RESULTS_OPEN = row(404, 404, 404, 403, 404, 200, 200)
ANYONE = row(200, 200, 200, 200, 200, 200, 200)


def _surveys(w):
    if not hasattr(w, "survey"):
        from datetime import timedelta

        from django.utils import timezone

        from practica.consultations import services

        leader = w.users["leader"]
        made = []
        for title, audience in (("Marram private survey", "members"),
                                ("Open consultation on bail", "public")):  # fmt: skip
            survey = services.survey_create(
                actor=leader, community=w.community, title=title, audience=audience,
                anonymous=audience == "public", opens_at=timezone.now(),
                closes_at=timezone.now() + timedelta(days=5),
            )  # fmt: skip
            services.question_add(actor=leader, survey=survey, kind="single", text="Which?",
                                  choices="One\nTwo")  # fmt: skip
            services.survey_open(actor=leader, survey=survey)
            made.append(survey)
        w.survey, w.consultation = made
    return w


def survey(w):
    return {"pk": _surveys(w).survey.pk}


def token(w):
    return {"token": _surveys(w).consultation.token}


def slug(w):
    return {"slug": w.community.slug}


def poll(w):
    if not hasattr(w, "poll"):
        from datetime import timedelta

        from django.utils import timezone

        from practica.consultations.services import poll_create

        w.poll = poll_create(
            actor=w.users["member"], post=w.post, question="Marram private poll",
            options=["Yes", "No"], closes_at=timezone.now() + timedelta(days=2),
        )  # fmt: skip
    return {"pk": w.poll.pk}


CONSULTATIONS: dict = {
    "poll_vote": (poll, ALL_405),
    # The list shows each person only the surveys they may see (outsiders: none).
    "community_surveys": (slug, ANYONE),
    "survey_create": (slug, LEADERS),
    "survey_detail": (survey, MEMBERS_404),
    "survey_edit": (survey, LEADERS_404),
    "survey_questions": (survey, LEADERS_404),
    "survey_open": (survey, ALL_405),
    "survey_remind": (survey, ALL_405),
    "survey_close": (survey, ALL_405),
    "survey_results": (survey, RESULTS_OPEN),
    "survey_results_csv": (survey, RESULTS_OPEN),
    "survey_answers_csv": (survey, LEADERS_404),
    "survey_summary": (survey, LEADERS_404),
    # The link is the permission: anyone who has it, signed in or not.
    "consultation": (token, ANYONE),
}
