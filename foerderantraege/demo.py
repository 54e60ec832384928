"""Demo data: an open Förderaufruf with Planungsrahmen and applications in every status.

Idempotent: the Aufruf is found by its title; applications are only created while
the Aufruf has none.
"""

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pik_portal.models import Mitgliedschaft
from pik_portal.pdf import pdf_rendern

from . import services
from .models import Entscheidung, Festbetrag, Foerderaufruf, Status

TITEL = "Integrationsmanagement 2027–2028"

# (organisation key, target status, positions as (VZÄ, Monate ab 01.01.2027))
ANTRAEGE = [
    ("esslingen", Status.ENTWURF, [("1.00", 24)]),
    ("esslingen", Status.EINGEREICHT, [("0.50", 24), ("0.75", 12)]),
    ("freiburg", Status.IN_PRUEFUNG, [("1.00", 24), ("1.00", 24)]),
    ("freiburg", Status.NACHFORDERUNG, [("0.50", 18)]),
    ("ortenau", Status.ENTSCHEIDUNGSVORSCHLAG, [("1.00", 24), ("0.50", 24)]),
    ("tuebingen", Status.BEWILLIGT, [("1.00", 24)]),
    ("heidelberg", Status.ABGELEHNT, [("0.25", 12)]),
    ("heidelberg", Status.ZURUECKGEZOGEN, [("0.50", 12)]),
]


def _monatsende(jahr, monat):
    naechster = dt.date(jahr + monat // 12, monat % 12 + 1, 1)
    return naechster - dt.timedelta(days=1)


def demo_daten_anlegen(kontext: dict, ausgabe) -> None:
    sachbearbeitung = kontext["rp"]["RP-Sachbearbeitung"]
    referatsleitung = kontext["rp"]["RP-Referatsleitung"]
    aufruf, neu = Foerderaufruf.objects.get_or_create(
        titel=TITEL,
        defaults={
            "foerderzeitraum_von": dt.date(2027, 1, 1),
            "foerderzeitraum_bis": dt.date(2028, 12, 31),
            "antragsfrist": timezone.now() + dt.timedelta(days=90),
            "gesamtbudget": Decimal("58000000.00"),
            "veroeffentlicht": True,
        },
    )
    for i, (stufe, betrag) in enumerate(
        [
            ("Hochschulabschluss (Soziale Arbeit o. ä.)", Decimal("68000.00")),
            ("mittlerer Abschluss mit Berufsausbildung", Decimal("61000.00")),
        ]
    ):
        Festbetrag.objects.get_or_create(
            aufruf=aufruf,
            qualifikationsstufe=stufe,
            defaults={"betrag_je_vzae_jahr": betrag, "reihenfolge": i},
        )
    if not aufruf.planungsrahmen.exists():
        services.planungsrahmen_verteilen(aufruf.pk, sachbearbeitung)
    if aufruf.antraege.exists():
        ausgabe.write(f"Förderaufruf „{TITEL}“ besteht bereits.")
        return

    anlage_pdf = pdf_rendern(
        "pdf/probe.html",
        {"titel": "Stellenbeschreibung", "text": "Integrationsmanagement (Demo)", "betrag": ""},
    )
    festbetrag = aufruf.festbetraege.first()
    for schluessel, ziel, stellen in ANTRAEGE:
        organisation = kontext["organisationen"][schluessel]
        zeichnungsberechtigt = (
            Mitgliedschaft.objects.filter(
                organisation=organisation, rolle=Mitgliedschaft.Rolle.ZEICHNUNGSBERECHTIGT
            )
            .select_related("benutzer")
            .first()
            .benutzer
        )
        antrag = services.antrag_anlegen(
            aufruf_id=aufruf.pk, organisation=organisation, akteur=zeichnungsberechtigt
        )
        services.entwurf_aendern(
            antrag.pk,
            zeichnungsberechtigt,
            ansprechperson_name=zeichnungsberechtigt.name,
            ansprechperson_email=zeichnungsberechtigt.email,
            ansprechperson_telefon="0711 904-0",
            anzahl_gefluechtete=150 * len(stellen),
            iban="DE02120300000000202051",
            erklaerung_richtigkeit=True,
            erklaerung_kein_vorhabenbeginn=True,
            erklaerung_subventionserheblich=True,
        )
        for nummer, (vzae, monate) in enumerate(stellen, start=1):
            services.stelle_speichern(
                antrag.pk,
                zeichnungsberechtigt,
                bezeichnung=f"Integrationsmanagement {organisation.ort} {nummer}",
                vzae=Decimal(vzae),
                festbetrag=festbetrag,
                beginn=dt.date(2027, 1, 1),
                ende=_monatsende(2027 + (monate - 1) // 12, (monate - 1) % 12 + 1),
                einsatzort=organisation.ort,
                traegerschaft="eigen" if nummer == 1 else "weiterleitung",
                traeger_name="" if nummer == 1 else "Caritasverband (Demo)",
                traeger_anschrift="" if nummer == 1 else "Kirchplatz 1, 70173 Stuttgart",
            )
        if ziel == Status.ENTWURF:
            continue  # a draft with everything but the attachment
        services.anlage_hochladen(
            antrag.pk,
            zeichnungsberechtigt,
            SimpleUploadedFile("stellenbeschreibung.pdf", anlage_pdf),
            "Stellenbeschreibung",
        )
        if ziel == Status.ZURUECKGEZOGEN:
            services.antrag_zurueckziehen(antrag.pk, zeichnungsberechtigt, "Stelle entfällt.")
            continue
        services.antrag_einreichen(antrag.pk, zeichnungsberechtigt)
        if ziel == Status.EINGEREICHT:
            continue
        services.pruefung_beginnen(antrag.pk, sachbearbeitung)
        if ziel == Status.NACHFORDERUNG:
            services.nachforderung_stellen(
                antrag.pk,
                sachbearbeitung,
                text="Bitte reichen Sie die Kooperationsvereinbarung mit dem freien Träger nach.",
                frist=timezone.localdate() + dt.timedelta(days=21),
            )
        if ziel in (Status.IN_PRUEFUNG, Status.NACHFORDERUNG):
            continue
        antrag.refresh_from_db()
        ablehnen = ziel == Status.ABGELEHNT
        services.entscheidung_vorschlagen(
            antrag.pk,
            sachbearbeitung,
            art=Entscheidung.Art.ABLEHNEN if ablehnen else Entscheidung.Art.BEWILLIGEN,
            betrag=None if ablehnen else antrag.beantragter_betrag,
            begruendung="Die Stadt Heidelberg hat für den Aufruf bereits eine Förderung erhalten."
            if ablehnen
            else "Die Voraussetzungen der VwV Integrationsmanagement sind erfüllt.",
        )
        if ziel == Status.ENTSCHEIDUNGSVORSCHLAG:
            continue
        services.entscheidung_zeichnen(antrag.pk, referatsleitung)
    ausgabe.write(
        f"Förderaufruf „{TITEL}“ mit Planungsrahmen für 44 Kreise und "
        f"{len(ANTRAEGE)} Anträgen angelegt."
    )
