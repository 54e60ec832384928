"""Create demo data (idempotent): ``manage.py demo_daten``.

The shared part comes first; then each area adds its own data through
``<app>.demo.demo_daten_anlegen(kontext, ausgabe)`` if that module exists.
"""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from pik_portal import demo

BEREICHE = ["foerderantraege", "erstattungen", "faq", "massnahmen"]


class Command(BaseCommand):
    help = "Legt Demodaten an (mehrfach ausführbar) und zeigt die Demo-Zugänge."

    def handle(self, *args, **options):
        kontext: dict = {}
        with transaction.atomic():
            demo.demo_daten_anlegen(kontext, self.stdout)
            for bereich in BEREICHE:
                try:
                    modul = importlib.import_module(f"{bereich}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{bereich}.demo":
                        raise
                    continue
                modul.demo_daten_anlegen(kontext, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demodaten sind angelegt."))
        self.stdout.write("")
        self.stdout.write(f"Demo-Zugänge (Passwort für alle: {demo.DEMO_PASSWORT}):")
        for email, rolle in kontext["logins"]:
            self.stdout.write(f"  {email:<32} {rolle}")
        self.stdout.write("")
        self.stdout.write("Anmeldung: http://127.0.0.1:8000/konto/anmelden/ · Verwaltung: /admin/")
