"""Subsidies for the sociale basis: regelingen with their tracks and conditions, rondes per
stadsdeel, and aanvragen with their begroting, planned activities, assessment and besluit.

Money is in whole cents (`*_cents`, BigIntegerField), never float.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Bouwsteen, Doelgroep
from organisations.models import Organisation
from stadsdelen.models import Gebied, Stadsdeel
from subsidies import workflow
from subsidies.terms import decision_deadline
from subsidies.workflow import Status


class Regeling(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(unique=True)
    description = models.TextField(_("uitleg"), blank=True)
    # Awb 4:13: without a term of its own, eight weeks.
    decision_weeks = models.PositiveSmallIntegerField(_("beslistermijn in weken"), default=8)
    # Reminders for reports (manage.py send_report_reminders), set per regeling.
    remind_days_before = models.PositiveSmallIntegerField(_("herinnering: dagen vóór de uiterste datum"), default=14)
    remind_days_after = models.PositiveSmallIntegerField(_("herinnering: dagen ná de uiterste datum"), default=1)

    class Meta:
        ordering = ["name"]
        verbose_name = _("regeling")
        verbose_name_plural = _("regelingen")

    def __str__(self):
        return self.name


class Track(models.Model):
    """A way to apply (klein initiatief, incidenteel, structureel), as data on the regeling."""

    class Form(models.TextChoices):
        SHORT = "short", _("Kort: één scherm, één totaalbedrag, een kort plan")
        FULL = "full", _("Volledig: begroting, activiteiten, voorwaarden, bijlagen")

    class Accountability(models.TextChoices):
        STATEMENT = "statement", _("Korte verklaring achteraf")
        FINAL = "final", _("Eén eindverslag")
        HALF_YEARLY = "half_yearly", _("Halfjaarverslagen, het laatste is het eindverslag")

    regeling = models.ForeignKey(Regeling, on_delete=models.PROTECT, related_name="tracks")
    slug = models.SlugField()
    name = models.CharField(_("naam"), max_length=100)
    description = models.CharField(_("voor wie"), max_length=300, blank=True)
    form = models.CharField(_("formulier"), max_length=16, choices=Form.choices, default=Form.FULL)
    max_amount_cents = models.BigIntegerField(_("hoogste bedrag (cent)"), null=True, blank=True)
    accountability = models.CharField(_("verantwoording"), max_length=16, choices=Accountability.choices)
    # Kinds of Attachment the formal requirements ask for on this track.
    required_attachments = models.JSONField(_("verplichte bijlagen"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["regeling", "order"]
        verbose_name = _("route")
        verbose_name_plural = _("routes")
        constraints = [models.UniqueConstraint(fields=["regeling", "slug"], name="track_unique_slug")]

    def __str__(self):
        return self.name

    @property
    def is_short(self):
        return self.form == self.Form.SHORT


class Condition(models.Model):
    """One condition of the toetsingskader. Rewording it makes a new ConditionVersion, so an
    assessment already made keeps the words it was made against."""

    class Group(models.TextChoices):
        UITVOERING = "uitvoering", _("Uitvoering (kader §5.3)")
        SAMENWERKING = "samenwerking", _("Samenwerking (kader §5.2)")
        FORMEEL = "formeel", _("Formele eisen")

    regeling = models.ForeignKey(Regeling, on_delete=models.PROTECT, related_name="conditions")
    slug = models.SlugField()
    group = models.CharField(_("groep"), max_length=16, choices=Group.choices)
    title = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("wat we vragen"))
    # Klein initiatief asks for a short plan, not a statement per condition.
    applies_to_short_form = models.BooleanField(_("ook bij het korte formulier"), default=False)
    is_active = models.BooleanField(_("in gebruik"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["regeling", "group", "order"]
        verbose_name = _("voorwaarde")
        verbose_name_plural = _("voorwaarden")
        constraints = [models.UniqueConstraint(fields=["regeling", "slug"], name="condition_unique_slug")]

    def __str__(self):
        return self.title

    def current_version(self):
        """The version with today's words, made when the words changed since the last one."""
        latest = self.versions.order_by("-number").first()
        if latest is not None and (latest.title, latest.description) == (self.title, self.description):
            return latest
        return ConditionVersion.objects.create(
            condition=self,
            number=(latest.number + 1) if latest else 1,
            title=self.title,
            description=self.description,
        )


