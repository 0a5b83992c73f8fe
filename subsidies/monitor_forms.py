"""The monitor's filters (GET, so a view can be shared and exported as shown) and the duiding form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from subsidies.models import MonitorNote, Ronde
from subsidies.selectors import staff_stadsdelen

# The parts of the monitor a duiding can be about: (value, label, anchor on the page).
VIEWS = [
    ("budget", _("Geld en plafond")),
    ("bereik", _("Bereik en vrijwilligers")),
    ("verslagen", _("Verslagen op tijd")),
    ("indicatoren", _("Indicatoren")),
    ("dekking", _("Dekking van het aanbod")),
    ("actueel", _("Hoe actueel is het aanbod")),
]


class MonitorFilterForm(forms.Form):
    jaar = forms.TypedChoiceField(label=_("Jaar"), required=False, coerce=int, empty_value=None)
    stadsdeel = forms.ModelChoiceField(
        label=_("Stadsdeel"), queryset=None, required=False, to_field_name="slug", empty_label=_("Al mijn stadsdelen")
    )
    ronde = forms.ModelChoiceField(label=_("Ronde"), queryset=None, required=False, empty_label=_("Alle rondes"))

    def __init__(self, data, *, user, rondes):
        super().__init__(data)
        self.fields["stadsdeel"].queryset = staff_stadsdelen(user)
        if user.is_superuser:
            self.fields["stadsdeel"].empty_label = _("Heel Amsterdam")
        # The rondes in this person's stadsdelen, read once for the choices and the years.
        self.fields["ronde"].queryset = Ronde.objects.filter(pk__in=[ronde.pk for ronde in rondes])
        self.fields["ronde"].choices = [("", _("Alle rondes"))] + [
            (ronde.pk, f"{ronde.stadsdeel.name}: {ronde.regeling.name} {ronde.name}") for ronde in rondes
        ]
        years = sorted({ronde.year for ronde in rondes}, reverse=True)
        self.fields["jaar"].choices = [("", _("Alle jaren"))] + [(year, str(year)) for year in years]


class MonitorNoteForm(forms.ModelForm):
    # The filters above have a "stadsdeel" too: ids and names must not clash.
    prefix = "duiding"
    view = forms.ChoiceField(label=_("Over welk deel?"), choices=VIEWS)
    stadsdeel = forms.ModelChoiceField(
        label=_("Voor welk stadsdeel?"), queryset=None, required=False, to_field_name="slug"
    )

    class Meta:
        model = MonitorNote
        fields = ["view", "stadsdeel", "text"]
        labels = {"text": _("Uw duiding")}
        help_texts = {
            "text": _(
                "Bijvoorbeeld: waarom het bereik in een gebied daalde. Iedereen die de monitor ziet, leest dit, "
                "en ook de organisaties met subsidie in dit stadsdeel."
            )
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["stadsdeel"]
        field.queryset = staff_stadsdelen(user)
        # Only the functional administrator writes for the whole city.
        field.required = not user.is_superuser
        field.empty_label = _("Heel Amsterdam") if user.is_superuser else _("Kies een stadsdeel")
