"""Admin for the Regierungspräsidien: review and decide through the services only.

Applications are never edited as rows here; every button calls the same service
as the applicant pages do, and the service refuses whatever is not allowed.
"""

import csv
import io
import re

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pik_portal.csv_export import csv_antwort
from pik_portal.dokumente import RenderStatus, pdf_antwort
from pik_portal.models import Kreis
from pik_portal.money import EuroFormField, euro

from . import services
from .models import (
    STELLE_FELDER,
    Anlage,
    Bescheid,
    Entscheidung,
    Festbetrag,
    Foerderantrag,
    Foerderaufruf,
    Nachforderung,
    Planungsrahmen,
    Status,
    Statusaenderung,
    Stelle,
)
from .selectors import aufruf_uebersicht, planungsrahmen_stand


def _daten(request):
    return request.POST if request.method == "POST" else None


# --- Förderaufruf -------------------------------------------------------------------


class FestbetragInline(admin.TabularInline):
    model = Festbetrag
    extra = 0
    min_num = 1

    # Once applications are submitted their amounts rest on these values: freeze them.
    def _eingefroren(self, obj):
        return obj is not None and obj.antraege.exclude(status=Status.ENTWURF).exists()

    def get_readonly_fields(self, request, obj=None):
        if self._eingefroren(obj):
            return ["qualifikationsstufe", "betrag_je_vzae_jahr", "reihenfolge"]
        return super().get_readonly_fields(request, obj)

    def has_add_permission(self, request, obj=None):
        return not self._eingefroren(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._eingefroren(obj) and super().has_delete_permission(request, obj)


def _ganze_zahl(text: str) -> bool:
    # str.isdigit() also accepts "²" and other digits int() refuses.
    return re.fullmatch(r"[0-9]+", text) is not None


class SchluesselForm(forms.Form):
    EINWOHNER = "einwohner"
    DATEI = "datei"
    schluessel = forms.ChoiceField(
        label=_("Verteilungsschlüssel"),
        choices=[(EINWOHNER, _("Einwohnerzahl der Kreise")), (DATEI, _("hochgeladener Schlüssel"))],
        widget=forms.RadioSelect,
        initial=EINWOHNER,
    )
    datei = forms.FileField(
        label=_("Schlüssel als CSV"),
        required=False,
        help_text=_(
            "Semikolon-getrennt mit den Spalten Kreisschlüssel;Gewicht (ganze Zahlen, z. B. "
            "zugewiesene Geflüchtete), eine Zeile je Kreis."
        ),
    )

    def clean(self):
        daten = super().clean()
        if daten.get("schluessel") != self.DATEI:
            daten["gewichte"] = None
            return daten
        datei = daten.get("datei")
        if not datei:
            raise forms.ValidationError(_("Bitte laden Sie die Schlüsseldatei hoch."))
        try:
            text = datei.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("Die Datei ist nicht UTF-8-kodiert.")) from exc
        kreise = dict(Kreis.objects.values_list("kreisschluessel", "pk"))
        gewichte, fehler = {}, []
        zeilen = csv.reader(io.StringIO(text), delimiter=";")
        for nummer, zeile in enumerate(zeilen, start=1):
            if not zeile or nummer == 1 and not _ganze_zahl(zeile[-1].strip()):
                continue  # header or empty line
            if len(zeile) != 2:
                fehler.append(_("Zeile %(n)s: zwei Spalten erwartet.") % {"n": nummer})
                continue
            ks, gewicht = zeile[0].strip(), zeile[1].strip().replace(".", "")
            if ks not in kreise:
                fehler.append(
                    _("Zeile %(n)s: unbekannter Kreisschlüssel %(k)s.") % {"n": nummer, "k": ks}
                )
            elif not _ganze_zahl(gewicht):
                fehler.append(_("Zeile %(n)s: Gewicht ist keine ganze Zahl.") % {"n": nummer})
            elif kreise[ks] in gewichte:
                fehler.append(_("Zeile %(n)s: Kreis %(k)s doppelt.") % {"n": nummer, "k": ks})
            else:
                gewichte[kreise[ks]] = int(gewicht)
        fehlend = len(kreise) - len(gewichte)
        if not fehler and fehlend:
            fehler.append(_("Es fehlen %(n)s Kreise.") % {"n": fehlend})
        if fehler:
            raise forms.ValidationError(fehler)
        daten["gewichte"] = gewichte
        return daten


