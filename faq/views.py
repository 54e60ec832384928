from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .forms import BewertungFormular, SuchFormular
from .models import Frage, FrageSlugAlt, Kategorie, KategorieSlugAlt
from .selectors import fragen_suchen, kategorien_mit_fragen
from .services import bereits_bewertet, frage_bewerten


def _stand(kategorien):
    daten = [f.aktualisiert_am for k in kategorien for f in k.fragen_liste]
    return max(daten) if daten else None


@require_GET
def index(request):
    """The FAQ overview, or the search results when ``q`` is given."""
    formular = SuchFormular(request.GET if "q" in request.GET else None)
    breadcrumb = [(reverse("faq:index"), _("Häufige Fragen"))]
    if formular.is_bound:
        gueltig = formular.is_valid()
        suchtext = formular.cleaned_data.get("q", "") if gueltig else ""
        if not gueltig or suchtext:
            treffer = fragen_suchen(suchtext) if gueltig else []
            return render(
                request,
                "faq/suche.html",
                {
                    "formular": formular,
                    "suchtext": suchtext,
                    "treffer": treffer,
                    # Suggestions for the "nothing found" case (and the too-long query).
                    "kategorien": [] if treffer else kategorien_mit_fragen(),
                    "breadcrumb": [*breadcrumb, ("", _("Suche"))],
                },
            )
    kategorien = kategorien_mit_fragen()
    return render(
        request,
        "faq/index.html",
        {
            "formular": formular,
            "leere_suche": formular.is_bound,
            "kategorien": kategorien,
            "stand": _stand(kategorien),
            "breadcrumb": breadcrumb,
        },
    )


@require_GET
def kategorie(request, kategorie):
    k = Kategorie.objects.filter(slug=kategorie).first()
    if k is None:
        alt = get_object_or_404(
            KategorieSlugAlt.objects.select_related("kategorie"), slug=kategorie
        )
        return redirect(alt.kategorie, permanent=True)
    fragen = list(k.fragen.veroeffentlicht().order_by("reihenfolge", "frage"))
    if not fragen:
        raise Http404("Kategorie ohne veröffentlichte Fragen")
    return render(
        request,
        "faq/kategorie.html",
        {
            "kategorie": k,
            "fragen": fragen,
            "stand": max(f.aktualisiert_am for f in fragen),
            "formular": SuchFormular(),
            "breadcrumb": [(reverse("faq:index"), _("Häufige Fragen")), ("", k.titel)],
        },
    )


def _frage_oder_404(kategorie_slug, frage_slug):
    """The published question, or a redirect target when the link uses an old slug."""
    f = Frage.objects.veroeffentlicht().select_related("kategorie").filter(slug=frage_slug).first()
    if f is None:
        alt = get_object_or_404(
            FrageSlugAlt.objects.select_related("frage__kategorie"),
            slug=frage_slug,
            frage__veroeffentlicht=True,
        )
        return alt.frage, True
    return f, f.kategorie.slug != kategorie_slug


@require_GET
def frage(request, kategorie, frage):
    f, umleiten = _frage_oder_404(kategorie, frage)
    if umleiten:
        return redirect(f, permanent=True)
    verwandte = list(
        f.verwandte_fragen.veroeffentlicht().select_related("kategorie").order_by("frage")
    )
    return render(
        request,
        "faq/frage.html",
        {
            "frage": f,
            "verwandte": verwandte,
            "bewertet": bereits_bewertet(request.session, f.pk),
            "breadcrumb": [
                (reverse("faq:index"), _("Häufige Fragen")),
                (f.kategorie.get_absolute_url(), f.kategorie.titel),
                ("", f.frage),
            ],
        },
    )


@require_POST
def bewerten(request, kategorie, frage):
    f = get_object_or_404(
        Frage.objects.veroeffentlicht().select_related("kategorie"),
        slug=frage,
        kategorie__slug=kategorie,
    )
    formular = BewertungFormular(request.POST)
    if formular.is_valid():
        frage_bewerten(
            frage=f, session=request.session, hilfreich=formular.cleaned_data["hilfreich"]
        )
    else:
        messages.error(request, _("Bitte wählen Sie „Ja“ oder „Nein“."))
    return redirect(f.get_absolute_url() + "#bewertung")


@require_GET
def faq_json(request):
    """All published questions as JSON, for other portals to reuse."""
    kategorien = kategorien_mit_fragen()
    stand = _stand(kategorien)
    daten = {
        "titel": "PIK-FAQ – Häufige Fragen zum Pakt für Integration Baden-Württemberg",
        "quelle": request.build_absolute_uri(reverse("faq:index")),
        "stand": timezone.localtime(stand).isoformat() if stand else None,
        "kategorien": [
            {
                "titel": k.titel,
                "slug": k.slug,
                "kurzbeschreibung": k.kurzbeschreibung,
                "url": request.build_absolute_uri(k.get_absolute_url()),
                "fragen": [
                    {
                        "frage": f.frage,
                        "slug": f.slug,
                        "url": request.build_absolute_uri(f.get_absolute_url()),
                        "antwort_markdown": f.antwort,
                        "antwort_html": str(f.antwort_html),
                        "zuletzt_aktualisiert": timezone.localtime(f.aktualisiert_am).isoformat(),
                        "beispielinhalt": f.beispielinhalt,
                    }
                    for f in k.fragen_liste
                ],
            }
            for k in kategorien
        ],
    }
    antwort = JsonResponse(daten, json_dumps_params={"ensure_ascii": False, "indent": 2})
    # Public, read-only data meant for reuse by other portals.
    antwort["Access-Control-Allow-Origin"] = "*"
    return antwort
