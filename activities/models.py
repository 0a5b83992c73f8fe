import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities import schedule, search
from activities.languages import language_name
from organisations.models import Organisation
from stadsdelen.models import Gebied

DAY_SLUGS = schedule.DAY_SLUGS
# Paths under /activiteiten/ that are not an activity.
RESERVED_SLUGS = {"afdrukken"}
# An activity not confirmed for half a year is listed as needing a check.
VERIFY_EVERY = datetime.timedelta(days=183)

postcode_validator = RegexValidator(
    r"^\d{4} ?[A-Za-z]{2}$", _("Schrijf de postcode als 4 cijfers en 2 letters, bijvoorbeeld 1021 AA.")
)


class Bouwsteen(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=100)
    # The kader's name is a policy term: residents choose by what they are looking for.
    resident_name = models.CharField(_("naam voor bewoners"), max_length=100, blank=True)
    tagline = models.CharField(_("in één zin"), max_length=200)
    description = models.TextField(_("uitleg"), blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("bouwsteen")
        verbose_name_plural = _("bouwstenen")

    def __str__(self):
        return self.name


class Theme(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self):
        return self.name


class Doelgroep(models.Model):
    # Activities for everyone count for every doelgroep a resident chooses.
    EVERYONE = "alle-amsterdammers"

    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=100)
    description = models.CharField(_("toelichting"), max_length=200, blank=True)
    # Staff-only target groups (for subsidy lines) are never public filters.
    is_public = models.BooleanField(_("zichtbaar voor bewoners"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self):
        return self.name


class LocationQuerySet(models.QuerySet):
    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation_id__in=user.organisation_ids)

    def with_activity_count(self):
        return self.annotate(activity_count=models.Count("activities"))


class Location(models.Model):
    """A place where activities happen, kept by the organisation that entered it.

    Another organisation never changes it: a place it names is looked up among its own locations
    (`activities.services.location_for`). Older rows shared between organisations have none.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("organisatie"),
    )
    name = models.CharField(_("naam van de plek"), max_length=200)
    street = models.CharField(_("straat en huisnummer"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    city = models.CharField(_("plaats"), max_length=100, default="Amsterdam")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="locations", verbose_name=_("gebied"))
    lat = models.DecimalField(_("breedtegraad"), max_digits=8, decimal_places=6, null=True, blank=True)
    lon = models.DecimalField(_("lengtegraad"), max_digits=8, decimal_places=6, null=True, blank=True)
    wheelchair_accessible = models.BooleanField(_("toegankelijk met rolstoel"), default=False)

    objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self):
        return f"{self.name}, {self.street}"

    @property
    def address(self):
        return f"{self.name}, {self.street}, {self.postcode} {self.city}"

    def route_url(self):
        """A route planner link that needs no API key and works on every phone."""
        from urllib.parse import urlencode

        if self.lat is not None and self.lon is not None:
            destination = f"{self.lat},{self.lon}"
        else:
            destination = f"{self.street}, {self.postcode} {self.city}"
        return "https://www.openstreetmap.org/directions?" + urlencode({"route": f";{destination}"})

    def geo_url(self):
        """A geo: link (RFC 5870) that opens the phone's own maps app at the place; None without coordinates."""
        from urllib.parse import quote

        if self.lat is None or self.lon is None:
            return None
        label = quote(f"{self.name}, {self.street}, {self.city}")
        return f"geo:{self.lat},{self.lon}?q={self.lat},{self.lon}({label})"


@dataclass(frozen=True, kw_only=True)
class Missing:
    """Something residents need that an activity lacks, and the form field where it is filled in."""

    field: str
    text: str


def _search_columns(title, texts):
    """(search_title, search_text) of an activity with this title and other texts."""
    return search.normalize(title), search.normalize(" ".join([title, *texts]))


# Activities whose search columns are rebuilt per query and write.
_REFRESH_BATCH = 1000


