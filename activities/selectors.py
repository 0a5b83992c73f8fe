"""Reads for the public catalogue."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator

from activities import search
from activities.filters import (
    CACHE_SECONDS,
    ActivityFilter,
    cache_key,
    catalogue_version,
    facet_options,
    facet_summary,
    valid_data,
)
from activities.models import Activity


def published_activities():
    return Activity.objects.published()


def catalogue_search(params, page_number=None, per_page=None):
    """Filter, rank and paginate the published catalogue for a query string.

    Returns the filterset (for the form), the page, the facet counts and any
    errors for values the filters do not know. A constant number of queries: one per ticked
    filter to check its values, the catalogue's version, the page's activities and their
    themes and times; on a cache miss also the facet counts (one query), the filter options
    and the page's ids.
    """
    base = published_activities()
    filterset = ActivityFilter(params, queryset=base)
    if filterset.is_valid():
        errors = {}
    else:
        data, errors = valid_data(params)
        filterset = ActivityFilter(data, queryset=base)
    queryset = filterset.qs
    query = filterset.form.cleaned_data.get("q") or ""
    queryset = search.rank_queryset(queryset, query) if search.terms(query) else queryset.order_by("title", "pk")
    version = catalogue_version()
    summary = facet_summary(filterset, version)
    filterset.facet_options = facet_options(filterset, version)
    results = _Results(queryset.for_listing(), summary["total"], version)
    page = Paginator(results, per_page or settings.CATALOGUE_PAGE_SIZE).get_page(page_number)
    return {
        "filterset": filterset,
        "page": page,
        "counts": summary["counts"],
        "errors": errors,
        "query": query,
    }


class _Results:
    """What the paginator slices: the results, counted by the facet query, whose pages are
    remembered as lists of ids under the catalogue's version (ranking thousands of matches for
    a popular search is the costly part of a page; fetching 20 rows by id is not)."""

    def __init__(self, queryset, total, version):
        self.queryset = queryset
        self.total = total
        self.version = version

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if self.version is None or not isinstance(index, slice):
            return list(self.queryset[index])
        sql, params = self.queryset.query.sql_with_params()
        key = cache_key(self.version, "page", sql, tuple(params), index.start, index.stop)
        ids = cache.get(key)
        if ids is None:
            activities = list(self.queryset[index])
            cache.set(key, [activity.pk for activity in activities], CACHE_SECONDS)
            return activities
        by_pk = {activity.pk: activity for activity in published_activities().for_listing().filter(pk__in=ids)}
        return [by_pk[pk] for pk in ids if pk in by_pk]


def facets(filterset, counts):
    """The filter options as the template shows them: label, value, count, ticked."""
    form = filterset.form
    known = getattr(filterset, "facet_options", None) or facet_options(filterset)
    groups = []
    for name in ["stadsdeel", "gebied", "bouwsteen", "thema", "doelgroep", "dag"]:
        field = form.fields[name]
        selected = {str(value) for value in form.data.getlist(name)} if hasattr(form.data, "getlist") else set()
        options = []
        if hasattr(field, "queryset"):
            for slug, label, group in known[name]:
                options.append(_option(name, slug, label, counts, selected, group))
        else:
            for slug, label in field.choices:
                options.append(_option(name, slug, label, counts, selected, None))
        groups.append({"name": name, "label": field.label, "options": options})
    flags = [
        _option(name, "1", form.fields[name].label, counts, {"1"} if form.cleaned_data.get(name) else set(), None)
        for name in ["gratis", "toegankelijk", "vrijwilligers"]
    ]
    return groups, flags


def _option(facet, value, label, counts, selected, group):
    return {
        "facet": facet,
        "value": value,
        "label": label,
        "count": counts.get(facet, {}).get(value, 0),
        "checked": value in selected,
        "group": group,
        "id": f"f-{facet}-{value}",
    }
