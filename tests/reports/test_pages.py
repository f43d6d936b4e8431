"""The report pages through HTTP: who may read them, what they reveal, CSV, charts."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _url(small):
    return reverse("community_report", args=[small.community.slug])


def test_the_chair_reads_the_report(client, small):
    client.force_login(small.chair)
    page = client.get(_url(small)).content.decode()
    assert "Participation levels" in page
    assert "Core: 10 or more contributions" in page  # the definitions are on the page
    assert "Who handles bail reviews?" in page  # unanswered, listed
    assert "Nunavut" in page and "Ontario (CA-ON)" in page
    assert "Hours to a first answer, median" in page
    assert f'href="/communities/{small.community.slug}/report/participation.csv?period=30d"' in page


@pytest.mark.parametrize("who", ["other_chair", "member", "outsider"])
def test_others_are_refused_without_learning_anything(client, small, who):
    user = {"other_chair": small.other_chair, "member": small.a, "outsider": UserFactory()}[who]
    client.force_login(user)
    response = client.get(_url(small))
    assert response.status_code == 404
    assert "Bail" not in response.content.decode()
    csv_url = reverse("community_report_csv", args=[small.community.slug, "unanswered"])
    assert client.get(csv_url).status_code == 404


def test_staff_read_any_community_and_the_platform(client, small):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(_url(small)).status_code == 200
    page = client.get(reverse("platform_report")).content.decode()
    assert "Tidewater Circle" in page and "Other Circle" in page
    assert "Health" in page and "Good: all three" in page


def test_a_leader_cannot_read_the_platform_report(client, small):
    client.force_login(small.chair)
    assert client.get(reverse("platform_report")).status_code == 403
    assert client.get(reverse("platform_report_csv", args=["communities"])).status_code == 403


def test_every_table_downloads_as_csv_with_the_pages_numbers(client, small):
    client.force_login(small.chair)
    response = client.get(
        reverse("community_report_csv", args=[small.community.slug, "questions"]) + "?period=30d"
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Measure", "Value"]
    assert ["Answered share", "67%"] in rows
    assert ["Hours to a first answer, 90th percentile", "4.0"] in rows
    missing = reverse("community_report_csv", args=[small.community.slug, "nothing"])
    assert client.get(missing).status_code == 404


def test_csv_quotes_what_a_spreadsheet_would_run(client, small):
    small.q1.title = "=HYPERLINK(1)"
    small.q1.save()
    client.force_login(small.chair)
    url = reverse("community_report_csv", args=[small.community.slug, "unanswered"])
    assert "'=HYPERLINK(1)" in client.get(url).content.decode()


def test_charts_have_text_alternatives_and_a_table(client, small):
    client.force_login(small.chair)
    page = client.get(_url(small)).content.decode()
    assert page.count('role="img"') >= 4
    assert "<script" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<title id=" in page and "<desc id=" in page
    assert "Core: 1; Active: 1; Occasional: 1; Reading only: 1; Not seen: 1" in page


def test_dates_and_a_bad_period(client, small):
    client.force_login(small.chair)
    page = client.get(_url(small) + "?start=2020-01-01&end=2020-01-31").content.decode()
    assert "January 1, 2020" in page or "2020-01-01" in page
    page = client.get(_url(small) + "?start=nonsense&end=").content.decode()
    assert "Please give both dates" in page


def test_platform_sorts_by_a_measure(client, small):
    client.force_login(UserFactory(is_staff=True))
    page = client.get(reverse("platform_report") + "?sort=comments&dir=desc").content.decode()
    assert page.index("Tidewater Circle") < page.index("Other Circle")
    page = client.get(reverse("platform_report") + "?sort=comments&dir=asc").content.decode()
    table = page.split('id="side-by-side"', 1)[1]
    assert table.index("Other Circle") < table.index("Tidewater Circle")


def test_query_counts_are_pinned(client, small, django_assert_num_queries):
    """The same number of queries whatever the number of communities and members."""
    from tests.factories import CommunityFactory, make_member

    client.force_login(small.chair)
    client.get(_url(small))
    with django_assert_num_queries(34):
        client.get(_url(small))
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    client.get(reverse("platform_report"))
    with django_assert_num_queries(30):
        client.get(reverse("platform_report"))
    for _i in range(3):
        make_member(CommunityFactory(), role="chair")
    with django_assert_num_queries(30):
        client.get(reverse("platform_report"))


def test_a_long_table_shows_its_first_rows_and_the_csv_has_all(client, small, monkeypatch):
    from practica.reports import build

    monkeypatch.setattr(build, "SHOWN_ROWS", 1)
    small.q3.comments.all().delete()  # now two unanswered
    client.force_login(small.chair)
    page = client.get(_url(small)).content.decode()
    assert "1 more in the CSV file." in page
    url = reverse("community_report_csv", args=[small.community.slug, "unanswered"])
    assert client.get(url).content.decode().count("\n") == 3  # the header and both
