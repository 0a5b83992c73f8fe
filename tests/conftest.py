import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def _require_postgres(request):
    """The suite runs on PostgreSQL (scripts/test starts one); search and indexes depend on it."""
    if (
        "db" in request.fixturenames
        or "transactional_db" in request.fixturenames
        or "live_server" in request.fixturenames
    ):
        assert connection.vendor == "postgresql", "Run the tests with scripts/test (PostgreSQL)."
