import pytest

from faq.models import Bewertung
from tests.factories import FrageFactory, KategorieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def frage():
    return FrageFactory(kategorie=KategorieFactory(slug="antrag"), slug="wer-darf")


def test_bewerten_zaehlt_und_bedankt_sich(client, frage):
    antwort = client.post("/faq/antrag/wer-darf/bewerten/", {"hilfreich": "ja"})
    assert antwort.status_code == 302
    assert antwort["Location"] == "/faq/antrag/wer-darf/#bewertung"
    assert Bewertung.objects.get().hilfreich is True
    inhalt = client.get("/faq/antrag/wer-darf/").content.decode()
    assert "Vielen Dank für Ihre Rückmeldung." in inhalt
    assert 'name="hilfreich"' not in inhalt


def test_nur_eine_stimme_je_sitzung_und_frage(client, frage):
    client.post("/faq/antrag/wer-darf/bewerten/", {"hilfreich": "ja"})
    client.post("/faq/antrag/wer-darf/bewerten/", {"hilfreich": "nein"})
    assert Bewertung.objects.count() == 1
    andere = FrageFactory(kategorie=frage.kategorie, slug="andere")
    client.post("/faq/antrag/andere/bewerten/", {"hilfreich": "nein"})
    assert Bewertung.objects.filter(frage=andere, hilfreich=False).count() == 1


def test_andere_sitzung_darf_auch_stimmen(client, frage):
    from django.test import Client

    client.post("/faq/antrag/wer-darf/bewerten/", {"hilfreich": "ja"})
    Client().post("/faq/antrag/wer-darf/bewerten/", {"hilfreich": "nein"})
    assert Bewertung.objects.filter(frage=frage).count() == 2


def test_doppelte_stimme_trotz_verlorener_sitzungsliste(client, frage):
    """The unique constraint holds even when the session list is missing the id."""
    client.post("/faq/antrag/wer-darf/bewerten/", {"hilfreich": "ja"})
    sitzung = client.session
    sitzung["faq_bewertet"] = []
    sitzung.save()
    client.post("/faq/antrag/wer-darf/bewerten/", {"hilfreich": "ja"})
    assert Bewertung.objects.count() == 1


def test_ungueltige_bewertung(client, frage):
    antwort = client.post(
        "/faq/antrag/wer-darf/bewerten/", {"hilfreich": "vielleicht"}, follow=True
    )
    assert antwort.status_code == 200
    assert "Bitte wählen Sie" in antwort.content.decode()
    assert Bewertung.objects.count() == 0


def test_bewerten_nur_per_post(client, frage):
    assert client.get("/faq/antrag/wer-darf/bewerten/").status_code == 405


def test_bewerten_braucht_csrf(frage):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    assert c.post("/faq/antrag/wer-darf/bewerten/", {"hilfreich": "ja"}).status_code == 403
    assert Bewertung.objects.count() == 0
