"""Background work: tasks take ids, call services and are safe to run twice."""

from celery import shared_task

from pik_portal.dokumente import ausstehende_dokumente, dokument_rendern

from .models import Bescheid


@shared_task(acks_late=True)
def bescheid_rendern(bescheid_id: int) -> bool:
    """Render the Bescheid once; a finished one is never rendered again."""
    return dokument_rendern(Bescheid, bescheid_id)


@shared_task(acks_late=True)
def ausstehende_bescheide_einreihen() -> int:
    """Beat task: queue Bescheide still pending after 10 minutes (e.g. broker outage)."""
    ids = ausstehende_dokumente(Bescheid)
    for pk in ids:
        bescheid_rendern.delay(pk)
    return len(ids)


@shared_task(acks_late=True)
def eingangsbestaetigung_senden(antrag_id: int) -> None:
    from .benachrichtigungen import eingangsbestaetigung_senden as senden

    senden(antrag_id)


def _mitteilungen():
    from . import benachrichtigungen

    return {
        "statuswechsel": benachrichtigungen.statuswechsel_mitteilen,
        "nachforderung": benachrichtigungen.nachforderung_mitteilen,
        "freigabe": benachrichtigungen.freigabe_mitteilen,
    }


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def mitteilen(art: str, *args) -> None:
    """Send one of the area's e-mails in the worker, so a mail server hiccup never
    turns a committed step into an error page."""
    _mitteilungen()[art](*args)
