"""Changes to the catalogue: the admin CSV import (and its matching export format)."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from pik_portal.csv_export import FORMEL_ANFAENGE
from pik_portal.csv_import import ANGELEGT, GEAENDERT, UNVERAENDERT, CsvImport, ZeilenFehler
from pik_portal.models import Kreis, Protokolleintrag

from .models import Handlungsfeld, Massnahme, Zielgruppe

SLUG_MUSTER = re.compile(r"^[-a-z0-9_]+$")
JA = {"ja", "j", "x", "1", "true", "wahr"}
NEIN = {"nein", "n", "", "0", "false", "falsch"}

# The scalar fields a row sets; the many-to-many fields are compared separately.
FELDER = [
    "titel",
    "kurzbeschreibung",
    "beschreibung",
    "handlungsfeld_id",
    "ressort",
    "traeger",
    "foerderprogramm",
    "landesweit",
    "beginn",
    "ende",
    "link",
    "kontakt",
    "veroeffentlicht",
]


def _text(wert: str) -> str:
    # Undo the apostrophe our own CSV export puts before formula-like cells.
    if len(wert) > 1 and wert[0] == "'" and wert[1] in FORMEL_ANFAENGE:
        return wert[1:]
    return wert


def _datum(wert: str) -> datetime.date:
    for muster in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(wert, muster).date()
        except ValueError:
            continue
    raise ValueError


def _liste(wert: str) -> list[str]:
    return [teil.strip() for teil in wert.split(",") if teil.strip()]


class MassnahmenImport(CsvImport):
    """Creates or updates measures by ``Slug``; a row equal to the database changes nothing."""

    titel = "Maßnahmen aus CSV importieren"
    spalten = [
        "Slug",
        "Titel",
        "Kurzbeschreibung",
        "Beschreibung",
        "Handlungsfeld",
        "Zielgruppen",
        "Ressort",
        "Träger",
        "Förderprogramm",
        "Landesweit",
        "Kreisschlüssel",
        "Beginn",
        "Ende",
        "Link",
        "Kontakt",
        "Veröffentlicht",
    ]
    schluessel = "Slug"

    def vorbereiten(self):
        self.handlungsfelder = {}
        for h in Handlungsfeld.objects.all():
            self.handlungsfelder[h.name.casefold()] = h
            self.handlungsfelder[h.slug.casefold()] = h
        self.zielgruppen = {}
        for z in Zielgruppe.objects.all():
            self.zielgruppen[z.name.casefold()] = z
            self.zielgruppen[z.slug.casefold()] = z
        self.kreise = {k.kreisschluessel: k for k in Kreis.objects.all()}

    def zeile_pruefen(self, roh: dict) -> dict:
        fehler: list[str] = []
        text = {spalte: _text(roh.get(spalte, "")) for spalte in self.spalten}

        def pflicht(spalte, laenge):
            wert = text[spalte]
            if not wert:
                fehler.append(f"{spalte} fehlt.")
            elif len(wert) > laenge:
                fehler.append(f"{spalte} ist länger als {laenge} Zeichen.")
            return wert

        def optional(spalte, laenge):
            wert = text[spalte]
            if len(wert) > laenge:
                fehler.append(f"{spalte} ist länger als {laenge} Zeichen.")
            return wert

        def ja_nein(spalte):
            wert = text[spalte].casefold()
            if wert in JA:
                return True
            if wert not in NEIN:
                fehler.append(f"{spalte} muss „ja“ oder „nein“ sein, nicht „{text[spalte]}“.")
            return False

        slug = pflicht("Slug", 200)
        if slug and not SLUG_MUSTER.match(slug):
            fehler.append(
                f"Slug „{slug}“ darf nur Kleinbuchstaben ohne Umlaute, Ziffern und Bindestriche enthalten."
            )
        daten = {
            "slug": slug,
            "titel": pflicht("Titel", 200),
            "kurzbeschreibung": pflicht("Kurzbeschreibung", 400),
            "beschreibung": text["Beschreibung"],
            "ressort": pflicht("Ressort", 200),
            "traeger": optional("Träger", 300),
            "foerderprogramm": optional("Förderprogramm", 300),
            "kontakt": text["Kontakt"],
            "landesweit": ja_nein("Landesweit"),
            "veroeffentlicht": ja_nein("Veröffentlicht"),
        }

        handlungsfeld = self.handlungsfelder.get(text["Handlungsfeld"].casefold())
        if not text["Handlungsfeld"]:
            fehler.append("Handlungsfeld fehlt.")
        elif handlungsfeld is None:
            fehler.append(f"Unbekanntes Handlungsfeld „{text['Handlungsfeld']}“.")
        daten["handlungsfeld_id"] = handlungsfeld.pk if handlungsfeld else None

        zielgruppen = set()
        for name in _liste(text["Zielgruppen"]):
            gruppe = self.zielgruppen.get(name.casefold())
            if gruppe is None:
                fehler.append(f"Unbekannte Zielgruppe „{name}“.")
            else:
                zielgruppen.add(gruppe.pk)
        daten["zielgruppen"] = zielgruppen

        kreise = set()
        for schluessel in _liste(text["Kreisschlüssel"]):
            kreis = self.kreise.get(schluessel)
            if kreis is None:
                fehler.append(f"Unbekannter Kreisschlüssel „{schluessel}“.")
            else:
                kreise.add(kreis.pk)
        daten["kreise"] = kreise
        if daten["landesweit"] and kreise:
            fehler.append("Eine landesweite Maßnahme darf keine Kreisschlüssel haben.")
        if not daten["landesweit"] and not kreise and not text["Kreisschlüssel"]:
            fehler.append("Entweder Landesweit = ja oder mindestens ein Kreisschlüssel.")

        daten["beginn"] = daten["ende"] = None
        if not text["Beginn"]:
            fehler.append("Beginn fehlt.")
        else:
            try:
                daten["beginn"] = _datum(text["Beginn"])
            except ValueError:
                fehler.append(f"Beginn „{text['Beginn']}“ ist kein Datum (TT.MM.JJJJ).")
        if text["Ende"]:
            try:
                daten["ende"] = _datum(text["Ende"])
            except ValueError:
                fehler.append(f"Ende „{text['Ende']}“ ist kein Datum (TT.MM.JJJJ).")
        if daten["beginn"] and daten["ende"] and daten["ende"] < daten["beginn"]:
            fehler.append("Ende liegt vor dem Beginn.")

        daten["link"] = optional("Link", 500)
        if daten["link"]:
            try:
                URLValidator(schemes=["http", "https"])(daten["link"])
            except ValidationError:
                fehler.append(f"Link „{daten['link']}“ ist keine gültige http(s)-Adresse.")

        if fehler:
            raise ZeilenFehler(fehler)
        return daten

    def nach_import(self, vorschau) -> None:
        zahlen = vorschau.zaehlung()
        Protokolleintrag.objects.create(
            benutzer=self.benutzer,
            aktion="massnahmen_import",
            beschreibung=(
                f"CSV-Import Maßnahmen: {zahlen[ANGELEGT]} angelegt, "
                f"{zahlen[GEAENDERT]} geändert, {zahlen[UNVERAENDERT]} unverändert."
            ),
        )

    def zeile_speichern(self, daten: dict) -> str:
        werte = {feld: daten[feld] for feld in FELDER}
        massnahme = Massnahme.objects.select_for_update().filter(slug=daten["slug"]).first()
        if massnahme is None:
            massnahme = Massnahme.objects.create(slug=daten["slug"], **werte)
            massnahme.zielgruppen.set(daten["zielgruppen"])
            massnahme.kreise.set(daten["kreise"])
            return ANGELEGT
        alte_zielgruppen = set(massnahme.zielgruppen.values_list("pk", flat=True))
        alte_kreise = set(massnahme.kreise.values_list("pk", flat=True))
        geaendert = [f for f in FELDER if getattr(massnahme, f) != werte[f]]
        if (
            not geaendert
            and alte_zielgruppen == daten["zielgruppen"]
            and alte_kreise == daten["kreise"]
        ):
            # Not saved at all, so "zuletzt aktualisiert" stays as it was.
            return UNVERAENDERT
        for feld in FELDER:
            setattr(massnahme, feld, werte[feld])
        massnahme.save()
        if alte_zielgruppen != daten["zielgruppen"]:
            massnahme.zielgruppen.set(daten["zielgruppen"])
        if alte_kreise != daten["kreise"]:
            massnahme.kreise.set(daten["kreise"])
        return GEAENDERT


def import_zeile(m: Massnahme) -> list:
    """One measure in the import format (for the admin export; re-importing changes nothing)."""
    return [
        m.slug,
        m.titel,
        m.kurzbeschreibung,
        m.beschreibung,
        m.handlungsfeld.name,
        ", ".join(z.name for z in m.zielgruppen.all()),
        m.ressort,
        m.traeger,
        m.foerderprogramm,
        m.landesweit,
        ", ".join(k.kreisschluessel for k in m.kreise.all()),
        m.beginn,
        m.ende,
        m.link,
        m.kontakt,
        m.veroeffentlicht,
    ]


@transaction.atomic
def veroeffentlichung_setzen(massnahmen, veroeffentlicht: bool, akteur=None) -> int:
    """Publish or withdraw measures, with one audit row each; returns how many changed."""
    geaendert = 0
    for m in massnahmen.select_for_update().exclude(veroeffentlicht=veroeffentlicht):
        m.veroeffentlicht = veroeffentlicht
        m.save(update_fields=["veroeffentlicht", "geaendert_am"])
        Protokolleintrag.objects.create(
            benutzer=akteur,
            aktion="massnahme_veroeffentlicht" if veroeffentlicht else "massnahme_zurueckgezogen",
            beschreibung=f"Maßnahme „{m.titel}“ ({m.slug}) "
            + ("veröffentlicht." if veroeffentlicht else "zurückgezogen."),
        )
        geaendert += 1
    return geaendert
