"""Everything that changes state in the erstattungen area."""

import logging
from decimal import Decimal

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from pik_portal.dokumente import RenderStatus, pdf_pruefen
from pik_portal.models import Protokolleintrag
from pik_portal.money import betrag_maschinell, euro, runden
from pik_portal.selectors import mitgliedschaft_von

from .models import (
    ERLAUBTE_UEBERGAENGE,
    KREIS,
    Abrechnungsanlage,
    Abrechnungsbescheid,
    Abrechnungsposition,
    Abrechnungsstatusaenderung,
    Kostenkategorie,
    Spitzabrechnung,
    Vorauszahlung,
)

Status = Spitzabrechnung.Status
logger = logging.getLogger(__name__)

# --- cache of the public list ---------------------------------------------------

CACHE_VERSION_KEY = "erstattungen:vorauszahlungen:version"


def cache_version() -> int:
    version = cache.get(CACHE_VERSION_KEY)
    if version is None:
        # A fresh cache: start at a time-based value so old entries never match again.
        version = int(timezone.now().timestamp())
        cache.add(CACHE_VERSION_KEY, version, timeout=None)
        version = cache.get(CACHE_VERSION_KEY, version)
    return version


def vorauszahlungen_cache_leeren() -> None:
    """Make every cached page and export of the public list stale (bump the version)."""
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, int(timezone.now().timestamp()) + 1, timeout=None)


# --- Spitzabrechnung ------------------------------------------------------------


class UebergangNichtErlaubt(PermissionDenied):
    pass


def _ist_kreis_zeichnungsberechtigt(benutzer, organisation) -> bool:
    mitgliedschaft = mitgliedschaft_von(benutzer, organisation)
    return bool(
        organisation.ist_kreis and mitgliedschaft and mitgliedschaft.ist_zeichnungsberechtigt
    )


def _darf(benutzer, rollen, organisation) -> bool:
    for rolle in rollen:
        if rolle == KREIS:
            if _ist_kreis_zeichnungsberechtigt(benutzer, organisation):
                return True
        elif benutzer.is_staff and benutzer.hat_rolle(rolle):
            return True
    return False


def spitzabrechnung_anlegen(benutzer, organisation, abrechnungsjahr: int) -> Spitzabrechnung:
    """Create the draft of one year for a Kreis organisation with one row per active category."""
    if not organisation.ist_kreis or mitgliedschaft_von(benutzer, organisation) is None:
        raise PermissionDenied(_("Nur Stadt- und Landkreise reichen eine Spitzabrechnung ein."))
    schon_da = ValidationError(
        _("Für %(jahr)s gibt es schon eine Spitzabrechnung dieses Kreises.")
        % {"jahr": abrechnungsjahr}
    )
    with transaction.atomic():
        if Spitzabrechnung.objects.filter(
            kreis=organisation.kreis, abrechnungsjahr=abrechnungsjahr
        ).exists():
            raise schon_da
        try:
            # The unique constraint decides when two people create the same year at once.
            with transaction.atomic():
                abrechnung = Spitzabrechnung.objects.create(
                    organisation=organisation,
                    kreis=organisation.kreis,
                    abrechnungsjahr=abrechnungsjahr,
                )
        except IntegrityError:
            raise schon_da from None
        Abrechnungsposition.objects.bulk_create(
            Abrechnungsposition(spitzabrechnung=abrechnung, kategorie=k)
            for k in Kostenkategorie.objects.filter(aktiv=True)
        )
        Abrechnungsstatusaenderung.objects.create(
            spitzabrechnung=abrechnung,
            benutzer=benutzer,
            von_status="",
            nach_status=Status.ENTWURF,
            bemerkung=_("angelegt"),
        )
    return abrechnung


def _gesperrt(abrechnung) -> Spitzabrechnung:
    return Spitzabrechnung.objects.select_for_update().get(pk=abrechnung.pk)


def _entwurf_sperren(benutzer, abrechnung, meldung: str) -> Spitzabrechnung:
    """Lock a draft for a change by a member of its organisation (inside a transaction)."""
    abrechnung = _gesperrt(abrechnung)
    if mitgliedschaft_von(benutzer, abrechnung.organisation) is None:
        raise PermissionDenied
    if abrechnung.status != Status.ENTWURF:
        raise ValidationError(meldung)
    return abrechnung


