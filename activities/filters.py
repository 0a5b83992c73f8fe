"""The catalogue's filters. The query string is the single source of truth for them."""

import hashlib

import django_filters
from django import forms
from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.utils.translation import gettext_lazy as _

from activities import search
from activities.models import DAY_SLUGS, Activity, Bouwsteen, Doelgroep, ScheduleSlot, Theme
from stadsdelen.models import Gebied, Stadsdeel

DAY_CHOICES = [(slug, label) for slug, (_value, label) in zip(DAY_SLUGS, ScheduleSlot.Day.choices, strict=True)]

# Facets whose options are OR-ed; their counts ignore their own selection.
MULTI_FACETS = {
    "stadsdeel": "location__gebied__stadsdeel__slug",
    "gebied": "location__gebied__slug",
    "bouwsteen": "bouwsteen__slug",
    "thema": "themes__slug",
    "doelgroep": "doelgroepen__slug",
    "dag": "schedule__day",
}
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
    stadsdeel = django_filters.ModelMultipleChoiceFilter(
        label=_("Stadsdeel"),
        field_name="location__gebied__stadsdeel__slug",
        distinct=False,
        to_field_name="slug",
        queryset=Stadsdeel.objects.current(),
    )
    gebied = django_filters.ModelMultipleChoiceFilter(
        label=_("Gebied"),
        field_name="location__gebied__slug",
        distinct=False,
        to_field_name="slug",
        queryset=Gebied.objects.current().select_related("stadsdeel").order_by("stadsdeel__name", "name"),
    )
    bouwsteen = django_filters.ModelMultipleChoiceFilter(
        label=_("Soort aanbod"),
        field_name="bouwsteen__slug",
        distinct=False,
        to_field_name="slug",
        queryset=Bouwsteen.objects.all(),
    )
    thema = django_filters.ModelMultipleChoiceFilter(
        label=_("Onderwerp"), to_field_name="slug", queryset=Theme.objects.all(), method="filter_theme"
    )
    doelgroep = django_filters.ModelMultipleChoiceFilter(
        label=_("Voor wie"),
        to_field_name="slug",
        queryset=Doelgroep.objects.filter(is_public=True),
        method="filter_doelgroep",
    )
    dag = django_filters.MultipleChoiceFilter(label=_("Dag"), choices=DAY_CHOICES, method="filter_day")
    gratis = CheckboxFlag(label=_("Gratis"), condition=FLAG_FACETS["gratis"])
    toegankelijk = CheckboxFlag(label=_("Toegankelijk met rolstoel"), condition=FLAG_FACETS["toegankelijk"])
    vrijwilligers = CheckboxFlag(label=_("Vrijwilligers gezocht"), condition=FLAG_FACETS["vrijwilligers"])

    class Meta:
        model = Activity
        fields = []

    def filter_search(self, queryset, name, value):
        return search.filter_queryset(queryset, value)

    def filter_queryset(self, queryset):
        """The other filters first, then the search, told whether they narrowed the list."""
        cleaned = self.form.cleaned_data
        for name, value in cleaned.items():
            if name != "q":
                queryset = self.filters[name].filter(queryset, value)
        narrowed = any(cleaned.get(facet) for facet in MULTI_FACETS)
        return search.filter_queryset(queryset, cleaned.get("q") or "", narrowed=narrowed)

    # Subqueries instead of joins, so a multi-valued filter never duplicates rows.
    def filter_theme(self, queryset, name, value):
        if not value:
            return queryset
        through = Activity.themes.through.objects.filter(theme__in=value)
        return queryset.filter(pk__in=through.values("activity_id"))

    def filter_doelgroep(self, queryset, name, value):
        if not value:
            return queryset
        through = Activity.doelgroepen.through.objects.filter(doelgroep__in=value)
        return queryset.filter(pk__in=through.values("activity_id"))

    def filter_day(self, queryset, name, value):
        if not value:
            return queryset
        days = [DAY_SLUGS.index(slug) for slug in value]
        return queryset.filter(pk__in=ScheduleSlot.objects.filter(day__in=days).values("activity_id"))


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


