"""Förderantrag Integrationsmanagement: calls, applications, decisions, notices.

Every status change of a ``Foerderantrag`` goes through
``services.antrag_statuswechsel``; the table of allowed transitions sits here,
next to the model, so the rules can be read in one place.
"""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pik_portal.dokumente import PdfDokument
from pik_portal.models import Organisation, TimeStampedModel
from pik_portal.money import euro

from .berechnung import monate_zwischen, stellenbetrag


def _standard_antragsberechtigte():
    # Since the VwV Integrationsmanagement 2023 only Stadt- und Landkreise apply.
    return [Organisation.Art.STADTKREIS.value, Organisation.Art.LANDKREIS.value]


def _betrag_feld(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


class Foerderaufruf(TimeStampedModel):
    """A call for applications with its money and rules (all kept as data)."""

    titel = models.CharField(_("Titel"), max_length=200)
    programm = models.CharField(_("Programm"), max_length=200, default="VwV Integrationsmanagement")
    zweck = models.TextField(
        _("Zuwendungszweck"),
        default="Förderung von Integrationsmanagerinnen und Integrationsmanagern, die "
        "Geflüchtete in der Anschlussunterbringung sozial beraten und begleiten.",
    )
    foerderzeitraum_von = models.DateField(_("Förderzeitraum von"))
    foerderzeitraum_bis = models.DateField(_("Förderzeitraum bis"))
    antragsfrist = models.DateTimeField(_("Antragsfrist"))
    antragsberechtigte_arten = models.JSONField(
        _("antragsberechtigte Organisationsarten"),
        default=_standard_antragsberechtigte,
        help_text=_('Liste der Arten, z. B. ["stadtkreis", "landkreis"].'),
    )
    hoechstdauer_monate = models.PositiveSmallIntegerField(
        _("höchste Förderdauer in Monaten"), default=60
    )
    mindest_vzae = models.DecimalField(
        _("kleinster Stellenanteil (VZÄ)"), max_digits=3, decimal_places=2, default="0.25"
    )
    gesamtbudget = _betrag_feld(_("Gesamtbudget"))
    behoerde = models.CharField(
        _("Bewilligungsbehörde"), max_length=200, default="Regierungspräsidium Stuttgart"
    )
    referat = models.CharField(
        _("Referat"), max_length=200, default="Referat 15.2 – Integrationsmanagement"
    )
    behoerde_anschrift = models.TextField(
        _("Anschrift der Behörde"), default="Postfach 80 07 09\n70507 Stuttgart"
    )
    nebenbestimmungen = models.TextField(
        _("Nebenbestimmungen"),
        default="Die Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung "
        "an Gemeinden (ANBest-K) sind Bestandteil dieses Bescheids. Der Verwendungsnachweis "
        "ist innerhalb von drei Monaten nach Ende des Bewilligungszeitraums vorzulegen.",
    )
    rechtsbehelfsbelehrung = models.TextField(
        _("Rechtsbehelfsbelehrung"),
        default="Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage "
        "beim Verwaltungsgericht Stuttgart, Augustenstraße 5, 70178 Stuttgart, erhoben "
        "werden.",
    )
    veroeffentlicht = models.BooleanField(_("veröffentlicht"), default=False)

    class Meta:
        verbose_name = _("Förderaufruf")
        verbose_name_plural = _("Förderaufrufe")
        ordering = ["-foerderzeitraum_von", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gesamtbudget__gte=0), name="foerderaufruf_budget_nicht_negativ"
            ),
            models.CheckConstraint(
                condition=Q(foerderzeitraum_bis__gt=F("foerderzeitraum_von")),
                name="foerderaufruf_zeitraum_geordnet",
            ),
        ]

    def __str__(self):
        return self.titel

    def clean(self):
        super().clean()
        if self.foerderzeitraum_von and self.foerderzeitraum_bis:
            if self.foerderzeitraum_bis <= self.foerderzeitraum_von:
                raise ValidationError(
                    {"foerderzeitraum_bis": _("Das Ende muss nach dem Beginn liegen.")}
                )
            if monate_zwischen(self.foerderzeitraum_von, self.foerderzeitraum_bis) > (
                self.hoechstdauer_monate or 0
            ):
                raise ValidationError(
                    {
                        "foerderzeitraum_bis": _(
                            "Der Förderzeitraum ist länger als die höchste Förderdauer."
                        )
                    }
                )
        arten = self.antragsberechtigte_arten
        if not isinstance(arten, list) or not set(arten) <= set(Organisation.Art.values):
            raise ValidationError({"antragsberechtigte_arten": _("Unbekannte Organisationsart.")})

    def ist_offen(self, jetzt=None) -> bool:
        jetzt = jetzt or timezone.now()
        return self.veroeffentlicht and jetzt <= self.antragsfrist

    def darf_antragstellen(self, organisation) -> bool:
        return organisation.art in (self.antragsberechtigte_arten or [])