class ConditionVersion(models.Model):
    condition = models.ForeignKey(Condition, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=100)
    description = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["condition", "number"]
        verbose_name = _("versie van een voorwaarde")
        verbose_name_plural = _("versies van voorwaarden")
        constraints = [models.UniqueConstraint(fields=["condition", "number"], name="conditionversion_unique")]

    def __str__(self):
        return f"{self.title} (versie {self.number})"


class RondeQuerySet(models.QuerySet):
    def open_on(self, day):
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class Ronde(models.Model):
    """A tijdvak of a regeling in one stadsdeel, with its subsidieplafond."""

    regeling = models.ForeignKey(Regeling, on_delete=models.PROTECT, related_name="rondes")
    stadsdeel = models.ForeignKey(Stadsdeel, on_delete=models.PROTECT, related_name="rondes")
    name = models.CharField(_("naam"), max_length=100, help_text=_("Bijvoorbeeld: 2027 of 2025–2028"))
    period_start = models.DateField(_("subsidie vanaf"))
    period_end = models.DateField(_("subsidie tot en met"))
    opens_on = models.DateField(_("aanvragen vanaf"))
    closes_on = models.DateField(_("aanvragen tot en met"))
    plafond_cents = models.BigIntegerField(_("subsidieplafond (cent)"))
    decision_weeks = models.PositiveSmallIntegerField(
        _("beslistermijn in weken"), null=True, blank=True, help_text=_("Leeg: de termijn van de regeling.")
    )
    # Half-year reports: H1 due mid-July, H2 due end of January (of the next year).
    h1_report_due = models.CharField(_("halfjaarverslag 1 uiterlijk (dd-mm)"), max_length=5, default="15-07")
    h2_report_due = models.CharField(_("halfjaarverslag 2 uiterlijk (dd-mm)"), max_length=5, default="31-01")

    objects = RondeQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "stadsdeel__name"]
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")
        constraints = [
            models.UniqueConstraint(fields=["regeling", "stadsdeel", "name"], name="ronde_unique_name"),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="ronde_period"),
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="ronde_open_period"),
            models.CheckConstraint(condition=Q(plafond_cents__gte=0), name="ronde_plafond_positive"),
        ]

    def __str__(self):
        return f"{self.regeling} {self.name} – {self.stadsdeel}"

    @property
    def year(self):
        return self.period_start.year

    @property
    def weeks_to_decide(self):
        return self.decision_weeks or self.regeling.decision_weeks

    def is_open(self, day=None):
        day = day or timezone.localdate()
        return self.opens_on <= day <= self.closes_on

    def granted_cents(self):
        return Besluit.objects.filter(aanvraag__ronde=self).granted().aggregate(total=Sum("amount_cents"))["total"] or 0

    def remaining_cents(self):
        return self.plafond_cents - self.granted_cents()


class AanvraagQuerySet(models.QuerySet):
    """Who may see or act on which aanvraag. Every view gets its aanvragen through these."""

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            Q(organisation_id__in=user.organisation_ids) | Q(ronde__stadsdeel_id__in=user.staff_stadsdeel_ids)
        )

    def editable_by(self, user):
        """The organisation's own, while it may still change them."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation_id__in=user.organisation_ids)

    def _for_role(self, user, role):
        if not user.is_authenticated:
            return self.none()
        stadsdelen = user.staff_roles.filter(role=role).values("stadsdeel_id")
        return self.filter(ronde__stadsdeel_id__in=stadsdelen)

    def assessable_by(self, user):
        return self._for_role(user, "reviewer")

    def decidable_by(self, user):
        return self._for_role(user, "decider")

    def for_staff(self, user):
        """Everything in the stadsdelen where this person has any staff role."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(ronde__stadsdeel_id__in=user.staff_stadsdeel_ids)


