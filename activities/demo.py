"""A believable demo catalogue: Dutch titles and texts over every gebied, fast enough for 50,000 rows."""

import datetime
import random
import zlib

from django.db import transaction
from django.utils import timezone

from activities import search
from activities.models import Activity, Bouwsteen, Doelgroep, Location, Organisation, ScheduleSlot, Theme
from stadsdelen.models import Gebied

# title, summary, bouwsteen, themes, doelgroepen, free, cost, registration, slots [(day, start, end)], volunteers
TEMPLATES = [
    (
        "Wandelclub {place}",
        "Elke week samen een uur wandelen door de buurt. Daarna drinken we koffie.",
        "verbondenheid",
        ["gezondheid-en-bewegen", "ontmoeting", "eenzaamheid"],
        ["alle-amsterdammers", "ouderen"],
        True,
        "",
        False,
        [(1, "10:00", "11:30")],
        "Wij zoeken een vrijwilliger die de wandeling wil leiden.",
    ),
    (
        "Taalcafé {place}",
        "Oefen Nederlands met een taalmaatje, bij een kop koffie of thee.",
        "zelfredzaamheid",
        ["taal", "ontmoeting"],
        ["nieuwkomers", "laaggeletterden", "alle-amsterdammers"],
        True,
        "",
        False,
        [(1, "10:00", "12:00"), (3, "19:00", "21:00")],
        "Taalmaatjes: praat een uur per week mee.",
    ),
    (
        "Formulierencafé {place}",
        "Hulp bij brieven, formulieren en toeslagen. Neem je post mee.",
        "zelfredzaamheid",
        ["administratie", "geldzaken-en-schulden"],
        ["mensen-met-weinig-geld", "alle-amsterdammers"],
        True,
        "",
        False,
        [(0, "13:00", "16:00")],
        "",
    ),
    (
        "Spreekuur geldzaken {place}",
        "Heb je schulden of zorgen over geld? Praat met een geldcoach.",
        "zelfredzaamheid",
        ["geldzaken-en-schulden"],
        ["mensen-met-weinig-geld", "volwassenen"],
        True,
        "",
        True,
        [],
        "",
    ),
    (
        "Computerhulp voor 55-plussers",
        "Leer mailen, videobellen en DigiD gebruiken, in je eigen tempo.",
        "zelfredzaamheid",
        ["digitale-vaardigheden"],
        ["ouderen", "laaggeletterden"],
        True,
        "",
        True,
        [(2, "10:00", "12:00")],
        "Help ouderen met hun telefoon of laptop.",
    ),
    (
        "Koffieochtend {place}",
        "Gezellig koffie drinken en buren leren kennen. Iedereen is welkom.",
        "verbondenheid",
        ["ontmoeting", "eenzaamheid"],
        ["alle-amsterdammers"],
        True,
        "",
        False,
        [(4, "10:00", "12:00")],
        "",
    ),
    (
        "Buurtmaaltijd {place}",
        "Samen koken en eten met buren. Een warme maaltijd voor weinig geld.",
        "verbondenheid",
        ["ontmoeting", "eenzaamheid"],
        ["alle-amsterdammers", "mensen-met-weinig-geld"],
        False,
        "€ 3,50 per maaltijd",
        True,
        [(3, "17:30", "19:30")],
        "Kook je graag? Kook eens mee voor de buurt.",
    ),
    (
        "Maatjesproject {place}",
        "Een vaste vrijwilliger die met je wandelt, praat of mee gaat naar een afspraak.",
        "samenredzaamheid",
        ["eenzaamheid", "vrijwilligerswerk"],
        ["ouderen", "mensen-met-een-beperking"],
        True,
        "",
        True,
        [],
        "Word maatje: een paar uur per week voor iemand in je buurt.",
    ),
    (
        "Mantelzorgcafé {place}",
        "Zorg je voor een naaste? Praat met andere mantelzorgers en krijg tips.",
        "samenredzaamheid",
        ["mantelzorg", "ontmoeting"],
        ["mantelzorgers"],
        True,
        "",
        False,
        [(2, "14:00", "16:00")],
        "",
    ),
    (
        "Jongerenwerk inloop {place}",
        "Chillen, gamen en praten met jongerenwerkers. Hulp bij school of werk.",
        "zelfredzaamheid",
        ["opvoeden-en-opgroeien", "sport"],
        ["jongeren"],
        True,
        "",
        False,
        [(2, "15:00", "18:00"), (4, "19:00", "22:00")],
        "",
    ),
    (
        "Huiswerkbegeleiding {place}",
        "Hulp bij huiswerk voor kinderen van de basisschool.",
        "zelfredzaamheid",
        ["opvoeden-en-opgroeien", "taal"],
        ["kinderen"],
        True,
        "",
        True,
        [(0, "15:30", "17:00"), (3, "15:30", "17:00")],
        "Help kinderen met lezen en rekenen.",
    ),
    (
        "Ouder-en-kindochtend {place}",
        "Spelen met je kindje en andere ouders ontmoeten.",
        "verbondenheid",
        ["opvoeden-en-opgroeien", "ontmoeting"],
        ["jonge-kinderen-en-ouders"],
        True,
        "",
        False,
        [(1, "09:30", "11:30")],
        "",
    ),
    (
        "Stoelyoga voor ouderen",
        "Rustig bewegen op een stoel. Goed voor je balans en je humeur.",
        "zelfredzaamheid",
        ["gezondheid-en-bewegen", "sport"],
        ["ouderen", "mensen-met-een-beperking"],
        False,
        "€ 2 per keer",
        False,
        [(3, "10:30", "11:30")],
        "",
    ),
    (
        "Repair Café {place}",
        "Breng je kapotte spullen mee. Samen maken we ze weer heel.",
        "verbondenheid",
        ["praktische-hulp", "ontmoeting"],
        ["alle-amsterdammers"],
        True,
        "",
        False,
        [(5, "13:00", "16:00")],
        "Ben je handig? Repareer mee.",
    ),
    (
        "Klussendienst {place}",
        "Een vrijwilliger helpt met kleine klussen in huis, zoals een lamp ophangen.",
        "samenredzaamheid",
        ["praktische-hulp", "vrijwilligerswerk"],
        ["ouderen", "mensen-met-een-beperking"],
        False,
        "€ 5 per klus",
        True,
        [],
        "Klusvrijwilligers gezocht.",
    ),
    (
        "Boodschappenhulp {place}",
        "Vrijwilligers doen boodschappen voor buren die dat niet zelf kunnen.",
        "samenredzaamheid",
        ["praktische-hulp"],
        ["ouderen", "mensen-met-een-beperking"],
        True,
        "",
        True,
        [],
        "Doe een keer per week boodschappen voor een buur.",
    ),
    (
        "Buurtmoestuin {place}",
        "Samen groente kweken en oogsten. Geen ervaring nodig.",
        "verbondenheid",
        ["ontmoeting", "gezondheid-en-bewegen"],
        ["alle-amsterdammers"],
        True,
        "",
        False,
        [(5, "10:00", "13:00")],
        "",
    ),
    (
        "Lotgenotengroep diabetes",
        "Praat met anderen die diabetes hebben. Een diëtist geeft tips.",
        "samenredzaamheid",
        ["gezondheid-en-bewegen"],
        ["volwassenen", "ouderen"],
        True,
        "",
        True,
        [(0, "19:30", "21:00")],
        "",
    ),
    (
        "Voorleesochtend {place}",
        "Voorlezen en samen praten over het verhaal. Makkelijke boeken.",
        "zelfredzaamheid",
        ["taal", "kunst-en-cultuur"],
        ["laaggeletterden", "kinderen"],
        True,
        "",
        False,
        [(5, "10:30", "11:30")],
        "",
    ),
    (
        "Sollicitatiespreekuur {place}",
        "Hulp bij je cv, een brief of een gesprek. Op weg naar werk.",
        "zelfredzaamheid",
        ["werk-en-participatie"],
        ["volwassenen", "nieuwkomers"],
        True,
        "",
        True,
        [(1, "13:00", "15:00")],
        "",
    ),
    (
        "Regenboogsoos {place}",
        "Een veilige plek voor LHBTIQ+-ers om elkaar te ontmoeten.",
        "verbondenheid",
        ["ontmoeting"],
        ["lhbtiq"],
        True,
        "",
        False,
        [(4, "20:00", "23:00")],
        "",
    ),
    (
        "Vrijwilligerspunt {place}",
        "Wil je iets doen voor je buurt? Wij zoeken samen vrijwilligerswerk dat bij je past.",
        "samenredzaamheid",
        ["vrijwilligerswerk", "werk-en-participatie"],
        ["vrijwilligers", "alle-amsterdammers"],
        True,
        "",
        False,
        [(2, "10:00", "12:00")],
        "",
    ),
    (
        "Buurtkoor {place}",
        "Zingen met buren. Je hoeft geen noten te lezen.",
        "verbondenheid",
        ["kunst-en-cultuur", "ontmoeting"],
        ["alle-amsterdammers"],
        False,
        "€ 5 per maand",
        False,
        [(0, "19:30", "21:30")],
        "",
    ),
    (
        "Tekenclub {place}",
        "Tekenen en schilderen met een docent. Materiaal is er.",
        "verbondenheid",
        ["kunst-en-cultuur"],
        ["volwassenen", "ouderen"],
        False,
        "€ 2,50 per keer",
        True,
        [(3, "14:00", "16:00")],
        "",
    ),
    (
        "Bewegen voor 55-plussers",
        "Gym op muziek in de buurt. Rustig tempo, veel plezier.",
        "zelfredzaamheid",
        ["sport", "gezondheid-en-bewegen"],
        ["ouderen"],
        False,
        "€ 15 per maand",
        False,
        [(1, "14:00", "15:00"), (4, "14:00", "15:00")],
        "",
    ),
    (
        "Meidenvoetbal {place}",
        "Voetbal voor meiden van 8 tot 14 jaar, op het pleintje.",
        "zelfredzaamheid",
        ["sport"],
        ["kinderen", "jongeren"],
        True,
        "",
        False,
        [(2, "16:00", "17:30")],
        "Trainers gezocht.",
    ),
    (
        "Stadsdorp ontmoeting {place}",
        "Oudere buren helpen elkaar en drinken samen koffie.",
        "verbondenheid",
        ["ontmoeting", "eenzaamheid", "praktische-hulp"],
        ["ouderen"],
        True,
        "",
        False,
        [(0, "10:30", "12:00")],
        "",
    ),
]

