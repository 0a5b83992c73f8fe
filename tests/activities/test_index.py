"""The in-memory filter index (activities.index): the same answers as SQL, and no error while it is replaced."""

import datetime
import random
import re
import runpy
import threading
import time
from pathlib import Path

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from activities.catalogue_cache import catalogue_version
from activities.filters import ActivityFilter
from activities.index import CatalogueIndex, catalogue_index
from activities.models import Activity
from activities.search_index import search_index
from activities.selectors import catalogue_search, published_activities, ranked_matches
from tests.factories import ActivityFactory

committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GEBIEDEN = ["oud-noord", "noord-west", "oud-zuid", "de-pijp-rivierenbuurt", "westerpark", "centrum-oost"]
THEMES = ["taal", "sport", "ontmoeting", "digitale-vaardigheden", "kunst-en-cultuur"]
GROUPS = ["ouderen", "jongeren", "nieuwkomers", "mantelzorgers", "alle-amsterdammers"]
DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
WORDS = ["Taalcafé", "Wandelclub", "Koffie-ochtend", "Formulierenhulp", "Schaakclub", "Buurtkoor"]


def make_catalogue(count=48, seed=9):
    """A catalogue with every kind of difference the filters look at, drafts and archived ones included."""
    rng = random.Random(seed)
    for n in range(count):
        days = rng.sample(DAYS, rng.randrange(3))
        # Every eighth one is online: no place, so no stadsdeel or gebied but "online".
        online = {"location": None, "online": True} if n % 8 == 5 else {}
        ActivityFactory(
            **online,
            title=f"{rng.choice(WORDS)} {rng.choice(['Noord', 'Zuid', 'de Pijp', 'West'])} {n}",
            bouwsteen_slug=rng.choice(["verbondenheid", "samenredzaamheid", "zelfredzaamheid"]),
            location__gebied_slug=rng.choice(GEBIEDEN),
            location__wheelchair_accessible=rng.random() < 0.4,
            free=rng.random() < 0.6,
            volunteers_wanted="Gastvrouw" if rng.random() < 0.3 else "",
            themes=rng.sample(THEMES, rng.randrange(1, 3)),
            doelgroepen=rng.sample(GROUPS, rng.randrange(0, 3)),
            schedule=[(day, "10:00", "12:00") for day in days],
            status=rng.choice([Activity.Status.PUBLISHED] * 5 + [Activity.Status.DRAFT, Activity.Status.ARCHIVED]),
        )


def bitset_ids(query):
    result = catalogue_search(QueryDict(query), per_page=1000)
    return list(result["page"].object_list), result


def sql_ids(query):
    return set(ActivityFilter(QueryDict(query), queryset=published_activities()).qs.values_list("pk", flat=True))


