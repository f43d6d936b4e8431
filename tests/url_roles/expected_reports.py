"""Expected statuses by role for the reports' URLs (see expected.py): a community's report
and its CSV files for its leaders and staff (404 for anyone else), the platform's for staff."""

from .world import STAFF, row

LEADERS_ONLY_404 = row(302, 404, 404, 404, 404, 200, 200)


def slug(w):
    return {"slug": w.community.slug}


def slug_table(w):
    return {"slug": w.community.slug, "table": "participation"}


def table(w):
    return {"table": "communities"}


REPORTS: dict = {
    "community_report": (slug, LEADERS_ONLY_404),
    "community_report_csv": (slug_table, LEADERS_ONLY_404),
    "platform_report": (None, STAFF),
    "platform_report_csv": (table, STAFF),
}
