import csv

import pytest
from playwright.sync_api import expect

from massnahmen.models import Handlungsfeld, Zielgruppe
from massnahmen.stammdaten import stammdaten_anlegen
from tests.factories import MassnahmeFactory, handlungsfeld, kreis, zielgruppe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def katalog():
    # Transactional tests flush the database, which removes the seeded Handlungsfelder
    # (the Kreise come back by themselves after a flush).
    stammdaten_anlegen(Handlungsfeld, Zielgruppe)
    esslingen = kreis("08116")
    for n in range(30):
        MassnahmeFactory(
            slug=f"sprachkurs-{n:02d}",
            titel=f"Sprachkurs {n:02d} mit einem recht langen Titel für schmale Bildschirme",
            handlungsfeld=handlungsfeld("sprache"),
            zielgruppen=[zielgruppe("frauen"), zielgruppe("menschen-mit-duldung")],
            landesweit=n % 2 == 0,
            kreise=[] if n % 2 == 0 else [esslingen],
            traeger="Volkshochschulen und Familienbildungsstätten",
        )
    MassnahmeFactory(
        slug="sprachkurs-freiburg",
        titel="Sprachkurs Freiburg",
        handlungsfeld=handlungsfeld("sprache"),
        landesweit=False,
        kreise=[kreis("08311")],
    )
    for n in range(10):
        MassnahmeFactory(slug=f"jobcoaching-{n}", handlungsfeld=handlungsfeld("arbeitsmarkt"))


def test_filtern_blaettern_detail_und_export(page, axe_pruefen, katalog):
    page.goto("/massnahmen/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("heading", name="41 Maßnahmen gefunden")).to_be_visible()
    axe_pruefen(page)

    page.get_by_label("Handlungsfeld").select_option(label="Sprache")
    page.get_by_label("Stadt- oder Landkreis").select_option(label="Landkreis Esslingen")
    with page.expect_navigation():
        page.get_by_role("button", name="Filter anwenden").click()
    assert "handlungsfeld=sprache" in page.url and "kreis=08116" in page.url
    # 30 Sprachkurse: half landesweit, half in Esslingen; Freiburg's is not shown.
    expect(page.get_by_role("heading", name="30 Maßnahmen gefunden")).to_be_visible()
    expect(page.get_by_label("Handlungsfeld")).to_have_value("sprache")
    expect(page.get_by_text("Sprachkurs Freiburg")).to_have_count(0)
    axe_pruefen(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Nächste Seite").click()
    assert "page=2" in page.url and "kreis=08116" in page.url
    zeilen = page.locator("table tbody tr")
    expect(zeilen).to_have_count(10)
    expect(page.get_by_role("heading", name="30 Maßnahmen gefunden")).to_be_visible()
    axe_pruefen(page)

    with page.expect_navigation():
        page.get_by_role("link", name="Titel – absteigend sortieren").click()
    assert "sort=-titel" in page.url and "page=" not in page.url
    expect(zeilen.first).to_contain_text("Sprachkurs 29")

    with page.expect_navigation():
        zeilen.first.get_by_role("link").first.click()
    assert page.url.endswith("/massnahmen/sprachkurs-29/")
    expect(page.locator("h1")).to_contain_text("Sprachkurs 29")
    axe_pruefen(page)
    page.go_back()

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV (für Tabellenkalkulation)").click()
    download = info.value
    assert download.suggested_filename.startswith("massnahmen-")
    with open(download.path(), encoding="utf-8-sig") as f:
        zeilen_csv = list(csv.DictReader(f, delimiter=";"))
    assert len(zeilen_csv) == 30
    assert zeilen_csv[0]["Titel"].startswith("Sprachkurs 29")

    antwort = page.request.get(page.get_by_role("link", name="JSON").get_attribute("href"))
    assert antwort.json()["anzahl"] == 30

    with page.expect_navigation():
        page.get_by_role("link", name="Filter zurücksetzen").click()
    expect(page.get_by_role("heading", name="41 Maßnahmen gefunden")).to_be_visible()


@pytest.mark.parametrize(
    "adresse", ["/massnahmen/", "/massnahmen/?kreis=08116&page=2", "/massnahmen/sprachkurs-01/"]
)
def test_kein_waagrechtes_scrollen_bei_320_px(page, axe_pruefen, katalog, adresse):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(adresse)
    breite = page.evaluate("document.documentElement.scrollWidth")
    assert breite <= 320, f"{adresse}: Seite ist {breite} px breit"
    if page.locator("table").count():
        tabelle = page.evaluate("document.querySelector('table').getBoundingClientRect().right")
        assert tabelle <= 320
    axe_pruefen(page)


def test_funktioniert_ohne_javascript(browser, live_server, katalog):
    kontext = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    seite = kontext.new_page()
    try:
        seite.goto("/massnahmen/")
        seite.get_by_label("Suche").fill("Freiburg")
        with seite.expect_navigation():
            seite.get_by_role("button", name="Filter anwenden").click()
        expect(seite.get_by_role("heading", name="1 Maßnahme gefunden")).to_be_visible()
        expect(seite.locator("table tbody tr")).to_have_count(1)
    finally:
        kontext.close()
