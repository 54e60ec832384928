"""Applicant pages. Every query starts from the user's organisations (else 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pik_portal.dokumente import RenderStatus, pdf_antwort
from pik_portal.selectors import organisationen_von

from . import forms, services
from .models import Akteur, Status
from .selectors import (
    abschnitte,
    antraege_von,
    eigener_antrag_oder_404,
    offene_aufrufe,
    planungsrahmen_stand,
)

REIHENFOLGE = [
    "antragsteller",
    "stellen",
    "finanzierung",
    "bankverbindung",
    "anlagen",
    "erklaerungen",
    "pruefen",
]


def _weiter(antrag, abschnitt):
    naechster = REIHENFOLGE[REIHENFOLGE.index(abschnitt) + 1]
    return reverse(f"foerderantraege:{naechster}", args=[antrag.pk])


def _breadcrumb(antrag=None, *weitere):
    pfad = [(reverse("foerderantraege:liste"), _("Meine Anträge"))]
    if antrag is not None:
        pfad.append((antrag.get_absolute_url(), str(antrag)))
    return pfad + list(weitere)


def _nur_entwurf(request, antrag):
    if antrag.ist_entwurf:
        return None
    messages.info(request, _("Der Antrag ist eingereicht und kann nicht mehr geändert werden."))
    return redirect(antrag)


def _fehler(request, exc):
    messages.error(request, exc.meldung)


@login_required
def liste(request):
    antraege = (
        antraege_von(request.user)
        .select_related("aufruf", "organisation")
        .order_by("-erstellt_am", "-pk")
    )
    organisationen = list(organisationen_von(request.user))
    return render(
        request,
        "foerderantraege/liste.html",
        {
            "antraege": antraege,
            "organisationen": organisationen,
            "neu_moeglich": bool(organisationen),
        },
    )


@login_required
def neu(request):
    organisationen = list(organisationen_von(request.user).select_related("kreis"))
    aufrufe_qs = offene_aufrufe().order_by("antragsfrist")
    if not organisationen or not aufrufe_qs.exists():
        return render(
            request,
            "foerderantraege/neu.html",
            {"form": None, "organisationen": organisationen, "breadcrumb": _breadcrumb()},
        )
    form = forms.AufrufWahlForm(
        request.POST or None,
        aufrufe=aufrufe_qs,
        organisationen=organisationen_von(request.user).select_related("kreis"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            antrag = services.antrag_anlegen(
                aufruf_id=form.cleaned_data["aufruf"].pk,
                organisation=form.cleaned_data["organisation"],
                akteur=request.user,
            )
        except services.AntragFehler as exc:
            form.add_error(None, exc.meldung)
        else:
            messages.success(request, _("Der Entwurf ist angelegt."))
            return redirect(antrag)
    return render(
        request,
        "foerderantraege/neu.html",
        {"form": form, "organisationen": organisationen, "breadcrumb": _breadcrumb()},
    )


@login_required
def detail(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    bescheid = antrag.bescheide.filter(render_status=RenderStatus.FERTIG).first()
    return render(
        request,
        "foerderantraege/detail.html",
        {
            "antrag": antrag,
            "abschnitte": abschnitte(antrag) if antrag.ist_entwurf else None,
            "stellen": antrag.stellen.select_related("festbetrag"),
            "anlagen": antrag.anlagen.all(),
            "offene_nachforderung": antrag.nachforderungen.filter(
                beantwortet_am__isnull=True
            ).first(),
            "bescheid": bescheid,
            "bescheid_in_arbeit": antrag.status in (Status.BEWILLIGT, Status.ABGELEHNT)
            and bescheid is None,
            "darf_zurueckziehen": services.uebergang_moeglich(
                request.user, antrag, Status.ZURUECKGEZOGEN
            ),
            "breadcrumb": _breadcrumb(None, (antrag.get_absolute_url(), str(antrag))),
        },
    )


def _formularseite(request, antrag, form, titel, abschnitt, einleitung="", knopf=None):
    return render(
        request,
        "foerderantraege/formular.html",
        {
            "antrag": antrag,
            "form": form,
            "titel": titel,
            "einleitung": einleitung,
            "knopf": knopf or _("Speichern und weiter"),
            "breadcrumb": _breadcrumb(antrag, (request.path, titel)),
        },
    )


def _abschnitt_speichern(request, antrag, form, abschnitt):
    try:
        services.entwurf_aendern(antrag.pk, request.user, **form.cleaned_data)
    except services.AntragFehler as exc:
        form.add_error(None, exc.meldung)
        return None
    return redirect(_weiter(antrag, abschnitt))


@login_required
def antragsteller(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    if umleitung := _nur_entwurf(request, antrag):
        return umleitung
    form = forms.AntragstellerForm(
        request.POST or None,
        initial={f: getattr(antrag, f) for f in forms.AntragstellerForm.base_fields},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and (antwort := _abschnitt_speichern(request, antrag, form, "antragsteller"))
    ):
        return antwort
    return _formularseite(
        request,
        antrag,
        form,
        _("Antragsteller und Ansprechperson"),
        "antragsteller",
        _("Antragsteller ist %(org)s. Wen dürfen wir bei Rückfragen ansprechen?")
        % {"org": antrag.organisation.name},
    )


@login_required
def stellen(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    if umleitung := _nur_entwurf(request, antrag):
        return umleitung
    titel = _("Stellen")
    return render(
        request,
        "foerderantraege/stellen.html",
        {
            "antrag": antrag,
            "stellen": antrag.stellen.select_related("festbetrag"),
            "titel": titel,
            "weiter": _weiter(antrag, "stellen"),
            "breadcrumb": _breadcrumb(antrag, (request.path, titel)),
        },
    )


@login_required
def stelle_bearbeiten(request, pk, stelle_id=None):
    antrag = eigener_antrag_oder_404(request.user, pk)
    if umleitung := _nur_entwurf(request, antrag):
        return umleitung
    stelle = get_object_or_404(antrag.stellen, pk=stelle_id) if stelle_id else None
    form = forms.StelleForm(request.POST or None, instance=stelle, aufruf=antrag.aufruf)
    if request.method == "POST" and form.is_valid():
        try:
            services.stelle_speichern(antrag.pk, request.user, stelle_id, **form.cleaned_data)
        except services.AntragFehler as exc:
            form.add_error(None, exc.meldung)
        else:
            messages.success(request, _("Die Stelle ist gespeichert."))
            return redirect("foerderantraege:stellen", antrag.pk)
    titel = _("Stelle ändern") if stelle else _("Stelle hinzufügen")
    return _formularseite(
        request,
        antrag,
        form,
        titel,
        "stellen",
        _(
            "Eine Stelle kann geteilt werden; jeder Teil umfasst mindestens %(min)s VZÄ. "
            "Gefördert werden volle Kalendermonate im Förderzeitraum."
        )
        % {"min": f"{antrag.aufruf.mindest_vzae:.2f}".replace(".", ",")},
        knopf=_("Speichern"),
    )


def _entwurfsteil_loeschen(
    request, pk, *, teile, teil_id, service, abschnitt, titel, frage, erledigt
):
    """Confirm, then delete one part (a Stelle or an Anlage) of the user's own draft."""
    antrag = eigener_antrag_oder_404(request.user, pk)
    if umleitung := _nur_entwurf(request, antrag):
        return umleitung
    teil = get_object_or_404(getattr(antrag, teile), pk=teil_id)
    if request.method == "POST":
        try:
            service(antrag.pk, request.user, teil.pk)
        except services.AntragFehler as exc:
            _fehler(request, exc)
        else:
            messages.success(request, erledigt)
        return redirect(abschnitt, antrag.pk)
    return _bestaetigen(
        request,
        antrag,
        titel,
        frage % {"name": teil.bezeichnung},
        titel,
        reverse(abschnitt, args=[antrag.pk]),
    )


