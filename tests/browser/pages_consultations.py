"""The consultations app's pages for the every-page browser test (see pages.py)."""

from tests.browser.page_kit import ALL, SIGNED_IN, L, M, Page, V, p  # noqa: F401


def slug(w):
    return w.community.slug


def survey(w):
    return w.extra["survey"].pk


CONSULTATIONS_PAGES: list[Page] = [
    p("community_surveys", (M, L), slug),
    p("survey_create", (L,), slug),
    p("survey_detail", (M, L), survey),
    p("survey_edit", (L,), survey),
    p("survey_questions", (L,), lambda w: w.extra["survey_draft"].pk),
    p("survey_results", (L,), survey),
    p("survey_summary", (L,), survey),
    p("consultation", (V, M), lambda w: w.extra["consultation"].token),
]
CONSULTATIONS_NOT_PAGES: dict[str, str] = {
    "poll_vote": "a form in the post's page (POST only)",
    "survey_open": "a button on the questions page (POST only)",
    "survey_remind": "a button on the survey's page (POST only)",
    "survey_close": "a button on the survey's page (POST only)",
    "survey_results_csv": "a CSV file",
    "survey_answers_csv": "a CSV file",
}
