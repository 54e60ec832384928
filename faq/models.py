"""PIK-FAQ: categories, questions with Markdown answers, slug history and votes."""

import html

from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from pik_portal.markdown import markdown_zu_html
from pik_portal.models import TimeStampedModel


class Kategorie(TimeStampedModel):
    titel = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=100,
        unique=True,
        help_text=_("Wird Teil des Links. Alte Kurznamen leiten nach einer Änderung weiter."),
    )
    reihenfolge = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    kurzbeschreibung = models.TextField(_("Kurzbeschreibung"), blank=True)

    class Meta:
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")
        ordering = ["reihenfolge", "titel"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("faq:kategorie", kwargs={"kategorie": self.slug})

    def save(self, *args, **kwargs):
        with transaction.atomic():
            _slug_historie_fuehren(self, KategorieSlugAlt, "kategorie")
            super().save(*args, **kwargs)
            KategorieSlugAlt.objects.filter(slug=self.slug).delete()


class FrageQuerySet(models.QuerySet):
    def veroeffentlicht(self):
        return self.filter(veroeffentlicht=True)


class Frage(TimeStampedModel):
    kategorie = models.ForeignKey(
        Kategorie, on_delete=models.PROTECT, related_name="fragen", verbose_name=_("Kategorie")
    )
    frage = models.CharField(_("Frage"), max_length=300)
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=120,
        unique=True,
        help_text=_("Wird Teil des Links. Alte Kurznamen leiten nach einer Änderung weiter."),
    )
    antwort = models.TextField(
        _("Antwort"),
        help_text=_(
            "Markdown: **fett**, *kursiv*, Listen mit „-“, Links als [Text](https://…). "
            "HTML, Skripte und javascript:-Links werden entfernt."
        ),
    )
    # Plain text of the rendered answer: what full-text search and excerpts work on.
    antwort_klartext = models.TextField(_("Antwort als Text"), blank=True, editable=False)
    reihenfolge = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    veroeffentlicht = models.BooleanField(_("veröffentlicht"), default=False)
    beispielinhalt = models.BooleanField(
        _("Beispielinhalt"),
        default=False,
        help_text=_("Wird öffentlich als Beispielinhalt gekennzeichnet (Demodaten)."),
    )
    # Only a change of question or answer counts as an update; votes and publishing do not.
    aktualisiert_am = models.DateTimeField(
        _("zuletzt aktualisiert"), default=timezone.now, editable=False
    )
    verwandte_fragen = models.ManyToManyField(
        "self", blank=True, symmetrical=True, verbose_name=_("verwandte Fragen")
    )

    objects = FrageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Frage")
        verbose_name_plural = _("Fragen")
        ordering = ["kategorie__reihenfolge", "kategorie__titel", "reihenfolge", "frage"]
        indexes = [models.Index(fields=["veroeffentlicht", "kategorie", "reihenfolge"])]

    def __str__(self):
        return self.frage

    def get_absolute_url(self):
        return reverse("faq:frage", kwargs={"kategorie": self.kategorie.slug, "frage": self.slug})

    @property
    def antwort_html(self):
        return markdown_zu_html(self.antwort)

    def save(self, *args, **kwargs):
        self.antwort_klartext = html.unescape(strip_tags(markdown_zu_html(self.antwort))).strip()
        with transaction.atomic():
            alt = _slug_historie_fuehren(self, FrageSlugAlt, "frage")
            if alt is None or (alt["frage"], alt["antwort"]) != (self.frage, self.antwort):
                self.aktualisiert_am = timezone.now()
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "aktualisiert_am"}
            super().save(*args, **kwargs)
            FrageSlugAlt.objects.filter(slug=self.slug).delete()


def _slug_historie_fuehren(obj, alt_modell, fk_name):
    """Remember the previous slug of ``obj`` so old links keep working.

    Returns the stored row (as a dict) or None for a new object.
    """
    if obj.pk is None:
        return None
    felder = ["slug"] + (["frage", "antwort"] if fk_name == "frage" else [])
    alt = type(obj).objects.filter(pk=obj.pk).values(*felder).first()
    if alt is None:
        return None
    if alt["slug"] != obj.slug:
        alt_modell.objects.update_or_create(slug=alt["slug"], defaults={fk_name: obj})
    return alt


class KategorieSlugAlt(models.Model):
    """A former slug of a category; requests to it redirect to the current one."""

    kategorie = models.ForeignKey(Kategorie, on_delete=models.CASCADE, related_name="alte_slugs")
    slug = models.SlugField(_("früherer Kurzname"), max_length=100, unique=True)
    geaendert_am = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("früherer Kurzname einer Kategorie")
        verbose_name_plural = _("frühere Kurznamen von Kategorien")

    def __str__(self):
        return self.slug


class FrageSlugAlt(models.Model):
    """A former slug of a question; requests to it redirect to the current one."""

    frage = models.ForeignKey(Frage, on_delete=models.CASCADE, related_name="alte_slugs")
    slug = models.SlugField(_("früherer Kurzname"), max_length=120, unique=True)
    geaendert_am = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("früherer Kurzname einer Frage")
        verbose_name_plural = _("frühere Kurznamen von Fragen")

    def __str__(self):
        return self.slug


class Bewertung(models.Model):
    """One answer to "War diese Antwort hilfreich?" – at most one per session and question."""

    frage = models.ForeignKey(Frage, on_delete=models.CASCADE, related_name="bewertungen")
    hilfreich = models.BooleanField(_("hilfreich"))
    # SHA-256 of the session key: enough to refuse a second vote, useless to identify anyone.
    sitzung = models.CharField(_("Sitzung (Hash)"), max_length=64)
    abgegeben_am = models.DateTimeField(_("abgegeben am"), default=timezone.now)

    class Meta:
        verbose_name = _("Bewertung")
        verbose_name_plural = _("Bewertungen")
        ordering = ["-abgegeben_am"]
        constraints = [
            models.UniqueConstraint(fields=["frage", "sitzung"], name="faq_bewertung_je_sitzung")
        ]

    def __str__(self):
        return f"{self.frage_id}: {'ja' if self.hilfreich else 'nein'}"
