"""The public catalogue of education and labour-market measures (Maßnahmen)."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pik_portal.models import Kreis, TimeStampedModel


class Handlungsfeld(models.Model):
    """A field of action (Sprache, Ausbildung, …) – editable data, not code."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=100, unique=True)
    reihenfolge = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["reihenfolge", "name"]

    def __str__(self):
        return self.name


class Zielgruppe(models.Model):
    """A target group (Jugendliche, Frauen, …) – editable data, not code."""

    # No commas: the CSV import lists several Zielgruppen separated by commas.
    name = models.CharField(
        _("Name"),
        max_length=100,
        unique=True,
        validators=[RegexValidator(r",", inverse_match=True, message=_("Bitte ohne Komma."))],
    )
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=100, unique=True)
    reihenfolge = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
        ordering = ["reihenfolge", "name"]

    def __str__(self):
        return self.name


class MassnahmeQuerySet(models.QuerySet):
    def veroeffentlicht(self):
        return self.filter(veroeffentlicht=True)

    def laufend(self, stichtag=None):
        """Measures that have begun and not yet ended on ``stichtag`` (default today)."""
        stichtag = stichtag or timezone.localdate()
        return self.filter(beginn__lte=stichtag).filter(
            Q(ende__isnull=True) | Q(ende__gte=stichtag)
        )

    def fuer_kreis(self, kreis):
        """Measures offered in ``kreis``: those for the whole Land and those naming it.

        A subquery instead of a join, so no measure appears twice.
        """
        im_kreis = Massnahme.kreise.through.objects.filter(kreis=kreis).values("massnahme_id")
        return self.filter(Q(landesweit=True) | Q(pk__in=im_kreis))

    def fuer_zielgruppe(self, zielgruppe):
        mit_gruppe = Massnahme.zielgruppen.through.objects.filter(zielgruppe=zielgruppe).values(
            "massnahme_id"
        )
        return self.filter(pk__in=mit_gruppe)

    def fuer_liste(self):
        """Everything a table row or an export line shows, in a fixed number of queries."""
        return self.select_related("handlungsfeld").prefetch_related("zielgruppen", "kreise")


class Massnahme(TimeStampedModel):
    """One programme or measure; ``geaendert_am`` is the public "zuletzt aktualisiert"."""

    titel = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=200,
        unique=True,
        help_text=_("Bleibt dauerhaft gleich, damit Links auf die Maßnahme gültig bleiben."),
    )
    kurzbeschreibung = models.CharField(_("Kurzbeschreibung"), max_length=400)
    beschreibung = models.TextField(
        _("Beschreibung"),
        blank=True,
        help_text=_("Markdown: **fett**, *kursiv*, Listen mit „- “, Links [Text](https://…)."),
    )
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        on_delete=models.PROTECT,
        related_name="massnahmen",
        verbose_name=_("Handlungsfeld"),
    )
    zielgruppen = models.ManyToManyField(
        Zielgruppe, related_name="massnahmen", verbose_name=_("Zielgruppen"), blank=True
    )
    ressort = models.CharField(
        _("Ressort"),
        max_length=200,
        help_text=_("Zuständiges Ministerium oder zuständige Stelle, z. B. Kultusministerium."),
    )
    traeger = models.CharField(
        _("Träger"),
        max_length=300,
        blank=True,
        help_text=_("Wer die Maßnahme durchführt, z. B. Volkshochschulen oder Kammern."),
    )
    foerderprogramm = models.CharField(_("Förderprogramm"), max_length=300, blank=True)
    landesweit = models.BooleanField(
        _("landesweit"),
        default=False,
        help_text=_("Gilt in ganz Baden-Württemberg; sonst nur in den gewählten Kreisen."),
    )
    kreise = models.ManyToManyField(
        Kreis,
        related_name="massnahmen",
        verbose_name=_("Stadt- und Landkreise"),
        blank=True,
    )
    beginn = models.DateField(_("Beginn"))
    ende = models.DateField(_("Ende"), null=True, blank=True, help_text=_("Leer: unbefristet."))
    link = models.URLField(_("Link"), max_length=500, blank=True)
    kontakt = models.TextField(_("Kontakt"), blank=True)
    veroeffentlicht = models.BooleanField(_("veröffentlicht"), default=False)
    beispielinhalt = models.BooleanField(
        _("Beispielinhalt"),
        default=False,
        help_text=_("Demotext ohne amtliche Geltung; wird öffentlich als Beispiel gekennzeichnet."),
    )

    objects = MassnahmeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        ordering = ["titel", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ende__isnull=True) | Q(ende__gte=models.F("beginn")),
                name="massnahme_ende_nach_beginn",
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("massnahmen:detail", kwargs={"slug": self.slug})

    def region_text(self) -> str:
        """'landesweit' or the names of the Kreise (uses the prefetched ``kreise``)."""
        if self.landesweit:
            return str(_("landesweit"))
        return ", ".join(str(k) for k in self.kreise.all())
