"""The ``kern`` crispy template pack renders errors accessibly."""

import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory

from pik_portal.money import EuroFormField


class DemoFormular(forms.Form):
    name = forms.CharField(label="Name der Ansprechperson", help_text="Vor- und Nachname")
    betrag = EuroFormField(label="Betrag", required=False)
    art = forms.ChoiceField(
        label="Art", choices=[("a", "Landkreis"), ("b", "Stadtkreis")], widget=forms.RadioSelect
    )
    kreis = forms.ChoiceField(label="Kreis", choices=[("", "Bitte wählen"), ("1", "Esslingen")])
    zustimmung = forms.BooleanField(label="Ich bestätige die Angaben.")
    bemerkung = forms.CharField(label="Bemerkung", widget=forms.Textarea, required=False)


def _render(form):
    request = RequestFactory().get("/")
    return Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(
        Context({"form": form, "request": request})
    )


def test_fehler_mit_zusammenfassung_und_verknuepfung():
    form = DemoFormular(data={"name": "", "betrag": "12.34.5", "kreis": ""})
    assert not form.is_valid()
    html = _render(form)
    # Summary at the top, role=alert, links to each field.
    assert html.index("portal-fehlerzusammenfassung") < html.index('id="id_name"')
    assert 'role="alert"' in html
    assert 'href="#id_name"' in html
    assert 'href="#id_betrag"' in html
    assert 'href="#id_art_0"' in html
    assert 'href="#id_zustimmung"' in html
    assert "Bitte korrigieren Sie die folgenden 5 Angaben" in html
    # Inline error tied to the input.
    assert 'id="id_name-fehler"' in html
    assert 'aria-describedby="id_name-hinweis id_name-fehler"' in html
    assert 'aria-invalid="true"' in html
    assert "kern-form-input__input--error" in html
    assert "Bitte geben Sie einen Betrag wie 1.234,56 ein." in html
    # Entered value is kept.
    assert 'value="12.34.5"' in html
    # Radio group as fieldset with legend.
    assert '<legend class="kern-label">Art' in html
    assert "kern-form-check__radio" in html
    # Labels tied to inputs; optional fields marked.
    assert '<label class="kern-label" for="id_kreis">' in html
    assert "optional" in html


def test_ohne_fehler_keine_zusammenfassung():
    html = _render(DemoFormular())
    assert "portal-fehlerzusammenfassung" not in html
    assert "aria-invalid" not in html
    assert 'aria-describedby="id_name-hinweis"' in html


@pytest.mark.django_db
def test_anmeldeformular_zeigt_zusammenfassung(client):
    html = client.post("/konto/anmelden/", {"username": "", "password": ""}).content.decode()
    assert "portal-fehlerzusammenfassung" in html
    assert 'href="#id_username"' in html
    assert "Dieses Feld ist zwingend erforderlich." in html
