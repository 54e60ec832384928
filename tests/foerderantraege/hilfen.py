"""Bring an application into any status – always through the services."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from foerderantraege import services
from foerderantraege.models import Entscheidung, Foerderantrag, Status
from pik_portal.models import Mitgliedschaft
from tests.factories import (
    OrganisationFactory,
    mitglied,
    planungsrahmen,
    referatsleitung,
    sachbearbeitung,
    vollstaendiger_antrag,
)


@dataclass
class Beteiligte:
    mitglied: object
    zeichnungsberechtigt: object
    sachbearbeitung: object
    referatsleitung: object
    fremd: object

    def nach_rolle(self, rolle):
        return getattr(self, rolle)


def beteiligte(organisation) -> Beteiligte:
    return Beteiligte(
        mitglied=mitglied(organisation, rolle=Mitgliedschaft.Rolle.MITGLIED),
        zeichnungsberechtigt=mitglied(organisation),
        sachbearbeitung=sachbearbeitung(),
        referatsleitung=referatsleitung(),
        fremd=mitglied(OrganisationFactory()),
    )


def daten_fuer(antrag) -> dict:
    """Inputs that satisfy every step's own checks."""
    return {
        "text": "Bitte reichen Sie die Stellenbeschreibung nach.",
        "frist": timezone.localdate() + dt.timedelta(days=14),
        "antwort": "Die Stellenbeschreibung liegt bei.",
        "art": Entscheidung.Art.BEWILLIGEN,
        "betrag": antrag.beantragter_betrag,
        "begruendung": "Die Voraussetzungen der VwV sind erfüllt.",
    }


def antrag_im_status(status, *, ablehnen=False, organisation=None):
    """A complete application in ``status`` plus the people around it."""
    organisation = organisation or OrganisationFactory()
    leute = beteiligte(organisation)
    antrag = vollstaendiger_antrag(organisation, benutzer=leute.mitglied)
    planungsrahmen(antrag.aufruf, organisation.kreis)
    pk = antrag.pk
    if status == Status.ENTWURF:
        return Foerderantrag.objects.get(pk=pk), leute
    if status == Status.ZURUECKGEZOGEN:
        services.antrag_zurueckziehen(pk, leute.mitglied)
        return Foerderantrag.objects.get(pk=pk), leute
    services.antrag_einreichen(pk, leute.zeichnungsberechtigt)
    if status == Status.EINGEREICHT:
        return Foerderantrag.objects.get(pk=pk), leute
    services.pruefung_beginnen(pk, leute.sachbearbeitung)
    if status == Status.NACHFORDERUNG:
        services.nachforderung_stellen(
            pk,
            leute.sachbearbeitung,
            text="Bitte Stellenbeschreibung nachreichen.",
            frist=timezone.localdate() + dt.timedelta(days=14),
        )
    if status in (Status.IN_PRUEFUNG, Status.NACHFORDERUNG):
        return Foerderantrag.objects.get(pk=pk), leute
    antrag = Foerderantrag.objects.get(pk=pk)
    ablehnen = status == Status.ABGELEHNT or (ablehnen and status == Status.ENTSCHEIDUNGSVORSCHLAG)
    services.entscheidung_vorschlagen(
        pk,
        leute.sachbearbeitung,
        art=Entscheidung.Art.ABLEHNEN if ablehnen else Entscheidung.Art.BEWILLIGEN,
        betrag=None if ablehnen else antrag.beantragter_betrag,
        begruendung="Geprüft.",
    )
    if status == Status.ENTSCHEIDUNGSVORSCHLAG:
        return Foerderantrag.objects.get(pk=pk), leute
    services.entscheidung_zeichnen(pk, referatsleitung())
    return Foerderantrag.objects.get(pk=pk), leute