class Festbetrag(models.Model):
    """Festbetrag je Vollzeitäquivalent und Jahr for one qualification level."""

    aufruf = models.ForeignKey(Foerderaufruf, on_delete=models.CASCADE, related_name="festbetraege")
    qualifikationsstufe = models.CharField(_("Qualifikationsstufe"), max_length=200)
    betrag_je_vzae_jahr = _betrag_feld(_("Festbetrag je VZÄ und Jahr"))
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Festbetrag")
        verbose_name_plural = _("Festbeträge")
        ordering = ["reihenfolge", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(betrag_je_vzae_jahr__gte=0), name="festbetrag_nicht_negativ"
            ),
            models.UniqueConstraint(
                fields=["aufruf", "qualifikationsstufe"], name="festbetrag_stufe_einmalig"
            ),
        ]

    def __str__(self):
        return f"{self.qualifikationsstufe} ({euro(self.betrag_je_vzae_jahr)} je VZÄ und Jahr)"


class Planungsrahmen(models.Model):
    """The share of an Aufruf's budget reserved for one Stadt- oder Landkreis."""

    aufruf = models.ForeignKey(
        Foerderaufruf, on_delete=models.CASCADE, related_name="planungsrahmen"
    )
    kreis = models.ForeignKey(
        "pik_portal.Kreis", on_delete=models.PROTECT, related_name="+", verbose_name=_("Kreis")
    )
    betrag = _betrag_feld(_("Planungsrahmen"))

    class Meta:
        verbose_name = _("Planungsrahmen")
        verbose_name_plural = _("Planungsrahmen")
        ordering = ["kreis__kreisschluessel"]
        constraints = [
            models.UniqueConstraint(fields=["aufruf", "kreis"], name="planungsrahmen_einmalig"),
            models.CheckConstraint(condition=Q(betrag__gte=0), name="planungsrahmen_nicht_negativ"),
        ]

    def __str__(self):
        return f"{self.kreis}: {self.betrag}"


class Status(models.TextChoices):
    ENTWURF = "entwurf", _("Entwurf")
    EINGEREICHT = "eingereicht", _("Eingereicht")
    IN_PRUEFUNG = "in_pruefung", _("In Prüfung")
    NACHFORDERUNG = "nachforderung", _("Nachforderung")
    ENTSCHEIDUNGSVORSCHLAG = "entscheidungsvorschlag", _("Entscheidungsvorschlag")
    BEWILLIGT = "bewilligt", _("Bewilligt")
    ABGELEHNT = "abgelehnt", _("Abgelehnt")
    ZURUECKGEZOGEN = "zurueckgezogen", _("Zurückgezogen")


class Akteur(models.TextChoices):
    """Who may trigger a transition (derived from memberships and RP groups)."""

    MITGLIED = "mitglied", _("Mitglied der antragstellenden Organisation")
    ZEICHNUNGSBERECHTIGT = "zeichnungsberechtigt", _("Zeichnungsberechtigt")
    SACHBEARBEITUNG = "sachbearbeitung", _("RP-Sachbearbeitung")
    REFERATSLEITUNG = "referatsleitung", _("RP-Referatsleitung")


_ANTRAGSTELLER = frozenset({Akteur.MITGLIED, Akteur.ZEICHNUNGSBERECHTIGT})

