"""Every state change of the Förderantrag area.

``antrag_statuswechsel`` is the one function that changes an application's status:
it locks the row, checks ``ERLAUBTE_UEBERGAENGE`` and the actor's role, runs the
step's own checks (deadline, Vier-Augen, Planungsrahmen …), writes the
``Statusaenderung`` in the same transaction and queues e-mails and tasks on
commit. The named services below (``antrag_einreichen``, ``entscheidung_zeichnen``
…) are thin, readable entry points to it.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

from pik_portal import dokumente
from pik_portal.models import Kreis, Mitgliedschaft
from pik_portal.money import euro, runden
from pik_portal.rollen import RP_REFERATSLEITUNG, RP_SACHBEARBEITUNG

from . import tasks
from .berechnung import antragsbetrag, nach_groessten_resten
from .models import (
    ERLAUBTE_UEBERGAENGE,
    STELLE_FELDER,
    Aktenzeichenzaehler,
    Akteur,
    Anlage,
    Bescheid,
    Entscheidung,
    Foerderantrag,
    Foerderaufruf,
    Nachforderung,
    Planungsrahmen,
    Status,
    Statusaenderung,
    Stelle,
)
from .selectors import abschnitte, stelle_fehler

MAX_ANLAGE_BYTES = 10 * 1024 * 1024


class AntragFehler(Exception):
    """A refused step, with a German message for the user."""

    def __init__(self, meldung):
        super().__init__(meldung)
        self.meldung = meldung


class UebergangNichtErlaubt(AntragFehler):
    pass


class KeineBerechtigung(AntragFehler, PermissionDenied):
    pass


class VoraussetzungFehlt(AntragFehler):
    pass


def iban_normalisieren(text: str) -> str:
    """Validate an IBAN with schwifty; return it without spaces, upper case."""
    try:
        return IBAN(text or "").compact
    except SchwiftyException as exc:
        raise ValueError(
            _("Die IBAN ist ungültig. Bitte prüfen Sie Länge, Prüfziffer und Schreibweise.")
        ) from exc


# --- Roles -----------------------------------------------------------------------


def akteur_rollen(benutzer, antrag: Foerderantrag) -> set[str]:
    """The roles ``benutzer`` holds towards ``antrag`` (see ``Akteur``)."""
    rollen: set[str] = set()
    if not benutzer.is_authenticated or not benutzer.is_active:
        return rollen
    mitgliedschaft = Mitgliedschaft.objects.filter(
        benutzer=benutzer, organisation_id=antrag.organisation_id
    ).first()
    if mitgliedschaft is not None:
        rollen.add(Akteur.MITGLIED)
        if mitgliedschaft.ist_zeichnungsberechtigt:
            rollen.add(Akteur.ZEICHNUNGSBERECHTIGT)
    if benutzer.is_staff:
        if benutzer.hat_rolle(RP_SACHBEARBEITUNG):
            rollen.add(Akteur.SACHBEARBEITUNG)
        if benutzer.hat_rolle(RP_REFERATSLEITUNG):
            rollen.add(Akteur.REFERATSLEITUNG)
    return rollen


def uebergang_moeglich(benutzer, antrag: Foerderantrag, nach: str) -> bool:
    """For showing buttons only: the service checks again when it is called."""
    erlaubt = ERLAUBTE_UEBERGAENGE.get((antrag.status, nach))
    return bool(erlaubt and akteur_rollen(benutzer, antrag) & erlaubt)


def _sperren(antrag_id) -> Foerderantrag:
    return (
        Foerderantrag.objects.select_for_update(of=("self",))
        .select_related("aufruf", "organisation")
        .get(pk=antrag_id)
    )


def _entwurf_sperren(antrag_id, akteur) -> Foerderantrag:
    """Lock a draft for a change by a member of its organisation (call inside atomic)."""
    antrag = _sperren(antrag_id)
    if not akteur_rollen(akteur, antrag) & {Akteur.MITGLIED, Akteur.ZEICHNUNGSBERECHTIGT}:
        raise KeineBerechtigung(_("Sie handeln nicht für diese Organisation."))
    if antrag.status != Status.ENTWURF:
        raise UebergangNichtErlaubt(_("Nur ein Entwurf kann geändert werden."))
    return antrag


def _vollstaendigkeit_pruefen(antrag) -> None:
    offen = [a.titel for a in abschnitte(antrag) if not a.erledigt]
    if offen:
        raise VoraussetzungFehlt(
            _("Bitte vervollständigen Sie noch: %(liste)s.") % {"liste": ", ".join(map(str, offen))}
        )


# --- The one transition function ------------------------------------------------


def antrag_statuswechsel(antrag_id, nach: str, akteur, bemerkung: str = "", **daten):
    """Move an application to ``nach`` – the only place a status is ever changed.

    Raises ``UebergangNichtErlaubt`` when the table does not allow the step,
    ``KeineBerechtigung`` when the actor lacks the role, ``VoraussetzungFehlt`` when
    the step's own conditions are not met. Nothing is changed in those cases.
    """
    with transaction.atomic():
        antrag = _sperren(antrag_id)
        von = antrag.status
        erlaubt = ERLAUBTE_UEBERGAENGE.get((von, nach))
        if erlaubt is None:
            raise UebergangNichtErlaubt(
                _("Ein Antrag im Status „%(von)s“ kann nicht auf „%(nach)s“ gesetzt werden.")
                % {"von": Status(von).label, "nach": Status(nach).label}
            )
        rollen = akteur_rollen(akteur, antrag)
        if not rollen & erlaubt:
            raise KeineBerechtigung(_("Für diesen Schritt fehlt Ihnen die Berechtigung."))

        schritt = _SCHRITTE.get((von, nach)) or _SCHRITTE.get((None, nach))
        if schritt is not None:
            bemerkung = schritt(antrag, akteur, rollen, daten) or bemerkung

        antrag.status = nach
        antrag.save()
        Statusaenderung.objects.create(
            antrag=antrag, von=von, nach=nach, benutzer=akteur, bemerkung=bemerkung
        )
        transaction.on_commit(lambda: tasks.mitteilen.delay("statuswechsel", antrag.pk, von, nach))
    return antrag


def _einreichen(antrag, akteur, rollen, daten):
    jetzt = timezone.now()
    aufruf = antrag.aufruf
    if not aufruf.ist_offen(jetzt):
        raise VoraussetzungFehlt(
            _(
                "Die Antragsfrist ist am %(frist)s abgelaufen. Eine Einreichung ist nicht mehr möglich."
            )
            % {"frist": timezone.localtime(aufruf.antragsfrist).strftime("%d.%m.%Y, %H:%M Uhr")}
        )
    if not aufruf.darf_antragstellen(antrag.organisation):
        raise VoraussetzungFehlt(
            _("Ihre Organisation ist für diesen Aufruf nicht antragsberechtigt.")
        )
    _vollstaendigkeit_pruefen(antrag)
    antrag.beantragter_betrag = antragsbetrag(antrag.stellen.select_related("festbetrag"))
    antrag.aktenzeichen = _naechstes_aktenzeichen(timezone.localtime(jetzt).year)
    antrag.eingereicht_am = jetzt
    antrag.eingereicht_von = akteur
    pk = antrag.pk
    transaction.on_commit(lambda: tasks.eingangsbestaetigung_senden.delay(pk))
    return ""


def _naechstes_aktenzeichen(jahr: int) -> str:
    """Draw the next number of the year under a row lock: no gaps, no duplicates.

    The counter is part of the submitting transaction, so a rollback also gives the
    number back.
    """
    Aktenzeichenzaehler.objects.bulk_create([Aktenzeichenzaehler(jahr=jahr)], ignore_conflicts=True)
    zaehler = Aktenzeichenzaehler.objects.select_for_update().get(jahr=jahr)
    zaehler.letzte_nummer += 1
    zaehler.save(update_fields=["letzte_nummer"])
    return f"PIK-IM-{jahr}-{zaehler.letzte_nummer:05d}"


def _nachforderung_stellen(antrag, akteur, rollen, daten):
    text = (daten.get("text") or "").strip()
    frist = daten.get("frist")
    if not text or frist is None:
        raise VoraussetzungFehlt(_("Eine Nachforderung braucht einen Text und eine Frist."))
    if frist < timezone.localdate():
        raise VoraussetzungFehlt(_("Die Frist darf nicht in der Vergangenheit liegen."))
    nf = Nachforderung.objects.create(antrag=antrag, text=text, frist=frist, erstellt_von=akteur)
    transaction.on_commit(lambda: tasks.mitteilen.delay("nachforderung", nf.pk))
    return text


def _nachforderung_abschliessen(antrag, akteur, rollen, daten):
    offen = antrag.nachforderungen.select_for_update().filter(beantwortet_am__isnull=True).first()
    antragsteller = rollen & {Akteur.MITGLIED, Akteur.ZEICHNUNGSBERECHTIGT}
    antwort = (daten.get("antwort") or "").strip()
    if antragsteller and not antwort:
        raise VoraussetzungFehlt(_("Bitte beantworten Sie die Nachforderung."))
    if offen is not None:
        offen.antwort = antwort or _("Durch das Regierungspräsidium geschlossen.")
        offen.beantwortet_am = timezone.now()
        offen.beantwortet_von = akteur
        offen.save()
        for datei, bezeichnung in daten.get("dateien") or []:
            _anlage_anlegen(antrag, akteur, datei, bezeichnung, nachforderung=offen)
    return antwort


def _vorschlag_verwerfen(antrag, akteur, rollen, daten):
    antrag.entscheidungen.filter(gezeichnet_am__isnull=True, verworfen_am__isnull=True).update(
        verworfen_am=timezone.now()
    )
    return daten.get("begruendung", "")


def _vorschlagen(antrag, akteur, rollen, daten):
    art = daten.get("art")
    begruendung = (daten.get("begruendung") or "").strip()
    betrag = daten.get("betrag")
    if art not in Entscheidung.Art.values:
        raise VoraussetzungFehlt(_("Bitte wählen Sie „bewilligen“ oder „ablehnen“."))
    if not begruendung:
        raise VoraussetzungFehlt(_("Bitte begründen Sie den Vorschlag."))
    if art == Entscheidung.Art.BEWILLIGEN:
        if betrag is None or isinstance(betrag, float):
            raise VoraussetzungFehlt(_("Bitte geben Sie den Betrag an."))
        betrag = runden(betrag)
        if betrag <= 0 or betrag > antrag.beantragter_betrag:
            raise VoraussetzungFehlt(
                _("Der Betrag muss größer als null und höchstens der beantragte Betrag sein.")
            )
    else:
        betrag = Decimal("0.00")
    Entscheidung.objects.create(
        antrag=antrag,
        art=art,
        betrag=betrag,
        begruendung=begruendung,
        nebenbestimmungen=(daten.get("nebenbestimmungen") or "").strip(),
        vorgeschlagen_von=akteur,
    )
    return ""


def _zeichnen(antrag, akteur, rollen, daten):
    entscheidung = (
        antrag.entscheidungen.select_for_update()
        .filter(gezeichnet_am__isnull=True, verworfen_am__isnull=True)
        .first()
    )
    if entscheidung is None:
        raise VoraussetzungFehlt(_("Es liegt kein Entscheidungsvorschlag vor."))
    if entscheidung.vorgeschlagen_von_id == akteur.pk:
        raise KeineBerechtigung(
            _("Vier-Augen-Prinzip: Wer den Vorschlag gemacht hat, kann ihn nicht zeichnen.")
        )
    bewilligen = entscheidung.art == Entscheidung.Art.BEWILLIGEN
    ziel = daten["_nach"]
    if (ziel == Status.BEWILLIGT) != bewilligen:
        raise VoraussetzungFehlt(_("Die Zeichnung muss dem Vorschlag entsprechen."))
    if bewilligen:
        _planungsrahmen_pruefen(antrag, entscheidung.betrag)
        antrag.bewilligter_betrag = entscheidung.betrag
    else:
        antrag.bewilligter_betrag = Decimal("0.00")
    entscheidung.gezeichnet_von = akteur
    entscheidung.gezeichnet_am = timezone.now()
    entscheidung.save()
    bescheid = _bescheid_anlegen(antrag, entscheidung)
    pk = bescheid.pk
    transaction.on_commit(lambda: tasks.bescheid_rendern.delay(pk))
    return daten.get("bemerkung", "")


def _planungsrahmen_pruefen(antrag, betrag) -> None:
    """Lock the Kreis' Planungsrahmen row; two signatures in one Kreis queue here."""
    kreis_id = antrag.organisation.kreis_id
    rahmen = (
        Planungsrahmen.objects.select_for_update()
        .filter(aufruf_id=antrag.aufruf_id, kreis_id=kreis_id)
        .first()
    )
    if rahmen is None:
        raise VoraussetzungFehlt(_("Für diesen Kreis ist kein Planungsrahmen festgelegt."))
    bisher = Foerderantrag.objects.filter(
        aufruf_id=antrag.aufruf_id, organisation__kreis_id=kreis_id, status=Status.BEWILLIGT
    ).aggregate(s=Sum("bewilligter_betrag"))["s"] or Decimal("0")
    if bisher + betrag > rahmen.betrag:
        raise VoraussetzungFehlt(
            _(
                "Der Planungsrahmen des Kreises reicht nicht: %(rest)s frei, %(betrag)s vorgeschlagen."
            )
            % {"rest": euro(rahmen.betrag - bisher), "betrag": euro(betrag)}
        )


