"""Forms of the staff's actions on an aanvraag. They check what a person can see is wrong before
the service runs; the service's own refusals are turned into messages by the views."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from subsidies.filters import EuroField
from subsidies.models import Aanvraag, Besluit, Score
from subsidies.money import euros

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AANVULLING_DAYS = 14


def _motivation(label, help_text=""):
    return forms.CharField(
        label=label, help_text=help_text, widget=forms.Textarea(attrs={"rows": 4}), max_length=4000, required=False
    )


def _required_text(form, name, message):
    if not form.cleaned_data.get(name, "").strip():
        form.add_error(name, message)


class AanvullingForm(forms.Form):
    question = forms.CharField(
        label=_("Wat ontbreekt er?"),
        help_text=_("De organisatie krijgt deze vraag per e-mail en ziet hem bij de aanvraag."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Schrijf wat de organisatie moet aanvullen.")},
    )
    due_on = forms.DateField(
        label=_("Aanvullen vóór"),
        help_text=_("De beslistermijn staat stil tot de aanvulling binnen is, of tot deze datum voorbij is."),
        widget=DATE_WIDGET,
        error_messages={"required": _("Kies de datum waarvoor de aanvulling binnen moet zijn.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"due_on": timezone.localdate() + datetime.timedelta(days=AANVULLING_DAYS)})
        super().__init__(*args, prefix="aanvulling", **kwargs)

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on <= timezone.localdate():
            raise forms.ValidationError(_("Kies een datum na vandaag."))
        return due_on


class ScoresForm(forms.Form):
    """One verdict and motivation per condition, all on one form."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, prefix="oordeel", **kwargs)
        self.rows = rows
        for row in rows:
            condition, score = row["condition"], row["score"]
            self.fields[f"verdict_{condition.pk}"] = forms.ChoiceField(
                label=_("Oordeel over: %(title)s") % {"title": condition.title},
                choices=Score.Verdict.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=score.verdict if score else None,
            )
            self.fields[f"motivation_{condition.pk}"] = _motivation(
                _("Motivering"), help_text=_("Nodig bij ‘voldoet niet’ en ‘niet van toepassing’.")
            )
            self.fields[f"motivation_{condition.pk}"].initial = score.motivation if score else ""

    def clean(self):
        data = super().clean()
        if not any(data.get(f"verdict_{row['condition'].pk}") for row in self.rows):
            raise forms.ValidationError(_("Kies bij minstens één voorwaarde een oordeel."))
        for row in self.rows:
            pk = row["condition"].pk
            verdict = data.get(f"verdict_{pk}")
            if verdict and verdict != Score.Verdict.VOLDOET and not data.get(f"motivation_{pk}", "").strip():
                why = _("niet voldoet") if verdict == Score.Verdict.VOLDOET_NIET else _("niet van toepassing is")
                self.add_error(f"motivation_{pk}", _("Schrijf waarom de aanvraag hier %(why)s.") % {"why": why})
        return data

    def bound_rows(self):
        for row in self.rows:
            pk = row["condition"].pk
            yield {**row, "verdict": self[f"verdict_{pk}"], "motivation": self[f"motivation_{pk}"]}

    def scores(self):
        """(condition, verdict, motivation) for each condition given a verdict."""
        for row in self.rows:
            pk = row["condition"].pk
            verdict = self.cleaned_data.get(f"verdict_{pk}")
            if verdict:
                yield row["condition"], verdict, self.cleaned_data.get(f"motivation_{pk}", "")


class _AmountMixin:
    """The amount belongs to the outcome: all of the request, part of it, or nothing."""

    partial = None

    def clean_partial_amount(self, choice):
        amount = self.cleaned_data.get("amount")
        if choice != self.partial:
            return
        requested = self.aanvraag.requested_cents
        if amount is None:
            self.add_error("amount", _("Vul bij een deel het bedrag in dat u voorstelt."))
        elif not 0 < amount < requested:
            self.add_error(
                "amount",
                _("Een deel is meer dan € 0 en minder dan het gevraagde bedrag (%(requested)s).")
                % {"requested": euros(requested)},
            )


