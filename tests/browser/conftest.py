"""Browser tests: headless Debian Chromium driven by Playwright against pytest-django's live server.

Browsers cannot be downloaded here, so Chromium is always /usr/bin/chromium.
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM would otherwise refuse to run.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/shots"))
# The password of every person the browser tests make.
PASSWORD = "een-lang-wachtwoord-2026"


def log_in(page, base_url, email):
    """Log in through the login form, as a person does."""
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def admin_member(organisation, email, **fields):
    """A person who runs `organisation` (its admin), with PASSWORD."""
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from organisations.models import Membership

    user = User.objects.create(email=email, password=make_password(PASSWORD), **fields)
    Membership.objects.create(user=user, organisation=organisation, is_admin=True)
    return user


@pytest.fixture(scope="session")
def _playwright():
    """Playwright's sync API, started once.

    Between its calls Playwright marks an asyncio loop as running in this thread. Django then keeps
    database connections per context instead of per thread, so the tests get new connection objects
    from here on. Those lack the serialized test data that `serialized_rollback` restores after each
    transactional test (when database setup ran earlier in the session, for non-browser tests), so
    carry it over; and close them again before Playwright stops.
    """
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from django.db import connections

    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_api.sync_playwright() as playwright:
        for alias, contents in serialized.items():
            if contents is not None and not hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = contents
        yield playwright
        connections.close_all()


@pytest.fixture(scope="module", autouse=True)
def _leave_database_as_migrated(django_db_setup, django_db_blocker):
    """Put the migrations' rows (stadsdelen, bouwstenen, themes…) back after each module.

    Browser tests are transactional: Django empties every table after each one. `serialized_rollback`
    reloads the rows before each browser test; this reloads them after the last one too, so later
    transactional tests elsewhere in the suite find the database as migrated.
    """
    yield
    from django.core.management import call_command
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                call_command("flush", database=alias, interactive=False, verbosity=0, inhibit_post_migrate=True)
                connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


class ConsoleLog:
    """Console errors and uncaught page errors of one browser context."""

    CSP = re.compile(r"content security policy", re.IGNORECASE)

    def __init__(self):
        self.errors = []

    def attach(self, page):
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: uncaught {error}"))

    def _console(self, page, message):
        if message.type in {"error", "warning"}:
            source = (message.location or {}).get("url", "")
            self.errors.append(f"{page.url}: [{message.type}] {message.text} ({source})")

    @property
    def csp_violations(self):
        return [line for line in self.errors if self.CSP.search(line)]

    @property
    def unexpected(self):
        """Errors other than the browser's own request for /favicon.ico."""
        return [line for line in self.errors if "/favicon.ico)" not in line]


@pytest.fixture
def console():
    return ConsoleLog()


def _new_context(browser, console, **kwargs):
    options = {"viewport": DESKTOP, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}
    options.update(kwargs)
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    context.on("page", console.attach)
    return context


@pytest.fixture
def context(browser, console):
    context = _new_context(browser, console)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def no_js_page(browser, console):
    context = _new_context(browser, console, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def new_page(browser, console):
    """Factory for pages with their own context options (viewport, JavaScript)."""
    contexts = []

    def make(**kwargs):
        context = _new_context(browser, console, **kwargs)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def format_axe_violations(url, violations):
    lines = [f"{len(violations)} axe-core violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def axe_violations(page):
    """Run the axe-core bundled with axe-playwright-python on the page, WCAG 2.2 A/AA rules only."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, format_axe_violations(page.url, violations)


@pytest.fixture
def catalogue():
    """A small catalogue: two 'taal' activities (one free, one paid) and two others."""
    from tests.factories import ActivityFactory, LocationFactory

    meeuw = LocationFactory(name="Huis van de Wijk De Meeuw", street="Meeuwenlaan 1", wheelchair_accessible=True)
    return {
        "taalcafe": ActivityFactory(
            slug="taalcafe-de-meeuw",
            title="Taalcafé De Meeuw",
            summary="Oefen Nederlands met een taalmaatje, bij een kop koffie.",
            description="Elke week praten we in kleine groepjes. Je hoeft je niet aan te melden.",
            themes=["taal", "ontmoeting"],
            doelgroepen=["nieuwkomers", "alle-amsterdammers"],
            schedule=[("di", "10:00", "12:00"), ("do", "19:00", "21:00")],
            location=meeuw,
            bouwsteen_slug="zelfredzaamheid",
            languages=["ar", "en"],
            contact_email="taal@example.org",
            contact_phone="020 123 4567",
            volunteers_wanted="Taalmaatjes: praat een uur per week mee.",
        ),
        "taalles": ActivityFactory(
            slug="taalles-voor-beginners",
            title="Taalles voor beginners",
            summary="Leer de eerste woorden Nederlands in een kleine groep.",
            themes=["taal"],
            doelgroepen=["nieuwkomers"],
            schedule=[("ma", "13:00", "15:00")],
            location__gebied_slug="noord-west",
            free=False,
            cost="€ 2 per les",
            registration_required=True,
            bouwsteen_slug="zelfredzaamheid",
        ),
        "wandelclub": ActivityFactory(
            slug="wandelclub-noord",
            title="Wandelclub Noord",
            summary="Elke week samen een uur wandelen door het park.",
            themes=["gezondheid-en-bewegen", "ontmoeting"],
            doelgroepen=["ouderen"],
            schedule=[("wo", "10:00", "11:30")],
            location=meeuw,
        ),
        "koffie": ActivityFactory(
            slug="koffieochtend-banne",
            title="Koffieochtend Banne",
            summary="Gezellig koffie drinken en buren leren kennen.",
            themes=["ontmoeting", "eenzaamheid"],
            doelgroepen=["alle-amsterdammers"],
            schedule=[("vr", "10:00", "12:00")],
            location__gebied_slug="noord-oost",
        ),
    }
