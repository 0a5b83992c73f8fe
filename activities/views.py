from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers
from django_ratelimit.decorators import ratelimit

from activities import calendar, catalogue_page, exchange, schedule, search, structured_data
from activities.access import activities_for, activity_for, saved_location_for
from activities.catalogue_cache import CACHE_SECONDS, activity_stamp, cache_key, catalogue_version
from activities.filters import ActivityFilter, canonical_params, valid_data
from activities.forms import ActivityForm, FeedbackForm, LocationForm, schedule_formset, schedule_rows
from activities.models import Activity
from activities.page_cache import cache_for_visitors, wants_fragment
from activities.selectors import (
    catalogue_search,
    facets,
    listed_activities,
    published_activities,
    questions,
    result_cards,
)
from activities.services import (
    ConcurrentEdit,
    LocationInUse,
    NotReadyToPublish,
    TransitionNotAllowed,
    activities_verify,
    activity_create,
    activity_duplicate,
    activity_set_status,
    activity_update,
    feedback_create,
    location_create,
    location_delete,
    location_update,
    search_found_nothing,
)
from activities.stadsdeel_summary import stadsdeel_summary
from organisations.access import member_required, organisation_for


@require_safe
@vary_on_headers("HX-Request")
@cache_for_visitors
def activity_list(request):
    rest, ticks = search.when_words(request.GET.get("q", ""))
    if not ticks:
        return _catalogue_page(request, request.GET)
    # A search that says when ("koffie vanmiddag") becomes the search without those words and the
    # filters they mean, ticked, so the page shows them like any filter and one tap removes each.
    params = request.GET.copy()
    params.pop("page", None)
    params["q"] = rest
    for name, value in ticks:
        if value not in params.getlist(name):
            params.appendlist(name, value)
    url = f"{reverse('activities:list')}?{params.urlencode()}"
    if not request.htmx:
        return redirect(url)
    # While the resident types, the results follow without reloading the page under their fingers.
    response = _catalogue_page(request, params)
    response["HX-Push-Url"] = url
    return response


def _catalogue_page(request, params):
    result = catalogue_search(params, page_number=params.get("page"))
    groups, flags = facets(result["filterset"], result["counts"])
    search_params = params.copy()
    search_params.pop("page", None)
    notes = _search_notes(result["search"])
    count = result["page"].paginator.count
    place_name = _place_name(result)
    canonical = canonical_params(params)
    broader = [] if count else catalogue_page.broader_searches(canonical, result, groups)
    context = {
        **result,
        "facet_groups": groups,
        "questions": questions(groups),
        "flags": flags,
        "heading": catalogue_page.heading(count, groups, flags, place_name, word_flags=result["search"].filters),
        "chips": catalogue_page.chips(canonical, groups, flags, result["query"]),
        "filter_count": catalogue_page.filter_count(groups, flags),
        "broader_searches": broader,
        # "Bekijk alle activiteiten" only when no broader search already leads to the whole list.
        "offer_all": not any(not search["query"] for search in broader),
        "help_place": catalogue_page.help_place(groups, place_name),
        # The detail page's "back to the list" keeps the search (and its feedback remembers it).
        "detail_query": f"?{search_params.urlencode()}" if search_params else "",
        "cards": result_cards(result["page"].object_list, result["version"]),
        "feedback_form": FeedbackForm(initial={"query_string": params.urlencode()}),
        "stadsdeel_summary": stadsdeel_summary(groups, flags, result["query"]),
        **notes,
    }
    template = "activities/activity_list.html"
    if wants_fragment(request):
        template += "#htmx-update"
    response = render(request, template, context)
    # Not a canonical address (a filter value nobody knows, a page past the end): shown, not kept.
    if result["errors"] or str(result["page"].number) != params.get("page", "1"):
        add_never_cache_headers(response)
    elif not result["page"].paginator.count and result["search"].words:
        search_found_nothing(words=" ".join(result["search"].words))
        # Not kept, so the next resident who finds nothing with these words is counted too.
        add_never_cache_headers(response)
    return response


def _place_name(result):
    """The place read from the search's words ("in Noord"), when the list is narrowed to it: it is
    named like a ticked one."""
    return result["place"][2] if result["place"] and not result["place_empty"] else None


