"""Context for the PDF documents: only the amounts stored on the Bescheid."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from pik_portal.money import betrag_in_worten, euro, zahl_formatieren


def _absender(aufruf) -> dict:
    return {
        "behoerde": aufruf.behoerde,
        "referat": aufruf.referat,
        "behoerde_anschrift": aufruf.behoerde_anschrift.splitlines(),
    }


def bescheid_kontext(bescheid) -> dict:
    antrag = bescheid.antrag
    aufruf = antrag.aufruf
    entscheidung = bescheid.entscheidung
    zeilen = [
        {
            **z,
            "vzae_text": zahl_formatieren(Decimal(z["vzae"])),
            "festbetrag_text": euro(Decimal(z["festbetrag"])),
            "betrag_text": euro(Decimal(z["betrag"])),
            "zeitraum": f"{date.fromisoformat(z['beginn']):%d.%m.%Y}\u00a0– "
            f"{date.fromisoformat(z['ende']):%d.%m.%Y}",
        }
        for z in bescheid.berechnung
    ]
    summe = sum((Decimal(z["betrag"]) for z in bescheid.berechnung), Decimal("0"))
    beginn = min((date.fromisoformat(z["beginn"]) for z in bescheid.berechnung), default=None)
    ende = max((date.fromisoformat(z["ende"]) for z in bescheid.berechnung), default=None)
    return {
        "titel": f"{bescheid.get_art_display()} {antrag.aktenzeichen}",
        "absender": aufruf.behoerde,
        "bescheid": bescheid,
        "bewilligung": bescheid.art == bescheid.Art.ZUWENDUNG,
        "antrag": antrag,
        "aufruf": aufruf,
        "entscheidung": entscheidung,
        "anschrift": antrag.organisation.anschrift_zeilen,
        "zeilen": zeilen,
        "summe_text": euro(summe),
        "beantragt_text": euro(bescheid.beantragter_betrag),
        "bewilligt_text": euro(bescheid.bewilligter_betrag),
        "bewilligt_worte": betrag_in_worten(bescheid.bewilligter_betrag),
        "kuerzung": bescheid.bewilligter_betrag < summe,
        "zeitraum_beginn": beginn,
        "zeitraum_ende": ende,
        "datum": bescheid.datum,
        "eingang": timezone.localtime(antrag.eingereicht_am) if antrag.eingereicht_am else None,
        **_absender(aufruf),
    }


def eingangsbestaetigung_kontext(antrag) -> dict:
    return {
        "titel": f"Eingangsbestätigung {antrag.aktenzeichen}",
        "absender": antrag.aufruf.behoerde,
        "antrag": antrag,
        "aufruf": antrag.aufruf,
        "anschrift": antrag.organisation.anschrift_zeilen,
        "eingang": timezone.localtime(antrag.eingereicht_am),
        "beantragt_text": euro(antrag.beantragter_betrag),
        "stellen": list(antrag.stellen.select_related("festbetrag")),
        **_absender(antrag.aufruf),
    }
