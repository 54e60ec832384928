from django import forms
from django.utils.translation import gettext_lazy as _

from .models import STELLE_FELDER, Festbetrag, Stelle
from .selectors import stelle_fehler
from .services import AntragFehler, iban_normalisieren, pdf_pruefen

DATUM_FORMATE = ["%Y-%m-%d", "%d.%m.%Y"]


class DatumWidget(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class AufrufWahlForm(forms.Form):
    aufruf = forms.ModelChoiceField(
        label=_("Förderaufruf"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Bitte wählen Sie einen Förderaufruf.")},
    )
    organisation = forms.ModelChoiceField(
        label=_("Antragsteller"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Bitte wählen Sie die antragstellende Organisation.")},
    )

    def __init__(self, *args, aufrufe, organisationen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aufruf"].queryset = aufrufe
        self.fields["organisation"].queryset = organisationen
        if organisationen.count() == 1:
            self.fields["organisation"].initial = organisationen.first().pk
        if aufrufe.count() == 1:
            self.fields["aufruf"].initial = aufrufe.first().pk


class AntragstellerForm(forms.Form):
    ansprechperson_name = forms.CharField(
        label=_("Name der Ansprechperson"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Bitte geben Sie den Namen der Ansprechperson an.")},
    )
    ansprechperson_email = forms.EmailField(
        label=_("E-Mail-Adresse der Ansprechperson"),
        max_length=254,  # the model column; longer input would fail in the database
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Bitte geben Sie eine E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine E-Mail-Adresse wie name@kreis.de an."),
        },
    )
    ansprechperson_telefon = forms.CharField(
        label=_("Telefon der Ansprechperson"),
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"required": _("Bitte geben Sie eine Telefonnummer an.")},
    )
    anzahl_gefluechtete = forms.IntegerField(
        label=_("Zahl der Geflüchteten in der Anschlussunterbringung"),
        help_text=_("Wie viele Geflüchtete in der Anschlussunterbringung sollen beraten werden?"),
        min_value=0,
        max_value=1_000_000,  # far above any Kreis, far below the integer column's limit
        error_messages={
            "required": _("Bitte geben Sie die Zahl der Geflüchteten an."),
            "invalid": _("Bitte geben Sie eine ganze Zahl ein."),
            "max_value": _("Bitte geben Sie höchstens %(limit_value)s ein."),
        },
    )


class StelleForm(forms.ModelForm):
    vzae = forms.DecimalField(
        label=_("Stellenanteil (VZÄ)"),
        help_text=_("Vollzeitäquivalent zwischen 0,25 und 1,00, z. B. 0,5 für eine halbe Stelle."),
        max_digits=3,
        decimal_places=2,
        localize=True,
        error_messages={
            "required": _("Bitte geben Sie den Stellenanteil an."),
            "invalid": _("Bitte geben Sie den Stellenanteil als Zahl wie 0,5 ein."),
        },
    )
    beginn = forms.DateField(
        label=_("Beginn"),
        help_text=_("Erster Tag eines Monats."),
        input_formats=DATUM_FORMATE,
        widget=DatumWidget(),
        error_messages={"required": _("Bitte geben Sie den Beginn an.")},
    )
    ende = forms.DateField(
        label=_("Ende"),
        help_text=_("Letzter Tag eines Monats."),
        input_formats=DATUM_FORMATE,
        widget=DatumWidget(),
        error_messages={"required": _("Bitte geben Sie das Ende an.")},
    )

    class Meta:
        model = Stelle
        fields = list(STELLE_FELDER)
        widgets = {"traegerschaft": forms.RadioSelect, "festbetrag": forms.RadioSelect}
        help_texts = {
            "person": _("Falls schon bekannt."),
            "einsatzort": _("Gemeinden, in denen die Stelle berät."),
            "traeger_name": _("Nur bei Weiterleitung an einen freien Träger."),
            "traeger_anschrift": _("Nur bei Weiterleitung an einen freien Träger."),
        }
        error_messages = {
            "bezeichnung": {"required": _("Bitte geben Sie eine Bezeichnung an.")},
            "festbetrag": {"required": _("Bitte wählen Sie die Qualifikationsstufe.")},
            "einsatzort": {"required": _("Bitte geben Sie den Einsatzort an.")},
        }

    def __init__(self, *args, aufruf, **kwargs):
        super().__init__(*args, **kwargs)
        self.aufruf = aufruf
        self.fields["festbetrag"].queryset = Festbetrag.objects.filter(aufruf=aufruf)
        self.fields["festbetrag"].empty_label = None
        self.fields["traegerschaft"].choices = Stelle.Traegerschaft.choices

    def clean(self):
        daten = super().clean()
        if self.errors:
            return daten
        probe = Stelle(**{k: v for k, v in daten.items() if k in self.Meta.fields})
        for fehler in stelle_fehler(probe, self.aufruf):
            self.add_error(None, fehler)
        return daten


class BankverbindungForm(forms.Form):
    kontoinhaber = forms.CharField(
        label=_("Kontoinhaber"),
        max_length=200,
        error_messages={"required": _("Bitte geben Sie den Kontoinhaber an.")},
    )
    iban = forms.CharField(
        label=_("IBAN"),
        max_length=42,
        help_text=_("Zum Beispiel DE02 1203 0000 0000 2020 51."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Bitte geben Sie die IBAN an.")},
    )

    def clean_iban(self):
        try:
            return iban_normalisieren(self.cleaned_data["iban"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc


class PdfFeld(forms.FileField):
    def clean(self, data, initial=None):
        datei = super().clean(data, initial)
        if datei:
            try:
                pdf_pruefen(datei)
            except AntragFehler as exc:
                raise forms.ValidationError(exc.meldung) from exc
        return datei


class AnlageForm(forms.Form):
    bezeichnung = forms.CharField(
        label=_("Bezeichnung"),
        max_length=200,
        help_text=_("Zum Beispiel Stellenbeschreibung oder Kooperationsvereinbarung."),
        error_messages={"required": _("Bitte geben Sie eine Bezeichnung an.")},
    )
    datei = PdfFeld(
        label=_("Datei (PDF, höchstens 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        error_messages={"required": _("Bitte wählen Sie eine PDF-Datei aus.")},
    )


class ErklaerungenForm(forms.Form):
    erklaerung_richtigkeit = forms.BooleanField(
        label=_(
            "Ich versichere, dass die Angaben in diesem Antrag und seinen Anlagen vollständig "
            "und richtig sind."
        ),
        error_messages={"required": _("Bitte bestätigen Sie die Richtigkeit der Angaben.")},
    )
    erklaerung_kein_vorhabenbeginn = forms.BooleanField(
        label=_(
            "Mit dem Vorhaben wurde noch nicht begonnen; ein vorzeitiger Beginn bedarf der "
            "Zustimmung der Bewilligungsbehörde (VV Nr. 1.3 zu § 44 LHO)."
        ),
        error_messages={
            "required": _("Bitte bestätigen Sie, dass das Vorhaben nicht begonnen hat.")
        },
    )
    erklaerung_subventionserheblich = forms.BooleanField(
        label=_(
            "Mir ist bekannt, dass die Angaben subventionserheblich im Sinne von § 264 StGB "
            "sind und falsche Angaben strafbar sein können."
        ),
        error_messages={
            "required": _("Bitte bestätigen Sie die Kenntnis der subventionserheblichen Tatsachen.")
        },
    )


class NachforderungAntwortForm(forms.Form):
    antwort = forms.CharField(
        label=_("Ihre Antwort"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Bitte beantworten Sie die Nachforderung.")},
    )
    bezeichnung = forms.CharField(label=_("Bezeichnung der Anlage"), max_length=200, required=False)
    datei = PdfFeld(
        label=_("Anlage (PDF, höchstens 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )


class ZurueckziehenForm(forms.Form):
    begruendung = forms.CharField(
        label=_("Grund"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
