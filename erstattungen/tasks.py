from celery import shared_task

from pik_portal.dokumente import ausstehende_dokumente, dokument_rendern

from .models import Abrechnungsbescheid


@shared_task(acks_late=True)
def abrechnungsbescheid_rendern(pk: int) -> bool:
    """Render one Abrechnungsbescheid (idempotent: a finished PDF is never rendered again)."""
    return dokument_rendern(Abrechnungsbescheid, pk)


@shared_task
def ausstehende_abrechnungsbescheide_einreihen() -> int:
    """Beat task: re-queue notices still pending, e.g. after a broker outage."""
    ids = ausstehende_dokumente(Abrechnungsbescheid)
    for pk in ids:
        abrechnungsbescheid_rendern.delay(pk)
    return len(ids)
