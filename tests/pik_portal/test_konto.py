import re

import pytest
from django.core import mail

from pik_portal.models import Mitgliedschaft, Protokolleintrag
from tests.factories import PASSWORT, BenutzerFactory, OrganisationFactory, mitglied

pytestmark = pytest.mark.django_db


def test_anmelden_mit_email_gross_klein_egal(client):
    benutzer = BenutzerFactory(email="lena.maier@lra-es.example")
    antwort = client.post(
        "/konto/anmelden/", {"username": "Lena.Maier@LRA-ES.example", "password": PASSWORT}
    )
    assert antwort.status_code == 302
    assert client.session["_auth_user_id"] == str(benutzer.pk)


def test_falsches_passwort_deutsche_meldung_und_email_bleibt(client):
    BenutzerFactory(email="a@b.example")
    antwort = client.post("/konto/anmelden/", {"username": "a@b.example", "password": "falsch"})
    html = antwort.content.decode()
    assert antwort.status_code == 200
    assert "E-Mail-Adresse oder Passwort sind nicht richtig" in html
    assert 'value="a@b.example"' in html
    assert "kern-alert--danger" in html


def test_sperre_nach_fuenf_fehlversuchen(client):
    BenutzerFactory(email="ziel@b.example")
    for _ in range(5):
        client.post("/konto/anmelden/", {"username": "ziel@b.example", "password": "falsch"})
    antwort = client.post("/konto/anmelden/", {"username": "ziel@b.example", "password": PASSWORT})
    assert antwort.status_code == 429
    assert "vorübergehend gesperrt" in antwort.content.decode()
    assert "_auth_user_id" not in client.session


def test_passwort_zuruecksetzen_per_mail(client):
    BenutzerFactory(email="vergessen@b.example")
    antwort = client.post("/konto/passwort/vergessen/", {"email": "vergessen@b.example"})
    assert antwort.status_code == 302
    assert len(mail.outbox) == 1
    nachricht = mail.outbox[0]
    assert "Passwort" in nachricht.subject
    link = re.search(r"http://testserver(/konto/passwort/neu/\S+)", nachricht.body).group(1)
    antwort = client.get(link, follow=True)
    assert antwort.status_code == 200
    formular_url = antwort.redirect_chain[-1][0] if antwort.redirect_chain else link
    antwort = client.post(
        formular_url,
        {"new_password1": "Ein-neues-Passwort-42", "new_password2": "Ein-neues-Passwort-42"},
    )
    assert antwort.status_code == 302
    assert client.login is not None


def test_abmelden_nur_per_post(client):
    client.force_login(BenutzerFactory())
    assert client.get("/konto/abmelden/").status_code == 405
    assert client.post("/konto/abmelden/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_mitglieder_seite_fremde_organisation_404(client):
    fremde = OrganisationFactory()
    mitglied(fremde)
    client.force_login(mitglied())
    assert client.get(f"/konto/organisationen/{fremde.pk}/mitglieder/").status_code == 404
    m = fremde.mitgliedschaften.first()
    for aktion in ["rolle", "entfernen"]:
        url = f"/konto/organisationen/{fremde.pk}/mitglieder/{m.pk}/{aktion}/"
        assert client.post(url, {"rolle": "mitglied"}).status_code == 404
    assert fremde.mitgliedschaften.count() == 1


def test_zeichnungsberechtigte_verwalten_mitglieder(client):
    org = OrganisationFactory()
    chefin = mitglied(org)
    client.force_login(chefin)
    antwort = client.post(
        f"/konto/organisationen/{org.pk}/mitglieder/",
        {"email": "Neu@Kreis.example", "name": "Neue Person", "rolle": "mitglied"},
    )
    assert antwort.status_code == 302
    neu = org.mitgliedschaften.get(benutzer__email="neu@kreis.example")
    assert neu.rolle == Mitgliedschaft.Rolle.MITGLIED
    client.post(
        f"/konto/organisationen/{org.pk}/mitglieder/{neu.pk}/rolle/",
        {"rolle": "zeichnungsberechtigt"},
    )
    neu.refresh_from_db()
    assert neu.ist_zeichnungsberechtigt
    client.post(f"/konto/organisationen/{org.pk}/mitglieder/{neu.pk}/entfernen/")
    assert not org.mitgliedschaften.filter(pk=neu.pk).exists()
    aktionen = list(
        Protokolleintrag.objects.filter(organisation=org).values_list("aktion", flat=True)
    )
    assert sorted(aktionen) == ["mitglied_entfernt", "mitglied_hinzugefuegt", "rolle_geaendert"]


def test_letzte_zeichnungsberechtigte_bleibt(client):
    org = OrganisationFactory()
    chefin = mitglied(org)
    client.force_login(chefin)
    eigene = org.mitgliedschaften.get(benutzer=chefin)
    antwort = client.post(
        f"/konto/organisationen/{org.pk}/mitglieder/{eigene.pk}/rolle/",
        {"rolle": "mitglied"},
        follow=True,
    )
    assert "mindestens eine zeichnungsberechtigte Person" in antwort.content.decode()
    eigene.refresh_from_db()
    assert eigene.ist_zeichnungsberechtigt


def test_einfaches_mitglied_darf_nicht_verwalten(client):
    org = OrganisationFactory()
    mitglied(org)
    einfach = mitglied(org, rolle=Mitgliedschaft.Rolle.MITGLIED)
    client.force_login(einfach)
    antwort = client.get(f"/konto/organisationen/{org.pk}/mitglieder/")
    assert antwort.status_code == 200
    assert "Mitglied hinzufügen" not in antwort.content.decode()
    client.post(
        f"/konto/organisationen/{org.pk}/mitglieder/",
        {"email": "x@y.example", "name": "X", "rolle": "zeichnungsberechtigt"},
    )
    assert not org.mitgliedschaften.filter(benutzer__email="x@y.example").exists()
    andere = org.mitgliedschaften.exclude(benutzer=einfach).first()
    antwort = client.post(f"/konto/organisationen/{org.pk}/mitglieder/{andere.pk}/entfernen/")
    assert antwort.status_code == 403


@pytest.mark.parametrize("anzahl", [1, 25])
def test_mitgliederliste_abfragen_konstant(client, django_assert_max_num_queries, anzahl):
    org = OrganisationFactory()
    chefin = mitglied(org)
    for _ in range(anzahl):
        mitglied(org, rolle=Mitgliedschaft.Rolle.MITGLIED)
    client.force_login(chefin)
    with django_assert_max_num_queries(8):
        assert client.get(f"/konto/organisationen/{org.pk}/mitglieder/").status_code == 200


def test_zu_lange_email_ist_ein_formularfehler(client):
    org = OrganisationFactory()
    client.force_login(mitglied(org))
    email = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".de"  # valid, 311 characters
    antwort = client.post(
        f"/konto/organisationen/{org.pk}/mitglieder/",
        {"email": email, "name": "Neue Person", "rolle": "mitglied"},
    )
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "höchstens 254 Zeichen" in html
    assert 'value="Neue Person"' in html
    assert org.mitgliedschaften.count() == 1


def test_zu_lange_email_bei_der_anmeldung(client):
    # axes stores the attempted user name in a column of 255 characters.
    email = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".de"
    antwort = client.post("/konto/anmelden/", {"username": email, "password": "falsch"})
    assert antwort.status_code == 200
    assert "höchstens 254 Zeichen" in antwort.content.decode()
