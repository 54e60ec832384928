import datetime
from decimal import Decimal

import factory
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from faq.models import Frage, Kategorie
from foerderantraege.models import (
    Anlage,
    Festbetrag,
    Foerderantrag,
    Foerderaufruf,
    Planungsrahmen,
    Stelle,
)
from massnahmen.models import Handlungsfeld, Massnahme, Zielgruppe
from pik_portal.models import Benutzer, Kreis, Mitgliedschaft, Organisation
from pik_portal.rollen import RP_REFERATSLEITUNG, RP_SACHBEARBEITUNG

PASSWORT = "Test-Passwort-123"


def kreis(kreisschluessel="08116"):
    """One of the 44 Kreise loaded by the data migration."""
    return Kreis.objects.get(kreisschluessel=kreisschluessel)


class BenutzerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benutzer
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@kommune.example")
    name = factory.Faker("name", locale="de_DE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORT)

    @factory.post_generation
    def speichern(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Landratsamt Beispiel {n}")
    art = Organisation.Art.LANDKREIS
    kreis = factory.LazyFunction(kreis)
    strasse = "Marktplatz 1"
    postleitzahl = "73728"
    ort = "Esslingen am Neckar"
    email = factory.Sequence(lambda n: f"integration{n}@kreis.example")


class MitgliedschaftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mitgliedschaft

    organisation = factory.SubFactory(OrganisationFactory)
    benutzer = factory.SubFactory(BenutzerFactory)
    rolle = Mitgliedschaft.Rolle.ZEICHNUNGSBERECHTIGT


def mitglied(organisation=None, rolle=Mitgliedschaft.Rolle.ZEICHNUNGSBERECHTIGT, **kwargs):
    """A user who is a member of ``organisation`` (a new one if not given)."""
    organisation = organisation or OrganisationFactory()
    benutzer = BenutzerFactory(**kwargs)
    MitgliedschaftFactory(organisation=organisation, benutzer=benutzer, rolle=rolle)
    return benutzer


def rp_benutzer(gruppe=RP_SACHBEARBEITUNG, **kwargs):
    benutzer = BenutzerFactory(is_staff=True, **kwargs)
    benutzer.groups.add(Group.objects.get(name=gruppe))
    return benutzer


def sachbearbeitung(**kwargs):
    return rp_benutzer(RP_SACHBEARBEITUNG, **kwargs)


def referatsleitung(**kwargs):
    return rp_benutzer(RP_REFERATSLEITUNG, **kwargs)


# --- faq ---


class KategorieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kategorie

    titel = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    reihenfolge = factory.Sequence(lambda n: n)


class FrageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Frage

    kategorie = factory.SubFactory(KategorieFactory)
    frage = factory.Sequence(lambda n: f"Beispielfrage Nummer {n}?")
    slug = factory.Sequence(lambda n: f"beispielfrage-{n}")
    antwort = "Eine kurze Antwort mit **fettem** Text."
    reihenfolge = factory.Sequence(lambda n: n)
    veroeffentlicht = True


# --- massnahmen ---


def handlungsfeld(slug="sprache"):
    """A Handlungsfeld from the data migration (recreated if a flush removed it)."""
    return Handlungsfeld.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


def zielgruppe(slug="jugendliche"):
    return Zielgruppe.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


class MassnahmeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Massnahme
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Maßnahme {n:04d}")
    slug = factory.Sequence(lambda n: f"massnahme-{n:04d}")
    kurzbeschreibung = "Eine Maßnahme zum Testen."
    beschreibung = "Mit **Markdown**."
    handlungsfeld = factory.LazyFunction(handlungsfeld)
    ressort = "Ministerium für Soziales, Gesundheit und Integration"
    landesweit = True
    beginn = datetime.date(2020, 1, 1)
    veroeffentlicht = True

    @factory.post_generation
    def zielgruppen(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.zielgruppen.set(extracted)

    @factory.post_generation
    def kreise(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.kreise.set(extracted)


# --- erstattungen ---


class VorauszahlungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "erstattungen.Vorauszahlung"

    kreis = factory.LazyFunction(kreis)
    abrechnungsjahr = 2025
    zeitraum = "1. Quartal"
    betrag = Decimal("100000.00")
    zahlungsdatum = datetime.date(2025, 3, 31)
    buchungsreferenz = factory.Sequence(lambda n: f"VZ-TEST-{n:05d}")


def kreis_organisation(kreisschluessel="08116", **kwargs):
    """A Landkreis organisation of the given Kreis."""
    return OrganisationFactory(
        kreis=kreis(kreisschluessel), art=Organisation.Art.LANDKREIS, **kwargs
    )


# --- foerderantraege ---

MINI_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class FoerderaufrufFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Foerderaufruf
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Integrationsmanagement 2027/2028 ({n})")
    foerderzeitraum_von = datetime.date(2027, 1, 1)
    foerderzeitraum_bis = datetime.date(2028, 12, 31)
    antragsfrist = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    gesamtbudget = Decimal("58000000.00")
    veroeffentlicht = True

    @factory.post_generation
    def festbetraege(obj, create, extracted, **kwargs):
        if not create:
            return
        for i, (stufe, betrag) in enumerate(
            extracted
            or [
                ("Hochschulabschluss", Decimal("68000.00")),
                ("mittlerer Abschluss mit Berufsausbildung", Decimal("60000.00")),
            ]
        ):
            Festbetrag.objects.create(
                aufruf=obj, qualifikationsstufe=stufe, betrag_je_vzae_jahr=betrag, reihenfolge=i
            )


class FoerderantragFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Foerderantrag

    aufruf = factory.SubFactory(FoerderaufrufFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    ansprechperson_name = "Petra Beispiel"
    ansprechperson_email = "petra.beispiel@kreis.example"
    ansprechperson_telefon = "0711 123456"
    anzahl_gefluechtete = 240
    kontoinhaber = factory.LazyAttribute(lambda o: o.organisation.name)
    iban = "DE89370400440532013000"
    erklaerung_richtigkeit = True
    erklaerung_kein_vorhabenbeginn = True
    erklaerung_subventionserheblich = True


class StelleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stelle

    antrag = factory.SubFactory(FoerderantragFactory)
    bezeichnung = factory.Sequence(lambda n: f"Integrationsmanagement Stelle {n}")
    vzae = Decimal("1.00")
    festbetrag = factory.LazyAttribute(lambda o: o.antrag.aufruf.festbetraege.first())
    beginn = datetime.date(2027, 1, 1)
    ende = datetime.date(2027, 12, 31)
    einsatzort = "Esslingen, Plochingen"


def anlage(antrag, benutzer, inhalt=MINI_PDF, bezeichnung="Stellenbeschreibung"):
    a = Anlage(
        antrag=antrag,
        bezeichnung=bezeichnung,
        dateiname="stellenbeschreibung.pdf",
        groesse=len(inhalt),
        hochgeladen_von=benutzer,
    )
    a.datei.save("anlage.pdf", ContentFile(inhalt), save=False)
    a.save()
    return a


def vollstaendiger_antrag(organisation=None, benutzer=None, stellen=1, **kwargs):
    """A complete draft: contact, positions, bank account, declarations, one attachment."""
    from foerderantraege.berechnung import antragsbetrag

    antrag = FoerderantragFactory(
        **({"organisation": organisation} if organisation else {}), **kwargs
    )
    benutzer = benutzer or mitglied(antrag.organisation)
    for _ in range(stellen):
        StelleFactory(antrag=antrag)
    anlage(antrag, benutzer)
    antrag.beantragter_betrag = antragsbetrag(antrag.stellen.select_related("festbetrag"))
    antrag.save()
    return antrag


def planungsrahmen(aufruf, kreis_obj=None, betrag=Decimal("1000000.00")):
    return Planungsrahmen.objects.update_or_create(
        aufruf=aufruf, kreis=kreis_obj or kreis(), defaults={"betrag": betrag}
    )[0]