def spitzabrechnung_bearbeiten(
    benutzer, abrechnung, *, personen, belegungstage, bemerkung, betraege: dict
) -> Spitzabrechnung:
    """Save the declared figures of a draft. ``betraege`` maps position id → Decimal."""
    with transaction.atomic():
        abrechnung = _entwurf_sperren(
            benutzer, abrechnung, _("Nur ein Entwurf kann bearbeitet werden.")
        )
        abrechnung.personen = personen
        abrechnung.belegungstage = belegungstage
        abrechnung.bemerkung = bemerkung
        abrechnung.save(update_fields=["personen", "belegungstage", "bemerkung", "geaendert_am"])
        for position in abrechnung.positionen.all():
            if position.pk in betraege:
                position.betrag_erklaert = runden(betraege[position.pk] or Decimal(0))
                position.save(update_fields=["betrag_erklaert"])
    return abrechnung


def anlage_hinzufuegen(benutzer, abrechnung, *, bezeichnung, datei) -> Abrechnungsanlage:
    """Attach a PDF (checked by its content, at most 10 MB) to a draft."""
    pdf_pruefen(datei)
    with transaction.atomic():
        abrechnung = _entwurf_sperren(
            benutzer, abrechnung, _("Anlagen können nur im Entwurf hinzugefügt werden.")
        )
        return Abrechnungsanlage.objects.create(
            spitzabrechnung=abrechnung,
            bezeichnung=bezeichnung,
            datei=datei,
            hochgeladen_von=benutzer,
        )


def anerkannte_betraege_erfassen(benutzer, abrechnung, betraege: dict) -> Spitzabrechnung:
    """The RP records the recognised amount per position (position id → Decimal or None)."""
    if not _darf(benutzer, {"RP-Sachbearbeitung", "RP-Referatsleitung"}, abrechnung.organisation):
        raise PermissionDenied(_("Dazu fehlt Ihnen die Berechtigung."))
    with transaction.atomic():
        abrechnung = _gesperrt(abrechnung)
        if abrechnung.status != Status.IN_PRUEFUNG:
            raise ValidationError(
                _("Anerkannte Beträge können nur während der Prüfung erfasst werden.")
            )
        aenderungen = []
        for position in abrechnung.positionen.select_related("kategorie"):
            if position.pk not in betraege:
                continue
            wert = betraege[position.pk]
            neu = None if wert is None else runden(wert)
            if neu == position.betrag_anerkannt:
                continue
            aenderungen.append(
                f"{position.kategorie.name}: {euro(position.betrag_anerkannt) or '–'} → "
                f"{euro(neu) or '–'}"
            )
            position.betrag_anerkannt = neu
            position.save(update_fields=["betrag_anerkannt"])
        if aenderungen:
            # The recognised amounts decide the balance: keep who set which amount when.
            Protokolleintrag.objects.create(
                benutzer=benutzer,
                organisation=abrechnung.organisation,
                aktion="anerkannte_betraege",
                beschreibung=f"{abrechnung.aktenzeichen}: " + "; ".join(aenderungen),
            )
    return abrechnung


def summe_gezahlter_vorauszahlungen(kreis, abrechnungsjahr) -> Decimal:
    summe = Vorauszahlung.objects.filter(
        kreis=kreis, abrechnungsjahr=abrechnungsjahr, zahlungsdatum__isnull=False
    ).aggregate(s=Sum("betrag"))["s"]
    return runden(summe or Decimal(0))


def saldo_berechnen(abrechnung) -> dict:
    """Recognised costs minus the paid advances of that Kreis and year.

    A positive saldo is a Nachzahlung (the Land pays more), a negative one a
    Rückforderung (the Kreis pays back).
    """
    positionen = list(abrechnung.positionen.select_related("kategorie"))
    summe_erklaert = runden(sum((p.betrag_erklaert for p in positionen), Decimal(0)))
    summe_anerkannt = runden(
        sum((p.betrag_anerkannt or Decimal(0) for p in positionen), Decimal(0))
    )
    vorauszahlungen = summe_gezahlter_vorauszahlungen(abrechnung.kreis, abrechnung.abrechnungsjahr)
    saldo = summe_anerkannt - vorauszahlungen
    if saldo > 0:
        art = Abrechnungsbescheid.Art.NACHZAHLUNG
    elif saldo < 0:
        art = Abrechnungsbescheid.Art.RUECKFORDERUNG
    else:
        art = Abrechnungsbescheid.Art.AUSGEGLICHEN
    return {
        "positionen": positionen,
        "summe_erklaert": summe_erklaert,
        "summe_anerkannt": summe_anerkannt,
        "summe_vorauszahlungen": vorauszahlungen,
        "saldo": saldo,
        "art": art,
        "betrag_ausgleich": abs(saldo),
    }