class Aanvraag(models.Model):
    class Recurrence(models.TextChoices):
        EENMALIG = "eenmalig", _("Eenmalig")
        PERIODIEK = "periodiek", _("Periodiek")

    dossiernummer = models.CharField(_("dossiernummer"), max_length=20, unique=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("organisatie")
    )
    ronde = models.ForeignKey(Ronde, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("ronde"))
    track = models.ForeignKey(Track, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("route"))
    projectnaam = models.CharField(_("naam van het project"), max_length=200, blank=True)
    recurrence = models.CharField(
        _("eenmalig of periodiek"), max_length=16, choices=Recurrence.choices, default=Recurrence.EENMALIG
    )
    summary = models.TextField(_("wat willen jullie doen?"), blank=True, max_length=4000)
    requested_cents = models.BigIntegerField(_("gevraagd bedrag (cent)"), default=0)
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.CONCEPT)
    contact_name = models.CharField(_("contactpersoon"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-mailadres contactpersoon"), blank=True)
    # The day the stadsdeel first received it: the beslistermijn runs from here.
    received_on = models.DateField(_("ontvangen op"), null=True, blank=True)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("gekopieerd van")
    )

    # The reviewer's advice (internal until the besluit).
    class Advice(models.TextChoices):
        VERLENEN = "verlenen", _("Verlenen")
        DEELS = "deels", _("Deels verlenen")
        AFWIJZEN = "afwijzen", _("Afwijzen")

    advice = models.CharField(_("advies"), max_length=16, choices=Advice.choices, blank=True)
    advice_cents = models.BigIntegerField(_("voorgesteld bedrag (cent)"), null=True, blank=True)
    advice_motivation = models.TextField(_("motivering van het advies"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    advised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    advised_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AanvraagQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        indexes = [models.Index(fields=["ronde", "status"]), models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(requested_cents__gte=0), name="aanvraag_requested_positive"),
        ]

    def __str__(self):
        return f"{self.dossiernummer} {self.projectnaam}".strip()

    @property
    def applicant_status(self):
        return workflow.applicant_label(self.status)

    @property
    def is_decided(self):
        return self.status in workflow.DECIDED

    @property
    def is_editable(self):
        return self.status in {Status.CONCEPT, Status.AANVULLING_GEVRAAGD}

    def costs_cents(self):
        return sum(line.amount_cents for line in self.begroting.all() if line.is_cost)

    def income_cents(self):
        return sum(line.amount_cents for line in self.begroting.all() if not line.is_cost)

    def deficit_cents(self):
        return self.costs_cents() - self.income_cents()

    def days_left(self, today=None):
        """Days left on the beslistermijn (negative: overdue), or None when it does not run."""
        if self.status not in workflow.OPEN_AT_STADSDEEL:
            return None
        today = today or timezone.localdate()
        deadline = self.decision_deadline(today)
        return None if deadline is None else (deadline - today).days

    def open_aanvulling(self):
        return self.aanvullingen.filter(received_on__isnull=True).order_by("-asked_on").first()

    def decision_deadline(self, today=None):
        """The last day of the beslistermijn, or None before receipt or while it is suspended."""
        if self.received_on is None:
            return None
        return decision_deadline(
            received_on=self.received_on,
            weeks=self.ronde.weeks_to_decide,
            aanvullingen=[(a.asked_on, a.due_on, a.received_on) for a in self.aanvullingen.all()],
            today=today or timezone.localdate(),
        )


class BegrotingRegel(models.Model):
    class Category(models.TextChoices):
        PERSONEEL = "personeel", _("Personeel")
        ACTIVITEITEN = "activiteiten", _("Activiteiten")
        HUISVESTING = "huisvesting", _("Huisvesting")
        OVERIG = "overig", _("Overige kosten")
        EIGEN_BIJDRAGE = "eigen_bijdrage", _("Eigen bijdrage")
        ANDERE_FONDSEN = "andere_fondsen", _("Andere fondsen")
        ANDERE_SUBSIDIES = "andere_subsidies", _("Andere subsidies")

    COSTS = {Category.PERSONEEL, Category.ACTIVITEITEN, Category.HUISVESTING, Category.OVERIG}

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="begroting")
    category = models.CharField(_("soort"), max_length=24, choices=Category.choices)
    description = models.CharField(_("omschrijving"), max_length=200)
    amount_cents = models.BigIntegerField(_("bedrag (cent)"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begroting")
        constraints = [models.CheckConstraint(condition=Q(amount_cents__gte=0), name="begroting_amount_positive")]

    def __str__(self):
        return f"{self.get_category_display()}: {self.description}"

    @property
    def is_cost(self):
        return self.category in self.COSTS


class GeplandeActiviteit(models.Model):
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="activiteiten")
    title = models.CharField(_("naam van de activiteit"), max_length=200)
    bouwsteen = models.ForeignKey(Bouwsteen, on_delete=models.PROTECT, related_name="+", verbose_name=_("bouwsteen"))
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="+", verbose_name=_("gebied"))
    doelgroepen = models.ManyToManyField(Doelgroep, related_name="+", verbose_name=_("doelgroepen"))
    participants = models.PositiveIntegerField(_("verwachte deelnemers"), default=0)
    meetings = models.PositiveIntegerField(_("verwachte bijeenkomsten"), default=0)
    volunteers = models.PositiveIntegerField(_("verwachte vrijwilligers"), default=0)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subsidie_plannen",
        verbose_name=_("activiteit in de catalogus"),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("geplande activiteit")
        verbose_name_plural = _("geplande activiteiten")

    def __str__(self):
        return self.title


class Statement(models.Model):
    """What the organisation writes about one condition."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="statements")
    condition = models.ForeignKey(Condition, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("toelichting"), max_length=4000)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["aanvraag", "condition"], name="statement_unique")]

    def __str__(self):
        return f"{self.aanvraag}: {self.condition}"


def private_storage():
    return storages["private"]


def attachment_path(attachment, filename):
    """A name nobody can guess; the person's own file name is kept in `original_name`."""
    return f"aanvragen/{timezone.now():%Y}/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:10]}"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        BEGROTING = "begroting", _("Begroting")
        JAARREKENING = "jaarrekening", _("Jaarrekening")
        STATUTEN = "statuten", _("Statuten")
        ACTIVITEITENPLAN = "activiteitenplan", _("Activiteitenplan")
        OVERIG = "overig", _("Overig")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("soort"), max_length=24, choices=Kind.choices)
    file = models.FileField(_("bestand"), upload_to=attachment_path, storage=private_storage)
    original_name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"


