"""CSV import of Vorauszahlungen for the admin (uses the shared import mechanism)."""

import datetime
from decimal import Decimal

from pik_portal.csv_import import (
    ANGELEGT,
    GEAENDERT,
    UNVERAENDERT,
    CsvImport,
    ZeilenFehler,
)
from pik_portal.models import Kreis
from pik_portal.money import betrag_parsen

from .models import Vorauszahlung

BETRAG_MAX = Decimal("9999999999.99")


def datum_parsen(text: str) -> datetime.date:
    """``31.03.2025`` → date; ValueError with a German message otherwise."""
    try:
        return datetime.datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError:
        raise ValueError(f"„{text}“ ist kein gültiges Datum im Format TT.MM.JJJJ.") from None


class VorauszahlungImport(CsvImport):
    titel = "Vorauszahlungen aus CSV importieren"
    spalten = ["Kreisschlüssel", "Jahr", "Zeitraum", "Betrag", "Zahlungsdatum", "Buchungsreferenz"]
    schluessel = "Buchungsreferenz"

    def vorbereiten(self):
        self.kreise = {k.kreisschluessel: k for k in Kreis.objects.all()}
        self.vorhandene = {v.buchungsreferenz: v for v in Vorauszahlung.objects.all()}

    def zeile_pruefen(self, roh):
        fehler = []
        daten = {}

        schluessel = roh["Kreisschlüssel"]
        # Spreadsheets like to drop the leading zero of "08116".
        if schluessel.isdecimal() and len(schluessel) == 4:
            schluessel = "0" + schluessel
        daten["kreis"] = self.kreise.get(schluessel)
        if daten["kreis"] is None:
            fehler.append(f"Unbekannter Kreisschlüssel „{roh['Kreisschlüssel']}“.")

        jahr = roh["Jahr"]
        # isdecimal, not isdigit: "²".isdigit() is True but int("²") fails.
        if not jahr.isdecimal() or not 2015 <= int(jahr) <= 2100:
            fehler.append(f"Jahr „{jahr}“ ist kein Abrechnungsjahr zwischen 2015 und 2100.")
        else:
            daten["abrechnungsjahr"] = int(jahr)

        daten["zeitraum"] = roh["Zeitraum"]
        if not daten["zeitraum"]:
            fehler.append("Der Zeitraum fehlt (z. B. „1. Quartal“).")
        elif len(daten["zeitraum"]) > 50:
            fehler.append("Der Zeitraum ist länger als 50 Zeichen.")

        try:
            betrag = betrag_parsen(roh["Betrag"])
        except ValueError as exc:
            fehler.append(str(exc))
        else:
            if betrag <= 0:
                fehler.append(f"Der Betrag „{roh['Betrag']}“ muss größer als 0 sein.")
            elif betrag > BETRAG_MAX:
                # The column holds 12 digits; PostgreSQL would refuse the whole import.
                fehler.append(f"Der Betrag „{roh['Betrag']}“ ist größer als 9.999.999.999,99.")
            daten["betrag"] = betrag

        daten["zahlungsdatum"] = None
        if roh["Zahlungsdatum"]:
            try:
                daten["zahlungsdatum"] = datum_parsen(roh["Zahlungsdatum"])
            except ValueError as exc:
                fehler.append(str(exc))

        daten["buchungsreferenz"] = roh["Buchungsreferenz"]
        if not daten["buchungsreferenz"]:
            fehler.append("Die Buchungsreferenz fehlt.")
        elif len(daten["buchungsreferenz"]) > 50:
            fehler.append("Die Buchungsreferenz ist länger als 50 Zeichen.")

        if fehler:
            raise ZeilenFehler(fehler)
        return daten

    def zeile_speichern(self, daten):
        felder = ["kreis", "abrechnungsjahr", "zeitraum", "betrag", "zahlungsdatum"]
        vorhanden = self.vorhandene.get(daten["buchungsreferenz"])
        if vorhanden is not None:
            if all(getattr(vorhanden, f) == daten[f] for f in felder):
                return UNVERAENDERT
            for f in felder:
                setattr(vorhanden, f, daten[f])
            vorhanden._history_user = self.benutzer
            vorhanden.save()
            return GEAENDERT
        neu = Vorauszahlung(**daten)
        neu._history_user = self.benutzer
        neu.save()
        self.vorhandene[neu.buchungsreferenz] = neu
        return ANGELEGT
