import csv
import io
from decimal import Decimal

import pytest

from pik_portal.csv_export import csv_text
from pik_portal.csv_import import (
    ANGELEGT,
    GEAENDERT,
    UNVERAENDERT,
    CsvImport,
    ImportAbgebrochen,
    ZeilenFehler,
)
from pik_portal.models import Kreis


def test_csv_export_neutralisiert_formeln_aber_keine_zahlen():
    text = csv_text(
        ["Name", "Betrag"],
        [
            ['=HYPERLINK("x")', Decimal("-1234.5")],
            ["+49", Decimal("2")],
            ["@SUM(A1)", None],
            ["-x", Decimal("0")],
        ],
    )
    zeilen = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert zeilen[1] == ['\'=HYPERLINK("x")', "-1.234,50"]
    assert zeilen[2] == ["'+49", "2,00"]
    assert zeilen[3] == ["'@SUM(A1)", ""]
    assert zeilen[4] == ["'-x", "0,00"]


class EinwohnerImport(CsvImport):
    """Updates population figures – the key for distributing budgets."""

    spalten = ["Kreisschlüssel", "Einwohner"]
    schluessel = "Kreisschlüssel"

    def vorbereiten(self):
        self.kreise = {k.kreisschluessel: k for k in Kreis.objects.all()}

    def zeile_pruefen(self, roh):
        fehler = []
        kreis = self.kreise.get(roh["Kreisschlüssel"])
        if kreis is None:
            fehler.append(f"Unbekannter Kreisschlüssel „{roh['Kreisschlüssel']}“.")
        if not roh["Einwohner"].isdigit():
            fehler.append("Einwohner muss eine ganze Zahl sein.")
        if fehler:
            raise ZeilenFehler(fehler)
        return {"kreis": kreis, "einwohner": int(roh["Einwohner"])}

    def zeile_speichern(self, daten):
        kreis = daten["kreis"]
        if kreis.einwohner == daten["einwohner"]:
            return UNVERAENDERT
        kreis.einwohner = daten["einwohner"]
        kreis.save(update_fields=["einwohner"])
        return GEAENDERT if kreis.pk else ANGELEGT


@pytest.mark.django_db
def test_import_alles_oder_nichts():
    gut = "\ufeffKreisschlüssel;Einwohner\r\n08111;1000\r\n08116;2000\r\n".encode()
    vorschau = EinwohnerImport().importieren(gut)
    assert vorschau.zaehlung()[GEAENDERT] == 2
    assert Kreis.objects.get(kreisschluessel="08111").einwohner == 1000
    # Same file again: nothing changes.
    assert EinwohnerImport().importieren(gut).zaehlung()[UNVERAENDERT] == 2

    schlecht = "Kreisschlüssel;Einwohner\n08111;5\n99999;x\n08111;7\n".encode("cp1252")
    with pytest.raises(ImportAbgebrochen) as info:
        EinwohnerImport().importieren(schlecht)
    fehler = {z.zeilennummer: z.fehler for z in info.value.vorschau.fehlerhafte_zeilen}
    assert fehler[3] == [
        "Unbekannter Kreisschlüssel „99999“.",
        "Einwohner muss eine ganze Zahl sein.",
    ]
    assert fehler[4] == ["Kreisschlüssel „08111“ steht schon in Zeile 2."]
    assert Kreis.objects.get(kreisschluessel="08111").einwohner == 1000


@pytest.mark.django_db
def test_import_falsche_kopfzeile():
    vorschau = EinwohnerImport().pruefen(b"Kreis;Zahl\n1;2\n")
    assert not vorschau.ok
    assert "Es fehlen Spalten: Kreisschlüssel, Einwohner" in vorschau.datei_fehler[0]


@pytest.mark.django_db
def test_import_meldet_zu_viele_spalten():
    vorschau = EinwohnerImport().pruefen("Kreisschlüssel;Einwohner\n08111;5;überzählig\n".encode())
    assert vorschau.zeilen[0].fehler == ["Die Zeile hat mehr Spalten als die Kopfzeile."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "inhalt,meldung",
    [
        ("Kreisschlüssel;Einwohner\n08111;5\x00\n", "Nullzeichen"),
        ("Kreisschlüssel;Einwohner\n08111;" + "9" * 200_000 + "\n", "keine lesbare CSV-Datei"),
    ],
)
def test_kaputte_datei_wird_gemeldet_statt_abzustuerzen(inhalt, meldung):
    vorschau = EinwohnerImport().pruefen(inhalt.encode())
    assert not vorschau.ok
    assert meldung in vorschau.datei_fehler[0]
    with pytest.raises(ImportAbgebrochen):
        EinwohnerImport().importieren(inhalt.encode())
