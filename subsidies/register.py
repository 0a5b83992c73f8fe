"""The public subsidy register (/subsidies/): granted subsidies only, in the city's columns.

Nothing about pending, rejected or withdrawn aanvragen is public, and no natural person is named:
an initiative without a KvK number shows as "bewonersinitiatief in <gebied>".
"""

import django_filters
from django import forms
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stadsdelen.models import Stadsdeel
from subsidies.models import Besluit, GeplandeActiviteit, Regeling

COLUMNS = [
    ("dossiernummer", gettext_lazy("Dossiernummer")),
    ("aanvrager", gettext_lazy("Aanvrager")),
    ("regeling", gettext_lazy("Regeling")),
    ("stadsdeel", gettext_lazy("Stadsdeel")),
    ("projectnaam", gettext_lazy("Projectnaam")),
    ("eenmalig_periodiek", gettext_lazy("Eenmalig of periodiek")),
    ("bedrag_aangevraagd", gettext_lazy("Bedrag aangevraagd")),
    ("bedrag_verleend", gettext_lazy("Bedrag verleend")),
    ("subsidiejaar", gettext_lazy("Subsidiejaar")),
]


def granted():
    """Every granted besluit with what the register shows, in one query."""
    first_gebied = (
        GeplandeActiviteit.objects.filter(aanvraag=OuterRef("aanvraag")).order_by("pk").values("gebied__name")
    )
    return (
        Besluit.objects.granted()
        .select_related("aanvraag__organisation", "aanvraag__ronde__regeling", "aanvraag__ronde__stadsdeel")
        .annotate(gebied_name=Subquery(first_gebied[:1]))
        .order_by("-aanvraag__ronde__period_start", "aanvraag__dossiernummer")
    )


def applicant_name(besluit):
    organisation = besluit.aanvraag.organisation
    if organisation.kvk:
        return organisation.name
    place = besluit.gebied_name or besluit.aanvraag.ronde.stadsdeel.name
    return _("bewonersinitiatief in %(place)s") % {"place": place}


def row(besluit):
    aanvraag = besluit.aanvraag
    return {
        "dossiernummer": aanvraag.dossiernummer,
        "aanvrager": applicant_name(besluit),
        "regeling": aanvraag.ronde.regeling.name,
        "stadsdeel": aanvraag.ronde.stadsdeel.name,
        "projectnaam": aanvraag.projectnaam,
        "eenmalig_periodiek": aanvraag.get_recurrence_display(),
        "bedrag_aangevraagd": aanvraag.requested_cents,
        "bedrag_verleend": besluit.amount_cents,
        "subsidiejaar": aanvraag.ronde.year,
    }


class RegisterFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=gettext_lazy("Zoek op organisatie, project of dossiernummer"), method="filter_q", max_length=100
    )
    stadsdeel = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Stadsdeel"),
        field_name="aanvraag__ronde__stadsdeel",
        to_field_name="slug",
        queryset=Stadsdeel.objects.current(),
        empty_label=gettext_lazy("Alle stadsdelen"),
    )
    jaar = django_filters.NumberFilter(
        label=gettext_lazy("Subsidiejaar"),
        field_name="aanvraag__ronde__period_start__year",
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 2000, "max": 2100}),
        min_value=2000,
        max_value=2100,
    )
    regeling = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Regeling"),
        field_name="aanvraag__ronde__regeling",
        to_field_name="slug",
        queryset=Regeling.objects.all(),
        empty_label=gettext_lazy("Alle regelingen"),
    )

    class Meta:
        model = Besluit
        fields = []

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # An initiative without KvK is not findable by its name: the register never shows it.
        return queryset.filter(
            Q(aanvraag__organisation__name__icontains=value, aanvraag__organisation__kvk__gt="")
            | Q(aanvraag__projectnaam__icontains=value)
            | Q(aanvraag__dossiernummer__iexact=value)
        )
