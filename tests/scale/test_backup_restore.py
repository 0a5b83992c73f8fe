"""A pg_dump of a seeded database restores into an empty one, and the portal serves it unchanged."""

import re
import subprocess

import pytest
import requests
from django.apps import apps
from django.db import connection

from activities.demo import create_catalogue
from activities.models import Activity
from tests.scale.servers import AppServer, PostgresCluster, database_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def row_counts(url):
    counts = {}
    for model in apps.get_models():
        table = model._meta.db_table
        result = subprocess.run(
            ["psql", url, "-tAc", f'SELECT count(*) FROM "{table}"'], capture_output=True, text=True, check=True
        )
        counts[table] = int(result.stdout.strip())
    return counts


def pages(server, slug):
    urls = [
        "/",
        "/activiteiten/",
        "/activiteiten/?q=taal&stadsdeel=noord",
        f"/activiteiten/{slug}/",
        "/api/activiteiten.json?gebied=oud-noord",
    ]
    # Absolute links name the server's own port; the rest must be the same to the byte.
    return {
        url: CSRF.sub("", requests.get(server.url + url, timeout=20).text).replace(server.url, "SERVER") for url in urls
    }


def test_dump_restores_into_an_empty_database(tmp_path):
    create_catalogue(activities=240)
    source = database_url(connection.settings_dict)
    dump = tmp_path / "portal.dump"
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source], check=True)

    with PostgresCluster() as empty:
        subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "-d", empty.url, str(dump)], check=True)
        assert row_counts(empty.url) == row_counts(source)
        slug = Activity.objects.published().order_by("pk").first().slug
        with AppServer(source, tmp_path) as original, AppServer(empty.url, tmp_path) as restored:
            assert pages(restored, slug) == pages(original, slug)
