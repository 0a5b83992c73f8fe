"""The bouwstenen in residents' words: what they look for, not the kader's policy term."""

from django.db import migrations, models

RESIDENT_NAMES = {
    "verbondenheid": "Mensen ontmoeten en samen iets doen",
    "samenredzaamheid": "Elkaar helpen en steunen",
    "zelfredzaamheid": "Hulp bij taal, geld, formulieren en meer",
}


def name_for_residents(apps, schema_editor):
    Bouwsteen = apps.get_model("activities", "Bouwsteen")
    for slug, name in RESIDENT_NAMES.items():
        Bouwsteen.objects.filter(slug=slug, resident_name="").update(resident_name=name)


class Migration(migrations.Migration):
    dependencies = [("activities", "0015_activity_online")]

    operations = [
        migrations.AddField(
            model_name="bouwsteen",
            name="resident_name",
            field=models.CharField(blank=True, max_length=100, verbose_name="naam voor bewoners"),
        ),
        migrations.RunPython(name_for_residents, migrations.RunPython.noop),
    ]
