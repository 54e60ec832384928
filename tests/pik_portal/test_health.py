import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthz(client):
    antwort = client.get("/healthz")
    assert antwort.status_code == 200
    assert antwort.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_ok_ohne_broker(client, settings):
    settings.CELERY_BROKER_URL = ""
    antwort = client.get("/readyz")
    assert antwort.status_code == 200
    assert antwort.json()["pruefungen"]["datenbank"] == "ok"


@pytest.mark.django_db
def test_readyz_mit_echtem_broker(client, settings, broker_url):
    settings.CELERY_BROKER_URL = broker_url
    antwort = client.get("/readyz")
    assert antwort.status_code == 200, antwort.content
    assert antwort.json()["pruefungen"]["broker"] == "ok"


@pytest.mark.django_db
@pytest.mark.erlaubt_fehlerlog
def test_readyz_503_wenn_broker_nicht_erreichbar(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    antwort = client.get("/readyz")
    assert antwort.status_code == 503
    assert antwort.json()["status"] == "fehler"
    assert antwort.json()["pruefungen"]["broker"].startswith("fehler")


@pytest.mark.django_db
@pytest.mark.erlaubt_fehlerlog
def test_readyz_503_wenn_datenbank_weg(client, monkeypatch):
    def kaputt(*args, **kwargs):
        raise ConnectionError("weg")

    monkeypatch.setattr(connection, "cursor", kaputt)
    antwort = client.get("/readyz")
    assert antwort.status_code == 503
    assert antwort.json()["pruefungen"]["datenbank"] == "fehler: ConnectionError"
