"""Rows of the CSV and JSON exports (same columns, same order as the table)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Massnahme

EXPORT_SPALTEN = [
    ("titel", "Titel"),
    ("kurzbeschreibung", "Kurzbeschreibung"),
    ("handlungsfeld", "Handlungsfeld"),
    ("zielgruppen", "Zielgruppen"),
    ("ressort", "Ressort"),
    ("traeger", "Träger"),
    ("foerderprogramm", "Förderprogramm"),
    ("region", "Region"),
    ("kreisschluessel", "Kreisschlüssel"),
    ("beginn", "Beginn"),
    ("ende", "Ende"),
    ("link", "Link"),
    ("kontakt", "Kontakt"),
    ("zuletzt_aktualisiert", "Zuletzt aktualisiert"),
    ("adresse", "Adresse im Portal"),
]


def export_kopfzeile() -> list[str]:
    return [_(titel) for _schluessel, titel in EXPORT_SPALTEN]


def export_datensatz(m: Massnahme, basis_url: str) -> dict:
    """One measure as plain values (dates as ISO strings for JSON)."""
    return {
        "slug": m.slug,
        "titel": m.titel,
        "kurzbeschreibung": m.kurzbeschreibung,
        "handlungsfeld": m.handlungsfeld.name,
        "zielgruppen": [z.name for z in m.zielgruppen.all()],
        "ressort": m.ressort,
        "traeger": m.traeger,
        "foerderprogramm": m.foerderprogramm,
        "landesweit": m.landesweit,
        "region": m.region_text(),
        "kreisschluessel": [k.kreisschluessel for k in m.kreise.all()],
        "beginn": m.beginn.isoformat(),
        "ende": m.ende.isoformat() if m.ende else None,
        "link": m.link,
        "kontakt": m.kontakt,
        "zuletzt_aktualisiert": timezone.localdate(m.geaendert_am).isoformat(),
        "beispielinhalt": m.beispielinhalt,
        "adresse": basis_url + m.get_absolute_url(),
    }


def export_zeile(m: Massnahme, basis_url: str) -> list:
    """One CSV line; dates stay dates so the CSV writer formats them German."""
    return [
        m.titel,
        m.kurzbeschreibung,
        m.handlungsfeld.name,
        ", ".join(z.name for z in m.zielgruppen.all()),
        m.ressort,
        m.traeger,
        m.foerderprogramm,
        m.region_text(),
        ", ".join(k.kreisschluessel for k in m.kreise.all()),
        m.beginn,
        m.ende,
        m.link,
        m.kontakt,
        timezone.localdate(m.geaendert_am),
        basis_url + m.get_absolute_url(),
    ]
