"""The organisation's forms for an aanvraag. Drafts may be incomplete (services.missing_items says
what is still missing before submitting), but what is typed must make sense: a bad amount or file
is refused at its field, and nothing else typed is lost."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Bouwsteen, Doelgroep
from stadsdelen.models import Gebied
from subsidies import services
from subsidies.models import Aanvraag, Attachment, BegrotingRegel, Condition, Ronde, Track
from subsidies.money import euros, parse_euros
from subsidies.uploads import ACCEPT, KINDS_TEXT, MAX_BYTES, validate_attachment

# Far above any subsidy; keeps a typo of twenty digits out of the database.
MAX_CENTS = 1_000_000_000 * 100


class EurosField(forms.CharField):
    """An amount typed the Dutch way ("4.500", "4.500,50", "€ 12"), cleaned to cents."""

    default_error_messages = {
        "invalid": _("Schrijf een bedrag in euro’s, bijvoorbeeld 4.500 of 4.500,50."),
        "too_large": _("Dit bedrag is te hoog. Kijk het bedrag na."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        attrs = {"inputmode": "decimal", "autocomplete": "off", "maxlength": 20}
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > 20:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            cents = parse_euros(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if cents > MAX_CENTS:
            raise ValidationError(self.error_messages["too_large"], code="too_large")
        return cents

    def prepare_value(self, value):
        # Initial values are cents; what someone typed is shown back exactly as typed.
        if isinstance(value, int):
            return euros(value).removeprefix("€ ")
        return value


class CountField(forms.IntegerField):
    default_error_messages = {
        "invalid": _("Vul een heel getal in, bijvoorbeeld 12."),
        "min_value": _("Vul 0 of meer in."),
        "max_value": _("Dit getal is te groot. Kijk het na."),
    }

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, max_value=1_000_000, **kwargs)
        self.widget.attrs.update(inputmode="numeric")


def error_items(form, context=""):
    """Links for the error summary at the top of the page: one per field with an error."""
    items = []
    for message in form.non_field_errors():
        items.append({"href": f"#{form.prefix or 'fouten'}", "text": f"{context}{message}"})
    for field in form:
        if field.errors:
            anchor = field.auto_id
            if field.widget_type in {"radioselect", "checkboxselectmultiple"}:
                anchor = f"{anchor}_0"
            label = str(field.label)
            separator = " " if label.endswith(("?", ":")) else ": "
            items.append({"href": f"#{anchor}", "text": f"{context}{label}{separator}{field.errors[0]}"})
    return items


# Starting an aanvraag ----------------------------------------------------------------------------


class RondeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, ronde):
        return _("%(stadsdeel)s: %(regeling)s %(name)s (aanvragen tot en met %(closes)s)") % {
            "regeling": ronde.regeling.name,
            "name": ronde.name,
            "stadsdeel": ronde.stadsdeel.name,
            "closes": formats.date_format(ronde.closes_on, "j F Y"),
        }


class TrackChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, track):
        label = f"{track.name}: {track.description}" if track.description else track.name
        if track.max_amount_cents is not None:
            label += " " + str(_("(hoogstens %(max)s)") % {"max": euros(track.max_amount_cents)})
        return label


class CopyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, aanvraag):
        return f"{aanvraag.dossiernummer} · {aanvraag.projectnaam or _('zonder naam')} ({aanvraag.ronde.name})"


class StartForm(forms.Form):
    ronde = RondeChoiceField(
        label=_("Voor welk stadsdeel?"),
        queryset=Ronde.objects.none(),
        empty_label=_("Kies een stadsdeel en ronde"),
        help_text=_("Werken jullie in meer stadsdelen? Dan vragen jullie bij elk stadsdeel apart aan."),
        error_messages={"required": _("Kies de ronde."), "invalid_choice": _("Deze ronde is niet meer open.")},
    )
    track = TrackChoiceField(
        label=_("Wat voor subsidie vragen jullie?"),
        queryset=Track.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_("Klein initiatief is één kort formulier, voor stadsdorpen en bewonersinitiatieven."),
        error_messages={"required": _("Kies wat voor subsidie jullie vragen.")},
    )
    copy_from = CopyChoiceField(
        label=_("Begin met een eerdere aanvraag (mag leeg blijven)"),
        queryset=Aanvraag.objects.none(),
        required=False,
        empty_label=_("Nee, begin met een lege aanvraag"),
        help_text=_("Alles wordt overgenomen behalve het besluit. Daarna pas je aan wat anders is."),
    )

    def __init__(self, *args, organisation, rondes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ronde"].queryset = rondes
        self.fields["track"].queryset = Track.objects.filter(regeling__rondes__in=rondes).distinct()
        self.fields["copy_from"].queryset = organisation.aanvragen.select_related("ronde").order_by("-created_at")
        # Most organisations work in one stadsdeel: where their activities are. Start from that one.
        home = set(organisation.activities.values_list("location__gebied__stadsdeel_id", flat=True))
        likely = [ronde for ronde in rondes if ronde.stadsdeel_id in home]
        if len(likely) == 1 or len(rondes) == 1:
            self.initial.setdefault("ronde", (likely or rondes)[0].pk)

    def clean(self):
        data = super().clean()
        ronde, track = data.get("ronde"), data.get("track")
        if ronde and track and track.regeling_id != ronde.regeling_id:
            self.add_error("track", _("Dit soort subsidie hoort niet bij de gekozen ronde. Kies een ander soort."))
        return data


# The steps ---------------------------------------------------------------------------------------


def _condition_field_name(condition):
    return f"condition_{condition.slug}"


class StatementsMixin:
    """One text per condition, labelled with its title and explained by its description."""

    def add_condition_fields(self, aanvraag, conditions):
        written = dict(aanvraag.statements.values_list("condition_id", "text"))
        self.conditions = list(conditions)
        for condition in self.conditions:
            name = _condition_field_name(condition)
            self.fields[name] = forms.CharField(
                label=condition.title,
                help_text=condition.description,
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.initial.setdefault(name, written.get(condition.pk, ""))

    def condition_groups(self):
        """(group label, bound fields) in the kader's order: Uitvoering, then Samenwerking."""
        groups = {}
        for condition in self.conditions:
            groups.setdefault(condition.group, []).append(self[_condition_field_name(condition)])
        order = [Condition.Group.UITVOERING, Condition.Group.SAMENWERKING, Condition.Group.FORMEEL]
        return [(Condition.Group(group).label, groups[group]) for group in order if group in groups]

    def statement_texts(self):
        return {c.pk: self.cleaned_data[_condition_field_name(c)] for c in self.conditions}


