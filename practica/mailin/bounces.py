"""Hard bounces: an address that keeps failing for good stops getting email, and its
member is told on the site (notification_email_send skips stopped addresses)."""

from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.notifications.models import EmailSettings
from practica.notifications.services import notify


def hard_bounce_record(*, address: str) -> bool:
    """Count one hard bounce for the member at `address`; at the limit
    (EMAIL_HARD_BOUNCE_LIMIT), stop email to them and tell them on the site. Whether their
    email was stopped by this bounce."""
    user = User.objects.filter(email__iexact=address).first()
    if user is None:
        return False
    EmailSettings.objects.get_or_create(user=user)
    EmailSettings.objects.filter(user=user).update(hard_bounces=F("hard_bounces") + 1)
    stopped = EmailSettings.objects.filter(
        user=user,
        stopped_at__isnull=True,
        hard_bounces__gte=settings.EMAIL_HARD_BOUNCE_LIMIT,
    ).update(stopped_at=timezone.now())
    if stopped:
        notify(
            user_ids=[user.pk],
            kind="email.stopped",
            title=_("We stopped emailing you: your address refuses our messages"),
            body=_(
                "Mail to %(address)s came back undelivered several times, so Practica sends "
                "it no more email. Check the address in your account settings, or add another; "
                "your notifications stay here on the site."
            )
            % {"address": user.email},
            url=reverse("account_email"),
            email=False,
        )
    return bool(stopped)
