"""Every change a resident can see moves the catalogue's version, so no cached page is stale; a change
nobody can see (a draft, a place only drafts use) leaves it, and the cached pages with it (migration 0010)."""

import datetime

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from accounts.models import User
from activities.catalogue_cache import catalogue_version
from activities.models import Activity, Doelgroep, Location, ScheduleSlot, Theme
from activities.services import activity_set_status, activity_verify
from organisations.models import Organisation
from tests.factories import ActivityFactory, LocationFactory, OrganisationFactory

LIST = reverse("activities:list")

committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _empty_caches():
    for name in ("default", "local", "cards"):
        caches[name].clear()
    yield
    for name in ("default", "local", "cards"):
        caches[name].clear()


@pytest.fixture
def catalogue():
    """A few published activities, as residents see them, and an organisation's draft."""
    noord = OrganisationFactory(name="Buurthuis De Meeuw")
    taalcafe = ActivityFactory(
        organisation=noord,
        title="Taalcafé De Meeuw",
        themes=["taal"],
        doelgroepen=["nieuwkomers"],
        schedule=[("di", "10:00", "12:00")],
    )
    ActivityFactory(title="Wandelclub Zuid", themes=["gezondheid-en-bewegen"], location__gebied_slug="oud-zuid")
    ActivityFactory(title="Schaakclub West", themes=["ontmoeting"], location__gebied_slug="westerpark")
    draft = ActivityFactory(
        organisation=OrganisationFactory(name="Stichting Nog Niet Open"),
        title="Geheim concept",
        status=Activity.Status.DRAFT,
        themes=["sport"],
        contact_phone="020 123 4567",
    )
    return {"organisation": noord, "taalcafe": taalcafe, "draft": draft}


def page(client=None, **params):
    return (client or Client()).get(LIST, params).content.decode()


def detail(activity):
    return Client().get(activity.get_absolute_url()).content.decode()


# Visible changes ---------------------------------------------------------------------------------


@committed
def test_an_organisation_renamed_shows_on_its_pages_and_in_search(catalogue):
    taalcafe = catalogue["taalcafe"]
    assert "Buurthuis De Meeuw" in detail(taalcafe)
    assert "Taalcafé De Meeuw" not in page(q="Zonnebloem")
    before = catalogue_version()

    organisation = Organisation.objects.get(pk=catalogue["organisation"].pk)
    organisation.name = "Buurtcentrum Zonnebloem"
    organisation.save()

    assert catalogue_version() > before
    assert "Buurtcentrum Zonnebloem" in detail(taalcafe)
    assert "Taalcafé De Meeuw" in page(q="Zonnebloem")


@committed
def test_an_organisations_kind_moves_the_version(catalogue):
    before = catalogue_version()
    Organisation.objects.filter(pk=catalogue["organisation"].pk).update(kind=Organisation.Kind.STADSDORP)
    assert catalogue_version() > before


@committed
def test_a_theme_renamed_in_the_admin_shows_in_the_filters_and_in_search(catalogue):
    assert "Taalcafé De Meeuw" not in page(q="spreekuur")
    assert "Nederlands spreken" not in page()
    before = catalogue_version()
    admin = User.objects.create_superuser("beheer@example.org", "een-lang-wachtwoord-2026")
    client = Client()
    client.force_login(admin)
    theme = Theme.objects.get(slug="taal")
    response = client.post(
        reverse("admin:activities_theme_change", args=[theme.pk]),
        {"slug": "taal", "name": "Nederlands spreken (spreekuur)", "order": theme.order},
    )
    assert response.status_code == 302

    assert catalogue_version() > before
    assert 'name="thema" value="taal"' in page() and "Nederlands spreken (spreekuur)" in page()
    assert "Taalcafé De Meeuw" in page(q="spreekuur")


@committed
def test_a_doelgroep_renamed_in_the_admin_is_found_by_search(catalogue):
    assert "Taalcafé De Meeuw" not in page(q="anderstaligen")
    admin = User.objects.create_superuser("beheer@example.org", "een-lang-wachtwoord-2026")
    client = Client()
    client.force_login(admin)
    group = Doelgroep.objects.get(slug="nieuwkomers")
    response = client.post(
        reverse("admin:activities_doelgroep_change", args=[group.pk]),
        {"slug": group.slug, "name": "Nieuwkomers en anderstaligen", "description": "", "is_public": "on", "order": 1},
    )
    assert response.status_code == 302
    assert "Nieuwkomers en anderstaligen" in page()
    assert "Taalcafé De Meeuw" in page(q="anderstaligen")


@committed
def test_a_location_edited_changes_the_filters_and_search(catalogue):
    taalcafe = catalogue["taalcafe"]
    assert "0 activiteiten gevonden" in page(toegankelijk="1")
    location = Location.objects.get(pk=taalcafe.location_id)
    location.name = "Huis van de Wijk Banne"
    location.wheelchair_accessible = True
    location.save()

    html = page(toegankelijk="1")
    assert "1 activiteit gevonden" in html and "Taalcafé De Meeuw" in html
    assert "Taalcafé De Meeuw" in page(q="banne")
    assert "Huis van de Wijk Banne" in detail(taalcafe)