# (von, nach) → who may do it. Anything not listed is refused.
ERLAUBTE_UEBERGAENGE: dict[tuple[str, str], frozenset[str]] = {
    (Status.ENTWURF, Status.EINGEREICHT): frozenset({Akteur.ZEICHNUNGSBERECHTIGT}),
    (Status.ENTWURF, Status.ZURUECKGEZOGEN): _ANTRAGSTELLER,
    (Status.EINGEREICHT, Status.IN_PRUEFUNG): frozenset({Akteur.SACHBEARBEITUNG}),
    (Status.EINGEREICHT, Status.ZURUECKGEZOGEN): _ANTRAGSTELLER,
    (Status.IN_PRUEFUNG, Status.NACHFORDERUNG): frozenset({Akteur.SACHBEARBEITUNG}),
    (Status.IN_PRUEFUNG, Status.ENTSCHEIDUNGSVORSCHLAG): frozenset({Akteur.SACHBEARBEITUNG}),
    (Status.IN_PRUEFUNG, Status.ZURUECKGEZOGEN): _ANTRAGSTELLER,
    # The applicant answers; the RP may also close an open request itself.
    (Status.NACHFORDERUNG, Status.IN_PRUEFUNG): _ANTRAGSTELLER | {Akteur.SACHBEARBEITUNG},
    (Status.NACHFORDERUNG, Status.ZURUECKGEZOGEN): _ANTRAGSTELLER,
    (Status.ENTSCHEIDUNGSVORSCHLAG, Status.BEWILLIGT): frozenset({Akteur.REFERATSLEITUNG}),
    (Status.ENTSCHEIDUNGSVORSCHLAG, Status.ABGELEHNT): frozenset({Akteur.REFERATSLEITUNG}),
    # The approver sends a proposal back for another review.
    (Status.ENTSCHEIDUNGSVORSCHLAG, Status.IN_PRUEFUNG): frozenset({Akteur.REFERATSLEITUNG}),
}

# What the applicant reads as the next step in the list and in the Verlauf.
NAECHSTER_SCHRITT = {
    Status.ENTWURF: _("Antrag vervollständigen und einreichen"),
    Status.EINGEREICHT: _("Das Regierungspräsidium prüft den Eingang"),
    Status.IN_PRUEFUNG: _("Das Regierungspräsidium prüft den Antrag"),
    Status.NACHFORDERUNG: _("Nachforderung beantworten"),
    Status.ENTSCHEIDUNGSVORSCHLAG: _("Die Entscheidung wird gezeichnet"),
    Status.BEWILLIGT: _("Bescheid herunterladen"),
    Status.ABGELEHNT: _("Bescheid herunterladen"),
    Status.ZURUECKGEZOGEN: _("Keiner – der Antrag ist zurückgezogen"),
}

STATUS_BADGE = {
    Status.ENTWURF: "info",
    Status.EINGEREICHT: "info",
    Status.IN_PRUEFUNG: "info",
    Status.NACHFORDERUNG: "warning",
    Status.ENTSCHEIDUNGSVORSCHLAG: "info",
    Status.BEWILLIGT: "success",
    Status.ABGELEHNT: "danger",
    Status.ZURUECKGEZOGEN: "warning",
}


