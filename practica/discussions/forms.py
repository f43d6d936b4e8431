from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community
from practica.core.forms import LineField, TextField
from practica.core.versioning import VersionField

from .models import BODY_MAX, COMMENT_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX, PostKind

TAGS_HELP = _("Up to %(n)s, separated by commas, each at most %(len)s characters.") % {
    "n": TAGS_MAX,
    "len": TAG_MAX,
}


def _body_field(label: Any, limit: int, rows: int = 12) -> forms.CharField:
    return TextField(
        label=label,
        max_length=limit,
        rows=rows,
        help_text=_("Markdown: **bold**, *italic*, lists, > quotes, tables, links; mention "
                    "someone with @handle."),
    )  # fmt: skip


def _moment_field(label: Any, help_text: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class ScheduleFields(forms.Form):
    """When a post comes out and when it leaves the lists, typed in the reader's own time
    zone (accounts.timezones activates it for every request)."""

    publish_at = _moment_field(
        _("Publish at"),
        _("Leave empty to publish now. Until then only you and the community's leaders see "
          "it."),
    )  # fmt: skip
    expires_at = _moment_field(
        _("Expires at"),
        _("From then on it leaves the home page and the lists for the archives, and stays "
          "at its address."),
    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        now = timezone.now()
        publish_at, expires_at = data.get("publish_at"), data.get("expires_at")
        moved = publish_at != self.initial.get("publish_at")
        if "publish_at" in self.fields and publish_at is not None and publish_at <= now and moved:
            self.add_error(
                "publish_at",
                _("This time has already passed: choose a later one, or leave it empty "
                  "to publish now."),
            )  # fmt: skip
        if expires_at is not None and expires_at != self.initial.get("expires_at"):
            if expires_at <= now:
                self.add_error("expires_at", _("This time has already passed: choose a later one."))
            elif publish_at is not None and expires_at <= publish_at:
                self.add_error("expires_at", _("The post must expire after it is published."))
        return data


class PostForm(ScheduleFields):
    field_order = ["kind", "title", "body", "tags", "language", "open_days"]

    kind = forms.ChoiceField(label=_("Kind"), widget=forms.RadioSelect)
    title = LineField(
        label=_("Title"),
        max_length=TITLE_MAX,
        help_text=_("At most %(n)s characters.") % {"n": TITLE_MAX},
    )
    body = _body_field(_("Text"), BODY_MAX)
    tags = LineField(
        label=_("Tags"),
        required=False,
        max_length=300,
        help_text=TAGS_HELP,
        widget=forms.TextInput(attrs={"list": "tag-suggestions", "autocomplete": "off"}),
    )
    language = forms.ChoiceField(
        label=_("Written in"),
        required=False,
        help_text=_("Search finds the words of your post by this language's grammar."),
    )
    open_days = forms.IntegerField(
        label=_("Open for discussion (days)"),
        min_value=1,
        max_value=365,
        required=False,
        help_text=_("Featured posts only. Leave empty for the community's default."),
    )

    def __init__(
        self,
        *args: Any,
        can_feature: bool,
        include_kind: bool = True,
        schedule: bool = True,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.PRACTICA_CONTENT_LANGUAGES
        featured_label = (
            _("Featured post: a substantial piece that opens a discussion for a set period")
            if can_feature
            else _("Featured post (proposed: the leaders review it before it appears)")
        )
        self.fields["kind"].choices = [
            (PostKind.DISCUSSION, _("Discussion")),
            (PostKind.QUESTION, _("Question or request for information")),
            (PostKind.FEATURED, featured_label),
        ]
        if not include_kind:
            del self.fields["kind"]
        if not can_feature:
            del self.fields["open_days"]
        if not schedule:
            del self.fields["publish_at"]
        zone = _("In your time zone (%(zone)s).") % {"zone": timezone.get_current_timezone_name()}
        for name in ("publish_at", "expires_at"):
            if name in self.fields:
                self.fields[name].help_text = f"{self.fields[name].help_text} {zone}"


class EditPostForm(PostForm):
    reason = LineField(label=_("What did you change?"), required=False, max_length=300)
    version = VersionField()


class SummaryForm(forms.Form):
    title = LineField(label=_("Title"), max_length=TITLE_MAX)
    body = _body_field(_("Summary"), BODY_MAX)
    tags = LineField(
        label=_("Tags"), required=False, max_length=300, help_text=_("Empty: the thread's tags.")
    )


class CommentForm(forms.Form):
    body = _body_field(_("Your comment"), COMMENT_MAX, rows=6)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CommentEditForm(forms.Form):
    body = _body_field(_("Comment"), COMMENT_MAX, rows=6)
    version = VersionField()


class ReviewForm(forms.Form):
    PUBLISH, RETURN, DECLINE = "publish", "return", "decline"
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (PUBLISH, _("Publish (with your edits, if any)")),
            (RETURN, _("Return to the author with comments")),
            (DECLINE, _("Decline")),
        ],
    )
    title = LineField(label=_("Title"), max_length=TITLE_MAX)
    body = _body_field(_("Text"), BODY_MAX)
    open_days = forms.IntegerField(
        label=_("Open for discussion (days)"), min_value=1, max_value=365, required=False
    )
    note = TextField(
        label=_("Note to the author (required to return or decline)"),
        required=False,
        max_length=3000,
        rows=3,
    )
    version = VersionField()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") in (self.RETURN, self.DECLINE) and not data.get("note", "").strip():
            self.add_error("note", _("Tell the author why."))
        return data


class MoveForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Move to"), queryset=Community.objects.none())

    def __init__(self, *args: Any, targets: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets


class ReopenForm(forms.Form):
    days = forms.IntegerField(label=_("Open for (days)"), min_value=1, max_value=365, initial=14)


class PostFilterForm(forms.Form):
    community = forms.ChoiceField(label=_("Community"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *PostKind.choices],
    )
    tag = LineField(label=_("Tag"), required=False, max_length=60)
    answered = forms.ChoiceField(
        label=_("Questions"),
        required=False,
        choices=[("", _("All")), ("yes", _("Answered")), ("no", _("Unanswered"))],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("new", _("Newest")), ("active", _("Most recently active"))],
    )

    def __init__(self, *args: Any, communities: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [("", _("All communities"))] + [
            (c.slug, c.name) for c in communities
        ]


class KindFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *PostKind.choices]
    )