def _bescheid_anlegen(antrag, entscheidung) -> Bescheid:
    stellen = list(antrag.stellen.select_related("festbetrag"))
    berechnung = [
        {
            "bezeichnung": s.bezeichnung,
            "qualifikation": s.festbetrag.qualifikationsstufe,
            "vzae": str(s.vzae),
            "beginn": s.beginn.isoformat(),
            "ende": s.ende.isoformat(),
            "monate": s.monate,
            "festbetrag": str(s.festbetrag.betrag_je_vzae_jahr),
            "betrag": str(s.betrag),
            "traeger": s.traeger_name if s.traegerschaft == s.Traegerschaft.WEITERLEITUNG else "",
        }
        for s in stellen
    ]
    laufende = antrag.bescheide.count() + 1
    return Bescheid.objects.create(
        antrag=antrag,
        entscheidung=entscheidung,
        art=Bescheid.Art.ZUWENDUNG
        if entscheidung.art == Entscheidung.Art.BEWILLIGEN
        else Bescheid.Art.ABLEHNUNG,
        nummer=f"{antrag.aktenzeichen}-B{laufende}",
        datum=timezone.localdate(),
        beantragter_betrag=antrag.beantragter_betrag,
        bewilligter_betrag=antrag.bewilligter_betrag,
        berechnung=berechnung,
    )


