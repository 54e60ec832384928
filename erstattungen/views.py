import json
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pik_portal.csv_export import csv_antwort
from pik_portal.dokumente import RenderStatus, pdf_antwort
from pik_portal.money import betrag_maschinell

from . import selectors, services
from .forms import (
    AnlageForm,
    SpitzabrechnungAnlegenForm,
    SpitzabrechnungForm,
    VorauszahlungFilterForm,
)

CACHE_SEKUNDEN = 60 * 60
TITEL = "Liste der tatsächlich geleisteten Vorauszahlungen"


# --- public list ----------------------------------------------------------------


def _filter(request):
    form = VorauszahlungFilterForm(
        request.GET or None,
        jahre=selectors.jahre_mit_zahlungen(),
        kreise=selectors.kreis_auswahl(),
    )
    return form, form.filter()


def _cache_schluessel(art, f):
    # The version changes on every save/delete of a Vorauszahlung (signals).
    return "erstattungen:vz:{v}:{art}:{jahr}:{rb}:{kreis}:{sort}".format(
        v=services.cache_version(),
        art=art,
        jahr=f["jahr"] or "",
        rb=f["regierungsbezirk"] or "",
        kreis=f["kreis"] or "",
        sort=f["sortierung"],
    )


def _uebersicht(f):
    return selectors.vorauszahlungen_uebersicht(
        jahr=f["jahr"],
        regierungsbezirk=f["regierungsbezirk"],
        kreis=f["kreis"],
        sortierung=f["sortierung"],
    )


def _sortier_links(f):
    basis = {k: f[k] for k in ("jahr", "regierungsbezirk", "kreis") if f[k]}
    return {s: "?" + urlencode({**basis, "sortierung": s}) for s in ("kreis", "betrag")}


def vorauszahlungen(request):
    form, f = _filter(request)
    schluessel = _cache_schluessel("html", f)
    inhalt = cache.get(schluessel)
    if inhalt is None:
        uebersicht = _uebersicht(f)
        inhalt = render_to_string(
            "erstattungen/_vorauszahlungen_inhalt.html",
            {
                "u": uebersicht,
                "diagramm_hoehe": 10 + 28 * len(uebersicht.kreise),
                "sortier_links": _sortier_links(f),
            },
            request=request,
        )
        cache.set(schluessel, inhalt, CACHE_SEKUNDEN)
    query = request.GET.urlencode()
    return render(
        request,
        "erstattungen/vorauszahlungen.html",
        {
            "form": form,
            "inhalt": inhalt,
            "titel": TITEL,
            "csv_url": reverse("erstattungen:vorauszahlungen_csv") + (f"?{query}" if query else ""),
            "json_url": reverse("erstattungen:vorauszahlungen_json")
            + (f"?{query}" if query else ""),
            "breadcrumb": [(None, _("Vorauszahlungen"))],
        },
    )


def vorauszahlungen_csv(request):
    _form, f = _filter(request)
    schluessel = _cache_schluessel("csv", f)
    gecacht = cache.get(schluessel)
    if gecacht is None:
        u = _uebersicht(f)
        zeilen = []
        for g in u.kreise:
            for z in g.zahlungen:
                zeilen.append(
                    [
                        g.kreisschluessel,
                        g.name,
                        g.regierungsbezirk,
                        z.abrechnungsjahr,
                        z.zeitraum,
                        z.betrag,
                        z.zahlungsdatum,
                        z.buchungsreferenz,
                    ]
                )
            zeilen.append(
                [
                    g.kreisschluessel,
                    g.name,
                    g.regierungsbezirk,
                    None,
                    "Summe Kreis",
                    g.summe,
                    None,
                    None,
                ]
            )
        zeilen.append([None, "Summe insgesamt", None, None, None, u.summe, None, None])
        antwort = csv_antwort(
            "vorauszahlungen.csv",
            [
                "Kreisschlüssel",
                "Kreis",
                "Regierungsbezirk",
                "Jahr",
                "Zeitraum",
                "Betrag",
                "Zahlungsdatum",
                "Buchungsreferenz",
            ],
            zeilen,
        )
        gecacht = (antwort.content, antwort["Content-Disposition"])
        cache.set(schluessel, gecacht, CACHE_SEKUNDEN)
    antwort = HttpResponse(gecacht[0], content_type="text/csv; charset=utf-8")
    antwort["Content-Disposition"] = gecacht[1]
    return antwort


