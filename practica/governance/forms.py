from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from practica.communities.models import Community
from practica.core.forms import LineField, TextField

from . import selectors
from .models import BODY_MAX, COMMENT_MAX, ActivityStatus

DATE = forms.DateInput(attrs={"type": "date"})


class AgreementDraftForm(forms.Form):
    body = TextField(
        label=_("Text of the agreement (Markdown)"),
        max_length=BODY_MAX,
        rows=18,
        help_text=_("Your terms of engagement: how members treat each other, what stays "
                    "confidential, what the community does and does not do."),
    )  # fmt: skip
    summary_of_changes = LineField(
        label=_("What changed"),
        max_length=300,
        required=False,
        help_text=_("One line shown to members when they are asked to accept the new version."),
    )


class CommentPeriodForm(forms.Form):
    days = forms.IntegerField(
        label=_("Open for comments for (days)"), min_value=1, max_value=90, initial=14
    )


class DraftCommentForm(forms.Form):
    body = TextField(label=_("Your comment"), max_length=COMMENT_MAX, rows=4)


class AcceptForm(forms.Form):
    accepted = forms.BooleanField(
        label=_("I have read this agreement and agree to follow it."), required=True
    )


class PlanForm(forms.Form):
    title = LineField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)
    introduction = TextField(
        label=_("Introduction (Markdown)"),
        max_length=BODY_MAX,
        required=False,
        rows=5,
    )


class GoalForm(forms.Form):
    title = LineField(label=_("Goal"), max_length=200)
    description = TextField(
        label=_("Description"),
        max_length=3000,
        required=False,
        rows=3,
    )


class ActivityForm(forms.Form):
    """An activity with its owner and links picked from the community's own members,
    posts, events and resources (plain selects: no script needed)."""

    title = LineField(label=_("Activity"), max_length=200)
    owner = forms.ModelChoiceField(queryset=None, label=_("Owner"), required=False)
    due_on = forms.DateField(label=_("Due"), required=False, widget=DATE)
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
    post = forms.ModelChoiceField(queryset=None, label=_("Linked post"), required=False)
    event = forms.ModelChoiceField(queryset=None, label=_("Linked event"), required=False)
    resource = forms.ModelChoiceField(queryset=None, label=_("Linked resource"), required=False)

    def __init__(self, *args: Any, community: Community, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from practica.accounts.models import User

        members = selectors.owner_choices(community=community).values_list("user_id", flat=True)
        owner: Any = self.fields["owner"]
        owner.queryset = User.objects.filter(pk__in=list(members)).order_by("display_name", "pk")
        owner.label_from_instance = lambda user: user.name
        for name, qs in (
            ("post", selectors.linkable_posts(community=community)),
            ("event", selectors.linkable_events(community=community)),
            ("resource", selectors.linkable_resources(community=community)),
        ):
            field: Any = self.fields[name]
            model = qs.model
            latest = list(qs.values_list("pk", flat=True)[: selectors.LINK_CHOICES])
            field.queryset = model._default_manager.filter(pk__in=latest).order_by("-pk")
            field.label_from_instance = lambda obj: obj.title


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
