import datetime
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from playwright.sync_api import expect

from erstattungen.models import Kostenkategorie, Spitzabrechnung
from tests.factories import VorauszahlungFactory, kreis, kreis_organisation, mitglied

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def _grunddaten():
    """Transactional tests empty every table afterwards; bring the cost categories back
    (the Kreise come back by themselves after a flush)."""
    if not Kostenkategorie.objects.exists():
        import_module("erstattungen.migrations.0002_kostenkategorien").anlegen(apps, None)


@pytest.fixture(autouse=True)
def _leerer_cache():
    cache.clear()
    yield
    cache.clear()


def _screenshot(page, name):
    ablage = Path(settings.BASE_DIR) / "test-artefakte"
    ablage.mkdir(exist_ok=True)
    page.screenshot(path=str(ablage / name), full_page=True)


def test_buerger_filtert_und_laedt_csv(page, axe_pruefen):
    for ks, betrag in [
        ("08116", "1234.56"),
        ("08111", "99.99"),
        ("08311", "5000.00"),
        ("08317", "0.45"),
    ]:
        for jahr in (2024, 2025):
            VorauszahlungFactory(
                kreis=kreis(ks),
                abrechnungsjahr=jahr,
                betrag=Decimal(betrag),
                zahlungsdatum=datetime.date(jahr, 3, 31),
            )
    VorauszahlungFactory(kreis=kreis("08311"), betrag=Decimal("777.77"), zahlungsdatum=None)

    page.goto("/erstattungen/vorauszahlungen/")
    expect(page.locator("h1")).to_have_text("Liste der tatsächlich geleisteten Vorauszahlungen")
    axe_pruefen(page)
    page.get_by_role("combobox", name="Regierungsbezirk").select_option("Freiburg")
    with page.expect_navigation():
        page.get_by_role("button", name="Auswahl anzeigen").click()
    assert "regierungsbezirk=Freiburg" in page.url
    expect(page.locator("#gesamtsumme")).to_have_text("10.000,90\u00a0€")
    expect(page.get_by_role("heading", name="Freiburg im Breisgau (Stadtkreis)")).to_be_visible()
    expect(page.get_by_role("heading", name="Landkreis Esslingen")).to_have_count(0)
    axe_pruefen(page)
    _screenshot(page, "vorauszahlungen.png")

    with page.expect_download() as info:
        page.get_by_role("link", name="CSV-Datei (für Tabellenkalkulation)").click()
    download = info.value
    assert download.suggested_filename == "vorauszahlungen.csv"
    inhalt = Path(download.path()).read_bytes().decode("utf-8")
    assert inhalt.startswith("\ufeffKreisschlüssel;")
    assert "Freiburg im Breisgau" in inhalt and "Ortenaukreis" in inhalt
    assert "Esslingen" not in inhalt and "777,77" not in inhalt
    assert "Summe insgesamt;;;;10.000,90" in inhalt

    # Sorting keeps the filter.
    page.get_by_role("link", name="nach Betrag").click()
    page.wait_for_load_state()
    assert "regierungsbezirk=Freiburg" in page.url and "sortierung=betrag" in page.url
    axe_pruefen(page)


def test_kreis_reicht_spitzabrechnung_ein(page, axe_pruefen, anmelden, tmp_path):
    org = kreis_organisation("08116", name="Landratsamt Esslingen")
    benutzer = mitglied(org)
    anmelden(page, benutzer)
    page.goto("/erstattungen/abrechnungen/")
    axe_pruefen(page)
    page.get_by_role("combobox", name="Abrechnungsjahr").select_option(
        str(datetime.date.today().year - 1)
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Entwurf anlegen").click()
    expect(page.locator("h1")).to_contain_text("bearbeiten")
    axe_pruefen(page)

    # A mistake first: the error is shown and nothing typed is lost.
    page.get_by_label("Anzahl untergebrachter Personen").fill("312")
    page.get_by_label("Belegungstage").fill("-5")
    page.get_by_label("Unterkunft und Miete (Euro)").fill("1.250.000,00")
    with page.expect_navigation():
        page.get_by_role("button", name="Speichern").click()
    expect(page.locator(".portal-fehlerzusammenfassung")).to_be_visible()
    expect(page.get_by_label("Unterkunft und Miete (Euro)")).to_have_value("1.250.000,00")
    axe_pruefen(page)
    page.get_by_label("Belegungstage").fill("98000")
    page.get_by_label("Sicherheitsdienst (Euro)").fill("80.000,50")
    with page.expect_navigation():
        page.get_by_role("button", name="Speichern").click()
    expect(page.locator("#status")).to_have_text("Entwurf")
    axe_pruefen(page)

    pdf = tmp_path / "mietvertraege.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.get_by_role("link", name="Anlage hochladen").click()
    page.wait_for_load_state()
    axe_pruefen(page)
    page.get_by_label("Bezeichnung").fill("Mietverträge")
    page.get_by_label("PDF-Datei").set_input_files(str(pdf))
    with page.expect_navigation():
        page.get_by_role("button", name="Hochladen").click()
    expect(page.get_by_role("link", name="Mietverträge (PDF)")).to_be_visible()

    with page.expect_navigation():
        page.get_by_role("button", name="Spitzabrechnung einreichen").click()
    expect(page.locator("#status")).to_have_text("eingereicht")
    axe_pruefen(page)
    _screenshot(page, "spitzabrechnung.png")
    abrechnung = Spitzabrechnung.objects.get()
    assert abrechnung.status == Spitzabrechnung.Status.EINGEREICHT
    assert abrechnung.positionen.filter(betrag_erklaert=Decimal("1250000.00")).exists()
