"""Demo data: advances for all 44 Kreise over three years and Spitzabrechnungen in each state."""

import datetime
from decimal import Decimal

from django.utils import timezone

from pik_portal.models import Kreis, Mitgliedschaft
from pik_portal.money import runden
from pik_portal.rollen import RP_SACHBEARBEITUNG

from . import services
from .models import Spitzabrechnung, Vorauszahlung

# Quarter → (month, day) of the payment.
ZAHLTAGE = {1: (3, 28), 2: (6, 27), 3: (9, 26), 4: (12, 12)}
Status = Spitzabrechnung.Status


def _vorauszahlungen(jahre, heute) -> int:
    neu = 0
    for kreis in Kreis.objects.all():
        basis = Decimal(kreis.einwohner or 200_000) * Decimal("0.9375")
        for jahr in jahre:
            for quartal in range(1, 5):
                monat, tag = ZAHLTAGE[quartal]
                datum = datetime.date(jahr, monat, tag)
                # Future quarters and every 13th Kreis' last quarter are only planned.
                geplant = datum > heute or (quartal == 4 and int(kreis.kreisschluessel) % 13 == 0)
                steigerung = 1 + Decimal(jahr - jahre[0]) * Decimal("0.06")
                betrag = runden(basis * steigerung + Decimal(quartal) * Decimal("17.35"))
                _, angelegt = Vorauszahlung.objects.get_or_create(
                    buchungsreferenz=f"VZ-{jahr}-{kreis.kreisschluessel}-Q{quartal}",
                    defaults={
                        "kreis": kreis,
                        "abrechnungsjahr": jahr,
                        "zeitraum": f"{quartal}. Quartal",
                        "betrag": betrag,
                        "zahlungsdatum": None if geplant else datum,
                    },
                )
                neu += angelegt
    return neu


def _zeichnungsberechtigt(org):
    m = (
        Mitgliedschaft.objects.filter(
            organisation=org, rolle=Mitgliedschaft.Rolle.ZEICHNUNGSBERECHTIGT
        )
        .select_related("benutzer")
        .first()
    )
    return m.benutzer if m else None


def _spitzabrechnung(org, jahr, ziel, rp, anteil_anerkannt: Decimal):
    if Spitzabrechnung.objects.filter(kreis=org.kreis, abrechnungsjahr=jahr).exists():
        return
    benutzer = _zeichnungsberechtigt(org)
    abrechnung = services.spitzabrechnung_anlegen(benutzer, org, jahr)
    # Declared costs around the year's advances, so both balances occur.
    vorauszahlungen = services.summe_gezahlter_vorauszahlungen(org.kreis, jahr) or Decimal(
        "1000000"
    )
    anteile = [Decimal(x) for x in ("0.38", "0.17", "0.21", "0.09", "0.12", "0.03")]
    positionen = list(abrechnung.positionen.all())
    betraege = {
        p.pk: runden(vorauszahlungen * Decimal("1.04") * a)
        for p, a in zip(positionen, anteile, strict=False)
    }
    services.spitzabrechnung_bearbeiten(
        benutzer,
        abrechnung,
        personen=850 + org.pk * 7,
        belegungstage=(850 + org.pk * 7) * 290,
        bemerkung="Demo-Abrechnung.",
        betraege=betraege,
    )
    if ziel == Status.ENTWURF:
        return
    services.spitzabrechnung_einreichen(benutzer, abrechnung)
    if ziel == Status.EINGEREICHT:
        return
    services.pruefung_beginnen(rp, abrechnung)
    services.anerkannte_betraege_erfassen(
        rp, abrechnung, {pk: runden(b * anteil_anerkannt) for pk, b in betraege.items()}
    )
    if ziel == Status.IN_PRUEFUNG:
        return
    services.spitzabrechnung_festsetzen(rp, abrechnung, "Demo: geprüft und festgesetzt.")


def demo_daten_anlegen(kontext: dict, ausgabe) -> None:
    heute = timezone.localdate()
    jahre = [heute.year - 2, heute.year - 1, heute.year]
    neu = _vorauszahlungen(jahre, heute)
    ausgabe.write(f"Erstattungen: {neu} Vorauszahlungen neu angelegt.")

    orgs = kontext["organisationen"]
    rp = kontext["rp"][RP_SACHBEARBEITUNG]
    vorjahr, vorvorjahr = heute.year - 1, heute.year - 2
    plan = [
        ("esslingen", vorvorjahr, Status.FESTGESETZT, Decimal("1.00")),  # Nachzahlung
        ("freiburg", vorvorjahr, Status.FESTGESETZT, Decimal("0.90")),  # Rückforderung
        ("ortenau", vorjahr, Status.IN_PRUEFUNG, Decimal("0.97")),
        ("tuebingen", vorjahr, Status.EINGEREICHT, Decimal("1")),
        ("heidelberg", vorjahr, Status.ENTWURF, Decimal("1")),
        ("esslingen", vorjahr, Status.ENTWURF, Decimal("1")),
    ]
    for key, jahr, ziel, anteil in plan:
        if key in orgs:
            _spitzabrechnung(orgs[key], jahr, ziel, rp, anteil)
    ausgabe.write("Erstattungen: Spitzabrechnungen in jedem Status angelegt.")
