from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import MitgliedHinzufuegenForm, RolleAendernForm
from .models import Mitgliedschaft
from .selectors import eigene_organisation_oder_404, mitgliedschaft_von


def start(request):
    bereiche = [
        {
            "url": reverse("foerderantraege:liste"),
            "titel": _("Förderanträge Integrationsmanagement"),
            "text": _(
                "Für Kommunen: Anträge online stellen, Nachforderungen beantworten und "
                "Bescheide abrufen."
            ),
        },
        {
            "url": reverse("erstattungen:vorauszahlungen"),
            "titel": _("Vorauszahlungen"),
            "text": _(
                "Liste der tatsächlich geleisteten Vorauszahlungen des Landes an die Stadt- "
                "und Landkreise."
            ),
        },
        {
            "url": reverse("faq:index"),
            "titel": _("Häufige Fragen (PIK-FAQ)"),
            "text": _(
                "Antworten zu Förderfähigkeit, Antragstellung, Personal, Mittelabruf und "
                "Erstattungen."
            ),
        },
        {
            "url": reverse("massnahmen:index"),
            "titel": _("Maßnahmen"),
            "text": _("Tabelle aller Maßnahmen zu Sprache, Bildung, Ausbildung und Arbeitsmarkt."),
        },
    ]
    return render(request, "seiten/start.html", {"bereiche": bereiche})


@login_required
def konto_uebersicht(request):
    mitgliedschaften = (
        Mitgliedschaft.objects.filter(benutzer=request.user)
        .select_related("organisation__kreis")
        .order_by("organisation__name")
    )
    return render(request, "konto/uebersicht.html", {"mitgliedschaften": mitgliedschaften})


@login_required
def mitglieder(request, pk):
    organisation = eigene_organisation_oder_404(request.user, pk)
    eigene = mitgliedschaft_von(request.user, organisation)
    form = MitgliedHinzufuegenForm(request.POST or None)
    if request.method == "POST":
        if not eigene.ist_zeichnungsberechtigt:
            messages.error(request, _("Nur Zeichnungsberechtigte verwalten die Mitglieder."))
            return redirect("konto:mitglieder", pk=organisation.pk)
        if form.is_valid():
            try:
                m, neu = services.mitglied_hinzufuegen(
                    organisation=organisation, akteur=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_error("email", exc)
            else:
                if neu:
                    messages.success(
                        request,
                        _(
                            "%(email)s wurde hinzugefügt. Die Person legt ihr Passwort über "
                            "„Passwort vergessen?“ fest."
                        )
                        % {"email": m.benutzer.email},
                    )
                else:
                    messages.success(
                        request, _("%(email)s wurde hinzugefügt.") % {"email": m.benutzer.email}
                    )
                return redirect("konto:mitglieder", pk=organisation.pk)
    liste = organisation.mitgliedschaften.select_related("benutzer").order_by("benutzer__email")
    return render(
        request,
        "konto/mitglieder.html",
        {
            "organisation": organisation,
            "eigene": eigene,
            "liste": liste,
            "form": form,
            "rollen": Mitgliedschaft.Rolle.choices,
        },
    )


def _mitgliedschaft_der_eigenen_organisation(request, pk, mitgliedschaft_pk):
    organisation = eigene_organisation_oder_404(request.user, pk)
    return get_object_or_404(organisation.mitgliedschaften, pk=mitgliedschaft_pk)


@login_required
@require_POST
def mitglied_rolle(request, pk, mitgliedschaft_pk):
    m = _mitgliedschaft_der_eigenen_organisation(request, pk, mitgliedschaft_pk)
    form = RolleAendernForm(request.POST)
    if form.is_valid():
        try:
            services.mitglied_rolle_aendern(
                mitgliedschaft_id=m.pk, akteur=request.user, rolle=form.cleaned_data["rolle"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Die Rolle wurde geändert."))
    return redirect("konto:mitglieder", pk=pk)


@login_required
@require_POST
def mitglied_entfernen(request, pk, mitgliedschaft_pk):
    m = _mitgliedschaft_der_eigenen_organisation(request, pk, mitgliedschaft_pk)
    try:
        services.mitglied_entfernen(mitgliedschaft_id=m.pk, akteur=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Das Mitglied wurde entfernt."))
    return redirect("konto:mitglieder", pk=pk)


def nicht_gefunden(request, exception=None):
    return render(request, "fehler/404.html", status=404)


def verboten(request, exception=None):
    return render(request, "fehler/403.html", status=403)


def serverfehler(request):
    # Standalone template without context processors: the database may be the cause.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("fehler/500.html").render())
