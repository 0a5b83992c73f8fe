import datetime
import re
import uuid
from itertools import groupby

from django import forms
from django.core.validators import RegexValidator
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from accounts.forms import GuidedFormMixin
from activities.languages import LANGUAGE_NAMES
from activities.models import Activity, Bouwsteen, Doelgroep, Location, ScheduleSlot, Theme, postcode_validator
from activities.photos import validate_photo
from activities.services import ActivityData, Place, ScheduleRow
from stadsdelen.models import Gebied

LANGUAGE_CHOICES = sorted(LANGUAGE_NAMES.items(), key=lambda item: str(item[1]))
phone_validator = RegexValidator(r"^[0-9 +()-]{6,20}$", _("Schrijf een telefoonnummer, bijvoorbeeld 020 123 4567."))


class _GebiedenByStadsdeel(BaseChoiceIterator):
    def __init__(self, field):
        self.field = field

    def __iter__(self):
        yield "", self.field.empty_label
        gebieden = self.field.queryset.select_related("stadsdeel").order_by("stadsdeel__name", "name")
        for stadsdeel, group in groupby(gebieden, key=lambda gebied: gebied.stadsdeel.name):
            yield stadsdeel, [(gebied.pk, gebied.name) for gebied in group]


class GebiedField(forms.ModelChoiceField):
    """The current gebieden, under a heading per stadsdeel."""

    def __init__(self, **kwargs):
        super().__init__(queryset=Gebied.objects.current(), empty_label=_("Kies een gebied"), **kwargs)
        self.error_messages["required"] = _("Kies het gebied van de plek.")

    def _get_choices(self):
        return _GebiedenByStadsdeel(self)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


def _normalised_postcode(value):
    value = value.replace(" ", "").upper()
    return f"{value[:4]} {value[4:]}"


class LocationForm(GuidedFormMixin, forms.ModelForm):
    """One of the organisation's saved locations."""

    gebied = GebiedField(label=_("Gebied"), help_text=_("Bewoners zoeken op hun gebied en stadsdeel."))

    class Meta:
        model = Location
        fields = ["name", "street", "postcode", "gebied", "wheelchair_accessible"]
        labels = {
            "name": _("Naam van de plek"),
            "street": _("Straat en huisnummer"),
            "postcode": _("Postcode"),
            "wheelchair_accessible": _("Toegankelijk met een rolstoel"),
        }
        help_texts = {
            "name": _("Bijvoorbeeld: Buurthuis De Meeuw"),
            "street": _("Bijvoorbeeld: Meeuwenlaan 1"),
            "postcode": _("4 cijfers en 2 letters, bijvoorbeeld 1021 AA"),
            "wheelchair_accessible": _("Alleen aanvinken als iemand in een rolstoel zelf binnenkomt, ook bij de wc."),
        }

    def clean_postcode(self):
        return _normalised_postcode(self.cleaned_data["postcode"])

    def place(self):
        data = self.cleaned_data
        return Place(
            name=data["name"],
            street=data["street"],
            postcode=data["postcode"],
            gebied=data["gebied"],
            wheelchair_accessible=data["wheelchair_accessible"],
        )


NEW_PLACE = "nieuw"
ONLINE = "online"
NEW_PLACE_REQUIRED = {
    "location_name": _("Vul de naam van de nieuwe plek in."),
    "location_street": _("Vul de straat en het huisnummer van de nieuwe plek in."),
    "location_postcode": _("Vul de postcode van de nieuwe plek in."),
    "location_gebied": _("Kies het gebied van de nieuwe plek."),
}


def location_label(location):
    accessible = _("rolstoeltoegankelijk") if location.wheelchair_accessible else _("rolstoel: niet bekend")
    return f"{location.name}, {location.street} ({location.gebied.name}; {accessible})"