@login_required
def stelle_loeschen(request, pk, stelle_id):
    return _entwurfsteil_loeschen(
        request,
        pk,
        teile="stellen",
        teil_id=stelle_id,
        service=services.stelle_loeschen,
        abschnitt="foerderantraege:stellen",
        titel=_("Stelle löschen"),
        frage=_("Soll die Stelle „%(name)s“ gelöscht werden?"),
        erledigt=_("Die Stelle ist gelöscht."),
    )


def _bestaetigen(request, antrag, titel, frage, knopf, zurueck, form=None):
    return render(
        request,
        "foerderantraege/bestaetigen.html",
        {
            "antrag": antrag,
            "titel": titel,
            "frage": frage,
            "knopf": knopf,
            "zurueck": zurueck,
            "form": form,
            "breadcrumb": _breadcrumb(antrag, (request.path, titel)),
        },
    )


@login_required
def finanzierung(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    titel = _("Finanzierung")
    stellen = list(antrag.stellen.select_related("festbetrag"))
    return render(
        request,
        "foerderantraege/finanzierung.html",
        {
            "antrag": antrag,
            "stellen": stellen,
            "summe": sum((s.betrag for s in stellen), 0),
            "stand": planungsrahmen_stand(antrag.aufruf, antrag.organisation.kreis),
            "titel": titel,
            "weiter": _weiter(antrag, "finanzierung") if antrag.ist_entwurf else None,
            "breadcrumb": _breadcrumb(antrag, (request.path, titel)),
        },
    )


@login_required
def bankverbindung(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    if umleitung := _nur_entwurf(request, antrag):
        return umleitung
    # The stored IBAN is shown masked; the field starts empty and must be entered again.
    form = forms.BankverbindungForm(
        request.POST or None, initial={"kontoinhaber": antrag.kontoinhaber}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and (antwort := _abschnitt_speichern(request, antrag, form, "bankverbindung"))
    ):
        return antwort
    einleitung = _("Auf dieses Konto zahlt das Regierungspräsidium die Zuwendung aus.")
    if antrag.iban:
        einleitung += " " + _("Gespeichert ist die IBAN %(iban)s.") % {"iban": antrag.iban_maskiert}
    return _formularseite(request, antrag, form, _("Bankverbindung"), "bankverbindung", einleitung)


@login_required
def anlagen(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    if umleitung := _nur_entwurf(request, antrag):
        return umleitung
    form = forms.AnlageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.anlage_hochladen(
                antrag.pk,
                request.user,
                form.cleaned_data["datei"],
                form.cleaned_data["bezeichnung"],
            )
        except services.AntragFehler as exc:
            form.add_error(None, exc.meldung)
        else:
            messages.success(request, _("Die Anlage ist hochgeladen."))
            return redirect("foerderantraege:anlagen", antrag.pk)
    titel = _("Anlagen")
    return render(
        request,
        "foerderantraege/anlagen.html",
        {
            "antrag": antrag,
            "anlagen": antrag.anlagen.all(),
            "form": form,
            "titel": titel,
            "weiter": _weiter(antrag, "anlagen"),
            "breadcrumb": _breadcrumb(antrag, (request.path, titel)),
        },
    )


@login_required
def anlage(request, pk, anlage_id):
    antrag = eigener_antrag_oder_404(request.user, pk)
    datei = get_object_or_404(antrag.anlagen, pk=anlage_id)
    return pdf_antwort(datei.datei, datei.dateiname)


@login_required
def anlage_loeschen(request, pk, anlage_id):
    return _entwurfsteil_loeschen(
        request,
        pk,
        teile="anlagen",
        teil_id=anlage_id,
        service=services.anlage_loeschen,
        abschnitt="foerderantraege:anlagen",
        titel=_("Anlage löschen"),
        frage=_("Soll die Anlage „%(name)s“ gelöscht werden?"),
        erledigt=_("Die Anlage ist gelöscht."),
    )


@login_required
def erklaerungen(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    if umleitung := _nur_entwurf(request, antrag):
        return umleitung
    form = forms.ErklaerungenForm(
        request.POST or None,
        initial={f: getattr(antrag, f) for f in forms.ErklaerungenForm.base_fields},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and (antwort := _abschnitt_speichern(request, antrag, form, "erklaerungen"))
    ):
        return antwort
    return _formularseite(request, antrag, form, _("Erklärungen"), "erklaerungen")


@login_required
def pruefen(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    if umleitung := _nur_entwurf(request, antrag):
        return umleitung
    liste = abschnitte(antrag)
    titel = _("Angaben prüfen")
    return render(
        request,
        "foerderantraege/pruefen.html",
        {
            "antrag": antrag,
            "abschnitte": liste,
            "offen": [a for a in liste if not a.erledigt],
            "stellen": antrag.stellen.select_related("festbetrag"),
            "anlagen": antrag.anlagen.all(),
            "zeichnungsberechtigt": Akteur.ZEICHNUNGSBERECHTIGT
            in services.akteur_rollen(request.user, antrag),
            "titel": titel,
            "breadcrumb": _breadcrumb(antrag, (request.path, titel)),
        },
    )


@login_required
@require_POST
def einreichen(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    try:
        services.antrag_einreichen(antrag.pk, request.user)
    except services.AntragFehler as exc:
        _fehler(request, exc)
        return redirect("foerderantraege:pruefen", antrag.pk)
    return redirect("foerderantraege:bestaetigung", antrag.pk)


@login_required
@require_POST
def freigeben(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    try:
        services.antrag_zur_einreichung_freigeben(antrag.pk, request.user)
    except services.AntragFehler as exc:
        _fehler(request, exc)
        return redirect("foerderantraege:pruefen", antrag.pk)
    messages.success(
        request,
        _(
            "Der Antrag ist zur Einreichung freigegeben. Die Zeichnungsberechtigten sind informiert."
        ),
    )
    return redirect(antrag)


@login_required
def bestaetigung(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    if not antrag.aktenzeichen:
        return redirect(antrag)
    return render(
        request,
        "foerderantraege/bestaetigung.html",
        {"antrag": antrag, "breadcrumb": _breadcrumb(antrag, (request.path, _("Eingereicht")))},
    )


@login_required
def verlauf(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    eintraege = antrag.statusaenderungen.select_related("benutzer")
    titel = _("Verlauf")
    return render(
        request,
        "foerderantraege/verlauf.html",
        {
            "antrag": antrag,
            "eintraege": eintraege,
            "nachforderungen": antrag.nachforderungen.prefetch_related("anlagen"),
            "titel": titel,
            "breadcrumb": _breadcrumb(antrag, (request.path, titel)),
        },
    )


@login_required
def nachforderung(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    offen = antrag.nachforderungen.filter(beantwortet_am__isnull=True).first()
    if antrag.status != Status.NACHFORDERUNG or offen is None:
        messages.info(request, _("Es gibt keine offene Nachforderung."))
        return redirect(antrag)
    form = forms.NachforderungAntwortForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        datei = form.cleaned_data.get("datei")
        dateien = [(datei, form.cleaned_data["bezeichnung"])] if datei else []
        try:
            services.nachforderung_beantworten(
                antrag.pk, request.user, antwort=form.cleaned_data["antwort"], dateien=dateien
            )
        except services.AntragFehler as exc:
            form.add_error(None, exc.meldung)
        else:
            messages.success(request, _("Ihre Antwort ist beim Regierungspräsidium eingegangen."))
            return redirect(antrag)
    titel = _("Nachforderung beantworten")
    return render(
        request,
        "foerderantraege/nachforderung.html",
        {
            "antrag": antrag,
            "nachforderung": offen,
            "form": form,
            "titel": titel,
            "breadcrumb": _breadcrumb(antrag, (request.path, titel)),
        },
    )


@login_required
def zurueckziehen(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    if not services.uebergang_moeglich(request.user, antrag, Status.ZURUECKGEZOGEN):
        # No confirmation page for a step that cannot succeed (the service checks again).
        messages.info(request, _("Dieser Antrag kann nicht mehr zurückgezogen werden."))
        return redirect(antrag)
    form = forms.ZurueckziehenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.antrag_zurueckziehen(antrag.pk, request.user, form.cleaned_data["begruendung"])
        except services.AntragFehler as exc:
            _fehler(request, exc)
        else:
            messages.success(request, _("Der Antrag ist zurückgezogen."))
        return redirect(antrag)
    return _bestaetigen(
        request,
        antrag,
        _("Antrag zurückziehen"),
        _("Wenn Sie den Antrag zurückziehen, wird er nicht weiter bearbeitet."),
        _("Antrag zurückziehen"),
        antrag.get_absolute_url(),
        form=form,
    )


@login_required
def bescheid_pdf(request, pk):
    antrag = eigener_antrag_oder_404(request.user, pk)
    bescheid = antrag.bescheide.filter(render_status=RenderStatus.FERTIG).first()
    if bescheid is None:
        raise Http404(_("Der Bescheid liegt noch nicht vor."))
    return pdf_antwort(bescheid.pdf, bescheid.pdf_dateiname())
