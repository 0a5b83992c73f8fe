"""Forms of the verantwoording: the organisation's report, the review, the vaststelling and a note.

Counts and sentences only: the report form has no field that could hold a person's name or data.
A field's name is also its id (auto_id "%s"), so reporting.report_submit's anchors
("uitleg-<planned id>-<field>") point straight at the explanation field they name."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from activities.photos import validate_photo
from subsidies.forms import CountField, EurosField
from subsidies.models import BegrotingRegel, Indicator, ReportFigure, ReportPhoto
from subsidies.money import euros

TEXTS = [
    ("went_well", _("Wat ging goed?")),
    ("changed", _("Wat is er veranderd?")),
    ("signals", _("Welke signalen hoorden jullie uit de buurt?")),
    ("story", _("Het verhaal van één bewoner")),
    ("not_worked", _("Wat werkte niet?")),
]
TEXT_HELP = {
    "story": _("Vertel wat de activiteit voor iemand betekende. Schrijf geen naam of adres op."),
    "not_worked": _("Ook dit helpt: zo leren we samen wat beter kan."),
}
EXPLANATION_MAX = 300


def _explanation(label):
    return forms.CharField(
        label=_("Toelichting bij %(label)s") % {"label": label},
        help_text=_("Eén zin, mag leeg blijven."),
        max_length=EXPLANATION_MAX,
        required=False,
    )


class ReportForm(forms.Form):
    """The whole report on one page; `groups` tells the template which fields belong together."""

    def __init__(self, *args, report, planned_hints=None, **kwargs):
        super().__init__(*args, auto_id="%s", **kwargs)
        self.report = report
        self.figures = list(report.figures.select_related("planned").prefetch_related("planned__doelgroepen"))
        self.indicators = list(
            Indicator.objects.filter(is_active=True, source=Indicator.Source.REPORTS).exclude(
                slug__in=Indicator.FROM_FIGURES
            )
        )
        self.categories = _cost_categories(report.obligation.aanvraag)
        self.groups = {"figures": [], "indicators": [], "spending": [], "texts": []}
        hints = planned_hints or {}
        for figure in self.figures:
            self.groups["figures"].append(self._figure_fields(figure, hints.get(figure.planned_id, {})))
        for indicator in self.indicators:
            self.groups["indicators"].append(self._indicator_fields(indicator))
        for category, label, planned_cents in self.categories:
            self.groups["spending"].append(self._spending_fields(category, label, planned_cents))
        for name, label in TEXTS:
            self.fields[name] = forms.CharField(
                label=label,
                help_text=TEXT_HELP.get(name, ""),
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=4000,
                required=False,
                initial=getattr(report, name),
            )
            self.groups["texts"].append(name)
        self._photo_fields()

    def _photo_fields(self):
        """One new photo per save, with what it shows and the consent of the people on it; a
        checkbox per photo already there takes it off."""
        self.photos = list(self.report.photos.filter(removed_at__isnull=True))
        self.fields["foto"] = forms.FileField(
            label=_("Foto"),
            required=False,
            help_text=_("JPG, PNG of WebP, hoogstens %(max)s MB. We maken hem kleiner en halen de locatie eruit.")
            % {"max": settings.PHOTO_MAX_BYTES // 1024 // 1024},
            widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            error_messages={"empty": _("Het bestand is leeg. Kies de foto opnieuw.")},
        )
        self.fields["foto-tekst"] = forms.CharField(
            label=_("Wat staat er op de foto?"),
            help_text=_("Voor wie de foto niet kan zien, bijvoorbeeld: buren koken samen. Schrijf geen namen."),
            max_length=ReportPhoto._meta.get_field("caption").max_length,
            required=False,
        )
        self.fields["foto-toestemming"] = forms.BooleanField(
            label=_("De mensen die herkenbaar op de foto staan, vinden het goed dat het stadsdeel hem ziet."),
            required=False,
        )
        self.fields["foto-weghalen"] = forms.TypedMultipleChoiceField(
            label=_("Foto’s weghalen"),
            choices=[(photo.pk, photo.caption) for photo in self.photos],
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )

    def clean(self):
        data = super().clean()
        photo, caption = data.get("foto"), data.get("foto-tekst", "").strip()
        if photo:
            try:
                validate_photo(photo)
            except forms.ValidationError as error:
                self.add_error("foto", error)
            if not caption:
                self.add_error("foto-tekst", _("Schrijf wat er op de foto staat."))
            if not data.get("foto-toestemming"):
                self.add_error(
                    "foto-toestemming",
                    _("Zet een vinkje als de mensen op de foto het goedvinden. Anders: kies een andere foto."),
                )
            if len(self.photos) - len(data.get("foto-weghalen", [])) >= ReportPhoto.MAX_PER_REPORT:
                self.add_error(
                    "foto",
                    _("Er passen hoogstens %(max)s foto’s bij een verslag. Haal er eerst een weg.")
                    % {"max": ReportPhoto.MAX_PER_REPORT},
                )
            elif self.errors and "foto" not in self.errors:
                # A browser never sends a file back: say so, rather than dropping it without a word.
                self.add_error("foto", _("Kies de foto opnieuw: we bewaren hem pas als de rest klopt."))
        elif caption or data.get("foto-toestemming"):
            self.add_error("foto", _("Kies de foto die bij deze tekst hoort."))
        return data

    def _figure_fields(self, figure, hints):
        pk = figure.planned_id
        rows = []
        for name in ReportFigure.FIELDS:
            label = ReportFigure._meta.get_field(name).verbose_name
            self.fields[f"{name}-{pk}"] = CountField(label=capfirst(label), help_text=hints.get(name, ""))
            self.initial[f"{name}-{pk}"] = getattr(figure, name)
            self.fields[f"uitleg-{pk}-{name}"] = _explanation(label)
            self.initial[f"uitleg-{pk}-{name}"] = figure.explanations.get(name, "")
            rows.append((f"{name}-{pk}", f"uitleg-{pk}-{name}"))
        reach = []
        for doelgroep in figure.planned.doelgroepen.all():
            self.fields[f"bereik-{pk}-{doelgroep.slug}"] = CountField(label=doelgroep.name)
            self.initial[f"bereik-{pk}-{doelgroep.slug}"] = figure.reach.get(doelgroep.slug, 0)
            reach.append(f"bereik-{pk}-{doelgroep.slug}")
        return {"planned": figure.planned, "rows": rows, "reach": reach}

    def _indicator_fields(self, indicator):
        saved = self.report.indicators.get(indicator.slug, {})
        value = f"indicator-{indicator.slug}"
        self.fields[value] = forms.DecimalField(
            label=f"{indicator.name} ({indicator.unit})",
            help_text=indicator.goal,
            required=False,
            min_value=0,
            max_digits=12,
            decimal_places=2,
            localize=True,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            error_messages={"invalid": _("Vul een getal in, bijvoorbeeld 12 of 12,5.")},
        )
        self.initial[value] = Decimal(saved["value"]) if saved.get("value") else None
        self.fields[f"{value}-uitleg"] = _explanation(indicator.name.lower())
        self.initial[f"{value}-uitleg"] = saved.get("explanation", "")
        return (value, f"{value}-uitleg")

    def _spending_fields(self, category, label, planned_cents):
        saved = self.report.spending.get(category, {})
        amount = f"uitgaven-{category}"
        self.fields[amount] = EurosField(
            label=label, help_text=_("Begroot: %(amount)s") % {"amount": euros(planned_cents)}
        )
        self.initial[amount] = saved.get("cents")
        self.fields[f"{amount}-uitleg"] = _explanation(label)
        self.initial[f"{amount}-uitleg"] = saved.get("explanation", "")
        return (amount, f"{amount}-uitleg")

    def save_kwargs(self):
        """What reporting.report_save takes, from the cleaned data."""
        data = self.cleaned_data
        figures = {}
        for figure in self.figures:
            pk = figure.planned_id
            values = {name: data.get(f"{name}-{pk}") or 0 for name in ReportFigure.FIELDS}
            values["reach"] = {
                doelgroep.slug: data.get(f"bereik-{pk}-{doelgroep.slug}") or 0
                for doelgroep in figure.planned.doelgroepen.all()
            }
            values["explanations"] = {name: data.get(f"uitleg-{pk}-{name}", "") for name in ReportFigure.FIELDS}
            figures[pk] = values
        indicators = {}
        for indicator in self.indicators:
            value = data.get(f"indicator-{indicator.slug}")
            indicators[indicator.slug] = {
                "value": "" if value is None else str(value),
                "explanation": data.get(f"indicator-{indicator.slug}-uitleg", "").strip(),
            }
        spending = {}
        for category, _label, _planned in self.categories:
            cents = data.get(f"uitgaven-{category}")
            explanation = data.get(f"uitgaven-{category}-uitleg", "").strip()
            if cents is not None or explanation:
                spending[category] = {"cents": cents, "explanation": explanation}
        return {
            "texts": {name: data.get(name, "") for name, _label in TEXTS},
            "spending": spending,
            "indicators": indicators,
            "figures": figures,
        }

    def photos_removed(self):
        return [photo for photo in self.photos if photo.pk in self.cleaned_data.get("foto-weghalen", [])]


def _cost_categories(aanvraag):
    """(category, label, begroot in cents) for each kind of cost in the begroting, or all kinds when
    the begroting has none (klein initiatief asks one total)."""
    lines = [line for line in aanvraag.begroting.all() if line.is_cost]
    planned = {}
    for line in lines:
        planned[line.category] = planned.get(line.category, 0) + line.amount_cents
    return [
        (value, label, planned.get(value, 0))
        for value, label in BegrotingRegel.Category.choices
        if value in BegrotingRegel.COSTS and (value in planned or not lines)
    ]


class ReviewForm(forms.Form):
    ACCEPT, CHANGES = "goedkeuren", "wijzigingen"

    decision = forms.ChoiceField(choices=[(ACCEPT, ACCEPT), (CHANGES, CHANGES)], widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Opmerking voor de organisatie"),
        help_text=_("Nodig als u om wijzigingen vraagt: schrijf wat de organisatie moet veranderen."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.CHANGES and not data.get("comment", "").strip():
            self.add_error("comment", _("Schrijf wat de organisatie moet veranderen."))
        return data

    @property
    def accepted(self):
        return self.cleaned_data["decision"] == self.ACCEPT


class VaststellingForm(forms.Form):
    amount = EurosField(
        label=_("Vast te stellen bedrag"),
        required=True,
        error_messages={"required": _("Vul het bedrag in dat u vaststelt.")},
    )
    motivation = forms.CharField(
        label=_("Motivering"),
        help_text=_("Waarom dit bedrag? Is het lager dan verleend, schrijf dan wat er minder is gedaan."),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        error_messages={"required": _("Schrijf waarom u dit bedrag vaststelt.")},
    )

    def __init__(self, *args, granted_cents, **kwargs):
        kwargs.setdefault("initial", {"amount": granted_cents})
        super().__init__(*args, prefix="vaststelling", **kwargs)
        self.granted_cents = granted_cents
        self.fields["amount"].help_text = _("Verleend: %(amount)s. Lager mag, hoger niet.") % {
            "amount": euros(granted_cents)
        }

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount > self.granted_cents:
            raise forms.ValidationError(
                _("Het bedrag mag niet hoger zijn dan het verleende bedrag: %(amount)s.")
                % {"amount": euros(self.granted_cents)}
            )
        return amount


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Bericht"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Schrijf eerst een bericht.")},
    )
    obligation = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="bericht", **kwargs)
