from typing import Any

from django import forms
from django.conf import settings
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


class PostForm(forms.Form):
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

    def __init__(self, *args: Any, can_feature: bool, include_kind: bool = True, **kwargs: Any):
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
