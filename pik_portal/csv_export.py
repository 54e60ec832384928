"""CSV for Excel users: UTF-8 with BOM, semicolons, German numbers and dates.

Text cells that a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return) are prefixed with an apostrophe. Numbers are
written as numbers and are never neutralised.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse

from .money import zahl_formatieren

FORMEL_ANFAENGE = ("=", "+", "-", "@", "\t", "\r")


def zelle_neutralisieren(text: str) -> str:
    if text and text.startswith(FORMEL_ANFAENGE):
        return "'" + text
    return text


def zelle(wert) -> str:
    if wert is None:
        return ""
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, Decimal):
        return zahl_formatieren(wert)
    if isinstance(wert, int):
        return str(wert)
    if isinstance(wert, datetime.datetime):
        return wert.strftime("%d.%m.%Y %H:%M")
    if isinstance(wert, datetime.date):
        return wert.strftime("%d.%m.%Y")
    return zelle_neutralisieren(str(wert))


def csv_text(kopfzeile: Sequence[str], zeilen: Iterable[Sequence]) -> str:
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    schreiber.writerow([zelle_neutralisieren(k) for k in kopfzeile])
    for zeile in zeilen:
        schreiber.writerow([zelle(w) for w in zeile])
    return puffer.getvalue()


def csv_antwort(dateiname: str, kopfzeile: Sequence[str], zeilen: Iterable[Sequence]):
    """An HttpResponse with the CSV as an attachment, BOM first so Excel picks UTF-8."""
    antwort = HttpResponse(
        ("\ufeff" + csv_text(kopfzeile, zeilen)).encode("utf-8"),
        content_type="text/csv; charset=utf-8",
    )
    antwort["Content-Disposition"] = f'attachment; filename="{dateiname}"'
    return antwort
