"""The production shape without Docker: the same commands docker-compose.yml runs."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

BASIS = Path(settings.BASE_DIR)
BIN = Path(sys.executable).parent


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _produktionsumgebung(tmp_path, **extra):
    umgebung = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "produktion-" + "s" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        **extra,
    }
    for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        umgebung.pop(name, None)
    return umgebung


def _warten_auf(url, sekunden=30):
    ende = time.monotonic() + sekunden
    while time.monotonic() < ende:
        try:
            return urllib.request.urlopen(url, timeout=2)  # noqa: S310 - local test server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"{url} antwortet nicht")


def test_gunicorn_mit_whitenoise(tmp_path):
    umgebung = _produktionsumgebung(tmp_path)
    for befehl in (["collectstatic", "--noinput"], ["migrate", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *befehl],
            cwd=BASIS,
            env=umgebung,
            check=True,
            capture_output=True,
            timeout=120,
        )
    port = _freier_port()
    umgebung["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    umgebung["GUNICORN_WORKERS"] = "1"
    prozess = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "pik_portal.wsgi:application",
            "--config",
            "deploy/gunicorn.conf.py",
        ],
        cwd=BASIS,
        env=umgebung,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        antwort = _warten_auf(f"http://127.0.0.1:{port}/healthz")
        assert antwort.status == 200
        # Behind the TLS-terminating proxy: HSTS and secure cookies apply.
        anfrage = urllib.request.Request(
            f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": "https"}
        )
        start = urllib.request.urlopen(anfrage, timeout=5)  # noqa: S310
        html = start.read().decode()
        assert start.headers["Strict-Transport-Security"].startswith("max-age=")
        assert "Content-Security-Policy" in start.headers
        # whitenoise serves the hashed, compressed KERN stylesheet with a long cache time.
        css_pfad = html.split('href="/static/vendor/kern/kern.min.')[1].split('"')[0]
        css = urllib.request.urlopen(  # noqa: S310
            f"http://127.0.0.1:{port}/static/vendor/kern/kern.min.{css_pfad}", timeout=5
        )
        assert css.status == 200
        assert "max-age=315360000" in css.headers["Cache-Control"]
        bereit = urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5)  # noqa: S310
        assert bereit.status == 200
    finally:
        prozess.terminate()
        prozess.wait(timeout=20)


@pytest.mark.redis
def test_celery_worker_und_beat_kommandos(tmp_path, broker_url):
    umgebung = _produktionsumgebung(
        tmp_path, CELERY_BROKER_URL=broker_url, CELERY_RESULT_BACKEND=broker_url
    )
    worker = subprocess.Popen(
        [
            str(BIN / "celery"),
            "-A",
            "pik_portal",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--hostname",
            f"test-{os.getpid()}@%h",
        ],
        cwd=BASIS,
        env=umgebung,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    beat = subprocess.Popen(
        [
            str(BIN / "celery"),
            "-A",
            "pik_portal",
            "beat",
            "--loglevel=INFO",
            "--schedule",
            str(tmp_path / "celerybeat-schedule"),
        ],
        cwd=BASIS,
        env=umgebung,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        skript = (
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE','pik_portal.settings');"
            "django.setup(); from pik_portal.tasks import ping; print(ping.delay().get(timeout=30))"
        )
        ergebnis = subprocess.run(
            [sys.executable, "-c", skript],
            cwd=BASIS,
            env=umgebung,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert ergebnis.stdout.strip() == "pong", ergebnis.stderr
        assert beat.poll() is None, "beat ist abgestürzt"
    finally:
        for prozess in (worker, beat):
            prozess.terminate()
            prozess.wait(timeout=30)