COMBINATIONS = [
    "",
    "stadsdeel=noord",
    "stadsdeel=noord&stadsdeel=zuid",
    "gebied=oud-noord&gratis=1",
    "gebied=westerpark&gebied=oud-zuid&vrijwilligers=1",
    "bouwsteen=samenredzaamheid&thema=taal",
    "thema=taal&thema=sport&dag=za",
    "doelgroep=ouderen&dag=ma&dag=di",
    "doelgroep=jongeren&doelgroep=nieuwkomers&stadsdeel=zuid",
    "toegankelijk=1&thema=ontmoeting",
    "toegankelijk=1&gratis=1&vrijwilligers=1",
    "dag=zo",
    "q=taal",
    "q=wandelen&stadsdeel=noord",
    "q=koffie&gratis=1&dag=wo",
    "q=schaak&thema=sport&thema=ontmoeting",
    "stadsdeel=centrum&gebied=oud-noord",
    "stadsdeel=online",
    "stadsdeel=online&stadsdeel=zuid",
    "stadsdeel=online&gratis=1",
    "stadsdeel=online&stadsdeel=noord&thema=taal",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", COMBINATIONS)
def test_the_index_and_the_export_filters_find_the_same_activities(query):
    make_catalogue()
    ids, result = bitset_ids(query)
    assert set(ids) == sql_ids(query)
    assert len(ids) == len(set(ids)) == result["page"].paginator.count


@pytest.mark.django_db
def test_the_parity_table_tells_activities_apart():
    make_catalogue()
    everything = len(sql_ids(""))
    sizes = [len(sql_ids(query)) for query in COMBINATIONS]
    assert everything > 30
    assert sum(0 < size < everything for size in sizes) >= len(COMBINATIONS) - 4


@pytest.mark.django_db
def test_counts_ignore_their_own_facet_and_flags_count_within_the_result():
    ActivityFactory(title="A", location__gebied_slug="oud-noord", themes=["taal"], free=True)
    ActivityFactory(title="B", location__gebied_slug="oud-noord", themes=["sport"], free=False)
    ActivityFactory(title="C", location__gebied_slug="oud-zuid", themes=["taal"], free=True)
    ActivityFactory(title="D", location__gebied_slug="oud-zuid", themes=["taal"], status=Activity.Status.DRAFT)
    index = CatalogueIndex.build()
    selection = index.select({"stadsdeel": ["noord"], "thema": ["taal"]}, [])
    assert selection.total == 1
    # Ticking Zuid as well would add C; sport would add B.
    assert selection.counts["stadsdeel"] == {"noord": 1, "zuid": 1}
    assert selection.counts["thema"] == {"taal": 1, "sport": 1}
    assert selection.counts["gratis"] == {"1": 1}
    assert index.select({}, ["gratis"]).total == 2


@pytest.mark.django_db
def test_online_activities_are_an_option_of_the_place_filter_and_in_no_stadsdeel_or_gebied():
    ActivityFactory(title="A", location__gebied_slug="oud-noord")
    online = ActivityFactory(title="B", location=None, online=True, online_url="https://meet.jit.si/b")
    result = catalogue_search(QueryDict("stadsdeel=noord"), per_page=10)
    assert result["counts"]["stadsdeel"] == {"noord": 1, "online": 1}
    assert result["page"].paginator.count == 1
    assert list(bitset_ids("stadsdeel=noord&stadsdeel=online")[0]) == [result["page"].object_list[0], online.pk]
    assert list(bitset_ids("stadsdeel=online")[0]) == [online.pk] == list(sql_ids("stadsdeel=online"))
    assert bitset_ids("gebied=oud-noord")[0] == [result["page"].object_list[0]]


@pytest.mark.django_db
def test_ids_come_in_title_order_or_in_search_rank_page_by_page():
    activities = [ActivityFactory(title=title) for title in ["Cello", "Appel", "Boek", "Dans", "Eten"]]
    index = CatalogueIndex.build()
    everything = index.select({}, [])
    titles = {activity.pk: activity.title for activity in activities}
    assert [titles[pk] for pk in everything.ids(0, 5)] == ["Appel", "Boek", "Cello", "Dans", "Eten"]
    assert [titles[pk] for pk in everything.ids(1, 3)] == ["Boek", "Cello"]
    ranked = [activities[4].pk, activities[0].pk, 999_999, activities[2].pk]  # 999_999: unknown to the index
    searched = index.select({}, [], ranked)
    assert searched.total == 3
    assert [titles[pk] for pk in searched.ids(0, 10)] == ["Eten", "Cello", "Boek"]
    assert [titles[pk] for pk in searched.ids(1, 2)] == ["Cello"]


@pytest.mark.django_db
def test_an_index_cannot_be_changed_once_built():
    ActivityFactory(title="Appel", themes=["taal"])
    index = CatalogueIndex.build()
    with pytest.raises(TypeError):
        index.options["thema"]["taal"] = 0
    with pytest.raises(TypeError):
        index.position[1] = 0


@committed
def test_matches_of_an_older_version_on_a_newer_index_are_no_error():
    """A request that read the version and the search's matches just before another request built
    the index of the next version gets that newer index: the matches it lacks are simply left out."""
    activities = [ActivityFactory(title=f"Taalcafé {n}", themes=["taal"]) for n in range(5)]
    version = catalogue_version()
    ranked = ranked_matches("taal", version)
    assert len(ranked) == 5
    Activity.objects.filter(pk=activities[0].pk).update(status=Activity.Status.ARCHIVED)
    bitset_ids("q=taal")  # another request, in the new version, builds its index

    selection = catalogue_index(version).select({}, [], ranked)
    assert set(selection.ids(0, 20)) == {activity.pk for activity in activities[1:]}


@committed
def test_concurrent_requests_never_fail_while_the_catalogue_changes():
    make_catalogue(count=40)
    ActivityFactory.create_batch(20, title="Taalles", themes=["taal"])
    published = list(Activity.objects.published().values_list("pk", flat=True))
    errors, served = [], []
    stop = time.monotonic() + 3

    def reader(queries):
        try:
            while time.monotonic() < stop:
                for query in queries:
                    ids, result = bitset_ids(query)
                    assert len(ids) == result["page"].paginator.count
                    served.append(query)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    def writer():
        rng = random.Random(1)
        try:
            while time.monotonic() < stop:
                pks = rng.sample(published, 5)
                status = rng.choice([Activity.Status.ARCHIVED, Activity.Status.PUBLISHED])
                Activity.objects.filter(pk__in=pks).update(status=status)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=reader, args=(["q=taal", "q=taal&stadsdeel=noord", "thema=taal"],))]
    threads += [threading.Thread(target=reader, args=(["q=taal&gratis=1", "", "q=club"],)) for _ in range(2)]
    threads.append(threading.Thread(target=writer))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(served) > 20


