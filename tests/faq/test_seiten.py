import json
import re

import pytest
from django.urls import reverse

from faq.models import Frage
from tests.factories import FrageFactory, KategorieFactory

pytestmark = pytest.mark.django_db

XSS_ANTWORT = (
    "Harmlos.\n\n<script>alert('xss-skript')</script>\n\n"
    '<img src="x" onerror="alert(\'xss-onerror\')">\n\n'
    "[Klick mich](javascript:alert('xss-link'))\n\n"
    '<a href="javascript:alert(1)" onclick="alert(2)">roh</a>'
)


def test_uebersicht_zeigt_kategorien_als_akkordeon(client):
    k = KategorieFactory(titel="Antragstellung", slug="antragstellung")
    FrageFactory(kategorie=k, frage="Wie stelle ich einen Antrag?", antwort="Online im **Portal**.")
    antwort = client.get("/faq/")
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert '<details class="kern-accordion"' in inhalt
    assert "Wie stelle ich einen Antrag?" in inhalt
    assert "<strong>Portal</strong>" in inhalt
    assert 'href="#kategorie-antragstellung"' in inhalt  # table of contents
    assert 'id="kategorie-antragstellung"' in inhalt
    assert "Zuletzt aktualisiert" in inhalt
    assert 'name="q"' in inhalt
    assert inhalt.count("<h1") == 1


def test_leere_uebersicht(client):
    antwort = client.get("/faq/")
    assert "Es sind noch keine Fragen veröffentlicht." in antwort.content.decode()


def test_frage_hat_eigene_seite(client):
    k = KategorieFactory(titel="Datenschutz", slug="datenschutz")
    f = FrageFactory(kategorie=k, frage="Wer sieht meine Daten?", slug="wer-sieht-daten")
    verwandt = FrageFactory(kategorie=k, frage="Wie lange werden Daten gespeichert?")
    versteckt = FrageFactory(kategorie=k, frage="Geheime Entwurfsfrage", veroeffentlicht=False)
    f.verwandte_fragen.add(verwandt, versteckt)
    antwort = client.get("/faq/datenschutz/wer-sieht-daten/")
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "<title>Wer sieht meine Daten? – Häufige Fragen – PIK-Portal</title>" in inhalt
    assert 'aria-label="Brotkrümelnavigation"' in inhalt
    assert 'href="/faq/datenschutz/"' in inhalt
    assert "Wie lange werden Daten gespeichert?" in inhalt
    assert "Geheime Entwurfsfrage" not in inhalt
    assert "War diese Antwort hilfreich?" in inhalt
    # Related questions are symmetrical.
    assert "Wer sieht meine Daten?" in client.get(verwandt.get_absolute_url()).content.decode()


def test_kategorie_seite(client):
    k = KategorieFactory(titel="Datenschutz", slug="datenschutz", kurzbeschreibung="Alles zu Daten")
    FrageFactory(kategorie=k, frage="Wer sieht meine Daten?")
    antwort = client.get("/faq/datenschutz/")
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "<title>Datenschutz – Häufige Fragen – PIK-Portal</title>" in inhalt
    assert "Wer sieht meine Daten?" in inhalt


def test_unbekannte_seiten_sind_404(client):
    k = KategorieFactory(slug="leer")
    assert client.get("/faq/gibt-es-nicht/").status_code == 404
    assert client.get("/faq/leer/").status_code == 404  # no published questions
    assert client.get("/faq/leer/gibt-es-nicht/").status_code == 404
    FrageFactory(kategorie=k, slug="da")
    assert client.get("/faq/leer/da/").status_code == 200