class AanvraagVersie(models.Model):
    """What the organisation submitted, frozen at each submit: staff compare versions."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="versies")
    number = models.PositiveSmallIntegerField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now)
    content = models.JSONField()

    class Meta:
        ordering = ["aanvraag", "number"]
        verbose_name = _("ingediende versie")
        verbose_name_plural = _("ingediende versies")
        constraints = [models.UniqueConstraint(fields=["aanvraag", "number"], name="aanvraagversie_unique")]

    def __str__(self):
        return f"{self.aanvraag} versie {self.number}"


class StatusChange(models.Model):
    """Append-only: every move of an aanvraag, with who, when and why."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="history")
    from_status = models.CharField(max_length=24, choices=Status.choices)
    to_status = models.CharField(max_length=24, choices=Status.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statusgeschiedenis")

    def __str__(self):
        return f"{self.aanvraag}: {self.from_status} → {self.to_status}"


class Aanvulling(models.Model):
    """A question from the reviewer; the beslistermijn is suspended while it is open (Awb 4:15)."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="aanvullingen")
    question = models.TextField(_("wat ontbreekt"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_on = models.DateField(_("gevraagd op"))
    due_on = models.DateField(_("aanvullen vóór"))
    received_on = models.DateField(_("aangevuld op"), null=True, blank=True)

    class Meta:
        ordering = ["asked_on", "pk"]
        verbose_name = _("aanvulling")
        verbose_name_plural = _("aanvullingen")
        constraints = [models.CheckConstraint(condition=Q(due_on__gt=models.F("asked_on")), name="aanvulling_due")]

    def __str__(self):
        return f"{self.aanvraag}: {self.question[:60]}"


class Score(models.Model):
    class Verdict(models.TextChoices):
        VOLDOET = "voldoet", _("Voldoet")
        VOLDOET_NIET = "voldoet_niet", _("Voldoet niet")
        NVT = "nvt", _("Niet van toepassing")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="scores")
    condition = models.ForeignKey(Condition, on_delete=models.PROTECT, related_name="+")
    condition_version = models.ForeignKey(ConditionVersion, on_delete=models.PROTECT, related_name="+")
    verdict = models.CharField(_("oordeel"), max_length=16, choices=Verdict.choices)
    motivation = models.TextField(_("motivering"), blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["condition__group", "condition__order"]
        verbose_name = _("oordeel")
        verbose_name_plural = _("oordelen")
        constraints = [
            models.UniqueConstraint(fields=["aanvraag", "condition"], name="score_unique"),
            # "Voldoet niet" and "n.v.t." always say why.
            models.CheckConstraint(condition=Q(verdict="voldoet") | ~Q(motivation=""), name="score_motivated"),
        ]

    def __str__(self):
        return f"{self.aanvraag}: {self.condition} {self.get_verdict_display()}"


class BesluitQuerySet(models.QuerySet):
    def granted(self):
        return self.filter(outcome__in=[Besluit.Outcome.VERLEEND, Besluit.Outcome.DEELS_VERLEEND])


class Besluit(models.Model):
    """The beschikking: amount, motivation, obligations and the Awb dates."""

    class Outcome(models.TextChoices):
        VERLEEND = "verleend", _("Verleend")
        DEELS_VERLEEND = "deels_verleend", _("Deels verleend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.PROTECT, related_name="besluit")
    outcome = models.CharField(_("besluit"), max_length=16, choices=Outcome.choices)
    amount_cents = models.BigIntegerField(_("verleend bedrag (cent)"))
    motivation = models.TextField(_("motivering"))
    obligations = models.TextField(_("verplichtingen"), blank=True)
    besluitdatum = models.DateField(_("besluitdatum"))
    ingangsdatum = models.DateField(_("subsidie vanaf"), null=True, blank=True)
    vervaldatum = models.DateField(_("subsidie tot en met"), null=True, blank=True)
    verzenddatum = models.DateField(_("verzonden op"))
    bezwaar_deadline = models.DateField(_("bezwaar uiterlijk"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Copied from the aanvraag, so the database itself can hold the four-eyes rule.
    advised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BesluitQuerySet.as_manager()

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        constraints = [
            models.CheckConstraint(condition=~Q(decided_by=models.F("advised_by")), name="besluit_four_eyes"),
            models.CheckConstraint(condition=Q(amount_cents__gte=0), name="besluit_amount_positive"),
            models.CheckConstraint(
                condition=~Q(outcome="afgewezen") | Q(amount_cents=0), name="besluit_rejected_is_zero"
            ),
        ]

    def __str__(self):
        return f"{self.aanvraag.dossiernummer}: {self.get_outcome_display()}"

    @property
    def is_granted(self):
        return self.outcome != self.Outcome.AFGEWEZEN


# Verantwoording (issue: half-year reports, vaststelling, monitor) ----------------------------------


class Indicator(models.Model):
    """One of the small set of comparable indicators of the stedelijke resultaatmonitor."""

    class Source(models.TextChoices):
        REPORTS = "reports", _("Verslagen van organisaties")
        CITY = "city", _("Cijfers van de stad (ingevoerd door medewerkers)")

    # Indicators a report's figures already count (slug -> ReportFigure field): the report form does
    # not ask them again and the monitor adds them up from the figures (§4: count what is known).
    FROM_FIGURES = {"bereik": "participants", "vrijwilligers": "volunteers", "vrijwilligersuren": "volunteer_hours"}

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(unique=True)
    unit = models.CharField(_("eenheid"), max_length=50, help_text=_("Bijvoorbeeld: deelnemers, procent, uren"))
    bouwsteen = models.ForeignKey(
        Bouwsteen, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("bouwsteen")
    )
    goal = models.CharField(_("doel"), max_length=300, blank=True)
    baseline_value = models.DecimalField(_("nulmeting"), max_digits=12, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("jaar nulmeting"), null=True, blank=True)
    target_value = models.DecimalField(_("streefwaarde"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("streefjaar"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=16, choices=Source.choices, default=Source.REPORTS)
    is_active = models.BooleanField(_("in gebruik"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")

    def __str__(self):
        return f"{self.name} ({self.unit})"


class IndicatorFigure(models.Model):
    """A figure from city statistics (e.g. the gezondheidsmonitor), entered by staff with its source."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="figures")
    stadsdeel = models.ForeignKey(Stadsdeel, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    year = models.PositiveSmallIntegerField(_("jaar"))
    value = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    source = models.CharField(_("bron"), max_length=200)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "-year"]
        verbose_name = _("cijfer van de stad")
        verbose_name_plural = _("cijfers van de stad")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "stadsdeel", "year"], name="indicatorfigure_unique")
        ]

    def __str__(self):
        return f"{self.indicator} {self.year}: {self.value}"


