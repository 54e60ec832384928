"""Generated PDF documents (Bescheide) and their reliable rendering.

A document row is created in the transaction that decides something; a Celery
task renders it after commit. Rendering is idempotent: a document that is already
``fertig`` is never rendered again, and a row lock keeps two workers from
rendering the same document at once. A periodic task re-queues documents that are
still pending, so a broker outage at decision time loses nothing.
"""

import hashlib
import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pdf import pdf_rendern

logger = logging.getLogger(__name__)


PDF_SIGNATUR = b"%PDF-"
MAX_PDF_BYTES = 10 * 1024 * 1024


def pdf_pruefen(datei, max_bytes: int = MAX_PDF_BYTES) -> None:
    """Accept an upload as PDF by its content (``%PDF-`` first), never by its name.

    Raises ``ValidationError`` with a German message.
    """
    if datei.size > max_bytes:
        raise ValidationError(
            _("Die Datei ist größer als %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)}
        )
    datei.seek(0)
    anfang = datei.read(len(PDF_SIGNATUR))
    datei.seek(0)
    if anfang != PDF_SIGNATUR:
        raise ValidationError(
            _("Die Datei ist kein PDF-Dokument. Bitte laden Sie eine PDF-Datei hoch.")
        )


def pdf_antwort(datei, dateiname: str) -> FileResponse:
    """Serve a stored PDF as a download; the caller has checked the permission.

    The storage is private (never served by URL), so this is the only way out. Stored
    files are checked PDFs: the uploaded name never chooses the type, and the download
    name always ends in ``.pdf``.
    """
    if not dateiname.lower().endswith(".pdf"):
        dateiname = f"{dateiname}.pdf"
    return FileResponse(
        datei.open("rb"), as_attachment=True, filename=dateiname, content_type="application/pdf"
    )


class RenderStatus(models.TextChoices):
    AUSSTEHEND = "ausstehend", _("ausstehend")
    FERTIG = "fertig", _("fertig")
    FEHLGESCHLAGEN = "fehlgeschlagen", _("fehlgeschlagen")


class PdfDokument(models.Model):
    """Abstract base for a PDF notice with its render state."""

    render_status = models.CharField(
        _("Erstellung"),
        max_length=20,
        choices=RenderStatus.choices,
        default=RenderStatus.AUSSTEHEND,
    )
    pdf = models.FileField(_("PDF-Datei"), upload_to="dokumente/%Y/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    fehler = models.TextField(_("Fehlermeldung"), blank=True)
    versuche = models.PositiveIntegerField(_("Versuche"), default=0)
    erstellt_am = models.DateTimeField(_("angelegt am"), default=timezone.now)
    gerendert_am = models.DateTimeField(_("erzeugt am"), null=True, blank=True)

    # Subclasses set these.
    pdf_template: str = ""

    class Meta:
        abstract = True

    def pdf_kontext(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def pdf_dateiname(self) -> str:
        return f"dokument-{self.pk}.pdf"

    def nach_fertigstellung(self) -> None:
        """Hook: notify someone once the PDF exists (called after commit)."""


def dokument_rendern(model: type[PdfDokument], pk: int) -> bool:
    """Render the document ``pk`` once. Returns True if this call produced the PDF."""
    with transaction.atomic():
        dokument = model.objects.select_for_update().get(pk=pk)
        if dokument.render_status == RenderStatus.FERTIG:
            return False
        dokument.versuche += 1
        try:
            inhalt = pdf_rendern(dokument.pdf_template, dokument.pdf_kontext())
        except Exception as exc:
            logger.exception("PDF %s %s konnte nicht erzeugt werden", model.__name__, pk)
            dokument.render_status = RenderStatus.FEHLGESCHLAGEN
            dokument.fehler = f"{type(exc).__name__}: {exc}"[:2000]
            dokument.save(update_fields=["render_status", "fehler", "versuche"])
            return False
        dokument.pdf.save(dokument.pdf_dateiname(), ContentFile(inhalt), save=False)
        dokument.sha256 = hashlib.sha256(inhalt).hexdigest()
        dokument.render_status = RenderStatus.FERTIG
        dokument.fehler = ""
        dokument.gerendert_am = timezone.now()
        dokument.save(
            update_fields=["pdf", "sha256", "render_status", "fehler", "versuche", "gerendert_am"]
        )
        transaction.on_commit(dokument.nach_fertigstellung)
    return True


def ausstehende_dokumente(model: type[PdfDokument], aelter_als=timedelta(minutes=10)):
    """Ids of documents still pending (or failed) after ``aelter_als``."""
    grenze = timezone.now() - aelter_als
    return list(
        model.objects.filter(
            render_status__in=[RenderStatus.AUSSTEHEND, RenderStatus.FEHLGESCHLAGEN],
            erstellt_am__lte=grenze,
            versuche__lt=10,
        ).values_list("pk", flat=True)
    )
