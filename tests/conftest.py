"""Shared fixtures.

With ``PIK_REQUIRE_SERVICES=1`` (set by CI) any skipped test fails instead: a
missing PostgreSQL, Redis or Chromium must never pass silently.
"""

import logging
import os
import shutil

import pytest
from django.conf import settings

REQUIRE_SERVICES = os.environ.get("PIK_REQUIRE_SERVICES") == "1"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    bericht = outcome.get_result()
    if REQUIRE_SERVICES and bericht.skipped and not hasattr(bericht, "wasxfail"):
        bericht.outcome = "failed"
        bericht.longrepr = (
            f"PIK_REQUIRE_SERVICES=1, Test wäre übersprungen worden: {bericht.longrepr}"
        )


def pytest_configure(config):
    # Playwright's sync API runs an event loop in the main thread; the ORM calls
    # made by the test itself are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _testeinstellungen(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CELERY_TASK_ALWAYS_EAGER = True


class _FehlerSammler(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.eintraege = []

    def emit(self, record):
        self.eintraege.append(record)


@pytest.fixture(autouse=True)
def _keine_fehler_im_log(request):
    """A test fails when anything logs an error it did not expect (as ephios does)."""
    sammler = _FehlerSammler()
    logging.getLogger().addHandler(sammler)
    yield sammler
    logging.getLogger().removeHandler(sammler)
    if "erlaubt_fehlerlog" in request.keywords:
        return
    if sammler.eintraege:
        meldungen = "\n".join(sammler.format(r) for r in sammler.eintraege)
        pytest.fail(f"Unerwartete Fehler im Log:\n{meldungen}")


@pytest.fixture
def postgres():
    """Skip (fail under PIK_REQUIRE_SERVICES=1) unless the tests run on PostgreSQL."""
    if not settings.IST_POSTGRES:
        pytest.skip("braucht PostgreSQL (DATABASE_URL=postgres://…)")


@pytest.fixture
def broker_url():
    url = os.environ.get("CELERY_BROKER_URL", "")
    if not url:
        pytest.skip("braucht Redis (CELERY_BROKER_URL=redis://…)")
    return url


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM) and not shutil.which("chromium"):
        pytest.skip("braucht Debians Chromium unter /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    kontext = browser.new_context(locale="de-DE", base_url=live_server.url)
    seite = kontext.new_page()
    seite.set_default_timeout(15_000)
    yield seite
    kontext.close()


@pytest.fixture
def axe_pruefen():
    """``axe_pruefen(page)`` fails on any WCAG 2.1 A/AA violation of the current page."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def pruefen(seite):
        ergebnis = axe.run(
            seite,
            options={
                "runOnly": {
                    "type": "tag",
                    "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
                }
            },
        )
        verstoesse = ergebnis.response["violations"]
        assert not verstoesse, f"axe-core auf {seite.url}:\n" + ergebnis.generate_report()

    return pruefen


@pytest.fixture
def anmelden():
    """``anmelden(page, benutzer)`` logs in through the real login form."""
    from tests.factories import PASSWORT

    def _anmelden(seite, benutzer, passwort=PASSWORT):
        seite.goto("/konto/anmelden/")
        seite.get_by_label("E-Mail-Adresse").fill(benutzer.email)
        seite.get_by_label("Passwort").fill(passwort)
        seite.get_by_role("button", name="Anmelden").click()
        seite.wait_for_load_state()

    return _anmelden
