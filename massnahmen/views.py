"""Public pages of the Maßnahmen catalogue and its exports (no login)."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pik_portal.csv_export import csv_antwort

from .filters import massnahmen_filtern
from .models import Massnahme
from .selectors import export_datensatz, export_kopfzeile, export_zeile

PRO_SEITE = 20


def index(request):
    filterset = massnahmen_filtern(request.GET)
    filterset.form.is_valid()
    seite = Paginator(filterset.qs, PRO_SEITE).get_page(request.GET.get("page"))
    return render(
        request,
        "massnahmen/index.html",
        {
            "filter": filterset,
            "form": filterset.form,
            "seite": seite,
            "massnahmen": seite.object_list,
            # The validated value, so a forged ``sort`` never marks a column.
            "sortierung": filterset.form.cleaned_data.get("sort") or "",
        },
    )


def detail(request, slug):
    massnahme = get_object_or_404(Massnahme.objects.veroeffentlicht().fuer_liste(), slug=slug)
    return render(
        request,
        "massnahmen/detail.html",
        {
            "massnahme": massnahme,
            "breadcrumb": [
                (reverse("massnahmen:index"), _("Maßnahmen")),
                ("", massnahme.titel),
            ],
        },
    )


def export_csv(request):
    filterset = massnahmen_filtern(request.GET)
    adresse = request.build_absolute_uri("/").rstrip("/")
    zeilen = (export_zeile(m, adresse) for m in filterset.qs)
    return csv_antwort(
        f"massnahmen-{timezone.localdate():%Y-%m-%d}.csv", export_kopfzeile(), zeilen
    )


def export_json(request):
    filterset = massnahmen_filtern(request.GET)
    adresse = request.build_absolute_uri("/").rstrip("/")
    daten = [export_datensatz(m, adresse) for m in filterset.qs]
    antwort = JsonResponse(
        {"anzahl": len(daten), "massnahmen": daten},
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    antwort["Content-Disposition"] = (
        f'inline; filename="massnahmen-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return antwort
