"""The catalogue's queries use their indexes (PostgreSQL's EXPLAIN), at a few thousand activities.

No planner settings are changed. A search no longer asks the database (activities.search_index).
"""

import pytest
from django.db import connection
from django.http import QueryDict

from activities.demo import create_catalogue
from activities.filters import ActivityFilter
from activities.models import Activity, Location
from activities.selectors import published_activities
from organisations.models import Organisation


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """3,000 demo activities, committed and analysed for the whole module; removed afterwards."""
    with django_db_blocker.unblock():
        assert connection.vendor == "postgresql", "Run the tests with scripts/test (PostgreSQL)."
        last = {
            model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            for model in (Activity, Location, Organisation)
        }
        create_catalogue(activities=3000)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        yield
        for model in (Activity, Location, Organisation):
            model.objects.filter(pk__gt=last[model]).delete()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def plan_of(queryset):
    return queryset.explain()


def filtered(query_string):
    filterset = ActivityFilter(QueryDict(query_string), queryset=published_activities())
    assert filterset.is_valid(), filterset.errors
    return filterset


def test_a_results_page_fetches_its_activities_by_primary_key(catalogue, db):
    ids = list(published_activities().values_list("pk", flat=True)[:20])
    plan = plan_of(published_activities().for_listing().filter(pk__in=ids))
    assert "Index Scan using activities_activity_pkey" in plan, plan


# The filters below are those of the open-data export (the catalogue page filters in memory).
def test_unfiltered_page_reads_in_title_order_from_the_index(catalogue, db):
    plan = plan_of(published_activities().order_by("title", "pk").for_listing()[:20])
    assert "activities__status_3ea03b_idx" in plan, plan
    assert "Seq Scan on activities_activity " not in plan, plan


def test_day_filter_looks_up_time_slots_by_index(catalogue, db):
    # (At 50,000 activities the counts also read the (day, activity_id) index of migration 0006;
    # 3,000 slots are too few for the planner to prefer it there, and rightly so.)
    plan = plan_of(filtered("dag=di").qs.order_by("title", "pk")[:20])
    assert "Index Scan using activities_scheduleslot" in plan or "scheduleslot_day_activity" in plan, plan
    assert "Seq Scan on activities_scheduleslot" not in plan, plan


def test_theme_filter_uses_an_index_on_the_theme_links(catalogue, db):
    plan = plan_of(filtered("thema=taal").qs.order_by("title", "pk")[:20])
    assert "on activities_activity_themes" in plan and "Index" in plan, plan
    assert "Seq Scan on activities_activity_themes" not in plan, plan


def test_area_filter_finds_activities_through_their_locations(catalogue, db):
    plan = plan_of(filtered("gebied=oud-noord").qs.order_by("title", "pk")[:20])
    assert "Index Scan using activities_activity_location_id" in plan or "activities__status_3ea03b_idx" in plan, plan
    assert "Seq Scan on activities_activity " not in plan, plan
