"""`python manage.py seed_demo`: a believable demo catalogue, never on a production database."""

import collections
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

from activities.exchange import import_catalogue, parse
from activities.models import Activity, Bouwsteen, Location, ScheduleSlot
from organisations.models import Organisation
from stadsdelen.models import Gebied
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

N = 60


def seed(n=N):
    out = io.StringIO()
    call_command("seed_demo", "--activities", str(n), "--no-subsidies", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    seed()


def test_refuses_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        seed()

    assert Activity.objects.count() == 0
    assert Organisation.objects.count() == 0


def test_rejects_a_count_below_one(settings):
    settings.DEBUG = True

    with pytest.raises(CommandError, match="--activities"):
        seed(0)


def test_creates_the_requested_number_of_activities(settings):
    settings.DEBUG = True

    output = seed()

    assert Activity.objects.count() == N
    assert f"{N} demo-activiteiten" in output


def test_covers_every_current_gebied(demo):
    current = set(Gebied.objects.current().values_list("slug", flat=True))
    published = Activity.objects.published()

    assert "sloterdijk-nieuw-west" in current
    assert set(published.values_list("location__gebied__slug", flat=True)) == current


def test_titles_texts_and_organisers_vary(db):
    """A search on the demo shows what ranking does only when the activities differ from each other."""
    from activities.demo import TEMPLATES, create_catalogue

    create_catalogue(activities=600)
    titles = collections.Counter(Activity.objects.values_list("title", flat=True))
    summaries = set(Activity.objects.values_list("summary", flat=True))
    organisers = Activity.objects.values("organisation__name").distinct().count()

    assert max(titles.values()) <= 10, titles.most_common(3)
    assert len(titles) >= 250
    assert len(summaries) >= 1.5 * len(TEMPLATES) >= 75
    assert organisers >= 50


def test_texts_leave_how_often_to_the_schedule():
    """A text that says "elke maand" above a schedule that says "elke dinsdag" is not believable;
    the schedule is drawn per activity, so the texts do not say how often."""
    from activities.demo import TEMPLATES

    often = re.compile(r"\b(elke|iedere) (week|maand|dag)\b|wekelijks|maandelijks", re.IGNORECASE)
    for template in TEMPLATES:
        for text in [*template.titles, *template.summaries]:
            assert not often.search(text), text


def test_every_address_lies_in_its_own_gebied(demo):
    """The street and the postcode area are ones of the location's own gebied, in Amsterdam or Weesp."""
    from activities.demo_places import GEBIED_PLACES

    assert set(GEBIED_PLACES) == set(Gebied.objects.current().values_list("slug", flat=True))
    locations = Location.objects.select_related("gebied")
    assert locations.count() >= 3 * len(GEBIED_PLACES)
    for location in locations:
        streets = dict(GEBIED_PLACES[location.gebied.slug][0])
        street, number = location.street.rsplit(" ", 1)
        area, letters = location.postcode.split(" ")
        assert streets.get(street) == int(area), (location.gebied.slug, location.street, location.postcode)
        assert number.isdigit() and re.fullmatch(r"[A-Z]{2}", letters)
        if location.gebied.slug == "weesp-driemond":
            assert (location.city, area[:3]) == ("Weesp", "138")
        else:
            assert location.city == "Amsterdam" and 1011 <= int(area) <= 1109, location.postcode


def test_mix_of_bouwstenen_free_and_paid_and_schedules(demo):
    published = Activity.objects.published()

    assert set(published.values_list("bouwsteen__slug", flat=True)) == set(
        Bouwsteen.objects.values_list("slug", flat=True)
    )
    assert published.filter(free=True).exists()
    assert published.filter(free=False).exclude(cost="").exists()
    assert published.filter(schedule__isnull=True).exists()  # by appointment
    assert ScheduleSlot.objects.exists()
    # Schedules as people run them: a share every other week, monthly, paused in the holidays, on dates.
    rows = ScheduleSlot.objects.filter(activity__in=published)
    share = {
        "om de week": rows.filter(interval=2).count(),
        "maandelijks": rows.filter(frequency="monthly").count(),
        "niet in de vakanties": rows.filter(school_holidays=False).count(),
        "losse data": rows.filter(frequency="dates").count(),
    }
    assert all(0 < count < 0.4 * rows.count() for count in share.values()), share
    assert rows.filter(frequency="weekly", interval=1, school_holidays=True).count() > rows.count() / 2
    assert published.exclude(volunteers_wanted="").exists()
    assert Organisation.objects.filter(kvk="").exists()  # informal initiatives have no KvK number
    assert Organisation.objects.exclude(kvk="").exists()


CORE_OFFER = ["Wandelclub", "Taalcafé", "Formulierencafé"]


@pytest.mark.parametrize("stadsdeel", ["noord", "west", "nieuw-west", "zuid", "oost", "zuidoost"])
def test_core_offer_in_every_stadsdeel_with_three_gebieden(demo, stadsdeel):
    """What a resident looks for first: walking, language and help with forms, published, even in a small demo."""
    nearby = Activity.objects.published().filter(location__gebied__stadsdeel__slug=stadsdeel)

    for title in CORE_OFFER:
        assert nearby.filter(title__startswith=title).exists(), (title, sorted(nearby.values_list("title", flat=True)))


def test_core_offer_in_every_gebied_from_four_per_gebied(settings):
    settings.DEBUG = True
    gebieden = list(Gebied.objects.current().values_list("slug", flat=True))

    seed(4 * len(gebieden))

    for gebied in gebieden:
        nearby = Activity.objects.published().filter(location__gebied__slug=gebied)
        for title in CORE_OFFER:
            assert nearby.filter(title__startswith=title).exists(), (gebied, title)


def test_demo_languages_are_iso_639_1_codes_the_site_can_name():
    """The exchange format takes ISO 639-1 codes, and the detail page names each language."""
    from django.conf.locale import LANG_INFO

    from activities.demo import LANGUAGES

    for code in {code for codes in LANGUAGES for code in codes}:
        assert re.fullmatch(r"[a-z]{2}", code), code
        assert code in LANG_INFO, code


def test_every_activity_is_complete(demo):
    for activity in Activity.objects.select_related("location__gebied", "organisation"):
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", activity.slug), activity.slug
        assert activity.title and activity.summary
        assert activity.themes.exists(), activity.title
        assert activity.doelgroepen.exists(), activity.title
        assert activity.search_text
        assert activity.location.gebied.valid_until is None
    assert Activity.objects.values("slug").distinct().count() == N


def test_demo_catalogue_is_valid_exchange_data(client, demo):
    """The demo's open-data export imports again unchanged (DESIGN.md §6)."""
    first = b"".join(client.get("/api/activiteiten.json").streaming_content)
    before = (Activity.objects.count(), Organisation.objects.count(), Location.objects.count())

    result = import_catalogue(payload=parse(first.decode()))

    assert result.created == 0
    assert result.updated == Activity.objects.published().count()
    assert (Activity.objects.count(), Organisation.objects.count(), Location.objects.count()) == before
    assert b"".join(client.get("/api/activiteiten.json").streaming_content) == first
    assert len(json.loads(first)["activities"]) == result.updated


def test_second_run_does_nothing(demo):
    before = (Activity.objects.count(), Organisation.objects.count(), Location.objects.count())

    seed()

    assert (Activity.objects.count(), Organisation.objects.count(), Location.objects.count()) == before


def test_does_nothing_when_the_database_has_activities(settings):
    settings.DEBUG = True
    ActivityFactory()

    seed()

    assert Activity.objects.count() == 1
