import re

import pytest

pytestmark = pytest.mark.django_db

OEFFENTLICH = [
    "/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/konto/anmelden/",
    "/faq/",
    "/erstattungen/vorauszahlungen/",
    "/massnahmen/",
    "/konto/passwort/vergessen/",
]


@pytest.mark.parametrize("url", OEFFENTLICH)
def test_oeffentliche_seiten(client, url):
    antwort = client.get(url)
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert '<html lang="de"' in html
    assert html.count("<h1") == 1
    assert 'href="#inhalt"' in html
    assert "<main" in html and "<nav" in html and "<footer" in html
    assert "Content-Security-Policy" in antwort.headers
    assert "'unsafe-inline'" not in antwort.headers["Content-Security-Policy"]
    assert " style=" not in html
    # Only external scripts from our own origin, never inline code.
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/js/portal.js" defer>']


def test_startseite_verlinkt_die_bereiche(client):
    html = client.get("/").content.decode()
    for ziel in ["/antraege/", "/erstattungen/vorauszahlungen/", "/faq/", "/massnahmen/"]:
        assert f'href="{ziel}"' in html
    assert "Integrationsmanagement" in html


def test_private_bereiche_verlangen_anmeldung(client):
    for url in ["/antraege/", "/konto/"]:
        antwort = client.get(url)
        assert antwort.status_code == 302
        assert antwort["Location"].startswith("/konto/anmelden/")


def test_404_seite_deutsch(client):
    antwort = client.get("/gibt-es-nicht/")
    assert antwort.status_code == 404


def test_static_dateien_mit_kern(client):
    from django.contrib.staticfiles import finders

    assert finders.find("vendor/kern/kern.min.css")
    assert finders.find("vendor/kern/fonts/fira-sans/FiraSans-Regular.woff2")
    assert finders.find("vendor/kern/LICENSE.md")