def _zurueckziehen(antrag, akteur, rollen, daten):
    return daten.get("begruendung", "")


_SCHRITTE = {
    (None, Status.EINGEREICHT): _einreichen,
    (None, Status.NACHFORDERUNG): _nachforderung_stellen,
    (Status.NACHFORDERUNG, Status.IN_PRUEFUNG): _nachforderung_abschliessen,
    (Status.ENTSCHEIDUNGSVORSCHLAG, Status.IN_PRUEFUNG): _vorschlag_verwerfen,
    (None, Status.ENTSCHEIDUNGSVORSCHLAG): _vorschlagen,
    (None, Status.BEWILLIGT): lambda a, ak, r, d: _zeichnen(
        a, ak, r, {**d, "_nach": Status.BEWILLIGT}
    ),
    (None, Status.ABGELEHNT): lambda a, ak, r, d: _zeichnen(
        a, ak, r, {**d, "_nach": Status.ABGELEHNT}
    ),
    (None, Status.ZURUECKGEZOGEN): _zurueckziehen,
}


# --- Named entry points -------------------------------------------------------------


def antrag_einreichen(antrag_id, akteur):
    """Submit a complete draft: Aktenzeichen, amount, Eingangsbestätigung."""
    return antrag_statuswechsel(antrag_id, Status.EINGEREICHT, akteur)


