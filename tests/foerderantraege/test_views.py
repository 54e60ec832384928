import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from foerderantraege import tasks
from foerderantraege.models import Foerderantrag, Status
from pik_portal.models import Mitgliedschaft
from tests.factories import (
    MINI_PDF,
    FoerderantragFactory,
    FoerderaufrufFactory,
    OrganisationFactory,
    mitglied,
)

from .hilfen import antrag_im_status

pytestmark = pytest.mark.django_db

ENTWURF_SEITEN = [
    "detail",
    "antragsteller",
    "stellen",
    "stelle_neu",
    "finanzierung",
    "bankverbindung",
    "anlagen",
    "erklaerungen",
    "pruefen",
    "verlauf",
    "zurueckziehen",
]
POST_AKTIONEN = ["einreichen", "freigeben", "zurueckziehen", "antragsteller", "anlagen"]


def _url(name, antrag, *extra):
    return reverse(f"foerderantraege:{name}", args=[antrag.pk, *extra])


@pytest.fixture
def entwurf():
    antrag, leute = antrag_im_status(Status.ENTWURF)
    return antrag, leute


@pytest.mark.parametrize("name", ENTWURF_SEITEN)
def test_eigene_seiten_erreichbar(client, entwurf, name):
    antrag, leute = entwurf
    client.force_login(leute.mitglied)
    antwort = client.get(_url(name, antrag))
    assert antwort.status_code == 200
    assert antwort.content.count(b"<h1") == 1


@pytest.mark.parametrize("name", ENTWURF_SEITEN)
def test_seiten_mit_stylesheet_und_brotkruemeln(client, entwurf, name):
    antrag, leute = entwurf
    client.force_login(leute.mitglied)
    inhalt = client.get(_url(name, antrag)).content.decode()
    assert "css/foerderantraege" in inhalt
    assert 'class="portal-breadcrumb"' in inhalt and "Meine Anträge" in inhalt


@pytest.mark.parametrize("name", ENTWURF_SEITEN)
def test_fremde_organisation_bekommt_404(client, entwurf, name):
    antrag, leute = entwurf
    client.force_login(leute.fremd)
    assert client.get(_url(name, antrag)).status_code == 404


@pytest.mark.parametrize("name", POST_AKTIONEN)
def test_fremde_organisation_bekommt_404_beim_absenden(client, entwurf, name):
    antrag, leute = entwurf
    client.force_login(leute.fremd)
    assert client.post(_url(name, antrag), {"ansprechperson_name": "X"}).status_code == 404
    antrag.refresh_from_db()
    assert antrag.status == Status.ENTWURF and antrag.ansprechperson_name != "X"


@pytest.mark.parametrize(
    ("name", "teile", "frage", "zurueck"),
    [
        ("stelle_loeschen", "stellen", "Soll die Stelle", "stellen"),
        ("anlage_loeschen", "anlagen", "Soll die Anlage", "anlagen"),
    ],
)
def test_teil_des_entwurfs_loeschen(client, entwurf, name, teile, frage, zurueck):
    antrag, leute = entwurf
    teil = getattr(antrag, teile).first()
    client.force_login(leute.mitglied)
    seite = client.get(_url(name, antrag, teil.pk)).content.decode()
    assert f"{frage} „{teil.bezeichnung}“ gelöscht werden?" in seite
    antwort = client.post(_url(name, antrag, teil.pk))
    assert antwort.status_code == 302
    assert antwort["Location"] == _url(zurueck, antrag)
    assert not getattr(antrag, teile).filter(pk=teil.pk).exists()


