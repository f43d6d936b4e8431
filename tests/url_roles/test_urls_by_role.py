"""Every URL pattern of the site, requested as every kind of person, answers as expected.

A URL pattern without an entry in EXPECTED (or, for the admin, without a rule) fails the
test, so that nobody adds a page without deciding who may see it. Rows live in
`expected.py` and, for later apps, `expected_<app>.py`.
"""

import re

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .expected import EXPECTED
from .world import ROLES, row


def walk(resolver=None, prefix="", namespace=""):
    """(name, route) for every pattern, names qualified by their namespace."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield name, prefix + str(pattern.pattern)


NON_STAFF_TO_ADMIN_LOGIN = row(302, 302, 302, 302, 302, 302, 200)


DENIED = {302, 401, 403, 404, 405}
ANSWERED = {200, 302, 400, 403, 404, 405}


def rq_dashboard_case(route):
    """django-rq's queue dashboard (installed with REDIS_URL): staff only, by its own checks."""
    path = re.sub(r"<int:\w+>", "0", route)
    path = re.sub(r"<(str|path):\w+>", "missing", path)
    path = re.sub(r"\(\?P<\w+>[^)]*\)\?", "", path)
    path = "/" + path.replace("^", "").replace("/?$", "/").replace("$", "")
    # Pages about one job or worker need a real one; for staff a made-up id is a crash in
    # django-rq, so only the refusal of everyone else is checked there.
    needs_object = re.search(r"<(str|path):(job_id|key|scheduler_name)>", route)
    return path, {**{role: DENIED for role in ROLES}, "staff": None if needs_object else ANSWERED}


def admin_case(name, route, w):
    """The admin's URLs follow one rule: staff only; others go to the admin's log-in."""
    if route.startswith("admin/django_rq/"):
        return rq_dashboard_case(route)
    if name is None:
        if "(?P<url>" in route:
            return "/admin/no-such-page/", row(302, 302, 302, 302, 302, 302, 404)
        # Old-style object URLs redirect to the change page.
        path = "/" + re.sub(r"<path:object_id>", str(w.users["staff"].pk), route)
        return path, row(302, 302, 302, 302, 302, 302, 302)
    short = name.split(":", 1)[1]
    kwargs = {}
    if short == "login":
        return reverse(name), row(200, 200, 200, 200, 200, 200, 302)
    if short == "logout":
        return reverse(name), row(302, 302, 302, 302, 302, 302, 405)
    if short == "view_on_site":
        ct = ContentType.objects.get_for_model(w.community)
        kwargs = {"content_type_id": ct.pk, "object_id": w.community.pk}
        return reverse(name, kwargs=kwargs), row(302, 302, 302, 302, 302, 302, 302)
    if short == "autocomplete":
        query = "?app_label=communities&model_name=membership&field_name=user&term=a"
        return reverse(name) + query, row(302, 302, 302, 302, 302, 302, 200)
    if short.endswith("user_password_change"):  # Django's UserAdmin names it auth_user_...
        kwargs = {"id": w.users["staff"].pk}
    if short == "app_list":
        kwargs = {"app_label": "communities"}
    model = next(
        (
            m
            for m in admin.site._registry
            if short.startswith(f"{m._meta.app_label}_{m._meta.model_name}_")
        ),
        None,
    )
    if model is not None and re.search(r"_(change|delete|history)$", short):
        obj = model.objects.first()
        if obj is None:
            return None, None  # nothing of this kind exists to show
        key = "id" if short.endswith("password_change") else "object_id"
        kwargs = {key: obj.pk}
    expected = dict(NON_STAFF_TO_ADMIN_LOGIN)
    # The audit log and published codes of conduct can be read, never added or removed.
    if re.search(r"_(add|delete)$", short) and any(
        s in short for s in ("auditevent", "codeofconduct", "dbtaskresult")
    ):
        expected["staff"] = 403
    return reverse(name, kwargs=kwargs), expected


def cases(w):
    for name, route in walk():
        if route.startswith("admin/"):
            path, expected = admin_case(name, route, w)
            if path is not None:
                yield f"{name or route}", path, expected
            continue
        assert name in EXPECTED, f"No entry in EXPECTED for URL {name!r} ({route})"
        build, expected = EXPECTED[name]
        yield name, reverse(name, kwargs=build(w) if build else None), expected


# What a page may reveal about other objects: text that must appear only for these roles,
# on every page (a 200 can leak), then on given pages (a name public elsewhere, say).
MAY_KNOW = {
    "Quiet Harbour Circle": {"member", "staff"},  # a hidden community
    "Marram private thread": {"member", "leader", "staff"},  # members-only content
    "Marram private guide": {"member", "leader", "staff"},
    "Marram private survey": {"member", "leader", "staff"},  # a members' survey
    "Marram private poll": {"member", "leader", "staff"},  # a poll on members-only content
    "https://meet.example.org/x": {"member", "leader", "staff"},  # registered, organisers
    "Newsletter draft for staff": {"staff"},
}
MAY_KNOW_ON_PAGE = {
    # The member's profile: their membership of a members-only community is for its members.
    "person_detail": {"Marram Members Circle": {"member", "leader", "staff"}},
}


# Calendar feeds answer for the owner of the token in their address (the member), whoever
# sends the request.
KEYED_BY_TOKEN = {"feed_personal", "feed_community", "email_unsubscribe", "email_manage"}


def revealed(name, role, content):
    """The texts on a page that `role` may not know."""
    role = "member" if name in KEYED_BY_TOKEN else role
    text = content.decode(errors="replace")
    rules = {**MAY_KNOW, **MAY_KNOW_ON_PAGE.get(name, {})}
    return [marker for marker, roles in rules.items() if role not in roles and marker in text]


@pytest.mark.django_db
def test_every_url_answers_each_role_as_expected(client, world):
    failures = []
    count = 0
    for name, path, expected in cases(world):
        for role in ROLES:
            if expected[role] is None:
                continue
            user = world.users[role]
            client.logout()
            if user is not None:
                client.force_login(user)
            response = client.get(path)
            status = response.status_code
            count += 1
            wanted = expected[role]
            if status not in (wanted if isinstance(wanted, set) else {wanted}):
                failures.append(f"{name} {path} as {role}: {status}, expected {expected[role]}")
            if not getattr(response, "streaming", False):
                for marker in revealed(name, role, response.content):
                    failures.append(f"{name} {path} as {role} reveals {marker!r}")
    assert not failures, "\n".join(failures)
    assert count > 400  # every pattern was walked
