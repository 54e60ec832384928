"""The main journey in a real browser, with axe-core on every applicant page."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from foerderantraege.models import Foerderantrag, Status
from tests.factories import (
    FoerderaufrufFactory,
    OrganisationFactory,
    mitglied,
    planungsrahmen,
    referatsleitung,
    sachbearbeitung,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _bildschirmfoto(page, name):
    ablage = Path(settings.BASE_DIR) / "test-artefakte"
    ablage.mkdir(exist_ok=True)
    page.screenshot(path=str(ablage / f"foerderantrag-{name}.png"), full_page=True)


def _klick_und_warten(page, locator):
    with page.expect_navigation():
        locator.click()


def test_antrag_von_der_einreichung_bis_zum_bescheid(page, anmelden, axe_pruefen):
    aufruf = FoerderaufrufFactory(titel="Integrationsmanagement 2027/2028")
    organisation = OrganisationFactory(name="Landratsamt Esslingen")
    planungsrahmen(aufruf, organisation.kreis, Decimal("500000.00"))
    antragstellerin = mitglied(organisation, name="Anna Antrag", email="anna@lra-es.example")
    pruefer = sachbearbeitung(name="Sven Sachbearbeitung")
    leiterin = referatsleitung(name="Rita Referatsleitung")

    # --- applicant ---------------------------------------------------------------------
    anmelden(page, antragstellerin)
    page.goto("/antraege/")
    axe_pruefen(page)
    _klick_und_warten(page, page.get_by_role("link", name="Neuen Antrag stellen"))
    axe_pruefen(page)
    _klick_und_warten(page, page.get_by_role("button", name="Entwurf anlegen"))
    expect(page.locator("h1")).to_have_text("Förderantrag (Entwurf)")
    axe_pruefen(page)
    _bildschirmfoto(page, "aufgabenliste")

    _klick_und_warten(page, page.get_by_role("link", name="Antragsteller und Ansprechperson"))
    page.get_by_label("Telefon der Ansprechperson").fill("")
    _klick_und_warten(page, page.get_by_role("button", name="Speichern und weiter"))
    expect(page.locator(".portal-fehlerzusammenfassung")).to_be_visible()
    expect(page.locator(".portal-fehlerzusammenfassung")).to_contain_text(
        "Bitte geben Sie eine Telefonnummer an."
    )
    axe_pruefen(page)
    page.get_by_label("Telefon der Ansprechperson").fill("0711 3902-0")
    page.get_by_label("Zahl der Geflüchteten").fill("320")
    _klick_und_warten(page, page.get_by_role("button", name="Speichern und weiter"))

    expect(page.locator("h1")).to_have_text("Stellen")
    axe_pruefen(page)
    _klick_und_warten(page, page.get_by_role("link", name="Stelle hinzufügen"))
    page.get_by_label("Bezeichnung der Stelle").fill("Integrationsmanagement Filder")
    page.get_by_label("Stellenanteil (VZÄ)").fill("1,0")
    page.get_by_label("Hochschulabschluss").check()
    page.get_by_label("Beginn").fill("2027-01-01")
    page.get_by_label("Ende").fill("2027-12-31")
    page.get_by_label("Einsatzort (Gemeinden)").fill("Filderstadt, Leinfelden-Echterdingen")
    page.get_by_label("beim Antragsteller angestellt").check()
    axe_pruefen(page)
    _bildschirmfoto(page, "stelle")
    _klick_und_warten(page, page.get_by_role("button", name="Speichern"))
    expect(page.locator("table")).to_contain_text("68.000,00")
    _klick_und_warten(page, page.get_by_role("link", name="Weiter"))

    expect(page.locator("h1")).to_have_text("Finanzierung")
    expect(page.locator("main")).to_contain_text("Noch verfügbar")
    axe_pruefen(page)
    _klick_und_warten(page, page.get_by_role("link", name="Weiter"))

    page.get_by_label("IBAN").fill("DE89 3704 0044 0532 0130 00")
    axe_pruefen(page)
    _klick_und_warten(page, page.get_by_role("button", name="Speichern und weiter"))

    expect(page.locator("h1")).to_have_text("Anlagen")
    page.get_by_label("Bezeichnung").fill("Stellenbeschreibung")
    page.get_by_label("Datei (PDF, höchstens 10 MB)").set_input_files(
        {"name": "stelle.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}
    )
    _klick_und_warten(page, page.get_by_role("button", name="Hochladen"))
    expect(page.get_by_role("link", name="Stellenbeschreibung", exact=True)).to_be_visible()
    axe_pruefen(page)
    _klick_und_warten(page, page.get_by_role("link", name="Weiter"))

    page.get_by_label("Ich versichere").check()
    page.get_by_label("Mit dem Vorhaben wurde noch nicht begonnen").check()
    page.get_by_label("subventionserheblich").check()
    axe_pruefen(page)
    _klick_und_warten(page, page.get_by_role("button", name="Speichern und weiter"))

    expect(page.locator("h1")).to_have_text("Angaben prüfen")
    expect(page.locator("main")).to_contain_text("DE89 **** **** **** **30 00")
    axe_pruefen(page)
    _bildschirmfoto(page, "pruefen")
    _klick_und_warten(page, page.get_by_role("button", name="Antrag verbindlich einreichen"))
    expect(page.locator("h1")).to_have_text("Antrag eingereicht")
    expect(page.locator(".portal-aktenzeichen")).to_have_text(re.compile(r"PIK-IM-\d{4}-00001"))
    axe_pruefen(page)
    antrag = Foerderantrag.objects.get()
    assert antrag.status == Status.EINGEREICHT

    # --- caseworker proposes in the admin ------------------------------------------------
    page.context.clear_cookies()
    anmelden(page, pruefer)
    page.goto(f"/admin/foerderantraege/foerderantrag/{antrag.pk}/change/")
    _klick_und_warten(page, page.get_by_role("link", name="Prüfung beginnen"))
    _klick_und_warten(page, page.get_by_role("button", name="Prüfung beginnen"))
    _klick_und_warten(page, page.get_by_role("link", name="Entscheidung vorschlagen"))
    page.get_by_label("bewilligen", exact=True).check()
    page.get_by_label("Begründung").fill("Die Voraussetzungen der VwV sind erfüllt.")
    _klick_und_warten(page, page.get_by_role("button", name="Entscheidung vorschlagen"))
    expect(page.locator(".messagelist")).to_contain_text("Zeichnung")

    # --- approver signs ----------------------------------------------------------------
    page.context.clear_cookies()
    anmelden(page, leiterin)
    page.goto(f"/admin/foerderantraege/foerderantrag/{antrag.pk}/change/")
    _klick_und_warten(page, page.get_by_role("link", name="Zeichnen"))
    _klick_und_warten(page, page.get_by_role("button", name="Entscheidung zeichnen"))
    expect(page.locator(".messagelist")).to_contain_text("Gezeichnet")
    antrag.refresh_from_db()
    assert antrag.status == Status.BEWILLIGT

    # --- applicant downloads the notice -------------------------------------------------
    page.context.clear_cookies()
    anmelden(page, antragstellerin)
    page.goto(f"/antraege/{antrag.pk}/")
    axe_pruefen(page)
    _bildschirmfoto(page, "bewilligt")
    with page.expect_download() as download:
        page.get_by_role("link", name="Zuwendungsbescheid herunterladen (PDF)").click()
    pfad = download.value.path()
    with open(pfad, "rb") as f:
        assert f.read(5) == b"%PDF-"
    assert download.value.suggested_filename == f"bescheid-{antrag.aktenzeichen}-B1.pdf"
    page.goto(f"/antraege/{antrag.pk}/verlauf/")
    expect(page.locator("table")).to_contain_text("Entscheidungsvorschlag → Bewilligt")
    axe_pruefen(page)


def test_weitere_antragstellerseiten_ohne_wcag_verstoesse(page, anmelden, axe_pruefen):
    from .hilfen import antrag_im_status

    organisation = OrganisationFactory()
    offen, leute = antrag_im_status(Status.NACHFORDERUNG, organisation=organisation)
    entwurf, _ = antrag_im_status(Status.ENTWURF, organisation=organisation)
    entwurf.stellen.all().delete()
    anmelden(page, leute.mitglied)

    page.goto("/antraege/")
    axe_pruefen(page)
    page.goto(f"/antraege/{offen.pk}/")
    expect(page.locator(".kern-alert--warning")).to_be_visible()
    axe_pruefen(page)
    page.goto(f"/antraege/{offen.pk}/nachforderung/")
    _klick_und_warten(page, page.get_by_role("button", name="Antwort senden"))
    expect(page.locator(".portal-fehlerzusammenfassung")).to_be_visible()
    axe_pruefen(page)
    for pfad in ["verlauf/", "finanzierung/", "zurueckziehen/"]:
        page.goto(f"/antraege/{offen.pk}/{pfad}")
        assert page.locator("h1").count() == 1
        axe_pruefen(page)

    page.goto(f"/antraege/{entwurf.pk}/")
    axe_pruefen(page)
    page.goto(f"/antraege/{entwurf.pk}/pruefen/")
    expect(page.locator("main")).to_contain_text("Noch nicht vollständig")
    axe_pruefen(page)
    page.goto(f"/antraege/{entwurf.pk}/bankverbindung/")
    page.get_by_label("IBAN").fill("DE00 1234")
    _klick_und_warten(page, page.get_by_role("button", name="Speichern und weiter"))
    expect(page.locator(".portal-fehlerzusammenfassung")).to_contain_text("IBAN ist ungültig")
    axe_pruefen(page)
    page.goto(f"/antraege/{entwurf.pk}/anlagen/")
    page.get_by_label("Bezeichnung").fill("Foto")
    page.get_by_label("Datei (PDF, höchstens 10 MB)").set_input_files(
        {"name": "foto.pdf", "mimeType": "application/pdf", "buffer": b"\x89PNG\r\n"}
    )
    _klick_und_warten(page, page.get_by_role("button", name="Hochladen"))
    expect(page.locator(".portal-fehlerzusammenfassung")).to_contain_text("kein PDF-Dokument")
    axe_pruefen(page)
    page.goto(f"/antraege/{entwurf.pk}/anlagen/{entwurf.anlagen.first().pk}/loeschen/")
    axe_pruefen(page)
    page.goto(f"/antraege/{entwurf.pk}/stellen/neu/")
    _klick_und_warten(page, page.get_by_role("button", name="Speichern"))
    expect(page.locator(".portal-fehlerzusammenfassung")).to_be_visible()
    axe_pruefen(page)
