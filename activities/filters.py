"""The catalogue's filters. The query string is the single source of truth for them."""

import django_filters
from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities import schedule, search
from activities.index import FACETS, FLAGS, ONLINE
from activities.models import DAY_SLUGS, Activity, Bouwsteen, Doelgroep, ScheduleSlot, Theme
from stadsdelen.models import Gebied, Stadsdeel

DAY_CHOICES = [(slug, label) for slug, (_value, label) in zip(DAY_SLUGS, ScheduleSlot.Day.choices, strict=True)]
WHEN_CHOICES = [("vandaag", _("Vandaag")), ("week", _("Deze week")), ("weekend", _("In het weekend"))]
PART_OF_DAY_CHOICES = [
    ("ochtend", _("Ochtend (begint voor 12 uur)")),
    ("middag", _("Middag (begint tussen 12 en 18 uur)")),
    ("avond", _("Avond (begint na 18 uur)")),
]

FLAG_FACETS = {
    "gratis": Q(free=True),
    "toegankelijk": Q(location__wheelchair_accessible=True),
    "vrijwilligers": ~Q(volunteers_wanted=""),
}


class CheckboxFlag(django_filters.BooleanFilter):
    """A checkbox that narrows the list when ticked and does nothing otherwise."""

    field_class = forms.BooleanField

    def __init__(self, *args, condition, **kwargs):
        self.condition = condition
        super().__init__(*args, widget=forms.CheckboxInput, required=False, **kwargs)

    def filter(self, qs, value):
        return qs.filter(self.condition) if value else qs


class ActivityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Zoek op woord"), method="filter_search", max_length=200)
    # "Waar": a stadsdeel, or online (an activity without a place, which no stadsdeel or gebied matches).
    stadsdeel = django_filters.ModelMultipleChoiceFilter(
        label=_("Stadsdeel of online"),
        field_name="location__gebied__stadsdeel__slug",
        distinct=False,
        to_field_name="slug",
        queryset=Stadsdeel.objects.current(),
        null_label=_("Online"),
        null_value=ONLINE,
    )
    gebied = django_filters.ModelMultipleChoiceFilter(
        label=_("Gebied"),
        field_name="location__gebied__slug",
        distinct=False,
        to_field_name="slug",
        queryset=Gebied.objects.current().select_related("stadsdeel").order_by("stadsdeel__name", "name"),
    )
    bouwsteen = django_filters.ModelMultipleChoiceFilter(
        label=_("Soort activiteit"),
        field_name="bouwsteen__slug",
        distinct=False,
        to_field_name="slug",
        queryset=Bouwsteen.objects.all(),
    )
    thema = django_filters.ModelMultipleChoiceFilter(
        label=_("Onderwerp"), to_field_name="slug", queryset=Theme.objects.all(), method="filter_theme"
    )
    doelgroep = django_filters.ModelMultipleChoiceFilter(
        label=_("Groep"),
        to_field_name="slug",
        queryset=Doelgroep.objects.filter(is_public=True),
        method="filter_doelgroep",
    )
    # The schedule's filters: filter_queryset applies them together (schedule.ROW_FILTERS).
    wanneer = django_filters.MultipleChoiceFilter(label=_("Periode"), choices=WHEN_CHOICES, method="filter_rows")
    dag = django_filters.MultipleChoiceFilter(label=_("Dag"), choices=DAY_CHOICES, method="filter_rows")
    dagdeel = django_filters.MultipleChoiceFilter(
        label=_("Deel van de dag"), choices=PART_OF_DAY_CHOICES, method="filter_rows"
    )
    gratis = CheckboxFlag(label=_("Gratis"), condition=FLAG_FACETS["gratis"])
    toegankelijk = CheckboxFlag(label=_("Toegankelijk met rolstoel"), condition=FLAG_FACETS["toegankelijk"])
    vrijwilligers = CheckboxFlag(label=_("Vrijwilligers gezocht"), condition=FLAG_FACETS["vrijwilligers"])

    class Meta:
        model = Activity
        fields = []

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The date the "when" filters look from; a test passes its own.
        self.today = today or timezone.localdate()

    def filter_search(self, queryset, name, value):
        return search.filter_queryset(queryset, value)

    def filter_queryset(self, queryset):
        """The other filters, the schedule's together, then the search (its matches come from the search index)."""
        cleaned = self.form.cleaned_data
        for name, value in cleaned.items():
            if name != "q" and name not in schedule.ROW_FILTERS:
                queryset = self.filters[name].filter(queryset, value)
        rows = {name: cleaned[name] for name in schedule.ROW_FILTERS if cleaned.get(name)}
        if rows:
            queryset = self._with_a_row_meeting(queryset, rows)
        return search.filter_queryset(queryset, cleaned.get("q") or "")

    # Subqueries instead of joins, so a multi-valued filter never duplicates rows.
    def filter_theme(self, queryset, name, value):
        if not value:
            return queryset
        through = Activity.themes.through.objects.filter(theme__in=value)
        return queryset.filter(pk__in=through.values("activity_id"))

    def filter_doelgroep(self, queryset, name, value):
        if not value:
            return queryset
        chosen = Q(doelgroep__in=value) | Q(doelgroep__slug=Doelgroep.EVERYONE)
        through = Activity.doelgroepen.through.objects.filter(chosen)
        return queryset.filter(pk__in=through.values("activity_id"))

    def filter_rows(self, queryset, name, value):
        return self._with_a_row_meeting(queryset, {name: value}) if value else queryset

    def _with_a_row_meeting(self, queryset, ticked):
        """The activities with a schedule row that meets every ticked row filter on `today`, by the same
        rules as the index (activities.schedule.row_options)."""
        slots = ScheduleSlot.objects.filter(activity__in=queryset)
        if "dag" in ticked:
            # By the (day, activity) index; a day alone needs nothing else.
            slots = slots.filter(day__in=[DAY_SLUGS.index(slug) for slug in ticked["dag"]])
            if ticked.keys() == {"dag"}:
                return queryset.filter(pk__in=slots.values("activity_id"))
        holidays = schedule.school_holidays()
        meets = {}  # rule -> whether it meets them
        ids = set()
        rows = slots.values_list("activity_id", *schedule.Rule.FIELDS)
        for pk, *values in rows.iterator(chunk_size=5000):
            rule = schedule.Rule.from_values(*values)
            if rule not in meets:
                meets[rule] = schedule.meets(schedule.row_options(rule, self.today, holidays), ticked)
            if meets[rule]:
                ids.add(pk)
        return queryset.filter(pk__in=ids)


