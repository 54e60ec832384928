import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from massnahmen.models import Massnahme
from tests.factories import MassnahmeFactory, handlungsfeld, kreis, zielgruppe

pytestmark = pytest.mark.django_db

HEUTE = timezone.localdate()
TAG = datetime.timedelta(days=1)


def slugs(client, url):
    """Slugs of every row the table shows for ``url``, over all pages, in order."""
    gefunden = []
    seite = 1
    while True:
        trenner = "&" if "?" in url else "?"
        antwort = client.get(f"{url}{trenner}page={seite}")
        assert antwort.status_code == 200
        gefunden += [m.slug for m in antwort.context["massnahmen"]]
        if not antwort.context["seite"].has_next():
            return gefunden
        seite += 1


@pytest.fixture
def katalog():
    """A small catalogue where every filter separates something."""
    esslingen, freiburg = kreis("08116"), kreis("08311")
    return {
        "sprache_land": MassnahmeFactory(
            slug="sprache-land",
            titel="Sprachkurs landesweit",
            handlungsfeld=handlungsfeld("sprache"),
            zielgruppen=[zielgruppe("frauen")],
            ressort="Sozialministerium",
        ),
        "sprache_es": MassnahmeFactory(
            slug="sprache-es",
            titel="Sprachcafé Esslingen",
            handlungsfeld=handlungsfeld("sprache"),
            zielgruppen=[zielgruppe("jugendliche"), zielgruppe("frauen")],
            landesweit=False,
            kreise=[esslingen],
            ressort="Kultusministerium",
        ),
        "ausbildung_fr": MassnahmeFactory(
            slug="ausbildung-fr",
            titel="Ausbildungslotsen Freiburg",
            handlungsfeld=handlungsfeld("ausbildung"),
            zielgruppen=[zielgruppe("jugendliche")],
            landesweit=False,
            kreise=[freiburg],
            ressort="Wirtschaftsministerium",
            traeger="Handwerkskammer",
        ),
        "ausbildung_es_fr": MassnahmeFactory(
            slug="ausbildung-es-fr",
            titel="Werkstatttage",
            handlungsfeld=handlungsfeld("ausbildung"),
            landesweit=False,
            kreise=[esslingen, freiburg],
            ressort="Wirtschaftsministerium",
            beginn=HEUTE - 400 * TAG,
            ende=HEUTE - TAG,
        ),
        "kuenftig": MassnahmeFactory(
            slug="kuenftig",
            titel="Gesundheitslotsen",
            handlungsfeld=handlungsfeld("gesundheit"),
            ressort="Sozialministerium",
            beginn=HEUTE + 30 * TAG,
        ),
        "endet_heute": MassnahmeFactory(
            slug="endet-heute",
            titel="Jobcoaching",
            handlungsfeld=handlungsfeld("arbeitsmarkt"),
            ressort="Sozialministerium",
            beginn=HEUTE - 10 * TAG,
            ende=HEUTE,
            foerderprogramm="Fachkräfteoffensive",
        ),
        "unveroeffentlicht": MassnahmeFactory(
            slug="geheim",
            titel="Sprachkurs im Entwurf",
            handlungsfeld=handlungsfeld("sprache"),
            veroeffentlicht=False,
            ressort="Geheimressort",
        ),
    }