def _search_notes(outcome):
    """What the page says about how it read the search: the search without its place (to widen),
    and each typo's suggestions as a search with the typo replaced."""
    words = list(outcome.words)
    rest = list(words)
    for word in outcome.place_words:
        rest.remove(word)
    corrections = [
        {
            "typed": correction.typed,
            "certain": correction.certain,
            "suggestions": [
                {
                    "word": suggestion,
                    "query": " ".join(suggestion if word == correction.typed else word for word in words),
                }
                for suggestion in correction.suggestions
            ],
        }
        for correction in outcome.corrections
    ]
    return {"query_without_place": " ".join(rest), "corrections": corrections}


@require_safe
def activity_print(request):
    result = catalogue_search(request.GET, per_page=100)
    activities = listed_activities(result["page"].object_list)
    groups, flags = facets(result["filterset"], result["counts"])
    place_name = _place_name(result)
    context = {
        **result,
        "activities": activities,
        # What a referrer chose, in the words the resident who gets the paper reads.
        "heading": catalogue_page.heading(
            result["page"].paginator.count,
            groups,
            flags,
            place_name,
            found=False,
            word_flags=result["search"].filters,
        ),
        "list_query": canonical_params(request.GET).urlencode(),
        "today": timezone.localdate(),
    }
    return render(request, "activities/activity_print.html", context)


@require_safe
@cache_for_visitors(stamp=activity_stamp)
def activity_detail(request, slug):
    activity = get_object_or_404(published_activities().for_detail(), slug=slug)
    context = {
        "activity": activity,
        "description": _description_after_summary(activity),
        **_schedule_context(activity),
        "json_ld": structured_data.as_json_ld(activity, request),
        "feedback_form": FeedbackForm(initial={"query_string": request.GET.urlencode(), "activity": activity.pk}),
        "back_query": request.GET.urlencode(),
    }
    return render(request, "activities/activity_detail.html", context)


def _description_after_summary(activity):
    """The description without the summary that many start with: the page shows the summary just above it."""
    description = activity.description.strip()
    summary = activity.summary.strip()
    if summary and description.startswith(summary):
        return description[len(summary) :].strip()
    return description


def _schedule_context(activity):
    """The schedule in plain Dutch, a line per row, and the next time."""
    today = timezone.localdate()
    return {
        "schedule_lines": [schedule.describe(rule, today) for rule in activity.schedule_rules],
        "next_time": schedule.describe_next(activity.schedule_rules, today, schedule.school_holidays()),
    }