class ReportObligation(models.Model):
    """A report the besluit asks for: made in the besluit's transaction, once (unique per period)."""

    class Kind(models.TextChoices):
        HALF_YEAR = "half_year", _("Halfjaarverslag")
        FINAL = "final", _("Eindverslag")
        STATEMENT = "statement", _("Korte verklaring")

    class State(models.TextChoices):
        OPEN = "open", _("Nog in te dienen")
        SUBMITTED = "submitted", _("Ingediend")
        CHANGES_REQUESTED = "changes_requested", _("Wijzigingen gevraagd")
        ACCEPTED = "accepted", _("Goedgekeurd")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="obligations")
    kind = models.CharField(_("soort"), max_length=16, choices=Kind.choices)
    period_start = models.DateField(_("over de periode vanaf"))
    period_end = models.DateField(_("tot en met"))
    due_on = models.DateField(_("uiterlijk op"))
    is_final = models.BooleanField(_("laatste verslag"), default=False)
    state = models.CharField(_("stand"), max_length=24, choices=State.choices, default=State.OPEN)
    submitted_on = models.DateField(_("ingediend op"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("verantwoordingsplicht")
        verbose_name_plural = _("verantwoordingsplichten")
        constraints = [
            models.UniqueConstraint(fields=["aanvraag", "period_start"], name="obligation_unique_period"),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="obligation_period"),
        ]
        indexes = [models.Index(fields=["state", "due_on"])]

    def __str__(self):
        return f"{self.aanvraag.dossiernummer}: {self.get_kind_display()} {self.period_start:%m-%Y}"

    @property
    def is_open(self):
        return self.state in {self.State.OPEN, self.State.CHANGES_REQUESTED}

    def is_overdue(self, today=None):
        return self.is_open and self.due_on < (today or timezone.localdate())

    def was_on_time(self):
        return self.submitted_on is not None and self.submitted_on <= self.due_on


class Report(models.Model):
    """The organisation's working copy of a report; each submit freezes a ReportVersion."""

    obligation = models.OneToOneField(ReportObligation, on_delete=models.PROTECT, related_name="report")
    went_well = models.TextField(_("wat ging goed"), blank=True, max_length=4000)
    changed = models.TextField(_("wat is er veranderd"), blank=True, max_length=4000)
    signals = models.TextField(_("signalen uit de buurt"), blank=True, max_length=4000)
    story = models.TextField(_("het verhaal van één bewoner"), blank=True, max_length=4000)
    not_worked = models.TextField(_("wat werkte niet"), blank=True, max_length=4000)
    # {begroting category: {"cents": int, "explanation": str}}
    spending = models.JSONField(_("uitgaven"), default=dict, blank=True)
    # {indicator slug: {"value": str, "explanation": str}}
    indicators = models.JSONField(_("indicatoren"), default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("verslag")
        verbose_name_plural = _("verslagen")

    def __str__(self):
        return str(self.obligation)


def report_photo_path(photo, filename):
    """A name nobody can guess, like an aanvraag's documents."""
    return f"verslagen/{timezone.now():%Y}/{uuid.uuid4().hex}.jpg"


class ReportPhoto(models.Model):
    """A photo with the report's story: made smaller and without EXIF (activities.photos), kept in the
    private storage and shown only through views that check who asks. A photo that a submitted version
    shows is only taken off the working copy (`removed_at`), so that version stays whole."""

    MAX_PER_REPORT = 5

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="photos")
    file = models.FileField(_("foto"), upload_to=report_photo_path, storage=private_storage)
    caption = models.CharField(_("wat staat er op de foto"), max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("foto bij een verslag")
        verbose_name_plural = _("foto's bij verslagen")

    def __str__(self):
        return f"{self.report}: {self.caption[:60]}"


class ReportFigure(models.Model):
    """What was realised for one planned activity: counts only, never a person."""

    FIELDS = ["meetings", "participants", "visits", "volunteers", "volunteer_hours"]

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="figures")
    planned = models.ForeignKey(GeplandeActiviteit, on_delete=models.PROTECT, related_name="realised")
    meetings = models.PositiveIntegerField(_("bijeenkomsten"), default=0)
    participants = models.PositiveIntegerField(_("unieke deelnemers"), default=0)
    visits = models.PositiveIntegerField(_("bezoeken"), default=0)
    volunteers = models.PositiveIntegerField(_("vrijwilligers"), default=0)
    volunteer_hours = models.PositiveIntegerField(_("vrijwilligersuren"), default=0)
    # {doelgroep slug: count}
    reach = models.JSONField(_("bereik per doelgroep"), default=dict, blank=True)
    # {field: one sentence}: tellen en vertellen
    explanations = models.JSONField(_("toelichting per cijfer"), default=dict, blank=True)

    class Meta:
        verbose_name = _("gerealiseerd")
        verbose_name_plural = _("gerealiseerd")
        constraints = [models.UniqueConstraint(fields=["report", "planned"], name="reportfigure_unique")]

    def __str__(self):
        return f"{self.report}: {self.planned}"


class ReportVersion(models.Model):
    """A submitted report, frozen with the form it was filled in against, and the review of it."""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", _("Goedgekeurd")
        CHANGES_REQUESTED = "changes_requested", _("Wijzigingen gevraagd")

    obligation = models.ForeignKey(ReportObligation, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    content = models.JSONField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=24, choices=Outcome.choices, blank=True)
    review_comment = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["obligation", "number"]
        verbose_name = _("ingediend verslag")
        verbose_name_plural = _("ingediende verslagen")
        constraints = [models.UniqueConstraint(fields=["obligation", "number"], name="reportversion_unique")]

    def __str__(self):
        return f"{self.obligation} versie {self.number}"


class Note(models.Model):
    """A conversation both sides see: a missed target or a late report opens one, never a sanction."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.PROTECT, related_name="notes")
    obligation = models.ForeignKey(
        ReportObligation, on_delete=models.PROTECT, null=True, blank=True, related_name="notes"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("bericht"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")

    def __str__(self):
        return f"{self.aanvraag.dossiernummer}: {self.text[:60]}"


class ReminderSent(models.Model):
    """One row per obligation and kind of reminder: a second run of the command sends nothing."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("vóór de uiterste datum")
        AFTER = "after", _("na de uiterste datum")

    obligation = models.ForeignKey(ReportObligation, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["obligation", "kind"], name="reminder_once")]

    def __str__(self):
        return f"{self.obligation}: {self.kind}"


