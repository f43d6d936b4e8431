"""The newsletter's pages: the public archive and sign-up, the links in its emails, the
member's preference, and the staff's pages to write and send issues."""

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from practica.communities.models import Visibility
from practica.core.errors import ServiceError
from practica.core.http import paginate, report

from . import services
from .consent import CONSENT_VERSION, CONSENT_WORDING, Method
from .forms import IssueForm, SubscribeForm
from .models import Audience, IssueStatus, Subscriber, SubscriberStatus
from .permissions import access_issue, check_manage_newsletter
from .selectors import (
    archive_issue,
    archive_issues,
    audience_subscribers,
    issue_delivered,
    issues_for_staff,
    member_subscribed,
)
from .tokens import confirm_token_read, unsubscribe_token_read

# --- Public ---------------------------------------------------------------------------


def _signup_context(request: HttpRequest, form: SubscribeForm | None = None) -> dict[str, object]:
    return {
        "form": form or SubscribeForm(),
        "wording": CONSENT_WORDING[CONSENT_VERSION],
        "member_subscribed": member_subscribed(request.user),
    }


def archive(request: HttpRequest) -> HttpResponse:
    page = paginate(request, archive_issues().only("pk", "subject", "sent_at"), per_page=20)
    return render(request, "newsletter/archive.html", {"page": page, **_signup_context(request)})


def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    issue = archive_issue(pk)
    if issue is None:
        raise Http404
    return render(request, "newsletter/issue_detail.html", {"issue": issue})


def _too_many_signups(request: HttpRequest) -> bool:
    """Sign-ups from one address (IP) in the last hour, counted in the shared cache."""
    limit = settings.PRACTICA_NEWSLETTER_SIGNUPS_PER_HOUR
    try:
        ip = get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        ip = "unknown"
    key = f"newsletter:signups:{ip}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return bool(count > limit)


def subscribe(request: HttpRequest) -> HttpResponse:
    """Visitors ask for the newsletter here; the answer is the same whether or not the
    address was already subscribed, so the form reveals nobody's subscription."""
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            if _too_many_signups(request):
                context = _signup_context(request, form)
                context["limited"] = True
                return render(request, "newsletter/subscribe.html", context, status=429)
            services.subscription_request(
                email=form.cleaned_data["email"], wording_version=form.cleaned_data["wording"]
            )
            return render(request, "newsletter/check_inbox.html")
        return render(request, "newsletter/subscribe.html", _signup_context(request, form))
    return render(request, "newsletter/subscribe.html", _signup_context(request))


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation email shows a button: following a link alone (as mail
    scanners do) subscribes nobody."""
    data = confirm_token_read(token)
    subscriber = None
    if data is not None:
        subscriber = Subscriber.objects.filter(pk=data[0], email=data[1]).first()
    if subscriber is None or data is None:
        return render(request, "newsletter/confirm_invalid.html")
    if request.method == "POST":
        services.subscription_confirm(subscriber_id=data[0], email=data[1], version=data[2])
        return render(request, "newsletter/confirmed.html")
    return render(
        request,
        "newsletter/confirm.html",
        {"email": subscriber.email, "wording": CONSENT_WORDING[data[2]]},
    )


@csrf_exempt  # RFC 8058: the email program POSTs without a session or a form token
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe: a POST (from the email program, or the button here)
    unsubscribes at once, without signing in; a GET shows the button."""
    subscriber_id = unsubscribe_token_read(token)
    subscriber = (
        Subscriber.objects.filter(pk=subscriber_id).first() if subscriber_id is not None else None
    )
    if subscriber is None:
        return render(request, "newsletter/unsubscribe_invalid.html", status=404)
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.subscription_withdraw(
            subscriber_id=subscriber.pk, method=Method.ONE_CLICK if one_click else Method.LINK
        )
        return render(request, "newsletter/unsubscribed.html")
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"email": subscriber.email, "subscribed": subscriber.status == SubscriberStatus.SUBSCRIBED},
    )


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """A member subscribes or unsubscribes (the email preferences page links here)."""
    if request.method == "POST":
        if request.POST.get("action") == "subscribe":
            services.member_subscribe(user=request.user)
            messages.success(request, _("You are subscribed to the newsletter."))
        elif request.POST.get("action") == "unsubscribe":
            services.member_unsubscribe(user=request.user)
            messages.success(request, _("You will no longer receive the newsletter."))
        return redirect("newsletter_preferences")
    return render(
        request,
        "newsletter/preferences.html",
        {**_signup_context(request), "email": getattr(request.user, "email", "")},
    )


