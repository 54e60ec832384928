"""Reads of the applicant area: scoped querysets and the state of each section."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pik_portal.models import Kreis
from pik_portal.selectors import organisationen_von

from .models import Foerderantrag, Foerderaufruf, Planungsrahmen, Status


def antraege_von(benutzer):
    """Applications of the user's organisations – the base of every applicant view."""
    return Foerderantrag.objects.filter(organisation__in=organisationen_von(benutzer))


def eigener_antrag_oder_404(benutzer, pk) -> Foerderantrag:
    qs = antraege_von(benutzer).select_related("aufruf", "organisation", "organisation__kreis")
    return get_object_or_404(qs, pk=pk)


def offene_aufrufe(jetzt=None):
    """Published calls whose deadline has not passed."""
    jetzt = jetzt or timezone.now()
    return Foerderaufruf.objects.filter(veroeffentlicht=True, antragsfrist__gte=jetzt)


def stelle_fehler(stelle, aufruf) -> list[str]:
    """What is wrong with a position against the rules of its Aufruf (German messages)."""
    fehler = []
    if stelle.vzae < aufruf.mindest_vzae or stelle.vzae > 1:
        fehler.append(
            _("Der Stellenanteil muss zwischen %(min)s und 1,00 VZÄ liegen.")
            % {"min": f"{aufruf.mindest_vzae:.2f}".replace(".", ",")}
        )
    if stelle.beginn and stelle.beginn.day != 1:
        fehler.append(_("Der Beginn muss der Erste eines Monats sein."))
    if stelle.ende and (stelle.ende + timedelta(days=1)).day != 1:
        fehler.append(_("Das Ende muss der letzte Tag eines Monats sein."))
    if stelle.beginn and stelle.ende:
        if stelle.ende <= stelle.beginn:
            fehler.append(_("Das Ende muss nach dem Beginn liegen."))
        if stelle.beginn < aufruf.foerderzeitraum_von or stelle.ende > aufruf.foerderzeitraum_bis:
            fehler.append(
                _("Die Stelle muss im Förderzeitraum vom %(von)s bis %(bis)s liegen.")
                % {
                    "von": aufruf.foerderzeitraum_von.strftime("%d.%m.%Y"),
                    "bis": aufruf.foerderzeitraum_bis.strftime("%d.%m.%Y"),
                }
            )
    if stelle.festbetrag_id and stelle.festbetrag.aufruf_id != aufruf.pk:
        fehler.append(_("Die Qualifikationsstufe gehört nicht zu diesem Förderaufruf."))
    if stelle.traegerschaft == stelle.Traegerschaft.WEITERLEITUNG and not (
        stelle.traeger_name and stelle.traeger_anschrift
    ):
        fehler.append(_("Bei Weiterleitung bitte Name und Anschrift des freien Trägers angeben."))
    return fehler


@dataclass
class Abschnitt:
    schluessel: str
    titel: str
    erledigt: bool
    url: str


def abschnitte(antrag: Foerderantrag) -> list[Abschnitt]:
    """The sections of the task list with their state (offen / erledigt)."""
    stellen = list(antrag.stellen.select_related("festbetrag"))
    stellen_ok = bool(stellen) and not any(stelle_fehler(s, antrag.aufruf) for s in stellen)

    def url(name):
        return reverse(f"foerderantraege:{name}", args=[antrag.pk])

    return [
        Abschnitt(
            "antragsteller",
            _("Antragsteller und Ansprechperson"),
            bool(
                antrag.ansprechperson_name
                and antrag.ansprechperson_email
                and antrag.ansprechperson_telefon
                and antrag.anzahl_gefluechtete is not None
            ),
            url("antragsteller"),
        ),
        Abschnitt("stellen", _("Stellen"), stellen_ok, url("stellen")),
        Abschnitt("finanzierung", _("Finanzierung"), stellen_ok, url("finanzierung")),
        Abschnitt(
            "bankverbindung",
            _("Bankverbindung"),
            bool(antrag.kontoinhaber and antrag.iban),
            url("bankverbindung"),
        ),
        Abschnitt("anlagen", _("Anlagen"), antrag.anlagen.exists(), url("anlagen")),
        Abschnitt(
            "erklaerungen",
            _("Erklärungen"),
            antrag.erklaerung_richtigkeit
            and antrag.erklaerung_kein_vorhabenbeginn
            and antrag.erklaerung_subventionserheblich,
            url("erklaerungen"),
        ),
    ]


def planungsrahmen_stand(aufruf, kreis) -> dict:
    """Planungsrahmen of a Kreis with the sums granted and requested so far."""
    rahmen = Planungsrahmen.objects.filter(aufruf=aufruf, kreis=kreis).first()
    summen = Foerderantrag.objects.filter(aufruf=aufruf, organisation__kreis=kreis).aggregate(
        bewilligt=Sum("bewilligter_betrag", filter=Q(status=Status.BEWILLIGT)),
        beantragt=Sum(
            "beantragter_betrag",
            filter=~Q(status__in=[Status.ENTWURF, Status.ZURUECKGEZOGEN]),
        ),
    )
    bewilligt = summen["bewilligt"] or Decimal("0")
    beantragt = summen["beantragt"] or Decimal("0")
    betrag = rahmen.betrag if rahmen else None
    return {
        "rahmen": betrag,
        "bewilligt": bewilligt,
        "beantragt": beantragt,
        "rest": (betrag - bewilligt) if betrag is not None else None,
    }


def aufruf_uebersicht(aufruf) -> list[dict]:
    """Per Kreis: Planungsrahmen, requested, granted, remainder (three queries)."""
    rahmen = {p.kreis_id: p.betrag for p in aufruf.planungsrahmen.all()}
    summen = {
        z["organisation__kreis"]: z
        for z in Foerderantrag.objects.filter(aufruf=aufruf)
        .values("organisation__kreis")
        .annotate(
            bewilligt=Sum("bewilligter_betrag", filter=Q(status=Status.BEWILLIGT)),
            beantragt=Sum(
                "beantragter_betrag",
                filter=~Q(status__in=[Status.ENTWURF, Status.ZURUECKGEZOGEN]),
            ),
            anzahl=Count("pk", filter=~Q(status=Status.ENTWURF)),
        )
    }
    zeilen = []
    for kreis in Kreis.objects.all():
        s = summen.get(kreis.pk, {})
        betrag = rahmen.get(kreis.pk, Decimal("0"))
        bewilligt = s.get("bewilligt") or Decimal("0")
        zeilen.append(
            {
                "kreis": kreis,
                "rahmen": betrag,
                "beantragt": s.get("beantragt") or Decimal("0"),
                "bewilligt": bewilligt,
                "rest": betrag - bewilligt,
                "anzahl": s.get("anzahl") or 0,
            }
        )
    return zeilen