def test_xss_in_der_antwort_erreicht_keine_seite(client):
    k = KategorieFactory(slug="sicherheit")
    f = FrageFactory(kategorie=k, frage="Antrag und XSS", slug="xss", antwort=XSS_ANTWORT)
    seiten = [
        "/faq/",
        "/faq/sicherheit/",
        f.get_absolute_url(),
        "/faq/?q=Harmlos",
        "/faq/?q=xss-skript",
    ]
    for url in seiten:
        inhalt = client.get(url).content.decode().lower()
        # The only script is the portal's own external file.
        assert re.findall(r"<script[^>]*>", inhalt) == [
            '<script src="/static/js/portal.js" defer>'
        ], url
        assert "onerror" not in inhalt, url
        assert "onclick" not in inhalt, url
        assert 'href="javascript:' not in inhalt, url
    json_text = client.get("/faq.json").content.decode().lower()
    daten = json.loads(json_text)
    html = daten["kategorien"][0]["fragen"][0]["antwort_html"].lower()
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


def test_links_in_antworten_bekommen_noopener(client):
    k = KategorieFactory(slug="links")
    f = FrageFactory(
        kategorie=k, antwort="Siehe [Ministerium](https://sozialministerium.example/)."
    )
    inhalt = client.get(f.get_absolute_url()).content.decode()
    assert 'rel="noopener noreferrer"' in inhalt


def test_unveroeffentlichte_frage_ist_nirgends_sichtbar(client):
    k = KategorieFactory(slug="foerderung", titel="Förderung")
    FrageFactory(kategorie=k, frage="Sichtbare Frage zum Antrag", slug="sichtbar")
    geheim = FrageFactory(
        kategorie=k,
        frage="Entwurf zum Antrag",
        slug="entwurf",
        antwort="Unfertige Antwort Zaunkönig",
        veroeffentlicht=False,
    )
    for url in ["/faq/", "/faq/foerderung/", "/faq/?q=Antrag", "/faq/?q=Zaunkönig", "/faq.json"]:
        inhalt = client.get(url).content.decode()
        assert "Entwurf zum Antrag" not in inhalt, url
        assert "Unfertige Antwort" not in inhalt, url
    assert "Keine Treffer" in client.get("/faq/?q=Zaunkönig").content.decode()
    assert client.get(geheim.get_absolute_url()).status_code == 404
    # Not even through an old slug or the vote form.
    geheim.slug = "entwurf-neu"
    geheim.save()
    assert client.get("/faq/foerderung/entwurf/").status_code == 404
    assert (
        client.post("/faq/foerderung/entwurf-neu/bewerten/", {"hilfreich": "ja"}).status_code == 404
    )


def test_alter_slug_der_frage_leitet_weiter(client):
    k = KategorieFactory(slug="antrag")
    f = FrageFactory(kategorie=k, slug="alter-name")
    f.slug = "neuer-name"
    f.save()
    f.slug = "neuester-name"
    f.save()
    for alt in ["alter-name", "neuer-name"]:
        antwort = client.get(f"/faq/antrag/{alt}/")
        assert antwort.status_code == 301
        assert antwort["Location"] == "/faq/antrag/neuester-name/"
    assert client.get("/faq/antrag/neuester-name/").status_code == 200


def test_alter_slug_der_kategorie_leitet_weiter(client):
    k = KategorieFactory(slug="alt")
    f = FrageFactory(kategorie=k, slug="frage")
    k.slug = "neu"
    k.save()
    antwort = client.get("/faq/alt/")
    assert antwort.status_code == 301
    assert antwort["Location"] == "/faq/neu/"
    antwort = client.get("/faq/alt/frage/")
    assert antwort.status_code == 301
    assert antwort["Location"] == "/faq/neu/frage/"
    assert f.get_absolute_url() == "/faq/neu/frage/"


def test_frage_in_andere_kategorie_verschoben(client):
    a = KategorieFactory(slug="a")
    b = KategorieFactory(slug="b")
    f = FrageFactory(kategorie=a, slug="wandert")
    f.kategorie = b
    f.save()
    antwort = client.get("/faq/a/wandert/")
    assert antwort.status_code == 301
    assert antwort["Location"] == "/faq/b/wandert/"


