import uuid

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from accounts.forms import GuidedFormMixin
from activities.languages import LANGUAGE_NAMES
from activities.models import Activity, Bouwsteen, Doelgroep, ScheduleSlot, Theme, postcode_validator
from activities.photos import validate_photo
from activities.services import ActivityData, Place, ScheduleRow
from stadsdelen.models import Gebied

LANGUAGE_CHOICES = sorted(LANGUAGE_NAMES.items(), key=lambda item: str(item[1]))
phone_validator = RegexValidator(r"^[0-9 +()-]{6,20}$", _("Schrijf een telefoonnummer, bijvoorbeeld 020 123 4567."))


class GebiedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.stadsdeel.name})"


class ActivityForm(GuidedFormMixin, forms.ModelForm):
    """An activity with its place; the schedule rows come in ScheduleFormSet."""

    languages = forms.MultipleChoiceField(
        label=_("Welke talen spreken jullie, naast Nederlands?"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    location_name = forms.CharField(
        label=_("Naam van de plek"), max_length=200, help_text=_("Bijvoorbeeld: Buurthuis De Meeuw")
    )
    location_street = forms.CharField(label=_("Straat en huisnummer"), max_length=200)
    location_postcode = forms.CharField(label=_("Postcode"), max_length=7, validators=[postcode_validator])
    location_gebied = GebiedChoiceField(
        label=_("Gebied"),
        queryset=Gebied.objects.current().select_related("stadsdeel").order_by("stadsdeel__name", "name"),
        empty_label=_("Kies een gebied"),
    )
    location_wheelchair_accessible = forms.BooleanField(label=_("Toegankelijk met een rolstoel"), required=False)
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bouwsteen"].queryset = Bouwsteen.objects.all()
        self.fields["bouwsteen"].empty_label = None
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["doelgroepen"].queryset = Doelgroep.objects.all()
        self.fields["contact_phone"].validators.append(phone_validator)
        self.fields["themes"].error_messages["required"] = _("Kies minstens één onderwerp.")
        self.fields["doelgroepen"].error_messages["required"] = _("Kies voor wie het is.")
        self.fields["bouwsteen"].error_messages["required"] = _("Kies het soort aanbod.")
        self.fields["location_gebied"].error_messages["required"] = _("Kies het gebied van de plek.")
        instance = self.instance
        if instance.pk and not self.is_bound:
            self.initial.update(
                languages=instance.languages,
                location_name=instance.location.name,
                location_street=instance.location.street,
                location_postcode=instance.location.postcode,
                location_gebied=instance.location.gebied_id,
                location_wheelchair_accessible=instance.location.wheelchair_accessible,
                version=instance.version,
            )
        if not instance.pk and not self.is_bound:
            self.initial["creation_key"] = uuid.uuid4()

    def clean_location_postcode(self):
        value = self.cleaned_data["location_postcode"].replace(" ", "").upper()
        return f"{value[:4]} {value[4:]}"

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
            ),
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
        if not data.get("free") and not data.get("cost"):
            self.add_error("cost", _("Schrijf wat het kost, of vink ‘Gratis’ aan."))
        has_photo = bool(data.get("photo")) or (bool(self.instance.photo) and not data.get("photo_clear"))
        if has_photo and not data.get("photo_alt"):
            self.add_error("photo_alt", _("Beschrijf in een paar woorden wat er op de foto staat."))
        return data


class ScheduleRowForm(GuidedFormMixin, forms.Form):
    day = forms.TypedChoiceField(
        label=_("Dag"),
        choices=[("", _("Kies een dag")), *ScheduleSlot.Day.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    start = forms.TimeField(label=_("Van"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Tot"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))

    def clean(self):
        data = super().clean()
        filled = [data.get("day") is not None, bool(data.get("start")), bool(data.get("end"))]
        if any(filled) and not all(filled):
            raise forms.ValidationError(_("Vul de dag, de begintijd en de eindtijd in, of laat de hele regel leeg."))
        if all(filled) and data["end"] <= data["start"]:
            self.add_error("end", _("De eindtijd moet later zijn dan de begintijd."))
        return data


ScheduleFormSet = forms.formset_factory(ScheduleRowForm, extra=0, max_num=14)
SCHEDULE_ROWS = 4


def schedule_formset(data=None, activity=None):
    initial = []
    if activity is not None and activity.pk:
        initial = [{"day": s.day, "start": s.start, "end": s.end} for s in activity.schedule.all()]
    initial += [{}] * max(SCHEDULE_ROWS - len(initial), 1)
    return ScheduleFormSet(data, initial=None if data is not None else initial, prefix="schedule")


def schedule_rows(formset):
    return [
        ScheduleRow(day=row.cleaned_data["day"], start=row.cleaned_data["start"], end=row.cleaned_data["end"])
        for row in formset
        if row.cleaned_data.get("day") is not None
    ]


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