def test_fremde_organisation_unterseiten_404(client, entwurf):
    antrag, leute = entwurf
    stelle = antrag.stellen.first()
    anlage = antrag.anlagen.first()
    client.force_login(leute.fremd)
    for url in [
        _url("stelle", antrag, stelle.pk),
        _url("stelle_loeschen", antrag, stelle.pk),
        _url("anlage", antrag, anlage.pk),
        _url("anlage_loeschen", antrag, anlage.pk),
        _url("nachforderung", antrag),
        _url("bestaetigung", antrag),
        _url("bescheid_pdf", antrag),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(_url("stelle_loeschen", antrag, stelle.pk)).status_code == 404
    assert antrag.stellen.count() == 1


def test_anlage_einer_anderen_organisation_auch_nicht_ueber_eigenen_antrag(client, entwurf):
    antrag, leute = entwurf
    eigener, eigene_leute = antrag_im_status(Status.ENTWURF)
    fremde_anlage = antrag.anlagen.first()
    client.force_login(eigene_leute.mitglied)
    assert client.get(_url("anlage", eigener, fremde_anlage.pk)).status_code == 404


def test_anonym_wird_zur_anmeldung_geleitet(client, entwurf):
    antrag, _ = entwurf
    antwort = client.get(_url("detail", antrag))
    assert antwort.status_code == 302 and "/konto/anmelden/" in antwort["Location"]


def test_anlage_herunterladen(client, entwurf):
    antrag, leute = entwurf
    client.force_login(leute.mitglied)
    antwort = client.get(_url("anlage", antrag, antrag.anlagen.first().pk))
    assert antwort.status_code == 200
    assert b"".join(antwort.streaming_content) == MINI_PDF
    assert "attachment" in antwort["Content-Disposition"]


def test_bescheid_pdf_herunterladen(client):
    antrag, leute = antrag_im_status(Status.BEWILLIGT)
    client.force_login(leute.mitglied)
    assert client.get(_url("bescheid_pdf", antrag)).status_code == 404  # not rendered yet
    tasks.bescheid_rendern(antrag.bescheide.get().pk)
    antwort = client.get(_url("bescheid_pdf", antrag))
    assert antwort.status_code == 200
    assert b"".join(antwort.streaming_content).startswith(b"%PDF-")
    assert "Zuwendungsbescheid" in client.get(_url("detail", antrag)).content.decode()
    client.force_login(leute.fremd)
    assert client.get(_url("bescheid_pdf", antrag)).status_code == 404


def test_liste_abfragen_wachsen_nicht(client, django_assert_max_num_queries):
    org = OrganisationFactory()
    person = mitglied(org)
    aufruf = FoerderaufrufFactory()
    client.force_login(person)

    def anlegen(n):
        Foerderantrag.objects.bulk_create(
            [Foerderantrag(aufruf=aufruf, organisation=org) for _ in range(n)]
        )

    anlegen(10)
    with django_assert_max_num_queries(8) as wenige:
        assert client.get("/antraege/").status_code == 200
    anlegen(190)
    with django_assert_max_num_queries(len(wenige.captured_queries)):
        antwort = client.get("/antraege/")
    assert antwort.content.decode().count("kern-badge--") == 200


def test_liste_zeigt_nur_eigene(client):
    eigener = FoerderantragFactory()
    fremder = FoerderantragFactory()
    client.force_login(mitglied(eigener.organisation))
    inhalt = client.get("/antraege/").content.decode()
    assert eigener.organisation.name in inhalt
    assert fremder.organisation.name not in inhalt


def test_neuer_antrag(client):
    aufruf = FoerderaufrufFactory()
    org = OrganisationFactory()
    client.force_login(mitglied(org))
    antwort = client.post("/antraege/neu/", {"aufruf": aufruf.pk, "organisation": org.pk})
    antrag = Foerderantrag.objects.get()
    assert antwort.status_code == 302 and antwort["Location"] == antrag.get_absolute_url()
    assert antrag.organisation == org and antrag.status == Status.ENTWURF


def test_neuer_antrag_nicht_fuer_fremde_organisation(client):
    aufruf = FoerderaufrufFactory()
    fremde = OrganisationFactory()
    client.force_login(mitglied(OrganisationFactory()))
    antwort = client.post("/antraege/neu/", {"aufruf": aufruf.pk, "organisation": fremde.pk})
    assert antwort.status_code == 200
    assert not Foerderantrag.objects.exists()


def test_abschnitt_speichern_und_weiter(client):
    antrag = FoerderantragFactory(ansprechperson_name="")
    person = mitglied(antrag.organisation)
    client.force_login(person)
    daten = {
        "ansprechperson_name": "Aylin Demir",
        "ansprechperson_email": "aylin.demir@kreis.example",
        "ansprechperson_telefon": "0711 98765",
        "anzahl_gefluechtete": "",
    }
    antwort = client.post(_url("antragsteller", antrag), daten)
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "portal-fehlerzusammenfassung" in inhalt
    assert "Bitte geben Sie die Zahl der Geflüchteten an." in inhalt
    assert 'value="Aylin Demir"' in inhalt  # nothing entered is lost
    daten["anzahl_gefluechtete"] = "180"
    antwort = client.post(_url("antragsteller", antrag), daten)
    assert antwort.status_code == 302 and antwort["Location"] == _url("stellen", antrag)
    antrag.refresh_from_db()
    assert antrag.ansprechperson_name == "Aylin Demir" and antrag.anzahl_gefluechtete == 180


def test_falsche_iban_deutsche_meldung_und_eingaben_bleiben(client):
    antrag = FoerderantragFactory(iban="")
    client.force_login(mitglied(antrag.organisation))
    antwort = client.post(
        _url("bankverbindung", antrag),
        {"kontoinhaber": "Landkreis Beispiel, Kreiskasse", "iban": "DE89 3704 0044 0532 0130 01"},
    )
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "Die IBAN ist ungültig" in inhalt
    assert 'value="Landkreis Beispiel, Kreiskasse"' in inhalt
    assert 'value="DE89 3704 0044 0532 0130 01"' in inhalt
    antrag.refresh_from_db()
    assert antrag.iban == ""


def test_iban_normalisiert_gespeichert_und_maskiert_angezeigt(client):
    antrag = FoerderantragFactory(iban="")
    client.force_login(mitglied(antrag.organisation))
    antwort = client.post(
        _url("bankverbindung", antrag),
        {"kontoinhaber": "Kreiskasse", "iban": "de89 3704 0044 0532 0130 00"},
    )
    assert antwort.status_code == 302
    antrag.refresh_from_db()
    assert antrag.iban == "DE89370400440532013000"
    for name in ["bankverbindung", "pruefen"]:
        inhalt = client.get(_url(name, antrag)).content.decode()
        assert "DE89 **** **** **** **30 00" in inhalt
        assert "0532" not in inhalt and "DE89370400440532013000" not in inhalt


def test_stelle_anlegen_berechnet_betrag(client):
    antrag = FoerderantragFactory()
    client.force_login(mitglied(antrag.organisation))
    festbetrag = antrag.aufruf.festbetraege.get(qualifikationsstufe="Hochschulabschluss")
    daten = {
        "bezeichnung": "Integrationsmanagement Nord",
        "vzae": "0,5",
        "festbetrag": festbetrag.pk,
        "beginn": "2027-01-01",
        "ende": "2028-06-30",
        "einsatzort": "Nürtingen",
        "traegerschaft": "weiterleitung",
        "traeger_name": "",
        "traeger_anschrift": "",
    }
    antwort = client.post(_url("stelle_neu", antrag), daten)
    assert antwort.status_code == 200
    assert "Name und Anschrift des freien Trägers" in antwort.content.decode()
    daten.update(traeger_name="Caritas", traeger_anschrift="Marktplatz 1, 72622 Nürtingen")
    antwort = client.post(_url("stelle_neu", antrag), daten)
    assert antwort.status_code == 302
    antrag.refresh_from_db()
    assert antrag.beantragter_betrag == Decimal("51000.00")  # 0,5 × 68.000 × 18/12
    assert "51.000,00" in client.get(_url("finanzierung", antrag)).content.decode()


def test_stelle_ausserhalb_des_foerderzeitraums(client):
    antrag = FoerderantragFactory()
    client.force_login(mitglied(antrag.organisation))
    antwort = client.post(
        _url("stelle_neu", antrag),
        {
            "bezeichnung": "Zu früh",
            "vzae": "0,2",
            "festbetrag": antrag.aufruf.festbetraege.first().pk,
            "beginn": "2026-01-01",
            "ende": "2026-12-31",
            "einsatzort": "X",
            "traegerschaft": "eigen",
        },
    )
    inhalt = antwort.content.decode()
    assert "zwischen 0,25 und 1,00" in inhalt
    assert "Förderzeitraum" in inhalt
    assert not antrag.stellen.exists()


def test_nicht_pdf_mit_endung_pdf_wird_abgelehnt(client):
    antrag = FoerderantragFactory()
    client.force_login(mitglied(antrag.organisation))
    falsch = SimpleUploadedFile("bild.pdf", b"\x89PNG\r\n\x1a\n...", content_type="application/pdf")
    antwort = client.post(_url("anlagen", antrag), {"bezeichnung": "Bild", "datei": falsch})
    assert antwort.status_code == 200
    assert "kein PDF-Dokument" in antwort.content.decode()
    assert not antrag.anlagen.exists()
    echt = SimpleUploadedFile("x.bin", MINI_PDF, content_type="application/octet-stream")
    antwort = client.post(_url("anlagen", antrag), {"bezeichnung": "Beschreibung", "datei": echt})
    assert antwort.status_code == 302
    assert antrag.anlagen.get().dateiname == "x.bin"


def test_zu_grosse_datei_wird_abgelehnt(client):
    antrag = FoerderantragFactory()
    client.force_login(mitglied(antrag.organisation))
    gross = SimpleUploadedFile("gross.pdf", MINI_PDF + b"0" * (10 * 1024 * 1024))
    antwort = client.post(_url("anlagen", antrag), {"bezeichnung": "Groß", "datei": gross})
    assert "größer als 10 MB" in antwort.content.decode()


def test_einreichen_durch_zeichnungsberechtigte(client, entwurf):
    antrag, leute = entwurf
    client.force_login(leute.zeichnungsberechtigt)
    inhalt = client.get(_url("pruefen", antrag)).content.decode()
    assert "Antrag verbindlich einreichen" in inhalt
    antwort = client.post(_url("einreichen", antrag), follow=True)
    antrag.refresh_from_db()
    assert antrag.status == Status.EINGEREICHT
    assert antrag.aktenzeichen in antwort.content.decode()
    assert antwort.redirect_chain[-1][0] == _url("bestaetigung", antrag)


def test_mitglied_sieht_freigeben_statt_einreichen(client, entwurf, mailoutbox):
    antrag, leute = entwurf
    client.force_login(leute.mitglied)
    inhalt = client.get(_url("pruefen", antrag)).content.decode()
    assert "Zur Einreichung freigeben" in inhalt and "verbindlich einreichen" not in inhalt
    antwort = client.post(_url("einreichen", antrag), follow=True)
    antrag.refresh_from_db()
    assert antrag.status == Status.ENTWURF
    assert "Berechtigung" in antwort.content.decode()
    client.post(_url("freigeben", antrag))
    antrag.refresh_from_db()
    assert antrag.freigegeben_von == leute.mitglied


def test_einreichen_nach_frist_klare_meldung(client, entwurf):
    antrag, leute = entwurf
    antrag.aufruf.antragsfrist = antrag.aufruf.antragsfrist - dt.timedelta(days=60)
    antrag.aufruf.save()
    client.force_login(leute.zeichnungsberechtigt)
    antwort = client.post(_url("einreichen", antrag), follow=True)
    assert "Antragsfrist" in antwort.content.decode()
    antrag.refresh_from_db()
    assert antrag.status == Status.ENTWURF


def test_eingereichter_antrag_nicht_mehr_aenderbar(client):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    client.force_login(leute.mitglied)
    antwort = client.get(_url("antragsteller", antrag))
    assert antwort.status_code == 302 and antwort["Location"] == antrag.get_absolute_url()


def test_nachforderung_beantworten(client):
    antrag, leute = antrag_im_status(Status.NACHFORDERUNG)
    client.force_login(leute.mitglied)
    assert "Nachforderung beantworten" in client.get(_url("detail", antrag)).content.decode()
    antwort = client.post(
        _url("nachforderung", antrag),
        {
            "antwort": "Die Stellenbeschreibung liegt bei.",
            "bezeichnung": "Stellenbeschreibung",
            "datei": SimpleUploadedFile("s.pdf", MINI_PDF),
        },
    )
    assert antwort.status_code == 302
    antrag.refresh_from_db()
    assert antrag.status == Status.IN_PRUEFUNG
    verlauf = client.get(_url("verlauf", antrag)).content.decode()
    assert "Die Stellenbeschreibung liegt bei." in verlauf
    assert "Nachforderung → In Prüfung" in verlauf


def test_zurueckziehen(client):
    antrag, leute = antrag_im_status(Status.IN_PRUEFUNG)
    client.force_login(leute.mitglied)
    antwort = client.post(_url("zurueckziehen", antrag), {"begruendung": "Stelle entfällt"})
    assert antwort.status_code == 302
    antrag.refresh_from_db()
    assert antrag.status == Status.ZURUECKGEZOGEN
    assert "Stelle entfällt" in client.get(_url("verlauf", antrag)).content.decode()


def test_zurueckgezogener_entwurf_nennt_den_entwurf_in_der_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    antrag, leute = antrag_im_status(Status.ENTWURF)
    client.force_login(leute.mitglied)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("zurueckziehen", antrag), {"begruendung": "Doch nicht"})
    antrag.refresh_from_db()
    assert antrag.status == Status.ZURUECKGEZOGEN
    assert [m.subject for m in mailoutbox] == [
        f"Ihr Förderantrag Entwurf Nr. {antrag.pk}: Zurückgezogen"
    ]
    assert "None" not in mailoutbox[0].body