class AdviceForm(_AmountMixin, forms.Form):
    partial = Aanvraag.Advice.DEELS

    advice = forms.ChoiceField(
        label=_("Advies"),
        choices=Aanvraag.Advice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een advies.")},
    )
    amount = EuroField(
        label=_("Voorgesteld bedrag (€)"),
        required=False,
        help_text=_("Alleen bij ‘deels verlenen’. Bij verlenen geldt het gevraagde bedrag, bij afwijzen € 0."),
    )
    motivation = _motivation(_("Motivering van het advies"))

    def __init__(self, *args, aanvraag, **kwargs):
        super().__init__(*args, prefix="advies", **kwargs)
        self.aanvraag = aanvraag

    def clean(self):
        data = super().clean()
        _required_text(self, "motivation", _("Schrijf waarom u dit adviseert."))
        self.clean_partial_amount(data.get("advice"))
        return data


class SendBackForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom stuurt u het advies terug?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Schrijf waarom u het advies terugstuurt.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="terug", **kwargs)


class DecideForm(_AmountMixin, forms.Form):
    partial = Besluit.Outcome.DEELS_VERLEEND

    outcome = forms.ChoiceField(
        label=_("Besluit"),
        choices=Besluit.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een besluit.")},
    )
    amount = EuroField(
        label=_("Bedrag bij deels verlenen (€)"),
        required=False,
        help_text=_("Bij verlenen geldt het gevraagde bedrag, bij afwijzen € 0."),
    )
    motivation = _motivation(_("Motivering"), help_text=_("Komt zo in de beschikking."))
    obligations = forms.CharField(
        label=_("Verplichtingen"),
        help_text=_("Welke verslagen en wanneer. Komt in de beschikking; niet bij afwijzen."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )
    verzenddatum = forms.DateField(
        label=_("Verzenddatum"),
        help_text=_("De bezwaartermijn van zes weken begint de dag hierna."),
        widget=DATE_WIDGET,
        error_messages={"required": _("Vul de verzenddatum in.")},
    )
    ingangsdatum = forms.DateField(label=_("Subsidie vanaf"), widget=DATE_WIDGET, required=False)
    vervaldatum = forms.DateField(label=_("Subsidie tot en met"), widget=DATE_WIDGET, required=False)

    def __init__(self, *args, aanvraag, obligations, **kwargs):
        ronde = aanvraag.ronde
        kwargs.setdefault(
            "initial",
            {
                "outcome": {"verlenen": "verleend", "deels": "deels_verleend", "afwijzen": "afgewezen"}.get(
                    aanvraag.advice
                ),
                "amount": euros(aanvraag.advice_cents).removeprefix("€ ") if aanvraag.advice == "deels" else "",
                "obligations": obligations,
                "verzenddatum": timezone.localdate(),
                "ingangsdatum": ronde.period_start,
                "vervaldatum": ronde.period_end,
            },
        )
        super().__init__(*args, prefix="besluit", **kwargs)
        self.aanvraag = aanvraag

    def clean(self):
        data = super().clean()
        _required_text(self, "motivation", _("Schrijf waarom u zo besluit: dit komt in de beschikking."))
        self.clean_partial_amount(data.get("outcome"))
        start, end = data.get("ingangsdatum"), data.get("vervaldatum")
        if start and end and end < start:
            self.add_error("vervaldatum", _("Deze datum ligt vóór ‘subsidie vanaf’."))
        return data


class BatchForm(forms.Form):
    aanvragen = forms.ModelMultipleChoiceField(
        label=_("Aanvragen"),
        queryset=Aanvraag.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één aanvraag.")},
    )
    motivation = forms.CharField(
        label=_("Motivering voor alle gekozen aanvragen"),
        help_text=_("Komt in de beschikking van elke aanvraag."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Schrijf een motivering.")},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanvragen"].queryset = candidates