class GegevensForm(forms.Form):
    projectnaam = forms.CharField(
        label=_("Naam van het project"),
        max_length=200,
        required=False,
        help_text=_("Kort en duidelijk, bijvoorbeeld: Buurtkamer De Meeuw."),
    )
    recurrence = forms.ChoiceField(
        label=_("Is het eenmalig of komt het elk jaar terug?"),
        choices=Aanvraag.Recurrence.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies eenmalig of periodiek.")},
    )
    summary = forms.CharField(
        label=_("Wat willen jullie doen?"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Schrijf in gewone woorden wat jullie gaan doen, voor wie, en waarom dat nodig is."),
    )
    requested = EurosField(
        label=_("Hoeveel geld vragen jullie?"), help_text=_("In euro’s, bijvoorbeeld 4.500 of 4.500,50.")
    )
    contact_name = forms.CharField(label=_("Contactpersoon"), max_length=150, required=False)
    contact_email = forms.EmailField(
        label=_("E-mailadres van de contactpersoon"),
        required=False,
        error_messages={"invalid": _("Schrijf een e-mailadres, bijvoorbeeld naam@voorbeeld.nl.")},
    )

    def __init__(self, *args, aanvraag, **kwargs):
        self.aanvraag = aanvraag
        kwargs.setdefault(
            "initial",
            {
                "projectnaam": aanvraag.projectnaam,
                "recurrence": aanvraag.recurrence,
                "summary": aanvraag.summary,
                "requested": aanvraag.requested_cents or None,
                "contact_name": aanvraag.contact_name,
                "contact_email": aanvraag.contact_email,
            },
        )
        super().__init__(*args, **kwargs)

    def clean_requested(self):
        cents = self.cleaned_data["requested"]
        track = self.aanvraag.track
        if cents is not None and track.max_amount_cents is not None and cents > track.max_amount_cents:
            raise ValidationError(
                _("Bij %(track)s kun je hoogstens %(max)s vragen."),
                params={"track": track.name, "max": euros(track.max_amount_cents)},
            )
        return cents

    def update_kwargs(self):
        data = self.cleaned_data
        return {
            "projectnaam": data["projectnaam"].strip(),
            "recurrence": data["recurrence"],
            "summary": data["summary"].strip(),
            "requested_cents": data["requested"] or 0,
            "contact_name": data["contact_name"].strip(),
            "contact_email": data["contact_email"],
        }


class KortForm(StatementsMixin, GegevensForm):
    """Klein initiatief on one screen: the gegevens, one total cost, a short plan, a few conditions."""

    total_costs = EurosField(
        label=_("Wat kost het in totaal?"),
        help_text=_("Alle kosten samen, in euro’s. Jullie vragen hoogstens dit bedrag."),
    )

    field_order = ["projectnaam", "recurrence", "summary", "total_costs", "requested", "contact_name", "contact_email"]

    def __init__(self, *args, aanvraag, **kwargs):
        super().__init__(*args, aanvraag=aanvraag, **kwargs)
        self.fields["summary"].label = _("Jullie plan in het kort")
        self.fields["summary"].help_text = _(
            "Wat gaan jullie doen, voor wie, waar en wanneer? Een paar zinnen is genoeg."
        )
        self.initial.setdefault("total_costs", aanvraag.costs_cents() or None)
        self.add_condition_fields(aanvraag, services.conditions_for(aanvraag))

    def clean(self):
        data = super().clean()
        requested, costs = data.get("requested"), data.get("total_costs")
        if requested and costs is not None and requested > costs:
            self.add_error(
                "requested",
                _("Jullie vragen meer dan het project kost. Vraag hoogstens %(costs)s.") % {"costs": euros(costs)},
            )
        return data

    def budget_lines(self):
        costs = self.cleaned_data["total_costs"]
        if not costs:
            return []
        return [
            services.BudgetLine(
                category=BegrotingRegel.Category.ACTIVITEITEN, description=str(_("Totale kosten")), amount_cents=costs
            )
        ]


class VoorwaardenForm(StatementsMixin, forms.Form):
    def __init__(self, *args, aanvraag, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_condition_fields(aanvraag, services.conditions_for(aanvraag))


class BegrotingRegelForm(forms.Form):
    category = forms.ChoiceField(label=_("Soort"), required=False)
    description = forms.CharField(label=_("Omschrijving"), max_length=200, required=False)
    amount = EurosField(label=_("Bedrag"))

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Kies de soort")), *categories]

    def clean(self):
        data = super().clean()
        amount_typed = data.get("amount") is not None or "amount" in self.errors
        if not (data.get("category") or data.get("description", "").strip() or amount_typed):
            return data  # an empty row: nothing to add
        if not data.get("category"):
            self.add_error("category", _("Kies de soort."))
        if not data.get("description", "").strip():
            self.add_error("description", _("Schrijf waarvoor dit bedrag is."))
        if not amount_typed:
            self.add_error("amount", _("Vul het bedrag in."))
        return data

    def budget_line(self):
        data = self.cleaned_data
        if not data.get("category"):
            return None
        return services.BudgetLine(
            category=data["category"], description=data["description"].strip(), amount_cents=data["amount"]
        )


BegrotingFormSet = forms.formset_factory(BegrotingRegelForm, extra=0, max_num=60, absolute_max=60, validate_max=True)
EMPTY_ROWS = 3
COSTS = [(value, label) for value, label in BegrotingRegel.Category.choices if value in BegrotingRegel.COSTS]
INCOME = [(value, label) for value, label in BegrotingRegel.Category.choices if value not in BegrotingRegel.COSTS]


def _padded(rows, empty=EMPTY_ROWS):
    return rows + [{}] * empty


def begroting_formsets(aanvraag, data=None):
    """Two lists of rows, costs and income, each with a few empty rows to add to (no JavaScript needed)."""
    lines = list(aanvraag.begroting.all())

    def formset(prefix, categories, is_cost):
        initial = [
            {"category": line.category, "description": line.description, "amount": line.amount_cents}
            for line in lines
            if line.is_cost == is_cost
        ]
        return BegrotingFormSet(
            data,
            initial=None if data is not None else _padded(initial),
            prefix=prefix,
            form_kwargs={"categories": categories},
        )

    return formset("costs", COSTS, True), formset("income", INCOME, False)


def budget_lines(*formsets):
    return [line for formset in formsets for row in formset if (line := row.budget_line()) is not None]


class GebiedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, gebied):
        return gebied.name


class ActiviteitForm(forms.Form):
    title = forms.CharField(label=_("Naam van de activiteit"), max_length=200, required=False)
    bouwsteen = forms.ModelChoiceField(
        label=_("Bouwsteen"), queryset=Bouwsteen.objects.all(), required=False, empty_label=_("Kies een bouwsteen")
    )
    gebied = GebiedChoiceField(label=_("Gebied"), queryset=Gebied.objects.none(), required=False)
    doelgroepen = forms.ModelMultipleChoiceField(
        label=_("Voor wie?"),
        queryset=Doelgroep.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    participants = CountField(label=_("Verwachte deelnemers"), help_text=_("Verschillende mensen per jaar."))
    meetings = CountField(label=_("Verwachte bijeenkomsten"), help_text=_("Aantal per jaar."))
    volunteers = CountField(label=_("Verwachte vrijwilligers"))
    activity = forms.ModelChoiceField(
        label=_("Staat deze activiteit al op de website? (mag leeg blijven)"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("Nee, of nog niet"),
    )
    remove = forms.BooleanField(label=_("Deze activiteit weghalen"), required=False)

    def __init__(self, *args, gebieden, own_activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = gebieden
        self.fields["gebied"].empty_label = _("Kies een gebied")
        self.fields["activity"].queryset = own_activities
        self.fields["doelgroepen"].error_messages["invalid_choice"] = _("Kies een doelgroep uit de lijst.")

    def is_empty(self):
        data = self.cleaned_data
        return not (
            data.get("title", "").strip()
            or data.get("bouwsteen")
            or data.get("gebied")
            or data.get("doelgroepen")
            or any(data.get(name) for name in ["participants", "meetings", "volunteers"])
        )

    def clean(self):
        data = super().clean()
        if data.get("remove") or self.is_empty() or self.errors:
            return data
        if not data.get("title", "").strip():
            self.add_error("title", _("Geef de activiteit een naam."))
        if not data.get("bouwsteen"):
            self.add_error("bouwsteen", _("Kies een bouwsteen."))
        if not data.get("gebied"):
            self.add_error("gebied", _("Kies het gebied."))
        if not data.get("doelgroepen"):
            self.add_error("doelgroepen", _("Kies minstens één doelgroep."))
        return data

    def planned(self):
        data = self.cleaned_data
        if data.get("remove") or self.is_empty():
            return None
        return services.PlannedActivity(
            title=data["title"].strip(),
            bouwsteen=data["bouwsteen"],
            gebied=data["gebied"],
            doelgroepen=list(data["doelgroepen"]),
            participants=data["participants"] or 0,
            meetings=data["meetings"] or 0,
            volunteers=data["volunteers"] or 0,
            activity_id=data["activity"].pk if data.get("activity") else None,
        )


ActiviteitFormSet = forms.formset_factory(ActiviteitForm, extra=0, max_num=30, absolute_max=30, validate_max=True)


def activiteiten_formset(aanvraag, data=None):
    initial = [
        {
            "title": planned.title,
            "bouwsteen": planned.bouwsteen_id,
            "gebied": planned.gebied_id,
            "doelgroepen": [group.pk for group in planned.doelgroepen.all()],
            "participants": planned.participants,
            "meetings": planned.meetings,
            "volunteers": planned.volunteers,
            "activity": planned.activity_id,
        }
        for planned in aanvraag.activiteiten.prefetch_related("doelgroepen")
    ]
    # Initial also when bound: a row that was saved keeps its "weghalen" box after an error.
    return ActiviteitFormSet(
        data,
        initial=_padded(initial, empty=1),
        prefix="activities",
        form_kwargs={
            "gebieden": Gebied.objects.current().filter(stadsdeel=aanvraag.ronde.stadsdeel_id).order_by("name"),
            "own_activities": aanvraag.organisation.activities.order_by("title"),
        },
    )


class BijlageForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat voor bijlage is het?"),
        choices=[("", _("Kies de soort")), *Attachment.Kind.choices],
        error_messages={"required": _("Kies wat voor bijlage het is.")},
    )
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("%(kinds)s, hoogstens %(max)s MB.") % {"kinds": KINDS_TEXT, "max": MAX_BYTES // 1024 // 1024},
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg. Kies het bestand opnieuw."),
            "max_length": _("De naam van het bestand is te lang. Geef het bestand een kortere naam."),
        },
        max_length=150,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_attachment(upload)
        return upload


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom trekken jullie de aanvraag in?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Het stadsdeel leest dit. Een paar woorden is genoeg."),
        error_messages={"required": _("Schrijf waarom jullie de aanvraag intrekken.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Schrijf waarom jullie de aanvraag intrekken."))
        return reason
