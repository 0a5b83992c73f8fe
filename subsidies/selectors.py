"""Reads for the staff screens of subsidies: the work list, the dossier and its warnings.

Every read starts from `Aanvraag.objects.for_staff(user)` (or an aanvraag the access helpers
returned), and each runs a fixed number of queries, whatever the number of rows.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from stadsdelen.models import Stadsdeel
from subsidies import services, workflow
from subsidies.filters import AanvraagFilter, Termijn
from subsidies.models import (
    Aanvraag,
    AanvraagVersie,
    Aanvulling,
    Besluit,
    GeplandeActiviteit,
    Score,
    Statement,
    StatusChange,
    Track,
)
from subsidies.terms import decision_deadline
from subsidies.workflow import Status

PAGE_SIZE = 50


def staff_stadsdelen(user):
    stadsdelen = Stadsdeel.objects.current()
    return stadsdelen if user.is_superuser else stadsdelen.filter(pk__in=user.staff_stadsdeel_ids)


# Beslistermijn ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """Where one aanvraag stands on its beslistermijn, for the list, the export and the dossier."""

    deadline: datetime.date | None
    days_left: int | None
    suspended: bool

    @property
    def kind(self):
        if self.suspended:
            return Termijn.SUSPENDED
        if self.days_left is None:
            return None
        if self.days_left < 0:
            return Termijn.OVERDUE
        return Termijn.SOON if self.days_left <= Termijn.SOON_DAYS else Termijn.LATER

    @property
    def label(self):
        """In words, so the marking never depends on colour alone."""
        if self.suspended:
            return _("Opgeschort: aanvulling open")
        if self.days_left is None:
            return ""
        if self.days_left < 0:
            return _("Te laat: %(days)s dagen over de termijn") % {"days": -self.days_left}
        if self.days_left == 0:
            return _("Vandaag de laatste dag")
        if self.days_left <= Termijn.SOON_DAYS:
            return _("Bijna: nog %(days)s dagen") % {"days": self.days_left}
        return _("Nog %(days)s dagen") % {"days": self.days_left}


NO_TERM = Term(None, None, False)


def _term(status, received_on, weeks, aanvullingen, today):
    if status not in workflow.OPEN_AT_STADSDEEL or received_on is None:
        return NO_TERM
    deadline = decision_deadline(received_on=received_on, weeks=weeks, aanvullingen=aanvullingen, today=today)
    if deadline is None:
        return Term(None, None, True)
    return Term(deadline, (deadline - today).days, False)


def term_of(aanvraag, today=None):
    """The term of one aanvraag (its aanvullingen are read here, or from a prefetch)."""
    today = today or timezone.localdate()
    aanvullingen = [(a.asked_on, a.due_on, a.received_on) for a in aanvraag.aanvullingen.all()]
    return _term(aanvraag.status, aanvraag.received_on, aanvraag.ronde.weeks_to_decide, aanvullingen, today)


def _terms(queryset, today):
    """pk -> Term for every row of the queryset, in two queries."""
    rows = list(
        queryset.values_list("pk", "status", "received_on", "ronde__decision_weeks", "ronde__regeling__decision_weeks")
    )
    asked = {}
    for aanvraag_id, *dates in (
        Aanvulling.objects.filter(aanvraag__in=queryset.order_by().values("pk"))
        .order_by("asked_on", "pk")
        .values_list("aanvraag_id", "asked_on", "due_on", "received_on")
    ):
        asked.setdefault(aanvraag_id, []).append(tuple(dates))
    return [
        (pk, _term(status, received_on, ronde_weeks or regeling_weeks, asked.get(pk, []), today))
        for pk, status, received_on, ronde_weeks, regeling_weeks in rows
    ]


# The work list -----------------------------------------------------------------------------------


def _sort_key_by_term(item):
    """Most urgent first: least days left; then suspended, then those without a running term."""
    pk, term = item
    if term.days_left is not None:
        return (0, term.days_left, pk)
    return (1 if term.suspended else 2, 0, pk)


@dataclass
class WorkList:
    filterset: AanvraagFilter
    ordered: list  # [(pk, Term)] of the whole filtered list, in its order
    page: object = None
    # [(Aanvraag, Term)] of this page, or [(dict of EXPORT_FIELDS, Term)] of all for an export
    rows: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.ordered)


def work_list(user, params, *, page_number=None, export=False, today=None):
    """The aanvragen in this person's stadsdelen, filtered and sorted as `params` say: one page of
    them, or all of them for an export. The beslistermijn is worked out in Python with the terms
    module, for every filtered row, so that it can be filtered and sorted on."""
    today = today or timezone.localdate()
    stadsdelen = staff_stadsdelen(user)
    base = Aanvraag.objects.for_staff(user).exclude(status=Status.CONCEPT)
    filterset = AanvraagFilter(params or None, queryset=base, user=user, stadsdelen=stadsdelen)
    queryset = filterset.qs
    ordered = _terms(queryset, today)
    if filterset.chosen_termijn:
        ordered = [(pk, term) for pk, term in ordered if term.kind == filterset.chosen_termijn]
    if filterset.chosen_sort == "termijn":
        ordered.sort(key=_sort_key_by_term)
    result = WorkList(filterset=filterset, ordered=ordered)
    if export:
        chosen = ordered
    else:
        result.page = Paginator(ordered, PAGE_SIZE).get_page(page_number)
        chosen = result.page.object_list
    terms = dict(chosen)
    if export:
        result.rows = _export_rows(chosen)
        return result
    objects = Aanvraag.objects.filter(pk__in=terms).select_related("organisation", "ronde__stadsdeel", "track")
    by_pk = {aanvraag.pk: aanvraag for aanvraag in objects}
    result.rows = [(by_pk[pk], terms[pk]) for pk, _term in chosen]
    return result


EXPORT_FIELDS = [
    "pk",
    "dossiernummer",
    "organisation__name",
    "projectnaam",
    "ronde__stadsdeel__name",
    "ronde__name",
    "track__name",
    "status",
    "requested_cents",
    "received_on",
    "besluit__amount_cents",
]


def _export_rows(chosen):
    """Plain rows for an export of thousands: no model instances, two queries."""
    pks = [pk for pk, _term in chosen]
    rows = {row["pk"]: row for row in Aanvraag.objects.filter(pk__in=pks).values(*EXPORT_FIELDS)}
    for row in rows.values():
        row["bouwstenen"], row["gebieden"] = set(), set()
    planned = GeplandeActiviteit.objects.filter(aanvraag_id__in=pks).values_list(
        "aanvraag_id", "bouwsteen__name", "gebied__name"
    )
    for aanvraag_id, bouwsteen, gebied in planned:
        rows[aanvraag_id]["bouwstenen"].add(bouwsteen)
        rows[aanvraag_id]["gebieden"].add(gebied)
    return [(rows[pk], term) for pk, term in chosen]


# The dossier -------------------------------------------------------------------------------------

FIELD_LABELS = {
    "projectnaam": _("Naam van het project"),
    "recurrence": _("Eenmalig of periodiek"),
    "summary": _("Wat willen jullie doen?"),
    "requested_cents": _("Gevraagd bedrag (cent)"),
    "track": _("Route"),
    "begroting": _("Begroting"),
    "activiteiten": _("Activiteiten"),
    "voorwaarden": _("Voorwaarden"),
    "bijlagen": _("Bijlagen"),
}


def _flatten(value, path=""):
    """{"a": {"b": [1]}} -> {"a › b › 1": 1}: each leaf under a readable path."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = ((str(index + 1), item) for index, item in enumerate(value))
    else:
        return {path: value}
    flat = {}
    for key, item in items:
        label = str(FIELD_LABELS.get(key, key)) if not path else key
        flat.update(_flatten(item, f"{path} › {label}" if path else label))
    return flat


