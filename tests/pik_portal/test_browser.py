from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.factories import PASSWORT, BenutzerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "url", ["/", "/konto/anmelden/", "/impressum/", "/datenschutz/", "/barrierefreiheit/"]
)
def test_seiten_ohne_wcag_verstoesse(page, axe_pruefen, url):
    page.goto(url)
    assert page.locator("h1").count() == 1
    axe_pruefen(page)


def test_startseite_sieht_nach_kern_aus(page, axe_pruefen):
    page.goto("/")
    schrift = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "Fira Sans" in schrift
    # Wait until the web fonts are loaded, then check that Fira Sans is among them.
    assert page.evaluate(
        "document.fonts.ready.then(() => document.fonts.check('16px \"Fira Sans\"'))"
    )
    ablage = Path(settings.BASE_DIR) / "test-artefakte"
    ablage.mkdir(exist_ok=True)
    page.screenshot(path=str(ablage / "startseite.png"), full_page=True)


def test_anmelden_nur_mit_der_tastatur(page, axe_pruefen):
    BenutzerFactory(email="tastatur@kreis.example", name="Tara Tastatur")
    page.goto("/konto/anmelden/")
    # The skip link is the first stop and jumps to the content.
    page.keyboard.press("Tab")
    aktiv = page.evaluate("document.activeElement.outerHTML")
    assert "Zum Inhalt springen" in aktiv, aktiv
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
    # Find the e-mail field by tabbing, never by clicking.
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == "id_username":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type("tastatur@kreis.example")
    page.keyboard.press("Tab")
    page.keyboard.type("falsch")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".portal-fehlerzusammenfassung")).to_be_visible()
    expect(page.locator(".portal-fehlerzusammenfassung")).to_be_focused()
    assert page.title().startswith("Fehler: Anmelden")
    expect(page.locator("#id_username")).to_have_value("tastatur@kreis.example")
    axe_pruefen(page)
    page.locator("#id_password").focus()
    page.keyboard.type(PASSWORT)
    page.keyboard.press("Enter")
    page.wait_for_url("**/antraege/")
    assert page.get_by_role("button", name="Abmelden").is_visible()
    axe_pruefen(page)


def test_konto_und_mitgliederverwaltung(page, axe_pruefen, anmelden):
    from pik_portal.models import Organisation
    from tests.factories import OrganisationFactory, mitglied

    org = OrganisationFactory(name="Landratsamt Tastaturhausen", art=Organisation.Art.LANDKREIS)
    chefin = mitglied(org, email="chefin@kreis.example")
    anmelden(page, chefin)
    page.goto("/konto/")
    axe_pruefen(page)
    page.get_by_role("link", name="Mitglieder verwalten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitglieder")
    # Submit empty: error summary, then fill in and add.
    page.get_by_role("button", name="Hinzufügen").click()
    expect(page.locator(".portal-fehlerzusammenfassung")).to_be_visible()
    axe_pruefen(page)
    page.get_by_label("Dienstliche E-Mail-Adresse").fill("neu@kreis.example")
    page.get_by_label("Name", exact=True).fill("Neue Kollegin")
    page.get_by_label("Mitglied", exact=True).check()
    page.get_by_role("button", name="Hinzufügen").click()
    expect(page.get_by_role("cell", name="neu@kreis.example", exact=True)).to_be_visible()
    axe_pruefen(page)
    page.goto("/konto/passwort/aendern/")
    axe_pruefen(page)
