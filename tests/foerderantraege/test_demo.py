from io import StringIO

import pytest
from django.core.management import call_command

from foerderantraege.models import Foerderantrag, Foerderaufruf, Status

pytestmark = pytest.mark.django_db


def test_demo_daten_in_jedem_status_und_wiederholbar():
    call_command("demo_daten", stdout=StringIO())
    call_command("demo_daten", stdout=StringIO())
    aufruf = Foerderaufruf.objects.get()
    assert aufruf.ist_offen()
    assert aufruf.festbetraege.first().betrag_je_vzae_jahr == 68000
    assert aufruf.planungsrahmen.count() == 44
    assert sum(p.betrag for p in aufruf.planungsrahmen.all()) == aufruf.gesamtbudget
    assert set(Foerderantrag.objects.values_list("status", flat=True)) == set(Status.values)
    assert Foerderantrag.objects.count() == 8
