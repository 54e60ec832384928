import io
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from faq.demo import demo_daten_anlegen
from faq.models import Bewertung

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_faq():
    demo_daten_anlegen({}, io.StringIO())


def test_suchen_oeffnen_bewerten(page, axe_pruefen, demo_faq):
    page.goto("/faq/")
    expect(page.locator("h1")).to_have_text("Häufige Fragen zum Pakt für Integration")
    axe_pruefen(page)

    # The accordion works without JavaScript: a <details> element.
    frage = page.locator("summary", has_text="Wie stelle ich einen Antrag auf Förderung?")
    frage.click()
    expect(page.get_by_text("vollständig online").first).to_be_visible()
    axe_pruefen(page)

    page.get_by_label("FAQ durchsuchen").fill("Verwendungsnachweis")
    with page.expect_navigation():
        page.get_by_role("button", name="Suchen").click()
    expect(page).to_have_title("Suche nach „Verwendungsnachweis“ – Häufige Fragen – PIK-Portal")
    treffer = page.locator(".faq-treffer__eintrag h2 a")
    expect(treffer.first).to_have_text("Bis wann ist der Verwendungsnachweis vorzulegen?")
    expect(page.locator(".faq-treffer mark").first).to_be_visible()
    axe_pruefen(page)

    with page.expect_navigation():
        treffer.first.click()
    expect(page.locator("h1")).to_have_text("Bis wann ist der Verwendungsnachweis vorzulegen?")
    expect(page).to_have_title(
        "Bis wann ist der Verwendungsnachweis vorzulegen? – Häufige Fragen – PIK-Portal"
    )
    expect(page.get_by_role("navigation", name="Brotkrümelnavigation")).to_contain_text(
        "Mittelabruf und Verwendungsnachweis"
    )
    expect(page.get_by_role("link", name="Was gehört in den Sachbericht?")).to_be_visible()
    axe_pruefen(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Ja", exact=True).click()
    expect(page.get_by_text("Vielen Dank für Ihre Rückmeldung.")).to_be_visible()
    expect(page.get_by_role("button", name="Ja", exact=True)).to_have_count(0)
    assert Bewertung.objects.filter(hilfreich=True).count() == 1
    axe_pruefen(page)
    ablage = Path(settings.BASE_DIR) / "test-artefakte"
    ablage.mkdir(exist_ok=True)
    page.screenshot(path=str(ablage / "faq-frage.png"), full_page=True)


def test_keine_treffer_und_kategorieseite(page, axe_pruefen, demo_faq):
    page.goto("/faq/?q=Quantenphysik")
    expect(page.get_by_text("Keine Treffer")).to_be_visible()
    axe_pruefen(page)
    with page.expect_navigation():
        page.locator("#inhalt").get_by_role("link", name="Datenschutz", exact=True).click()
    expect(page.locator("h1")).to_have_text("Datenschutz")
    axe_pruefen(page)


def test_zu_lange_suche(page, axe_pruefen, demo_faq):
    page.goto("/faq/?q=" + "Antrag+" * 40)
    expect(page.get_by_text("höchstens 200 Zeichen").first).to_be_visible()
    axe_pruefen(page)


def test_uebersicht_bildschirmfoto(page, demo_faq):
    page.goto("/faq/")
    ablage = Path(settings.BASE_DIR) / "test-artefakte"
    ablage.mkdir(exist_ok=True)
    page.screenshot(path=str(ablage / "faq-uebersicht.png"), full_page=True)
