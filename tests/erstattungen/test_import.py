import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from erstattungen.importe import VorauszahlungImport
from erstattungen.models import Vorauszahlung
from pik_portal.csv_import import ANGELEGT, GEAENDERT, UNVERAENDERT, ImportAbgebrochen
from tests.factories import VorauszahlungFactory, kreis, sachbearbeitung

pytestmark = pytest.mark.django_db

KOPF = "Kreisschlüssel;Jahr;Zeitraum;Betrag;Zahlungsdatum;Buchungsreferenz\r\n"
GUT = (
    "\ufeff" + KOPF + "08116;2025;1. Quartal;1.234.567,89;31.03.2025;VZ-2025-0001\r\n"
    "08111;2025;Abschlag Juli;500000;;VZ-2025-0002\r\n"
    "8221;2024;4. Quartal;12,5;15.12.2024;VZ-2024-0003\r\n"
).encode()


def _fehler(inhalt: str) -> dict[int, list[str]]:
    with pytest.raises(ImportAbgebrochen) as info:
        VorauszahlungImport().importieren((KOPF + inhalt).encode())
    return {z.zeilennummer: z.fehler for z in info.value.vorschau.fehlerhafte_zeilen}


def test_gute_datei_wird_importiert():
    vorschau = VorauszahlungImport().importieren(GUT)
    assert vorschau.zaehlung() == {ANGELEGT: 3, GEAENDERT: 0, UNVERAENDERT: 0}
    erste = Vorauszahlung.objects.get(buchungsreferenz="VZ-2025-0001")
    assert erste.kreis == kreis("08116")
    assert erste.betrag == Decimal("1234567.89")
    assert erste.zahlungsdatum == datetime.date(2025, 3, 31)
    assert erste.zeitraum == "1. Quartal"
    geplant = Vorauszahlung.objects.get(buchungsreferenz="VZ-2025-0002")
    assert geplant.zahlungsdatum is None
    # A spreadsheet dropped the leading zero; the Kreis is still found.
    assert Vorauszahlung.objects.get(buchungsreferenz="VZ-2024-0003").kreis == kreis("08221")
    assert erste.history.count() == 1


def test_erneuter_import_aendert_nichts():
    VorauszahlungImport().importieren(GUT)
    historie = Vorauszahlung.history.count()
    vorschau = VorauszahlungImport().importieren(GUT)
    assert vorschau.zaehlung() == {ANGELEGT: 0, GEAENDERT: 0, UNVERAENDERT: 3}
    assert Vorauszahlung.objects.count() == 3
    assert Vorauszahlung.history.count() == historie


def test_geaenderter_betrag_wird_aktualisiert_und_protokolliert():
    VorauszahlungImport().importieren(GUT)
    neu = GUT.replace(b"1.234.567,89", b"1.234.567,90")
    assert VorauszahlungImport().importieren(neu).zaehlung()[GEAENDERT] == 1
    vz = Vorauszahlung.objects.get(buchungsreferenz="VZ-2025-0001")
    assert vz.betrag == Decimal("1234567.90")
    assert [h.betrag for h in vz.history.order_by("history_date")] == [
        Decimal("1234567.89"),
        Decimal("1234567.90"),
    ]