@pytest.mark.parametrize(
    ("abfrage", "erwartet"),
    [
        (
            "",
            {
                "sprache-land",
                "sprache-es",
                "ausbildung-fr",
                "ausbildung-es-fr",
                "kuenftig",
                "endet-heute",
            },
        ),
        ("handlungsfeld=sprache", {"sprache-land", "sprache-es"}),
        ("handlungsfeld=ausbildung", {"ausbildung-fr", "ausbildung-es-fr"}),
        ("zielgruppe=frauen", {"sprache-land", "sprache-es"}),
        ("zielgruppe=jugendliche", {"sprache-es", "ausbildung-fr"}),
        # Kreis: the measures naming it plus every landesweit one.
        (
            "kreis=08116",
            {"sprache-land", "sprache-es", "ausbildung-es-fr", "kuenftig", "endet-heute"},
        ),
        (
            "kreis=08311",
            {"sprache-land", "ausbildung-fr", "ausbildung-es-fr", "kuenftig", "endet-heute"},
        ),
        ("kreis=08111", {"sprache-land", "kuenftig", "endet-heute"}),
        ("ressort=Wirtschaftsministerium", {"ausbildung-fr", "ausbildung-es-fr"}),
        ("nur_laufende=on", {"sprache-land", "sprache-es", "ausbildung-fr", "endet-heute"}),
        ("q=sprach", {"sprache-land", "sprache-es"}),
        ("q=handwerkskammer", {"ausbildung-fr"}),
        ("q=fachkräfteoffensive", {"endet-heute"}),
        ("q=Sprach+Esslingen", {"sprache-es"}),
        # Combinations narrow down.
        ("handlungsfeld=sprache&kreis=08311", {"sprache-land"}),
        ("handlungsfeld=ausbildung&kreis=08116", {"ausbildung-es-fr"}),
        ("handlungsfeld=ausbildung&kreis=08116&nur_laufende=on", set()),
        ("zielgruppe=jugendliche&kreis=08116", {"sprache-es"}),
        ("zielgruppe=jugendliche&ressort=Kultusministerium", {"sprache-es"}),
        ("kreis=08311&nur_laufende=on&q=lotsen", {"ausbildung-fr"}),
        (
            "handlungsfeld=sprache&zielgruppe=frauen&kreis=08116&ressort=Sozialministerium&nur_laufende=on&q=kurs",
            {"sprache-land"},
        ),
    ],
)
def test_filter_und_kombinationen(client, katalog, abfrage, erwartet):
    gefunden = slugs(client, f"/massnahmen/?{abfrage}")
    assert set(gefunden) == erwartet
    assert len(gefunden) == len(set(gefunden)), "eine Maßnahme doppelt"


def test_kreisfilter_zeigt_landesweite_auch_mit_vielen_kreisen(client):
    alle = [kreis("08116"), kreis("08311"), kreis("08111")]
    MassnahmeFactory(slug="drei-kreise", landesweit=False, kreise=alle)
    MassnahmeFactory(slug="land", landesweit=True)
    MassnahmeFactory(slug="anderswo", landesweit=False, kreise=[kreis("08421")])
    assert slugs(client, "/massnahmen/?kreis=08116") == ["drei-kreise", "land"]
    antwort = client.get("/massnahmen/?kreis=08116")
    assert antwort.context["seite"].paginator.count == 2


def test_unbekannter_filterwert_zeigt_fehler_statt_500(client, katalog):
    antwort = client.get("/massnahmen/?kreis=99999&handlungsfeld=gibts-nicht")
    assert antwort.status_code == 200
    assert antwort.context["form"].errors
    assert 'aria-invalid="true"' in antwort.content.decode()


def test_ergebnisanzahl_und_zuruecksetzen(client, katalog):
    inhalt = client.get("/massnahmen/?handlungsfeld=sprache").content.decode()
    assert "2 Maßnahmen gefunden" in inhalt
    assert 'href="/massnahmen/">Filter zurücksetzen</a>' in inhalt
    inhalt = client.get("/massnahmen/?handlungsfeld=gesundheit").content.decode()
    assert "1 Maßnahme gefunden" in inhalt
    inhalt = client.get("/massnahmen/?q=nichtvorhanden").content.decode()
    assert "0 Maßnahmen gefunden" in inhalt
    assert "Keine Maßnahme passt" in inhalt


def test_unveroeffentlicht_unsichtbar(client, katalog):
    assert "geheim" not in slugs(client, "/massnahmen/?q=Entwurf")
    assert "Geheimressort" not in client.get("/massnahmen/").content.decode()
    assert client.get("/massnahmen/geheim/").status_code == 404
    assert b"geheim" not in client.get("/massnahmen.csv").content
    assert b"geheim" not in client.get("/massnahmen.json").content
    assert json.loads(client.get("/massnahmen.json?q=Entwurf").content)["anzahl"] == 0