@require_safe
def activity_ics(request, slug):
    activity = get_object_or_404(published_activities().for_detail(), slug=slug)
    if activity.by_appointment:
        raise Http404(_("Deze activiteit is op afspraak en heeft geen vaste tijden."))
    ics = calendar.as_ics(activity, base_url=request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{activity.slug}.ics"'
    return response


# The open data is the whole catalogue (DESIGN.md: an export imports again unchanged), or a page at a
# time when `page` or `page_size` asks for it: this many activities, or `page_size` up to the maximum.
EXPORT_PAGE_SIZE = 500
EXPORT_MAX_PAGE_SIZE = 1000


def _export_paging(request):
    """(page, page size) from the query string, (1, None) for everything, or an error message per parameter."""
    errors = {}
    values = {}
    for name, maximum in [("page", None), ("page_size", EXPORT_MAX_PAGE_SIZE)]:
        raw = request.GET.get(name, "")
        if not raw:
            values[name] = None
        elif raw.isascii() and raw.isdigit() and int(raw) >= 1 and (maximum is None or int(raw) <= maximum):
            values[name] = int(raw)
        else:
            limit = f" en hoogstens {maximum}" if maximum else ""
            errors[name] = [f"Geef een heel getal van minstens 1{limit}."]
    page, page_size = values.get("page"), values.get("page_size")
    if page is not None and page_size is None:
        page_size = EXPORT_PAGE_SIZE
    return page or 1, page_size, errors


@require_safe
def activity_export(request):
    """The published catalogue as open data, in the exchange format, whole or a page at a time; same
    filters as the catalogue. The count, the links to the next and previous page and the licence come first."""
    params = canonical_params(request.GET).copy()
    params.pop("page", None)
    data, errors = valid_data(params)
    page, page_size, paging_errors = _export_paging(request)
    errors = {**errors, **paging_errors}
    if errors:
        return HttpResponse(exchange.dumps_errors(errors), status=400, content_type="application/json; charset=utf-8")
    version = catalogue_version()
    # The paging links carry the host, so the kept answer does too; and the day: the "when" filters
    # move on at midnight.
    key = cache_key(
        version, "export", request.get_host(), timezone.localdate().isoformat(), params.urlencode(), page, page_size
    )
    body = caches["exports"].get(key) if version is not None else None
    if body is not None:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        queryset = ActivityFilter(data, queryset=published_activities()).qs.order_by("slug")
        count = queryset.count()
        start = (page - 1) * page_size if page_size else 0
        stop = start + page_size if page_size else count
        if start and start >= count:
            errors = {"page": [f"Er zijn maar {max(1, -(-count // page_size))} pagina's."]}
            return HttpResponse(
                exchange.dumps_errors(errors), status=404, content_type="application/json; charset=utf-8"
            )
        about = {
            "count": count,
            "next": _export_page_url(request, params, page + 1, page_size) if stop < count else None,
            "previous": _export_page_url(request, params, page - 1, page_size) if page > 1 else None,
            "licence": exchange.LICENCE,
        }
        pieces = exchange.stream_export(queryset[start:stop], about)
        if version is not None:
            pieces = _kept_when_small(pieces, key)
        response = StreamingHttpResponse(pieces, content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _export_page_url(request, params, page, page_size):
    params = params.copy()
    if page > 1:
        params["page"] = str(page)
    params["page_size"] = str(page_size)
    query = params.urlencode()
    return request.build_absolute_uri(reverse("activities:export") + (f"?{query}" if query else ""))


# A page of the export (at most ~1 MB at the largest page size) is kept in the exports' own cache
# (settings.CACHES: a few dozen, so they never crowd out pages) under the catalogue's version; anything
# larger is only ever streamed.
EXPORT_CACHE_CHARACTERS = 4_000_000


def _kept_when_small(pieces, key):
    """Stream the pieces, and keep the whole export in the shared cache if it turns out small."""
    kept, size = [], 0
    for piece in pieces:
        yield piece
        if kept is not None:
            kept.append(piece)
            size += len(piece)
            if size > EXPORT_CACHE_CHARACTERS:
                kept = None
    if kept is not None:
        caches["exports"].set(key, "".join(kept), CACHE_SECONDS)


# No CSRF token: the answer is anonymous and acts for nobody, so a forged one can do nothing a
# direct one could not, and without a token the catalogue pages that carry this form can be cached.
@csrf_exempt
@ratelimit(key="ip", rate=settings.FEEDBACK_POSTS_PER_ADDRESS, method="POST")
@require_POST
def feedback(request):
    form = FeedbackForm(request.POST)
    if form.is_valid():
        feedback_create(**form.cleaned_data)
        if request.htmx:
            return render(request, "activities/_feedback.html#thanks")
        messages.success(request, _("Dank je wel. Je antwoord helpt ons de website beter te maken."))
    elif request.htmx:
        return render(request, "activities/_feedback.html#form", {"feedback_form": form})
    else:
        messages.error(request, _("Kies ja of nee en probeer het nog eens."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/activiteiten/"
    return redirect(next_url)


# The organisation's screens for its own activities (/organisatie/…) ------------------------------


def _render_form(request, organisation, form, schedule, activity=None, status=200):
    context = {"organisation": organisation, "form": form, "schedule": schedule, "activity": activity}
    return render(request, "activities/activity_form.html", context, status=status)


@member_required
@require_http_methods(["GET", "POST"])
def activity_new(request, org_id):
    organisation = organisation_for(request, org_id)
    if request.method == "POST":
        form = ActivityForm(request.POST, request.FILES, organisation=organisation)
        schedule = schedule_formset(request.POST)
        if form.is_valid() and schedule.is_valid():
            activity = activity_create(
                organisation=organisation,
                user=request.user,
                data=form.activity_data(schedule_rows(schedule)),
                photo=form.cleaned_data.get("photo"),
                creation_key=form.cleaned_data.get("creation_key"),
            )
            messages.success(request, _("De activiteit is opgeslagen als concept. Bekijk het voorbeeld en publiceer."))
            return redirect("organisations:activity-preview", pk=activity.pk)
        return _render_form(request, organisation, form, schedule, status=422)
    return _render_form(request, organisation, ActivityForm(organisation=organisation), schedule_formset())


@member_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = activity_for(request, pk)
    if request.method == "POST":
        form = ActivityForm(request.POST, request.FILES, instance=activity, organisation=activity.organisation)
        schedule = schedule_formset(request.POST)
        if form.is_valid() and schedule.is_valid():
            try:
                activity_update(
                    activity=activity,
                    user=request.user,
                    data=form.activity_data(schedule_rows(schedule)),
                    expected_version=form.cleaned_data.get("version"),
                    photo=form.cleaned_data.get("photo"),
                    remove_photo=form.cleaned_data.get("photo_clear", False),
                )
            except ConcurrentEdit:
                form.add_error(
                    None,
                    _(
                        "Iemand anders heeft deze activiteit veranderd terwijl jij bezig was. "
                        "Jouw tekst staat hieronder nog. Open de activiteit opnieuw in een ander tabblad, "
                        "vergelijk, en sla daarna op."
                    ),
                )
                return _render_form(request, activity.organisation, form, schedule, activity, status=409)
            messages.success(request, _("Je wijzigingen zijn opgeslagen."))
            return redirect("organisations:activity-preview", pk=activity.pk)
        return _render_form(request, activity.organisation, form, schedule, activity, status=422)
    form = ActivityForm(instance=activity, organisation=activity.organisation)
    return _render_form(request, activity.organisation, form, schedule_formset(activity=activity), activity)


@member_required
def activity_preview(request, pk):
    activity = activity_for(request, pk)
    activity = Activity.objects.for_detail().get(pk=activity.pk)
    context = {
        "activity": activity,
        **_schedule_context(activity),
        "preview": True,
        "json_ld": structured_data.as_json_ld(activity, request),
    }
    return render(request, "activities/activity_preview.html", context)


# Leaving the website is the one change a volunteer could make by a slip of the finger: it waits
# for a second click on a page of its own (no JavaScript needed).
CONFIRM_FIRST = {Activity.Status.ARCHIVED}
NOT_POSSIBLE = gettext_lazy("Dat kan niet (meer) met deze activiteit. Kijk in de lijst hoe hij er nu voor staat.")

# (from, to) -> what happened, and the change that undoes it with its button text.
STATUS_MESSAGES = {
    (Activity.Status.DRAFT, Activity.Status.PUBLISHED): (
        gettext_lazy("“%(title)s” staat nu op de website."),
        Activity.Status.DRAFT,
        gettext_lazy("Ongedaan maken: terug naar concept"),
    ),
    (Activity.Status.DRAFT, Activity.Status.ARCHIVED): (
        gettext_lazy("“%(title)s” is gearchiveerd."),
        Activity.Status.DRAFT,
        gettext_lazy("Terugzetten als concept"),
    ),
    (Activity.Status.PUBLISHED, Activity.Status.ARCHIVED): (
        gettext_lazy("“%(title)s” is gearchiveerd en staat niet meer op de website."),
        Activity.Status.DRAFT,
        gettext_lazy("Terugzetten als concept"),
    ),
    (Activity.Status.PUBLISHED, Activity.Status.DRAFT): (
        gettext_lazy("“%(title)s” staat niet meer op de website en is weer een concept."),
        Activity.Status.PUBLISHED,
        gettext_lazy("Ongedaan maken: weer publiceren"),
    ),
    (Activity.Status.ARCHIVED, Activity.Status.DRAFT): (
        gettext_lazy("“%(title)s” is teruggezet als concept. Bewoners zien hem pas als je hem publiceert."),
        Activity.Status.ARCHIVED,
        gettext_lazy("Ongedaan maken: weer archiveren"),
    ),
}


def _status_message(activity, before):
    text, undo_status, undo_label = STATUS_MESSAGES[(before, activity.status)]
    undo_url = reverse("organisations:activity-status", args=[activity.pk]) + f"?naar={undo_status}"
    return format_html('{} <a href="{}">{}</a>', text % {"title": activity.title}, undo_url, undo_label)


@member_required
@require_http_methods(["GET", "POST"])
def activity_status(request, pk):
    """GET ?naar=<status>: what the change does, with its button; POST status: make the change."""
    activity = activity_for(request, pk)
    status = request.POST.get("status") if request.method == "POST" else request.GET.get("naar")
    home = redirect("organisations:organisation", org_id=activity.organisation_id)
    if status not in Activity.Status.values or not activity.can_become(status):
        messages.error(request, NOT_POSSIBLE)
        return home
    if request.method == "GET" or (status in CONFIRM_FIRST and "bevestigd" not in request.POST):
        context = {"activity": activity, "status": status}
        if request.htmx and request.method == "GET":
            # The same question in the list's dialog: "Nee" closes it instead of leaving the page.
            return render(request, "activities/activity_status_confirm.html#question", {**context, "in_dialog": True})
        return render(request, "activities/activity_status_confirm.html", context)
    before = activity.status
    try:
        activity = activity_set_status(activity=activity, user=request.user, status=status)
    except TransitionNotAllowed:
        messages.error(request, NOT_POSSIBLE)
        return home
    except NotReadyToPublish:
        messages.error(request, _("Nog niet gepubliceerd: bewoners missen nog iets. Kijk hieronder wat."))
        return redirect("organisations:activity-preview", pk=activity.pk)
    messages.success(request, _status_message(activity, before))
    return home


@member_required
@require_POST
def activity_copy(request, pk):
    activity = activity_for(request, pk)
    copy = activity_duplicate(activity=activity, user=request.user)
    archive_url = reverse("organisations:activity-status", args=[copy.pk]) + f"?naar={Activity.Status.ARCHIVED}"
    messages.success(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("Er is een kopie gemaakt: een concept, bewoners zien hem nog niet. Pas de kopie aan en publiceer hem."),
            archive_url,
            _("Toch niet nodig? Archiveer de kopie"),
        ),
    )
    return redirect("organisations:activity-edit", pk=copy.pk)


@member_required
@require_POST
def activities_still_correct(request, org_id):
    """'Klopt nog' for the activities ticked on the organisation's list of unchecked ones."""
    organisation = organisation_for(request, org_id)
    activities = activities_for(request, organisation, request.POST.getlist("activiteit"))
    if not activities:
        messages.error(request, _("Vink eerst de activiteiten aan die nog kloppen."))
    else:
        activities_verify(activities=activities, user=request.user)
        messages.success(
            request,
            ngettext(
                "Dank je. We hebben genoteerd dat %(count)d activiteit nog klopt.",
                "Dank je. We hebben genoteerd dat %(count)d activiteiten nog kloppen.",
                len(activities),
            )
            % {"count": len(activities)},
        )
    return redirect("organisations:organisation", org_id=organisation.pk)


# The organisation's saved locations (/organisatie/<id>/locaties/) ---------------------------------


@member_required
@require_safe
def location_list(request, org_id):
    organisation = organisation_for(request, org_id)
    locations = organisation.locations.with_activity_count().select_related("gebied__stadsdeel").order_by("name")
    return render(request, "activities/location_list.html", {"organisation": organisation, "locations": locations})


@member_required
@require_http_methods(["GET", "POST"])
def location_new(request, org_id):
    organisation = organisation_for(request, org_id)
    form = LocationForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            location = location_create(organisation=organisation, user=request.user, place=form.place())
            messages.success(request, _("“%(name)s” staat nu bij jullie plekken.") % {"name": location.name})
            return redirect("organisations:location-list", org_id=organisation.pk)
        status = 422
    else:
        status = 200
    context = {"organisation": organisation, "form": form}
    return render(request, "activities/location_form.html", context, status=status)


@member_required
@require_http_methods(["GET", "POST"])
def location_edit(request, pk):
    location = saved_location_for(request, pk)
    activities = list(location.activities.order_by("title"))
    form = LocationForm(request.POST or None, instance=location)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            location_update(location=location, user=request.user, place=form.place())
            messages.success(
                request,
                ngettext(
                    "De plek is opgeslagen. %(count)d activiteit toont het nieuwe adres.",
                    "De plek is opgeslagen. %(count)d activiteiten tonen het nieuwe adres.",
                    len(activities),
                )
                % {"count": len(activities)},
            )
            return redirect("organisations:location-list", org_id=location.organisation_id)
        status = 422
    context = {"organisation": location.organisation, "form": form, "location": location, "activities": activities}
    return render(request, "activities/location_form.html", context, status=status)


@member_required
@require_http_methods(["GET", "POST"])
def location_remove(request, pk):
    """GET: what deleting does, with its button (or why it cannot); POST: delete."""
    location = saved_location_for(request, pk)
    if request.method == "POST":
        try:
            location_delete(location=location, user=request.user)
        except LocationInUse:
            messages.error(request, _("Deze plek is niet verwijderd: er zijn nog activiteiten op deze plek."))
        else:
            messages.success(request, _("“%(name)s” is verwijderd.") % {"name": location.name})
            return redirect("organisations:location-list", org_id=location.organisation_id)
    context = {
        "organisation": location.organisation,
        "location": location,
        "activities": list(location.activities.order_by("title")),
    }
    return render(request, "activities/location_delete.html", context)
