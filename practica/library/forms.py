from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.core.forms import LineField, LinkField, TextField
from practica.core.versioning import VersionField

from .models import Licence, ResourceKind


class ResourceForm(forms.Form):
    # Rendered as groups by includes/form.html (docs/design.md, Forms).
    fieldsets = [
        (_("The resource"), ["title", "kind", "summary", "file", "link_url"]),
        (_("Who made it"), ["co_authors", "outside_authors"]),
        (_("Where it applies"), ["tags", "jurisdictions", "language"]),
        (
            _("Licence and review"),
            ["licence", "licence_confirmed", "current_as_of", "review_months"],
        ),
    ]

    title = LineField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ResourceKind.choices)
    summary = TextField(label=_("Summary"), max_length=3000, rows=4)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument, plain text, CSV or an image "
            "(PNG, JPEG, GIF, WebP), at most %(mb)s MB."
        ),
    )
    link_url = LinkField(label=_("Or a web link"), required=False, max_length=500)
    co_authors = forms.ModelMultipleChoiceField(
        label=_("Co-authors among the members"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("They may add versions too."),
    )
    outside_authors = LineField(
        label=_("Other authors"),
        required=False,
        max_length=300,
        help_text=_("Names of authors who are not members, separated by commas."),
    )
    tags = LineField(label=_("Tags"), required=False, max_length=300)
    jurisdictions = LineField(
        label=_("Jurisdictions"),
        required=False,
        max_length=300,
        help_text=_("Where it applies, separated by commas."),
    )
    language = LineField(label=_("Language"), max_length=60, initial="English")
    licence = forms.ChoiceField(label=_("Licence"), choices=Licence.choices)
    licence_confirmed = forms.BooleanField(
        label=_("I may share this resource under this licence."), required=True
    )
    current_as_of = forms.DateField(
        label=_("Current as of"), widget=forms.DateInput(attrs={"type": "date"})
    )
    review_months = forms.IntegerField(
        label=_("Review every (months)"), min_value=1, max_value=60, initial=12
    )

    def __init__(
        self, *args: Any, community: Community, user: User, editing: bool = False, **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", {}).setdefault("current_as_of", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].help_text % {"mb": _max_mb()}
        self.fields["co_authors"].queryset = (
            User.objects.filter(memberships__community=community, is_active=True)
            .exclude(pk=user.pk)
            .order_by("display_name")
        )
        if editing:
            del self.fields["file"], self.fields["licence_confirmed"]
            self.fields["version"] = VersionField()


def _max_mb() -> int:
    from django.conf import settings

    return int(settings.PRACTICA_UPLOAD_MAX_MB)


class VersionForm(forms.Form):
    file = forms.FileField(label=_("New file"))
    note = LineField(label=_("What changed and why"), max_length=500)


class CommentForm(forms.Form):
    body = TextField(label=_("Your comment"), max_length=20_000, rows=4)


class MoveForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Move to"), queryset=Community.objects.none())

    def __init__(self, *args: Any, targets: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets


class LibraryFilterForm(forms.Form):
    community = forms.ChoiceField(label=_("Community"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *ResourceKind.choices]
    )
    tag = LineField(label=_("Tag"), required=False, max_length=60)
    jurisdiction = LineField(label=_("Jurisdiction"), required=False, max_length=100)
    language = forms.ChoiceField(label=_("Language"), required=False)
    licence = forms.ChoiceField(
        label=_("Licence"), required=False, choices=[("", _("Any licence")), *Licence.choices]
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("new", _("Newest")),
            ("downloads", _("Most downloaded")),
            ("reviewed", _("Recently reviewed")),
        ],
    )

    def __init__(self, *args: Any, communities: Any = None, languages: Any = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        if communities is None:
            del self.fields["community"]
        else:
            self.fields["community"].choices = [("", _("All communities"))] + [
                (c.slug, c.name) for c in communities
            ]
        self.fields["language"].choices = [("", _("Any language"))] + [(x, x) for x in languages]
