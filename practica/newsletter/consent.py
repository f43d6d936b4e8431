"""The words a person agrees to when they subscribe, and how consent is given or withdrawn.

Every consent record keeps the version of the wording it was given under. When the
wording changes, add the new text under a new number and bump CONSENT_VERSION: records
made before keep pointing at the words those people actually saw.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

CONSENT_WORDING = {
    1: _(
        "Send me the newsletter of this site by email: news from the communities, events "
        "and new resources, a few times a year. I can unsubscribe at any time, in one "
        "click, from the link at the foot of every issue."
    ),
}
CONSENT_VERSION = max(CONSENT_WORDING)


class Method(models.TextChoices):
    """How consent was given or withdrawn."""

    FORM = "form", _("Sign-up form, confirmed by email")
    PREFERENCE = "preference", _("Member's email preferences")
    IMPORT = "import", _("Imported by the host staff")
    LINK = "link", _("Unsubscribe link")
    ONE_CLICK = "one_click", _("One-click unsubscribe from the email program")
    ADMIN = "admin", _("Host staff")


class Action(models.TextChoices):
    REQUESTED = "requested", _("Asked to subscribe (confirmation sent)")
    GIVEN = "given", _("Consent given")
    WITHDRAWN = "withdrawn", _("Consent withdrawn")