def same_index(left, right):
    assert left.ids == right.ids
    options = {name: {value: mask for value, mask in values.items() if mask} for name, values in left.options.items()}
    expected = {name: {value: mask for value, mask in values.items() if mask} for name, values in right.options.items()}
    assert options == expected


@committed
def test_after_a_change_the_index_is_updated_from_the_changed_rows_alone(django_assert_max_num_queries):
    make_catalogue(count=30)
    first = catalogue_index(catalogue_version())
    published = list(Activity.objects.published().order_by("pk"))
    draft = Activity.objects.filter(status=Activity.Status.DRAFT).first()

    Activity.objects.filter(pk=published[0].pk).update(status=Activity.Status.ARCHIVED)
    Activity.objects.filter(pk=draft.pk).update(status=Activity.Status.PUBLISHED)
    moved = published[1]
    moved.title = "Aaa vooraan"
    moved.save()
    moved.refresh_search_text()
    published[2].themes.set([])
    published[3].schedule.all().delete()
    location = published[4].location
    location.wheelchair_accessible = not location.wheelchair_accessible
    location.save()

    version = catalogue_version()
    with django_assert_max_num_queries(5):  # the changes, the changed activities, their themes, groups, days
        updated = catalogue_index(version)
    assert updated is not first and updated.ids[0] == moved.pk
    same_index(updated, CatalogueIndex.build())
    # The earlier index is untouched, for a request that still holds it.
    assert published[0].pk in first.position


@committed
def test_a_change_to_what_the_filters_are_made_of_rebuilds_the_index():
    make_catalogue(count=10)
    catalogue_index(catalogue_version())
    theme = Activity.objects.published().filter(themes__isnull=False).first().themes.first()
    Theme = type(theme)
    Theme.objects.filter(pk=theme.pk).update(slug="nieuwe-slug")
    index = catalogue_index(catalogue_version())
    assert "nieuwe-slug" in index.options["thema"]
    same_index(index, CatalogueIndex.build())


@committed
def test_the_filter_options_are_kept_through_activity_changes_and_made_again_after_a_rename(client):
    make_catalogue(count=10)
    catalogue = "/activiteiten/"
    client.get(catalogue)
    Activity.objects.filter(pk=Activity.objects.published().first().pk).update(title="Aaa nieuw")
    with CaptureQueriesContext(connection) as queries:
        assert "Aaa nieuw" in client.get(catalogue).content.decode()
    # The options are whole tables read in the form's order; a card's themes come with their activity.
    option_reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "activities_theme"')]
    assert not option_reads

    theme = Activity.objects.published().filter(themes__isnull=False).first().themes.first()
    type(theme).objects.filter(pk=theme.pk).update(name="Hernoemd onderwerp")
    assert "Hernoemd onderwerp" in client.get(catalogue).content.decode()


@committed
def test_an_organisations_change_moves_the_version_but_keeps_the_index(client):
    """No filter shows an organisation's details: its activities' pages change, the index does not."""
    make_catalogue(count=10)
    activity = Activity.objects.published().first()
    version = catalogue_version()
    index = catalogue_index(version)
    client.get(activity.get_absolute_url())

    type(activity.organisation).objects.filter(pk=activity.organisation_id).update(name="Buurtcentrum Nieuw")

    assert catalogue_version() > version
    assert catalogue_index(catalogue_version()) is index
    assert "Buurtcentrum Nieuw" in client.get(activity.get_absolute_url()).content.decode()


@committed
def test_a_save_that_changes_no_filter_keeps_the_index():
    make_catalogue(count=10)
    activity = Activity.objects.published().first()
    version = catalogue_version()
    index = catalogue_index(version)

    Activity.objects.filter(pk=activity.pk).update(contact_phone="020 765 43 21", summary="Anders verteld.")

    assert catalogue_version() > version
    assert catalogue_index(catalogue_version()) is index
    Activity.objects.filter(pk=activity.pk).update(free=not activity.free)
    updated = catalogue_index(catalogue_version())
    assert updated is not index
    same_index(updated, CatalogueIndex.build())