def test_mitglied_ohne_zeichnungsrecht_kann_trotzdem_lesen(client):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    m = Mitgliedschaft.objects.get(benutzer=leute.mitglied)
    assert m.rolle == Mitgliedschaft.Rolle.MITGLIED
    client.force_login(leute.mitglied)
    assert client.get(_url("detail", antrag)).status_code == 200


@pytest.mark.parametrize(
    ("feld", "wert", "meldung"),
    [
        ("ansprechperson_email", "a" * 250 + "@kreis.example", "254"),
        ("anzahl_gefluechtete", "99999999999", "höchstens"),
    ],
)
def test_zu_grosse_eingaben_meldung_statt_datenbankfehler(client, feld, wert, meldung):
    antrag = FoerderantragFactory(ansprechperson_name="")
    client.force_login(mitglied(antrag.organisation))
    daten = {
        "ansprechperson_name": "Aylin Demir",
        "ansprechperson_email": "aylin.demir@kreis.example",
        "ansprechperson_telefon": "0711 98765",
        "anzahl_gefluechtete": "180",
        feld: wert,
    }
    antwort = client.post(_url("antragsteller", antrag), daten)
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "portal-fehlerzusammenfassung" in inhalt and meldung in inhalt
    assert 'value="Aylin Demir"' in inhalt
    antrag.refresh_from_db()
    assert antrag.ansprechperson_name == ""


