"""Amounts of the Integrationsmanagement funding – Decimal and integers only.

A position's amount is VZÄ × Festbetrag je VZÄ und Jahr × Monate / 12, rounded
once (half up, to the cent); the amount of an application is the sum of its
rounded position amounts, so the notice's table always adds up.
"""

from collections.abc import Hashable, Iterable
from datetime import date
from decimal import Decimal

from pik_portal.money import runden


def monate_zwischen(beginn: date, ende: date) -> int:
    """Calendar months from ``beginn`` to ``ende``, both months counted."""
    return (ende.year - beginn.year) * 12 + ende.month - beginn.month + 1


def stellenbetrag(vzae: Decimal, festbetrag_jahr: Decimal, monate: int) -> Decimal:
    """VZÄ × Festbetrag × Monate / 12, rounded once to the cent."""
    for wert in (vzae, festbetrag_jahr):
        if not isinstance(wert, Decimal):
            raise TypeError("Beträge und Stellenanteile nur als Decimal übergeben.")
    return runden(vzae * festbetrag_jahr * monate / Decimal(12))


def antragsbetrag(stellen: Iterable) -> Decimal:
    """Sum of the rounded amounts of the positions (objects with ``.betrag``)."""
    return sum((s.betrag for s in stellen), Decimal("0.00"))


def nach_groessten_resten(gesamt: int, gewichte: dict[Hashable, int]) -> dict[Hashable, int]:
    """Split ``gesamt`` whole units by ``gewichte`` (Hare–Niemeyer / largest remainder).

    The parts add up exactly to ``gesamt``. Ties in the remainder go to the larger
    weight, then to the key that sorts first, so the result is reproducible.
    """
    if gesamt < 0:
        raise ValueError("Der zu verteilende Betrag darf nicht negativ sein.")
    if any(g < 0 for g in gewichte.values()):
        raise ValueError("Gewichte dürfen nicht negativ sein.")
    summe = sum(gewichte.values())
    if summe <= 0:
        raise ValueError("Die Summe der Gewichte muss größer als null sein.")
    anteile = {}
    reste = []
    for schluessel, gewicht in gewichte.items():
        ganz, rest = divmod(gesamt * gewicht, summe)
        anteile[schluessel] = ganz
        reste.append((-rest, -gewicht, str(schluessel), schluessel))
    fehlend = gesamt - sum(anteile.values())
    for *_, schluessel in sorted(reste)[:fehlend]:
        anteile[schluessel] += 1
    return anteile
