"""Demo data of the shared part: organisations in several Kreise, their users, RP staff."""

from django.contrib.auth.models import Group

from .models import Benutzer, Kreis, Mitgliedschaft, Organisation
from .rollen import RP_REFERATSLEITUNG, RP_SACHBEARBEITUNG

DEMO_PASSWORT = "Demo-Passwort-2026"

ORGANISATIONEN = [
    # (key, name, art, kreisschluessel, strasse, plz, ort, email-domain)
    (
        "esslingen",
        "Landratsamt Esslingen",
        "landkreis",
        "08116",
        "Pulverwiesen 11",
        "73726",
        "Esslingen am Neckar",
        "lra-es.example",
    ),
    (
        "freiburg",
        "Stadt Freiburg im Breisgau",
        "stadtkreis",
        "08311",
        "Rathausplatz 2-4",
        "79098",
        "Freiburg im Breisgau",
        "freiburg.example",
    ),
    (
        "ortenau",
        "Landratsamt Ortenaukreis",
        "landkreis",
        "08317",
        "Badstraße 20",
        "77652",
        "Offenburg",
        "ortenaukreis.example",
    ),
    (
        "tuebingen",
        "Landratsamt Tübingen",
        "landkreis",
        "08416",
        "Wilhelm-Keil-Straße 50",
        "72072",
        "Tübingen",
        "kreis-tuebingen.example",
    ),
    (
        "heidelberg",
        "Stadt Heidelberg",
        "stadtkreis",
        "08221",
        "Marktplatz 10",
        "69117",
        "Heidelberg",
        "heidelberg.example",
    ),
]


def _benutzer(email, name, **extra):
    benutzer, neu = Benutzer.objects.get_or_create(email=email, defaults={"name": name, **extra})
    if neu:
        benutzer.set_password(DEMO_PASSWORT)
        benutzer.save()
    return benutzer


def demo_daten_anlegen(kontext: dict, ausgabe) -> None:
    organisationen = {}
    logins = []
    for key, name, art, ks, strasse, plz, ort, domain in ORGANISATIONEN:
        org, _ = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "art": art,
                "kreis": Kreis.objects.get(kreisschluessel=ks),
                "strasse": strasse,
                "postleitzahl": plz,
                "ort": ort,
                "email": f"integration@{domain}",
            },
        )
        organisationen[key] = org
        chef = _benutzer(f"antrag@{domain}", f"Sachbearbeitung {ort}")
        Mitgliedschaft.objects.get_or_create(
            organisation=org,
            benutzer=chef,
            defaults={"rolle": Mitgliedschaft.Rolle.ZEICHNUNGSBERECHTIGT},
        )
        logins.append((chef.email, f"zeichnungsberechtigt für {org.name}"))
    mitglied = _benutzer("mitglied@lra-es.example", "Mitarbeiterin Integration Esslingen")
    Mitgliedschaft.objects.get_or_create(
        organisation=organisationen["esslingen"],
        benutzer=mitglied,
        defaults={"rolle": Mitgliedschaft.Rolle.MITGLIED},
    )
    logins.append((mitglied.email, "Mitglied (bereitet vor) beim Landratsamt Esslingen"))

    rp = {}
    for email, name, gruppe in [
        ("sachbearbeitung@rps.example", "Sachbearbeitung RP Stuttgart", RP_SACHBEARBEITUNG),
        ("referatsleitung@rps.example", "Referatsleitung RP Stuttgart", RP_REFERATSLEITUNG),
    ]:
        benutzer = _benutzer(email, name, is_staff=True)
        benutzer.groups.add(Group.objects.get(name=gruppe))
        rp[gruppe] = benutzer
        logins.append((email, f"{gruppe} (Verwaltung unter /admin/)"))
    admin = _benutzer(
        "admin@pik-portal.example", "Administration", is_staff=True, is_superuser=True
    )
    logins.append((admin.email, "Administration (alle Rechte)"))

    kontext.update(organisationen=organisationen, rp=rp, logins=logins, mitglied=mitglied)
