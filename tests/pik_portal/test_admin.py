import pytest

from pik_portal.models import Mitgliedschaft
from tests.factories import OrganisationFactory, mitglied, referatsleitung, sachbearbeitung

pytestmark = pytest.mark.django_db


def test_sachbearbeitung_sieht_organisationen_und_kreise(client):
    client.force_login(sachbearbeitung())
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pik_portal/organisation/").status_code == 200
    assert client.get("/admin/pik_portal/kreis/").status_code == 200
    # Reference data cannot be added or deleted.
    assert client.get("/admin/pik_portal/kreis/add/").status_code == 403


def test_referatsleitung_darf_organisationen_nicht_aendern(client):
    org = OrganisationFactory()
    client.force_login(referatsleitung())
    assert client.get(f"/admin/pik_portal/organisation/{org.pk}/change/").status_code == 200
    antwort = client.post(f"/admin/pik_portal/organisation/{org.pk}/change/", {"name": "X"})
    assert antwort.status_code == 403


def test_kommunale_nutzer_kommen_nicht_in_die_verwaltung(client):
    client.force_login(mitglied())
    antwort = client.get("/admin/")
    assert antwort.status_code == 302
    assert "/admin/login/" in antwort["Location"]


@pytest.mark.parametrize("anzahl", [2, 40])
def test_organisationsliste_abfragen_konstant(client, django_assert_max_num_queries, anzahl):
    for _ in range(anzahl):
        mitglied(OrganisationFactory(), rolle=Mitgliedschaft.Rolle.MITGLIED)
    client.force_login(sachbearbeitung())
    with django_assert_max_num_queries(12):
        assert client.get("/admin/pik_portal/organisation/").status_code == 200