def pruefung_beginnen(antrag_id, akteur, bemerkung=""):
    return antrag_statuswechsel(antrag_id, Status.IN_PRUEFUNG, akteur, bemerkung)


def nachforderung_stellen(antrag_id, akteur, *, text, frist):
    """Ask the applicant for more (text and deadline); the applicant is e-mailed."""
    return antrag_statuswechsel(antrag_id, Status.NACHFORDERUNG, akteur, text=text, frist=frist)


def nachforderung_beantworten(antrag_id, akteur, *, antwort, dateien=()):
    """Answer the open request (text and PDF attachments); the review continues."""
    return antrag_statuswechsel(
        antrag_id, Status.IN_PRUEFUNG, akteur, antwort=antwort, dateien=list(dateien)
    )


def nachforderung_schliessen(antrag_id, akteur, bemerkung=""):
    """The RP closes an open request without an answer; the review continues."""
    return antrag_statuswechsel(antrag_id, Status.IN_PRUEFUNG, akteur, bemerkung)


def entscheidung_vorschlagen(
    antrag_id, akteur, *, art, begruendung, betrag=None, nebenbestimmungen=""
):
    """Propose bewilligen (amount ≤ requested) or ablehnen; a second person signs."""
    return antrag_statuswechsel(
        antrag_id,
        Status.ENTSCHEIDUNGSVORSCHLAG,
        akteur,
        art=art,
        begruendung=begruendung,
        betrag=betrag,
        nebenbestimmungen=nebenbestimmungen,
    )