VENUE_KINDS = ["Buurthuis", "Huis van de Wijk", "Buurtcentrum", "Bibliotheek", "Wijkcentrum", "Speeltuin", "Sportzaal"]
VENUE_NAMES = [
    "De Meeuw",
    "Het Anker",
    "De Boeg",
    "De Wilg",
    "Het Podium",
    "De Brug",
    "Het Baken",
    "De Kroon",
    "De Schakel",
    "Het Kompas",
    "De Vonk",
    "De Linde",
    "Het Veer",
    "De Eik",
    "Het Trefpunt",
    "De Sluis",
]
STREETS = [
    "Meeuwenlaan",
    "Kamperfoeliestraat",
    "Van der Pekstraat",
    "Waterlandplein",
    "Purmerweg",
    "Kraaienplein",
    "Hoofdweg",
    "Ferdinand Bolstraat",
    "Javastraat",
    "Dapperstraat",
    "Bos en Lommerweg",
    "Osdorpplein",
    "Bijlmerdreef",
    "Ganzenhoef",
    "Nieuwe Herengracht",
    "Westerstraat",
    "Rijnstraat",
    "Pieter Calandlaan",
]
# First postcode digits and a rough centre for each stadsdeel.
STADSDEEL_AREA = {
    "centrum": (1011, 8, 52.372, 4.895),
    "west": (1051, 8, 52.375, 4.865),
    "nieuw-west": (1060, 10, 52.36, 4.80),
    "zuid": (1071, 13, 52.345, 4.88),
    "oost": (1091, 8, 52.36, 4.94),
    "noord": (1021, 17, 52.39, 4.92),
    "zuidoost": (1101, 8, 52.31, 4.97),
    "weesp": (1381, 4, 52.31, 5.04),
}
ORG_WORDS = ["Buurtkracht", "Samen Sterk", "Dichtbij", "De Verbinding", "Vrienden van", "Welzijn", "Buurtwerk"]
FORMAL_KINDS = [Organisation.Kind.WELFARE, Organisation.Kind.BUURTTEAM, Organisation.Kind.SPORT_CULTURE]
INFORMAL_KINDS = [
    Organisation.Kind.STADSDORP,
    Organisation.Kind.RESIDENTS,
    Organisation.Kind.VOLUNTEERS,
    Organisation.Kind.MIGRANTS,
]
LANGUAGES = [[], [], [], ["en"], ["ar", "en"], ["tr"], ["es", "en"], ["pt"], ["uk", "ru"]]
BATCH = 2000


