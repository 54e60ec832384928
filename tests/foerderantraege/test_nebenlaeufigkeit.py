"""Races that only a real database shows: run with DATABASE_URL=postgres://…"""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from foerderantraege import services, tasks
from foerderantraege.models import Foerderantrag, Status
from pik_portal.models import Kreis
from tests.factories import OrganisationFactory, planungsrahmen

from .hilfen import antrag_im_status

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


def _gleichzeitig(aufgaben):
    """Run the callables in threads released at the same moment; collect results."""
    schranke = threading.Barrier(len(aufgaben))
    ergebnisse = [None] * len(aufgaben)

    def laeufer(i, aufgabe):
        try:
            schranke.wait()
            ergebnisse[i] = ("ok", aufgabe())
        except Exception as exc:  # noqa: BLE001 - the test inspects every outcome
            ergebnisse[i] = ("fehler", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=laeufer, args=(i, a)) for i, a in enumerate(aufgaben)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return ergebnisse


@pytest.fixture
def ohne_hintergrundarbeit(monkeypatch):
    # PDFs and e-mails are not what these tests are about; WeasyPrint stays out of threads.
    gesehen = []
    monkeypatch.setattr(tasks.eingangsbestaetigung_senden, "delay", gesehen.append)
    monkeypatch.setattr(tasks.bescheid_rendern, "delay", gesehen.append)
    return gesehen


def test_aktenzeichen_eindeutig_und_lueckenlos(postgres, ohne_hintergrundarbeit):
    entwuerfe = [antrag_im_status(Status.ENTWURF) for _ in range(8)]
    ergebnisse = _gleichzeitig(
        [
            (lambda a=a, p=p: services.antrag_einreichen(a.pk, p.zeichnungsberechtigt))
            for a, p in entwuerfe
        ]
    )
    assert all(art == "ok" for art, _ in ergebnisse), ergebnisse
    zeichen = sorted(Foerderantrag.objects.values_list("aktenzeichen", flat=True))
    jahr = Foerderantrag.objects.first().eingereicht_am.year
    assert zeichen == [f"PIK-IM-{jahr}-{n:05d}" for n in range(1, 9)]
    assert len(ohne_hintergrundarbeit) == 8


def test_planungsrahmen_haelt_bei_gleichzeitigem_zeichnen(postgres, ohne_hintergrundarbeit):
    kreis = Kreis.objects.get(kreisschluessel="08116")
    paare = [
        antrag_im_status(
            Status.ENTSCHEIDUNGSVORSCHLAG, organisation=OrganisationFactory(kreis=kreis)
        )
        for _ in range(4)
    ]
    aufruf = paare[0][0].aufruf
    Foerderantrag.objects.filter(pk__in=[a.pk for a, _ in paare]).update(aufruf=aufruf)
    # Room for two of the four grants of 68.000 € each.
    planungsrahmen(aufruf, kreis, Decimal("150000.00"))
    ergebnisse = _gleichzeitig(
        [
            (lambda a=a, p=p: services.entscheidung_zeichnen(a.pk, p.referatsleitung))
            for a, p in paare
        ]
    )
    ok = [e for art, e in ergebnisse if art == "ok"]
    fehler = [e for art, e in ergebnisse if art == "fehler"]
    assert len(ok) == 2, ergebnisse
    assert all(isinstance(e, services.VoraussetzungFehlt) for e in fehler), fehler
    bewilligt = Foerderantrag.objects.filter(aufruf=aufruf, status=Status.BEWILLIGT)
    assert sum(a.bewilligter_betrag for a in bewilligt) == Decimal("136000.00")


def test_zwei_zeichnen_denselben_antrag_nur_einmal(postgres, ohne_hintergrundarbeit):
    from tests.factories import referatsleitung

    antrag, _ = antrag_im_status(Status.ENTSCHEIDUNGSVORSCHLAG)
    zwei = [referatsleitung(), referatsleitung()]
    ergebnisse = _gleichzeitig(
        [(lambda u=u: services.entscheidung_zeichnen(antrag.pk, u)) for u in zwei]
    )
    assert sorted(art for art, _ in ergebnisse) == ["fehler", "ok"]
    assert antrag.bescheide.count() == 1
    assert antrag.statusaenderungen.filter(nach=Status.BEWILLIGT).count() == 1
