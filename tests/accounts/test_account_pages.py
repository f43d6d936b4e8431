"""The account pages are Practica's own, and each step works through its HTML form alone.

The forms are read from the page and sent back as a browser without JavaScript would send
them (every field the page holds, the CSRF token checked), so a wrong action, field name
or missing token fails here."""

import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from practica.accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

STOCK_WORDS = [
    "Sign In",
    "Sign Up",
    "Signup",
    "Sign Out",
    "Remember Me",
    "Menu:",
    "Messages:",
    "Confirm Access",
    "Email Addresses",
    "Bad Token",
    "Verify Your Email Address",
    "Password (again)",
    "Forgot Password",
    "placeholder=",
]


class _Forms(HTMLParser):
    """Each <form>: its method, action, fields (name -> value) and submit buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._button: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {
                "method": (a.get("method") or "get").lower(),
                "action": a.get("action"),
                "fields": {},
                "checkboxes": set(),
                "buttons": [],
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            if a.get("type") == "checkbox":
                self._form["checkboxes"].add(a["name"])
                if "checked" in a:
                    self._form["fields"][a["name"]] = a.get("value") or "on"
            else:
                self._form["fields"][a["name"]] = a.get("value") or ""
        elif tag == "button":
            self._button = {"name": a.get("name"), "text": ""}
            self._form["buttons"].append(self._button)

    def handle_data(self, data):
        if self._button is not None:
            self._button["text"] += data

    def handle_endtag(self, tag):
        if tag == "button":
            self._button = None
        elif tag == "form":
            self._form = None


def submit(client: Client, response, button: str, **values: str):
    """Send the form holding `button` as a browser would, with `values` typed in."""
    parser = _Forms()
    parser.feed(response.content.decode())
    for form in parser.forms:
        pressed = [b for b in form["buttons"] if b["text"].strip() == button]
        if pressed:
            break
    else:
        raise AssertionError(f"no form with a {button!r} button")
    assert form["method"] == "post"
    unknown = set(values) - set(form["fields"]) - form["checkboxes"]
    assert not unknown, f"the form has no field {unknown}"
    data = {**form["fields"], **values}
    if pressed[0]["name"]:
        data[pressed[0]["name"]] = ""
    return client.post(form["action"] or response.request["PATH_INFO"], data)


def _title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


ANONYMOUS_PAGES = [
    ("account_login", {}, "Log in"),
    ("account_signup", {}, "Create your account"),
    ("account_reset_password", {}, "Reset your password"),
    ("account_reset_password_done", {}, "Check your email"),
    ("account_email_verification_sent", {}, "Check your email"),
    ("account_reset_password_from_key", {"uidb36": "zz", "key": "bad"}, "This link no longer"),
    ("account_reset_password_from_key_done", {}, "Your password has been changed"),
    ("account_confirm_email", {"key": "not-a-key"}, "Confirm your email address"),
    ("account_inactive", {}, "This account is closed"),
]
MEMBER_PAGES = [
    ("account_email", "Your email address"),
    ("account_change_password", "Change your password"),
    ("account_logout", "Log out"),
    ("account_reauthenticate", "Confirm it is you"),
]


def _assert_practica_page(response, title: str) -> None:
    assert response.status_code == 200
    page = response.content.decode()
    assert _title(response) == f"{title} · Practica" or _title(response).startswith(title)
    assert 'class="site-header"' in page and "Code of conduct" in page  # the site's layout
    for stock in STOCK_WORDS:
        assert stock not in page, stock
    # Nothing the Content-Security-Policy would refuse.
    assert "style=" not in page and "<style" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)


@pytest.mark.parametrize(
    "name, kwargs, title", ANONYMOUS_PAGES, ids=[p[0] for p in ANONYMOUS_PAGES]
)
def test_account_pages_for_visitors_are_practicas_own(client, name, kwargs, title):
    _assert_practica_page(client.get(reverse(name, kwargs=kwargs)), title)


@pytest.mark.parametrize("name, title", MEMBER_PAGES, ids=[p[0] for p in MEMBER_PAGES])
def test_account_pages_for_members_are_practicas_own(client, name, title):
    client.force_login(UserFactory(display_name="Ada Okoro"))
    page = client.get(reverse(name))
    _assert_practica_page(page, title)
    assert "Ada Okoro" in page.content.decode()


def test_log_in_and_sign_up_point_to_each_other_and_to_the_reset(client):
    login = client.get(reverse("account_login") + "?next=/communities/").content.decode()
    signup = client.get(reverse("account_signup") + "?next=/communities/").content.decode()
    assert "Keep me signed in on this device" in login
    assert 'href="/accounts/signup/?next=%2Fcommunities%2F"' in login  # keeps where to go
    assert f'href="{reverse("account_reset_password")}"' in login
    assert 'href="/accounts/login/?next=%2Fcommunities%2F"' in signup
    assert "At least 10 characters" in signup


def test_sign_up_confirm_log_out_and_log_in_through_the_forms(browser):
    page = browser.get(reverse("account_signup"))
    response = submit(
        browser,
        page,
        "Create your account",
        email="nia@example.org",
        password1="river stone lantern 7",
        password2="river stone lantern 7",
    )
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "Check your email" in browser.get(response["Location"]).content.decode()
    (message,) = mail.outbox
    assert message.subject.endswith("Confirm your email address")
    assert "Hello from" not in message.body and "Practica" in message.body

    confirm = browser.get(_link(message))
    assert "nia@example.org" in confirm.content.decode()
    response = submit(browser, confirm, "Confirm")
    assert response["Location"].startswith(reverse("profile_edit"))
    assert "_auth_user_id" in browser.session

    response = submit(browser, browser.get(reverse("account_logout")), "Log out")
    assert response.status_code == 302 and "_auth_user_id" not in browser.session
    assert "You are logged out." in browser.get(response["Location"]).content.decode()

    page = browser.get(reverse("account_login"))
    response = submit(browser, page, "Log in", login="nia@example.org", password="wrong one!")
    assert "do not match an account" in response.content.decode()
    assert 'value="nia@example.org"' in response.content.decode()  # no need to type it again
    response = submit(
        browser, page, "Log in", login="nia@example.org", password="river stone lantern 7"
    )
    assert response.status_code == 302
    assert User.objects.get(email="nia@example.org").pk == int(browser.session["_auth_user_id"])
    # Not ticked: the session ends with the browser.
    assert browser.session.get_expire_at_browser_close()


def test_keep_me_signed_in_keeps_the_session_past_the_browser(browser):
    UserFactory(email="kim@example.org")
    page = browser.get(reverse("account_login"))
    submit(browser, page, "Log in", login="kim@example.org", password=PASSWORD, remember="on")
    assert "_auth_user_id" in browser.session
    assert not browser.session.get_expire_at_browser_close()


def test_password_reset_through_the_forms(browser):
    UserFactory(email="forgot@example.org")
    page = browser.get(reverse("account_reset_password"))
    response = submit(browser, page, "Send me the link", email="forgot@example.org")
    done = browser.get(response["Location"])
    assert "If an account uses that address" in done.content.decode()
    (message,) = mail.outbox
    assert message.subject.endswith("Choose a new password")

    form = browser.get(_link(message), follow=True)
    assert _title(form).startswith("Choose a new password")
    new = "a brand new passphrase"
    response = submit(browser, form, "Save the new password", password1=new, password2=new)
    finished = browser.get(response["Location"])
    assert "Your password has been changed" in finished.content.decode()

    # The link worked once.
    again = browser.get(_link(message), follow=True)
    assert "This link no longer works" in again.content.decode()
    page = browser.get(reverse("account_login"))
    response = submit(browser, page, "Log in", login="forgot@example.org", password=new)
    assert response.status_code == 302 and "_auth_user_id" in browser.session


def test_changing_the_email_address_through_the_forms(browser):
    user = UserFactory(email="old@example.org")
    browser.force_login(user)
    page = browser.get(reverse("account_email"))
    assert "old@example.org" in page.content.decode()
    response = submit(browser, page, "Send a confirmation link", email="new@example.org")
    confirm = browser.get(response["Location"])  # confirm it is you first
    assert _title(confirm).startswith("Confirm it is you")
    response = submit(browser, confirm, "Continue", password=PASSWORD)
    page = browser.get(reverse("account_email"))
    pending = page.content.decode()
    assert "Waiting for you to confirm" in pending and "new@example.org" in pending
    response = submit(browser, page, "Cancel the change")
    assert "Waiting for you to confirm" not in browser.get(response["Location"]).content.decode()
    user.refresh_from_db()
    assert user.email == "old@example.org"


def test_a_weak_password_is_refused_in_plain_words(browser):
    page = browser.get(reverse("account_signup"))
    response = submit(
        browser,
        page,
        "Create your account",
        email="w@example.org",
        password1="12345678901",
        password2="12345678901",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "entirely numeric" in body
    assert 'value="w@example.org"' in body