class ActivityQuerySet(models.QuerySet):
    def refresh_search_text(self):
        """Rebuild the search columns of these activities in bulk, as Activity.refresh_search_text does
        for one: after the name of a theme, doelgroep, organisation or location they show changed."""
        ids = list(self.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), _REFRESH_BATCH):
            batch = ids[start : start + _REFRESH_BATCH]
            names = {}
            for model, field in [(Activity.themes.through, "theme"), (Activity.doelgroepen.through, "doelgroep")]:
                pairs = (
                    model.objects.filter(activity_id__in=batch)
                    .order_by(f"{field}__order", f"{field}__name")
                    .values_list("activity_id", f"{field}__name")
                )
                for pk, name in pairs:
                    names.setdefault((pk, field), []).append(name)
            rows = Activity.objects.filter(pk__in=batch).values_list(
                "pk", "title", "summary", "description", "organisation__name", "location__name"
            )
            changed = []
            for pk, title, *texts in rows:
                search_title, search_text = _search_columns(
                    title,
                    [
                        *(text or "" for text in texts),  # an online activity has no location name
                        *names.get((pk, "theme"), []),
                        *names.get((pk, "doelgroep"), []),
                    ],
                )
                changed.append(Activity(pk=pk, search_title=search_title, search_text=search_text))
            Activity.objects.bulk_update(changed, ["search_title", "search_text"])

    def published(self):
        return self.filter(status=Activity.Status.PUBLISHED)

    def visible_to(self, user):
        """Organisation members see their organisations' activities, staff those in their stadsdelen
        and the online ones, which are for the whole city."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        stadsdelen = user.staff_stadsdeel_ids
        visible = models.Q(organisation_id__in=user.organisation_ids)
        if stadsdelen:
            visible |= models.Q(location__gebied__stadsdeel_id__in=stadsdelen) | models.Q(online=True)
        return self.filter(visible)

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation_id__in=user.organisation_ids)

    def not_verified_since(self, date):
        return self.exclude(status=Activity.Status.ARCHIVED).filter(
            models.Q(last_verified__isnull=True) | models.Q(last_verified__lt=date)
        )

    def for_listing(self):
        return self.select_related("organisation", "bouwsteen", "location__gebied__stadsdeel").prefetch_related(
            "themes", "schedule"
        )

    def for_detail(self):
        return self.for_listing().prefetch_related("doelgroepen")


class Activity(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Concept")
        PUBLISHED = "published", _("Gepubliceerd")
        ARCHIVED = "archived", _("Gearchiveerd")

    # Allowed status changes, as data: from -> {to}.
    TRANSITIONS = {
        Status.DRAFT: {Status.PUBLISHED, Status.ARCHIVED},
        Status.PUBLISHED: {Status.DRAFT, Status.ARCHIVED},
        Status.ARCHIVED: {Status.DRAFT},
    }

    slug = models.SlugField(_("kenmerk"), max_length=100, unique=True)
    title = models.CharField(_("titel"), max_length=120)
    summary = models.CharField(_("korte samenvatting"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="activities", verbose_name=_("organisatie")
    )
    bouwsteen = models.ForeignKey(
        Bouwsteen, on_delete=models.PROTECT, related_name="activities", verbose_name=_("bouwsteen")
    )
    themes = models.ManyToManyField(Theme, related_name="activities", verbose_name=_("thema's"))
    doelgroepen = models.ManyToManyField(Doelgroep, related_name="activities", verbose_name=_("doelgroepen"))
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("locatie"),
    )
    # An online activity has no place; residents see its link only once it is published.
    online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("link om mee te doen"), max_length=500, blank=True)
    free = models.BooleanField(_("gratis"), default=True)
    cost = models.CharField(_("kosten"), max_length=200, blank=True)
    registration_required = models.BooleanField(_("aanmelden nodig"), default=False)
    volunteers_wanted = models.TextField(
        _("vrijwilligers gezocht"), blank=True, help_text=_("Leeg laten als je geen vrijwilligers zoekt.")
    )
    languages = models.JSONField(_("andere talen dan Nederlands"), default=list, blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoon"), max_length=32, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    last_verified = models.DateField(_("laatst gecontroleerd"), null=True, blank=True)
    photo = models.ImageField(_("foto"), upload_to="activiteiten/%Y/", blank=True)
    photo_alt = models.CharField(
        _("beschrijving van de foto"),
        max_length=200,
        blank=True,
        help_text=_("Voor mensen die de foto niet kunnen zien. Bijvoorbeeld: Vier buren wandelen in het park."),
    )
    # Bumped on every change, so two people editing at once do not silently overwrite each other.
    version = models.PositiveIntegerField(default=1, editable=False)
    # Set from the create form, so a double submit makes one activity.
    creation_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # Accent-free, lower-case copies for search that behaves the same on SQLite and PostgreSQL.
    search_title = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        indexes = [
            models.Index(fields=["status", "title"]),
            # The staff's "not checked for half a year" list walks this in date order.
            models.Index(
                fields=["last_verified"],
                condition=models.Q(status="published"),
                name="activity_published_verified",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(online=True, location__isnull=True) | models.Q(online=False),
                name="activity_online_has_no_place",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:detail", args=[self.slug])

    def refresh_search_text(self, save=True):
        """Rebuild the search columns; call after the activity's themes or doelgroepen change."""
        self.search_title, self.search_text = _search_columns(
            self.title,
            [
                self.summary,
                self.description,
                self.organisation.name,
                self.location.name if self.location_id else "",
                *(theme.name for theme in self.themes.all()),
                *(group.name for group in self.doelgroepen.all()),
            ],
        )
        if save:
            Activity.objects.filter(pk=self.pk).update(search_title=self.search_title, search_text=self.search_text)

    @property
    def language_names(self):
        return [language_name(code) for code in self.languages]

    @property
    def public_doelgroepen(self):
        return [group for group in self.doelgroepen.all() if group.is_public]

    def can_become(self, status):
        return status in self.TRANSITIONS[self.status]

    def missing_for_publication(self) -> list[Missing]:
        """What a resident needs and this activity does not say yet; publishing waits until it is empty."""
        missing = []
        if not (self.online or self.location_id):
            missing.append(Missing(field="place", text=_("Waar het is: kies een plek, of ‘Online’.")))
        if not (self.contact_email or self.contact_phone):
            missing.append(
                Missing(
                    field="contact_phone",
                    text=_("Een telefoonnummer of e-mailadres voor vragen: bewoners moeten iemand kunnen bereiken."),
                )
            )
        return missing

    @property
    def by_appointment(self):
        return not self.schedule.all()

    @property
    def schedule_rules(self):
        return [slot.rule for slot in self.schedule.all()]

    @property
    def schedule_text(self):
        """The schedule on one line ("Elke dinsdag, 10:00–12:00; Om de week op donderdag, …"), or ""."""
        return "; ".join(str(slot) for slot in self.schedule.all())

    def is_verified_recently(self, today=None):
        today = today or timezone.localdate()
        return self.last_verified is not None and self.last_verified >= today - VERIFY_EVERY


