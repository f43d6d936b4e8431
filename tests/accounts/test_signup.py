"""Sign-up, verification, log-in, reset and email change, through real requests."""

import re
import statistics
import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from practica.accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def _sign_up(client, email: str):
    passphrase = "a long passphrase 42"
    data = {"email": email, "password1": passphrase, "password2": passphrase}
    return client.post(reverse("account_signup"), data)


def test_signup_verify_email_then_complete_profile(client):
    response = _sign_up(client, "New@Example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.org"]

    confirm = _link(mail.outbox[0])
    page = client.get(confirm)
    assert page.status_code == 200
    response = client.post(confirm)
    # Logged in on confirmation, and sent to say who they are before anything else.
    assert response["Location"].startswith(reverse("profile_edit"))
    response = client.post(
        reverse("profile_edit"),
        {"display_name": "Ada Okoro", "affiliation": "Legal Aid Lagos", "occupation": "lawyer"},
        follow=True,
    )
    assert "Your profile has been saved." in response.content.decode()
    user = User.objects.get(email="new@example.org")
    assert user.profile_complete


def test_login_is_refused_until_the_email_is_verified(client):
    UserFactory(email="unverified@example.org", verified=False)
    response = client.post(
        reverse("account_login"), {"login": "unverified@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "password, message",
    [
        ("short1A!", "at least 10 characters"),
        ("password123", "too common"),
        ("12345678901", "entirely numeric"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(client, password, message):
    response = client.post(
        reverse("account_signup"),
        {"email": "weak@example.org", "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email="weak@example.org").exists()


def test_signup_with_a_taken_address_answers_the_same_and_warns_the_owner(client):
    UserFactory(email="taken@example.org")
    response = _sign_up(client, "taken@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="taken@example.org").count() == 1
    assert mail.outbox and mail.outbox[0].to == ["taken@example.org"]


def test_password_reset_answers_the_same_for_unknown_addresses(client):
    UserFactory(email="known@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "known@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_password_reset_by_email_link(client):
    UserFactory(email="forgot@example.org")
    client.post(reverse("account_reset_password"), {"email": "forgot@example.org"})
    link = _link(mail.outbox[-1])
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(
        form_url, {"password1": "a brand new passphrase", "password2": "a brand new passphrase"}
    )
    assert response.status_code == 302
    client.logout()
    assert client.login(email="forgot@example.org", password="a brand new passphrase")


def test_login_is_throttled_after_five_failures_per_account(client):
    UserFactory(email="target@example.org")
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": "target@example.org", "password": "wrong guess 1"}
        )
        assert response.status_code == 200
    response = client.post(
        reverse("account_login"), {"login": "target@example.org", "password": PASSWORD}
    )
    # Even the right password is refused until the window passes.
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_login_is_throttled_per_address_across_accounts(client):
    for n in range(20):
        client.post(
            reverse("account_login"),
            {"login": f"guess{n}@example.org", "password": "wrong guess 1"},
        )
    UserFactory(email="innocent@example.org")
    response = client.post(
        reverse("account_login"), {"login": "innocent@example.org", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_changing_email_requires_reauthentication_and_verification(client):
    user = UserFactory(email="old@example.org")
    client.force_login(user)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "new@example.org"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not mail.outbox  # nothing happens before the password is given again
    # Re-authenticating resumes the change that was asked for.
    client.post(response["Location"], {"password": PASSWORD})
    assert mail.outbox[-1].to == ["new@example.org"]
    user.refresh_from_db()
    assert user.email == "old@example.org"  # until the new address is verified
    client.post(_link(mail.outbox[-1]))
    user.refresh_from_db()
    assert user.email == "new@example.org"


def test_logout(client, user):
    client.force_login(user)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_answers_the_same_for_unknown_accounts_and_wrong_passwords(client):
    UserFactory(email="exists@example.org")
    wrong = client.post(
        reverse("account_login"), {"login": "exists@example.org", "password": "not it at all"}
    )
    unknown = client.post(
        reverse("account_login"), {"login": "ghost@example.org", "password": "not it at all"}
    )
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].errors == unknown.context["form"].errors


class CountingHasher(PBKDF2PasswordHasher):
    """Django's real, deliberately slow hasher (a quarter of the default iterations, to
    spare the shared test machine), counting the passwords it hashes."""

    iterations = PBKDF2PasswordHasher.iterations // 4
    calls = 0

    def encode(self, password, salt, iterations=None):
        type(self).calls += 1
        return super().encode(password, salt, iterations)


REAL_HASHER = override_settings(PASSWORD_HASHERS=["tests.accounts.test_signup.CountingHasher"])


def test_signup_does_the_same_work_whether_or_not_the_address_is_taken(client):
    UserFactory(email="taken@example.org")
    work = {}
    with REAL_HASHER:
        for email in ("taken@example.org", "fresh@example.org"):
            CountingHasher.calls, mail.outbox = 0, []
            response = _sign_up(client, email)
            assert response["Location"] == reverse("account_email_verification_sent")
            work[email] = (CountingHasher.calls, len(mail.outbox), mail.outbox[0].to)
    assert work["taken@example.org"] == (1, 1, ["taken@example.org"])
    assert work["fresh@example.org"] == (1, 1, ["fresh@example.org"])


def test_signup_takes_as_long_whether_or_not_the_address_is_taken(client):
    """Before, a taken address answered in ~10 ms and a new one in ~210 ms: the password was
    hashed only for new accounts. Medians of interleaved runs, with a wide margin for a busy
    machine; the gap this catches is tenfold or more."""
    rounds = 5
    for n in range(rounds):
        UserFactory(email=f"taken{n}@example.org")
    timings: dict[str, list[float]] = {"taken": [], "fresh": []}
    with REAL_HASHER:
        for n in range(rounds):
            for kind in ("taken", "fresh"):
                started = time.perf_counter()
                response = _sign_up(client, f"{kind}{n}@example.org")
                timings[kind].append(time.perf_counter() - started)
                assert response.status_code == 302
    taken, fresh = (statistics.median(timings[k]) for k in ("taken", "fresh"))
    assert min(taken, fresh) > 0.5 * max(taken, fresh), timings
