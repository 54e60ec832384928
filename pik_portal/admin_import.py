"""Admin mixin: upload a CSV, see a preview with every error, then confirm."""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .csv_import import ImportAbgebrochen

SIGNATUR_SALZ = "pik_portal.csv_import"
MAX_DATEIGROESSE = 5 * 1024 * 1024


class CsvUploadForm(forms.Form):
    datei = forms.FileField(
        label=_("CSV-Datei"),
        help_text=_("Semikolon-getrennt, UTF-8 oder Windows-1252, höchstens 5 MB."),
    )

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        if datei.size > MAX_DATEIGROESSE:
            raise forms.ValidationError(_("Die Datei ist größer als 5 MB."))
        return datei


class CsvImportAdminMixin:
    """Add ``csv_import_klasse`` (a ``CsvImport`` subclass) to a ModelAdmin."""

    csv_import_klasse = None
    change_list_template = "admin/pik_portal/change_list_mit_import.html"

    def get_urls(self):
        app_label, model_name = self.opts.app_label, self.opts.model_name
        eigene = [
            path(
                "import/",
                self.admin_site.admin_view(self.csv_import_view),
                name=f"{app_label}_{model_name}_import",
            ),
        ]
        return eigene + super().get_urls()

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        extra_context["csv_import_erlaubt"] = self.has_import_permission(request)
        return super().changelist_view(request, extra_context)

    def csv_import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        importer = self.csv_import_klasse(benutzer=request.user)
        kontext = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": importer.titel,
            "importer": importer,
            "form": CsvUploadForm(),
        }
        if request.method == "POST" and "token" in request.POST:
            try:
                inhalt = signing.loads(
                    request.POST["token"], salt=SIGNATUR_SALZ, max_age=3600
                ).encode("latin-1")
            except signing.BadSignature:
                messages.error(
                    request,
                    _("Die Vorschau ist abgelaufen. Bitte laden Sie die Datei erneut hoch."),
                )
                return redirect(request.path)
            try:
                vorschau = importer.importieren(inhalt)
            except ImportAbgebrochen as exc:
                kontext["vorschau"] = exc.vorschau
                messages.error(request, str(exc))
                return TemplateResponse(request, "admin/pik_portal/csv_import.html", kontext)
            zahlen = vorschau.zaehlung()
            messages.success(
                request,
                _("Import abgeschlossen: %(a)s angelegt, %(g)s geändert, %(u)s unverändert.")
                % {"a": zahlen["angelegt"], "g": zahlen["geändert"], "u": zahlen["unverändert"]},
            )
            return redirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
            )
        if request.method == "POST":
            form = CsvUploadForm(request.POST, request.FILES)
            kontext["form"] = form
            if form.is_valid():
                inhalt = form.cleaned_data["datei"].read()
                kontext["vorschau"] = importer.pruefen(inhalt)
                # The file travels signed in the form, so the server keeps no state.
                kontext["token"] = signing.dumps(
                    inhalt.decode("latin-1"), salt=SIGNATUR_SALZ, compress=True
                )
        return TemplateResponse(request, "admin/pik_portal/csv_import.html", kontext)
