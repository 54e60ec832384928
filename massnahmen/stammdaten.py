"""Initial Handlungsfelder and Zielgruppen; afterwards they are edited in the admin.

Plain data only: the data migration 0002 imports it, so keep the names stable.
"""

HANDLUNGSFELDER = [
    # (slug, name)
    ("sprache", "Sprache"),
    ("schule-und-bildung", "Schule und Bildung"),
    ("ausbildung", "Ausbildung"),
    ("arbeitsmarkt", "Arbeitsmarkt"),
    ("beratung-und-begleitung", "Beratung und Begleitung"),
    ("anerkennung", "Anerkennung ausländischer Abschlüsse"),
    ("gesundheit", "Gesundheit"),
]

ZIELGRUPPEN = [
    ("gefluechtete-allgemein", "Geflüchtete allgemein"),
    ("kinder", "Kinder"),
    ("jugendliche", "Jugendliche und junge Erwachsene"),
    ("frauen", "Frauen"),
    ("eltern", "Eltern"),
    ("menschen-mit-duldung", "Menschen mit Duldung oder Gestattung"),
    ("akademiker", "Menschen mit Hochschulabschluss"),
    ("fachkraefte", "Fachkräfte mit Berufserfahrung"),
    ("ehrenamtliche", "Ehrenamtliche und Fachkräfte der Integrationsarbeit"),
]


def stammdaten_anlegen(handlungsfeld_model, zielgruppe_model):
    """Create the rows that are missing; never overwrite what caseworkers changed."""
    for nummer, (slug, name) in enumerate(HANDLUNGSFELDER, start=1):
        handlungsfeld_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "reihenfolge": nummer * 10}
        )
    for nummer, (slug, name) in enumerate(ZIELGRUPPEN, start=1):
        zielgruppe_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "reihenfolge": nummer * 10}
        )