def test_stelle_fehler_nur_als_verstaendliche_meldungen(client):
    antrag = FoerderantragFactory()
    client.force_login(mitglied(antrag.organisation))
    antwort = client.post(
        _url("stelle_neu", antrag),
        {
            "bezeichnung": "Falsch herum",
            "vzae": "0,2",
            "festbetrag": antrag.aufruf.festbetraege.first().pk,
            "beginn": "2027-03-01",
            "ende": "2027-01-31",
            "einsatzort": "X",
            "traegerschaft": "eigen",
        },
    )
    inhalt = antwort.content.decode()
    assert "zwischen 0,25 und 1,00" in inhalt and "Das Ende muss nach dem Beginn liegen." in inhalt
    assert "Bedingung" not in inhalt and "stelle_vzae_bereich" not in inhalt
    assert 'value="Falsch herum"' in inhalt


def test_nachforderung_mit_langem_dateinamen_ohne_bezeichnung(client):
    antrag, leute = antrag_im_status(Status.NACHFORDERUNG)
    client.force_login(leute.mitglied)
    name = "n" * 240 + ".pdf"
    antwort = client.post(
        _url("nachforderung", antrag),
        {"antwort": "Anbei", "bezeichnung": "", "datei": SimpleUploadedFile(name, MINI_PDF)},
    )
    assert antwort.status_code == 302
    anlage = antrag.nachforderungen.get().anlagen.get()
    assert anlage.bezeichnung == name[:200] and anlage.dateiname == name