class FreshnessReminder(models.Model):
    """The monthly mail to an organisation about its activities not checked for half a year: one row
    per organisation and month, so a second run of the command in the same month sends nothing."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="freshness_reminders", verbose_name=_("organisatie")
    )
    month = models.DateField(_("maand"))
    activity_count = models.PositiveIntegerField(_("aantal activiteiten"))
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)

    class Meta:
        ordering = ["-month", "organisation"]
        verbose_name = _("herinnering controleren")
        verbose_name_plural = _("herinneringen controleren")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "month"], name="freshness_reminder_once_a_month")
        ]

    def __str__(self):
        return f"{self.organisation} {self.month:%Y-%m}"


class ScheduleSlot(models.Model):
    """One row of an activity's schedule, as people run it; activities.schedule evaluates it."""

    class Day(models.IntegerChoices):
        MONDAY = 0, _("maandag")
        TUESDAY = 1, _("dinsdag")
        WEDNESDAY = 2, _("woensdag")
        THURSDAY = 3, _("donderdag")
        FRIDAY = 4, _("vrijdag")
        SATURDAY = 5, _("zaterdag")
        SUNDAY = 6, _("zondag")

    class Frequency(models.TextChoices):
        WEEKLY = schedule.WEEKLY, _("elke week of om de week")
        MONTHLY = schedule.MONTHLY, _("elke maand op de …")
        DATES = schedule.DATES, _("op losse data")

    class WeekOfMonth(models.IntegerChoices):
        FIRST = 1, _("eerste")
        SECOND = 2, _("tweede")
        THIRD = 3, _("derde")
        FOURTH = 4, _("vierde")
        LAST = -1, _("laatste")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="schedule")
    frequency = models.CharField(_("hoe vaak"), max_length=8, choices=Frequency.choices, default=Frequency.WEEKLY)
    day = models.PositiveSmallIntegerField(_("dag"), choices=Day.choices, null=True, blank=True)
    interval = models.PositiveSmallIntegerField(_("om de hoeveel weken"), default=1)
    week_of_month = models.SmallIntegerField(
        _("welke week van de maand"), choices=WeekOfMonth.choices, null=True, blank=True
    )
    dates = models.JSONField(_("data"), default=list, blank=True, help_text=_("Bij losse data: jjjj-mm-dd."))
    start = models.TimeField(_("begintijd"))
    end = models.TimeField(_("eindtijd"))
    starts_on = models.DateField(_("vanaf"), null=True, blank=True)
    ends_on = models.DateField(_("tot en met"), null=True, blank=True)
    school_holidays = models.BooleanField(_("ook in de schoolvakanties"), default=True)

    class Meta:
        ordering = ["day", "start", "pk"]
        verbose_name = _("tijdstip")
        verbose_name_plural = _("tijdstippen")
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="schedule_end_after_start"),
            models.CheckConstraint(
                condition=models.Q(frequency=schedule.DATES) | models.Q(day__isnull=False),
                name="schedule_rule_has_a_day",
            ),
            models.CheckConstraint(
                condition=~models.Q(frequency=schedule.MONTHLY) | models.Q(week_of_month__isnull=False),
                name="schedule_monthly_has_a_week",
            ),
        ]

    def __str__(self):
        return schedule.describe(self.rule)

    def clean(self):
        """What the admin's form checks beyond the constraints: dates as the rules read them."""
        dates = self.dates if isinstance(self.dates, list) else None
        try:
            for value in dates or []:
                datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            dates = None
        if dates is None:
            raise ValidationError({"dates": _('Een lijst van datums als jjjj-mm-dd, bijvoorbeeld ["2026-12-03"].')})
        if self.frequency == schedule.DATES and not dates:
            raise ValidationError({"dates": _("Noem minstens één datum.")})

    @property
    def rule(self):
        return schedule.Rule.of(self)

    @property
    def day_slug(self):
        return DAY_SLUGS[self.day] if self.day is not None else ""


