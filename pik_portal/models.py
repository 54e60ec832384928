"""Shared models: user, the 44 Stadt- und Landkreise, organisations and their members."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    erstellt_am = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    geaendert_am = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        abstract = True


class BenutzerManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("Eine E-Mail-Adresse ist erforderlich.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class Benutzer(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with an e-mail address."""

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    is_staff = models.BooleanField(
        _("Zugang zur Verwaltung"),
        default=False,
        help_text=_("Darf sich in der Verwaltungsoberfläche des Regierungspräsidiums anmelden."),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    date_joined = models.DateTimeField(_("registriert am"), default=timezone.now)

    objects = BenutzerManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("Benutzer*in")
        verbose_name_plural = _("Benutzer*innen")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="benutzer_email_ci_unique"),
        ]

    def __str__(self):
        return self.name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name or self.email

    def hat_rolle(self, gruppe: str) -> bool:
        """True if the user belongs to the named RP group (superusers have every role)."""
        if not self.is_active:
            return False
        if self.is_superuser:
            return True
        cache = getattr(self, "_gruppen_cache", None)
        if cache is None:
            cache = self._gruppen_cache = set(self.groups.values_list("name", flat=True))
        return gruppe in cache


class Regierungsbezirk(models.TextChoices):
    STUTTGART = "Stuttgart", _("Stuttgart")
    KARLSRUHE = "Karlsruhe", _("Karlsruhe")
    FREIBURG = "Freiburg", _("Freiburg")
    TUEBINGEN = "Tübingen", _("Tübingen")


class Kreis(models.Model):
    """One of the 44 Stadt- und Landkreise of Baden-Württemberg (reference data)."""

    class Art(models.TextChoices):
        STADTKREIS = "Stadtkreis", _("Stadtkreis")
        LANDKREIS = "Landkreis", _("Landkreis")

    kreisschluessel = models.CharField(_("Kreisschlüssel"), max_length=5, unique=True)
    name = models.CharField(_("Name"), max_length=100)
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices)
    regierungsbezirk = models.CharField(
        _("Regierungsbezirk"), max_length=20, choices=Regierungsbezirk.choices
    )
    einwohner = models.PositiveIntegerField(_("Einwohner"), default=0)

    class Meta:
        verbose_name = _("Stadt- oder Landkreis")
        verbose_name_plural = _("Stadt- und Landkreise")
        ordering = ["kreisschluessel"]

    def __str__(self):
        if self.art == self.Art.STADTKREIS:
            return f"{self.name} (Stadtkreis)"
        return f"Landkreis {self.name}"

    @property
    def regierungspraesidium(self):
        return f"Regierungspräsidium {self.regierungsbezirk}"


class Organisation(TimeStampedModel):
    """A body that files applications: Stadt, Gemeinde, Stadt-/Landkreis or freier Träger."""

    class Art(models.TextChoices):
        STADT = "stadt", _("Stadt")
        GEMEINDE = "gemeinde", _("Gemeinde")
        STADTKREIS = "stadtkreis", _("Stadtkreis")
        LANDKREIS = "landkreis", _("Landkreis")
        FREIER_TRAEGER = "freier_traeger", _("Freier Träger")

    name = models.CharField(_("Name"), max_length=200)
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices)
    kreis = models.ForeignKey(
        Kreis, on_delete=models.PROTECT, related_name="organisationen", verbose_name=_("Kreis")
    )
    strasse = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postleitzahl = models.CharField(_("Postleitzahl"), max_length=5)
    ort = models.CharField(_("Ort"), max_length=100)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    mitglieder = models.ManyToManyField(
        Benutzer, through="Mitgliedschaft", related_name="organisationen"
    )

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def ist_kreis(self) -> bool:
        return self.art in (self.Art.STADTKREIS, self.Art.LANDKREIS)

    @property
    def anschrift_zeilen(self) -> list[str]:
        return [self.name, self.strasse, f"{self.postleitzahl} {self.ort}"]


class Mitgliedschaft(TimeStampedModel):
    class Rolle(models.TextChoices):
        MITGLIED = "mitglied", _("Mitglied")
        ZEICHNUNGSBERECHTIGT = "zeichnungsberechtigt", _("Zeichnungsberechtigt")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="mitgliedschaften"
    )
    benutzer = models.ForeignKey(
        Benutzer, on_delete=models.CASCADE, related_name="mitgliedschaften"
    )
    rolle = models.CharField(
        _("Rolle"),
        max_length=20,
        choices=Rolle.choices,
        default=Rolle.MITGLIED,
        help_text=_(
            "Mitglieder bereiten Anträge vor; Zeichnungsberechtigte reichen sie "
            "rechtsverbindlich ein und verwalten die Mitglieder."
        ),
    )

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "benutzer"], name="mitgliedschaft_einmalig"
            ),
        ]

    def __str__(self):
        return f"{self.benutzer} – {self.organisation} ({self.get_rolle_display()})"

    @property
    def ist_zeichnungsberechtigt(self) -> bool:
        return self.rolle == self.Rolle.ZEICHNUNGSBERECHTIGT


class Protokolleintrag(models.Model):
    """Audit row for changes of shared data (memberships, roles)."""

    zeitpunkt = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    benutzer = models.ForeignKey(
        Benutzer, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("durch")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, related_name="protokoll"
    )
    aktion = models.CharField(_("Aktion"), max_length=50)
    beschreibung = models.TextField(_("Beschreibung"))

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")
        ordering = ["-zeitpunkt"]

    def __str__(self):
        return f"{self.zeitpunkt:%d.%m.%Y %H:%M} {self.aktion}"