def entscheidung_zeichnen(antrag_id, akteur, bemerkung=""):
    """Sign the open proposal (Vier-Augen, Planungsrahmen); the Bescheid is queued."""
    entscheidung = (
        Entscheidung.objects.filter(
            antrag_id=antrag_id, gezeichnet_am__isnull=True, verworfen_am__isnull=True
        )
        .only("art")
        .first()
    )
    # Without an open proposal the transition itself refuses (status or missing proposal).
    ablehnen = entscheidung is not None and entscheidung.art == Entscheidung.Art.ABLEHNEN
    nach = Status.ABGELEHNT if ablehnen else Status.BEWILLIGT
    return antrag_statuswechsel(antrag_id, nach, akteur, bemerkung=bemerkung)


def vorschlag_zurueckverweisen(antrag_id, akteur, begruendung=""):
    return antrag_statuswechsel(
        antrag_id, Status.IN_PRUEFUNG, akteur, begruendung, begruendung=begruendung
    )


def antrag_zurueckziehen(antrag_id, akteur, begruendung=""):
    return antrag_statuswechsel(
        antrag_id, Status.ZURUECKGEZOGEN, akteur, begruendung, begruendung=begruendung
    )


# --- Drafts (no status change) ---------------------------------------------------


def antrag_anlegen(*, aufruf_id, organisation, akteur) -> Foerderantrag:
    """Create a draft for an open call; the contact person starts as the actor."""
    with transaction.atomic():
        aufruf = Foerderaufruf.objects.get(pk=aufruf_id)
        if not Mitgliedschaft.objects.filter(benutzer=akteur, organisation=organisation).exists():
            raise KeineBerechtigung(_("Sie handeln nicht für diese Organisation."))
        if not aufruf.ist_offen():
            raise VoraussetzungFehlt(_("Dieser Förderaufruf ist nicht (mehr) offen."))
        if not aufruf.darf_antragstellen(organisation):
            raise VoraussetzungFehlt(
                _("Ihre Organisation ist für diesen Aufruf nicht antragsberechtigt.")
            )
        return Foerderantrag.objects.create(
            aufruf=aufruf,
            organisation=organisation,
            ansprechperson_name=akteur.name,
            ansprechperson_email=akteur.email,
            ansprechperson_telefon=akteur.telefon,
            kontoinhaber=organisation.name,
        )


