import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from erstattungen.models import Vorauszahlung
from pik_portal.money import euro
from tests.factories import VorauszahlungFactory, kreis, sachbearbeitung

pytestmark = pytest.mark.django_db

LISTE = "/erstattungen/vorauszahlungen/"
CSV = "/erstattungen/vorauszahlungen.csv"
JSON = "/erstattungen/vorauszahlungen.json"


@pytest.fixture(autouse=True)
def _leerer_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def zahlungen():
    """Paid and planned advances in three Regierungsbezirke, amounts with odd cents."""
    daten = [
        ("08116", 2024, "1. Quartal", "1234567.89", datetime.date(2024, 3, 29)),
        ("08116", 2024, "2. Quartal", "0.01", datetime.date(2024, 6, 28)),
        ("08116", 2025, "1. Quartal", "333333.33", datetime.date(2025, 3, 31)),
        ("08111", 2025, "=SUMME(A1)", "999999.99", datetime.date(2025, 3, 31)),
        ("08311", 2025, "Abschlag Juli", "0.10", datetime.date(2025, 7, 15)),
        ("08416", 2025, "-Korrektur", "77.77", datetime.date(2025, 8, 1)),
        ("08116", 2025, "3. Quartal", "5555555.55", None),  # planned: never public
    ]
    return [
        VorauszahlungFactory(
            kreis=kreis(ks),
            abrechnungsjahr=jahr,
            zeitraum=zeitraum,
            betrag=Decimal(betrag),
            zahlungsdatum=datum,
        )
        for ks, jahr, zeitraum, betrag, datum in daten
    ]


def _summe(zahlungen, **bedingung):
    return sum(
        (
            z.betrag
            for z in zahlungen
            if z.zahlungsdatum and all(_wert(z, k) == v for k, v in bedingung.items())
        ),
        Decimal("0.00"),
    )


def _wert(z, schluessel):
    return {
        "jahr": z.abrechnungsjahr,
        "regierungsbezirk": z.kreis.regierungsbezirk,
        "kreis": z.kreis.kreisschluessel,
    }[schluessel]


def _csv(antwort):
    text = antwort.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_liste_zeigt_nur_gezahlte(client, zahlungen):
    antwort = client.get(LISTE)
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert html.count("<h1") == 1
    for z in zahlungen:
        assert (z.buchungsreferenz in html) == (z.zahlungsdatum is not None)
    assert "5.555.555,55" not in html


@pytest.mark.parametrize(
    "filter",
    [{}, {"jahr": 2025}, {"jahr": 2024}, {"regierungsbezirk": "Stuttgart"}, {"kreis": "08116"}],
)
def test_summen_in_html_csv_json_gleich(client, zahlungen, filter):
    erwartet = _summe(zahlungen, **filter)
    html = client.get(LISTE, filter).content.decode()
    assert f'<strong class="portal-betrag">{euro(erwartet)}</strong>' in html

    zeilen = _csv(client.get(CSV, filter))
    assert zeilen[0][:6] == [
        "Kreisschlüssel",
        "Kreis",
        "Regierungsbezirk",
        "Jahr",
        "Zeitraum",
        "Betrag",
    ]
    assert zeilen[-1][1] == "Summe insgesamt"
    assert zeilen[-1][5] == euro(erwartet).replace("\u00a0€", "")

    daten = json.loads(client.get(JSON, filter).content)
    assert Decimal(daten["summe"]) == erwartet
    assert daten["filter"] == {
        "jahr": filter.get("jahr"),
        "regierungsbezirk": filter.get("regierungsbezirk"),
        "kreis": filter.get("kreis"),
    }
    for k in daten["kreise"]:
        assert Decimal(k["summe"]) == _summe(
            zahlungen,
            kreis=k["kreisschluessel"],
            **{x: y for x, y in filter.items() if x != "kreis"},
        )
        assert Decimal(k["summe"]) == sum(Decimal(z["betrag"]) for z in k["zahlungen"])
        # Same Kreis sum in the HTML table and in the CSV.
        assert f'data-kreissumme="{k["kreisschluessel"]}">{euro(Decimal(k["summe"]))}<' in html
        csv_summe = [z for z in zeilen if z[0] == k["kreisschluessel"] and z[4] == "Summe Kreis"]
        assert csv_summe[0][5] == euro(Decimal(k["summe"])).replace("\u00a0€", "")


def test_filter_regierungsbezirk(client, zahlungen):
    html = client.get(LISTE, {"regierungsbezirk": "Freiburg"}).content.decode()
    assert "Freiburg" in html
    assert "Esslingen" not in html.split('id="ergebnis-ueberschrift"')[1]
    daten = json.loads(client.get(JSON, {"regierungsbezirk": "Freiburg"}).content)
    assert [k["kreisschluessel"] for k in daten["kreise"]] == ["08311"]


