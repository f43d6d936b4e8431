"""The working groups' pages (and a scheduled post) for the every-page browser test (see
pages.py); what they show is made by tests/browser/showcase_workgroups.py."""

from tests.browser.page_kit import ALL, L, M, Page, p


def slug(w):
    return w.community.slug


def group(key):
    return lambda w: w.extra[key].slug


WORKGROUPS_PAGES: list[Page] = [
    p("group_list", ALL, slug),
    p("group_detail", ALL, slug, group("group")),
    p("group_detail_closed", (M,), slug, group("closed_group"), name="group_detail"),
    p("group_detail_archived", ALL, slug, group("archived_group"), name="group_detail"),
    p("group_create", (L,), slug),
    p("group_edit", (L,), slug, group("group")),
    p("group_archive", (L,), slug, group("group")),
    p("community_scheduled", (M, L), slug),
    p("post_detail_scheduled", (L,), lambda w: w.extra["scheduled"].pk, name="post_detail"),
]
WORKGROUPS_NOT_PAGES: dict[str, str] = {
    "group_join": "a button on the group's page (POST only)",
    "group_leave": "a button on the group's page (POST only)",
    "group_members": "the lead's buttons and form on the group's page (POST only)",
}
