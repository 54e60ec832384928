import pytest

from massnahmen.models import Massnahme
from pik_portal.models import Protokolleintrag
from tests.factories import (
    MassnahmeFactory,
    handlungsfeld,
    kreis,
    mitglied,
    referatsleitung,
    sachbearbeitung,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rolle", [sachbearbeitung, referatsleitung])
def test_rp_pflegt_den_katalog(client, rolle):
    MassnahmeFactory(titel="Sprachcafé", handlungsfeld=handlungsfeld("sprache"))
    MassnahmeFactory(titel="Jobcoaching", handlungsfeld=handlungsfeld("arbeitsmarkt"))
    client.force_login(rolle())
    for url in [
        "/admin/massnahmen/massnahme/",
        "/admin/massnahmen/massnahme/?q=coaching",
        f"/admin/massnahmen/massnahme/?handlungsfeld__id__exact={handlungsfeld('sprache').pk}",
        "/admin/massnahmen/massnahme/?veroeffentlicht__exact=1",
        "/admin/massnahmen/massnahme/add/",
        "/admin/massnahmen/handlungsfeld/",
        "/admin/massnahmen/zielgruppe/",
    ]:
        assert client.get(url).status_code == 200, url
    inhalt = client.get("/admin/massnahmen/massnahme/?q=coaching").content.decode()
    assert "Jobcoaching" in inhalt and "Sprachcafé" not in inhalt


def test_kommune_kommt_nicht_in_die_verwaltung(client):
    client.force_login(mitglied())
    antwort = client.get("/admin/massnahmen/massnahme/")
    assert antwort.status_code == 302


def test_admin_formular_prueft_region(client):
    client.force_login(sachbearbeitung())
    daten = {
        "titel": "Neu",
        "slug": "neu",
        "kurzbeschreibung": "Kurz",
        "handlungsfeld": handlungsfeld("sprache").pk,
        "ressort": "Sozialministerium",
        "beginn": "01.01.2025",
        "veroeffentlicht": "on",
    }
    antwort = client.post("/admin/massnahmen/massnahme/add/", daten)
    assert antwort.status_code == 200
    assert "Wählen Sie „landesweit“ oder mindestens einen Kreis." in antwort.content.decode()
    daten["kreise"] = [kreis("08116").pk]
    antwort = client.post("/admin/massnahmen/massnahme/add/", daten)
    assert antwort.status_code == 302, antwort.context["adminform"].form.errors
    assert Massnahme.objects.get(slug="neu").kreise.get().kreisschluessel == "08116"


def test_veroeffentlichen_und_zurueckziehen(client):
    entwurf = MassnahmeFactory(veroeffentlicht=False)
    client.force_login(sachbearbeitung())
    client.post(
        "/admin/massnahmen/massnahme/",
        {"action": "veroeffentlichen", "_selected_action": [entwurf.pk]},
    )
    assert client.get(entwurf.get_absolute_url()).status_code == 200
    client.post(
        "/admin/massnahmen/massnahme/",
        {"action": "zurueckziehen", "_selected_action": [entwurf.pk]},
    )
    client.logout()
    assert client.get(entwurf.get_absolute_url()).status_code == 404
    assert list(
        Protokolleintrag.objects.order_by("zeitpunkt", "pk").values_list("aktion", flat=True)
    ) == ["massnahme_veroeffentlicht", "massnahme_zurueckgezogen"]


@pytest.mark.parametrize("anzahl", [5, 60])
def test_admin_liste_abfragen_bleiben_gleich(client, django_assert_max_num_queries, anzahl):
    for n in range(anzahl):
        MassnahmeFactory(titel=f"Maßnahme {n}")
    client.force_login(sachbearbeitung())
    with django_assert_max_num_queries(20):
        antwort = client.get("/admin/massnahmen/massnahme/")
    assert antwort.status_code == 200


def test_veroeffentlichen_im_formular_wird_protokolliert(client):
    bearbeitung = sachbearbeitung()
    client.force_login(bearbeitung)
    daten = {
        "titel": "Neu",
        "slug": "neu",
        "kurzbeschreibung": "Kurz",
        "handlungsfeld": handlungsfeld("sprache").pk,
        "ressort": "Sozialministerium",
        "beginn": "01.01.2025",
        "landesweit": "on",
        "veroeffentlicht": "on",
    }
    assert client.post("/admin/massnahmen/massnahme/add/", daten).status_code == 302
    massnahme = Massnahme.objects.get(slug="neu")
    assert massnahme.veroeffentlicht is True
    del daten["veroeffentlicht"]
    antwort = client.post(f"/admin/massnahmen/massnahme/{massnahme.pk}/change/", daten)
    assert antwort.status_code == 302
    massnahme.refresh_from_db()
    assert massnahme.veroeffentlicht is False
    assert list(
        Protokolleintrag.objects.filter(benutzer=bearbeitung)
        .order_by("zeitpunkt", "pk")
        .values_list("aktion", flat=True)
    ) == ["massnahme_veroeffentlicht", "massnahme_zurueckgezogen"]


def test_slug_bleibt_nach_dem_anlegen_gleich(client):
    massnahme = MassnahmeFactory(slug="sprachcafe", landesweit=True)
    client.force_login(sachbearbeitung())
    daten = {
        "titel": "Sprachcafé neu",
        "slug": "ganz-anders",
        "kurzbeschreibung": "Kurz",
        "handlungsfeld": handlungsfeld("sprache").pk,
        "ressort": "Sozialministerium",
        "beginn": "01.01.2025",
        "landesweit": "on",
    }
    antwort = client.post(f"/admin/massnahmen/massnahme/{massnahme.pk}/change/", daten)
    assert antwort.status_code == 302
    massnahme.refresh_from_db()
    assert massnahme.titel == "Sprachcafé neu"
    assert massnahme.slug == "sprachcafe"