def test_slug_zurueck_auf_alten_namen(client):
    f = FrageFactory(slug="eins")
    f.slug = "zwei"
    f.save()
    f.slug = "eins"
    f.save()
    assert list(f.alte_slugs.values_list("slug", flat=True)) == ["zwei"]
    assert client.get(f.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("anzahl", [1, 12])
def test_uebersicht_anzahl_abfragen_bleibt_gleich(client, django_assert_max_num_queries, anzahl):
    for _ in range(3):
        k = KategorieFactory()
        for _ in range(anzahl):
            f = FrageFactory(kategorie=k)
        f.verwandte_fragen.add(FrageFactory(kategorie=k))
    with django_assert_max_num_queries(2):
        antwort = client.get("/faq/")
    assert antwort.content.decode().count('<details class="kern-accordion"') == 3 * (anzahl + 1)


@pytest.mark.parametrize("anzahl", [1, 12])
def test_kategorie_anzahl_abfragen_bleibt_gleich(client, django_assert_max_num_queries, anzahl):
    k = KategorieFactory(slug="viele")
    FrageFactory.create_batch(anzahl, kategorie=k)
    with django_assert_max_num_queries(2):
        assert client.get("/faq/viele/").status_code == 200


@pytest.mark.parametrize("anzahl", [1, 12])
def test_suche_anzahl_abfragen_bleibt_gleich(client, django_assert_max_num_queries, anzahl):
    FrageFactory.create_batch(anzahl, frage="Wie stelle ich einen Antrag?")
    with django_assert_max_num_queries(1):
        antwort = client.get("/faq/?q=Antrag")
    assert antwort.content.decode().count('class="faq-treffer__eintrag"') == anzahl


@pytest.mark.parametrize("anzahl", [1, 12])
def test_json_anzahl_abfragen_bleibt_gleich(client, django_assert_max_num_queries, anzahl):
    FrageFactory.create_batch(anzahl)
    with django_assert_max_num_queries(2):
        assert client.get("/faq.json").status_code == 200


def test_json_export(client):
    k = KategorieFactory(titel="Datenschutz", slug="datenschutz")
    FrageFactory(kategorie=k, frage="Wer sieht meine Daten?", slug="wer", antwort="Nur das **RP**.")
    antwort = client.get("/faq.json")
    assert antwort["Content-Type"] == "application/json"
    assert antwort["Access-Control-Allow-Origin"] == "*"
    daten = antwort.json()
    assert daten["stand"]
    kategorie = daten["kategorien"][0]
    assert kategorie["titel"] == "Datenschutz"
    frage = kategorie["fragen"][0]
    assert frage["frage"] == "Wer sieht meine Daten?"
    assert frage["url"] == "http://testserver/faq/datenschutz/wer/"
    assert frage["antwort_markdown"] == "Nur das **RP**."
    assert frage["antwort_html"] == "<p>Nur das <strong>RP</strong>.</p>"
    assert "Wer sieht meine Daten?" in antwort.content.decode()  # not \u-escaped


def test_aktualisiert_am_aendert_sich_nur_mit_dem_inhalt():
    f = FrageFactory()
    vorher = f.aktualisiert_am
    f.reihenfolge = 99
    f.save()
    f.refresh_from_db()
    assert f.aktualisiert_am == vorher
    f.antwort = "Neue Antwort"
    f.save()
    f.refresh_from_db()
    assert f.aktualisiert_am > vorher
    assert f.antwort_klartext == "Neue Antwort"


def test_nur_get_fuer_lesende_seiten(client):
    assert client.post("/faq/").status_code == 405
    assert client.get(reverse("faq_json")).status_code == 200
    assert Frage.objects.count() == 0


@pytest.mark.parametrize("anzahl", [1, 12])
def test_frage_anzahl_abfragen_bleibt_gleich(client, django_assert_max_num_queries, anzahl):
    k = KategorieFactory(slug="k")
    f = FrageFactory(kategorie=k, slug="f")
    f.verwandte_fragen.add(*FrageFactory.create_batch(anzahl, kategorie=k))
    with django_assert_max_num_queries(2):
        assert client.get("/faq/k/f/").status_code == 200
