import os

import pytest
from django.db import connection

# scripts/test runs the search tests a second time on SQLite, where a newcomer searches first
# (README, "Search"). Only tests marked both_databases run then; every other test is skipped.
SQLITE_OPT_IN = "SEARCH_TESTS_ON_SQLITE"


def _sqlite_search_run():
    return os.environ.get(SQLITE_OPT_IN) == "1" and connection.vendor == "sqlite"


def pytest_collection_modifyitems(config, items):
    if _sqlite_search_run():
        skip = pytest.mark.skip(reason="runs on PostgreSQL only")
        for item in items:
            if item.get_closest_marker("both_databases") is None:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    """Refuse any database but PostgreSQL (scripts/test starts one); search, indexes and triggers need it.

    pytest-django's own fixture, extended: every way into the test database passes here before the
    database is made (the `db` fixtures, a `django_db` mark, `live_server`, `django_db_setup`).
    A check on the test's fixture names misses the mark, which asks for the database at run time.
    """
    if connection.vendor != "postgresql" and not _sqlite_search_run():
        pytest.fail(f"These tests need PostgreSQL, not {connection.vendor}: run them with scripts/test.", pytrace=False)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def people(db):
    """The named people of the permission matrix, with an organisation in Noord (A) and one in Zuid (B)."""
    from types import SimpleNamespace

    from accounts.models import StaffRole, User
    from organisations.models import Membership
    from stadsdelen.models import Stadsdeel
    from tests.factories import ActivityFactory, OrganisationFactory

    org_a = OrganisationFactory(name="Buurthuis Noord")
    org_b = OrganisationFactory(name="Buurtcentrum Zuid")
    activity_a = ActivityFactory(organisation=org_a, title="Taalcafé Noord", location__gebied_slug="oud-noord")
    activity_b = ActivityFactory(
        organisation=org_b, title="Buurtkoor Zuid", location__gebied_slug="de-pijp-rivierenbuurt"
    )
    noord, zuid = Stadsdeel.objects.get(slug="noord"), Stadsdeel.objects.get(slug="zuid")

    def user(email, **extra):
        return User.objects.create_user(email, "een-lang-wachtwoord-2026", **extra)

    member_a = user("admin@noord.example")
    Membership.objects.create(user=member_a, organisation=org_a, is_admin=True)
    colleague_a = user("collega@noord.example")
    Membership.objects.create(user=colleague_a, organisation=org_a)
    member_b = user("admin@zuid.example")
    Membership.objects.create(user=member_b, organisation=org_b, is_admin=True)
    reviewer_noord = user("beoordelaar.noord@example.org")
    StaffRole.objects.create(user=reviewer_noord, role=StaffRole.Role.REVIEWER, stadsdeel=noord)
    reviewer_zuid = user("beoordelaar.zuid@example.org")
    StaffRole.objects.create(user=reviewer_zuid, role=StaffRole.Role.REVIEWER, stadsdeel=zuid)
    decider_noord = user("beslisser.noord@example.org")
    StaffRole.objects.create(user=decider_noord, role=StaffRole.Role.DECIDER, stadsdeel=noord)
    admin = user("beheer@example.org", is_staff=True, is_superuser=True)
    return SimpleNamespace(**locals())
