"""With PostgreSQL gone, pages answer a friendly 503; when it returns, the same app recovers."""

import time

import requests

from tests.scale.servers import AppServer, PostgresCluster, manage


def wait_for(url, status, seconds=20):
    deadline = time.monotonic() + seconds
    while True:
        response = requests.get(url, timeout=10)
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.5)


def test_outage_gives_503_and_recovers_without_restart(tmp_path):
    with PostgresCluster() as database:
        manage("migrate", "--no-input", database_url=database.url)
        with AppServer(database.url, tmp_path) as app:
            assert requests.get(app.url + "/activiteiten/", timeout=10).status_code == 200

            database.stop()
            page = requests.get(app.url + "/activiteiten/", timeout=10)
            assert page.status_code == 503
            assert "even niet bereikbaar" in page.text
            assert page.headers["Retry-After"] == "30"
            health = requests.get(app.url + "/healthz", timeout=10)
            assert health.status_code == 503
            assert health.json() == {"status": "error", "database": "unavailable"}

            database.start()
            assert wait_for(app.url + "/activiteiten/", 200).status_code == 200
            assert requests.get(app.url + "/healthz", timeout=10).json()["status"] == "ok"