# The questions a resident answers to narrow the list, each with its filters (FACETS) in the form's order.
QUESTIONS = [
    (_("Wat zoek je?"), ["bouwsteen", "thema"]),
    (_("Voor wie?"), ["doelgroep"]),
    (_("Waar?"), ["stadsdeel", "gebied"]),
    (_("Wanneer?"), ["wanneer", "dag", "dagdeel"]),
]
# The filters about time: "op alle dagen" drops them together when nothing is found.
WHEN_FACETS = ["wanneer", "dag", "dagdeel"]
# The filters about place, widest first: a gebied widens to its stadsdeel, a stadsdeel to the city.
PLACE_FACETS = ["stadsdeel", "gebied"]


# Longer searches are cut here. One over the form's 200 characters is shown with its message and never
# kept (the page has an error), so this only bounds what such a page carries.
MAX_QUERY_LENGTH = 1000
_FALSE = {"", "0", "false", "off"}


def canonical_params(params):
    """The catalogue's query string as the pages and caches use it: the known parameters only, values
    sorted and deduplicated, the search trimmed, a ticked flag as "1". `?utm_source=x` and a reordered
    link then show, and cache, the same page as the plain address."""
    canonical = QueryDict(mutable=True)
    query = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH].strip()
    if query:
        canonical["q"] = query
    for facet in FACETS:
        values = sorted({value for value in params.getlist(facet) if value})
        if values:
            canonical.setlist(facet, values)
    for flag in FLAGS:
        if flag in params and params.get(flag).lower() not in _FALSE:
            canonical[flag] = "1"
    page = params.get("page", "")
    if page.isascii() and page.isdigit() and int(page) > 1:
        canonical["page"] = str(int(page))
    canonical._mutable = False
    return canonical


def valid_data(data):
    """The query string without values the filters do not know, plus the errors for those.

    A shared link to a theme that was renamed still shows results, with a message.
    """
    filterset = ActivityFilter(data)
    if filterset.is_valid():
        return data, {}
    errors = filterset.errors
    cleaned = data.copy()
    for field in errors:
        cleaned.pop(field, None)
    return cleaned, errors


def facet_options(filterset, index=None):
    """Per model-based filter, its options as (slug, label, group label), in the form's order; kept
    with the filter index (activities.index) while the options stay the same."""

    def compute():
        options = {}
        for name, field in filterset.form.fields.items():
            if hasattr(field, "queryset"):
                options[name] = [
                    (
                        obj.slug,
                        getattr(obj, "resident_name", "") or str(obj),
                        getattr(getattr(obj, "stadsdeel", None), "name", None),
                    )
                    for obj in field.queryset
                ]
                if getattr(field, "null_label", None) is not None:
                    options[name].append((field.null_value, str(field.null_label), None))
        return options

    return compute() if index is None else index.structural("facet options", compute)
