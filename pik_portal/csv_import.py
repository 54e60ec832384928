"""One CSV import mechanism for every admin import (Vorauszahlungen, Maßnahmen, …).

An importer class names its columns, checks one row at a time and saves all rows.
The admin flow is upload → preview (every row, every error with its line number)
→ confirm. Confirming imports the whole file in one transaction or nothing at all.

Subclass ``CsvImport`` and set ``spalten``; implement ``zeile_pruefen`` (raise
``ZeilenFehler`` with German messages) and ``zeile_speichern`` (return one of
``ANGELEGT``, ``GEAENDERT``, ``UNVERAENDERT``). ``schluessel`` names the column
that must be unique within a file (e.g. Buchungsreferenz).
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

ANGELEGT = "angelegt"
GEAENDERT = "geändert"
UNVERAENDERT = "unverändert"

MAX_ZEILEN = 20_000


class ZeilenFehler(Exception):
    def __init__(self, meldungen):
        if isinstance(meldungen, str):
            meldungen = [meldungen]
        self.meldungen = list(meldungen)
        super().__init__("; ".join(self.meldungen))


class ImportAbgebrochen(Exception):
    """The file has errors; nothing was saved."""

    def __init__(self, vorschau):
        self.vorschau = vorschau
        super().__init__("Die Datei enthält Fehler; es wurde nichts importiert.")


@dataclass
class ImportZeile:
    zeilennummer: int
    roh: dict
    daten: dict = field(default_factory=dict)
    fehler: list[str] = field(default_factory=list)
    ergebnis: str = ""

    @property
    def ok(self) -> bool:
        return not self.fehler


@dataclass
class ImportVorschau:
    spalten: list[str]
    zeilen: list[ImportZeile] = field(default_factory=list)
    datei_fehler: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.datei_fehler and all(z.ok for z in self.zeilen) and bool(self.zeilen)

    @property
    def fehlerhafte_zeilen(self) -> list[ImportZeile]:
        return [z for z in self.zeilen if not z.ok]

    def zaehlung(self) -> dict[str, int]:
        zahlen = {ANGELEGT: 0, GEAENDERT: 0, UNVERAENDERT: 0}
        for z in self.zeilen:
            if z.ergebnis:
                zahlen[z.ergebnis] += 1
        return zahlen


def csv_dekodieren(inhalt: bytes) -> str:
    for kodierung in ("utf-8-sig", "cp1252"):
        try:
            return inhalt.decode(kodierung)
        except UnicodeDecodeError:
            continue
    raise ValueError("Die Datei ist weder UTF-8 noch Windows-1252 kodiert.")


class CsvImport:
    titel = "CSV-Import"
    spalten: list[str] = []
    pflichtspalten: list[str] | None = None
    schluessel: str | None = None
    trennzeichen = ";"

    def __init__(self, benutzer=None):
        self.benutzer = benutzer

    # --- to implement -------------------------------------------------------
    def zeile_pruefen(self, roh: dict) -> dict:
        """Return the parsed values of one row or raise ``ZeilenFehler``."""
        raise NotImplementedError

    def zeile_speichern(self, daten: dict) -> str:
        """Save one checked row; return ANGELEGT, GEAENDERT or UNVERAENDERT."""
        raise NotImplementedError

    def vorbereiten(self) -> None:
        """Hook: load lookup tables once before the rows are checked."""

    def nach_import(self, vorschau: ImportVorschau) -> None:
        """Hook inside the transaction after all rows were saved."""

    # --- mechanism ----------------------------------------------------------
    def pruefen(self, inhalt: bytes) -> ImportVorschau:
        """Parse and check the whole file without saving anything."""
        vorschau = ImportVorschau(spalten=list(self.spalten))
        try:
            text = csv_dekodieren(inhalt)
        except ValueError as exc:
            vorschau.datei_fehler.append(str(exc))
            return vorschau
        if "\x00" in text:
            # PostgreSQL refuses NUL in text; such a file is no CSV anyway.
            vorschau.datei_fehler.append("Die Datei enthält Nullzeichen und ist keine Textdatei.")
            return vorschau
        try:
            self._zeilen_pruefen(text, vorschau)
        except csv.Error:
            # In practice a cell longer than the csv module's limit (128 KiB).
            vorschau.datei_fehler.append(
                "Die Datei ist keine lesbare CSV-Datei: eine Zelle ist zu lang "
                "(höchstens 131.072 Zeichen)."
            )
        return vorschau

    def _zeilen_pruefen(self, text: str, vorschau: ImportVorschau) -> None:
        leser = csv.DictReader(io.StringIO(text, newline=""), delimiter=self.trennzeichen)
        kopf = [k.strip() for k in (leser.fieldnames or [])]
        leser.fieldnames = kopf
        fehlend = [s for s in (self.pflichtspalten or self.spalten) if s not in kopf]
        if not kopf:
            vorschau.datei_fehler.append("Die Datei ist leer.")
            return
        if fehlend:
            vorschau.datei_fehler.append(
                "Es fehlen Spalten: "
                + ", ".join(fehlend)
                + f". Erwartet wird die Kopfzeile: {self.trennzeichen.join(self.spalten)}"
            )
            return
        self.vorbereiten()
        gesehen: dict[str, int] = {}
        for nummer, roh in enumerate(leser, start=2):
            if nummer - 1 > MAX_ZEILEN:
                vorschau.datei_fehler.append(f"Mehr als {MAX_ZEILEN} Zeilen.")
                break
            # DictReader collects surplus cells under the key None.
            zu_viele_spalten = bool(roh.get(None))
            roh = {k: (v or "").strip() for k, v in roh.items() if k is not None}
            if not any(roh.values()) and not zu_viele_spalten:
                continue
            zeile = ImportZeile(zeilennummer=nummer, roh=roh)
            if zu_viele_spalten:
                zeile.fehler.append("Die Zeile hat mehr Spalten als die Kopfzeile.")
            try:
                zeile.daten = self.zeile_pruefen(roh)
            except ZeilenFehler as exc:
                zeile.fehler.extend(exc.meldungen)
            if self.schluessel and roh.get(self.schluessel):
                wert = roh[self.schluessel]
                if wert in gesehen:
                    zeile.fehler.append(
                        f"{self.schluessel} „{wert}“ steht schon in Zeile {gesehen[wert]}."
                    )
                else:
                    gesehen[wert] = nummer
            vorschau.zeilen.append(zeile)
        if not vorschau.zeilen and not vorschau.datei_fehler:
            vorschau.datei_fehler.append("Die Datei enthält keine Datenzeilen.")

    def importieren(self, inhalt: bytes) -> ImportVorschau:
        """Check and save the whole file in one transaction; all or nothing.

        Raises ``ImportAbgebrochen`` (with the preview) when any row is wrong.
        """
        with transaction.atomic():
            vorschau = self.pruefen(inhalt)
            if not vorschau.ok:
                raise ImportAbgebrochen(vorschau)
            for zeile in vorschau.zeilen:
                zeile.ergebnis = self.zeile_speichern(zeile.daten)
            self.nach_import(vorschau)
        return vorschau
