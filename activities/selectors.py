"""Reads for the public catalogue."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from activities import schedule, search
from activities.cards import keep_cards, kept_cards
from activities.catalogue_cache import cached, catalogue_version
from activities.filters import QUESTIONS, ActivityFilter, facet_options, valid_data
from activities.index import FACETS, FLAGS, catalogue_index
from activities.models import Activity
from activities.search_index import search_index


def published_activities():
    return Activity.objects.published()


def catalogue_search(params, page_number=None, per_page=None, today=None):
    """Filter, rank and paginate the published catalogue for a query string.

    Returns the filterset (for the form), the page of activity ids (see listed_activities and
    result_cards), the counts per filter option, any errors for values the filters do not know
    and the catalogue's version; for a search also what it understood (a place, a filter, a typo).
    The filters and counts come from the in-memory index (activities.index), a search's ranked
    matches from the in-memory search index (activities.search_index). A constant number of
    queries: one per ticked model-based filter to check its values, the catalogue's version,
    the filter options and a search's matches from the cache (computed the first time in a
    version, as is the index). `today`: the date the "when" filters look from (default: today).
    """
    today = today or timezone.localdate()
    filterset = ActivityFilter(params, queryset=published_activities(), today=today)
    if filterset.is_valid():
        errors = {}
    else:
        data, errors = valid_data(params)
        filterset = ActivityFilter(data, queryset=published_activities(), today=today)
        filterset.is_valid()
    cleaned = filterset.form.cleaned_data
    query = cleaned.get("q") or ""
    version = catalogue_version()
    # The ticked values as the query string has them (slugs): the form has checked they exist.
    ticked = {facet: [value for value in filterset.form.data.getlist(facet) if value] for facet in FACETS}
    flags = [flag for flag in FLAGS if cleaned.get(flag)]
    outcome = searched(query, version)
    ranked_ids = None if outcome.ids is None else list(outcome.ids)
    # What the query's words asked for: a place ("taalles noord") unless a place is ticked, a filter ("gratis").
    flags += [flag for flag in outcome.filters if flag not in flags]
    place = outcome.place if outcome.place and not (ticked["stadsdeel"] or ticked["gebied"]) else None
    index = catalogue_index(version)
    selection = index.select({**ticked, place[0]: [place[1]]} if place else ticked, flags, ranked_ids, today)
    place_empty = place is not None and not selection.total
    if place_empty:
        selection = index.select(ticked, flags, ranked_ids, today)
    filterset.facet_options = facet_options(filterset, index)
    page = Paginator(_Results(selection), per_page or settings.CATALOGUE_PAGE_SIZE).get_page(page_number)
    return {
        "filterset": filterset,
        "index": index,
        "ticked": ticked,
        "flags": [flag for flag in FLAGS if cleaned.get(flag)],
        "ranked_ids": ranked_ids,
        "page": page,
        "counts": selection.counts,
        "errors": errors,
        "query": query,
        "version": version,
        "search": outcome,
        "place": place,
        "place_empty": place_empty,
    }


def warm_catalogue():
    """Make this process's filter and search indexes now (a second or two at 50,000 activities), and
    what the whole list needs from them (the filter options, today's "when" masks), so that the
    first resident after a start does not wait for them. Nothing to make without a catalogue
    version (SQLite): there they are made per request."""
    version = catalogue_version()
    if version is not None:
        catalogue_search(QueryDict())
        search_index(version)
        kept_cards((), version)  # the kept cards catch up with the version as well
    return version


def searched(query, version):
    """What `query` means and finds (activities.search.Outcome), once per search index generation: a
    change that touched no word, place or date the search reads keeps the matches."""
    words = search.words_of(query)
    if not words:
        return search.NOTHING
    index = search_index(version)
    return cached(index.generation, ("search", tuple(words)), lambda: search.find(query, index))


def ranked_matches(query, version):
    """The ids of the published activities the query finds, best first."""
    return list(searched(query, version).ids or ())


class _Results:
    """What the paginator slices: the selection's activity ids, in the list's order."""

    def __init__(self, selection):
        self.selection = selection

    def count(self):
        return self.selection.total

    def __len__(self):
        return self.selection.total

    def __getitem__(self, index):
        return self.selection.ids(index.start, index.stop)


def listed_activities(ids):
    """The published activities with these ids, in this order, with what a list shows of them."""
    by_pk = {activity.pk: activity for activity in published_activities().for_listing().filter(pk__in=ids)}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def result_cards(ids, version, today=None):
    """The catalogue's result cards for these activity ids, in this order.

    A card is the same on every page that lists its activity, so it is rendered once and kept
    (activities.cards) until its activity changes or the day does (it shows the next date); a page
    of cards then costs no query instead of fetching twenty activities and rendering them. The link
    is left to the page, as it carries the page's search ("back to the results").
    """
    if today is not None and today != timezone.localdate():
        version = None  # a card for another day is not kept
    today = today or timezone.localdate()
    found = kept_cards(ids, version)
    missing = [pk for pk in ids if pk not in found]
    if missing:
        holidays = schedule.school_holidays()
        rendered = {
            activity.pk: {
                "url": activity.get_absolute_url(),
                "title": activity.title,
                "body": render_to_string(
                    "activities/_activity_card.html",
                    {
                        "activity": activity,
                        "next_time": schedule.describe_next(activity.schedule_rules, today, holidays),
                    },
                ),
            }
            for activity in listed_activities(missing)
        }
        keep_cards(rendered, version)
        found.update(rendered)
    return [found[pk] for pk in ids if pk in found]


def facets(filterset, counts):
    """The filter options as the template shows them: label, value, count, ticked."""
    form = filterset.form
    known = getattr(filterset, "facet_options", None) or facet_options(filterset)
    groups = []
    for name in FACETS:
        field = form.fields[name]
        selected = {str(value) for value in form.data.getlist(name)} if hasattr(form.data, "getlist") else set()
        options = []
        if hasattr(field, "queryset"):
            for slug, label, group in known[name]:
                options.append(_option(name, slug, label, counts, selected, group))
        else:
            for slug, label in field.choices:
                options.append(_option(name, slug, label, counts, selected, None))
        open_ = any(option["checked"] for option in options)
        group = {"name": name, "label": field.label, "options": options, "open": open_, "subgroups": None}
        if name == "gebied":
            group["subgroups"] = _per_stadsdeel(options)
        groups.append(group)
    flags = [
        _option(name, "1", form.fields[name].label, counts, {"1"} if form.cleaned_data.get(name) else set(), None)
        for name in FLAGS
    ]
    return groups, flags


def _per_stadsdeel(options):
    """Gebieden under a heading per stadsdeel. A gebied without activities (for the other filters) is
    left out, and so is a stadsdeel with none of them: a list of "(0)" only pushes the results down."""
    subgroups = {}
    for option in options:
        option["hidden"] = not option["count"] and not option["checked"]
        subgroup = subgroups.setdefault(
            option["group"], {"label": option["group"], "id": f"gebieden-{slugify(option['group'])}", "options": []}
        )
        subgroup["options"].append(option)
    for subgroup in subgroups.values():
        subgroup["hidden"] = all(option["hidden"] for option in subgroup["options"])
    return list(subgroups.values())


def questions(groups):
    """The filter groups under the question each answers ("Waar?"), in the form's order."""
    by_name = {group["name"]: group for group in groups}
    return [
        {"legend": legend, "groups": [by_name[name] for name in names if name in by_name]}
        for legend, names in QUESTIONS
    ]


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
