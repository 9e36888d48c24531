"""The cast every test can use: one hotline and the people around it."""

import importlib
import os
import shutil

import pytest
from django.core.cache import cache
from django.db import connection

from vigil.accounts.models import OrganisationKind, Role
from vigil.accounts.tests.factories import OrganisationFactory, member, sign_in
from vigil.regions.models import Helpline, Place, PlaceKind

TRIGGERS = importlib.import_module("vigil.audit.migrations.0002_append_only_triggers")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test client shares one rate-limit key: start each test with a clean budget."""
    cache.clear()


@pytest.fixture(autouse=True)
def _empty_audit_trail_after_committed_tests(request):
    """Let the test database be emptied after tests that commit (live server ones).

    SQLite empties tables row by row, which the audit trail's append-only
    trigger refuses; lift it just long enough to clear the trail.
    """
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    vendor = connection.vendor
    down = {"sqlite": TRIGGERS.SQLITE_DOWN, "postgresql": TRIGGERS.POSTGRES_DOWN}[vendor]
    up = {"sqlite": TRIGGERS.SQLITE_UP, "postgresql": TRIGGERS.POSTGRES_UP}[vendor]
    with connection.cursor() as cursor:
        for sql in down:
            cursor.execute(sql)
        cursor.execute("DELETE FROM audit_auditevent")
        for sql in up:
            cursor.execute(sql)


@pytest.fixture
def country(db):
    """The fictional demo country XV with two regions, a town and helplines."""
    xv = Place.objects.create(code="XV", name="Valdoria", kind=PlaceKind.COUNTRY, country_code="XV")
    for code, name in [("XV-NO", "Northmarch"), ("XV-CO", "Coastal")]:
        Place.objects.create(
            code=code, name=name, kind=PlaceKind.SUBDIVISION, parent=xv, country_code="XV"
        )
    Helpline.objects.create(jurisdiction="XV", kind="emergency", name="Police", number="112")
    Helpline.objects.create(
        jurisdiction="XV", kind="child_helpline", name="Child helpline", number="116 111"
    )
    return xv


@pytest.fixture
def hotline(country):
    return OrganisationFactory(name="Valdoria Hotline", kind=OrganisationKind.HOTLINE)


@pytest.fixture
def other_org(db):
    return OrganisationFactory(
        name="Another Hotline", kind=OrganisationKind.HOTLINE, jurisdiction="FR"
    )


@pytest.fixture
def analyst(hotline):
    return member(hotline, Role.ANALYST, username="analyst")


@pytest.fixture
def colleague(hotline):
    return member(hotline, Role.ANALYST, username="colleague")


@pytest.fixture
def supervisor(hotline):
    return member(hotline, Role.SUPERVISOR, username="supervisor")


@pytest.fixture
def caseworker(hotline):
    """In the hotline's organisation, but a role that does not handle tips."""
    return member(hotline, Role.CASE_WORKER, username="caseworker")


@pytest.fixture
def trainer(hotline):
    return member(hotline, Role.TRAINER, username="trainer")


@pytest.fixture
def outsider(other_org):
    """An analyst of another organisation: must learn nothing about our tips."""
    return member(other_org, Role.ANALYST, username="outsider")


@pytest.fixture
def signed_in(client):
    """Call with a person to get the test client signed in as them (2FA passed)."""

    def sign(person):
        sign_in(client, person)
        return client

    return sign


# Browser tests: Debian's Chromium driven by Playwright (never a downloaded build).
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the live server's
    # database calls happen in its own thread, so Django's guard is moot here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_context(chromium):
    """A fresh browser profile; pass java_script_enabled=False through `new_context`."""
    contexts = []

    def new_context(**kwargs):
        context = chromium.new_context(**kwargs)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield new_context
    for context in contexts:
        context.close()
