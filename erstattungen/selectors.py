"""Reads of the erstattungen area."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max
from django.utils import timezone

from pik_portal.models import Kreis
from pik_portal.selectors import organisationen_von

from .models import Spitzabrechnung, Vorauszahlung

BALKEN_X = 250
BALKEN_MAX = 400


@dataclass
class KreisGruppe:
    kreisschluessel: str
    name: str
    bezeichnung: str
    regierungsbezirk: str
    zahlungen: list = field(default_factory=list)
    summe: Decimal = Decimal("0.00")
    # Bar geometry of the SVG chart as strings with a dot (templates would localise numbers).
    balken_breite: str = "0"
    balken_text_x: str = "0"


@dataclass
class Uebersicht:
    filter: dict
    sortierung: str
    kreise: list
    summe: Decimal
    anzahl: int
    stand: object  # date or None


def stand_der_vorauszahlungen():
    """Date of the latest change of any Vorauszahlung (history includes deletions)."""
    letzte = Vorauszahlung.history.aggregate(m=Max("history_date"))["m"]
    if letzte is None:
        letzte = Vorauszahlung.objects.aggregate(m=Max("geaendert_am"))["m"]
    return letzte


def vorauszahlungen_uebersicht(
    jahr=None, regierungsbezirk=None, kreis=None, sortierung="kreis"
) -> Uebersicht:
    """Paid advances grouped per Kreis with exact Decimal sums.

    The HTML page, the CSV and the JSON export all read this one structure, so
    their sums cannot disagree. Two queries whatever the amount of data.
    """
    zeilen = Vorauszahlung.objects.filter(zahlungsdatum__isnull=False).select_related("kreis")
    if jahr:
        zeilen = zeilen.filter(abrechnungsjahr=jahr)
    if regierungsbezirk:
        zeilen = zeilen.filter(kreis__regierungsbezirk=regierungsbezirk)
    if kreis:
        zeilen = zeilen.filter(kreis__kreisschluessel=kreis)
    zeilen = zeilen.order_by(
        "kreis__kreisschluessel", "abrechnungsjahr", "zahlungsdatum", "buchungsreferenz"
    )

    gruppen: dict[str, KreisGruppe] = {}
    for z in zeilen:
        gruppe = gruppen.get(z.kreis.kreisschluessel)
        if gruppe is None:
            gruppe = gruppen[z.kreis.kreisschluessel] = KreisGruppe(
                kreisschluessel=z.kreis.kreisschluessel,
                name=z.kreis.name,
                bezeichnung=str(z.kreis),
                regierungsbezirk=z.kreis.regierungsbezirk,
            )
        gruppe.zahlungen.append(z)
        gruppe.summe += z.betrag

    kreise = list(gruppen.values())
    if sortierung == "betrag":
        kreise.sort(key=lambda g: (-g.summe, g.name))
    else:
        sortierung = "kreis"
        kreise.sort(key=lambda g: g.name)
    groesste = max((g.summe for g in kreise), default=Decimal(0))
    for g in kreise:
        breite = (g.summe * BALKEN_MAX / groesste) if groesste else Decimal(0)
        g.balken_breite = f"{breite:.1f}"
        g.balken_text_x = f"{BALKEN_X + breite + 8:.1f}"

    stand = stand_der_vorauszahlungen()
    return Uebersicht(
        filter={"jahr": jahr, "regierungsbezirk": regierungsbezirk, "kreis": kreis},
        sortierung=sortierung,
        kreise=kreise,
        summe=sum((g.summe for g in kreise), Decimal("0.00")),
        anzahl=sum(len(g.zahlungen) for g in kreise),
        stand=timezone.localdate(stand) if stand else None,
    )


def jahre_mit_zahlungen() -> list[int]:
    return list(
        Vorauszahlung.objects.filter(zahlungsdatum__isnull=False)
        .order_by("-abrechnungsjahr")
        .values_list("abrechnungsjahr", flat=True)
        .distinct()
    )


def kreis_auswahl():
    return list(Kreis.objects.order_by("name").values_list("kreisschluessel", "name"))


# --- Spitzabrechnung ------------------------------------------------------------


def kreis_organisationen_von(benutzer):
    """The user's organisations that are a Stadt- or Landkreis."""
    return organisationen_von(benutzer).filter(art__in=["stadtkreis", "landkreis"])


def spitzabrechnungen_von(benutzer):
    """Spitzabrechnungen the user may see: only those of his own Kreis organisations."""
    return Spitzabrechnung.objects.filter(
        organisation__in=kreis_organisationen_von(benutzer)
    ).select_related("organisation", "kreis")