class Foerderantrag(TimeStampedModel):
    status = models.CharField(
        _("Status"), max_length=30, choices=Status.choices, default=Status.ENTWURF
    )
    aufruf = models.ForeignKey(
        Foerderaufruf,
        on_delete=models.PROTECT,
        related_name="antraege",
        verbose_name=_("Förderaufruf"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="foerderantraege",
        verbose_name=_("Antragsteller"),
    )
    aktenzeichen = models.CharField(
        _("Aktenzeichen"), max_length=30, unique=True, null=True, blank=True, editable=False
    )
    ansprechperson_name = models.CharField(_("Name der Ansprechperson"), max_length=200, blank=True)
    ansprechperson_email = models.EmailField(_("E-Mail-Adresse der Ansprechperson"), blank=True)
    ansprechperson_telefon = models.CharField(
        _("Telefon der Ansprechperson"), max_length=50, blank=True
    )
    anzahl_gefluechtete = models.PositiveIntegerField(
        _("Geflüchtete in der Anschlussunterbringung"), null=True, blank=True
    )
    kontoinhaber = models.CharField(_("Kontoinhaber"), max_length=200, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    erklaerung_richtigkeit = models.BooleanField(_("Richtigkeit der Angaben"), default=False)
    erklaerung_kein_vorhabenbeginn = models.BooleanField(
        _("Kein vorzeitiger Vorhabenbeginn"), default=False
    )
    erklaerung_subventionserheblich = models.BooleanField(
        _("Subventionserhebliche Tatsachen"), default=False
    )
    beantragter_betrag = _betrag_feld(_("beantragter Betrag"), default=0)
    bewilligter_betrag = _betrag_feld(_("bewilligter Betrag"), null=True, blank=True)
    eingereicht_am = models.DateTimeField(_("eingereicht am"), null=True, blank=True)
    eingereicht_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eingereicht von"),
    )
    freigegeben_am = models.DateTimeField(
        _("zur Einreichung freigegeben am"), null=True, blank=True
    )
    freigegeben_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zur Einreichung freigegeben von"),
    )

    class Meta:
        verbose_name = _("Förderantrag")
        verbose_name_plural = _("Förderanträge")
        ordering = ["-erstellt_am"]
        constraints = [
            models.CheckConstraint(
                condition=Q(beantragter_betrag__gte=0), name="antrag_beantragt_nicht_negativ"
            ),
            models.CheckConstraint(
                condition=Q(bewilligter_betrag__isnull=True) | Q(bewilligter_betrag__gte=0),
                name="antrag_bewilligt_nicht_negativ",
            ),
        ]
        indexes = [models.Index(fields=["aufruf", "status"])]

    def __str__(self):
        return self.aktenzeichen or _("Entwurf Nr. %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("foerderantraege:detail", args=[self.pk])

    @property
    def ist_entwurf(self) -> bool:
        return self.status == Status.ENTWURF

    @property
    def naechster_schritt(self):
        return NAECHSTER_SCHRITT[self.status]

    @property
    def status_badge(self) -> str:
        return STATUS_BADGE[self.status]

    @property
    def iban_maskiert(self) -> str:
        """IBAN for applicants: country, check digits and the last four digits only."""
        if not self.iban:
            return ""
        sichtbar = self.iban[:4] + "*" * (len(self.iban) - 8) + self.iban[-4:]
        return " ".join(sichtbar[i : i + 4] for i in range(0, len(sichtbar), 4))

    @property
    def iban_formatiert(self) -> str:
        return " ".join(self.iban[i : i + 4] for i in range(0, len(self.iban), 4))


# The fields an applicant fills in for a position (form, service and admin use this list).
STELLE_FELDER = (
    "bezeichnung",
    "vzae",
    "festbetrag",
    "person",
    "beginn",
    "ende",
    "einsatzort",
    "traegerschaft",
    "traeger_name",
    "traeger_anschrift",
)


class Stelle(models.Model):
    """A planned (part of a) position of an Integrationsmanager*in."""

    class Traegerschaft(models.TextChoices):
        EIGEN = "eigen", _("beim Antragsteller angestellt")
        WEITERLEITUNG = "weiterleitung", _("an einen freien Träger weitergeleitet")

    antrag = models.ForeignKey(Foerderantrag, on_delete=models.CASCADE, related_name="stellen")
    bezeichnung = models.CharField(_("Bezeichnung der Stelle"), max_length=200)
    vzae = models.DecimalField(_("Stellenanteil (VZÄ)"), max_digits=3, decimal_places=2)
    festbetrag = models.ForeignKey(
        Festbetrag,
        on_delete=models.PROTECT,
        related_name="stellen",
        verbose_name=_("Qualifikationsstufe"),
    )
    person = models.CharField(_("Name der Person"), max_length=200, blank=True)
    beginn = models.DateField(_("Beginn"))
    ende = models.DateField(_("Ende"))
    einsatzort = models.CharField(_("Einsatzort (Gemeinden)"), max_length=500)
    traegerschaft = models.CharField(
        _("Anstellung"),
        max_length=20,
        choices=Traegerschaft.choices,
        default=Traegerschaft.EIGEN,
    )
    traeger_name = models.CharField(_("Name des freien Trägers"), max_length=200, blank=True)
    traeger_anschrift = models.CharField(
        _("Anschrift des freien Trägers"), max_length=300, blank=True
    )

    class Meta:
        verbose_name = _("Stelle")
        verbose_name_plural = _("Stellen")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(vzae__gte="0.25") & Q(vzae__lte="1.00"), name="stelle_vzae_bereich"
            ),
            models.CheckConstraint(condition=Q(ende__gt=F("beginn")), name="stelle_zeitraum"),
        ]

    def __str__(self):
        return self.bezeichnung

    def validate_constraints(self, exclude=None):
        # selectors.stelle_fehler checks these rules against the Aufruf with German
        # messages; the database constraints stay as the last line of defence, but
        # their technical names must not reach the applicant's error summary.
        super().validate_constraints(exclude={*(exclude or ()), "vzae", "beginn", "ende"})

    @property
    def monate(self) -> int:
        return monate_zwischen(self.beginn, self.ende)

    @property
    def betrag(self):
        return stellenbetrag(self.vzae, self.festbetrag.betrag_je_vzae_jahr, self.monate)


