import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from pypdf import PdfReader

from foerderantraege import services, tasks
from foerderantraege.models import Bescheid, Festbetrag, Status
from pik_portal.dokumente import RenderStatus

from .hilfen import antrag_im_status

pytestmark = pytest.mark.django_db


def _pdf_text(bescheid) -> str:
    with bescheid.pdf.open("rb") as f:
        reader = PdfReader(io.BytesIO(f.read()))
    return "\n".join(seite.extract_text() for seite in reader.pages)


def _dateien(verzeichnis="dokumente"):
    gefunden = []
    if not default_storage.exists(verzeichnis):
        return gefunden
    ordner, dateien = default_storage.listdir(verzeichnis)
    gefunden += [f"{verzeichnis}/{d}" for d in dateien]
    for o in ordner:
        gefunden += _dateien(f"{verzeichnis}/{o}")
    return gefunden


def test_zeichnen_legt_bescheid_an_und_kopiert_die_betraege():
    antrag, leute = antrag_im_status(Status.BEWILLIGT)
    bescheid = antrag.bescheide.get()
    assert bescheid.art == Bescheid.Art.ZUWENDUNG
    assert bescheid.render_status == RenderStatus.AUSSTEHEND  # rendered after commit
    assert bescheid.nummer == f"{antrag.aktenzeichen}-B1"
    assert bescheid.bewilligter_betrag == Decimal("68000.00")
    assert bescheid.berechnung[0]["betrag"] == "68000.00"


def test_bescheid_pdf_nach_commit(mailoutbox, django_capture_on_commit_callbacks):
    antrag, leute = antrag_im_status(Status.ENTSCHEIDUNGSVORSCHLAG)
    with django_capture_on_commit_callbacks(execute=True):
        services.entscheidung_zeichnen(antrag.pk, leute.referatsleitung)
    bescheid = antrag.bescheide.get()
    assert bescheid.render_status == RenderStatus.FERTIG
    text = _pdf_text(bescheid)
    assert antrag.aktenzeichen in text
    assert "68.000,00 €" in text.replace("\u00a0", " ")
    assert "achtundsechzigtausend Euro" in text
    assert "Rechtsbehelfsbelehrung" in text and "ANBest-K" in text
    assert "Seite 1 von" in text
    assert any("Zuwendungsbescheid" in m.subject for m in mailoutbox)


def test_ablehnungsbescheid(django_capture_on_commit_callbacks):
    antrag, leute = antrag_im_status(Status.ENTSCHEIDUNGSVORSCHLAG, ablehnen=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.entscheidung_zeichnen(antrag.pk, leute.referatsleitung)
    bescheid = antrag.bescheide.get()
    assert bescheid.art == Bescheid.Art.ABLEHNUNG
    text = _pdf_text(bescheid)
    assert "abgelehnt" in text and antrag.aktenzeichen in text


def test_task_zweimal_ergibt_eine_datei():
    antrag, _ = antrag_im_status(Status.BEWILLIGT)
    bescheid = antrag.bescheide.get()
    assert tasks.bescheid_rendern(bescheid.pk) is True
    assert tasks.bescheid_rendern(bescheid.pk) is False
    bescheid.refresh_from_db()
    assert bescheid.versuche == 1
    assert len(_dateien()) == 1
    assert Bescheid.objects.count() == 1


def test_betraege_werden_nie_neu_berechnet():
    antrag, _ = antrag_im_status(Status.BEWILLIGT)
    Festbetrag.objects.update(betrag_je_vzae_jahr=Decimal("1.00"))
    bescheid = antrag.bescheide.get()
    tasks.bescheid_rendern(bescheid.pk)
    bescheid.refresh_from_db()
    assert "68.000,00" in _pdf_text(bescheid)


def test_beat_reiht_liegengebliebene_bescheide_ein():
    antrag, _ = antrag_im_status(Status.BEWILLIGT)
    bescheid = antrag.bescheide.get()
    assert tasks.ausstehende_bescheide_einreihen() == 0  # too fresh
    Bescheid.objects.filter(pk=bescheid.pk).update(
        erstellt_am=timezone.now() - dt.timedelta(minutes=11)
    )
    assert tasks.ausstehende_bescheide_einreihen() == 1
    bescheid.refresh_from_db()
    assert bescheid.render_status == RenderStatus.FERTIG


def test_beat_zeitplan_eingetragen(settings):
    eintraege = [e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "foerderantraege.tasks.ausstehende_bescheide_einreihen" in eintraege


def test_bescheid_neu_erzeugen_nur_wenn_nicht_fertig(django_capture_on_commit_callbacks):
    antrag, leute = antrag_im_status(Status.BEWILLIGT)
    bescheid = antrag.bescheide.get()
    Bescheid.objects.filter(pk=bescheid.pk).update(
        render_status=RenderStatus.FEHLGESCHLAGEN, versuche=10, fehler="kaputt"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.bescheid_neu_erzeugen(bescheid.pk, leute.sachbearbeitung) is True
    bescheid.refresh_from_db()
    assert bescheid.render_status == RenderStatus.FERTIG
    assert services.bescheid_neu_erzeugen(bescheid.pk, leute.sachbearbeitung) is False
    with pytest.raises(services.KeineBerechtigung):
        services.bescheid_neu_erzeugen(bescheid.pk, leute.zeichnungsberechtigt)
