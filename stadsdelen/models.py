"""The city's geography as data: stadsdelen, their gebieden, wijken and buurten.

Boundaries change (Weesp joined in 2022), so nothing here is a hard-coded choice:
a row carries the city's code and the period it is valid. The rows come from the city's
open-data files (stadsdelen/data/, `manage.py import_gebieden`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StadsdeelQuerySet(models.QuerySet):
    """For every level of the indeling: `current()` leaves out the rows the city has ended."""

    def current(self):
        return self.filter(valid_until__isnull=True)


class Area(models.Model):
    """What every level of the indeling has: the city's code, a name, and the period it is valid."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("naam"), max_length=100)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)

    objects = StadsdeelQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Stadsdeel(Area):
    class Meta(Area.Meta):
        verbose_name = _("stadsdeel")
        verbose_name_plural = _("stadsdelen")


class Gebied(Area):
    stadsdeel = models.ForeignKey(Stadsdeel, on_delete=models.PROTECT, related_name="gebieden")

    class Meta(Area.Meta):
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")


class Wijk(Area):
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="wijken")
    # Derived from its buurten when the city's buurten are loaded (import_gebieden); the monitor reads it.
    has_ontwikkelbuurt = models.BooleanField(_("heeft ontwikkelbuurt"), default=False)

    class Meta(Area.Meta):
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")


class Buurt(Area):
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="buurten")
    # The kader intensifies its effort in 32 ontwikkelbuurten (Noord, Nieuw-West, Zuidoost).
    is_ontwikkelbuurt = models.BooleanField(_("ontwikkelbuurt"), default=False)

    class Meta(Area.Meta):
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