@admin.register(Foerderaufruf)
class FoerderaufrufAdmin(admin.ModelAdmin):
    list_display = [
        "titel",
        "foerderzeitraum_von",
        "foerderzeitraum_bis",
        "antragsfrist",
        "budget",
        "veroeffentlicht",
        "links",
    ]
    list_filter = ["veroeffentlicht"]
    search_fields = ["titel", "programm"]
    inlines = [FestbetragInline]
    actions = ["planungsrahmen_nach_einwohnern"]
    fieldsets = (
        (None, {"fields": ("titel", "programm", "zweck", "veroeffentlicht")}),
        (
            _("Zeitraum und Frist"),
            {"fields": ("foerderzeitraum_von", "foerderzeitraum_bis", "antragsfrist")},
        ),
        (
            _("Regeln"),
            {"fields": ("antragsberechtigte_arten", "hoechstdauer_monate", "mindest_vzae")},
        ),
        (_("Geld"), {"fields": ("gesamtbudget",)}),
        (
            _("Bescheid"),
            {
                "fields": (
                    "behoerde",
                    "referat",
                    "behoerde_anschrift",
                    "nebenbestimmungen",
                    "rechtsbehelfsbelehrung",
                )
            },
        ),
    )

    @admin.display(description=_("Gesamtbudget"), ordering="gesamtbudget")
    def budget(self, obj):
        return euro(obj.gesamtbudget)

    @admin.display(description=_("Übersicht"))
    def links(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:foerderantraege_foerderaufruf_uebersicht", args=[obj.pk]),
            _("Planungsrahmen und Stand"),
        )

    @admin.action(
        description=_("Planungsrahmen nach Einwohnerzahl verteilen"), permissions=["change"]
    )
    def planungsrahmen_nach_einwohnern(self, request, queryset):
        for aufruf in queryset:
            try:
                services.planungsrahmen_verteilen(aufruf.pk, request.user)
            except services.AntragFehler as exc:
                self.message_user(request, f"{aufruf}: {exc.meldung}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("%(a)s: Budget auf die 44 Kreise verteilt.") % {"a": aufruf},
                    messages.SUCCESS,
                )

    def get_urls(self):
        eigene = [
            path(
                "<int:pk>/uebersicht/",
                self.admin_site.admin_view(self.uebersicht_view),
                name="foerderantraege_foerderaufruf_uebersicht",
            ),
            path(
                "<int:pk>/uebersicht.csv",
                self.admin_site.admin_view(self.uebersicht_csv),
                name="foerderantraege_foerderaufruf_uebersicht_csv",
            ),
            path(
                "<int:pk>/verteilen/",
                self.admin_site.admin_view(self.verteilen_view),
                name="foerderantraege_foerderaufruf_verteilen",
            ),
        ]
        return eigene + super().get_urls()

    def _aufruf(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(Foerderaufruf, pk=pk)

    def uebersicht_view(self, request, pk):
        aufruf = self._aufruf(request, pk)
        zeilen = aufruf_uebersicht(aufruf)
        summen = {
            k: sum((z[k] for z in zeilen), 0) for k in ("rahmen", "beantragt", "bewilligt", "rest")
        }
        return TemplateResponse(
            request,
            "admin/foerderantraege/uebersicht.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Planungsrahmen und Stand: %(a)s") % {"a": aufruf},
                "aufruf": aufruf,
                "zeilen": zeilen,
                "summen": summen,
                "darf_verteilen": self.has_change_permission(request, aufruf),
                "opts": self.opts,
            },
        )

    def uebersicht_csv(self, request, pk):
        aufruf = self._aufruf(request, pk)
        return csv_antwort(
            f"planungsrahmen-{aufruf.pk}.csv",
            [
                "Kreisschlüssel",
                "Kreis",
                "Regierungsbezirk",
                "Planungsrahmen",
                "beantragt",
                "bewilligt",
                "Rest",
                "Anträge",
            ],
            [
                [
                    z["kreis"].kreisschluessel,
                    str(z["kreis"]),
                    z["kreis"].regierungsbezirk,
                    z["rahmen"],
                    z["beantragt"],
                    z["bewilligt"],
                    z["rest"],
                    z["anzahl"],
                ]
                for z in aufruf_uebersicht(aufruf)
            ],
        )

    def verteilen_view(self, request, pk):
        aufruf = self._aufruf(request, pk)
        if not self.has_change_permission(request, aufruf):
            raise PermissionDenied
        form = SchluesselForm(_daten(request), request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.planungsrahmen_verteilen(
                    aufruf.pk, request.user, form.cleaned_data["gewichte"]
                )
            except services.AntragFehler as exc:
                form.add_error(None, exc.meldung)
            else:
                self.message_user(request, _("Budget auf die Kreise verteilt."), messages.SUCCESS)
                return redirect("admin:foerderantraege_foerderaufruf_uebersicht", aufruf.pk)
        return _aktionsseite(
            self, request, _("Planungsrahmen verteilen: %(a)s") % {"a": aufruf}, form, None
        )


@admin.register(Planungsrahmen)
class PlanungsrahmenAdmin(admin.ModelAdmin):
    list_display = ["aufruf", "kreis", "betrag_anzeige"]
    list_filter = ["aufruf", "kreis__regierungsbezirk"]
    list_select_related = ["aufruf", "kreis"]
    search_fields = ["kreis__name"]

    @admin.display(description=_("Planungsrahmen"), ordering="betrag")
    def betrag_anzeige(self, obj):
        return euro(obj.betrag)


# --- Förderantrag -------------------------------------------------------------------


class _NurLesenInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StelleInline(_NurLesenInline):
    model = Stelle
    fields = [*STELLE_FELDER, "betrag_anzeige"]
    readonly_fields = fields

    @admin.display(description=_("Betrag"))
    def betrag_anzeige(self, obj):
        return euro(obj.betrag)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("festbetrag")


class AnlageInline(_NurLesenInline):
    model = Anlage
    fields = ["bezeichnung", "herunterladen", "groesse", "hochgeladen_am", "nachforderung"]
    readonly_fields = fields

    @admin.display(description=_("Datei"))
    def herunterladen(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:foerderantraege_foerderantrag_anlage", args=[obj.antrag_id, obj.pk]),
            obj.dateiname,
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("nachforderung")


class StatusaenderungInline(_NurLesenInline):
    model = Statusaenderung
    fields = ["zeitpunkt", "von", "nach", "benutzer", "bemerkung"]
    readonly_fields = fields
    verbose_name_plural = _("Verlauf")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("benutzer")


class NachforderungInline(_NurLesenInline):
    model = Nachforderung
    fields = ["erstellt_am", "text", "frist", "erstellt_von", "beantwortet_am", "antwort"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("erstellt_von")


class EntscheidungInline(_NurLesenInline):
    model = Entscheidung
    fields = [
        "art",
        "betrag",
        "begruendung",
        "nebenbestimmungen",
        "vorgeschlagen_von",
        "vorgeschlagen_am",
        "gezeichnet_von",
        "gezeichnet_am",
        "verworfen_am",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("vorgeschlagen_von", "gezeichnet_von")


class BescheidInline(_NurLesenInline):
    model = Bescheid
    fields = ["nummer", "art", "datum", "bewilligter_betrag", "render_status", "fehler", "datei"]
    readonly_fields = fields

    @admin.display(description=_("PDF"))
    def datei(self, obj):
        if obj.render_status != RenderStatus.FERTIG:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:foerderantraege_foerderantrag_bescheid", args=[obj.antrag_id, obj.pk]),
            obj.pdf_dateiname(),
        )


class NachforderungAdminForm(forms.Form):
    text = forms.CharField(label=_("Was wird nachgefordert?"), widget=forms.Textarea)
    frist = forms.DateField(
        label=_("Frist"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class VorschlagAdminForm(forms.Form):
    art = forms.ChoiceField(
        label=_("Vorschlag"), choices=Entscheidung.Art.choices, widget=forms.RadioSelect
    )
    betrag = EuroFormField(label=_("Betrag"), required=False, help_text=_("Nur bei Bewilligung."))
    begruendung = forms.CharField(label=_("Begründung"), widget=forms.Textarea)
    nebenbestimmungen = forms.CharField(
        label=_("besondere Nebenbestimmungen"), widget=forms.Textarea, required=False
    )


class BemerkungForm(forms.Form):
    bemerkung = forms.CharField(label=_("Bemerkung"), widget=forms.Textarea, required=False)


def _aktionsseite(model_admin, request, titel, form, antrag, hinweis=""):
    return TemplateResponse(
        request,
        "admin/foerderantraege/aktion.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": titel,
            "form": form,
            "antrag": antrag,
            "hinweis": hinweis,
            "opts": model_admin.opts,
            "stand": planungsrahmen_stand(antrag.aufruf, antrag.organisation.kreis)
            if antrag
            else None,
            "entscheidung": antrag.entscheidungen.filter(
                gezeichnet_am__isnull=True, verworfen_am__isnull=True
            ).first()
            if antrag
            else None,
        },
    )


# (url part, only from this status or None, target status, button label). Several
# buttons lead to In Prüfung, so the source status tells them apart; the service
# checks everything again.
AKTIONEN = [
    ("pruefung-beginnen", Status.EINGEREICHT, Status.IN_PRUEFUNG, _("Prüfung beginnen")),
    ("nachforderung", None, Status.NACHFORDERUNG, _("Nachforderung stellen")),
    (
        "nachforderung-schliessen",
        Status.NACHFORDERUNG,
        Status.IN_PRUEFUNG,
        _("Nachforderung schließen"),
    ),
    ("vorschlag", None, Status.ENTSCHEIDUNGSVORSCHLAG, _("Entscheidung vorschlagen")),
    ("zeichnen", None, None, _("Zeichnen")),
    (
        "zurueckverweisen",
        Status.ENTSCHEIDUNGSVORSCHLAG,
        Status.IN_PRUEFUNG,
        _("Vorschlag zurückverweisen"),
    ),
]


@admin.register(Foerderantrag)
class FoerderantragAdmin(admin.ModelAdmin):
    list_display = [
        "aktenzeichen_anzeige",
        "organisation",
        "kreis",
        "regierungsbezirk",
        "status",
        "beantragt",
        "bewilligt",
        "eingereicht_am",
    ]
    list_select_related = ["organisation__kreis", "aufruf"]
    list_filter = [
        "status",
        "aufruf",
        "organisation__kreis__regierungsbezirk",
        ("organisation__kreis", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["aktenzeichen", "organisation__name"]
    date_hierarchy = "eingereicht_am"
    ordering = ["-eingereicht_am", "-pk"]
    inlines = [
        StelleInline,
        AnlageInline,
        NachforderungInline,
        EntscheidungInline,
        BescheidInline,
        StatusaenderungInline,
    ]
    fieldsets = (
        (None, {"fields": ("aktenzeichen", "status", "aufruf", "organisation")}),
        (
            _("Ansprechperson"),
            {
                "fields": (
                    "ansprechperson_name",
                    "ansprechperson_email",
                    "ansprechperson_telefon",
                    "anzahl_gefluechtete",
                )
            },
        ),
        (
            _("Geld"),
            {"fields": ("beantragt", "bewilligt", "kontoinhaber", "iban_formatiert")},
        ),
        (
            _("Erklärungen und Einreichung"),
            {
                "fields": (
                    "erklaerung_richtigkeit",
                    "erklaerung_kein_vorhabenbeginn",
                    "erklaerung_subventionserheblich",
                    "eingereicht_am",
                    "eingereicht_von",
                )
            },
        ),
    )
    readonly_fields = [
        "aktenzeichen",
        "status",
        "aufruf",
        "organisation",
        "ansprechperson_name",
        "ansprechperson_email",
        "ansprechperson_telefon",
        "anzahl_gefluechtete",
        "beantragt",
        "bewilligt",
        "kontoinhaber",
        "iban_formatiert",
        "erklaerung_richtigkeit",
        "erklaerung_kein_vorhabenbeginn",
        "erklaerung_subventionserheblich",
        "eingereicht_am",
        "eingereicht_von",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        # Drafts belong to the applicant until they are submitted – also a draft that
        # was withdrawn without ever being submitted.
        return qs.exclude(eingereicht_am__isnull=True)

    @admin.display(description=_("Aktenzeichen"), ordering="aktenzeichen")
    def aktenzeichen_anzeige(self, obj):
        return obj.aktenzeichen or "–"

    @admin.display(description=_("Kreis"), ordering="organisation__kreis__name")
    def kreis(self, obj):
        return obj.organisation.kreis

    @admin.display(
        description=_("Regierungsbezirk"), ordering="organisation__kreis__regierungsbezirk"
    )
    def regierungsbezirk(self, obj):
        return obj.organisation.kreis.get_regierungsbezirk_display()

    @admin.display(description=_("beantragt"), ordering="beantragter_betrag")
    def beantragt(self, obj):
        return euro(obj.beantragter_betrag)

    @admin.display(description=_("bewilligt"), ordering="bewilligter_betrag")
    def bewilligt(self, obj):
        return euro(obj.bewilligter_betrag) if obj.bewilligter_betrag is not None else "–"

    @admin.display(description=_("IBAN"))
    def iban_formatiert(self, obj):
        return obj.iban_formatiert

    def get_urls(self):
        def view(name, funktion):
            return path(
                f"<int:pk>/{name}/",
                self.admin_site.admin_view(funktion),
                name=f"foerderantraege_foerderantrag_{name.replace('-', '_')}",
            )

        eigene = [
            view("pruefung-beginnen", self.pruefung_beginnen_view),
            view("nachforderung", self.nachforderung_view),
            view("vorschlag", self.vorschlag_view),
            view("zeichnen", self.zeichnen_view),
            view("nachforderung-schliessen", self.nachforderung_schliessen_view),
            view("zurueckverweisen", self.zurueckverweisen_view),
            view("bescheid-neu", self.bescheid_neu_view),
            path(
                "<int:pk>/anlage/<int:anlage_id>/",
                self.admin_site.admin_view(self.anlage_view),
                name="foerderantraege_foerderantrag_anlage",
            ),
            path(
                "<int:pk>/bescheid/<int:bescheid_id>/",
                self.admin_site.admin_view(self.bescheid_view),
                name="foerderantraege_foerderantrag_bescheid",
            ),
        ]
        return eigene + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        antrag = self.get_object(request, object_id)
        knoepfe = []
        if antrag is not None:
            for teil, von, ziel, text in AKTIONEN:
                if ziel is None:
                    # Vier-Augen: the proposer never sees the button (the service refuses too).
                    vorschlag = antrag.entscheidungen.filter(
                        gezeichnet_am__isnull=True, verworfen_am__isnull=True
                    ).first()
                    moeglich = (
                        vorschlag is not None
                        and vorschlag.vorgeschlagen_von_id != request.user.pk
                        and services.uebergang_moeglich(request.user, antrag, Status.BEWILLIGT)
                    )
                else:
                    moeglich = von in (None, antrag.status) and services.uebergang_moeglich(
                        request.user, antrag, ziel
                    )
                if moeglich:
                    name = f"admin:foerderantraege_foerderantrag_{teil.replace('-', '_')}"
                    knoepfe.append((reverse(name, args=[antrag.pk]), text))
            offen = antrag.bescheide.exclude(render_status=RenderStatus.FERTIG).exists()
            if offen:
                knoepfe.append(
                    (
                        reverse(
                            "admin:foerderantraege_foerderantrag_bescheid_neu", args=[antrag.pk]
                        ),
                        _("Bescheid neu erzeugen"),
                    )
                )
        extra_context = {**(extra_context or {}), "aktionsknoepfe": knoepfe}
        return super().change_view(request, object_id, form_url, extra_context)

    # --- action views: parse, call one service, report -------------------------------

    def _antrag(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        # Same scope as the change view: a draft's page or file is a 404 here too.
        return get_object_or_404(
            self.get_queryset(request).select_related("aufruf", "organisation__kreis"), pk=pk
        )

    def _zurueck(self, antrag):
        return redirect("admin:foerderantraege_foerderantrag_change", antrag.pk)

    def _ausfuehren(self, request, aufruf, erfolg):
        try:
            aufruf()
        except services.AntragFehler as exc:
            self.message_user(request, exc.meldung, messages.ERROR)
            return False
        self.message_user(request, erfolg, messages.SUCCESS)
        return True

    def _mit_bemerkung(self, request, pk, titel, dienst, erfolg, hinweis=""):
        """A step whose only input is an optional remark for the Verlauf."""
        antrag = self._antrag(request, pk)
        form = BemerkungForm(_daten(request))
        if request.method == "POST" and form.is_valid():
            self._ausfuehren(
                request,
                lambda: dienst(antrag.pk, request.user, form.cleaned_data["bemerkung"]),
                erfolg,
            )
            return self._zurueck(antrag)
        return _aktionsseite(self, request, titel, form, antrag, hinweis)

    def pruefung_beginnen_view(self, request, pk):
        return self._mit_bemerkung(
            request,
            pk,
            _("Prüfung beginnen"),
            services.pruefung_beginnen,
            _("Die Prüfung hat begonnen."),
        )

    def nachforderung_view(self, request, pk):
        antrag = self._antrag(request, pk)
        form = NachforderungAdminForm(_daten(request))
        if (
            request.method == "POST"
            and form.is_valid()
            and self._ausfuehren(
                request,
                lambda: services.nachforderung_stellen(
                    antrag.pk,
                    request.user,
                    text=form.cleaned_data["text"],
                    frist=form.cleaned_data["frist"],
                ),
                _("Die Nachforderung ist gestellt; der Antragsteller wird benachrichtigt."),
            )
        ):
            return self._zurueck(antrag)
        return _aktionsseite(self, request, _("Nachforderung stellen"), form, antrag)

    def nachforderung_schliessen_view(self, request, pk):
        return self._mit_bemerkung(
            request,
            pk,
            _("Nachforderung schließen"),
            services.nachforderung_schliessen,
            _("Die Nachforderung ist geschlossen; die Prüfung geht weiter."),
            _("Schließen Sie die Nachforderung, wenn sich die Frage ohne Antwort erledigt hat."),
        )

    def vorschlag_view(self, request, pk):
        antrag = self._antrag(request, pk)
        form = VorschlagAdminForm(
            _daten(request),
            initial={"art": Entscheidung.Art.BEWILLIGEN, "betrag": antrag.beantragter_betrag},
        )
        if (
            request.method == "POST"
            and form.is_valid()
            and self._ausfuehren(
                request,
                lambda: services.entscheidung_vorschlagen(
                    antrag.pk, request.user, **form.cleaned_data
                ),
                _("Der Vorschlag liegt zur Zeichnung vor."),
            )
        ):
            return self._zurueck(antrag)
        return _aktionsseite(
            self,
            request,
            _("Entscheidung vorschlagen"),
            form,
            antrag,
            _("Beantragt sind %(b)s. Eine Bewilligung darf diesen Betrag nicht übersteigen.")
            % {"b": euro(antrag.beantragter_betrag)},
        )

    def zeichnen_view(self, request, pk):
        return self._mit_bemerkung(
            request,
            pk,
            _("Entscheidung zeichnen"),
            services.entscheidung_zeichnen,
            _("Gezeichnet. Der Bescheid wird erstellt."),
            _("Mit dem Zeichnen wird die Entscheidung wirksam und der Bescheid erstellt."),
        )

    def zurueckverweisen_view(self, request, pk):
        return self._mit_bemerkung(
            request,
            pk,
            _("Vorschlag zurückverweisen"),
            services.vorschlag_zurueckverweisen,
            _("Der Vorschlag ist zurückverwiesen."),
        )

    def bescheid_neu_view(self, request, pk):
        antrag = self._antrag(request, pk)
        if request.method == "POST":
            for bescheid in antrag.bescheide.exclude(render_status=RenderStatus.FERTIG):
                self._ausfuehren(
                    request,
                    lambda b=bescheid: services.bescheid_neu_erzeugen(b.pk, request.user),
                    _("Bescheid %(n)s wird neu erzeugt.") % {"n": bescheid.nummer},
                )
            return self._zurueck(antrag)
        # Nothing to enter: a remark field here would be silently dropped.
        return _aktionsseite(self, request, _("Bescheid neu erzeugen"), forms.Form(), antrag)

    def anlage_view(self, request, pk, anlage_id):
        antrag = self._antrag(request, pk)
        anlage = get_object_or_404(antrag.anlagen, pk=anlage_id)
        return pdf_antwort(anlage.datei, anlage.dateiname)

    def bescheid_view(self, request, pk, bescheid_id):
        antrag = self._antrag(request, pk)
        bescheid = get_object_or_404(antrag.bescheide, pk=bescheid_id)
        if bescheid.render_status != RenderStatus.FERTIG:
            raise Http404
        return pdf_antwort(bescheid.pdf, bescheid.pdf_dateiname())
