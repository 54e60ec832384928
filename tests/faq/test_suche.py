import pytest

from faq.selectors import fragen_suchen
from tests.factories import FrageFactory, KategorieFactory

pytestmark = pytest.mark.django_db


def test_leere_suche_zeigt_die_uebersicht(client):
    FrageFactory(frage="Wer darf einen Antrag stellen?")
    for url in ["/faq/?q=", "/faq/?q=%20%20"]:
        antwort = client.get(url)
        inhalt = antwort.content.decode()
        assert antwort.status_code == 200
        assert "Bitte geben Sie einen Suchbegriff ein." in inhalt
        assert "Wer darf einen Antrag stellen?" in inhalt


def test_zu_lange_suche_wird_freundlich_abgelehnt(client):
    KategorieFactory(titel="Datenschutz")
    FrageFactory(kategorie__titel="Antragstellung")
    antwort = client.get("/faq/", {"q": "Antrag " * 40})
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert "höchstens 200 Zeichen" in inhalt
    assert 'aria-invalid="true"' in inhalt
    assert "Antragstellung" in inhalt  # categories suggested instead


def test_keine_treffer_schlaegt_kategorien_vor(client):
    k = KategorieFactory(titel="Mittelabruf und Verwendungsnachweis", slug="mittelabruf")
    FrageFactory(kategorie=k)
    inhalt = client.get("/faq/?q=Quantenphysik").content.decode()
    assert "Keine Treffer" in inhalt
    assert "Quantenphysik" in inhalt
    assert 'href="/faq/mittelabruf/"' in inhalt


def test_suchtext_wird_escaped(client):
    inhalt = client.get("/faq/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in inhalt
    assert "&lt;script&gt;" in inhalt


def test_einfache_suche_ohne_gross_und_kleinschreibung(client, settings):
    settings.IST_POSTGRES = False
    FrageFactory(frage="Wann kommt das Geld?", antwort="Nach dem MITTELABRUF innerhalb von Tagen.")
    FrageFactory(frage="Etwas anderes", antwort="Nichts dazu.")
    treffer = fragen_suchen("mittelabruf")
    assert [t.frage.frage for t in treffer] == ["Wann kommt das Geld?"]
    assert "<mark>MITTELABRUF</mark>" in treffer[0].auszug


def test_einfache_suche_titel_zuerst(settings):
    settings.IST_POSTGRES = False
    FrageFactory(frage="Allgemeines", antwort="Hier geht es auch um den Antrag.", reihenfolge=1)
    FrageFactory(frage="Wie stelle ich einen Antrag?", antwort="Online.", reihenfolge=2)
    assert [t.frage.frage for t in fragen_suchen("antrag")][0] == "Wie stelle ich einen Antrag?"


def test_auszug_escaped_html_aus_der_antwort(settings):
    FrageFactory(frage="Sonderzeichen", antwort="Vergleich: 3 < 4 & Antrag `<b>fett</b>`")
    treffer = fragen_suchen("Antrag")
    assert "<b>" not in treffer[0].auszug
    assert "3 &lt; 4 &amp; <mark>Antrag</mark>" in treffer[0].auszug


def test_treffer_seite_markiert_fundstellen(client):
    FrageFactory(frage="Wie stelle ich einen Antrag?", antwort="Den Antrag stellen Sie online.")
    inhalt = client.get("/faq/?q=Antrag").content.decode()
    assert "<mark>Antrag</mark>" in inhalt
    assert "1 Treffer" in inhalt


# --- PostgreSQL: German full-text search --------------------------------------------------


def test_stemming_antraege_findet_antrag(postgres):
    FrageFactory(frage="Wer darf einen Antrag stellen?", antwort="Stadt- und Landkreise.")
    FrageFactory(frage="Was ist die Pauschale?", antwort="Ein fester Betrag je Stelle.")
    treffer = fragen_suchen("Anträge")
    assert [t.frage.frage for t in treffer] == ["Wer darf einen Antrag stellen?"]
    # and the other way round, with inflected forms in the answer
    FrageFactory(frage="Fristen", antwort="Die Anträge müssen bis zum Stichtag eingehen.")
    assert {t.frage.frage for t in fragen_suchen("Antrag")} == {
        "Wer darf einen Antrag stellen?",
        "Fristen",
    }


def test_ranking_titeltreffer_zuerst(postgres):
    FrageFactory(
        frage="Welche Unterlagen brauche ich?",
        antwort="Für den Verwendungsnachweis brauchen Sie den Sachbericht. Der "
        "Verwendungsnachweis ist nach dem Ende des Förderzeitraums fällig.",
        reihenfolge=1,
    )
    FrageFactory(
        frage="Bis wann ist der Verwendungsnachweis fällig?",
        antwort="Drei Monate nach dem Ende des Förderzeitraums.",
        reihenfolge=2,
    )
    treffer = fragen_suchen("Verwendungsnachweis")
    assert [t.frage.frage for t in treffer] == [
        "Bis wann ist der Verwendungsnachweis fällig?",
        "Welche Unterlagen brauche ich?",
    ]
    assert treffer[0].frage.rang > treffer[1].frage.rang


def test_postgres_auszug_markiert_und_escaped(postgres):
    FrageFactory(
        frage="Sonderzeichen",
        antwort="Ein <b>fetter</b> Hinweis: Anträge gehen an das Regierungspräsidium.",
    )
    treffer = fragen_suchen("Antrag")
    assert "<mark>Anträge</mark>" in treffer[0].auszug
    assert "<b>" not in treffer[0].auszug


def test_postgres_suche_mit_sonderzeichen_stuerzt_nicht_ab(client, postgres):
    FrageFactory(frage="Antrag")
    for q in ['"Antrag', "Antrag & | !", "-", "or", "'", "der die das"]:
        assert client.get("/faq/", {"q": q}).status_code == 200


def test_einfache_suche_markiert_den_ganzen_titel(settings):
    settings.IST_POSTGRES = False
    FrageFactory(frage="Bis wann ist der Verwendungsnachweis vorzulegen?", antwort="Bald.")
    treffer = fragen_suchen("verwendungsnachweis")
    assert treffer[0].frage.titel_markiert == (
        "Bis wann ist der <mark>Verwendungsnachweis</mark> vorzulegen?"
    )
