"""State changes of the FAQ: publishing and votes."""

import hashlib

from django.db import IntegrityError, transaction

from pik_portal.models import Protokolleintrag

from .models import Bewertung, Frage

SITZUNG_SCHLUESSEL = "faq_bewertet"


def _veroeffentlichung_setzen(fragen_ids, *, akteur, veroeffentlicht: bool) -> int:
    with transaction.atomic():
        betroffen = list(
            Frage.objects.select_for_update()
            .filter(pk__in=fragen_ids)
            .exclude(veroeffentlicht=veroeffentlicht)
            .values_list("pk", "frage")
        )
        if not betroffen:
            return 0
        # update() leaves aktualisiert_am alone: publishing is not a change of content.
        Frage.objects.filter(pk__in=[pk for pk, _ in betroffen]).update(
            veroeffentlicht=veroeffentlicht
        )
        aktion = "faq_veroeffentlicht" if veroeffentlicht else "faq_zurueckgezogen"
        Protokolleintrag.objects.bulk_create(
            Protokolleintrag(benutzer=akteur, aktion=aktion, beschreibung=f"Frage {pk}: {text}")
            for pk, text in betroffen
        )
    return len(betroffen)


def fragen_veroeffentlichen(fragen_ids, *, akteur) -> int:
    """Publish the given questions; returns how many changed. Writes one audit row each."""
    return _veroeffentlichung_setzen(fragen_ids, akteur=akteur, veroeffentlicht=True)


def fragen_zurueckziehen(fragen_ids, *, akteur) -> int:
    """Unpublish the given questions; returns how many changed. Writes one audit row each."""
    return _veroeffentlichung_setzen(fragen_ids, akteur=akteur, veroeffentlicht=False)


def sitzung_hash(session_key: str) -> str:
    return hashlib.sha256(session_key.encode()).hexdigest()


def bereits_bewertet(session, frage_id: int) -> bool:
    return frage_id in session.get(SITZUNG_SCHLUESSEL, [])


def frage_bewerten(*, frage: Frage, session, hilfreich: bool) -> bool:
    """Count one vote of this session for ``frage``.

    Returns False (and counts nothing) when the session has voted on it already. The
    session list answers quickly; the unique constraint on (frage, sitzung) is the
    guarantee when two submits race.
    """
    if bereits_bewertet(session, frage.pk):
        return False
    if session.session_key is None:
        session.save()
    try:
        with transaction.atomic():
            Bewertung.objects.create(
                frage=frage, hilfreich=hilfreich, sitzung=sitzung_hash(session.session_key)
            )
        gezaehlt = True
    except IntegrityError:
        gezaehlt = False
    session[SITZUNG_SCHLUESSEL] = [*session.get(SITZUNG_SCHLUESSEL, []), frage.pk]
    return gezaehlt
