"""The suite refuses to run on SQLite, whichever way a test asks for the database."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# One test for each way in: a `django_db` mark, the `db` fixture through another fixture
# (`people`), and a transactional mark.
TESTS = [
    "tests/portal/test_home_and_health.py::test_healthz_checks_the_database",
    "tests/accounts/test_login_and_invitations.py::test_login_with_email_sends_people_to_their_area",
    "tests/activities/test_head_requests.py::test_a_head_request_leaves_no_empty_page_in_the_cache",
]


def test_database_tests_refuse_sqlite(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = run.stdout + run.stderr
    assert run.returncode != 0, output
    assert "3 errors" in output and "passed" not in output, output
    assert "These tests need PostgreSQL, not sqlite: run them with scripts/test." in output