# --- Staff ----------------------------------------------------------------------------


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    check_manage_newsletter(request.user)
    page = paginate(request, issues_for_staff(), per_page=25)
    subscribed = Subscriber.objects.filter(status=SubscriberStatus.SUBSCRIBED).count()
    return render(request, "newsletter/manage.html", {"page": page, "subscribed": subscribed})


def _issue_values(form: IssueForm) -> dict[str, object]:
    data = form.cleaned_data
    return {
        "subject": data["subject"],
        "body": data["body"],
        "audience": data["audience"],
        "communities": data["communities"] or (),
        "in_archive": data["in_archive"],
    }


@login_required
def compose(request: HttpRequest) -> HttpResponse:
    check_manage_newsletter(request.user)
    form = IssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issue = services.issue_create(actor=request.user, **_issue_values(form))  # type: ignore[arg-type]
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Draft saved. Check the preview below."))
            return redirect("newsletter_issue_manage", pk=issue.pk)
    return render(request, "newsletter/compose.html", {"form": form, "issue": None})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access_issue(request.user, pk)
    if issue.status != IssueStatus.DRAFT:
        messages.error(request, _("This issue is already being sent: it can no longer be changed."))
        return redirect("newsletter_issue_manage", pk=issue.pk)
    initial = {
        "subject": issue.subject,
        "body": issue.body,
        "audience": issue.audience,
        "communities": list(issue.communities.all()),
        "in_archive": issue.in_archive,
    }
    form = IssueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.issue_update(actor=request.user, issue=issue, **_issue_values(form))  # type: ignore[arg-type]
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Draft saved. Check the preview below."))
            return redirect("newsletter_issue_manage", pk=issue.pk)
    return render(request, "newsletter/compose.html", {"form": form, "issue": issue})


@login_required
def issue_manage(request: HttpRequest, pk: int) -> HttpResponse:
    """The issue as it will look, who it goes to, and how far sending has gone (a refresh
    shows progress; no script needed)."""
    issue = access_issue(request.user, pk)
    delivered = issue_delivered(issue)
    audience = audience_subscribers(issue).count() if issue.status == IssueStatus.DRAFT else None
    total = issue.recipients_total
    communities = list(issue.communities.order_by("name"))
    private = any(c.visibility != Visibility.PUBLIC for c in communities)
    return render(
        request,
        "newsletter/issue_manage.html",
        {
            "issue": issue,
            "communities": communities,
            "for_private": issue.audience == Audience.COMMUNITIES and private,
            "audience_count": audience,
            "delivered": delivered,
            "total": total,
            "percent": int(100 * delivered / total) if total else 0,
            "in_public_archive": archive_issue(issue.pk) is not None,
        },
    )


@login_required
@require_POST
def send_test(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access_issue(request.user, pk)
    report(
        request,
        lambda: services.issue_send_test(actor=request.user, issue=issue),
        lambda address: (
            _("A test copy is on its way to %(email)s, and to nobody else.") % {"email": address}
        ),
    )
    return redirect("newsletter_issue_manage", pk=issue.pk)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access_issue(request.user, pk)
    deleted = report(
        request,
        lambda: services.issue_delete(actor=request.user, issue=issue),
        _("The draft was deleted."),
    )
    if deleted:
        return redirect("newsletter_manage")
    return redirect("newsletter_issue_manage", pk=issue.pk)


@login_required
@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access_issue(request.user, pk)
    report(
        request,
        lambda: services.issue_send(actor=request.user, issue=issue),
        lambda total: (
            _("Sending to %(count)s subscribers. Refresh this page to follow its progress.")
            % {"count": total}
        ),
    )
    return redirect("newsletter_issue_manage", pk=issue.pk)


@login_required
@require_POST
def resume(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access_issue(request.user, pk)
    report(
        request,
        lambda: services.issue_send_resume(actor=request.user, issue=issue),
        _("Sending resumes; nobody already sent it gets it twice."),
    )
    return redirect("newsletter_issue_manage", pk=issue.pk)
