import io

import pytest

from faq.demo import demo_daten_anlegen
from faq.models import Frage, Kategorie

pytestmark = pytest.mark.django_db


def test_demodaten_sind_vollstaendig_und_wiederholbar(client):
    demo_daten_anlegen({}, io.StringIO())
    stand = dict(Frage.objects.values_list("slug", "aktualisiert_am"))
    demo_daten_anlegen({}, io.StringIO())
    assert dict(Frage.objects.values_list("slug", "aktualisiert_am")) == stand
    assert Kategorie.objects.count() == 6
    assert Frage.objects.veroeffentlicht().count() >= 25
    assert not Frage.objects.filter(beispielinhalt=False).exists()
    titel = set(Kategorie.objects.values_list("titel", flat=True))
    assert titel == {
        "Förderfähigkeit",
        "Antragstellung",
        "Personal und Stellenbesetzung",
        "Mittelabruf und Verwendungsnachweis",
        "Erstattung der Unterbringungskosten",
        "Datenschutz",
    }
    inhalt = client.get("/faq/").content.decode()
    assert inhalt.count('<details class="kern-accordion"') == Frage.objects.count()
    assert "Beispielinhalt" in inhalt
