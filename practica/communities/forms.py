from typing import Any

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from practica.accounts.models import Occupation, User
from practica.core.faces import COLOUR_CHOICES, colour_for
from practica.core.forms import LineField, TextField, formfield_for
from practica.core.pictures import PICTURE_MAX_MB
from practica.core.versioning import VersionField

from .models import Community, CommunityProposal, FocusArea, Role


class DirectoryFilterForm(forms.Form):
    q = LineField(label=_("Find by name"), required=False, max_length=100)
    focus = forms.ChoiceField(label=_("Focus area"), required=False)

    def __init__(self, *args: Any, focus_areas: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["focus"].choices = [("", _("All focus areas"))] + [
            (area.slug, area.name) for area in focus_areas
        ]


class JoinForm(forms.Form):
    occupation = forms.ChoiceField(label=_("Occupation"), choices=Occupation.choices)
    affiliation = LineField(
        label=_("Affiliation"),
        max_length=200,
        help_text=_("Your court, agency, firm or organisation."),
    )
    interest = LineField(
        label=_("Area of interest"),
        max_length=300,
        help_text=_("What you would like to learn about or contribute."),
    )
    statement = TextField(
        label=_("Why do you want to join?"),
        max_length=3000,
        rows=5,
        help_text=_("A few sentences for the community's leaders."),
    )
    eligibility_declared = forms.BooleanField(required=False)
    conduct_accepted = forms.BooleanField(
        required=False,
        label=_("I have read the code of conduct and the community's rules and agree to follow "
                "them."),
    )  # fmt: skip

    def __init__(
        self, *args: Any, community: Community, user: User, has_conduct: bool, **kwargs: Any
    ) -> None:
        kwargs.setdefault(
            "initial",
            {
                "occupation": user.occupation,
                "affiliation": user.affiliation,
                "interest": user.interests,
            },
        )
        super().__init__(*args, **kwargs)
        if community.is_restricted:
            field = self.fields["eligibility_declared"]
            field.required = True
            field.label = _("I confirm I am eligible: %(who)s") % {"who": community.eligibility}
            field.help_text = _("The leaders will verify this before approving your request.")
        else:
            del self.fields["eligibility_declared"]
        accept_what(self, community=community, has_conduct=has_conduct)


def accept_what(form: forms.Form, *, community: Community, has_conduct: bool) -> None:
    """One box to accept the code of conduct, the community's rules and, when those joining
    can read it, the community's agreement (practica.governance); none when there is nothing."""
    if community.agreement_on_join:
        form.fields["conduct_accepted"].required = True
        form.fields["conduct_accepted"].label = (
            _("I have read the code of conduct, the community's rules and its agreement, and "
              "agree to follow them.")
            if has_conduct
            else _("I have read the community's rules and its agreement and agree to follow them.")
        )  # fmt: skip
    elif has_conduct:
        form.fields["conduct_accepted"].required = True
    else:
        del form.fields["conduct_accepted"]


class InvitationAcceptForm(forms.Form):
    eligibility_declared = forms.BooleanField(required=False)
    conduct_accepted = forms.BooleanField(
        required=False,
        label=_("I have read the code of conduct and the community's rules and agree to follow "
                "them."),
    )  # fmt: skip

    def __init__(self, *args: Any, community: Community, has_conduct: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if community.is_restricted:
            self.fields["eligibility_declared"].required = True
            self.fields["eligibility_declared"].label = _("I confirm I am eligible: %(who)s") % {
                "who": community.eligibility
            }
        else:
            del self.fields["eligibility_declared"]
        accept_what(self, community=community, has_conduct=has_conduct)


class DecisionForm(forms.Form):
    APPROVE, DECLINE = "approve", "decline"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve")), (DECLINE, _("Decline"))],
        widget=forms.RadioSelect,
    )
    eligibility_verified = forms.BooleanField(required=False)
    reason = TextField(
        label=_("Reason (required to decline; the applicant sees it)"),
        required=False,
        max_length=2000,
        rows=3,
    )

    def __init__(self, *args: Any, community: Community, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if community.is_restricted:
            self.fields["eligibility_verified"].label = _(
                "I have verified the applicant's eligibility: %(who)s"
            ) % {"who": community.eligibility}
        else:
            del self.fields["eligibility_verified"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision = data.get("decision")
        if decision == self.DECLINE and not data.get("reason", "").strip():
            self.add_error("reason", _("Please give the applicant a reason."))
        verifying = decision == self.APPROVE and "eligibility_verified" in self.fields
        if verifying and not data.get("eligibility_verified"):
            self.add_error(
                "eligibility_verified",
                _("Verify the applicant's eligibility before approving."),
            )
        return data


class ReasonForm(forms.Form):
    reason = TextField(
        label=_("Reason"),
        max_length=2000,
        rows=3,
        help_text=_("The member will see this."),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


def _split_emails(value: str) -> list[str]:
    return [part.strip() for part in value.replace(",", "\n").splitlines() if part.strip()]


class InvitationForm(forms.Form):
    emails = TextField(
        label=_("Email addresses"),
        max_length=20_000,
        rows=3,
        help_text=_("One per line, or separated by commas. At most 50 at a time."),
    )
    message = TextField(label=_("Personal message"), required=False, max_length=2000, rows=3)

    def clean_emails(self) -> list[str]:
        emails = _split_emails(self.cleaned_data["emails"])
        bad = []
        for email in emails:
            try:
                validate_email(email)
            except forms.ValidationError:
                bad.append(email)
        if bad:
            raise forms.ValidationError(
                _("These are not valid email addresses: %(bad)s") % {"bad": ", ".join(bad)}
            )
        if not emails:
            raise forms.ValidationError(_("Enter at least one email address."))
        if len(emails) > 50:
            raise forms.ValidationError(_("At most 50 invitations at a time."))
        return emails


class CommunitySettingsForm(forms.ModelForm):
    # Rendered as groups by includes/form.html (docs/design.md, Forms).
    fieldsets = [
        (_("About"), ["summary", "domain", "focus_areas", "rules"]),
        (_("Who may join and see"), ["visibility", "join_policy", "eligibility"]),
        (
            _("Posts, library and email"),
            [
                "featured_days",
                "hold_first_posts",
                "library_needs_approval",
                "email_content",
                "email_posting",
            ],
        ),
        (_("Status"), ["status"]),
    ]

    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = VersionField()

    class Meta:
        model = Community
        fields = [
            "summary",
            "domain",
            "focus_areas",
            "rules",
            "visibility",
            "join_policy",
            "eligibility",
            "featured_days",
            "hold_first_posts",
            "library_needs_approval",
            "email_content",
            "email_posting",
            "status",
        ]
        widgets = {
            "domain": forms.Textarea(attrs={"rows": 5}),
            "rules": forms.Textarea(attrs={"rows": 8}),
        }
        formfield_callback = formfield_for

    def __init__(self, *args: Any, allow_status: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not allow_status:  # creating and retiring communities is the host staff's call
            del self.fields["status"]


class CommunityLookForm(forms.Form):
    """The community's face, beside its settings in the same <form>: a colour from the
    palette and an emblem checked and made square by the service.

    The colour is one of the palette's radio buttons (shown with swatches by the template),
    never a free value, so that white text on it always meets 4.5:1."""

    colour = forms.ChoiceField(
        label=_("Colour"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Marks the community's cards and pages. Automatic: chosen from the name."),
    )
    emblem = forms.FileField(
        label=_("Emblem"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
    )
    remove_emblem = forms.BooleanField(
        label=_("Remove the emblem and show the community's initials instead"), required=False
    )

    def __init__(self, *args: Any, community: Community, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"colour": community.colour})
        super().__init__(*args, **kwargs)
        self.automatic_colour = colour_for(community.name)
        automatic = _("Automatic (%(colour)s)") % {
            "colour": dict(COLOUR_CHOICES)[self.automatic_colour]
        }
        self.fields["colour"].choices = [("", automatic), *COLOUR_CHOICES]
        self.fields["emblem"].help_text = _(
            "A square picture works best: JPEG, PNG, GIF or WebP, up to %(mb)s MB. It is "
            "cropped to a square from its centre and made smaller. Without one, the "
            "community's initials are shown on its colour."
        ) % {"mb": PICTURE_MAX_MB}
        if community.emblem:
            self.fields["emblem"].label = _("Replace the emblem")
        else:
            del self.fields["remove_emblem"]


class ProposalForm(forms.ModelForm):
    class Meta:
        model = CommunityProposal
        fields = ["name", "domain", "rationale", "audience"]
        widgets = {
            "domain": forms.Textarea(attrs={"rows": 4}),
            "rationale": forms.Textarea(attrs={"rows": 4}),
            "audience": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"audience": _("Which people would join: occupations, places, roles.")}
        formfield_callback = formfield_for


class ProposalReviewForm(forms.Form):
    ACCEPT, DECLINE = "accept", "decline"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ACCEPT, _("Accept and create the community")), (DECLINE, _("Decline"))],
        widget=forms.RadioSelect,
    )
    summary = LineField(label=_("Short summary for the directory"), required=False, max_length=300)
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = TextField(
        label=_("Reason (required to decline; the proposer sees it)"),
        required=False,
        max_length=2000,
        rows=3,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == self.DECLINE and not data.get("reason", "").strip():
            self.add_error("reason", _("Please give the proposer a reason."))
        return data
