import re

from django import forms
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from pik_portal.dokumente import pdf_pruefen
from pik_portal.models import Regierungsbezirk
from pik_portal.money import EuroFormField


class VorauszahlungFilterForm(forms.Form):
    """The GET filter of the public list and its exports."""

    jahr = forms.TypedChoiceField(
        label=_("Abrechnungsjahr"), coerce=int, required=False, empty_value=None
    )
    regierungsbezirk = forms.ChoiceField(
        label=_("Regierungsbezirk"),
        choices=[("", _("alle Regierungsbezirke")), *Regierungsbezirk.choices],
        required=False,
    )
    kreis = forms.ChoiceField(label=_("Stadt- oder Landkreis"), required=False)
    sortierung = forms.ChoiceField(
        label=_("Sortierung"),
        choices=[
            ("kreis", _("nach Kreis (alphabetisch)")),
            ("betrag", _("nach Betrag (absteigend)")),
        ],
        required=False,
    )

    def __init__(self, data, *, jahre, kreise):
        super().__init__(data)
        jahre = list(jahre)
        gewuenscht = (data or {}).get("jahr", "")
        # A year without payments is still a valid filter (it simply shows nothing).
        # fullmatch on ASCII digits: str.isdigit() also accepts "²", which int() refuses.
        if re.fullmatch(r"20[0-9]{2}|2100", gewuenscht) and int(gewuenscht) >= 2015:
            jahre = sorted({*jahre, int(gewuenscht)}, reverse=True)
        self.fields["jahr"].choices = [("", _("alle Jahre"))] + [(j, str(j)) for j in jahre]
        self.fields["kreis"].choices = [("", _("alle Kreise"))] + list(kreise)

    def filter(self) -> dict:
        """The valid filter values; an invalid value counts as not set."""
        self.is_valid()
        daten = getattr(self, "cleaned_data", {})
        return {
            "jahr": daten.get("jahr") if "jahr" not in self.errors else None,
            "regierungsbezirk": daten.get("regierungsbezirk") or None,
            "kreis": daten.get("kreis") or None,
            "sortierung": daten.get("sortierung") or "kreis",
        }


def _jahre():
    jahr = timezone.localdate().year
    return [(j, str(j)) for j in range(jahr, jahr - 5, -1)]


class SpitzabrechnungAnlegenForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Stadt- oder Landkreis"), queryset=None, empty_label=None
    )
    abrechnungsjahr = forms.TypedChoiceField(label=_("Abrechnungsjahr"), coerce=int)

    def __init__(self, *args, organisationen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisationen
        self.fields["abrechnungsjahr"].choices = _jahre()


class SpitzabrechnungForm(forms.Form):
    """Declared figures of a draft: one amount per cost category."""

    personen = forms.IntegerField(
        label=_("Anzahl untergebrachter Personen"), min_value=0, max_value=1_000_000
    )
    belegungstage = forms.IntegerField(
        label=_("Belegungstage"),
        min_value=0,
        max_value=400_000_000,
        help_text=_("Summe der Tage, an denen Plätze belegt waren."),
    )
    bemerkung = forms.CharField(
        label=_("Bemerkung"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, positionen, **kwargs):
        super().__init__(*args, **kwargs)
        self.positionen = list(positionen)
        for position in self.positionen:
            self.fields[f"betrag_{position.pk}"] = EuroFormField(
                label=_("%(kategorie)s (Euro)") % {"kategorie": position.kategorie.name},
                # The kern pack renders help_text unescaped (Django's convention for
                # texts from code); this one is data typed in by the RP.
                help_text=escape(position.kategorie.beschreibung),
                min_value=0,
                initial=position.betrag_erklaert,
                error_messages={"min_value": _("Der Betrag darf nicht negativ sein.")},
            )

    def betraege(self) -> dict:
        return {p.pk: self.cleaned_data[f"betrag_{p.pk}"] for p in self.positionen}


class AnlageForm(forms.Form):
    bezeichnung = forms.CharField(label=_("Bezeichnung"), max_length=200)
    datei = forms.FileField(label=_("PDF-Datei"), help_text=_("Nur PDF, höchstens 10 MB."))

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        pdf_pruefen(datei)  # the service checks again; here it shows at the field
        return datei
