"""Reads for the monitor (/beoordeling/monitor/, DESIGN.md §5), scoped to the stadsdelen of the
person asking: staff see their stadsdelen, the functional administrator the whole city.

Every number comes from a fixed set of queries that return plain values, added up here, so a
page costs the same number of queries at ten aanvragen or ten thousand.

- Subsidised: the aanvragen whose status is in `workflow.GRANTED` (also once vastgesteld), their
  granted amount (the besluit) and their planned activities.
- Realised: only from accepted report versions, as frozen when submitted. Participants, meetings
  and volunteer hours are counts over the report's period, so they add up over the reports;
  volunteers are a headcount (the 10% rule compares them with the plan as they are), so a planned
  activity counts its highest number in one report.
- On time: of the reports whose due date has passed, those first submitted on or before it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.models import VERIFY_EVERY, Activity, Bouwsteen, Theme
from stadsdelen.models import Gebied, Wijk
from subsidies import charts, workflow
from subsidies.models import (
    Aanvraag,
    GeplandeActiviteit,
    Indicator,
    IndicatorFigure,
    MonitorNote,
    Note,
    ReportObligation,
    ReportVersion,
    Ronde,
)
from subsidies.money import euros
from subsidies.monitor_forms import VIEWS, MonitorFilterForm
from subsidies.selectors import staff_stadsdelen

# The organisations with the least checked activities first; the export has them all.
ORGANISATIONS_SHOWN = 25
NOTES_SHOWN = 100


# Tables ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = "text"  # text, int, euro (cents), pct, dec, cover (a count where 0 is a gap)

    @property
    def is_number(self):
        return self.kind != "text"


def _dutch_int(value):
    return f"{value:,}".replace(",", ".")


def display(value, kind):
    """A cell as people read it: Dutch numbers, and words where a number would mislead."""
    if kind == "text":
        return "" if value is None else str(value)
    if value is None:
        return _("n.v.t.")
    if kind == "euro":
        return euros(value)
    if kind == "pct":
        return f"{value:.0f}%"
    if kind == "dec":
        return f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", " ").replace(".", ",").replace(" ", ".")
    if kind == "cover" and value == 0:
        return _("geen")
    return _dutch_int(value)


@dataclass
class Table:
    """One table of the monitor: shown with its caption, and exported as CSV and XLSX as is."""

    key: str
    caption: str
    columns: list
    rows: list
    note: str = ""
    # Rows beyond this are only in the export (e.g. thousands of organisations).
    shown: int | None = None

    def display_rows(self):
        rows = self.rows if self.shown is None else self.rows[: self.shown]
        return [
            [
                {
                    "text": display(value, column.kind),
                    "number": column.is_number,
                    "gap": column.kind == "cover" and value == 0,
                }
                for value, column in zip(row, self.columns, strict=True)
            ]
            for row in rows
        ]

    @property
    def hidden(self):
        return 0 if self.shown is None else max(0, len(self.rows) - self.shown)

    def export_rows(self):
        """Values for a spreadsheet: euros as amounts, percentages as numbers, gaps as 0."""
        for row in self.rows:
            yield [_exported(value, column.kind) for value, column in zip(row, self.columns, strict=True)]


def _exported(value, kind):
    if value is None:
        return None
    if kind == "euro":
        return Decimal(value) / 100
    if kind == "pct":
        return Decimal(value).quantize(Decimal("0.1"))
    return value


def _pct(part, whole):
    return None if not whole else Decimal(part * 100) / whole


# Filters and scope -------------------------------------------------------------------------------


@dataclass
class Scope:
    form: MonitorFilterForm
    stadsdelen: list
    rondes: list
    today: datetime.date

    @property
    def single_stadsdeel(self):
        return self.stadsdelen[0] if len(self.stadsdelen) == 1 else None


def _scope(user, params, today):
    stadsdelen = list(staff_stadsdelen(user))
    granted = Q(aanvragen__status__in=workflow.GRANTED)
    rondes = list(
        Ronde.objects.filter(stadsdeel__in=stadsdelen)
        .select_related("regeling", "stadsdeel")
        .annotate(
            granted=Sum("aanvragen__besluit__amount_cents", filter=granted), grants=Count("aanvragen", filter=granted)
        )
        .order_by("stadsdeel__name", "-period_start", "regeling__name", "name")
    )
    form = MonitorFilterForm(params, user=user, rondes=rondes)
    # A value that is not (or no longer) a choice is left out, as the catalogue does.
    chosen = form.cleaned_data if form.is_valid() else {}
    if chosen.get("stadsdeel"):
        stadsdelen = [stadsdeel for stadsdeel in stadsdelen if stadsdeel.pk == chosen["stadsdeel"].pk]
    in_view = {stadsdeel.pk for stadsdeel in stadsdelen}
    rondes = [
        ronde
        for ronde in rondes
        if ronde.stadsdeel_id in in_view
        and (not chosen.get("jaar") or ronde.year == chosen["jaar"])
        and (not chosen.get("ronde") or ronde.pk == chosen["ronde"].pk)
    ]
    return Scope(form=form, stadsdelen=stadsdelen, rondes=rondes, today=today)


# Subsidies: money, activities, reach, reports ---------------------------------------------------


@dataclass
class Tally:
    """Planned against realised for a group of subsidised activities."""

    activities: int = 0
    planned_participants: int = 0
    realised_participants: int = 0
    planned_volunteers: int = 0
    realised_volunteers: int = 0

    def add(self, planned, realised):
        self.activities += 1
        self.planned_participants += planned["participants"]
        self.planned_volunteers += planned["volunteers"]
        self.realised_participants += realised["participants"]
        self.realised_volunteers += realised["volunteers"]

    def values(self):
        return [
            self.activities,
            self.planned_participants,
            self.realised_participants,
            self.planned_volunteers,
            self.realised_volunteers,
        ]


REACH_COLUMNS = [
    Column(_("Gesubsidieerde activiteiten"), "int"),
    Column(_("Deelnemers gepland"), "int"),
    Column(_("Deelnemers gerealiseerd"), "int"),
    Column(_("Vrijwilligers gepland"), "int"),
    Column(_("Vrijwilligers gerealiseerd"), "int"),
]
MONEY_COLUMNS = [
    Column(_("Plafond"), "euro"),
    Column(_("Verleend"), "euro"),
    Column(_("Deel van het plafond"), "pct"),
    Column(_("Nog over"), "euro"),
    Column(_("Verleende aanvragen"), "int"),
]
REPORT_COLUMNS = [
    Column(_("Verslagen waarvan de datum voorbij is"), "int"),
    Column(_("Daarvan op tijd"), "int"),
    Column(_("Op tijd"), "pct"),
    Column(_("Goedgekeurde verslagen"), "int"),
]


def _accepted_versions():
    return ReportVersion.objects.filter(
        outcome=ReportVersion.Outcome.ACCEPTED, obligation__aanvraag__status__in=workflow.GRANTED
    )


def _realised(versions):
    """(per planned activity: realised counts; per year: the accepted versions' figures and indicator values)."""
    realised = defaultdict(lambda: {"participants": 0, "volunteers": 0, "volunteer_hours": 0, "meetings": 0})
    by_year = defaultdict(lambda: {"reports": 0, "indicators": defaultdict(list), "figures": []})
    versions = versions.values_list("obligation__period_end", "content__figures", "content__indicators")
    for period_end, figures, indicators in versions:
        year = by_year[period_end.year]
        year["reports"] += 1
        for figure in figures or []:
            counts = realised[figure["planned_id"]]
            for name in ["participants", "volunteer_hours", "meetings"]:
                counts[name] += figure.get(name, 0)
            counts["volunteers"] = max(counts["volunteers"], figure.get("volunteers", 0))
            year["figures"].append(figure)
        for slug, answer in (indicators or {}).items():
            value = _number(answer.get("value") if isinstance(answer, dict) else answer)
            if value is not None:
                year["indicators"][slug].append(value)
    return realised, by_year


def _number(text):
    try:
        return Decimal(str(text).strip().replace("%", "").replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


def _subsidies(scope):
    ronde_ids = [ronde.pk for ronde in scope.rondes]
    planned = list(
        GeplandeActiviteit.objects.filter(aanvraag__ronde__in=ronde_ids, aanvraag__status__in=workflow.GRANTED).values(
            "pk",
            "aanvraag__ronde_id",
            "aanvraag__ronde__stadsdeel_id",
            "gebied_id",
            "bouwsteen_id",
            "participants",
            "volunteers",
        )
    )
    realised, by_year = _realised(_accepted_versions().filter(obligation__aanvraag__ronde__in=ronde_ids))
    reports = {
        row["aanvraag__ronde_id"]: row
        for row in ReportObligation.objects.filter(aanvraag__ronde__in=ronde_ids, aanvraag__status__in=workflow.GRANTED)
        .values("aanvraag__ronde_id")
        .annotate(
            due=Count("pk", filter=Q(due_on__lt=scope.today)),
            on_time=Count("pk", filter=Q(due_on__lt=scope.today, submitted_on__lte=F("due_on"))),
            accepted=Count("pk", filter=Q(state=ReportObligation.State.ACCEPTED)),
        )
        .order_by()
    }
    tallies = {kind: defaultdict(Tally) for kind in ["ronde", "stadsdeel", "gebied", "bouwsteen"]}
    for row in planned:
        done = realised.get(row["pk"], {"participants": 0, "volunteers": 0})
        tallies["ronde"][row["aanvraag__ronde_id"]].add(row, done)
        tallies["stadsdeel"][row["aanvraag__ronde__stadsdeel_id"]].add(row, done)
        tallies["gebied"][row["gebied_id"]].add(row, done)
        tallies["bouwsteen"][row["bouwsteen_id"]].add(row, done)
    return tallies, reports, by_year


def _money(plafond, granted, grants):
    return [plafond, granted, _pct(granted, plafond), plafond - granted, grants]


def _report_values(rows):
    due = sum(row["due"] for row in rows)
    on_time = sum(row["on_time"] for row in rows)
    return [due, on_time, _pct(on_time, due), sum(row["accepted"] for row in rows)]


def _subsidy_tables(scope, tallies, reports):
    no_reports = {"due": 0, "on_time": 0, "accepted": 0}
    ronde_rows = []
    for ronde in scope.rondes:
        ronde_rows.append(
            [
                ronde.stadsdeel.name,
                f"{ronde.regeling.name} {ronde.name}",
                *_money(ronde.plafond_cents, ronde.granted or 0, ronde.grants),
                *tallies["ronde"][ronde.pk].values(),
                *_report_values([reports.get(ronde.pk, no_reports)]),
            ]
        )
    money, reach, report_rows = [], [], []
    for stadsdeel in scope.stadsdelen:
        own = [ronde for ronde in scope.rondes if ronde.stadsdeel_id == stadsdeel.pk]
        money.append(
            [
                stadsdeel.name,
                *_money(
                    sum(ronde.plafond_cents for ronde in own),
                    sum(ronde.granted or 0 for ronde in own),
                    sum(ronde.grants for ronde in own),
                ),
            ]
        )
        reach.append([stadsdeel.name, *tallies["stadsdeel"][stadsdeel.pk].values()])
        report_rows.append([stadsdeel.name, *_report_values([reports.get(ronde.pk, no_reports) for ronde in own])])
    return [
        Table(
            "rondes",
            _("Per ronde: geld, activiteiten, bereik en verslagen"),
            [Column(_("Stadsdeel")), Column(_("Ronde")), *MONEY_COLUMNS, *REACH_COLUMNS, *REPORT_COLUMNS],
            ronde_rows,
        ),
        Table(
            "geld", _("Per stadsdeel: verleend tegenover het plafond"), [Column(_("Stadsdeel")), *MONEY_COLUMNS], money
        ),
        Table(
            "bereik",
            _("Per stadsdeel: gesubsidieerde activiteiten, bereik en vrijwilligers"),
            [Column(_("Stadsdeel")), *REACH_COLUMNS],
            reach,
        ),
        Table(
            "verslagen",
            _("Per stadsdeel: verslagen op tijd"),
            [Column(_("Stadsdeel")), *REPORT_COLUMNS],
            report_rows,
            _(
                "Op tijd: voor het eerst ingediend op of vóór de uiterste datum. "
                "Verslagen die nog niet te laat kunnen zijn, tellen niet mee."
            ),
        ),
    ]


def _reach_tables(tallies, gebieden, bouwstenen):
    note = _("Het verleende bedrag hoort bij een aanvraag, niet bij één gebied of bouwsteen; het staat per ronde.")
    gebied_rows = [
        [gebied.stadsdeel.name, _gebied_label(gebied), *tallies["gebied"][gebied.pk].values()]
        for gebied in gebieden
        if gebied.valid_until is None or gebied.pk in tallies["gebied"]
    ]
    bouwsteen_rows = [[bouwsteen.name, *tallies["bouwsteen"][bouwsteen.pk].values()] for bouwsteen in bouwstenen]
    return [
        Table(
            "gebieden",
            _("Per gebied: gesubsidieerde activiteiten, bereik en vrijwilligers"),
            [Column(_("Stadsdeel")), Column(_("Gebied")), *REACH_COLUMNS],
            gebied_rows,
            note,
        ),
        Table(
            "bouwstenen",
            _("Per bouwsteen: gesubsidieerde activiteiten, bereik en vrijwilligers"),
            [Column(_("Bouwsteen")), *REACH_COLUMNS],
            bouwsteen_rows,
            note,
        ),
    ]


def _gebied_label(gebied):
    return f"{gebied.name} ({_('ontwikkelbuurt')})" if gebied.ontwikkelbuurt else gebied.name


# Indicators --------------------------------------------------------------------------------------


def _indicator_table(scope, by_year):
    indicators = list(Indicator.objects.filter(is_active=True).select_related("bouwsteen"))
    single = scope.single_stadsdeel
    city_figures = {}
    for figure in (
        IndicatorFigure.objects.filter(indicator__is_active=True)
        .filter(Q(stadsdeel__isnull=True) | Q(stadsdeel__in=scope.stadsdelen))
        .order_by("indicator_id", "-year")
        .values("indicator_id", "stadsdeel_id", "year", "value", "source")
    ):
        # One stadsdeel in view: its own figure when there is one; else the city's.
        own = single is not None and figure["stadsdeel_id"] == single.pk
        if figure["stadsdeel_id"] is not None and not own:
            continue
        best = city_figures.get(figure["indicator_id"])
        if best is None or (own and best["stadsdeel_id"] is None):
            city_figures[figure["indicator_id"]] = figure
    latest_year = max(by_year, default=None)
    rows = []
    for indicator in indicators:
        value = year = None
        source = indicator.get_source_display()
        if indicator.source == Indicator.Source.CITY:
            figure = city_figures.get(indicator.pk)
            if figure is not None:
                value, year, source = figure["value"], figure["year"], figure["source"]
        elif latest_year is not None:
            value, count = _from_reports(indicator.slug, by_year[latest_year])
            if count:
                year = latest_year
                source = ngettext("%(count)s goedgekeurd verslag", "%(count)s goedgekeurde verslagen", count) % {
                    "count": count
                }
            else:
                value = None
        rows.append(
            [
                indicator.name,
                indicator.unit,
                indicator.bouwsteen.name if indicator.bouwsteen else "",
                indicator.baseline_value,
                indicator.baseline_year,
                indicator.target_value,
                indicator.target_year,
                value,
                year,
                source,
            ]
        )
    return Table(
        "indicatoren",
        _("Indicatoren: nulmeting, streefwaarde en de laatste waarde"),
        [
            Column(_("Indicator")),
            Column(_("Eenheid")),
            Column(_("Bouwsteen")),
            Column(_("Nulmeting"), "dec"),
            Column(_("Jaar nulmeting")),
            Column(_("Streefwaarde"), "dec"),
            Column(_("Streefjaar")),
            Column(_("Laatste waarde"), "dec"),
            Column(_("Jaar")),
            Column(_("Bron")),
        ],
        rows,
        _(
            "Uit verslagen: opgeteld over de goedgekeurde verslagen van het laatste jaar (vrijwilligers: het hoogste "
            "aantal per activiteit); een percentage is het gemiddelde van de verslagen die het invulden."
        ),
    )


def _from_reports(slug, year):
    """(value, number of reports it comes from) for an indicator over one year's accepted reports."""
    field_name = Indicator.FROM_FIGURES.get(slug)
    if field_name is None:
        values = year["indicators"].get(slug, [])
        return (sum(values) / len(values), len(values)) if values else (None, 0)
    if field_name == "volunteers":
        highest = defaultdict(int)
        for figure in year["figures"]:
            highest[figure["planned_id"]] = max(highest[figure["planned_id"]], figure.get("volunteers", 0))
        return Decimal(sum(highest.values())), year["reports"]
    return Decimal(sum(figure.get(field_name, 0) for figure in year["figures"])), year["reports"]


# The catalogue: coverage and freshness -----------------------------------------------------------


def _catalogue_tables(scope, gebieden):
    published = Activity.objects.published().filter(location__gebied__stadsdeel__in=scope.stadsdelen)
    themes = list(Theme.objects.all())
    cells = {
        (gebied, theme): count
        for gebied, theme, count in Activity.themes.through.objects.filter(
            activity__status=Activity.Status.PUBLISHED, activity__location__gebied__stadsdeel__in=scope.stadsdelen
        )
        .values_list("activity__location__gebied_id", "theme_id")
        .annotate(count=Count("activity_id"))
        .order_by()
    }
    fresh_since = scope.today - VERIFY_EVERY
    fresh = Q(last_verified__gte=fresh_since)
    per_gebied = {
        row["location__gebied_id"]: row
        for row in published.values("location__gebied_id")
        .annotate(total=Count("pk"), fresh=Count("pk", filter=fresh))
        .order_by()
    }
    shown = [gebied for gebied in gebieden if gebied.valid_until is None or gebied.pk in per_gebied]
    coverage = Table(
        "dekking",
        _("Gepubliceerde activiteiten per gebied en thema"),
        [
            Column(_("Stadsdeel")),
            Column(_("Gebied")),
            *[Column(theme.name, "cover") for theme in themes],
            Column(_("Totaal"), "cover"),
        ],
        [
            [
                gebied.stadsdeel.name,
                _gebied_label(gebied),
                *[cells.get((gebied.pk, theme.pk), 0) for theme in themes],
                per_gebied.get(gebied.pk, {}).get("total", 0),
            ]
            for gebied in shown
        ],
        _("‘geen’: in dit gebied staat nog geen activiteit met dit thema in de catalogus."),
    )
    stadsdeel_counts = defaultdict(lambda: [0, 0])
    for gebied in gebieden:
        row = per_gebied.get(gebied.pk)
        if row:
            stadsdeel_counts[gebied.stadsdeel_id][0] += row["total"]
            stadsdeel_counts[gebied.stadsdeel_id][1] += row["fresh"]
    freshness_columns = [
        Column(_("Gepubliceerde activiteiten"), "int"),
        Column(_("Gecontroleerd in de laatste 6 maanden"), "int"),
        Column(_("Deel gecontroleerd"), "pct"),
    ]
    per_stadsdeel = Table(
        "actueel",
        _("Hoe actueel is het aanbod per stadsdeel?"),
        [Column(_("Stadsdeel")), *freshness_columns],
        [
            [
                stadsdeel.name,
                *stadsdeel_counts[stadsdeel.pk],
                _pct(stadsdeel_counts[stadsdeel.pk][1], stadsdeel_counts[stadsdeel.pk][0]),
            ]
            for stadsdeel in scope.stadsdelen
        ],
    )
    organisations = [
        [row["organisation__name"], row["total"], row["fresh"], _pct(row["fresh"], row["total"])]
        for row in published.values("organisation_id", "organisation__name")
        .annotate(total=Count("pk"), fresh=Count("pk", filter=fresh))
        .order_by("organisation__name", "organisation_id")
    ]
    # Least checked first: who to call.
    organisations.sort(key=lambda row: (row[3], -row[1]))
    per_organisation = Table(
        "organisaties",
        _("Hoe actueel is het aanbod per organisatie? Minst gecontroleerd eerst"),
        [Column(_("Organisatie")), *freshness_columns],
        organisations,
        shown=ORGANISATIONS_SHOWN,
    )
    return coverage, per_stadsdeel, per_organisation


# The whole monitor -------------------------------------------------------------------------------


@dataclass
class Monitor:
    scope: Scope
    tables: dict
    charts: dict
    notes: dict = field(default_factory=dict)

    @property
    def form(self):
        return self.scope.form


def monitor(user, params, today=None):
    """Everything /beoordeling/monitor/ shows for this person and these filters."""
    scope = _scope(user, params, today or timezone.localdate())
    gebieden = list(
        Gebied.objects.filter(stadsdeel__in=scope.stadsdelen)
        .select_related("stadsdeel")
        .annotate(ontwikkelbuurt=Exists(Wijk.objects.filter(gebied=OuterRef("pk"), has_ontwikkelbuurt=True)))
        .order_by("stadsdeel__name", "name")
    )
    bouwstenen = list(Bouwsteen.objects.all())
    tallies, reports, by_year = _subsidies(scope)
    tables = [
        *_subsidy_tables(scope, tallies, reports),
        *_reach_tables(tallies, gebieden, bouwstenen),
        _indicator_table(scope, by_year),
        *_catalogue_tables(scope, gebieden),
    ]
    tables = {table.key: table for table in tables}
    return Monitor(scope=scope, tables=tables, charts=_charts(tables), notes=_notes(scope))


def _charts(tables):
    rondes = tables["rondes"].rows
    return {
        "budget": charts.bar_chart(
            chart_id="grafiek-budget",
            title=_("Verleend tegenover het plafond, per ronde"),
            desc=_("Per ronde een balk: hoeveel van het subsidieplafond is verleend. De bedragen staan in de tabel."),
            rows=[
                (f"{row[0]}: {row[1]}", [charts.Bar(row[3], f"{euros(row[3])} van {euros(row[2])}", "primary")], row[2])
                for row in rondes
            ],
        ),
        "bereik": charts.bar_chart(
            chart_id="grafiek-bereik",
            title=_("Deelnemers gepland en gerealiseerd, per stadsdeel"),
            desc=_("Per stadsdeel twee balken: gepland en gerealiseerd volgens goedgekeurde verslagen."),
            rows=[
                (
                    row[0],
                    [
                        charts.Bar(row[2], _("gepland %(n)s") % {"n": _dutch_int(row[2])}, "secondary"),
                        charts.Bar(row[3], _("gerealiseerd %(n)s") % {"n": _dutch_int(row[3])}, "primary"),
                    ],
                    None,
                )
                for row in tables["bereik"].rows
            ],
        ),
        "verslagen": charts.bar_chart(
            chart_id="grafiek-verslagen",
            title=_("Verslagen op tijd, per stadsdeel"),
            desc=_(
                "Per stadsdeel het deel van de verslagen dat op tijd binnen was, "
                "van de verslagen waarvan de datum voorbij is."
            ),
            rows=[
                (row[0], [charts.Bar(row[3] or 0, display(row[3], "pct"), "primary")], 100)
                for row in tables["verslagen"].rows
            ],
        ),
        "actueel": charts.bar_chart(
            chart_id="grafiek-actueel",
            title=_("Deel van het aanbod gecontroleerd in de laatste 6 maanden"),
            desc=_(
                "Per stadsdeel het deel van de gepubliceerde activiteiten "
                "dat in het laatste half jaar is gecontroleerd."
            ),
            rows=[
                (row[0], [charts.Bar(row[3] or 0, display(row[3], "pct"), "primary")], 100)
                for row in tables["actueel"].rows
            ],
        ),
    }


def _notes(scope):
    """Duiding per part of the monitor: notes on the stadsdelen in view and on the whole city."""
    notes = defaultdict(list)
    for note in (
        MonitorNote.objects.filter(Q(stadsdeel__isnull=True) | Q(stadsdeel__in=scope.stadsdelen))
        .select_related("author", "stadsdeel")
        .order_by("-created_at", "-pk")[:NOTES_SHOWN]
    ):
        notes[note.view].append(note)
    return {view: notes.get(view, []) for view, _label in VIEWS}


# An organisation's own results -------------------------------------------------------------------

OWN_COLUMNS = [Column(_("Wat")), Column(_("Gepland"), "int"), Column(_("Gerealiseerd"), "int")]
OWN_FIGURES = [
    ("participants", _("Unieke deelnemers")),
    ("meetings", _("Bijeenkomsten")),
    ("volunteers", _("Vrijwilligers")),
]
MESSAGES_SHOWN = 20


@dataclass
class Grant:
    aanvraag: Aanvraag
    tables: list
    reports_due: int
    reports_on_time: int
    reports_accepted: int


@dataclass
class OwnResults:
    grants: list
    notes: list
    messages: list


def organisation_results(organisation, today=None):
    """What the monitor knows about one organisation, for its own pages: its subsidised activities,
    planned against realised (the monitor's rules: accepted reports only), its reports on time, the
    stadsdeel's duiding where it has subsidy, and the messages on its aanvragen. Nothing of another
    organisation: every query starts from this organisation's granted aanvragen."""
    today = today or timezone.localdate()
    aanvragen = list(
        Aanvraag.objects.filter(organisation=organisation, status__in=workflow.GRANTED)
        .select_related("ronde__stadsdeel", "ronde__regeling", "track")
        .annotate(
            due=Count("obligations", filter=Q(obligations__due_on__lt=today)),
            on_time=Count(
                "obligations",
                filter=Q(obligations__due_on__lt=today, obligations__submitted_on__lte=F("obligations__due_on")),
            ),
            accepted=Count("obligations", filter=Q(obligations__state=ReportObligation.State.ACCEPTED)),
        )
        .order_by("-ronde__period_start", "dossiernummer")
    )
    realised, _by_year = _realised(_accepted_versions().filter(obligation__aanvraag__in=aanvragen))
    planned = defaultdict(list)
    for activity in GeplandeActiviteit.objects.filter(aanvraag__in=aanvragen).select_related("gebied"):
        planned[activity.aanvraag_id].append(activity)
    grants = []
    for aanvraag in aanvragen:
        tables = []
        for activity in planned[aanvraag.pk]:
            done = realised.get(activity.pk, {"participants": 0, "meetings": 0, "volunteers": 0})
            rows = [[label, getattr(activity, name), done[name]] for name, label in OWN_FIGURES]
            caption = f"{activity.title} ({activity.gebied.name})"
            tables.append(Table(f"activiteit-{activity.pk}", caption, OWN_COLUMNS, rows))
        grants.append(
            Grant(
                aanvraag=aanvraag,
                tables=tables,
                reports_due=aanvraag.due,
                reports_on_time=aanvraag.on_time,
                reports_accepted=aanvraag.accepted,
            )
        )
    stadsdelen = {aanvraag.ronde.stadsdeel_id for aanvraag in aanvragen}
    notes = list(
        MonitorNote.objects.filter(Q(stadsdeel__isnull=True) | Q(stadsdeel__in=stadsdelen))
        .select_related("author", "stadsdeel")
        .order_by("-created_at", "-pk")[:NOTES_SHOWN]
        if stadsdelen
        else []
    )
    labels = dict(VIEWS)
    for note in notes:
        note.view_label = labels.get(note.view, note.view)
    messages = list(
        Note.objects.filter(aanvraag__organisation=organisation)
        .select_related("author", "aanvraag__ronde__stadsdeel", "aanvraag__organisation", "obligation")
        .order_by("-created_at", "-pk")[:MESSAGES_SHOWN]
    )
    members = set(organisation.memberships.values_list("user_id", flat=True))
    for message in messages:
        message.from_organisation = message.author_id in members
    return OwnResults(grants=grants, notes=notes, messages=messages)