def test_detailseite(client, katalog):
    m = katalog["ausbildung_es_fr"]
    m.beschreibung = "Text mit **fett** und <script>alert(1)</script> [Link](javascript:alert(1))"
    m.link = "https://example.org/werkstatt"
    m.save()
    antwort = client.get("/massnahmen/ausbildung-es-fr/")
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert inhalt.count("<h1") == 1
    assert "<strong>fett</strong>" in inhalt
    assert "<script>" not in inhalt
    assert "javascript:" not in inhalt
    assert "Landkreis Esslingen" in inhalt and "Freiburg im Breisgau (Stadtkreis)" in inhalt
    assert "https://example.org/werkstatt" in inhalt
    assert client.get("/massnahmen/gibt-es-nicht/").status_code == 404


@pytest.mark.parametrize(
    "sort",
    [
        "",
        "titel",
        "-titel",
        "handlungsfeld",
        "-handlungsfeld",
        "ressort",
        "-ressort",
        "beginn",
        "-beginn",
        "ende",
        "-ende",
    ],
)
def test_sortierung(client, katalog, sort):
    gefunden = slugs(client, f"/massnahmen/?sort={sort}")
    objekte = {m.slug: m for m in Massnahme.objects.filter(slug__in=gefunden)}
    schluessel = {
        "": lambda m: m.titel,
        "titel": lambda m: m.titel,
        "handlungsfeld": lambda m: (m.handlungsfeld.reihenfolge, m.titel),
        "ressort": lambda m: (m.ressort, m.titel),
        "beginn": lambda m: (m.beginn, m.titel),
    }
    if sort.lstrip("-") in schluessel:
        werte = [schluessel[sort.lstrip("-")](objekte[s]) for s in gefunden]
        if sort.startswith("-"):
            # Descending by the key column only; ties stay by title ascending.
            werte = [w[0] if isinstance(w, tuple) else w for w in werte]
            assert werte == sorted(werte, reverse=True)
        else:
            assert werte == sorted(werte)
    if sort == "ende":
        enden = [objekte[s].ende for s in gefunden]
        # Open-ended measures come last.
        assert enden[-4:] == [None] * 4
    if sort == "-ende":
        assert [objekte[s].ende for s in gefunden][:4] == [None] * 4


def test_sortierlinks_und_paging_behalten_den_filter(client):
    for n in range(45):
        MassnahmeFactory(
            slug=f"m-{n:02d}", titel=f"Kurs {n:02d}", handlungsfeld=handlungsfeld("sprache")
        )
    MassnahmeFactory(slug="anderes", handlungsfeld=handlungsfeld("gesundheit"))
    antwort = client.get("/massnahmen/?handlungsfeld=sprache&sort=-titel")
    inhalt = antwort.content.decode()
    assert "45 Maßnahmen gefunden" in inhalt
    assert 'href="?handlungsfeld=sprache&amp;sort=-titel&amp;page=2"' in inhalt
    assert 'href="?handlungsfeld=sprache&amp;sort=titel"' in inhalt  # flips the direction
    assert 'aria-sort="descending"' in inhalt
    assert "/massnahmen.csv?handlungsfeld=sprache&amp;sort=-titel" in inhalt
    seite3 = client.get("/massnahmen/?handlungsfeld=sprache&sort=-titel&page=3")
    assert [m.slug for m in seite3.context["massnahmen"]] == [
        "m-04",
        "m-03",
        "m-02",
        "m-01",
        "m-00",
    ]
    # The export links never carry the page: they export the whole filter.
    assert "page=3" not in seite3.content.decode().split("massnahmen.csv")[1].split('"')[0]
    assert len(slugs(client, "/massnahmen/?handlungsfeld=sprache")) == 45


