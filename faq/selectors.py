"""Reads of the FAQ: the published tree and the search."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Frage, Kategorie

SUCHE_MAX_LAENGE = 200
# Markers PostgreSQL puts around hits; the excerpt is escaped first, then they become <mark>.
_START = "\ue000"
_STOP = "\ue001"


def kategorien_mit_fragen():
    """Categories that have published questions, each with ``.fragen_liste`` prefetched."""
    fragen = Frage.objects.veroeffentlicht().order_by("reihenfolge", "frage")
    return [
        k
        for k in Kategorie.objects.prefetch_related(
            Prefetch("fragen", queryset=fragen, to_attr="fragen_liste")
        )
        if k.fragen_liste
    ]


@dataclass
class Treffer:
    frage: Frage
    auszug: SafeString


def _auszug_markieren(text: str) -> SafeString:
    sicher = escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(sicher)  # noqa: S308 - escaped above, only our own <mark> added


def _suche_postgres(basis, suchtext: str) -> list[Treffer]:
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
    )

    vektor = SearchVector("frage", weight="A", config="german") + SearchVector(
        "antwort_klartext", weight="B", config="german"
    )
    anfrage = SearchQuery(suchtext, config="german", search_type="websearch")
    fragen = (
        basis.annotate(suchvektor=vektor)
        .filter(suchvektor=anfrage)
        .annotate(
            # Weights for D, C, B, A: a hit in the question counts five times a hit in the answer.
            rang=SearchRank(vektor, anfrage, weights=[0.05, 0.1, 0.2, 1.0]),
            auszug=SearchHeadline(
                "antwort_klartext",
                anfrage,
                config="german",
                start_sel=_START,
                stop_sel=_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
            titel_auszug=SearchHeadline(
                "frage",
                anfrage,
                config="german",
                start_sel=_START,
                stop_sel=_STOP,
                highlight_all=True,
            ),
        )
        .order_by("-rang", "kategorie__reihenfolge", "reihenfolge", "pk")
    )
    treffer = []
    for f in fragen:
        f.titel_markiert = _auszug_markieren(f.titel_auszug)
        treffer.append(Treffer(frage=f, auszug=_auszug_markieren(f.auszug)))
    return treffer


def _auszug_einfach(text: str, woerter: list[str], breite: int = 200) -> SafeString:
    """Excerpt around the first hit with all hits marked (SQLite fallback)."""
    klein = text.lower()
    positionen = [p for p in (klein.find(w.lower()) for w in woerter) if p >= 0]
    start = max(0, min(positionen) - breite // 3) if positionen and len(text) > breite else 0
    stueck = text[start : start + breite]
    muster = re.compile("|".join(re.escape(w) for w in woerter), re.IGNORECASE)
    markiert = muster.sub(lambda m: _START + m.group(0) + _STOP, stueck)
    praefix = "… " if start > 0 else ""
    suffix = " …" if start + breite < len(text) else ""
    return _auszug_markieren(praefix + markiert + suffix)


def _suche_einfach(basis, suchtext: str) -> list[Treffer]:
    woerter = suchtext.split()[:10]
    bedingung = Q()
    im_titel = Q()
    for wort in woerter:
        bedingung &= Q(frage__icontains=wort) | Q(antwort_klartext__icontains=wort)
        im_titel &= Q(frage__icontains=wort)
    fragen = (
        basis.filter(bedingung)
        .annotate(
            rang=Case(When(im_titel, then=Value(1)), default=Value(0), output_field=IntegerField())
        )
        .order_by("-rang", "kategorie__reihenfolge", "reihenfolge", "pk")
    )
    treffer = []
    for f in fragen:
        f.titel_markiert = _auszug_einfach(f.frage, woerter, breite=len(f.frage))
        treffer.append(Treffer(frage=f, auszug=_auszug_einfach(f.antwort_klartext, woerter)))
    return treffer


def fragen_suchen(suchtext: str) -> list[Treffer]:
    """Published questions matching ``suchtext``, best first.

    PostgreSQL: German full-text search (stemming, question weighted above answer,
    highlighted excerpts). Elsewhere (SQLite in development): case-insensitive
    substring search on every word, question matches first.
    """
    suchtext = suchtext.strip()[:SUCHE_MAX_LAENGE]
    if not suchtext:
        return []
    basis = Frage.objects.veroeffentlicht().select_related("kategorie")
    if settings.IST_POSTGRES:
        return _suche_postgres(basis, suchtext)
    return _suche_einfach(basis, suchtext)
