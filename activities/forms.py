from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import Activity


class FeedbackForm(forms.Form):
    found = forms.TypedChoiceField(
        label=_("Heb je gevonden wat je zocht?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee.")},
    )
    comment = forms.CharField(
        label=_("Wat zocht je? (mag leeg blijven)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Schrijf hier geen naam, adres of telefoonnummer."),
    )
    query_string = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)
    activity = forms.ModelChoiceField(queryset=Activity.objects.published(), required=False, widget=forms.HiddenInput)
