from django import forms

from .models import Preference


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = ["hide_badges"]


class YearForm(forms.Form):
    year = forms.TypedChoiceField(coerce=int)

    def __init__(self, *args: object, years: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].choices = [(y, str(y)) for y in years]