@pytest.mark.parametrize(
    "zeile,meldung",
    [
        ("99999;2025;1. Quartal;100,00;31.03.2025;R1", "Unbekannter Kreisschlüssel „99999“."),
        (
            "08116;2025;1. Quartal;-100,00;31.03.2025;R1",
            "Der Betrag „-100,00“ muss größer als 0 sein.",
        ),
        ("08116;2025;1. Quartal;0,00;31.03.2025;R1", "Der Betrag „0,00“ muss größer als 0 sein."),
        (
            "08116;2025;1. Quartal;1.00,5;31.03.2025;R1",
            "„1.00,5“ ist kein Betrag im Format 1.234,56.",
        ),
        (
            "08116;2025;1. Quartal;100,00;31.02.2025;R1",
            "„31.02.2025“ ist kein gültiges Datum im Format TT.MM.JJJJ.",
        ),
        (
            "08116;2025;1. Quartal;100,00;2025-03-31;R1",
            "„2025-03-31“ ist kein gültiges Datum im Format TT.MM.JJJJ.",
        ),
        (
            "08116;20x5;1. Quartal;100,00;31.03.2025;R1",
            "Jahr „20x5“ ist kein Abrechnungsjahr zwischen 2015 und 2100.",
        ),
        (
            "08116;²;1. Quartal;100,00;31.03.2025;R1",
            "Jahr „²“ ist kein Abrechnungsjahr zwischen 2015 und 2100.",
        ),
        (
            "08116;2025;1. Quartal;10.000.000.000,00;31.03.2025;R1",
            "Der Betrag „10.000.000.000,00“ ist größer als 9.999.999.999,99.",
        ),
        ("08116;2025;;100,00;31.03.2025;R1", "Der Zeitraum fehlt (z. B. „1. Quartal“)."),
        ("08116;2025;1. Quartal;100,00;31.03.2025;", "Die Buchungsreferenz fehlt."),
        (
            "08116;2025;1. Quartal;100,00;31.03.2025;R1;zuviel",
            "Die Zeile hat mehr Spalten als die Kopfzeile.",
        ),
    ],
)
def test_fehlerhafte_zeile_wird_mit_zeilennummer_gemeldet(zeile, meldung):
    fehler = _fehler("08111;2025;1. Quartal;1,00;01.01.2025;OK-1\r\n" + zeile + "\r\n")
    assert list(fehler) == [3]
    assert meldung in fehler[3]
    assert not Vorauszahlung.objects.exists()


def test_doppelte_buchungsreferenz_in_der_datei():
    fehler = _fehler(
        "08111;2025;1. Quartal;1,00;01.01.2025;R-1\r\n08116;2025;2. Quartal;2,00;01.04.2025;R-1\r\n"
    )
    assert fehler == {3: ["Buchungsreferenz „R-1“ steht schon in Zeile 2."]}


def test_fehler_in_einer_zeile_rollt_alles_zurueck():
    VorauszahlungFactory(buchungsreferenz="VZ-2025-0001", betrag=Decimal("1.00"))
    kaputt = GUT + b"08116;2025;2. Quartal;abc;;VZ-2025-0009\r\n"
    with pytest.raises(ImportAbgebrochen):
        VorauszahlungImport().importieren(kaputt)
    assert Vorauszahlung.objects.count() == 1
    assert Vorauszahlung.objects.get().betrag == Decimal("1.00")


def test_falsche_kopfzeile():
    vorschau = VorauszahlungImport().pruefen(b"Kreis;Jahr\n08116;2025\n")
    assert not vorschau.ok
    assert "Es fehlen Spalten" in vorschau.datei_fehler[0]


def test_import_im_admin_vorschau_und_bestaetigen(client):
    client.force_login(sachbearbeitung())
    url = reverse("admin:erstattungen_vorauszahlung_import")
    from django.core.files.uploadedfile import SimpleUploadedFile

    antwort = client.post(url, {"datei": SimpleUploadedFile("vz.csv", GUT, "text/csv")})
    assert antwort.status_code == 200
    vorschau = antwort.context["vorschau"]
    assert vorschau.ok and len(vorschau.zeilen) == 3
    assert not Vorauszahlung.objects.exists()
    antwort = client.post(url, {"token": antwort.context["token"]})
    assert antwort.status_code == 302
    assert Vorauszahlung.objects.count() == 3
    # The admin records who imported.
    assert Vorauszahlung.history.first().history_user is not None


def test_admin_liste_mit_summen_und_filtern(client):
    VorauszahlungFactory(betrag=Decimal("10.10"))
    VorauszahlungFactory(betrag=Decimal("0.20"), zahlungsdatum=None)
    VorauszahlungFactory(betrag=Decimal("5.00"), kreis=kreis("08311"))
    client.force_login(sachbearbeitung())
    url = reverse("admin:erstattungen_vorauszahlung_changelist")
    antwort = client.get(url)
    assert antwort.status_code == 200
    assert antwort.context["summen"]["gesamt"] == "15,30\u00a0€"
    assert antwort.context["summen"]["geplant"] == "0,20\u00a0€"
    antwort = client.get(url, {"gezahlt": "ja", "kreis__regierungsbezirk": "Stuttgart"})
    assert antwort.context["summen"]["gesamt"] == "10,10\u00a0€"
    assert "CSV importieren" in antwort.content.decode()