def version_diff(before, after):
    """What changed between two submitted versions, field by field: [(field, before, after)]."""
    old, new = _flatten(before), _flatten(after)
    paths = dict.fromkeys([*old, *new])
    return [(path, old.get(path, ""), new.get(path, "")) for path in paths if old.get(path) != new.get(path)]


@dataclass
class Dossier:
    aanvraag: Aanvraag
    term: Term
    versions: list
    latest: AanvraagVersie | None
    latest_fields: list  # [(field, value)] of the latest version, flattened
    changes: list  # [(older number, newer number, [(field, before, after)])]
    history: list
    aanvullingen: list
    scores: list
    besluit: Besluit | None
    last_year: Aanvraag | None
    others: list
    warnings: list


def dossier(user, aanvraag, today=None):
    aanvraag = (
        Aanvraag.objects.filter(pk=aanvraag.pk)
        .select_related("organisation", "ronde__stadsdeel", "ronde__regeling", "track", "reviewer", "advised_by")
        .prefetch_related(
            "begroting",
            "attachments",
            "aanvullingen",
            Prefetch("statements", queryset=_statements()),
            Prefetch(
                "activiteiten",
                queryset=GeplandeActiviteit.objects.select_related("bouwsteen", "gebied", "activity").prefetch_related(
                    "doelgroepen"
                ),
            ),
        )
        .get()
    )
    versions = list(AanvraagVersie.objects.filter(aanvraag=aanvraag).select_related("submitted_by"))
    changes = [
        (older.number, newer.number, version_diff(older.content, newer.content))
        for older, newer in itertools.pairwise(versions)
    ]
    return Dossier(
        aanvraag=aanvraag,
        term=term_of(aanvraag, today),
        versions=versions,
        latest=versions[-1] if versions else None,
        latest_fields=list(_flatten(versions[-1].content).items()) if versions else [],
        changes=changes,
        history=list(StatusChange.objects.filter(aanvraag=aanvraag).select_related("actor")),
        aanvullingen=list(aanvraag.aanvullingen.all()),
        scores=list(
            Score.objects.filter(aanvraag=aanvraag).select_related("condition", "condition_version", "assessed_by")
        ),
        besluit=Besluit.objects.filter(aanvraag=aanvraag).select_related("decided_by").first(),
        last_year=last_years(aanvraag),
        others=other_aanvragen(user, aanvraag),
        warnings=double_funding(aanvraag),
    )


