"""Result cards are kept in the process across catalogue versions: a change drops the cards of the
activities it touched and keeps the others; a visible change always shows."""

import datetime

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from activities import cards
from activities.catalogue_cache import catalogue_version
from activities.models import Activity
from tests.factories import ActivityFactory

committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _empty_caches():
    for name in ("default", "local", "cards"):
        caches[name].clear()
    yield
    for name in ("default", "local", "cards"):
        caches[name].clear()


def listed(**params):
    return Client().get(reverse("activities:list"), params).content.decode()


@committed
def test_a_change_drops_only_the_cards_of_the_activities_it_touched():
    changed = ActivityFactory(title="Taalcafé", summary="Oefen Nederlands bij koffie.")
    moved = ActivityFactory(title="Wandelclub", location__wheelchair_accessible=False)
    same = ActivityFactory(title="Schaakclub", summary="Schaken op dinsdag.")
    page = listed()
    assert "Oefen Nederlands bij koffie." in page and "Rolstoeltoegankelijk" not in page
    assert set(cards.kept_cards([changed.pk, moved.pk, same.pk], catalogue_version())) == {
        changed.pk,
        moved.pk,
        same.pk,
    }

    Activity.objects.filter(pk=changed.pk).update(summary="Praat Nederlands met buren.")
    moved.location.wheelchair_accessible = True
    moved.location.save()

    assert set(cards.kept_cards([changed.pk, moved.pk, same.pk], catalogue_version())) == {same.pk}
    page = listed()
    assert "Praat Nederlands met buren." in page and "Oefen Nederlands" not in page
    assert "Rolstoeltoegankelijk" in page


@committed
def test_unpublished_activities_leave_the_list_and_their_cards_go():
    gone = ActivityFactory(title="Buurtkoor", summary="Zingen met de buurt.")
    ActivityFactory(title="Repair Café")
    assert "Zingen met de buurt." in listed()

    Activity.objects.filter(pk=gone.pk).update(status=Activity.Status.ARCHIVED)

    assert "Zingen met de buurt." not in listed()
    assert cards.kept_cards([gone.pk], catalogue_version()) == {}


@committed
def test_a_new_day_starts_with_new_cards(monkeypatch):
    activity = ActivityFactory(title="Koffieochtend")
    listed()
    version = catalogue_version()
    assert cards.kept_cards([activity.pk], version)

    tomorrow = cards.timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(cards.timezone, "localdate", lambda: tomorrow)

    assert cards.kept_cards([activity.pk], version) == {}


@pytest.mark.django_db
def test_without_a_version_nothing_is_kept():
    activity = ActivityFactory(title="Koffieochtend")
    assert "Koffieochtend" in listed()
    assert cards.kept_cards([activity.pk], None) == {}
