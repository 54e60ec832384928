import os
import subprocess
import sys

from django.conf import settings


def test_check_deploy_ohne_warnung():
    umgebung = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": "p" * 20 + "-ein-langer-geheimer-schluessel-fuer-den-test-" + "q" * 10,
        "ALLOWED_HOSTS": "pik.example",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    umgebung.pop("DJANGO_SETTINGS_MODULE", None)
    umgebung.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    ergebnis = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=umgebung,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr
    assert "WARNINGS" not in ergebnis.stderr
    assert "System check identified no issues" in ergebnis.stdout


def test_produktion_verlangt_secret_key():
    umgebung = {**os.environ, "DJANGO_DEBUG": "0", "ALLOWED_HOSTS": "pik.example"}
    umgebung.pop("SECRET_KEY", None)
    ergebnis = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=umgebung,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ergebnis.returncode != 0
    assert "SECRET_KEY" in ergebnis.stderr


def test_deutsche_grundeinstellungen():
    assert settings.LANGUAGE_CODE == "de"
    assert settings.TIME_ZONE == "Europe/Berlin"