def _statements():
    return Statement.objects.select_related("condition").order_by("condition__group", "condition__order")


def last_years(aanvraag):
    """The organisation's aanvraag in the same stadsdeel in the latest earlier tijdvak, with its besluit."""
    return (
        Aanvraag.objects.filter(
            organisation=aanvraag.organisation_id,
            ronde__stadsdeel=aanvraag.ronde.stadsdeel_id,
            ronde__period_start__lt=aanvraag.ronde.period_start,
        )
        .exclude(status=Status.CONCEPT)
        .select_related("ronde", "track", "besluit")
        .order_by("-ronde__period_start", "-received_on")
        .first()
    )


def other_aanvragen(user, aanvraag):
    """The organisation's other aanvragen: all of them in this person's stadsdelen; elsewhere only
    the granted ones, which the public register shows anyway."""
    return list(
        Aanvraag.objects.filter(organisation=aanvraag.organisation_id)
        .exclude(pk=aanvraag.pk)
        .exclude(status=Status.CONCEPT)
        .filter(Q(pk__in=Aanvraag.objects.for_staff(user).values("pk")) | Q(status__in=workflow.GRANTED))
        .select_related("ronde__stadsdeel", "track", "besluit")
        .order_by("-ronde__period_start", "dossiernummer")
    )


@dataclass(frozen=True)
class Warning:
    planned: GeplandeActiviteit
    other: GeplandeActiviteit
    reason: str


def double_funding(aanvraag):
    """Planned activities of this aanvraag that are already funded (verleend or deels verleend) in
    another stadsdeel or another ronde whose tijdvak overlaps this one: the same catalogue activity,
    or an activity of the same organisation with the same name."""
    planned = list(aanvraag.activiteiten.all())
    if not planned:
        return []
    activity_ids = {p.activity_id for p in planned if p.activity_id}
    titles = {p.title.strip().lower() for p in planned}
    ronde = aanvraag.ronde
    funded = (
        GeplandeActiviteit.objects.filter(
            aanvraag__status__in=workflow.GRANTED,
            aanvraag__ronde__period_start__lte=ronde.period_end,
            aanvraag__ronde__period_end__gte=ronde.period_start,
        )
        .exclude(aanvraag=aanvraag)
        .annotate(title_lower=Lower("title"))
        .filter(
            Q(activity_id__in=activity_ids) | Q(aanvraag__organisation=aanvraag.organisation_id, title_lower__in=titles)
        )
        .select_related("aanvraag__ronde__stadsdeel", "aanvraag__besluit")
    )
    warnings = []
    for other in funded:
        for mine in planned:
            if mine.activity_id and mine.activity_id == other.activity_id:
                reason = _("dezelfde activiteit uit de catalogus")
            elif mine.title.strip().lower() == other.title.strip().lower():
                reason = _("dezelfde naam")
            else:
                continue
            warnings.append(Warning(planned=mine, other=other, reason=reason))
    return warnings


def assessment_rows(aanvraag, scores):
    """Each condition to score, with today's wording, the organisation's statement and the score so far."""
    statements = {s.condition_id: s for s in aanvraag.statements.all()}
    scored = {s.condition_id: s for s in scores}
    return [
        {"condition": condition, "statement": statements.get(condition.pk), "score": scored.get(condition.pk)}
        for condition in services.conditions_for(aanvraag)
    ]


def batch_candidates(user):
    """Klein-initiatief aanvragen with the advice "verlenen" that this person may decide;
    `assessed_by_me` marks those the four-eyes rule keeps from them."""
    own_score = Score.objects.filter(aanvraag=OuterRef("pk"), assessed_by=user)
    return (
        Aanvraag.objects.decidable_by(user)
        .filter(status=Status.ADVIES, advice=Aanvraag.Advice.VERLENEN, track__form=Track.Form.SHORT)
        .annotate(
            assessed_by_me=ExpressionWrapper(
                Q(reviewer=user) | Q(advised_by=user) | Exists(own_score), output_field=BooleanField()
            )
        )
        .select_related("organisation", "ronde__stadsdeel", "track")
        .order_by("ronde__stadsdeel__name", "dossiernummer")
    )
