"""The RP roles (Django groups) and their admin permissions.

Every app declares the permissions it grants in its AppConfig as
``rollen_berechtigungen = {"RP-Sachbearbeitung": ["app_label.codename", ...]}``;
after each migrate the groups are brought in line with those declarations.
"""

from django.apps import apps as global_apps

RP_SACHBEARBEITUNG = "RP-Sachbearbeitung"
RP_REFERATSLEITUNG = "RP-Referatsleitung"
RP_ROLLEN = (RP_SACHBEARBEITUNG, RP_REFERATSLEITUNG)


def rollen_berechtigungen_abgleichen(sender=None, using="default", **kwargs):
    from django.contrib.auth.models import Group, Permission

    gewuenscht: dict[str, set[str]] = {name: set() for name in RP_ROLLEN}
    for config in global_apps.get_app_configs():
        for gruppe, codes in getattr(config, "rollen_berechtigungen", {}).items():
            gewuenscht.setdefault(gruppe, set()).update(codes)

    for gruppe_name, codes in gewuenscht.items():
        gruppe, _ = Group.objects.using(using).get_or_create(name=gruppe_name)
        perms = []
        for code in sorted(codes):
            app_label, codename = code.split(".", 1)
            perm = (
                Permission.objects.using(using)
                .filter(content_type__app_label=app_label, codename=codename)
                .first()
            )
            if perm is not None:
                perms.append(perm)
        gruppe.permissions.set(perms)
