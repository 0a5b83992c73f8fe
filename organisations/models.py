"""Organisations, the people who work for them, and invitations to join."""

import datetime
import secrets

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

kvk_validator = RegexValidator(r"^\d{8}$", _("Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678."))


class OrganisationQuerySet(models.QuerySet):
    """The one place that says which organisations a user may see or edit."""

    def visible_to(self, user):
        """Members see their own organisations; staff those with activities in their stadsdelen."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        in_stadsdelen = self.filter(activities__location__gebied__stadsdeel_id__in=user.staff_stadsdeel_ids)
        return self.filter(models.Q(pk__in=user.organisation_ids) | models.Q(pk__in=in_stadsdelen.values("pk")))

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=user.organisation_ids)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        WELFARE = "welfare", _("Welzijnsorganisatie")
        BUURTTEAM = "buurtteam", _("Buurtteam")
        SPORT_CULTURE = "sport_culture", _("Sport- of cultuurinstelling")
        STADSDORP = "stadsdorp", _("Stadsdorp")
        RESIDENTS = "residents_initiative", _("Bewonersinitiatief")
        VOLUNTEERS = "volunteer_org", _("Vrijwilligersorganisatie")
        MIGRANTS = "migrant_org", _("Migrantenzelforganisatie")

    INFORMAL_KINDS = {Kind.STADSDORP, Kind.RESIDENTS, Kind.VOLUNTEERS, Kind.MIGRANTS}

    name = models.CharField(_("naam"), max_length=200)
    kvk = models.CharField(_("KvK-nummer"), max_length=8, blank=True, validators=[kvk_validator])
    kind = models.CharField(_("soort organisatie"), max_length=32, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=32, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        constraints = [
            models.UniqueConstraint(fields=["kvk"], condition=~models.Q(kvk=""), name="organisation_unique_kvk"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_informal(self):
        return self.kind in self.INFORMAL_KINDS


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    is_admin = models.BooleanField(_("beheerder van de organisatie"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} – {self.organisation}"


def _token():
    return secrets.token_urlsafe(32)


def _in_two_weeks():
    return timezone.now() + datetime.timedelta(days=14)


class Invitation(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mailadres"))
    is_admin = models.BooleanField(_("wordt beheerder"), default=False)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_in_two_weeks)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self):
        return self.accepted_at is None and self.expires_at > timezone.now()
