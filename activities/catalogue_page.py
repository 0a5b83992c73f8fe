"""What the catalogue page tells a resident about its list, in plain words: a heading that says what is
shown, the chosen filters as chips to take away one by one, and, when nothing is found, the nearest
broader searches that do find something.

Everything here is made from the filters' options and the in-memory index (activities.index), so it
costs no query."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.filters import PLACE_FACETS, WHEN_FACETS, canonical_params
from activities.index import FACETS, ONLINE


def _lower_first(label):
    """ "Computer en internet" reads "computer en internet" in a sentence; "LHBTIQ+" stays as it is."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _or(labels):
    labels = [str(label) for label in labels]  # choices' labels are lazy translations
    if len(labels) == 1:
        return labels[0]
    return _("%(first)s of %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}


# How a heading says the part of the day (translated where it is used); a no-break space keeps
# "’s" from ending a line on its own.
PARTS_OF_DAY = {"ochtend": "’s\u00a0ochtends", "middag": "’s\u00a0middags", "avond": "’s\u00a0avonds"}


def _checked(groups):
    return {group["name"]: [option for option in group["options"] if option["checked"]] for group in groups}


def _flags_on(flags):
    return {flag["facet"] for flag in flags if flag["checked"]}


def heading(count, groups, flags, place_name=None, found=True, word_flags=()):
    """ "12 gratis activiteiten gevonden voor ouderen in Noord op dinsdag". The search's words are in
    the search box above it; a place read from them ("koffie in noord") is in the heading, and so is a
    filter they turn on ("gratis", `word_flags`). Only online reads as a kind of activity: "3 online
    activiteiten gevonden". A printed list (`found=False`) describes itself: "12 gratis activiteiten
    voor ouderen in Noord"."""
    checked = _checked(groups)
    labels = {name: [option["label"] for option in options] for name, options in checked.items()}
    flags_on = _flags_on(flags) | set(word_flags)
    ticked_places = checked["stadsdeel"] + checked["gebied"]
    places = [option["label"] for option in ticked_places if option["value"] != ONLINE]
    online = len(places) < len(ticked_places)
    if not ticked_places and place_name:
        places = [place_name]
    kind = " ".join(
        word for word, on in [(_("gratis"), "gratis" in flags_on), (_("online"), online and not places)] if on
    )
    if found:
        text = ngettext("%(count)d %(kind)sactiviteit gevonden", "%(count)d %(kind)sactiviteiten gevonden", count)
    else:
        text = ngettext("%(count)d %(kind)sactiviteit", "%(count)d %(kind)sactiviteiten", count)
    parts = [text % {"count": count, "kind": f"{kind} " if kind else ""}]
    # A kind of activity is a name, not a topic: "bij ‘Elkaar helpen en steunen’", then "over taal".
    if labels["bouwsteen"]:
        parts.append(_("bij %(kind)s") % {"kind": _or([f"‘{label}’" for label in labels["bouwsteen"]])})
    if labels["thema"]:
        parts.append(_("over %(what)s") % {"what": _or([_lower_first(label) for label in labels["thema"]])})
    if labels["doelgroep"]:
        parts.append(_("voor %(who)s") % {"who": _or([_lower_first(label) for label in labels["doelgroep"]])})
    where = [_("in %(where)s") % {"where": _or(places)}] if places else []
    if online and places:
        where.append(_("online"))
    if where:
        parts.append(_or(where))
    if labels["wanneer"]:
        parts.append(_or([_lower_first(label) for label in labels["wanneer"]]))
    if labels["dag"]:
        parts.append(_("op %(when)s") % {"when": _or(labels["dag"])})
    if checked["dagdeel"]:
        parts.append(_or([_(PARTS_OF_DAY[option["value"]]) for option in checked["dagdeel"]]))
    text = " ".join(parts)
    if "toegankelijk" in flags_on:
        text += _(", toegankelijk met een rolstoel")
    if "vrijwilligers" in flags_on:
        text += _(", vrijwilligers gezocht")
    return text


def _without(params, name, value=None):
    """The query string without the filter `name` (or only its `value`), from the first page."""
    params = params.copy()
    params.pop("page", None)
    if value is None:
        params.pop(name, None)
    else:
        params.setlist(name, [kept for kept in params.getlist(name) if kept != value])
    return params.urlencode()


def chips(params, groups, flags, query):
    """Each chosen filter with the address of the list without it: one tap takes it away."""
    found = []
    if query:
        found.append({"label": _("Zoekwoord: %(query)s") % {"query": query}, "query": _without(params, "q")})
    for group in groups:
        for option in group["options"]:
            if option["checked"]:
                # "Ochtend (begint voor 12 uur)": the explanation helps to choose; the chip only names it.
                label = str(option["label"]).split(" (")[0]
                found.append({"label": label, "query": _without(params, group["name"], option["value"])})
    for flag in flags:
        if flag["checked"]:
            found.append({"label": flag["label"], "query": _without(params, flag["facet"])})
    return found


def filter_count(groups, flags):
    """How many filters are ticked: the "Filters (3)" that opens them on a phone."""
    return sum(len(options) for options in _checked(groups).values()) + len(_flags_on(flags))


def help_place(groups, place_name=None):
    """The one gebied or stadsdeel the resident looks in, for "the buurtteam in Noord"; else None.
    Online has no buurtteam: it counts as no place."""
    checked = _checked(groups)
    checked["stadsdeel"] = [option for option in checked["stadsdeel"] if option["value"] != ONLINE]
    for name in ["gebied", "stadsdeel"]:
        if len(checked[name]) == 1:
            return checked[name][0]["label"]
    if not checked["gebied"] and not checked["stadsdeel"]:
        return place_name
    return None


def broader_searches(params, result, groups):
    """The nearest searches with fewer filters that find something, each with its count:
    the place made wider, without the day, without each other filter, without the search words."""
    index = result["index"]
    ticked = result["ticked"]
    flags = result["flags"]
    # What the search's own words ask for ("gratis") stays with them.
    word_flags = [flag for flag in result["search"].filters if flag not in flags]
    labels = {group["name"]: {option["value"]: option["label"] for option in group["options"]} for group in groups}
    candidates = []
    if ticked["gebied"]:
        stadsdelen = sorted({index.stadsdeel_of(slug) for slug in ticked["gebied"]} | set(ticked["stadsdeel"]))
        wider = _dropped(params, ["gebied"])
        wider.setlist("stadsdeel", stadsdelen)
        wider = canonical_params(wider)
        place = _or([labels["stadsdeel"][slug] for slug in stadsdelen])
        candidates.append(
            (_("In heel %(place)s") % {"place": place}, {**ticked, "gebied": [], "stadsdeel": stadsdelen}, flags, wider)
        )
    elif ticked["stadsdeel"] == [ONLINE]:
        candidates.append(
            (_("Ook op een plek in de stad"), {**ticked, "stadsdeel": []}, flags, _dropped(params, ["stadsdeel"]))
        )
    elif ticked["stadsdeel"]:
        candidates.append((_("In heel Amsterdam"), {**ticked, "stadsdeel": []}, flags, _dropped(params, ["stadsdeel"])))
    if any(ticked[facet] for facet in WHEN_FACETS):
        without_when = {**ticked, **{facet: [] for facet in WHEN_FACETS}}
        candidates.append((_("Op alle dagen"), without_when, flags, _dropped(params, WHEN_FACETS)))
    for facet in FACETS:
        if facet in PLACE_FACETS or facet in WHEN_FACETS or not ticked[facet]:
            continue
        label = _("Zonder ‘%(filter)s’") % {"filter": _or([labels[facet][slug] for slug in ticked[facet]])}
        candidates.append((label, {**ticked, facet: []}, flags, _dropped(params, [facet])))
    for flag in flags:
        label = _("Zonder ‘%(filter)s’") % {"filter": result["filterset"].form.fields[flag].label}
        candidates.append((label, ticked, [other for other in flags if other != flag], _dropped(params, [flag])))
    found = []
    for label, wider_ticked, wider_flags, wider_params in candidates:
        count = index.select(wider_ticked, wider_flags + word_flags, result["ranked_ids"]).total
        if count:
            found.append({"label": label, "count": count, "query": wider_params.urlencode()})
    if result["query"] and (count := index.select(ticked, flags).total):
        label = _("Zonder het zoekwoord ‘%(query)s’") % {"query": result["query"]}
        found.append({"label": label, "count": count, "query": _dropped(params, ["q"]).urlencode()})
    return found


def _dropped(params, names):
    """A copy of the query string without these parameters, from the first page."""
    params = params.copy()
    for name in [*names, "page"]:
        params.pop(name, None)
    return params
