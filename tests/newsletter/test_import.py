"""Addresses brought in by the staff keep how their consent was given."""

import pytest
from django.core.management import call_command

from practica.newsletter.consent import CONSENT_VERSION, CONSENT_WORDING
from practica.newsletter.models import Subscriber

pytestmark = pytest.mark.django_db


def test_import_subscribes_new_addresses_and_leaves_unsubscribed_ones(tmp_path, capsys):
    Subscriber.objects.create(email="left@example.org", status="unsubscribed")
    path = tmp_path / "list.txt"
    path.write_text("New@Example.org\nleft@example.org\nnot an address\n# a comment\n")
    call_command("newsletter_import", str(path), "--wording-version", "0")
    new = Subscriber.objects.get(email="new@example.org")
    assert new.status == "subscribed" and new.consent_method == "import"
    assert [(c.action, c.method, c.wording_version) for c in new.consents.all()] == [
        ("given", "import", 0)
    ]
    assert Subscriber.objects.get(email="left@example.org").status == "unsubscribed"
    assert "1 subscribed, 2 left as they were." in capsys.readouterr().out


def test_the_current_wording_has_the_highest_version():
    assert max(CONSENT_WORDING) == CONSENT_VERSION and str(CONSENT_WORDING[CONSENT_VERSION])


def test_demo_newsletter_fills_the_archive(client, staff, community, member):
    from django.urls import reverse

    from practica.newsletter.demo import seed_newsletter

    seed_newsletter(staff=staff, members=[member], community=community)
    content = client.get(reverse("newsletter_archive")).content.decode()
    assert "Spring round-up" in content and "Summer issue" in content
    assert "autumn meeting" not in content  # the draft
    assert Subscriber.objects.get(user=member).status == "subscribed"
