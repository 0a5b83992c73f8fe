"""The staff work list's filters. The query string is the single source of truth, so an export
link with the same query string exports exactly the list on screen."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import Bouwsteen
from stadsdelen.models import Gebied
from subsidies import workflow
from subsidies.models import Aanvraag, GeplandeActiviteit, Ronde, Track
from subsidies.money import parse_euros
from subsidies.workflow import Status


class EuroField(forms.CharField):
    """An amount as people type it ("5.000", "1234,50"), cleaned to cents."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return parse_euros(value)
        except ValueError:
            raise forms.ValidationError(_("Vul een bedrag in euro's in, bijvoorbeeld 5.000 of 1250,50.")) from None


class EuroFilter(django_filters.NumberFilter):
    field_class = EuroField


class Termijn:
    """Where an aanvraag stands on its beslistermijn. Worked out in Python by selectors.work_list,
    with the same Awb arithmetic as Aanvraag.days_left, so the list and the dossier never disagree."""

    OVERDUE = "te-laat"
    SOON = "binnen-14-dagen"
    LATER = "later"
    SUSPENDED = "opgeschort"
    SOON_DAYS = 14
    CHOICES = [
        (OVERDUE, _("Te laat")),
        (SOON, _("Binnen 14 dagen")),
        (LATER, _("Meer dan 14 dagen")),
        (SUSPENDED, _("Opgeschort (aanvulling open)")),
    ]


SORTS = {
    # value: (label, SQL ordering, or None for the order selectors.work_list makes in Python)
    "termijn": (_("Minste dagen over eerst"), None),
    "-ontvangen": (_("Laatst ontvangen eerst"), ["-received_on", "-pk"]),
    "ontvangen": (_("Eerst ontvangen eerst"), ["received_on", "pk"]),
    "-bedrag": (_("Hoogste bedrag eerst"), ["-requested_cents", "pk"]),
    "bedrag": (_("Laagste bedrag eerst"), ["requested_cents", "pk"]),
    "organisatie": (_("Organisatie (A–Z)"), ["organisation__name", "pk"]),
    "dossiernummer": (_("Dossiernummer"), ["dossiernummer"]),
}
DEFAULT_SORT = "termijn"


def _planned(**lookup):
    return GeplandeActiviteit.objects.filter(**lookup).values("aanvraag_id")


class AanvraagFilter(django_filters.FilterSet):
    ronde = django_filters.ModelChoiceFilter(label=_("Ronde"), queryset=Ronde.objects.none(), empty_label=_("Alle"))
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        # A concept is the organisation's own draft: staff never see it in their list.
        choices=[(value, label) for value, label in Status.choices if value != Status.CONCEPT],
        widget=forms.CheckboxSelectMultiple,
    )
    track = django_filters.ModelChoiceFilter(label=_("Route"), queryset=Track.objects.none(), empty_label=_("Alle"))
    bouwsteen = django_filters.ModelChoiceFilter(
        label=_("Bouwsteen"), queryset=Bouwsteen.objects.all(), method="filter_bouwsteen", empty_label=_("Alle")
    )
    gebied = django_filters.ModelChoiceFilter(
        label=_("Gebied"), queryset=Gebied.objects.none(), method="filter_gebied", empty_label=_("Alle")
    )
    organisatie = django_filters.CharFilter(
        label=_("Organisatie"), field_name="organisation__name", lookup_expr="icontains", max_length=100
    )
    bedrag_min = EuroFilter(label=_("Bedrag vanaf (€)"), field_name="requested_cents", lookup_expr="gte")
    bedrag_max = EuroFilter(label=_("Bedrag tot en met (€)"), field_name="requested_cents", lookup_expr="lte")
    termijn = django_filters.ChoiceFilter(
        label=_("Beslistermijn"), choices=Termijn.CHOICES, method="filter_termijn", empty_label=_("Alle")
    )
    sorteer = django_filters.ChoiceFilter(
        label=_("Sorteren"),
        choices=[(value, label) for value, (label, _ordering) in SORTS.items()],
        method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = Aanvraag
        fields = []

    def __init__(self, data=None, *args, user, stadsdelen, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.user = user
        filters = self.filters
        filters["ronde"].queryset = (
            Ronde.objects.filter(stadsdeel__in=stadsdelen).select_related("stadsdeel").order_by("-period_start")
        )
        filters["track"].queryset = Track.objects.filter(regeling__rondes__stadsdeel__in=stadsdelen).distinct()
        filters["gebied"].queryset = Gebied.objects.current().filter(stadsdeel__in=stadsdelen).order_by("name")

    def filter_bouwsteen(self, queryset, name, value):
        return queryset.filter(pk__in=_planned(bouwsteen=value))

    def filter_gebied(self, queryset, name, value):
        return queryset.filter(pk__in=_planned(gebied=value))

    def filter_termijn(self, queryset, name, value):
        # Only aanvragen with the stadsdeel have a running term; the finer cut is made in Python.
        return queryset.filter(status__in=workflow.OPEN_AT_STADSDEEL)

    def filter_sort(self, queryset, name, value):
        ordering = SORTS[value][1]
        return queryset.order_by(*ordering) if ordering else queryset

    @property
    def chosen_termijn(self):
        return self.form.cleaned_data.get("termijn") if self.is_valid() else None

    @property
    def chosen_sort(self):
        return (self.form.cleaned_data.get("sorteer") if self.is_valid() else None) or DEFAULT_SORT
