"""Response times of the public pages, as ratios to the start page measured in the same run.

Usage: .venv/bin/python benchmarks/oeffentliche_seiten.py [--runden 30]

Builds a throw-away SQLite database with the demo data (all 44 Kreise × 3 years of
Vorauszahlungen, 41 Maßnahmen, 30 FAQ questions), then requests each page repeatedly
through Django's test client. Absolute times depend on the machine; the ratios to the
start page (a template without database work) are what to compare between runs.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runden", type=int, default=30)
    args = parser.parse_args()

    ordner = tempfile.mkdtemp(prefix="pik-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{ordner}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{ordner}/media"
    os.environ["EMAIL_URL"] = "dummymail://"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pik_portal.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as still:
        call_command("demo_daten", stdout=still)

    client = Client()
    seiten = {
        "Startseite (Basis)": "/",
        "Vorauszahlungen, ungefiltert": "/erstattungen/vorauszahlungen/",
        "Vorauszahlungen, Jahr + Bezirk": "/erstattungen/vorauszahlungen/?jahr=2025&regierungsbezirk=Stuttgart",
        "Vorauszahlungen CSV": "/erstattungen/vorauszahlungen.csv",
        "Vorauszahlungen JSON": "/erstattungen/vorauszahlungen.json",
        "FAQ": "/faq/",
        "FAQ-Suche": "/faq/?q=Antrag",
        "Maßnahmen": "/massnahmen/",
        "Maßnahmen, Filter Kreis": "/massnahmen/?kreis=08116",
        "Maßnahmen CSV": "/massnahmen.csv",
    }

    def messen(url, cache_leeren):
        zeiten = []
        for _ in range(args.runden):
            if cache_leeren:
                cache.clear()
            start = time.perf_counter()
            antwort = client.get(url)
            zeiten.append(time.perf_counter() - start)
            assert antwort.status_code == 200, (url, antwort.status_code)
        return statistics.median(zeiten)

    basis = messen("/", cache_leeren=False)
    print(f"{'Seite':<34} {'Abfragen':>8} {'ohne Cache':>11} {'mit Cache':>10}")
    for name, url in seiten.items():
        cache.clear()
        reset_queries()  # the request_started signal clears the log; start from zero
        with CaptureQueriesContext(connection) as abfragen:
            client.get(url)
        kalt = messen(url, cache_leeren=True) / basis
        warm = messen(url, cache_leeren=False) / basis
        print(f"{name:<34} {len(abfragen):>8} {kalt:>10.1f}× {warm:>9.1f}×")
    print(f"\nBasis: Startseite, Median {basis * 1000:.1f} ms über {args.runden} Abrufe.")


if __name__ == "__main__":
    main()
