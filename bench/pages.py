"""The page types of the benchmark and the requests that stand for them.

Plain Python (no Django, no locust), shared by bench/measure.py, which fetches every page type
once through Django's test client to count its queries, and bench/locustfile.py, which drives
the running server with them. `fixture` is the JSON that measure.py writes: slugs of real
rows in the seeded database.
"""

import random
from urllib.parse import urlencode

# The Dutch searches the issue names: compounds, word forms, accents, several words.
SEARCHES = ["taal", "wandelen", "cafe", "formulieren", "hulp bij geld"]
DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]

# Order of the report's table.
PAGE_TYPES = [
    "healthz",
    "home",
    "catalogue",
    "catalogue filtered",
    "search",
    "htmx fragment",
    "detail",
    "export json",
    "organisation",
    "staff",
]
CATALOGUE_TYPES = ["catalogue", "catalogue filtered", "search", "htmx fragment"]

# Share of each page type in the realistic mix (phase 3): mostly residents browsing and
# searching, some organisations and staff at work, a little open-data use, the health check.
MIX_WEIGHTS = {
    "healthz": 5,
    "home": 8,
    "catalogue": 12,
    "catalogue filtered": 18,
    "search": 22,
    "htmx fragment": 12,
    "detail": 15,
    "export json": 1,
    "organisation": 4,
    "staff": 3,
}
# Phase 4: the same mix with organisations at work on the catalogue: about 2% of the requests
# confirm an activity is still correct or take one off the site and publish it again, each a
# committed change residents can see (the catalogue's version moves on).
WRITE_WEIGHTS = {**MIX_WEIGHTS, "write": 2}

# Phase 2: catalogue pages alone, for the throughput ratio against /healthz.
CATALOGUE_WEIGHTS = {"catalogue": 25, "catalogue filtered": 25, "search": 30, "htmx fragment": 20}

HTMX_HEADERS = {"HX-Request": "true", "HX-Current-URL": "/activiteiten/"}


def _url(path, params):
    return f"{path}?{urlencode(params, doseq=True)}" if params else path


def filtered_params(rng, fx):
    """One to three filters, as a resident ticks them: an area, then what and when."""
    choice = rng.randrange(6)
    if choice == 0:
        params = {"stadsdeel": rng.choice(fx["stadsdelen"])}
    elif choice == 1:
        params = {"gebied": rng.choice(fx["gebieden"]), "gratis": "1"}
    elif choice == 2:
        params = {"bouwsteen": rng.choice(fx["bouwstenen"]), "thema": rng.choice(fx["themes"])}
    elif choice == 3:
        params = {"doelgroep": rng.choice(fx["doelgroepen"]), "dag": rng.sample(DAYS, 2)}
    elif choice == 4:
        params = {"stadsdeel": rng.choice(fx["stadsdelen"]), "toegankelijk": "1", "thema": rng.choice(fx["themes"])}
    else:
        params = {"vrijwilligers": "1", "gebied": rng.sample(fx["gebieden"], 2)}
    return params


def search_params(rng, fx):
    params = {"q": rng.choice(SEARCHES)}
    if rng.random() < 0.3:
        params["stadsdeel"] = rng.choice(fx["stadsdelen"])
    return params


def request_for(page_type, rng, fx):
    """(path, headers, login) for one request of a page type; login is None, 'org' or 'staff'."""
    if page_type == "healthz":
        return "/healthz", {}, None
    if page_type == "home":
        return "/", {}, None
    if page_type == "catalogue":
        page = rng.choice([1, 1, 1, 2, 3, 5])
        return _url("/activiteiten/", {"page": page} if page > 1 else {}), {}, None
    if page_type == "catalogue filtered":
        return _url("/activiteiten/", filtered_params(rng, fx)), {}, None
    if page_type == "search":
        return _url("/activiteiten/", search_params(rng, fx)), {}, None
    if page_type == "htmx fragment":
        params = search_params(rng, fx) if rng.random() < 0.5 else filtered_params(rng, fx)
        return _url("/activiteiten/", params), dict(HTMX_HEADERS), None
    if page_type == "detail":
        return f"/activiteiten/{rng.choice(fx['slugs'])}/", {}, None
    if page_type == "export json":
        return _url("/api/activiteiten.json", {"gebied": rng.choice(fx["gebieden"])}), {}, None
    if page_type == "organisation":
        return f"/organisatie/{fx['organisation_id']}/", {}, "org"
    if page_type == "staff":
        return "/beoordeling/", {}, "staff"
    if page_type == "write":
        return write_request(rng, fx)
    raise ValueError(page_type)


def write_request(rng, fx):
    """(path, form data, login) of an organisation's change to one of its published activities: "still
    correct", or the status toggled (off the site, and back on by a later write to the same one)."""
    pk = rng.choice(fx["org_activities"])
    if rng.random() < 0.5:
        return f"/organisatie/{fx['organisation_id']}/klopt-nog/", {"activiteit": [pk]}, "org"
    return f"/organisatie/activiteiten/{pk}/status/", {"toggle": True}, "org"


def variants(page_type, fx, n=4):
    """A few different requests of one page type (different filters, row counts, pages), to
    check that the number of queries does not depend on them."""
    rng = random.Random(f"variants-{page_type}")
    area = "oud-noord" if "oud-noord" in fx["gebieden"] else fx["gebieden"][0]
    small = fx["stadsdelen"][-1]  # pairs below: same filters, very different numbers of rows
    fixed = {
        "catalogue": [
            ("/activiteiten/", {}, None),
            ("/activiteiten/?page=2", {}, None),
            ("/activiteiten/?page=50", {}, None),
        ],
        "catalogue filtered": [
            (_url("/activiteiten/", {"stadsdeel": fx["stadsdelen"][0]}), {}, None),
            (_url("/activiteiten/", {"stadsdeel": small}), {}, None),
            (_url("/activiteiten/", {"gebied": area, "gratis": "1"}), {}, None),
            (_url("/activiteiten/", {"gebied": fx["gebieden"][-1], "gratis": "1"}), {}, None),
            (_url("/activiteiten/", {"doelgroep": fx["doelgroepen"][0], "dag": ["za", "zo"]}), {}, None),
            (_url("/activiteiten/", {"doelgroep": fx["doelgroepen"][-1], "dag": ["vr"]}), {}, None),
        ],
        "search": [(_url("/activiteiten/", {"q": q}), {}, None) for q in SEARCHES]
        + [(_url("/activiteiten/", {"q": "taal", "stadsdeel": fx["stadsdelen"][0]}), {}, None)],
        "htmx fragment": [
            (_url("/activiteiten/", {"q": "wandelen"}), dict(HTMX_HEADERS), None),
            (_url("/activiteiten/", {"q": "formulieren"}), dict(HTMX_HEADERS), None),
            (_url("/activiteiten/", {"q": "cafe", "stadsdeel": small}), dict(HTMX_HEADERS), None),
            (
                _url("/activiteiten/", {"q": "hulp bij geld", "stadsdeel": fx["stadsdelen"][0]}),
                dict(HTMX_HEADERS),
                None,
            ),
        ],
        "export json": [
            (_url("/api/activiteiten.json", {"gebied": area}), {}, None),
            (_url("/api/activiteiten.json", {"gebied": fx["gebieden"][-1]}), {}, None),
        ],
    }
    if page_type in fixed:
        return fixed[page_type]
    seen, result = set(), []
    for _ in range(n * 5):
        request = request_for(page_type, rng, fx)
        if request[0] not in seen:
            seen.add(request[0])
            result.append(request)
        if len(result) == n:
            break
    return result
