from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import SUCHE_MAX_LAENGE


class SuchFormular(forms.Form):
    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=SUCHE_MAX_LAENGE,
        error_messages={
            "max_length": _(
                "Bitte geben Sie höchstens %(limit_value)d Zeichen ein (Ihre Eingabe hat %(show_value)d)."
            )
        },
    )


class BewertungFormular(forms.Form):
    hilfreich = forms.TypedChoiceField(
        choices=[("ja", _("Ja")), ("nein", _("Nein"))],
        coerce=lambda wert: wert == "ja",
    )
