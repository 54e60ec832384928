"""Accommodation costs of the Stadt- und Landkreise: advances and their final settlement."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pik_portal.dokumente import PdfDokument
from pik_portal.models import Kreis, Organisation, TimeStampedModel

JAHR_VALIDATOREN = [MinValueValidator(2015), MaxValueValidator(2100)]


def _betrag(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


class Vorauszahlung(TimeStampedModel):
    """An advance the Land pays (or plans to pay) to one Kreis for one settlement year."""

    kreis = models.ForeignKey(
        Kreis, on_delete=models.PROTECT, related_name="vorauszahlungen", verbose_name=_("Kreis")
    )
    abrechnungsjahr = models.PositiveSmallIntegerField(
        _("Abrechnungsjahr"), validators=JAHR_VALIDATOREN
    )
    zeitraum = models.CharField(
        _("Zeitraum"),
        max_length=50,
        help_text=_("z. B. „1. Quartal“ oder „Abschlag Juli“"),
    )
    betrag = _betrag(_("Betrag"))
    zahlungsdatum = models.DateField(
        _("Zahlungsdatum"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, solange die Zahlung nur geplant ist."),
    )
    buchungsreferenz = models.CharField(_("Buchungsreferenz"), max_length=50, unique=True)
    bemerkung = models.TextField(_("Bemerkung"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Vorauszahlung")
        verbose_name_plural = _("Vorauszahlungen")
        ordering = ["kreis__kreisschluessel", "abrechnungsjahr", "zahlungsdatum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(betrag__gt=0), name="vorauszahlung_betrag_positiv"
            ),
        ]
        indexes = [models.Index(fields=["abrechnungsjahr", "zahlungsdatum"])]

    def __str__(self):
        return f"{self.buchungsreferenz} ({self.kreis.name}, {self.abrechnungsjahr})"

    @property
    def ist_gezahlt(self) -> bool:
        return self.zahlungsdatum is not None


class Kostenkategorie(models.Model):
    """A cost category of the Spitzabrechnung; data the RP maintains in the admin."""

    name = models.CharField(_("Bezeichnung"), max_length=100, unique=True)
    beschreibung = models.TextField(_("Erläuterung"), blank=True)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    aktiv = models.BooleanField(
        _("aktiv"),
        default=True,
        help_text=_("Nur aktive Kategorien erscheinen in neuen Abrechnungen."),
    )

    class Meta:
        verbose_name = _("Kostenkategorie")
        verbose_name_plural = _("Kostenkategorien")
        ordering = ["reihenfolge", "name"]

    def __str__(self):
        return self.name


class Spitzabrechnung(TimeStampedModel):
    """The yearly settlement of actual accommodation costs of one Kreis."""

    class Status(models.TextChoices):
        ENTWURF = "entwurf", _("Entwurf")
        EINGEREICHT = "eingereicht", _("eingereicht")
        IN_PRUEFUNG = "in_pruefung", _("in Prüfung")
        FESTGESETZT = "festgesetzt", _("festgesetzt")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="spitzabrechnungen",
        verbose_name=_("Organisation"),
    )
    kreis = models.ForeignKey(
        Kreis, on_delete=models.PROTECT, related_name="spitzabrechnungen", verbose_name=_("Kreis")
    )
    abrechnungsjahr = models.PositiveSmallIntegerField(
        _("Abrechnungsjahr"), validators=JAHR_VALIDATOREN
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ENTWURF
    )
    personen = models.PositiveIntegerField(
        _("Anzahl Personen"), default=0, help_text=_("Untergebrachte Personen im Jahr.")
    )
    belegungstage = models.PositiveIntegerField(_("Belegungstage"), default=0)
    bemerkung = models.TextField(_("Bemerkung"), blank=True)
    eingereicht_am = models.DateTimeField(_("eingereicht am"), null=True, blank=True)
    festgesetzt_am = models.DateTimeField(_("festgesetzt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Spitzabrechnung")
        verbose_name_plural = _("Spitzabrechnungen")
        ordering = ["-abrechnungsjahr", "kreis__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kreis", "abrechnungsjahr"], name="spitzabrechnung_je_kreis_und_jahr"
            ),
        ]

    def __str__(self):
        return f"Spitzabrechnung {self.abrechnungsjahr} – {self.kreis.name}"

    @property
    def aktenzeichen(self) -> str:
        return f"PIK-SA-{self.abrechnungsjahr}-{self.kreis.kreisschluessel}"

    @property
    def ist_entwurf(self) -> bool:
        return self.status == self.Status.ENTWURF


# Allowed transitions: current status → {next status: roles that may perform it}.
# "kreis" means a zeichnungsberechtigt member of the filing organisation.
KREIS = "kreis"
ERLAUBTE_UEBERGAENGE = {
    Spitzabrechnung.Status.ENTWURF: {Spitzabrechnung.Status.EINGEREICHT: {KREIS}},
    Spitzabrechnung.Status.EINGEREICHT: {
        Spitzabrechnung.Status.IN_PRUEFUNG: {"RP-Sachbearbeitung", "RP-Referatsleitung"}
    },
    Spitzabrechnung.Status.IN_PRUEFUNG: {
        Spitzabrechnung.Status.FESTGESETZT: {"RP-Sachbearbeitung", "RP-Referatsleitung"}
    },
    Spitzabrechnung.Status.FESTGESETZT: {},
}


class Abrechnungsposition(models.Model):
    """Declared and recognised costs of one category."""

    spitzabrechnung = models.ForeignKey(
        Spitzabrechnung, on_delete=models.CASCADE, related_name="positionen"
    )
    kategorie = models.ForeignKey(
        Kostenkategorie,
        on_delete=models.PROTECT,
        related_name="positionen",
        verbose_name=_("Kostenkategorie"),
    )
    betrag_erklaert = _betrag(_("erklärter Betrag"), default=0)
    betrag_anerkannt = _betrag(_("anerkannter Betrag"), null=True, blank=True)

    class Meta:
        verbose_name = _("Abrechnungsposition")
        verbose_name_plural = _("Abrechnungspositionen")
        ordering = ["kategorie__reihenfolge", "kategorie__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["spitzabrechnung", "kategorie"], name="position_je_kategorie"
            ),
            models.CheckConstraint(
                condition=models.Q(betrag_erklaert__gte=0), name="position_erklaert_nicht_negativ"
            ),
            models.CheckConstraint(
                condition=models.Q(betrag_anerkannt__isnull=True)
                | models.Q(betrag_anerkannt__gte=0),
                name="position_anerkannt_nicht_negativ",
            ),
        ]

    def __str__(self):
        return str(self.kategorie)


class Abrechnungsanlage(models.Model):
    """A PDF attached to a Spitzabrechnung (stored privately, served by a checked view)."""

    spitzabrechnung = models.ForeignKey(
        Spitzabrechnung, on_delete=models.CASCADE, related_name="anlagen"
    )
    bezeichnung = models.CharField(_("Bezeichnung"), max_length=200)
    datei = models.FileField(_("Datei"), upload_to="erstattungen/anlagen/%Y/")
    hochgeladen_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    hochgeladen_am = models.DateTimeField(_("hochgeladen am"), default=timezone.now)

    class Meta:
        verbose_name = _("Anlage")
        verbose_name_plural = _("Anlagen")
        ordering = ["hochgeladen_am", "pk"]

    def __str__(self):
        return self.bezeichnung

    def dateiname(self) -> str:
        # Never the uploaded name: it came from the client.
        return f"anlage-{self.pk}.pdf"


class Abrechnungsstatusaenderung(models.Model):
    """Audit row: who moved which Spitzabrechnung from which status to which, when."""

    spitzabrechnung = models.ForeignKey(
        Spitzabrechnung, on_delete=models.CASCADE, related_name="statusaenderungen"
    )
    zeitpunkt = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    benutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("durch"),
    )
    von_status = models.CharField(
        _("von"), max_length=20, choices=Spitzabrechnung.Status.choices, blank=True
    )
    nach_status = models.CharField(_("nach"), max_length=20, choices=Spitzabrechnung.Status.choices)
    bemerkung = models.TextField(_("Bemerkung"), blank=True)

    class Meta:
        verbose_name = _("Statusänderung")
        verbose_name_plural = _("Statusänderungen")
        ordering = ["zeitpunkt", "pk"]

    def __str__(self):
        return f"{self.von_status or '–'} → {self.nach_status}"


class Abrechnungsbescheid(PdfDokument):
    """The notice fixing the settlement; keeps its own copy of every amount it states."""

    class Art(models.TextChoices):
        NACHZAHLUNG = "nachzahlung", _("Nachzahlung")
        RUECKFORDERUNG = "rueckforderung", _("Rückforderung")
        AUSGEGLICHEN = "ausgeglichen", _("ausgeglichen")

    spitzabrechnung = models.ForeignKey(
        Spitzabrechnung, on_delete=models.PROTECT, related_name="bescheide"
    )
    aktenzeichen = models.CharField(_("Aktenzeichen"), max_length=50)
    bescheiddatum = models.DateField(_("Bescheiddatum"), default=timezone.localdate)
    positionen = models.JSONField(_("Positionen"), default=list)
    summe_erklaert = _betrag(_("Summe erklärt"))
    summe_anerkannt = _betrag(_("Summe anerkannt"))
    summe_vorauszahlungen = _betrag(_("Summe Vorauszahlungen"))
    saldo = _betrag(_("Saldo"), help_text=_("Positiv: Nachzahlung; negativ: Rückforderung."))
    art = models.CharField(_("Ergebnis"), max_length=20, choices=Art.choices)

    pdf_template = "erstattungen/pdf/abrechnungsbescheid.html"

    class Meta:
        verbose_name = _("Abrechnungsbescheid")
        verbose_name_plural = _("Abrechnungsbescheide")
        ordering = ["-erstellt_am"]

    def __str__(self):
        return f"Abrechnungsbescheid {self.aktenzeichen}"

    @property
    def betrag_ausgleich(self):
        return abs(self.saldo)

    def pdf_dateiname(self) -> str:
        return f"abrechnungsbescheid-{self.aktenzeichen}.pdf"

    def pdf_kontext(self) -> dict:
        from pik_portal.money import betrag_in_worten

        abrechnung = self.spitzabrechnung
        return {
            "titel": f"Abrechnungsbescheid {self.aktenzeichen}",
            "bescheid": self,
            "abrechnung": abrechnung,
            "organisation": abrechnung.organisation,
            "kreis": abrechnung.kreis,
            "betrag_in_worten": betrag_in_worten(self.betrag_ausgleich),
        }