def _anlage_pfad(instance, filename):
    # The original name is kept in the row; on disk only a random name.
    return f"foerderantraege/{instance.antrag_id}/{uuid.uuid4().hex}.pdf"


class Nachforderung(models.Model):
    antrag = models.ForeignKey(
        Foerderantrag, on_delete=models.CASCADE, related_name="nachforderungen"
    )
    text = models.TextField(_("Was wird nachgefordert?"))
    frist = models.DateField(_("Frist"))
    erstellt_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    erstellt_am = models.DateTimeField(_("gestellt am"), default=timezone.now)
    antwort = models.TextField(_("Antwort"), blank=True)
    beantwortet_am = models.DateTimeField(_("beantwortet am"), null=True, blank=True)
    beantwortet_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Nachforderung")
        verbose_name_plural = _("Nachforderungen")
        ordering = ["-erstellt_am"]

    def __str__(self):
        return _("Nachforderung vom %(datum)s") % {
            "datum": timezone.localtime(self.erstellt_am).strftime("%d.%m.%Y")
        }

    @property
    def offen(self) -> bool:
        return self.beantwortet_am is None


class Anlage(models.Model):
    antrag = models.ForeignKey(Foerderantrag, on_delete=models.CASCADE, related_name="anlagen")
    nachforderung = models.ForeignKey(
        Nachforderung,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="anlagen",
    )
    bezeichnung = models.CharField(_("Bezeichnung"), max_length=200)
    datei = models.FileField(_("Datei"), upload_to=_anlage_pfad)
    dateiname = models.CharField(_("Dateiname"), max_length=255)
    groesse = models.PositiveIntegerField(_("Größe in Bytes"))
    hochgeladen_von = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    hochgeladen_am = models.DateTimeField(_("hochgeladen am"), default=timezone.now)

    class Meta:
        verbose_name = _("Anlage")
        verbose_name_plural = _("Anlagen")
        ordering = ["hochgeladen_am", "pk"]

    def __str__(self):
        return self.bezeichnung

    def get_absolute_url(self):
        return reverse("foerderantraege:anlage", args=[self.antrag_id, self.pk])


class Statusaenderung(models.Model):
    """Audit row, written only by ``services.antrag_statuswechsel``."""

    antrag = models.ForeignKey(
        Foerderantrag, on_delete=models.CASCADE, related_name="statusaenderungen"
    )
    von = models.CharField(_("von"), max_length=30, choices=Status.choices)
    nach = models.CharField(_("nach"), max_length=30, choices=Status.choices)
    benutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("durch"),
    )
    zeitpunkt = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    bemerkung = models.TextField(_("Bemerkung"), blank=True)

    class Meta:
        verbose_name = _("Statusänderung")
        verbose_name_plural = _("Statusänderungen")
        ordering = ["zeitpunkt", "pk"]

    def __str__(self):
        return f"{self.get_von_display()} → {self.get_nach_display()}"