CORE = 3  # the first TEMPLATES: walking, language, forms


def _time(value):
    return datetime.time.fromisoformat(value)


def _schedule(activity, slots, today):
    """The template's rows, run as people run them: most every week, some every other week or once a
    month (the first, second, third or last weekday), some paused in the school holidays, and a few
    activities add a series of single dates. Drawn from the slug, so the main draw stays the same."""
    roll = zlib.crc32(activity.slug.encode()) % 100
    rows = []
    for day, start, end in slots:
        row = ScheduleSlot(activity=activity, day=day, start=_time(start), end=_time(end))
        if roll < 12:
            row.interval = 2
            row.starts_on = today + datetime.timedelta(days=(day - today.weekday()) % 7 + 7 * (roll % 2))
        elif roll < 25:
            row.frequency = ScheduleSlot.Frequency.MONTHLY
            row.week_of_month = [1, 2, 3, -1][roll % 4]
        row.school_holidays = not 20 <= roll < 45
        rows.append(row)
    if slots and 45 <= roll < 50:
        saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 + 7)
        dates = [(saturday + datetime.timedelta(weeks=3 * n)).isoformat() for n in range(3)]
        rows.append(
            ScheduleSlot(
                activity=activity,
                frequency=ScheduleSlot.Frequency.DATES,
                dates=dates,
                start=_time("13:00"),
                end=_time("16:00"),
            )
        )
    return rows


