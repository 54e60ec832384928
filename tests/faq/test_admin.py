import pytest

from faq.models import Bewertung, Frage
from pik_portal.models import Protokolleintrag
from tests.factories import FrageFactory, KategorieFactory, referatsleitung, sachbearbeitung

pytestmark = pytest.mark.django_db


def test_fragenliste_mit_stimmen(client):
    f = FrageFactory(frage="Wer darf einen Antrag stellen?")
    Bewertung.objects.create(frage=f, hilfreich=True, sitzung="a")
    Bewertung.objects.create(frage=f, hilfreich=True, sitzung="b")
    Bewertung.objects.create(frage=f, hilfreich=False, sitzung="c")
    client.force_login(sachbearbeitung())
    antwort = client.get("/admin/faq/frage/")
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "Wer darf einen Antrag stellen?" in inhalt
    assert '<td class="field-stimmen_ja">2</td>' in inhalt
    assert '<td class="field-stimmen_nein">1</td>' in inhalt


def test_suche_im_admin(client):
    FrageFactory(frage="Wer darf einen Antrag stellen?")
    FrageFactory(frage="Wie lange dauert es?")
    client.force_login(sachbearbeitung())
    inhalt = client.get("/admin/faq/frage/", {"q": "Antrag"}).content.decode()
    assert "Wer darf einen Antrag stellen?" in inhalt
    assert "Wie lange dauert es?" not in inhalt


def test_vorschau_der_antwort_ist_bereinigt(client):
    f = FrageFactory(antwort="**Wichtig** <script>alert('x')</script>")
    client.force_login(sachbearbeitung())
    inhalt = client.get(f"/admin/faq/frage/{f.pk}/change/").content.decode()
    assert "<strong>Wichtig</strong>" in inhalt
    assert "alert('x')" not in inhalt.split("antwort_vorschau", 1)[1].split("</div>", 2)[0]


def test_frage_im_admin_anlegen(client):
    k = KategorieFactory()
    client.force_login(sachbearbeitung())
    antwort = client.post(
        "/admin/faq/frage/add/",
        {
            "kategorie": k.pk,
            "frage": "Neue Frage?",
            "slug": "neue-frage",
            "reihenfolge": 1,
            "antwort": "Eine Antwort.",
            "veroeffentlicht": "on",
        },
    )
    assert antwort.status_code == 302, antwort.content.decode()
    assert Frage.objects.get(slug="neue-frage").antwort_klartext == "Eine Antwort."


def test_veroeffentlichen_im_formular_wird_protokolliert(client):
    k = KategorieFactory()
    bearbeitung = sachbearbeitung()
    client.force_login(bearbeitung)
    daten = {
        "kategorie": k.pk,
        "frage": "Neue Frage?",
        "slug": "neue-frage",
        "reihenfolge": 1,
        "antwort": "Eine Antwort.",
        "veroeffentlicht": "on",
    }
    assert client.post("/admin/faq/frage/add/", daten).status_code == 302
    frage = Frage.objects.get(slug="neue-frage")
    assert frage.veroeffentlicht is True
    del daten["veroeffentlicht"]
    antwort = client.post(f"/admin/faq/frage/{frage.pk}/change/", daten)
    assert antwort.status_code == 302
    frage.refresh_from_db()
    assert frage.veroeffentlicht is False
    assert list(
        Protokolleintrag.objects.filter(benutzer=bearbeitung)
        .order_by("zeitpunkt", "pk")
        .values_list("aktion", flat=True)
    ) == ["faq_veroeffentlicht", "faq_zurueckgezogen"]


@pytest.mark.parametrize(
    "aktion, vorher, nachher",
    [
        ("veroeffentlichen", False, True),
        ("zurueckziehen", True, False),
    ],
)
def test_veroeffentlichen_und_zurueckziehen(client, aktion, vorher, nachher):
    a = FrageFactory(veroeffentlicht=vorher)
    b = FrageFactory(veroeffentlicht=vorher)
    stand = a.aktualisiert_am
    bearbeitung = sachbearbeitung()
    client.force_login(bearbeitung)
    antwort = client.post(
        "/admin/faq/frage/",
        {"action": aktion, "_selected_action": [a.pk, b.pk]},
        follow=True,
    )
    assert antwort.status_code == 200
    assert "2 Fragen" in antwort.content.decode()
    a.refresh_from_db()
    assert a.veroeffentlicht is nachher
    assert a.aktualisiert_am == stand  # publishing does not count as a content update
    assert Protokolleintrag.objects.filter(benutzer=bearbeitung).count() == 2


def test_referatsleitung_darf_nur_lesen(client):
    f = FrageFactory(veroeffentlicht=False)
    client.force_login(referatsleitung())
    assert client.get("/admin/faq/frage/").status_code == 200
    antwort = client.post(
        "/admin/faq/frage/", {"action": "veroeffentlichen", "_selected_action": [f.pk]}
    )
    f.refresh_from_db()
    assert f.veroeffentlicht is False
    assert antwort.status_code in (200, 302, 403)
    assert client.get("/admin/faq/frage/add/").status_code == 403


def test_kategorien_im_admin(client):
    k = KategorieFactory(titel="Datenschutz")
    FrageFactory.create_batch(2, kategorie=k)
    client.force_login(sachbearbeitung())
    inhalt = client.get("/admin/faq/kategorie/").content.decode()
    assert "Datenschutz" in inhalt
    assert '<td class="field-anzahl_fragen">2</td>' in inhalt


def test_bewertungen_sind_nur_lesbar(client):
    f = FrageFactory(frage="Wer darf einen Antrag stellen?")
    b = Bewertung.objects.create(frage=f, hilfreich=True, sitzung="a")
    client.force_login(sachbearbeitung())
    assert "Wer darf einen Antrag stellen?" in client.get("/admin/faq/bewertung/").content.decode()
    assert client.get(f"/admin/faq/bewertung/{b.pk}/change/").status_code == 200
    assert client.get("/admin/faq/bewertung/add/").status_code == 403