def vorauszahlungen_json(request):
    _form, f = _filter(request)
    schluessel = _cache_schluessel("json", f)
    inhalt = cache.get(schluessel)
    if inhalt is None:
        u = _uebersicht(f)
        stand = u.stand
        daten = {
            "titel": TITEL,
            "stand": stand.isoformat() if stand else None,
            "filter": u.filter,
            "sortierung": u.sortierung,
            "waehrung": "EUR",
            "anzahl_zahlungen": u.anzahl,
            "summe": betrag_maschinell(u.summe),
            "kreise": [
                {
                    "kreisschluessel": g.kreisschluessel,
                    "name": g.name,
                    "regierungsbezirk": g.regierungsbezirk,
                    "summe": betrag_maschinell(g.summe),
                    "zahlungen": [
                        {
                            "abrechnungsjahr": z.abrechnungsjahr,
                            "zeitraum": z.zeitraum,
                            "betrag": betrag_maschinell(z.betrag),
                            "zahlungsdatum": z.zahlungsdatum.isoformat(),
                            "buchungsreferenz": z.buchungsreferenz,
                        }
                        for z in g.zahlungen
                    ],
                }
                for g in u.kreise
            ],
        }
        inhalt = json.dumps(daten, ensure_ascii=False, indent=2).encode("utf-8")
        cache.set(schluessel, inhalt, CACHE_SEKUNDEN)
    return HttpResponse(inhalt, content_type="application/json; charset=utf-8")


# --- Spitzabrechnung (Kreis users only) -------------------------------------------


def _kreis_organisationen_oder_404(request):
    organisationen = selectors.kreis_organisationen_von(request.user)
    if not organisationen.exists():
        raise Http404
    return organisationen


def _abrechnung_oder_404(request, pk):
    return get_object_or_404(selectors.spitzabrechnungen_von(request.user), pk=pk)


def _breadcrumb(*weitere):
    return [(reverse("erstattungen:abrechnungen"), _("Spitzabrechnungen")), *weitere]


@login_required
def abrechnungen(request):
    organisationen = _kreis_organisationen_oder_404(request)
    return render(
        request,
        "erstattungen/abrechnungen.html",
        {
            "abrechnungen": selectors.spitzabrechnungen_von(request.user),
            "form": SpitzabrechnungAnlegenForm(organisationen=organisationen),
            "breadcrumb": [(None, _("Spitzabrechnungen"))],
        },
    )


@login_required
def abrechnung_neu(request):
    organisationen = _kreis_organisationen_oder_404(request)
    form = SpitzabrechnungAnlegenForm(request.POST or None, organisationen=organisationen)
    if request.method == "POST" and form.is_valid():
        try:
            abrechnung = services.spitzabrechnung_anlegen(
                request.user,
                form.cleaned_data["organisation"],
                form.cleaned_data["abrechnungsjahr"],
            )
        except ValidationError as exc:
            form.add_error("abrechnungsjahr", exc.messages[0])
        else:
            messages.success(request, _("Der Entwurf ist angelegt."))
            return redirect("erstattungen:abrechnung_bearbeiten", pk=abrechnung.pk)
    return render(
        request,
        "erstattungen/formular.html",
        {
            "form": form,
            "titel": _("Neue Spitzabrechnung"),
            "knopf": _("Entwurf anlegen"),
            "breadcrumb": _breadcrumb((None, _("Neue Spitzabrechnung"))),
        },
    )