class Entscheidung(models.Model):
    """A proposed decision; it takes effect when a second person signs it."""

    class Art(models.TextChoices):
        BEWILLIGEN = "bewilligen", _("bewilligen")
        ABLEHNEN = "ablehnen", _("ablehnen")

    antrag = models.ForeignKey(
        Foerderantrag, on_delete=models.CASCADE, related_name="entscheidungen"
    )
    art = models.CharField(_("Vorschlag"), max_length=20, choices=Art.choices)
    betrag = _betrag_feld(_("Betrag"), null=True, blank=True)
    begruendung = models.TextField(_("Begründung"))
    nebenbestimmungen = models.TextField(_("besondere Nebenbestimmungen"), blank=True)
    vorgeschlagen_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("vorgeschlagen von"),
    )
    vorgeschlagen_am = models.DateTimeField(_("vorgeschlagen am"), default=timezone.now)
    gezeichnet_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gezeichnet von"),
    )
    gezeichnet_am = models.DateTimeField(_("gezeichnet am"), null=True, blank=True)
    verworfen_am = models.DateTimeField(_("zurückverwiesen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Entscheidung")
        verbose_name_plural = _("Entscheidungen")
        ordering = ["-vorgeschlagen_am", "-pk"]
        constraints = [
            # Vier-Augen-Prinzip, also in the database.
            models.CheckConstraint(
                condition=Q(gezeichnet_von__isnull=True)
                | ~Q(gezeichnet_von=F("vorgeschlagen_von")),
                name="entscheidung_vier_augen",
            ),
            models.CheckConstraint(
                condition=Q(betrag__isnull=True) | Q(betrag__gte=0),
                name="entscheidung_betrag_nicht_negativ",
            ),
        ]

    def __str__(self):
        return f"{self.get_art_display()} ({self.antrag})"


class Aktenzeichenzaehler(models.Model):
    """One row per year; locked while a number is drawn, so numbers have no gaps."""

    jahr = models.PositiveSmallIntegerField(unique=True)
    letzte_nummer = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Aktenzeichen-Zähler")
        verbose_name_plural = _("Aktenzeichen-Zähler")

    def __str__(self):
        return f"{self.jahr}: {self.letzte_nummer}"


class Bescheid(PdfDokument):
    """Zuwendungs- or Ablehnungsbescheid; states copies of the amounts, never recomputes."""

    class Art(models.TextChoices):
        ZUWENDUNG = "zuwendungsbescheid", _("Zuwendungsbescheid")
        ABLEHNUNG = "ablehnungsbescheid", _("Ablehnungsbescheid")

    antrag = models.ForeignKey(Foerderantrag, on_delete=models.PROTECT, related_name="bescheide")
    entscheidung = models.OneToOneField(
        Entscheidung, on_delete=models.PROTECT, related_name="bescheid"
    )
    art = models.CharField(_("Art"), max_length=30, choices=Art.choices)
    nummer = models.CharField(_("Bescheidnummer"), max_length=40, unique=True)
    datum = models.DateField(_("Bescheiddatum"), default=date.today)
    beantragter_betrag = _betrag_feld(_("beantragter Betrag"))
    bewilligter_betrag = _betrag_feld(_("bewilligter Betrag"), default=0)
    # The calculation as it stood at signing: list of dicts with strings for amounts.
    berechnung = models.JSONField(_("Berechnung"), default=list)

    pdf_template = "foerderantraege/pdf/bescheid.html"

    class Meta:
        verbose_name = _("Bescheid")
        verbose_name_plural = _("Bescheide")
        ordering = ["-erstellt_am"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bewilligter_betrag__gte=0) & Q(beantragter_betrag__gte=0),
                name="bescheid_betraege_nicht_negativ",
            ),
        ]

    def __str__(self):
        return f"{self.get_art_display()} {self.nummer}"

    def pdf_dateiname(self) -> str:
        return f"bescheid-{self.nummer}.pdf"

    def pdf_kontext(self) -> dict:
        from .dokumente import bescheid_kontext

        return bescheid_kontext(self)

    def nach_fertigstellung(self) -> None:
        from .benachrichtigungen import bescheid_fertig_mitteilen

        bescheid_fertig_mitteilen(self.pk)
