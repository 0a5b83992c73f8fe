"""The search over the demo catalogue, as a table: every title and summary word finds its activity
(whole and by its first four letters), and resident phrases of each kind find what they look for in
the first five. Runs on PostgreSQL and, through scripts/test, on SQLite.
"""

import pytest
from django.db import connection
from django.http import QueryDict

from activities.demo import create_catalogue
from activities.models import Activity
from activities.search import STOP_WORDS, find, normalize
from activities.search_index import SearchIndex
from activities.selectors import catalogue_search, listed_activities
from tests.activities.search_cases import CASES, is_wanted

pytestmark = pytest.mark.both_databases


@pytest.fixture
def demo(db):
    """600 demo activities, and the search index over them."""
    create_catalogue(activities=600)
    return SearchIndex.build()


def words_of(activity_texts):
    return {word for word in normalize(activity_texts).split() if word not in STOP_WORDS and len(word) >= 3}


@pytest.mark.parametrize("field", ["title", "summary"])
def test_every_word_finds_its_activity_whole_and_by_its_beginning(demo, field):
    published = Activity.objects.published().values_list("pk", field)
    found_by = {}
    missing = []
    for pk, text in published:
        for word in words_of(text):
            for typed in {word, word[:4]}:
                if typed not in found_by:
                    found_by[typed] = set(find(typed, demo).ids or ())
                if pk not in found_by[typed]:
                    missing.append((typed, text))
    assert len(published) > 500
    assert missing == []


def test_resident_phrases_find_what_they_look_for_in_the_first_five(demo):
    missing = []
    for kind, query, wanted, stadsdeel in CASES:
        params = QueryDict(mutable=True)
        params["q"] = query
        first = listed_activities(catalogue_search(params, per_page=5)["page"].object_list)
        if not any(is_wanted(activity, wanted, stadsdeel) for activity in first):
            missing.append((kind, query, [activity.title for activity in first]))
    assert missing == [], connection.vendor