@login_required
def abrechnung_detail(request, pk):
    abrechnung = _abrechnung_oder_404(request, pk)
    bescheide = list(abrechnung.bescheide.all())
    saldo = services.saldo_anzeigen(abrechnung, bescheide[0] if bescheide else None)
    return render(
        request,
        "erstattungen/abrechnung_detail.html",
        {
            "abrechnung": abrechnung,
            "saldo": saldo,
            "anlagen": abrechnung.anlagen.all(),
            "verlauf": abrechnung.statusaenderungen.select_related("benutzer"),
            "bescheide": bescheide,
            "fertig": RenderStatus.FERTIG,
            "darf_einreichen": abrechnung.ist_entwurf
            and services._ist_kreis_zeichnungsberechtigt(request.user, abrechnung.organisation),
            "breadcrumb": _breadcrumb((None, str(abrechnung))),
        },
    )


@login_required
def abrechnung_bearbeiten(request, pk):
    abrechnung = _abrechnung_oder_404(request, pk)
    if not abrechnung.ist_entwurf:
        messages.warning(
            request, _("Eine eingereichte Spitzabrechnung kann nicht mehr bearbeitet werden.")
        )
        return redirect("erstattungen:abrechnung", pk=pk)
    positionen = abrechnung.positionen.select_related("kategorie")
    form = SpitzabrechnungForm(
        request.POST or None,
        positionen=positionen,
        initial={
            "personen": abrechnung.personen,
            "belegungstage": abrechnung.belegungstage,
            "bemerkung": abrechnung.bemerkung,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.spitzabrechnung_bearbeiten(
                request.user,
                abrechnung,
                personen=form.cleaned_data["personen"],
                belegungstage=form.cleaned_data["belegungstage"],
                bemerkung=form.cleaned_data["bemerkung"],
                betraege=form.betraege(),
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("Die Angaben sind gespeichert."))
        return redirect("erstattungen:abrechnung", pk=pk)
    return render(
        request,
        "erstattungen/formular.html",
        {
            "form": form,
            "titel": _("Spitzabrechnung %(jahr)s bearbeiten")
            % {"jahr": abrechnung.abrechnungsjahr},
            "einleitung": str(abrechnung.organisation),
            "knopf": _("Speichern"),
            "breadcrumb": _breadcrumb(
                (reverse("erstattungen:abrechnung", args=[pk]), str(abrechnung)),
                (None, _("Bearbeiten")),
            ),
        },
    )


@login_required
def anlage_neu(request, pk):
    abrechnung = _abrechnung_oder_404(request, pk)
    if not abrechnung.ist_entwurf:
        raise Http404
    form = AnlageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.anlage_hinzufuegen(
                request.user,
                abrechnung,
                bezeichnung=form.cleaned_data["bezeichnung"],
                datei=form.cleaned_data["datei"],
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("Die Anlage ist hochgeladen."))
        return redirect("erstattungen:abrechnung", pk=pk)
    return render(
        request,
        "erstattungen/formular.html",
        {
            "form": form,
            "multipart": True,
            "titel": _("Anlage hochladen"),
            "knopf": _("Hochladen"),
            "breadcrumb": _breadcrumb(
                (reverse("erstattungen:abrechnung", args=[pk]), str(abrechnung)),
                (None, _("Anlage hochladen")),
            ),
        },
    )


@login_required
def anlage_herunterladen(request, pk, anlage_pk):
    abrechnung = _abrechnung_oder_404(request, pk)
    anlage = get_object_or_404(abrechnung.anlagen, pk=anlage_pk)
    return pdf_antwort(anlage.datei, anlage.dateiname())


@login_required
@require_POST
def abrechnung_einreichen(request, pk):
    abrechnung = _abrechnung_oder_404(request, pk)
    try:
        services.spitzabrechnung_einreichen(request.user, abrechnung)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    except PermissionDenied as exc:
        messages.error(request, str(exc) or _("Dazu fehlt Ihnen die Berechtigung."))
    else:
        messages.success(request, _("Die Spitzabrechnung ist eingereicht."))
    return redirect("erstattungen:abrechnung", pk=pk)


@login_required
def bescheid_herunterladen(request, pk, bescheid_pk):
    abrechnung = _abrechnung_oder_404(request, pk)
    bescheid = get_object_or_404(
        abrechnung.bescheide.filter(render_status=RenderStatus.FERTIG), pk=bescheid_pk
    )
    return pdf_antwort(bescheid.pdf, bescheid.pdf_dateiname())