@pytest.mark.parametrize(
    "abfrage",
    [
        "",
        "kreis=08116",
        "handlungsfeld=ausbildung&sort=-beginn",
        "nur_laufende=on&sort=ressort",
        "q=kurs",
    ],
)
def test_export_zeilen_gleich_tabellenzeilen(client, katalog, abfrage):
    for n in range(30):
        MassnahmeFactory(
            slug=f"kurs-{n:02d}",
            titel=f"Kurs {n:02d}",
            landesweit=n % 2 == 0,
            kreise=[] if n % 2 == 0 else [kreis("08116")],
            handlungsfeld=handlungsfeld("ausbildung" if n % 3 else "sprache"),
        )
    tabelle = slugs(client, f"/massnahmen/?{abfrage}")
    assert len(tabelle) > 0

    daten = json.loads(client.get(f"/massnahmen.json?{abfrage}").content)
    assert daten["anzahl"] == len(tabelle)
    assert [m["slug"] for m in daten["massnahmen"]] == tabelle

    antwort = client.get(f"/massnahmen.csv?{abfrage}")
    assert antwort["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in antwort["Content-Disposition"]
    text = antwort.content.decode("utf-8")
    assert text.startswith("\ufeff")
    zeilen = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert [z["Adresse im Portal"].rstrip("/").rsplit("/", 1)[1] for z in zeilen] == tabelle


def test_csv_export_ist_excel_freundlich(client):
    MassnahmeFactory(
        slug="formel",
        titel='=HYPERLINK("http://boese.example")',
        kurzbeschreibung="+49 123",
        beginn=datetime.date(2024, 3, 1),
        ende=datetime.date(2025, 2, 28),
        landesweit=False,
        kreise=[kreis("08116"), kreis("08111")],
        zielgruppen=[zielgruppe("frauen"), zielgruppe("jugendliche")],
    )
    text = client.get("/massnahmen.csv").content.decode("utf-8").lstrip("\ufeff")
    zeile = next(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert zeile["Titel"] == '\'=HYPERLINK("http://boese.example")'
    assert zeile["Kurzbeschreibung"] == "'+49 123"
    assert zeile["Beginn"] == "01.03.2024"
    assert zeile["Ende"] == "28.02.2025"
    assert zeile["Kreisschlüssel"] == "08111, 08116"
    assert zeile["Zielgruppen"] == "Jugendliche und junge Erwachsene, Frauen"  # by Reihenfolge
    daten = json.loads(client.get("/massnahmen.json").content)["massnahmen"][0]
    assert daten["beginn"] == "2024-03-01"
    assert daten["kreisschluessel"] == ["08111", "08116"]
    assert daten["landesweit"] is False
    assert daten["adresse"] == "http://testserver/massnahmen/formel/"


def _massnahmen_anlegen(anzahl):
    """``anzahl`` published measures with target groups and Kreise, in few queries."""
    gruppen = [zielgruppe("frauen"), zielgruppe("jugendliche")]
    kreise = [kreis("08116"), kreis("08311")]
    feld = handlungsfeld("sprache")
    objekte = Massnahme.objects.bulk_create(
        Massnahme(
            titel=f"Maßnahme {n:05d}",
            slug=f"massnahme-{n:05d}",
            kurzbeschreibung="Kurzbeschreibung",
            handlungsfeld=feld,
            ressort=f"Ressort {n % 5}",
            landesweit=n % 3 == 0,
            beginn=datetime.date(2020, 1, 1),
            veroeffentlicht=True,
        )
        for n in range(anzahl)
    )
    Massnahme.zielgruppen.through.objects.bulk_create(
        Massnahme.zielgruppen.through(massnahme_id=m.pk, zielgruppe_id=g.pk)
        for m in objekte
        for g in gruppen
    )
    Massnahme.kreise.through.objects.bulk_create(
        Massnahme.kreise.through(massnahme_id=m.pk, kreis_id=k.pk)
        for n, m in enumerate(objekte)
        if n % 3
        for k in kreise
    )


@pytest.mark.parametrize("anzahl", [40, 2000])
@pytest.mark.parametrize("abfrage", ["", "?kreis=08116&zielgruppe=frauen&sort=-ressort&page=2"])
def test_abfragen_bleiben_gleich(client, django_assert_max_num_queries, anzahl, abfrage):
    _massnahmen_anlegen(anzahl)
    with django_assert_max_num_queries(10):
        antwort = client.get(f"/massnahmen/{abfrage}")
    assert antwort.status_code == 200
    assert len(antwort.context["massnahmen"]) == 20


@pytest.mark.parametrize("anzahl", [40, 2000])
def test_export_abfragen_bleiben_gleich(client, django_assert_max_num_queries, anzahl):
    _massnahmen_anlegen(anzahl)
    with django_assert_max_num_queries(6):
        assert client.get("/massnahmen.json").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/massnahmen.csv").status_code == 200
