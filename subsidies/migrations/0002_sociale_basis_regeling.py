"""The Subsidieregeling Sociale Basis with its tracks and the kader's toetsingskader, as rows.

Functional administrators reword, add or retire them in the admin; rewording a condition makes a
new version, so assessments already made keep their words. Rondes per stadsdeel come from the admin.
"""

from django.db import migrations

TRACKS = [
    # slug, name, description, form, max euros, accountability, required attachments
    (
        "klein-initiatief",
        "Klein initiatief",
        "Een startbijdrage of een jaarlijks basisbedrag voor bewonersinitiatieven en stadsdorpen.",
        "short",
        5000,
        "statement",
        [],
    ),
    ("incidenteel", "Incidenteel", "Eén project, met één eindverslag.", "full", None, "final", ["begroting"]),
    (
        "structureel",
        "Structureel of meerjarig",
        "Kernfuncties zoals welzijnswerk, jongerenwerk en buurtteams, met halfjaarverslagen.",
        "full",
        None,
        "half_yearly",
        ["begroting", "jaarrekening", "activiteitenplan"],
    ),
]

CONDITIONS = [
    # group, slug, title, description, also on the short form
    (
        "uitvoering",
        "veiligheid",
        "Veiligheid",
        "Vrijwilligers die met minderjarigen of kwetsbare mensen werken hebben een VOG. Voor belangrijke "
        "risico's is er een plan.",
        True,
    ),
    (
        "uitvoering",
        "inclusiviteit",
        "Inclusiviteit",
        "De activiteit staat open voor andere culturen, LHBTIQ+-ers en Amsterdammers met een beperking.",
        True,
    ),
    (
        "uitvoering",
        "gezondheid",
        "Gezondheid",
        "De activiteit draagt bij aan een gezonde omgeving en beschermt jongeren tegen ongezonde invloeden.",
        False,
    ),
    (
        "uitvoering",
        "communicatie",
        "Communicatie",
        "De communicatie is begrijpelijk voor laaggeletterden en bruikbaar voor mensen met een visuele of "
        "auditieve beperking.",
        False,
    ),
    (
        "samenwerking",
        "continuiteit",
        "Continuïteit",
        "De activiteit is geworteld in de buurt en werkt samen met buurtteams, huisartsen en corporaties.",
        False,
    ),
    (
        "samenwerking",
        "gebiedsgericht",
        "Gebiedsgericht",
        "De activiteit draagt bij aan de opgave en het uitvoeringsplan van het gebied.",
        False,
    ),
    (
        "samenwerking",
        "resultaatgericht",
        "Resultaatgericht",
        "De organisatie rapporteert de indicatoren van de stedelijke resultaatmonitor.",
        False,
    ),
    (
        "samenwerking",
        "accommodatie",
        "Maatschappelijke accommodatie",
        "Er is een geschikte plek om de activiteit te doen.",
        False,
    ),
    ("formeel", "begroting", "Begroting", "De aanvraag heeft een begroting met kosten en inkomsten.", True),
    ("formeel", "kvk", "KvK-nummer", "De organisatie staat in het Handelsregister (niet nodig voor informele initiatieven).", True),
    (
        "formeel",
        "jaarrekening-en-plan",
        "Jaarrekening en activiteitenplan",
        "Bij structurele subsidie: de laatste jaarrekening en het activiteitenplan.",
        False,
    ),
]


def create(apps, schema_editor):
    Regeling = apps.get_model("subsidies", "Regeling")
    Track = apps.get_model("subsidies", "Track")
    Condition = apps.get_model("subsidies", "Condition")
    ConditionVersion = apps.get_model("subsidies", "ConditionVersion")
    regeling, _created = Regeling.objects.get_or_create(
        slug="sociale-basis",
        defaults={
            "name": "Subsidieregeling Sociale Basis",
            "description": "Subsidie voor activiteiten en ondersteuning in de buurt, volgens het beleidskader sociale basis.",
            "decision_weeks": 8,
        },
    )
    for order, (slug, name, description, form, max_euros, accountability, attachments) in enumerate(TRACKS):
        Track.objects.get_or_create(
            regeling=regeling,
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "form": form,
                "max_amount_cents": max_euros * 100 if max_euros else None,
                "accountability": accountability,
                "required_attachments": attachments,
                "order": order,
            },
        )
    for order, (group, slug, title, description, short) in enumerate(CONDITIONS):
        condition, created = Condition.objects.get_or_create(
            regeling=regeling,
            slug=slug,
            defaults={
                "group": group,
                "title": title,
                "description": description,
                "applies_to_short_form": short,
                "order": order,
            },
        )
        if created:
            ConditionVersion.objects.create(condition=condition, number=1, title=title, description=description)


class Migration(migrations.Migration):
    dependencies = [("subsidies", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
