"""Reads for the public catalogue."""

from django.conf import settings
from django.core.paginator import Paginator

from activities import search
from activities.filters import ActivityFilter, facet_counts, valid_data
from activities.models import Activity


def published_activities():
    return Activity.objects.published()


def catalogue_search(params, page_number=None, per_page=None):
    """Filter, rank and paginate the published catalogue for a query string.

    Returns the filterset (for the form), the page, the facet counts and any
    errors for values the filters do not know. A constant number of queries.
    """
    data, errors = valid_data(params)
    base = published_activities()
    filterset = ActivityFilter(data, queryset=base)
    queryset = filterset.qs
    query = filterset.form.cleaned_data.get("q") or ""
    if search.terms(query):
        queryset = search.rank_queryset(queryset, query)
    else:
        queryset = queryset.order_by("title", "pk")
    paginator = Paginator(queryset.for_listing(), per_page or settings.CATALOGUE_PAGE_SIZE)
    page = paginator.get_page(page_number)
    return {
        "filterset": filterset,
        "page": page,
        "counts": facet_counts(data, base),
        "errors": errors,
        "query": query,
    }


def facets(filterset, counts):
    """The filter options as the template shows them: label, value, count, ticked."""
    form = filterset.form
    groups = []
    for name in ["stadsdeel", "gebied", "bouwsteen", "thema", "doelgroep", "dag"]:
        field = form.fields[name]
        selected = {str(value) for value in form.data.getlist(name)} if hasattr(form.data, "getlist") else set()
        options = []
        if hasattr(field, "queryset"):
            for obj in field.queryset:
                slug = obj.slug
                options.append(_option(name, slug, str(obj), counts, selected, obj))
        else:
            for slug, label in field.choices:
                options.append(_option(name, slug, label, counts, selected, None))
        groups.append({"name": name, "label": field.label, "options": options})
    flags = [
        _option(name, "1", form.fields[name].label, counts, {"1"} if form.cleaned_data.get(name) else set(), None)
        for name in ["gratis", "toegankelijk", "vrijwilligers"]
    ]
    return groups, flags


def _option(facet, value, label, counts, selected, obj):
    return {
        "facet": facet,
        "value": value,
        "label": label,
        "count": counts.get(facet, {}).get(value, 0),
        "checked": value in selected,
        "group": getattr(getattr(obj, "stadsdeel", None), "name", None),
        "id": f"f-{facet}-{value}",
    }