@committed
def test_a_bulk_update_and_a_bulk_insert_show_at_once(catalogue):
    taalcafe = catalogue["taalcafe"]
    assert "Taalcafé De Meeuw" in page()
    Activity.objects.filter(pk=taalcafe.pk).update(status=Activity.Status.ARCHIVED)
    assert "Taalcafé De Meeuw" not in page()

    template = Activity.objects.get(title="Wandelclub Zuid")
    Activity.objects.bulk_create(
        [
            Activity(
                slug=f"bulk-{n}",
                title=f"Yoga in het park {n}",
                summary="Samen bewegen.",
                organisation_id=template.organisation_id,
                bouwsteen_id=template.bouwsteen_id,
                location_id=template.location_id,
                status=Activity.Status.PUBLISHED,
            )
            for n in range(3)
        ]
    )
    assert "Yoga in het park 2" in page()


@committed
def test_publishing_a_draft_shows_it(catalogue):
    draft = catalogue["draft"]
    admin = User.objects.create_user("lid@example.org", "een-lang-wachtwoord-2026")
    assert "Geheim concept" not in page(thema="sport")
    activity_set_status(activity=draft, user=admin, status=Activity.Status.PUBLISHED)
    assert "Geheim concept" in page(thema="sport")


# Invisible changes -------------------------------------------------------------------------------


def assert_served_from_cache(django_assert_num_queries, cached_html, **params):
    with django_assert_num_queries(1):  # the catalogue's version; the page comes from the cache
        assert page(**params) == cached_html


@committed
def test_drafts_and_their_parts_leave_the_catalogue_and_its_cache_alone(catalogue, django_assert_num_queries):
    cached = page(thema="sport")
    before = catalogue_version()
    draft = catalogue["draft"]

    Activity.objects.filter(pk=draft.pk).update(title="Nog steeds geheim", summary="Anders")
    draft.themes.set(Theme.objects.filter(slug__in=["sport", "taal"]))
    ScheduleSlot.objects.create(
        activity=draft, day=0, start=datetime.time(9), end=datetime.time(10)
    )  # a new time for the draft
    ActivityFactory(title="Nog een concept", status=Activity.Status.DRAFT, themes=["sport"])
    draft.refresh_search_text()

    assert catalogue_version() == before
    assert_served_from_cache(django_assert_num_queries, cached, thema="sport")


@committed
def test_a_place_or_an_organisation_only_drafts_use_leaves_the_cache_alone(catalogue, django_assert_num_queries):
    cached = page()
    before = catalogue_version()
    draft = catalogue["draft"]

    location = Location.objects.get(pk=draft.location_id)
    location.name = "Nieuwe plek"
    location.wheelchair_accessible = True
    location.save()
    organisation = Organisation.objects.get(pk=draft.organisation_id)
    organisation.name = "Stichting Straks Open"
    organisation.save()
    LocationFactory(name="Nog niet gebruikt")
    OrganisationFactory(name="Nieuw in de stad")

    assert catalogue_version() == before
    assert_served_from_cache(django_assert_num_queries, cached)
    # The draft's search columns followed, for when it is published.
    assert "straks open" in Activity.objects.get(pk=draft.pk).search_text


@committed
def test_a_row_written_again_unchanged_leaves_the_cache_alone(catalogue, django_assert_num_queries):
    """Klopt nog pressed twice on one day, or a place saved as it was: the rows stay the same (migration 0020)."""
    user = User.objects.create_user(email="lid@example.org", password="x")
    taalcafe = catalogue["taalcafe"]
    activity_verify(activity=taalcafe, user=user)  # the first time today: the detail page shows the date
    cached = page()
    before = catalogue_version()

    activity_verify(activity=Activity.objects.get(pk=taalcafe.pk), user=user)
    Location.objects.get(pk=taalcafe.location_id).save()
    Activity.objects.filter(pk=taalcafe.pk).update(title=taalcafe.title)

    assert catalogue_version() == before
    assert_served_from_cache(django_assert_num_queries, cached)
    # The same write with a new value still counts.
    Activity.objects.filter(pk=taalcafe.pk).update(title="Taalcafé De Zwaan")
    assert catalogue_version() > before
    assert "Taalcafé De Zwaan" in page()


@committed
def test_a_save_that_keeps_the_name_rebuilds_nothing(catalogue, django_assert_max_num_queries):
    organisation = Organisation.objects.get(pk=catalogue["draft"].organisation_id)
    organisation.phone = "020 123 45 67"
    with django_assert_max_num_queries(2):  # the name before, the update
        organisation.save()


@committed
def test_a_school_holiday_added_in_the_admin_pauses_the_rows_that_pause(catalogue):
    """The holidays are not part of any activity, but the "when" filters and the next dates follow them."""
    import datetime

    from activities.index import catalogue_index
    from activities.models import SchoolHoliday

    paused = ActivityFactory(title="Kinderclub", schedule=[("di", "15:00", "17:00", {"school_holidays": False})])
    tuesday = datetime.date(2027, 9, 7)  # no holiday rows yet for the school year 2027-2028
    version = catalogue_version()

    def today_ids():
        index = catalogue_index(catalogue_version())
        selection = index.select({"wanneer": ["vandaag"]}, [], today=tuesday)
        return set(selection.ids(0, 100))

    assert paused.pk in today_ids()
    SchoolHoliday.objects.create(name="Proef", first_day=tuesday, last_day=tuesday)
    assert catalogue_version() > version
    assert paused.pk not in today_ids()