@pytest.mark.parametrize("status", [Status.BEWILLIGT, Status.ZURUECKGEZOGEN])
def test_zurueckziehen_nicht_angeboten_wenn_nicht_moeglich(client, status):
    antrag, leute = antrag_im_status(status)
    client.force_login(leute.mitglied)
    assert _url("zurueckziehen", antrag) not in client.get(_url("detail", antrag)).content.decode()
    antwort = client.get(_url("zurueckziehen", antrag), follow=True)
    assert antwort.redirect_chain[-1][0] == antrag.get_absolute_url()
    assert "kann nicht mehr zurückgezogen werden" in antwort.content.decode()
    client.post(_url("zurueckziehen", antrag), {"begruendung": "x"})
    antrag.refresh_from_db()
    assert antrag.status == status


def test_anlage_wird_immer_als_pdf_heruntergeladen(client):
    antrag, leute = antrag_im_status(Status.EINGEREICHT)
    anlage = antrag.anlagen.first()
    anlage.dateiname = "stellenplan"
    anlage.save(update_fields=["dateiname"])
    client.force_login(leute.mitglied)
    antwort = client.get(anlage.get_absolute_url())
    assert antwort.status_code == 200
    assert antwort["Content-Type"] == "application/pdf"
    assert 'filename="stellenplan.pdf"' in antwort["Content-Disposition"]