class SchoolHoliday(models.Model):
    """A school holiday of regio Noord (Amsterdam), as the Rijksoverheid publishes them: a schedule row
    marked "niet in de schoolvakanties" pauses on these days. Next years are added in the admin."""

    name = models.CharField(_("naam"), max_length=100, help_text=_("Bijvoorbeeld: Herfstvakantie 2027"))
    first_day = models.DateField(_("eerste dag"))
    last_day = models.DateField(_("laatste dag"))

    class Meta:
        ordering = ["first_day"]
        verbose_name = _("schoolvakantie")
        verbose_name_plural = _("schoolvakanties")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_day__gte=models.F("first_day")), name="school_holiday_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.first_day:%d-%m-%Y} t/m {self.last_day:%d-%m-%Y})"


class SearchFeedback(models.Model):
    """An anonymous answer to "Heb je gevonden wat je zocht?": no user, no IP address."""

    found = models.BooleanField(_("gevonden"))
    comment = models.TextField(_("opmerking"), blank=True, max_length=1000)
    query_string = models.CharField(_("zoekopdracht"), max_length=1000, blank=True)
    activity = models.ForeignKey(Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reactie op zoeken")
        verbose_name_plural = _("reacties op zoeken")

    def __str__(self):
        return f"{'ja' if self.found else 'nee'}: {self.query_string}"


class Synonym(models.Model):
    """Words residents use for the same thing, kept by staff: a search for one also finds the others.

    A row with a filter also turns that filter on when one of its words is searched ("gratis").
    """

    class Filter(models.TextChoices):
        GRATIS = "gratis", _("Gratis")
        TOEGANKELIJK = "toegankelijk", _("Toegankelijk met rolstoel")
        VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligers gezocht")

    words = models.TextField(
        _("woorden"),
        help_text=_(
            "Woorden of korte zinnen die hetzelfde betekenen, met een komma ertussen. "
            "Bijvoorbeeld: senioren, ouderen, 55-plus"
        ),
    )
    filter = models.CharField(
        _("zet dit filter aan"),
        max_length=16,
        choices=Filter.choices,
        blank=True,
        help_text=_("Leeg laten als deze woorden geen filter zijn."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["words"]
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return self.words

    @property
    def phrases(self):
        """The words as search sees them: accent-free, lower-case, without empty ones."""
        return [phrase for phrase in (search.normalize(part) for part in self.words.split(",")) if phrase]


class ZeroResultQuery(models.Model):
    """How often a search found nothing in a month. Anonymous: only the words, never who or from where."""

    query = models.CharField(_("zoekwoorden"), max_length=200)
    month = models.DateField(_("maand"))
    count = models.PositiveIntegerField(_("aantal keer"), default=0)

    class Meta:
        ordering = ["-month", "-count", "query"]
        verbose_name = _("zoekopdracht zonder resultaat")
        verbose_name_plural = _("zoekopdrachten zonder resultaat")
        constraints = [models.UniqueConstraint(fields=["query", "month"], name="zero_result_query_month")]

    def __str__(self):
        return self.query
