import datetime

import pytest
from django.core import signing

from massnahmen.models import Massnahme
from massnahmen.services import MassnahmenImport
from pik_portal.admin_import import SIGNATUR_SALZ
from pik_portal.csv_import import ANGELEGT, GEAENDERT, UNVERAENDERT, ImportAbgebrochen
from pik_portal.models import Protokolleintrag
from tests.factories import MassnahmeFactory, kreis, sachbearbeitung, zielgruppe

pytestmark = pytest.mark.django_db

KOPF = ";".join(MassnahmenImport.spalten)


def datei(*zeilen: str, kodierung="utf-8-sig") -> bytes:
    return ("\r\n".join([KOPF, *zeilen]) + "\r\n").encode(kodierung)


GUT = datei(
    "sprachkurs-neu;Sprachkurs für Mütter;Deutsch am Vormittag.;Mit **Kinderbetreuung**.;"
    "Sprache;Frauen, eltern;Sozialministerium;VHS;Pakt für Integration;nein;08116, 08311;"
    "01.09.2025;;https://example.org/kurs;Frau Muster, 0711 123;ja",
    "lotsen;Ausbildungslotsen;Begleitung in die Ausbildung.;;ausbildung;;Wirtschaftsministerium;;;"
    "ja;;2024-01-01;31.12.2027;;;nein",
)


def test_import_legt_an_und_wiederholung_aendert_nichts():
    vorschau = MassnahmenImport().importieren(GUT)
    assert vorschau.zaehlung() == {ANGELEGT: 2, GEAENDERT: 0, UNVERAENDERT: 0}
    kurs = Massnahme.objects.get(slug="sprachkurs-neu")
    assert kurs.handlungsfeld.slug == "sprache"
    assert {z.slug for z in kurs.zielgruppen.all()} == {"frauen", "eltern"}
    assert {k.kreisschluessel for k in kurs.kreise.all()} == {"08116", "08311"}
    assert kurs.beginn == datetime.date(2025, 9, 1) and kurs.ende is None
    assert kurs.veroeffentlicht and not kurs.landesweit
    lotsen = Massnahme.objects.get(slug="lotsen")
    assert lotsen.landesweit and not lotsen.veroeffentlicht
    assert lotsen.ende == datetime.date(2027, 12, 31)

    stand = dict(Massnahme.objects.values_list("slug", "geaendert_am"))
    vorschau = MassnahmenImport().importieren(GUT)
    assert vorschau.zaehlung() == {ANGELEGT: 0, GEAENDERT: 0, UNVERAENDERT: 2}
    assert dict(Massnahme.objects.values_list("slug", "geaendert_am")) == stand


def test_import_aendert_bestehende_nach_slug():
    MassnahmenImport().importieren(GUT)
    neu = GUT.replace(b"Frauen, eltern", b"Frauen").replace(b"08116, 08311", b"08311")
    vorschau = MassnahmenImport().importieren(neu)
    assert vorschau.zaehlung() == {ANGELEGT: 0, GEAENDERT: 1, UNVERAENDERT: 1}
    kurs = Massnahme.objects.get(slug="sprachkurs-neu")
    assert [z.slug for z in kurs.zielgruppen.all()] == ["frauen"]
    assert [k.kreisschluessel for k in kurs.kreise.all()] == ["08311"]
    assert Massnahme.objects.count() == 2