class DigestSent(models.Model):
    """The weekly digest of overdue reports to a stadsdeel's reviewers, once per ISO week."""

    stadsdeel = models.ForeignKey(Stadsdeel, on_delete=models.CASCADE, related_name="+")
    week = models.CharField(max_length=8)  # "2027-W03"
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["stadsdeel", "week"], name="digest_once")]

    def __str__(self):
        return f"{self.stadsdeel} {self.week}"


class Vaststelling(models.Model):
    """The final amount after the final report; four eyes like the besluit."""

    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.PROTECT, related_name="vaststelling")
    amount_cents = models.BigIntegerField(_("vastgesteld bedrag (cent)"))
    motivation = models.TextField(_("motivering"))
    besluitdatum = models.DateField(_("besluitdatum"))
    verzenddatum = models.DateField(_("verzonden op"))
    bezwaar_deadline = models.DateField(_("bezwaar uiterlijk"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Who accepted the final report, so the database itself holds the four-eyes rule.
    report_accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vaststelling")
        verbose_name_plural = _("vaststellingen")
        constraints = [
            models.CheckConstraint(
                condition=~Q(decided_by=models.F("report_accepted_by")), name="vaststelling_four_eyes"
            ),
            models.CheckConstraint(condition=Q(amount_cents__gte=0), name="vaststelling_amount_positive"),
        ]

    def __str__(self):
        return f"{self.aanvraag.dossiernummer}: vastgesteld"


class MonitorNote(models.Model):
    """Duiding: a dated, signed note on a monitor view that staff and organisations read together."""

    stadsdeel = models.ForeignKey(Stadsdeel, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    view = models.CharField(max_length=64, help_text=_("Welk deel van de monitor, bijvoorbeeld 'bereik'."))
    text = models.TextField(_("duiding"), max_length=4000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("duiding")
        verbose_name_plural = _("duidingen")

    def __str__(self):
        return f"{self.view}: {self.text[:60]}"