ENTWURF_FELDER = {
    "ansprechperson_name",
    "ansprechperson_email",
    "ansprechperson_telefon",
    "anzahl_gefluechtete",
    "kontoinhaber",
    "iban",
    "erklaerung_richtigkeit",
    "erklaerung_kein_vorhabenbeginn",
    "erklaerung_subventionserheblich",
}


def entwurf_aendern(antrag_id, akteur, **felder) -> Foerderantrag:
    """Save one section of a draft (only listed fields; IBAN normalised)."""
    unbekannt = set(felder) - ENTWURF_FELDER
    if unbekannt:
        raise ValueError(f"Unbekannte Felder: {sorted(unbekannt)}")
    with transaction.atomic():
        antrag = _entwurf_sperren(antrag_id, akteur)
        if "iban" in felder:
            felder["iban"] = iban_normalisieren(felder["iban"])
        for name, wert in felder.items():
            setattr(antrag, name, wert)
        antrag.save()
    return antrag


def _betrag_aktualisieren(antrag) -> None:
    antrag.beantragter_betrag = antragsbetrag(antrag.stellen.select_related("festbetrag"))
    antrag.save(update_fields=["beantragter_betrag", "geaendert_am"])


def stelle_speichern(antrag_id, akteur, stelle_id=None, **felder) -> Stelle:
    """Add or change a position of a draft; the requested amount follows."""
    if set(felder) - set(STELLE_FELDER):
        raise ValueError("Unbekannte Felder")
    with transaction.atomic():
        antrag = _entwurf_sperren(antrag_id, akteur)
        stelle = antrag.stellen.get(pk=stelle_id) if stelle_id else Stelle(antrag=antrag)
        for name, wert in felder.items():
            setattr(stelle, name, wert)
        if stelle.traegerschaft == Stelle.Traegerschaft.EIGEN:
            stelle.traeger_name = stelle.traeger_anschrift = ""
        fehler = stelle_fehler(stelle, antrag.aufruf)
        if fehler:
            raise VoraussetzungFehlt(" ".join(map(str, fehler)))
        stelle.save()
        _betrag_aktualisieren(antrag)
    return stelle


def stelle_loeschen(antrag_id, akteur, stelle_id) -> None:
    with transaction.atomic():
        antrag = _entwurf_sperren(antrag_id, akteur)
        antrag.stellen.filter(pk=stelle_id).delete()
        _betrag_aktualisieren(antrag)


def pdf_pruefen(datei) -> None:
    """The portal's PDF check (content, not name; ≤ 10 MB), raised as this area's error."""
    try:
        dokumente.pdf_pruefen(datei, max_bytes=MAX_ANLAGE_BYTES)
    except ValidationError as exc:
        raise VoraussetzungFehlt(exc.messages[0]) from exc


def _anlage_anlegen(antrag, akteur, datei, bezeichnung, nachforderung=None) -> Anlage:
    pdf_pruefen(datei)
    anlage = Anlage(
        antrag=antrag,
        nachforderung=nachforderung,
        # Without a label the file name stands in; it may be longer than the column.
        bezeichnung=(bezeichnung or datei.name)[: Anlage._meta.get_field("bezeichnung").max_length],
        dateiname=(datei.name or "anlage.pdf")[:255],
        groesse=datei.size,
        hochgeladen_von=akteur,
    )
    anlage.datei.save("anlage.pdf", datei, save=False)
    anlage.save()
    return anlage


