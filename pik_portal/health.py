"""Liveness and readiness probes for load balancers and docker compose."""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _datenbank_pruefen() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return type(exc).__name__
    return None


def _broker_pruefen() -> str | None:
    if not settings.CELERY_BROKER_URL:
        return None
    from kombu import Connection

    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as verbindung:
            verbindung.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    except Exception as exc:
        return type(exc).__name__
    return None


@require_GET
@never_cache
def readyz(request):
    pruefungen = {"datenbank": _datenbank_pruefen(), "broker": _broker_pruefen()}
    ok = all(fehler is None for fehler in pruefungen.values())
    body = {
        "status": "ok" if ok else "fehler",
        "pruefungen": {
            name: ("ok" if fehler is None else f"fehler: {fehler}")
            for name, fehler in pruefungen.items()
        },
    }
    if not settings.CELERY_BROKER_URL:
        body["pruefungen"]["broker"] = "nicht konfiguriert (Aufgaben laufen im Prozess)"
    return JsonResponse(body, status=200 if ok else 503)
