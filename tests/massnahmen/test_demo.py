import io

import pytest
from django.core.management import call_command

from massnahmen.models import Handlungsfeld, Massnahme

pytestmark = pytest.mark.django_db


def test_demodaten_decken_alle_handlungsfelder_ab_und_sind_wiederholbar():
    call_command("demo_daten", stdout=io.StringIO())
    anzahl = Massnahme.objects.count()
    assert 35 <= anzahl <= 45
    assert not Handlungsfeld.objects.filter(massnahmen__isnull=True).exists()
    assert not Massnahme.objects.filter(beispielinhalt=False).exists()
    assert all("Beispielinhalt" in m.beschreibung for m in Massnahme.objects.all())
    assert Massnahme.objects.filter(landesweit=False, kreise__isnull=True).count() == 0
    call_command("demo_daten", stdout=io.StringIO())
    assert Massnahme.objects.count() == anzahl


def test_beispielinhalt_ist_oeffentlich_gekennzeichnet(client):
    call_command("demo_daten", stdout=io.StringIO())
    assert "Beispielinhalt" in client.get("/massnahmen/").content.decode()
    inhalt = client.get("/massnahmen/integrationsmanagement/").content.decode()
    assert "Dies ist ein Beispielinhalt" in inhalt
