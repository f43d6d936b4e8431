"""Forms of the standing page (suspend, lift, set a trust level) and the audit log's filters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practica.core.forms import LineField, TextField

from .models import TrustLevel
from .services.standing import MAX_DAYS

_DATE = {"type": "date"}
HERE, EVERYWHERE = "here", "everywhere"


class SuspendForm(forms.Form):
    days = forms.IntegerField(
        label=_("Days"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=7,
        help_text=_("From now; it ends by itself. The member can still read."),
    )
    reason = TextField(
        label=_("Reason"), max_length=2000, rows=3, help_text=_("The member sees it.")
    )
    rule = LineField(
        label=_("Rule broken"),
        max_length=300,
        required=False,
        help_text=_("The rule of the code of conduct or of the community, in a few words."),
    )
    where = forms.ChoiceField(
        label=_("Where"),
        choices=[(HERE, _("In this community")), (EVERYWHERE, _("Everywhere on the platform"))],
        initial=HERE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, platform: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "suspend")
        super().__init__(*args, **kwargs)
        if not platform:  # only staff suspend everywhere
            del self.fields["where"]


class PlatformSuspendForm(SuspendForm):
    """Staff, from a person's platform standing page: everywhere, always."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, platform=False, **kwargs)


class LiftForm(forms.Form):
    reason = TextField(
        label=_("Reason"), max_length=2000, rows=2, help_text=_("The member sees it.")
    )
    where = forms.ChoiceField(
        choices=[(HERE, HERE), (EVERYWHERE, EVERYWHERE)], initial=HERE, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "lift")
        super().__init__(*args, **kwargs)


class TrustForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Trust level here"),
        required=False,
        choices=[("", _("As earned (computed)")), *TrustLevel.choices],
    )
    reason = LineField(label=_("Reason"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "trust")
        super().__init__(*args, **kwargs)


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = LineField(
        label=_("Done by"), required=False, max_length=100, help_text=_("A name or @handle.")
    )
    kind = forms.ChoiceField(label=_("About"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(_DATE))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(_DATE))
    scope = LineField(
        label=_("Community address"),
        required=False,
        max_length=80,
        help_text=_("Empty: everywhere. A dash (-) for platform-wide entries."),
    )

    def __init__(
        self,
        *args: Any,
        actions: list[tuple[str, str]] = (),  # type: ignore[assignment]
        kinds: list[tuple[str, str]] = (),  # type: ignore[assignment]
        staff: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions")), *actions]
        self.fields["kind"].choices = [("", _("Everything")), *kinds]
        if not staff:
            del self.fields["scope"]