def anlage_hochladen(antrag_id, akteur, datei, bezeichnung="") -> Anlage:
    """Attach a PDF to a draft."""
    with transaction.atomic():
        antrag = _entwurf_sperren(antrag_id, akteur)
        return _anlage_anlegen(antrag, akteur, datei, bezeichnung)


def anlage_loeschen(antrag_id, akteur, anlage_id) -> None:
    with transaction.atomic():
        antrag = _entwurf_sperren(antrag_id, akteur)
        anlage = antrag.anlagen.get(pk=anlage_id)
        datei = anlage.datei
        anlage.delete()
        transaction.on_commit(lambda: datei.delete(save=False))


def antrag_zur_einreichung_freigeben(antrag_id, akteur) -> Foerderantrag:
    """A Mitglied marks a draft as ready; the signatories are e-mailed."""
    with transaction.atomic():
        antrag = _entwurf_sperren(antrag_id, akteur)
        _vollstaendigkeit_pruefen(antrag)
        antrag.freigegeben_am = timezone.now()
        antrag.freigegeben_von = akteur
        antrag.save(update_fields=["freigegeben_am", "freigegeben_von", "geaendert_am"])
        transaction.on_commit(lambda: tasks.mitteilen.delay("freigabe", antrag.pk))
    return antrag


# --- Förderaufruf -------------------------------------------------------------------


def planungsrahmen_verteilen(aufruf_id, akteur, gewichte: dict[int, int] | None = None):
    """Distribute the budget over the 44 Kreise to the euro (largest remainder).

    ``gewichte`` maps Kreis ids to a key (default: population). The rows add up
    exactly to the budget.
    """
    if not (akteur.hat_rolle(RP_SACHBEARBEITUNG) or akteur.hat_rolle(RP_REFERATSLEITUNG)):
        raise KeineBerechtigung(_("Nur das Regierungspräsidium verteilt den Planungsrahmen."))
    with transaction.atomic():
        aufruf = Foerderaufruf.objects.select_for_update().get(pk=aufruf_id)
        if aufruf.antraege.filter(status=Status.BEWILLIGT).exists():
            raise VoraussetzungFehlt(
                _("Es gibt bereits Bewilligungen; der Planungsrahmen wird nicht neu verteilt.")
            )
        if aufruf.gesamtbudget != aufruf.gesamtbudget.to_integral_value():
            raise VoraussetzungFehlt(_("Das Gesamtbudget muss in vollen Euro angegeben sein."))
        if gewichte is None:
            gewichte = dict(Kreis.objects.values_list("pk", "einwohner"))
        try:
            anteile = nach_groessten_resten(int(aufruf.gesamtbudget), gewichte)
        except ValueError as exc:
            raise VoraussetzungFehlt(str(exc)) from exc
        for kreis_id, betrag in anteile.items():
            Planungsrahmen.objects.update_or_create(
                aufruf=aufruf, kreis_id=kreis_id, defaults={"betrag": Decimal(betrag)}
            )
        aufruf.planungsrahmen.exclude(kreis_id__in=anteile).delete()
    return anteile


def bescheid_neu_erzeugen(bescheid_id, akteur) -> bool:
    """Queue a pending or failed Bescheid again. A finished one stays as it is –
    a correction is a new notice, never an edited one."""
    from pik_portal.dokumente import RenderStatus

    if not akteur.hat_rolle(RP_SACHBEARBEITUNG) and not akteur.hat_rolle(RP_REFERATSLEITUNG):
        raise KeineBerechtigung(_("Für diesen Schritt fehlt Ihnen die Berechtigung."))
    with transaction.atomic():
        bescheid = Bescheid.objects.select_for_update().get(pk=bescheid_id)
        if bescheid.render_status == RenderStatus.FERTIG:
            return False
        bescheid.render_status = RenderStatus.AUSSTEHEND
        bescheid.versuche = 0
        bescheid.fehler = ""
        bescheid.save(update_fields=["render_status", "versuche", "fehler"])
        transaction.on_commit(lambda: tasks.bescheid_rendern.delay(bescheid_id))
    return True
