"""The stedelijke resultaatmonitor's small set of comparable indicators, as rows to edit in the admin."""

from django.db import migrations

INDICATORS = [
    # slug, name, unit, bouwsteen slug, goal, source
    ("bereik", "Unieke deelnemers", "deelnemers", None, "Meer Amsterdammers doen mee in hun buurt.", "reports"),
    ("vrijwilligers", "Actieve vrijwilligers", "vrijwilligers", "samenredzaamheid", "Amsterdammers zetten zich in voor elkaar.", "reports"),
    ("vrijwilligersuren", "Vrijwilligersuren", "uren", "samenredzaamheid", "Amsterdammers zetten zich in voor elkaar.", "reports"),
    ("nieuwe-deelnemers", "Deelnemers die voor het eerst meedoen", "procent", "verbondenheid", "Ook wie nog niet meedoet, vindt de weg.", "reports"),
    ("eenzaamheid", "Volwassenen die zich sterk eenzaam voelen", "procent", "verbondenheid", "Minder Amsterdammers zijn eenzaam.", "city"),
]


def create(apps, schema_editor):
    Indicator = apps.get_model("subsidies", "Indicator")
    Bouwsteen = apps.get_model("activities", "Bouwsteen")
    for order, (slug, name, unit, bouwsteen, goal, source) in enumerate(INDICATORS):
        Indicator.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "unit": unit,
                "bouwsteen": Bouwsteen.objects.filter(slug=bouwsteen).first() if bouwsteen else None,
                "goal": goal,
                "source": source,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("subsidies", "0003_reports"), ("activities", "0002_kader")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