# Derived from the catalogue and cached under its version (see migration 0005); long enough to
# serve a busy hour, short enough that versions nobody asks for anymore leave the cache.
CACHE_SECONDS = 60 * 30
CACHE_PREFIX = "catalogue:v1"


def catalogue_version():
    """The catalogue's version, or None where nothing derived from it may be cached.

    None on SQLite (no version triggers there), and inside a transaction that has changed the
    catalogue itself: those changes are not committed, so no cached copy has them.
    """
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version, current_setting('activities.catalogue_dirty', true) FROM activities_catalogue_version"
        )
        row = cursor.fetchone()
    if row is None or row[1] == "on":
        return None
    return row[0]


def cache_key(version, *parts):
    digest = hashlib.sha256(repr((connection.settings_dict["NAME"], parts)).encode()).hexdigest()
    return f"{CACHE_PREFIX}:{version}:{digest}"


def cached(version, key_parts, compute):
    """compute(), cached under the catalogue's version; computed every time without one."""
    if version is None:
        return compute()
    key = cache_key(version, *key_parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def facet_summary(filterset, version=None):
    """The counts per filter option and the number of results, in one query.

    A multi-valued facet's counts ignore its own selection (ticking another stadsdeel adds
    results), so each facet counts a slightly different set. The expensive part (search, flags,
    the joins) is computed once, as `m`, with a flag per ticked facet; each facet then counts
    the rows of `m` that pass the other facets. Returns {"counts": …, "total": …}, cached under
    the catalogue's `version` when one is given.
    """
    sql, params = _facet_sql(filterset)
    return cached(version, ("facets", sql, tuple(params)), lambda: _run_facet_sql(sql, params))


def facet_options(filterset, version=None):
    """Per model-based filter, its options as (slug, label, group label), in the form's order."""

    def compute():
        options = {}
        for name, field in filterset.form.fields.items():
            if hasattr(field, "queryset"):
                options[name] = [
                    (obj.slug, str(obj), getattr(getattr(obj, "stadsdeel", None), "name", None))
                    for obj in field.queryset
                ]
        return options

    return cached(version, ("options",), compute)


def _run_facet_sql(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    counts = {facet: {} for facet in MULTI_FACETS}
    total = 0
    for facet, value, n in rows:
        if facet == "total":
            total = n
        elif facet in FLAG_FACETS:
            counts[facet] = {"1": n}
        elif facet == "dag":
            counts["dag"][DAY_SLUGS[int(value)]] = n
        else:
            counts[facet][value] = n
    return {"counts": counts, "total": total}


def _selected(filterset):
    """The valid, ticked values per filter (model instances for the model-based ones)."""
    form = filterset.form
    return form.cleaned_data if form.is_valid() else {}


def _passes(facet, values):
    """A boolean expression on an activity: does it pass this facet with these values ticked."""
    if facet == "stadsdeel":
        return ExpressionWrapper(Q(location__gebied__stadsdeel__in=values), output_field=BooleanField())
    if facet == "gebied":
        return ExpressionWrapper(Q(location__gebied__in=values), output_field=BooleanField())
    if facet == "bouwsteen":
        return ExpressionWrapper(Q(bouwsteen__in=values), output_field=BooleanField())
    # IN (subquery) rather than EXISTS: PostgreSQL hashes the subquery once instead of
    # planning a lookup per row (whose estimated cost also switched on its slow JIT compiler).
    if facet == "thema":
        through = Activity.themes.through.objects.filter(theme__in=values)
    elif facet == "doelgroep":
        through = Activity.doelgroepen.through.objects.filter(doelgroep__in=values)
    elif facet == "dag":
        through = ScheduleSlot.objects.filter(day__in=[DAY_SLUGS.index(slug) for slug in values])
    else:
        raise ValueError(facet)
    return ExpressionWrapper(Q(pk__in=through.values("activity_id")), output_field=BooleanField())


def _facet_sql(filterset):
    cleaned = _selected(filterset)
    queryset = filterset.queryset
    if cleaned.get("q"):
        queryset = search.filter_queryset(queryset, cleaned["q"])
    for flag, condition in FLAG_FACETS.items():
        if cleaned.get(flag):
            queryset = queryset.filter(condition)
    ticked = {facet: cleaned[facet] for facet in MULTI_FACETS if cleaned.get(facet)}
    m = (
        queryset.order_by()
        .annotate(
            f_bouwsteen=F("bouwsteen_id"),
            f_gebied=F("location__gebied_id"),
            f_stadsdeel=F("location__gebied__stadsdeel_id"),
            f_free=F("free"),
            f_access=F("location__wheelchair_accessible"),
            f_volunteers=ExpressionWrapper(~Q(volunteers_wanted=""), output_field=BooleanField()),
            **{f"ok_{facet}": _passes(facet, values) for facet, values in ticked.items()},
        )
        .values(
            "id",
            "f_bouwsteen",
            "f_gebied",
            "f_stadsdeel",
            "f_free",
            "f_access",
            "f_volunteers",
            *[f"ok_{facet}" for facet in ticked],
        )
    )
    m_sql, m_params = m.query.sql_with_params()

    def passes_others(facet=None):
        return " AND ".join([f"m.ok_{other}" for other in ticked if other != facet] or ["1 = 1"])

    q = connection.ops.quote_name
    themes, groups = Activity.themes.through, Activity.doelgroepen.through
    table = {
        "stadsdeel": q(Stadsdeel._meta.db_table),
        "gebied": q(Gebied._meta.db_table),
        "bouwsteen": q(Bouwsteen._meta.db_table),
        "theme": q(Theme._meta.db_table),
        "doelgroep": q(Doelgroep._meta.db_table),
        "themes": q(themes._meta.db_table),
        "groups": q(groups._meta.db_table),
        "slot": q(ScheduleSlot._meta.db_table),
    }
    selects = [
        f"SELECT 'stadsdeel', t.slug, COUNT(*) FROM m INNER JOIN {table['stadsdeel']} t ON t.id = m.f_stadsdeel"
        f" WHERE {passes_others('stadsdeel')} GROUP BY t.slug",
        f"SELECT 'gebied', t.slug, COUNT(*) FROM m INNER JOIN {table['gebied']} t ON t.id = m.f_gebied"
        f" WHERE {passes_others('gebied')} GROUP BY t.slug",
        f"SELECT 'bouwsteen', t.slug, COUNT(*) FROM m INNER JOIN {table['bouwsteen']} t ON t.id = m.f_bouwsteen"
        f" WHERE {passes_others('bouwsteen')} GROUP BY t.slug",
        f"SELECT 'thema', t.slug, COUNT(*) FROM m INNER JOIN {table['themes']} x ON x.activity_id = m.id"
        f" INNER JOIN {table['theme']} t ON t.id = x.theme_id WHERE {passes_others('thema')} GROUP BY t.slug",
        f"SELECT 'doelgroep', t.slug, COUNT(*) FROM m INNER JOIN {table['groups']} x ON x.activity_id = m.id"
        f" INNER JOIN {table['doelgroep']} t ON t.id = x.doelgroep_id WHERE {passes_others('doelgroep')}"
        " GROUP BY t.slug",
        f"SELECT 'dag', CAST(s.day AS VARCHAR(2)), COUNT(DISTINCT m.id) FROM m INNER JOIN {table['slot']} s"
        f" ON s.activity_id = m.id WHERE {passes_others('dag')} GROUP BY s.day",
        f"SELECT 'gratis', '1', COUNT(*) FROM m WHERE {passes_others()} AND m.f_free",
        f"SELECT 'toegankelijk', '1', COUNT(*) FROM m WHERE {passes_others()} AND m.f_access",
        f"SELECT 'vrijwilligers', '1', COUNT(*) FROM m WHERE {passes_others()} AND m.f_volunteers",
        f"SELECT 'total', '', COUNT(*) FROM m WHERE {passes_others()}",
    ]
    return f"WITH m AS ({m_sql}) " + " UNION ALL ".join(selects), m_params