@committed
def test_a_change_nobody_sees_keeps_the_index():
    make_catalogue(count=10)
    version = catalogue_version()
    index = catalogue_index(version)
    ActivityFactory(title="Concept", status=Activity.Status.DRAFT)
    assert catalogue_version() == version
    assert catalogue_index(catalogue_version()) is index


# The "when" filters (wanneer, dagdeel) come from the real dates of each schedule row, on a date the
# test passes in; the index makes them per date and agrees with the SQL path on every date.

D = datetime.date
# A Tuesday in the kerstvakantie, a Friday before it, a Saturday after it, the last Sunday of March.
DATES = [D(2026, 12, 22), D(2026, 11, 27), D(2027, 1, 9), D(2027, 3, 28)]
WHEN_COMBINATIONS = [
    "wanneer=vandaag",
    "wanneer=week",
    "wanneer=weekend",
    "wanneer=vandaag&wanneer=weekend",
    "dagdeel=ochtend",
    "dagdeel=middag&dagdeel=avond",
    "wanneer=week&dagdeel=avond",
    "wanneer=weekend&stadsdeel=noord&gratis=1",
    "dag=vr&wanneer=vandaag",
    "q=taal&wanneer=week",
    "dag=ma&dag=vr&dagdeel=avond",
    "wanneer=week&dag=za&dagdeel=ochtend&dagdeel=middag",
    "wanneer=week&dagdeel=avond&gratis=1",
]


def random_row(rng, day):
    start, end = rng.choice([("09:30", "11:00"), ("13:00", "15:00"), ("19:00", "21:00")])
    extra = {"school_holidays": rng.random() < 0.6}
    kind = rng.randrange(5)
    if kind == 1:
        extra.update(interval=2, starts_on=D(2026, 11, 2) + datetime.timedelta(days=rng.randrange(14)))
    elif kind == 2:
        extra.update(frequency="monthly", week_of_month=rng.choice([1, 2, 3, 4, -1]))
    elif kind == 3:
        dates = {D(2026, 11, 20) + datetime.timedelta(days=rng.randrange(140)) for _ in range(3)}
        return (None, start, end, {**extra, "frequency": "dates", "dates": sorted(d.isoformat() for d in dates)})
    elif kind == 4:
        extra.update(ends_on=D(2026, 12, 1) + datetime.timedelta(days=rng.randrange(60)))
    return (day, start, end, extra)


def make_dated_catalogue(count=60, seed=4):
    rng = random.Random(seed)
    for n in range(count):
        days = rng.sample(DAYS, rng.randrange(3))
        ActivityFactory(
            title=f"{rng.choice(WORDS)} {n}",
            location__gebied_slug=rng.choice(GEBIEDEN),
            free=rng.random() < 0.6,
            themes=rng.sample(THEMES, 1),
            schedule=[random_row(rng, day) for day in days],
            status=rng.choice([Activity.Status.PUBLISHED] * 5 + [Activity.Status.DRAFT]),
        )


@pytest.mark.django_db
@pytest.mark.parametrize("query", WHEN_COMBINATIONS)
def test_the_when_filters_agree_between_the_index_and_sql_on_every_date(query):
    make_dated_catalogue()
    sizes = []
    for today in DATES:
        result = catalogue_search(QueryDict(query), per_page=1000, today=today)
        sql = ActivityFilter(QueryDict(query), queryset=published_activities(), today=today).qs
        assert set(result["page"].object_list) == set(sql.values_list("pk", flat=True)), today
        sizes.append(result["page"].paginator.count)
    # Not a table that is empty, or full, on every date.
    everything = published_activities().count()
    assert any(0 < size < everything for size in sizes)