def _template_orders(gebieden):
    """Per gebied, the order in which it gets the TEMPLATES (indexes).

    The core offer comes first and rotates over the gebieden of a stadsdeel, so even a small
    catalogue has walking, language and forms in every stadsdeel; the second activity of each
    gebied is one of the other templates, rotating over the city, so a small catalogue still has
    every bouwsteen, free and paid, and activities by appointment; then the rest of the core offer.
    """
    others = list(range(CORE, len(TEMPLATES)))
    position, orders = {}, []
    for number, gebied in enumerate(gebieden):
        p = position[gebied.stadsdeel_id] = position.get(gebied.stadsdeel_id, -1) + 1
        core = [(p + k) % CORE for k in range(CORE)]
        rest = others[number % len(others) :] + others[: number % len(others)]
        orders.append([core[0], rest[0], *core[1:], *rest[1:]])
    return orders


@transaction.atomic
def create_catalogue(*, activities, seed=2026):
    """Create `activities` activities (plus organisations and locations); returns the number made.

    The first activities of every gebied cover the core offer (walking, language, forms), always
    published, so every neighbourhood has what a resident like Hannah looks for (see _template_orders).
    """
    rng = random.Random(seed)
    today = timezone.localdate()
    gebieden = list(Gebied.objects.current().select_related("stadsdeel").order_by("code"))
    bouwstenen = {b.slug: b for b in Bouwsteen.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {d.slug: d for d in Doelgroep.objects.all()}
    orders = _template_orders(gebieden)

    n_orgs = max(len(gebieden) * 2, activities // 10)
    organisations = []
    for i in range(n_orgs):
        gebied = gebieden[i % len(gebieden)]
        formal = i % 3 != 2
        kind = rng.choice(FORMAL_KINDS if formal else INFORMAL_KINDS)
        word = ORG_WORDS[i % len(ORG_WORDS)]
        label = "Stadsdorp" if kind == Organisation.Kind.STADSDORP else word
        organisations.append(
            Organisation(
                name=f"{label} {gebied.name} {i // len(gebieden) + 1}",
                kvk=f"{90000000 + i}" if formal else "",
                kind=kind,
                email=f"info@org{i}.example.org",
            )
        )
    organisations = Organisation.objects.bulk_create(organisations, batch_size=BATCH)
    orgs_by_gebied = {}
    for i, organisation in enumerate(organisations):
        orgs_by_gebied.setdefault(gebieden[i % len(gebieden)].pk, []).append(organisation)

    # Each organisation keeps its own locations (activities.services.location_for).
    locations = []
    for gebied in gebieden:
        first_postcode, spread, lat, lon = STADSDEEL_AREA[gebied.stadsdeel.slug]
        owners = orgs_by_gebied[gebied.pk]
        for j in range(max(len(owners), 3, min(40, activities // (len(gebieden) * 5)))):
            locations.append(
                Location(
                    organisation=owners[j % len(owners)],
                    name=f"{VENUE_KINDS[j % len(VENUE_KINDS)]} {VENUE_NAMES[(j + gebied.pk) % len(VENUE_NAMES)]}",
                    street=f"{STREETS[(j * 7 + gebied.pk) % len(STREETS)]} {rng.randint(1, 250)}",
                    postcode=f"{first_postcode + rng.randrange(spread)} {rng.choice('ABCDEGHJKLMNPRST')}"
                    f"{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}",
                    gebied=gebied,
                    lat=round(lat + rng.uniform(-0.015, 0.015), 6),
                    lon=round(lon + rng.uniform(-0.02, 0.02), 6),
                    wheelchair_accessible=rng.random() < 0.6,
                )
            )
    locations = Location.objects.bulk_create(locations, batch_size=BATCH)
    locations_by_organisation = {}
    for location in locations:
        locations_by_organisation.setdefault(location.organisation_id, []).append(location)

    made = 0
    serial = 0
    while made < activities:
        size = min(BATCH, activities - made)
        batch, extras = [], []
        for k in range(size):
            index = made + k
            gebied = gebieden[index % len(gebieden)]
            round_in_gebied = index // len(gebieden)
            if round_in_gebied < len(TEMPLATES):
                template_index = orders[index % len(gebieden)][round_in_gebied]
            else:
                template_index = rng.randrange(len(TEMPLATES))
            template = TEMPLATES[template_index]
            (title_t, summary, bouwsteen, theme_slugs, group_slugs, free, cost, registration, slots, volunteers) = (
                template
            )
            organisation = rng.choice(orgs_by_gebied[gebied.pk])
            location = rng.choice(locations_by_organisation[organisation.pk])
            title = title_t.format(place=" ".join(location.name.split()[-2:]))
            if round_in_gebied >= len(TEMPLATES):
                title = f"{title} ({gebied.name})"
            serial += 1
            roll = rng.random()
            status = (
                Activity.Status.DRAFT
                if roll < 0.04
                else Activity.Status.ARCHIVED
                if roll < 0.08
                else Activity.Status.PUBLISHED
            )
            if template_index < CORE and round_in_gebied < len(TEMPLATES):
                status = Activity.Status.PUBLISHED
            description = (
                f"{summary} Je bent welkom bij {location.name} in {gebied.name}. "
                f"{'Aanmelden is nodig: bel of mail ons.' if registration else 'Je kunt gewoon binnenlopen.'} "
                f"Georganiseerd door {organisation.name}."
            )
            activity = Activity(
                slug=f"{search.normalize(title).replace(' ', '-')[:80].rstrip('-')}-{serial}",
                title=title,
                summary=summary,
                description=description,
                organisation=organisation,
                bouwsteen=bouwstenen[bouwsteen],
                location=location,
                free=free,
                cost=cost,
                registration_required=registration,
                volunteers_wanted=volunteers if rng.random() < 0.7 else "",
                languages=rng.choice(LANGUAGES),
                contact_email=organisation.email,
                contact_phone=f"020 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                status=status,
                last_verified=today - datetime.timedelta(days=rng.randint(0, 365)),
                search_title=search.normalize(title),
                search_text=search.normalize(
                    " ".join(
                        [title, summary, description, organisation.name, location.name]
                        + [themes[s].name for s in theme_slugs]
                        + [groups[s].name for s in group_slugs]
                    )
                ),
            )
            batch.append(activity)
            extras.append((theme_slugs, group_slugs, slots))
        batch = Activity.objects.bulk_create(batch, batch_size=BATCH)
        theme_links, group_links, schedule = [], [], []
        for activity, (theme_slugs, group_slugs, slots) in zip(batch, extras, strict=True):
            theme_links += [
                Activity.themes.through(activity_id=activity.pk, theme_id=themes[s].pk) for s in theme_slugs
            ]
            group_links += [
                Activity.doelgroepen.through(activity_id=activity.pk, doelgroep_id=groups[s].pk) for s in group_slugs
            ]
            schedule += _schedule(activity, slots, today)
        Activity.themes.through.objects.bulk_create(theme_links, batch_size=BATCH * 2)
        Activity.doelgroepen.through.objects.bulk_create(group_links, batch_size=BATCH * 2)
        ScheduleSlot.objects.bulk_create(schedule, batch_size=BATCH * 2)
        made += size
    return made
