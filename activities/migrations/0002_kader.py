"""The kader's lists (beleidskader sociale basis §3): bouwstenen, themes and doelgroepen."""

from django.db import migrations

BOUWSTENEN = [
    ("verbondenheid", "Verbondenheid en betrokkenheid",
     "Samen iets doen voor je buurt en andere mensen ontmoeten.",
     "Amsterdammers zetten zich in voor elkaar: bewonersinitiatieven, ontmoeting en buurthuizen."),
    ("samenredzaamheid", "Samenredzaamheid",
     "Steun van andere mensen: vrijwilligers, maatjes, mantelzorgers en lotgenoten.",
     "Perspectief dankzij een sterk netwerk: vrijwilligers, maatjes, mantelzorgers, lotgenoten."),
    ("zelfredzaamheid", "Zelfredzaamheid en ontplooiing",
     "Hulp en lessen dichtbij: taal, computer, geldzaken, gezondheid en praktische hulp.",
     "Laagdrempelige faciliteiten: taal, digitale en financiële vaardigheden, jongerenwerk, gezondheid."),
]

THEMES = [
    ("ontmoeting", "Ontmoeting"),
    ("taal", "Taal"),
    ("digitale-vaardigheden", "Computer en internet"),
    ("geldzaken-en-schulden", "Geldzaken en schulden"),
    ("administratie", "Hulp bij formulieren en post"),
    ("gezondheid-en-bewegen", "Gezondheid en bewegen"),
    ("sport", "Sport"),
    ("kunst-en-cultuur", "Kunst en cultuur"),
    ("opvoeden-en-opgroeien", "Opvoeden en opgroeien"),
    ("mantelzorg", "Mantelzorg"),
    ("vrijwilligerswerk", "Vrijwilligerswerk"),
    ("eenzaamheid", "Eenzaamheid"),
    ("praktische-hulp", "Praktische hulp (klussen, boodschappen)"),
    ("werk-en-participatie", "Werk en meedoen"),
]

DOELGROEPEN = [
    ("alle-amsterdammers", "Iedereen", ""),
    ("jonge-kinderen-en-ouders", "Jonge kinderen en hun ouders", "Van zwangerschap tot 4 jaar"),
    ("kinderen", "Kinderen", "4 tot 12 jaar"),
    ("jongeren", "Jongeren", "12 tot 23 jaar"),
    ("volwassenen", "Volwassenen", ""),
    ("ouderen", "Ouderen", ""),
    ("mantelzorgers", "Mantelzorgers", "Mensen die zorgen voor iemand in hun omgeving"),
    ("vrijwilligers", "Vrijwilligers", ""),
    ("nieuwkomers", "Nieuwkomers", "Ook statushouders"),
    ("mensen-met-een-beperking", "Mensen met een beperking", "Lichamelijk, psychisch of verstandelijk"),
    ("mensen-met-weinig-geld", "Mensen met weinig geld", "Armoede, schulden of geen werk"),
    ("laaggeletterden", "Mensen die moeite hebben met lezen en schrijven", ""),
    ("lhbtiq", "LHBTIQ+", ""),
]


def load(apps, schema_editor):
    Bouwsteen = apps.get_model("activities", "Bouwsteen")
    Theme = apps.get_model("activities", "Theme")
    Doelgroep = apps.get_model("activities", "Doelgroep")
    for order, (slug, name, tagline, description) in enumerate(BOUWSTENEN):
        Bouwsteen.objects.create(slug=slug, name=name, tagline=tagline, description=description, order=order)
    for order, (slug, name) in enumerate(THEMES):
        Theme.objects.create(slug=slug, name=name, order=order)
    for order, (slug, name, description) in enumerate(DOELGROEPEN):
        Doelgroep.objects.create(slug=slug, name=name, description=description, order=order)


def unload(apps, schema_editor):
    for model in ("Doelgroep", "Theme", "Bouwsteen"):
        apps.get_model("activities", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
