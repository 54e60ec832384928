from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from .models import Mitgliedschaft


class AnmeldeForm(AuthenticationForm):
    # No autofocus: screen reader users start at the top and hear the page first.
    # max_length: otherwise a long address reaches django-axes, whose user name
    # column (255) makes PostgreSQL fail the failed-login record with a 500.
    username = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "E-Mail-Adresse oder Passwort sind nicht richtig. Bitte prüfen Sie Ihre Eingabe."
        ),
        "inactive": _("Dieses Konto ist gesperrt."),
    }


class PasswortVergessenForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class NeuesPasswortForm(SetPasswordForm):
    pass


class MitgliedHinzufuegenForm(forms.Form):
    # The validator accepts up to 320 characters, the column holds 254.
    email = forms.EmailField(label=_("Dienstliche E-Mail-Adresse"), max_length=254)
    name = forms.CharField(label=_("Name"), max_length=200)
    rolle = forms.ChoiceField(
        label=_("Rolle"),
        choices=Mitgliedschaft.Rolle.choices,
        initial=Mitgliedschaft.Rolle.MITGLIED,
        widget=forms.RadioSelect,
        help_text=_("Zeichnungsberechtigte dürfen Anträge rechtsverbindlich einreichen."),
    )


class RolleAendernForm(forms.Form):
    rolle = forms.ChoiceField(label=_("Neue Rolle"), choices=Mitgliedschaft.Rolle.choices)