def test_fehlerhafte_datei_speichert_nichts_und_nennt_jede_zeile():
    schlecht = datei(
        "gut;Gut;Kurz.;;Sprache;;Ressort;;;ja;;01.01.2025;;;;ja",
        "Mit Umlaut ä;;Kurz.;;Tanzen;Astronauten;Ressort;;;vielleicht;;gestern;;ftp://x;;ja",
        "regional;Regional;Kurz.;;Sprache;;Ressort;;;nein;99999;01.01.2025;31.12.2024;;;ja",
        "ohne-region;Ohne Region;Kurz.;;Sprache;;Ressort;;;nein;;01.01.2025;;;;ja",
        "gut;Doppelt;Kurz.;;Sprache;;Ressort;;;ja;08116;01.01.2025;;;;ja",
        kodierung="cp1252",
    )
    with pytest.raises(ImportAbgebrochen) as info:
        MassnahmenImport().importieren(schlecht)
    fehler = {z.zeilennummer: z.fehler for z in info.value.vorschau.fehlerhafte_zeilen}
    assert 2 not in fehler
    assert sorted(fehler[3]) == sorted(
        [
            "Titel fehlt.",
            "Landesweit muss „ja“ oder „nein“ sein, nicht „vielleicht“.",
            "Slug „Mit Umlaut ä“ darf nur Kleinbuchstaben ohne Umlaute, Ziffern und Bindestriche enthalten.",
            "Unbekanntes Handlungsfeld „Tanzen“.",
            "Unbekannte Zielgruppe „Astronauten“.",
            "Entweder Landesweit = ja oder mindestens ein Kreisschlüssel.",
            "Beginn „gestern“ ist kein Datum (TT.MM.JJJJ).",
            "Link „ftp://x“ ist keine gültige http(s)-Adresse.",
        ]
    )
    assert fehler[4] == ["Unbekannter Kreisschlüssel „99999“.", "Ende liegt vor dem Beginn."]
    assert fehler[5] == ["Entweder Landesweit = ja oder mindestens ein Kreisschlüssel."]
    assert fehler[6] == [
        "Eine landesweite Maßnahme darf keine Kreisschlüssel haben.",
        "Slug „gut“ steht schon in Zeile 2.",
    ]
    assert not Massnahme.objects.exists()


def test_falsche_kopfzeile():
    vorschau = MassnahmenImport().pruefen(b"Titel;Slug\nx;y\n")
    assert not vorschau.ok
    assert vorschau.datei_fehler[0].startswith("Es fehlen Spalten: Kurzbeschreibung")


def test_admin_export_laesst_sich_unveraendert_wieder_importieren(client):
    MassnahmeFactory(
        slug="rund",
        titel="-Formel am Anfang",
        beschreibung="- Punkt eins\n- Punkt zwei",
        landesweit=False,
        kreise=[kreis("08116"), kreis("08111")],
        zielgruppen=[zielgruppe("frauen")],
        ende=datetime.date(2030, 1, 31),
        link="https://example.org/a",
        kontakt="Zeile 1\nZeile 2",
    )
    MassnahmeFactory(slug="zwei", veroeffentlicht=False)
    benutzer = sachbearbeitung()
    client.force_login(benutzer)
    antwort = client.post(
        "/admin/massnahmen/massnahme/",
        {
            "action": "als_csv_exportieren",
            "_selected_action": list(Massnahme.objects.values_list("pk", flat=True)),
        },
    )
    assert antwort.status_code == 200
    inhalt = antwort.content
    assert inhalt.decode("utf-8").splitlines()[0].lstrip("\ufeff") == KOPF
    vorschau = MassnahmenImport().importieren(inhalt)
    assert vorschau.zaehlung() == {ANGELEGT: 0, GEAENDERT: 0, UNVERAENDERT: 2}


def test_admin_import_vorschau_und_bestaetigen(client):
    client.force_login(sachbearbeitung())
    liste = client.get("/admin/massnahmen/massnahme/")
    assert "CSV importieren" in liste.content.decode()

    from django.core.files.uploadedfile import SimpleUploadedFile

    schlecht = datei("x;;;;;;;;;;;;;;;")
    antwort = client.post(
        "/admin/massnahmen/massnahme/import/",
        {"datei": SimpleUploadedFile("m.csv", schlecht, content_type="text/csv")},
    )
    inhalt = antwort.content.decode()
    assert "Zeile 2: Titel fehlt." in inhalt
    assert "Import bestätigen" not in inhalt

    antwort = client.post(
        "/admin/massnahmen/massnahme/import/",
        {"datei": SimpleUploadedFile("m.csv", GUT, content_type="text/csv")},
    )
    assert "Import bestätigen" in antwort.content.decode()
    assert not Massnahme.objects.exists()
    token = antwort.context["token"]
    assert signing.loads(token, salt=SIGNATUR_SALZ).encode("latin-1") == GUT
    antwort = client.post("/admin/massnahmen/massnahme/import/", {"token": token}, follow=True)
    assert (
        "Import abgeschlossen: 2 angelegt, 0 geändert, 0 unverändert." in antwort.content.decode()
    )
    assert Massnahme.objects.count() == 2
    eintrag = Protokolleintrag.objects.get(aktion="massnahmen_import")
    assert eintrag.beschreibung == "CSV-Import Maßnahmen: 2 angelegt, 0 geändert, 0 unverändert."
    assert eintrag.benutzer.is_staff