class ActivityForm(GuidedFormMixin, forms.ModelForm):
    """An activity with its place; the schedule rows come in ScheduleFormSet."""

    languages = forms.MultipleChoiceField(
        label=_("Welke talen spreken jullie, naast Nederlands?"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    place = forms.ChoiceField(
        label=_("Waar is het?"),
        widget=forms.RadioSelect,
        help_text=_("Kies een plek van jullie organisatie, een nieuwe plek, of online."),
        error_messages={
            "required": _("Kies waar het is: een plek, ‘Nieuwe plek’ of ‘Online’."),
            "invalid_choice": _("Kies een plek uit de lijst."),
        },
    )
    # A new place, typed once: it is saved among the organisation's locations.
    location_name = forms.CharField(
        label=_("Naam van de plek (verplicht bij een nieuwe plek)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: Buurthuis De Meeuw"),
    )
    location_street = forms.CharField(
        label=_("Straat en huisnummer (verplicht bij een nieuwe plek)"), max_length=200, required=False
    )
    location_postcode = forms.CharField(
        label=_("Postcode (verplicht bij een nieuwe plek)"),
        max_length=7,
        required=False,
        validators=[postcode_validator],
        help_text=_("4 cijfers en 2 letters, bijvoorbeeld 1021 AA"),
    )
    location_gebied = GebiedField(label=_("Gebied (verplicht bij een nieuwe plek)"), required=False)
    location_wheelchair_accessible = forms.BooleanField(label=_("Toegankelijk met een rolstoel"), required=False)
    online_url = forms.URLField(
        label=_("Link om mee te doen (als het online is)"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Bijvoorbeeld een link naar Zoom, Teams of Jitsi. Bewoners zien hem pas als je publiceert."),
    )
    photo = forms.FileField(
        label=_("Foto"),
        required=False,
        help_text=_("JPG, PNG of WebP, hoogstens 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_clear = forms.BooleanField(label=_("Foto weghalen"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    creation_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Activity
        fields = [
            "title",
            "summary",
            "description",
            "bouwsteen",
            "themes",
            "doelgroepen",
            "free",
            "cost",
            "registration_required",
            "volunteers_wanted",
            "contact_email",
            "contact_phone",
            "photo_alt",
        ]
        labels = {
            "title": _("Naam van de activiteit"),
            "summary": _("Korte samenvatting (één zin)"),
            "description": _("Beschrijving"),
            "bouwsteen": _("Soort aanbod"),
            "themes": _("Onderwerpen"),
            "doelgroepen": _("Voor wie is het?"),
            "free": _("Gratis"),
            "cost": _("Wat kost het?"),
            "registration_required": _("Moeten mensen zich eerst aanmelden?"),
            "volunteers_wanted": _("Zoeken jullie vrijwilligers? Schrijf wat het werk is."),
            "contact_email": _("E-mailadres voor vragen"),
            "contact_phone": _("Telefoonnummer voor vragen"),
        }
        help_texts = {
            "title": _("Kort en duidelijk, bijvoorbeeld: Taalcafé De Meeuw"),
            "summary": _("Wat doe je er? Schrijf in gewone woorden, hoogstens 200 tekens."),
            "description": _("Wat gebeurt er, wie komt er, wat neem je mee? Schrijf korte zinnen."),
            "cost": _("Bijvoorbeeld: € 2 per keer. Leeg laten als het gratis is."),
            "volunteers_wanted": _("Leeg laten als jullie geen vrijwilligers zoeken."),
            "contact_email": _("Een e-mailadres of een telefoonnummer (of allebei). Zonder kun je niet publiceren."),
            "contact_phone": _("Een telefoonnummer of een e-mailadres (of allebei). Zonder kun je niet publiceren."),
        }
        widgets = {
            "bouwsteen": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
            "doelgroepen": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
            "volunteers_wanted": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        # The organisation's own locations only; an activity keeps an older shared one it already has.
        locations = Location.objects.filter(organisation=organisation)
        if instance.location_id:
            locations |= Location.objects.filter(pk=instance.location_id)
        self.locations = {
            str(location.pk): location for location in locations.select_related("gebied").order_by("name", "pk")
        }
        self.fields["place"].choices = [
            *((pk, location_label(location)) for pk, location in self.locations.items()),
            (NEW_PLACE, _("Nieuwe plek: vul hieronder het adres in")),
            (ONLINE, _("Online: op internet, niet op een plek")),
        ]
        self.fields["bouwsteen"].queryset = Bouwsteen.objects.all()
        self.fields["bouwsteen"].empty_label = None
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["doelgroepen"].queryset = Doelgroep.objects.all()
        self.fields["contact_phone"].validators.append(phone_validator)
        self.fields["themes"].error_messages["required"] = _("Kies minstens één onderwerp.")
        self.fields["doelgroepen"].error_messages["required"] = _("Kies voor wie het is.")
        self.fields["bouwsteen"].error_messages["required"] = _("Kies het soort aanbod.")
        if instance.pk and not self.is_bound:
            place = ONLINE if instance.online else str(instance.location_id) if instance.location_id else None
            self.initial.update(
                languages=instance.languages, place=place, online_url=instance.online_url, version=instance.version
            )
        if not instance.pk and not self.is_bound:
            self.initial["creation_key"] = uuid.uuid4()
            if not self.locations:
                self.initial["place"] = NEW_PLACE

    def clean_location_postcode(self):
        value = self.cleaned_data["location_postcode"]
        return _normalised_postcode(value) if value else value

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo:
            validate_photo(photo)
        return photo

    def activity_data(self, schedule):
        """The checked form as the services take it; `schedule` from schedule_rows()."""
        data = self.cleaned_data
        return ActivityData(
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            bouwsteen=data["bouwsteen"],
            themes=list(data["themes"]),
            doelgroepen=list(data["doelgroepen"]),
            place=Place(
                name=data["location_name"],
                street=data["location_street"],
                postcode=data["location_postcode"],
                gebied=data["location_gebied"],
                wheelchair_accessible=data["location_wheelchair_accessible"],
            )
            if data["place"] == NEW_PLACE
            else None,
            location=self.locations.get(data["place"]),
            online=data["place"] == ONLINE,
            online_url=data["online_url"] if data["place"] == ONLINE else "",
            schedule=schedule,
            free=data["free"],
            cost=data["cost"],
            registration_required=data["registration_required"],
            volunteers_wanted=data["volunteers_wanted"],
            languages=data["languages"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            photo_alt=data["photo_alt"],
        )

    def clean(self):
        data = super().clean()
        if data.get("place") == NEW_PLACE:
            for name, message in NEW_PLACE_REQUIRED.items():
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        if not data.get("free") and not data.get("cost"):
            self.add_error("cost", _("Schrijf wat het kost, of vink ‘Gratis’ aan."))
        has_photo = bool(data.get("photo")) or (bool(self.instance.photo) and not data.get("photo_clear"))
        if has_photo and not data.get("photo_alt"):
            self.add_error("photo_alt", _("Beschrijf in een paar woorden wat er op de foto staat."))
        return data


# "Hoe vaak?" as a coordinator says it -> (frequency, interval) of a schedule row.
REPEATS = {
    "week": (ScheduleSlot.Frequency.WEEKLY, 1),
    "om-de-week": (ScheduleSlot.Frequency.WEEKLY, 2),
    "maand": (ScheduleSlot.Frequency.MONTHLY, 1),
    "data": (ScheduleSlot.Frequency.DATES, 1),
}
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%y"]


def _parse_date(text):
    for date_format in DATE_INPUT_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


class DateListField(forms.CharField):
    """Dates typed as "3-12-2026, 10-12-2026" (also with spaces or on lines of their own)."""

    def to_python(self, value):
        text = super().to_python(value)
        dates = []
        for part in re.split(r"[,;\s]+", text):
            if not part:
                continue
            date = _parse_date(part)
            if date is None:
                raise forms.ValidationError(
                    _("“%(part)s” is geen datum. Schrijf dag-maand-jaar, bijvoorbeeld 3-12-2026."),
                    params={"part": part},
                )
            dates.append(date)
        return tuple(sorted(set(dates)))


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ScheduleRowForm(GuidedFormMixin, forms.Form):
    repeat = forms.ChoiceField(
        label=_("Hoe vaak?"),
        choices=[
            ("week", _("Elke week")),
            ("om-de-week", _("Om de week")),
            ("maand", _("Elke maand op de …")),
            ("data", _("Op losse data")),
        ],
        initial="week",
        required=False,
        widget=forms.RadioSelect,
    )
    week_of_month = forms.TypedChoiceField(
        label=_("Week van de maand"),
        choices=[("", _("Kies")), *ScheduleSlot.WeekOfMonth.choices],
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Bij ‘elke maand’."),
    )
    day = forms.TypedChoiceField(
        label=_("Dag"),
        choices=[("", _("Kies een dag")), *ScheduleSlot.Day.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    dates = DateListField(
        label=_("Welke data?"),
        required=False,
        max_length=1200,
        help_text=_("Bij ‘op losse data’: dag-maand-jaar, met een komma ertussen. Bijvoorbeeld: 3-12-2026, 10-12-2026"),
    )
    start = forms.TimeField(label=_("Van"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Tot"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    starts_on = forms.DateField(
        label=_("Eerste keer"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=_date_input(),
        help_text=_("Nodig bij ‘om de week’."),
    )
    ends_on = forms.DateField(
        label=_("Laatste keer"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=_date_input(),
        help_text=_("Mag leeg blijven."),
    )
    no_school_holidays = forms.BooleanField(label=_("Niet in de schoolvakanties"), required=False)

    def has_row(self, data):
        return any(
            data.get(name) not in (None, "", ())
            for name in ["day", "week_of_month", "dates", "start", "end", "starts_on", "ends_on"]
        )

    def clean(self):
        data = super().clean()
        if not self.has_row(data):
            return data
        repeat = data.get("repeat") or "week"
        # Dates typed without a day, under the choice the form starts with: meant as single dates.
        if repeat == "week" and data.get("dates") and data.get("day") is None:
            repeat = "data"
        data["repeat"] = repeat
        if not data.get("start"):
            self.add_error("start", _("Vul de begintijd in."))
        if not data.get("end"):
            self.add_error("end", _("Vul de eindtijd in."))
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("De eindtijd moet later zijn dan de begintijd."))
        if repeat == "data":
            if not data.get("dates") and "dates" not in self.errors:
                self.add_error("dates", _("Schrijf de data op, bijvoorbeeld 3-12-2026, 10-12-2026."))
            return data
        if data.get("day") is None:
            self.add_error("day", _("Kies de dag."))
        if repeat == "maand" and data.get("week_of_month") is None:
            self.add_error("week_of_month", _("Kies welke week van de maand: de eerste, tweede, … of de laatste."))
        if repeat == "om-de-week" and not data.get("starts_on"):
            self.add_error("starts_on", _("Vul de datum van de eerste keer in: dan weten we welke weken het is."))
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("De laatste keer kan niet voor de eerste keer liggen."))
        return data

    def schedule_row(self):
        """The row as the services take it, or None for an empty row."""
        data = self.cleaned_data
        if not self.has_row(data):
            return None
        frequency, interval = REPEATS[data["repeat"]]
        row = {"start": data["start"], "end": data["end"], "frequency": frequency, "interval": interval}
        row["school_holidays"] = not data["no_school_holidays"]
        if frequency == ScheduleSlot.Frequency.DATES:
            return ScheduleRow(**row, dates=data["dates"])
        row.update(day=data["day"], starts_on=data["starts_on"], ends_on=data["ends_on"])
        if frequency == ScheduleSlot.Frequency.MONTHLY:
            row["week_of_month"] = data["week_of_month"]
        return ScheduleRow(**row)


ScheduleFormSet = forms.formset_factory(ScheduleRowForm, extra=0, max_num=14)
SCHEDULE_ROWS = 2


def _initial(slot):
    """A saved row as the form shows it."""
    repeat = {
        ScheduleSlot.Frequency.MONTHLY: "maand",
        ScheduleSlot.Frequency.DATES: "data",
    }.get(slot.frequency, "om-de-week" if slot.interval > 1 else "week")
    return {
        "repeat": repeat,
        "day": slot.day,
        "week_of_month": slot.week_of_month,
        "dates": ", ".join(datetime.date.fromisoformat(value).strftime("%-d-%-m-%Y") for value in slot.dates),
        "start": slot.start,
        "end": slot.end,
        "starts_on": slot.starts_on,
        "ends_on": slot.ends_on,
        "no_school_holidays": not slot.school_holidays,
    }


def schedule_formset(data=None, activity=None):
    initial = []
    if activity is not None and activity.pk:
        initial = [_initial(slot) for slot in activity.schedule.all()]
    initial += [{}] * max(SCHEDULE_ROWS - len(initial), 1)
    return ScheduleFormSet(data, initial=None if data is not None else initial, prefix="schedule")


def schedule_rows(formset):
    return [row for row in (form.schedule_row() for form in formset) if row is not None]


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