@pytest.mark.django_db
def test_when_follows_the_real_dates_and_counts_per_option():
    friday = ActivityFactory(title="Vrijdagavond", schedule=[("vr", "19:00", "21:00")])
    other_week = ActivityFactory(
        title="Om de week", schedule=[("wo", "10:00", "12:00", {"interval": 2, "starts_on": D(2026, 12, 2)})]
    )
    paused = ActivityFactory(
        title="Dinsdag, niet in de vakantie", schedule=[("di", "13:00", "15:00", {"school_holidays": False})]
    )
    saturday = ActivityFactory(
        title="Losse zaterdag", schedule=[(None, "10:00", "12:00", {"frequency": "dates", "dates": ["2026-12-26"]})]
    )
    ActivityFactory(title="Voorbij", schedule=[("di", "10:00", "12:00", {"ends_on": D(2026, 11, 1)})])
    index = CatalogueIndex.build()

    def found(today, **ticked):
        selection = index.select(ticked, [], today=today)
        return {index.ids[n] for n in range(len(index.ids)) if selection.result >> n & 1}, selection.counts

    # Friday 27 November: the friday is today; every other Wednesday starts on 2 December.
    ids, counts = found(D(2026, 11, 27), wanneer=["vandaag"])
    assert ids == {friday.pk}
    assert counts["wanneer"] == {"vandaag": 1, "week": 1}
    assert counts["dagdeel"] == {"avond": 1}
    ids, counts = found(D(2026, 11, 27))
    assert counts["dagdeel"] == {"ochtend": 2, "middag": 1, "avond": 1}  # not the one that is over
    # Monday 30 November: the week of 2 December.
    assert found(D(2026, 11, 30), wanneer=["week"])[0] == {friday.pk, other_week.pk, paused.pk}
    # Tuesday 22 December, in the kerstvakantie: the paused Tuesday is not today; Saturday the 26th is the weekend.
    assert found(D(2026, 12, 22), wanneer=["vandaag"])[0] == set()
    assert found(D(2026, 12, 22), wanneer=["weekend"])[0] == {saturday.pk}
    assert found(D(2026, 12, 22), wanneer=["week"])[0] == {friday.pk, saturday.pk}
    # The same index on the next date gives that date's answer.
    assert found(D(2026, 12, 29), wanneer=["vandaag"])[0] == set()
    assert found(D(2027, 1, 5), wanneer=["vandaag"])[0] == {paused.pk}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["wanneer=vandaag&dagdeel=avond", "dag=vr&dagdeel=avond"])
def test_the_schedules_filters_ticked_together_are_met_by_one_row(query):
    """Friday 27 November 2026: "vandaag" and "avond" is this evening, not this morning and another evening."""
    friday = D(2026, 11, 27)
    evening = ActivityFactory(title="Vrijdagavond", schedule=[("vr", "19:00", "21:00")])
    ActivityFactory(
        title="Vrijdagochtend en maandagavond", schedule=[("vr", "10:00", "12:00"), ("ma", "19:00", "21:00")]
    )
    both = ActivityFactory(title="Vrijdag heel de dag", schedule=[("vr", "10:00", "12:00"), ("vr", "19:00", "21:00")])

    result = catalogue_search(QueryDict(query), today=friday)
    sql = ActivityFilter(QueryDict(query), queryset=published_activities(), today=friday).qs
    assert set(result["page"].object_list) == {evening.pk, both.pk} == set(sql.values_list("pk", flat=True))
    # Each option counts what ticking it would show, with the other ticked filter on the same row.
    assert result["counts"]["dagdeel"] == {"avond": 2, "ochtend": 2}
    assert catalogue_search(QueryDict(f"{query}&dagdeel=ochtend"), today=friday)["page"].paginator.count == 3


@pytest.mark.django_db
def test_the_catalogue_page_offers_the_when_filters_with_counts(client):
    ActivityFactory(title="Elke dag", schedule=[(day, "19:30", "21:00") for day in DAYS])

    html = client.get("/activiteiten/", {"wanneer": "vandaag", "dagdeel": "avond"}).content.decode()

    assert "Elke dag" in html
    for option, label in [("wanneer-vandaag", "Vandaag"), ("wanneer-week", "Deze week"), ("dagdeel-avond", "Avond")]:
        assert re.search(rf'id="f-{option}"[^>]*checked' if option != "wanneer-week" else rf'id="f-{option}"', html)
        assert f"{label}" in html
        assert f'<span class="count" id="n-f-{option}">(1)</span>' in html
    assert '<span class="count" id="n-f-dagdeel-ochtend">(0)</span>' in html


@committed
def test_a_gunicorn_worker_makes_the_indexes_before_its_first_request(django_assert_num_queries):
    make_catalogue(count=10)
    hooks = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))
    hooks["post_worker_init"](worker=None)
    version = catalogue_version()
    with django_assert_num_queries(0):
        assert catalogue_index(version).ids
        assert search_index(version).size
