"""The reports' pages for the every-page browser test (see pages.py). The showcase's
rollups are rebuilt first (a fixture builds its content without the task queue)."""

from tests.browser.page_kit import L, Page, S, p


def slug(w):
    from practica.reports.rollups import rollups_rebuild

    rollups_rebuild()
    return w.community.slug


REPORTS_PAGES: list[Page] = [
    p("community_report", (L, S), slug),
    p("platform_report", (S,)),
]
REPORTS_NOT_PAGES: dict[str, str] = {
    "community_report_csv": "a CSV file linked under each table of the report",
    "platform_report_csv": "a CSV file linked under each table of the platform report",
}