def saldo_anzeigen(abrechnung, bescheid=None) -> dict:
    """The balance to show for a Spitzabrechnung.

    Once it is fixed, the notice's own copy of the amounts counts: a Vorauszahlung
    booked later must not change what the Bescheid stated.
    """
    saldo = saldo_berechnen(abrechnung)
    if bescheid is None:
        bescheid = abrechnung.bescheide.order_by("-erstellt_am").first()
    if bescheid is not None:
        saldo.update(
            summe_erklaert=bescheid.summe_erklaert,
            summe_anerkannt=bescheid.summe_anerkannt,
            summe_vorauszahlungen=bescheid.summe_vorauszahlungen,
            saldo=bescheid.saldo,
            art=bescheid.art,
            betrag_ausgleich=bescheid.betrag_ausgleich,
        )
    return saldo


def status_setzen(abrechnung, neuer_status, benutzer, bemerkung: str = "") -> Spitzabrechnung:
    """The one function that changes the status of a Spitzabrechnung.

    Locks the row, checks the allowed-transitions table and the role, writes the
    audit row and – on festsetzen – the Abrechnungsbescheid with its own copy of
    the amounts; the PDF is rendered by Celery after commit.
    """
    with transaction.atomic():
        abrechnung = _gesperrt(abrechnung)
        alt = abrechnung.status
        rollen = ERLAUBTE_UEBERGAENGE.get(alt, {}).get(neuer_status)
        if rollen is None:
            raise UebergangNichtErlaubt(
                _("Von „%(alt)s“ nach „%(neu)s“ ist kein Übergang möglich.")
                % {"alt": Status(alt).label, "neu": Status(neuer_status).label}
            )
        if not _darf(benutzer, rollen, abrechnung.organisation):
            raise UebergangNichtErlaubt(_("Dazu fehlt Ihnen die Berechtigung."))
        jetzt = timezone.now()
        felder = ["status", "geaendert_am"]
        bescheid = None
        if neuer_status == Status.EINGEREICHT:
            if not abrechnung.positionen.filter(betrag_erklaert__gt=0).exists():
                raise ValidationError(_("Bitte erklären Sie mindestens einen Betrag."))
            abrechnung.eingereicht_am = jetzt
            felder.append("eingereicht_am")
        if neuer_status == Status.FESTGESETZT:
            if abrechnung.positionen.filter(betrag_anerkannt__isnull=True).exists():
                raise ValidationError(
                    _("Bitte erfassen Sie für jede Kostenkategorie den anerkannten Betrag.")
                )
            abrechnung.festgesetzt_am = jetzt
            felder.append("festgesetzt_am")
            bescheid = _bescheid_anlegen(abrechnung)
        abrechnung.status = neuer_status
        abrechnung.save(update_fields=felder)
        Abrechnungsstatusaenderung.objects.create(
            spitzabrechnung=abrechnung,
            benutzer=benutzer,
            zeitpunkt=jetzt,
            von_status=alt,
            nach_status=neuer_status,
            bemerkung=bemerkung,
        )
        if bescheid is not None:
            pk = bescheid.pk
            transaction.on_commit(lambda: _rendern_einreihen(pk))
    return abrechnung


def _rendern_einreihen(pk: int) -> None:
    from .tasks import abrechnungsbescheid_rendern

    try:
        abrechnungsbescheid_rendern.delay(pk)
    except Exception:  # noqa: BLE001 - broker down: the beat task re-queues it later
        logger.warning("Abrechnungsbescheid %s nicht eingereiht; Beat holt ihn nach", pk)


def _bescheid_anlegen(abrechnung) -> Abrechnungsbescheid:
    saldo = saldo_berechnen(abrechnung)
    return Abrechnungsbescheid.objects.create(
        spitzabrechnung=abrechnung,
        aktenzeichen=abrechnung.aktenzeichen,
        positionen=[
            {
                "kategorie": p.kategorie.name,
                "erklaert": betrag_maschinell(p.betrag_erklaert),
                "anerkannt": betrag_maschinell(p.betrag_anerkannt or 0),
            }
            for p in saldo["positionen"]
        ],
        summe_erklaert=saldo["summe_erklaert"],
        summe_anerkannt=saldo["summe_anerkannt"],
        summe_vorauszahlungen=saldo["summe_vorauszahlungen"],
        saldo=saldo["saldo"],
        art=saldo["art"],
        render_status=RenderStatus.AUSSTEHEND,
    )


def spitzabrechnung_einreichen(benutzer, abrechnung, bemerkung=""):
    return status_setzen(abrechnung, Status.EINGEREICHT, benutzer, bemerkung)


def pruefung_beginnen(benutzer, abrechnung, bemerkung=""):
    return status_setzen(abrechnung, Status.IN_PRUEFUNG, benutzer, bemerkung)


def spitzabrechnung_festsetzen(benutzer, abrechnung, bemerkung=""):
    return status_setzen(abrechnung, Status.FESTGESETZT, benutzer, bemerkung)