def test_csv_deutsch_und_formeln_neutralisiert(client, zahlungen):
    antwort = client.get(CSV)
    assert antwort["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in antwort["Content-Disposition"]
    zeilen = _csv(antwort)
    nach_ref = {z[7]: z for z in zeilen[1:] if z[7]}
    erste = nach_ref[zahlungen[0].buchungsreferenz]
    assert erste[5] == "1.234.567,89"
    assert erste[6] == "29.03.2024"
    assert nach_ref[zahlungen[3].buchungsreferenz][4] == "'=SUMME(A1)"
    assert nach_ref[zahlungen[5].buchungsreferenz][4] == "'-Korrektur"
    assert zahlungen[6].buchungsreferenz not in nach_ref


def test_json_gueltig_und_stabil(client, zahlungen):
    eins = client.get(JSON, {"jahr": 2025})
    assert eins["Content-Type"].startswith("application/json")
    cache.clear()
    zwei = client.get(JSON, {"jahr": 2025})
    assert eins.content == zwei.content
    daten = json.loads(eins.content)
    assert daten["stand"] == datetime.date.today().isoformat()
    zahlung = daten["kreise"][0]["zahlungen"][0]
    assert set(zahlung) == {
        "abrechnungsjahr",
        "zeitraum",
        "betrag",
        "zahlungsdatum",
        "buchungsreferenz",
    }
    assert all(
        "." in z["betrag"] and "," not in z["betrag"]
        for k in daten["kreise"]
        for z in k["zahlungen"]
    )
    assert datetime.date.fromisoformat(zahlung["zahlungsdatum"])


def test_sortierung_nach_betrag(client, zahlungen):
    daten = json.loads(client.get(JSON, {"sortierung": "betrag"}).content)
    summen = [Decimal(k["summe"]) for k in daten["kreise"]]
    assert summen == sorted(summen, reverse=True)
    daten = json.loads(client.get(JSON).content)
    namen = [k["name"] for k in daten["kreise"]]
    assert namen == sorted(namen)


def test_ungueltiger_filter_wird_ignoriert(client, zahlungen):
    antwort = client.get(LISTE, {"jahr": "abc", "kreis": "<script>"})
    assert antwort.status_code == 200
    assert "<script>" not in antwort.content.decode()
    daten = json.loads(client.get(JSON, {"jahr": "abc"}).content)
    assert daten["filter"]["jahr"] is None


@pytest.mark.parametrize("url", [LISTE, CSV, JSON])
@pytest.mark.parametrize("jahr", ["²", "٢٠٢٥", "2025 ", "-1", "99999999999999999999"])
def test_jahr_mit_unicode_ziffern_ist_kein_500(client, zahlungen, url, jahr):
    # "²".isdigit() is True, int("²") raises: such a year must count as not set.
    antwort = client.get(url, {"jahr": jahr, "sortierung": "x", "regierungsbezirk": "%00"})
    assert antwort.status_code == 200
    if url == JSON:
        assert json.loads(antwort.content)["filter"]["jahr"] is None


def test_diagramm_barrierearm(client, zahlungen):
    html = client.get(LISTE).content.decode()
    assert '<svg role="img" aria-labelledby="diagramm-titel diagramm-beschreibung"' in html
    assert '<title id="diagramm-titel">' in html
    assert html.count("<rect ") == 4  # one bar per Kreis with paid advances


def test_cache_wird_nach_admin_aenderung_ungueltig(client, zahlungen):
    vorher = json.loads(client.get(JSON).content)["summe"]
    assert client.get(LISTE).status_code == 200
    z = zahlungen[0]
    client.force_login(sachbearbeitung())
    url = reverse("admin:erstattungen_vorauszahlung_change", args=[z.pk])
    antwort = client.post(
        url,
        {
            "kreis": z.kreis.pk,
            "abrechnungsjahr": z.abrechnungsjahr,
            "zeitraum": z.zeitraum,
            "betrag": "1234567,90",
            "zahlungsdatum": "29.03.2024",
            "buchungsreferenz": z.buchungsreferenz,
            "bemerkung": "",
        },
    )
    assert antwort.status_code == 302, antwort.context["adminform"].form.errors
    client.logout()
    nachher = json.loads(client.get(JSON).content)["summe"]
    assert Decimal(nachher) - Decimal(vorher) == Decimal("0.01")
    assert "1.234.567,90" in client.get(LISTE).content.decode()
    # Who changed which amount when is kept.
    assert Vorauszahlung.objects.get(pk=z.pk).history.first().history_user is not None


def test_cache_nach_loeschen_ungueltig(client, zahlungen):
    assert json.loads(client.get(JSON).content)["anzahl_zahlungen"] == 6
    zahlungen[0].delete()
    assert json.loads(client.get(JSON).content)["anzahl_zahlungen"] == 5


def _jahre_anlegen(anzahl):
    for jahr in range(2020, 2020 + anzahl):
        for ks in ("08111", "08116", "08311", "08416"):
            for quartal in range(1, 5):
                VorauszahlungFactory(
                    kreis=kreis(ks),
                    abrechnungsjahr=jahr,
                    zeitraum=f"{quartal}. Quartal",
                    zahlungsdatum=datetime.date(jahr, quartal * 3, 1),
                )


@pytest.mark.parametrize("anzahl_jahre", [1, 3])
def test_abfragen_bleiben_konstant(client, django_assert_num_queries, anzahl_jahre):
    _jahre_anlegen(anzahl_jahre)
    for url in (LISTE, CSV, JSON):
        cache.clear()
        # years and Kreise for the filter, the paid rows, the "Stand"
        with django_assert_num_queries(4):
            assert client.get(url).status_code == 200
    client.get(LISTE)
    # From the cache only the filter choices are read.
    with django_assert_num_queries(2):
        assert client.get(LISTE).status_code == 200
